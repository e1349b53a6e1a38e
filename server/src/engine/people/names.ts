/**
 * Names: whether a given/family name looks like a real person's (from faker's locale dictionaries, so no
 * list is written by hand) and whether a person is an obvious placeholder or generated test patient.
 * STUB: the person-record detector's author builds the dictionaries; the signatures stay.
 */

export function isKnownGivenName(name: string): boolean {
  return /^[A-Z][a-z]+$/.test(name.trim());
}

export function isKnownFamilyName(name: string): boolean {
  return /^[A-Z][a-z]+$/.test(name.trim());
}

/** A full name as written ("Marie Dupont", "DUPONT, Marie", "Dupont^Marie" in HL7) that looks real. */
export function looksLikeRealName(fullName: string): boolean {
  const parts = fullName.split(/[\s,^]+/).filter(Boolean);
  return parts.length >= 2 && parts.every((p) => /^\p{Lu}[\p{L}'-]+$/u.test(p));
}

/** John/Jane Doe, Test Patient, ZZTEST, Synthea-style names with digits, the FHIR spec's example patients. */
export function isSyntheticName(fullName: string): boolean {
  return /\b(doe|test|zztest|example|sample|dummy)\b|\d/i.test(fullName);
}
