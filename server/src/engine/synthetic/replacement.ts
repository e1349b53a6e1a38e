/**
 * Synthetic replacements for patient data: a value of the same kind, format and locale, generated with a
 * seeded faker (reproducible fixes), from an official test range where one exists, otherwise recognisably
 * synthetic, so that the engine never reports its own replacements.
 * STUB: the identifier detector's author implements it; the signature stays.
 */
export type ReplacementKind = { identifier: string } | 'given-name' | 'family-name' | 'full-name' | 'birth-date' | 'phone' | 'email' | 'address';

export function syntheticReplacement(kind: ReplacementKind, original: string): string {
  void kind;
  return original.replace(/[0-9]/g, '0').replace(/[A-Za-z]/g, 'X');
}
