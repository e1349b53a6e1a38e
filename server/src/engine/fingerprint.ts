import { createHash } from 'node:crypto';

/**
 * A finding's fingerprint hashes what it is (rule, file, masked evidence, the masked line around it with
 * white space folded) and which occurrence of that it is in the file, never its line number: it survives
 * lines moving. Only masked text goes in, so the hash cannot be brute-forced back to an identifier.
 */
export function fingerprintOf(ruleId: string, file: string, maskedEvidence: string, maskedLine: string, occurrence: number): string {
  return createHash('sha256')
    .update([ruleId, file, maskedEvidence, maskedLine.replace(/\s+/g, ' ').trim(), String(occurrence)].join('\u0000'))
    .digest('hex')
    .slice(0, 32);
}
