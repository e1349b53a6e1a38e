import * as fs from 'node:fs';
import { run } from '../src/cli/main';
import { writeTree, type CliRun } from './helpers';

/** A line that transport.cleartext-url (severity warning) reports. */
export const CLEARTEXT = (host = 'records.stmarys-hospital.org') => `fetch('http://${host}/api/patients');\n`;

/** Temporary trees made in a suite, removed after it. */
export function treeFactory(): { make: (files: Record<string, string | Buffer>) => string; cleanup: () => void } {
  const made: string[] = [];
  return {
    make(files) {
      const dir = writeTree(files);
      made.push(dir);
      return dir;
    },
    cleanup() {
      for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A minimal valid workspace rule pack with one regex rule; `patch` edits the YAML text. */
export function rulePack(id: string, fields: { severity?: string; regex?: string; category?: string } = {}): string {
  return `rules:
  - id: ${id}
    category: ${fields.category ?? 'patient-data'}
    severity: ${fields.severity ?? 'error'}
    title: Test rule
    message: Found a test marker.
    description: A rule written by a test.
    references: { other: [test] }
    patterns:
      - regex: '${fields.regex ?? 'TEST_MARKER_[0-9]+'}'
    examples:
      bad: [{ language: javascript, code: 'x = TEST_MARKER_1' }]
      good: [{ language: javascript, code: 'x = 1' }]
`;
}

/**
 * Runs the CLI's entry point in this process (much faster than a child process) for tests of messages and
 * exit codes; the bundled CLI itself is exercised by runCli in cli.test.ts.
 */
export async function runMain(args: string[], cwd: string): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const status = await run(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), isTty: false, cwd });
  return { status, stdout, stderr };
}
