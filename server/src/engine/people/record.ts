import { recognizeInContext, type Recognition } from '../identifiers/recognize';
import type { IdentifierSet } from '../types';
import type { ReplacementKind } from '../synthetic/replacement';
import { parseBirthDate } from './dates';
import type { FieldKind } from './fields';
import { isNameShaped, isSyntheticName, looksLikeRealName, nameWords } from './names';

/** One value of a candidate record, as found in a file: its key (or column) and where its raw text sits. */
export interface FieldValue {
  /** The key or column header as written; the only part of a field that messages may show. */
  key: string;
  kind?: FieldKind;
  value: string;
  start: number;
  end: number;
  /** Set when the value is already known to be a plausible birth date (a date built in code). */
  birthDate?: boolean;
  /**
   * Set when the value is known to be a person's name by how it is written (`format`: an HL7 `Family^Given`)
   * or by the field it is given as (`label`: `PID-5 "…"`): one known name part, or none, is then enough.
   */
  named?: 'format' | 'label';
}

export interface Companion {
  field: FieldValue;
  /** What the field is, in words ('date of birth', 'UK NHS number'): safe for messages. */
  label: string;
  synthetic: boolean;
  /** The identifier type's id, when the field is a validated identifier. */
  identifierType?: string;
  /** A real (not test-range) identifier whose type has a check digit. */
  checked?: boolean;
}

/** A record that holds a real-looking name with at least one other quasi-identifier. */
export interface PersonVerdict {
  /** The name fields (a full name, or a given and a family name), in text order. */
  name: FieldValue[];
  nameKind: Extract<ReplacementKind, string>;
  companions: Companion[];
  /** The name is a placeholder or generated, or every companion is a documented test value. */
  synthetic: boolean;
  nameSynthetic: boolean;
}

export interface JudgeOptions {
  /** Names in free text must pair a known given name with a known family name. */
  strictName?: boolean;
  /** Words about the record (a callee, a table name) that help recognise identifiers. */
  context?: string;
  /** The enabled identifier sets (all by default). */
  sets?: readonly IdentifierSet[];
}

/** Decides whether a group of fields is a person record. */
export function judgeRecord(fields: FieldValue[], options: JudgeOptions = {}): PersonVerdict | undefined {
  const name = nameOf(fields, options.strictName ?? false);
  if (!name) return undefined;
  const companions = fields.filter((f) => !name.fields.includes(f)).flatMap((f) => companionOf(f, options.context ?? '', options.sets) ?? []);
  if (companions.length === 0) return undefined;
  const nameSynthetic = isSyntheticName(name.fields.map((f) => f.value).join(' '));
  return {
    name: name.fields,
    nameKind: name.kind,
    companions,
    synthetic: nameSynthetic || companions.every((c) => c.synthetic),
    nameSynthetic,
  };
}

/** Synthea's numeric suffixes (Jacinto644) set aside, so that generated names are judged, then marked synthetic. */
const withoutSuffixes = (s: string) => s.replace(/(\p{L})\d{1,4}\b/gu, '$1');

function nameOf(fields: FieldValue[], strict: boolean): { fields: FieldValue[]; kind: PersonVerdict['nameKind'] } | undefined {
  for (const f of fields) {
    if (f.kind !== 'full-name') continue;
    if (f.named === 'label' ? nameWords(f.value) : looksLikeRealName(withoutSuffixes(f.value), strict && !f.named)) return { fields: [f], kind: 'full-name' };
  }
  const given = fields.find((f) => f.kind === 'given-name' && isNamePart(withoutSuffixes(f.value)));
  const family = fields.find((f) => f.kind === 'family-name' && isNamePart(withoutSuffixes(f.value)));
  if (given && family && looksLikeRealName(withoutSuffixes(`${given.value} ${family.value}`), strict)) {
    return { fields: given.start < family.start ? [given, family] : [family, given], kind: given.start < family.start ? 'given-name' : 'family-name' };
  }
  return undefined;
}

/** One to three name-shaped words (Marie, Jean-Pierre, van de Heuvel). */
/**
 * Whether some record made of these fields could name a person (the first test judgeRecord makes, for all
 * the records at once): when none can, grouping the fields into records is not worth its cost.
 */
export function mayHoldName(fields: FieldValue[]): boolean {
  const namePart = (kind: FieldKind) => fields.some((f) => f.kind === kind && isNamePart(withoutSuffixes(f.value)));
  return fields.some((f) => f.kind === 'full-name' && looksLikeRealName(withoutSuffixes(f.value))) || (namePart('given-name') && namePart('family-name'));
}

function isNamePart(value: string): boolean {
  const words = value.trim().split(/\s+/);
  return words.length <= 3 && words.some(isNameShaped) && words.every((w) => isNameShaped(w) || /^\p{Ll}{1,3}$/u.test(w));
}

const LABELS: Partial<Record<FieldKind, string>> = {
  'birth-date': 'date of birth',
  phone: 'phone number',
  email: 'email address',
  address: 'address',
  diagnosis: 'diagnosis',
};

/** Whether a field is a quasi-identifier next to a name, and what it is. */
export function companionOf(f: FieldValue, context: string, sets?: readonly IdentifierSet[]): Companion | undefined {
  const v = f.value.trim();
  switch (f.kind) {
    case 'full-name':
    case 'given-name':
    case 'family-name':
      return undefined;
    case 'birth-date':
      return f.birthDate || parseBirthDate(v) ? { field: f, label: LABELS['birth-date']!, synthetic: false } : undefined;
    case 'phone': {
      const digits = v.replace(/\D/g, '');
      if (!/^\+?[\d\s().\-/]+$/.test(v) || digits.length < 7 || digits.length > 15) return undefined;
      return { field: f, label: LABELS.phone!, synthetic: isFictionalPhone(digits) };
    }
    case 'email': {
      const m = /^[^@\s]+@([^@\s]+\.[a-z]{2,})$/i.exec(v);
      return m ? { field: f, label: LABELS.email!, synthetic: isReservedDomain(m[1]) } : undefined;
    }
    case 'address':
    case 'diagnosis':
      return /[\p{L}\p{N}]{2}/u.test(v) && !isPlaceholderValue(v) ? { field: f, label: LABELS[f.kind]!, synthetic: false } : undefined;
    default: {
      const id = identifierOf(v, `${f.key} ${context}`, { sets });
      return id ? { field: f, label: id.type.label, synthetic: id.testValue, identifierType: id.type.id, checked: !id.type.unchecked && !id.testValue } : undefined;
    }
  }
}

/** A validated identifier of a patient or person (provider and payment numbers do not make a person record). */
export function identifierOf(
  value: string,
  context: string,
  { besideName = true, sets }: { besideName?: boolean; sets?: readonly IdentifierSet[] } = {},
): Recognition | undefined {
  if (!/\d/.test(value) || value.length < 8 || value.length > 24) return undefined;
  // Beside a name, the record itself is about a person: that is context enough for a distinctive value.
  const id = recognizeInContext(value.trim(), besideName ? `${context} person` : context, { sets });
  return id && (id.type.kind === 'patient' || id.type.kind === 'person') ? id : undefined;
}

/** US 555-0100…0199 and UK Ofcom drama numbers (07700 900000…900999) are reserved for fiction. */
function isFictionalPhone(digits: string): boolean {
  return /55501\d\d$/.test(digits) || /(?:^|44)7700900\d{3}$/.test(digits);
}

/** RFC 2606 / 6761 names reserved for documentation and tests. */
function isReservedDomain(domain: string): boolean {
  return /(?:^|\.)(?:example\.(?:com|org|net)|example|test|invalid|localhost)$/i.test(domain);
}

function isPlaceholderValue(v: string): boolean {
  return /^(?:string|null|none|n\/?a|todo|tbd|unknown|xxx+|-+|\?+|\$\{.*\}|\{\{.*\}\}|%s)$/i.test(v);
}
