/**
 * Synthetic replacements for patient data: a value of the same kind, format and locale, generated with a
 * seeded faker (the seed is a hash of the original, so a fix is reproducible), from an official test range
 * where one exists, otherwise recognisably synthetic, so that the engine never reports its own replacements.
 */
import { TEST_CARD_NUMBERS, identifierTypeById, type IdentifierType } from '../identifiers/catalog';
import { seededFaker, type Faker } from './fakerLocale';

export type ReplacementKind = { identifier: string } | 'given-name' | 'family-name' | 'full-name' | 'birth-date' | 'phone' | 'email' | 'address';

/**
 * A synthetic value to put in place of `original`. `locale` (a faker locale id such as `fr` or `en_GB`)
 * picks the names and addresses; without it the identifier's own locale, or a guess from the original's
 * letters, is used.
 */
export function syntheticReplacement(kind: ReplacementKind, original: string, locale?: string): string {
  const cacheKey = `${typeof kind === 'string' ? kind : kind.identifier}\u0000${locale ?? ''}\u0000${original}`;
  let value = cache.get(cacheKey);
  if (value === undefined) {
    // Seeding faker costs more than the rest of a finding: a file repeating one value seeds it once.
    if (cache.size >= CACHE_SIZE) cache.clear();
    cache.set(cacheKey, (value = generate(kind, original, locale)));
  }
  return value;
}

const CACHE_SIZE = 2000;
const cache = new Map<string, string>();

function generate(kind: ReplacementKind, original: string, locale?: string): string {
  const key = typeof kind === 'string' ? kind : kind.identifier;
  const type = typeof kind === 'string' ? undefined : identifierTypeById(kind.identifier);
  const f = seededFaker(locale ?? type?.locale ?? guessLocale(original), hash(`${key}\u0000${original}`));
  if (typeof kind !== 'string') return type ? identifier(type, original, f) : original.replace(/\d/g, '9');
  switch (kind) {
    case 'given-name':
      return sameCase(original, syntheaName(f.person.firstName(), f));
    case 'family-name':
      return sameCase(original, syntheaName(f.person.lastName(), f));
    case 'full-name':
      return fullName(original, f);
    case 'birth-date':
      return birthDate(original, f);
    case 'phone':
      return phone(original, f);
    case 'email':
      return f.internet.exampleEmail({ firstName: ascii(f.person.firstName()), lastName: ascii(f.person.lastName()) }).toLowerCase();
    case 'address':
      return address(original, f);
  }
}

// ---- identifiers ----

/**
 * Each generator returns the new value without separators, `?` marking the check character that
 * `complete` finds with the type's own validator. Where no official test range exists the value carries
 * a run of five 9s (isTestValue in identifiers/recognize.ts) or the type's documented synthetic block
 * (catalog `isTestValue`).
 */
const GENERATORS: Record<string, (c: string, f: Faker) => string> = {
  // The SSN advertising range 987-65-4320…4329 (also ITIN-shaped).
  'us-ssn': (_, f) => `98765432${digit(f)}`,
  'us-itin': (_, f) => `98765432${digit(f)}`,
  // No test range: every digit position 9 (C A AN N A AN N A A N N), letters seeded.
  'us-mbi': (_, f) => `9${mbiLetter(f)}99${mbiLetter(f)}99${mbiLetter(f)}${mbiLetter(f)}99`,
  // No test range: 99999 after the leading digit.
  'us-npi': (c, f) => `${c[0]}99999${digits(f, 3)}?`,
  // The registrant-type letter kept, a seeded surname initial, 99999 in the serial.
  'us-dea': (c, f) => `${c[0]}${initial(f)}99999${digit(f)}?`,
  // Department 99 (born abroad) with commune 999, a country code INSEE never assigned.
  'fr-nir': (c, f) => {
    const born = birth(f);
    return `${c[0]}${pad(born.getUTCFullYear() % 100)}${pad(born.getUTCMonth() + 1)}99999${orderNumber(f)}??`;
  },
  // The NHS test range: numbers starting 999 are never issued.
  'uk-nhs': (_, f) => `999${digits(f, 6)}?`,
  'nl-bsn': (_, f) => `99999${digits(f, 3)}?`,
  // A real-looking birth date with serial 000, which is never issued.
  'be-national-number': (_, f) => `${yymmdd(birth(f))}000??`,
  'de-kvnr': (_, f) => `${initial(f)}99999${digits(f, 3)}?`,
  // 999999 is the KBV's pseudo physician number; check digit, then a specialty group.
  'de-lanr': (_, f) => `999999?${digits(f, 2)}`,
  'ca-sin': (_, f) => `${f.number.int({ min: 1, max: 7 })}99999${digits(f, 2)}?`,
  'ca-bc-phn': (_, f) => `999999${digits(f, 3)}?`,
  'ca-on-health-number': (c, f) => `99999${digits(f, 4)}?${/[A-Z]{2}$/.test(c) ? f.string.alpha({ length: 2, casing: 'upper' }) : ''}`,
  'au-medicare': (c, f) => `${c[0]}99999${digits(f, 2)}?${digits(f, c.length - 9)}`,
  // Cadastral code Z999: the Z block is for foreign states and 999 is unassigned.
  'it-codice-fiscale': (_, f) => {
    const born = birth(f);
    const day = born.getUTCDate() + (f.datatype.boolean() ? 40 : 0);
    return `${f.string.alpha({ length: 6, casing: 'upper' })}${pad(born.getUTCFullYear() % 100)}${'ABCDEHLMPRST'[born.getUTCMonth()]}${pad(day)}Z999?`;
  },
  'es-dni-nie': (c, f) => (/^[XYZ]/.test(c) ? `${c[0]}99999${digits(f, 2)}?` : `99999${digits(f, 3)}?`),
  // A real-looking birth date with birth number 999 (catalog isTestValue).
  'se-personnummer': (c, f) => {
    const born = birth(f);
    const date = `${c.length === 12 ? String(born.getUTCFullYear()).slice(0, 2) : ''}${yymmdd(born)}`;
    return `${date}999?`;
  },
  'in-aadhaar': (_, f) => `${f.number.int({ min: 2, max: 8 })}99999${digits(f, 5)}?`,
  // A published test card of the same network and length; otherwise the same prefix digit, zeros, Luhn.
  'payment-card': (c, f) => {
    const same = [...TEST_CARD_NUMBERS].filter((t) => t.length === c.length && t[0] === c[0]);
    return same.length ? f.helpers.arrayElement(same) : `${c[0]}${'0'.repeat(c.length - 2)}?`;
  },
};

function identifier(type: IdentifierType, original: string, f: Faker): string {
  const compact = original.replace(/[^A-Za-z0-9]/g, '').toUpperCase();
  const generate = GENERATORS[type.id];
  for (let attempt = 0; attempt < 50; attempt++) {
    const value = complete(generate(compact, f), type);
    if (value) return withLayoutOf(original, value);
  }
  throw new Error(`no synthetic ${type.id} found`);
}

/** Fills the `?` positions with the first characters the type's validator accepts. */
function complete(template: string, type: IdentifierType): string | undefined {
  const holes = template.split('?').length - 1;
  // A complete value is an official test value (987-65-432x lies outside the SSN's issued areas) or built valid.
  if (holes === 0) return template;
  const fills = holes === 1 ? [...DIGITS, ...LETTERS] : DIGITS.flatMap((a) => DIGITS.map((b) => a + b));
  for (const fill of fills) {
    let i = 0;
    const value = template.replace(/\?/g, () => fill[i++]);
    if (type.validate(value)) return value;
  }
  return undefined;
}

const DIGITS = [...'0123456789'];
const LETTERS = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];

/** The new value's characters in the original's layout: separators, spacing and letter case kept. */
function withLayoutOf(original: string, value: string): string {
  const alnum = original.replace(/[^A-Za-z0-9]/g, '');
  if (alnum.length !== value.length) return value;
  let i = 0;
  return [...original]
    .map((c) => {
      if (!/[A-Za-z0-9]/.test(c)) return c;
      const n = value[i++];
      return c === c.toLowerCase() && /[a-z]/.test(c) ? n.toLowerCase() : n;
    })
    .join('');
}

const digit = (f: Faker) => String(f.number.int(9));
const digits = (f: Faker, n: number) => (n > 0 ? f.string.numeric({ length: n, allowLeadingZeros: true }) : '');
const pad = (n: number) => String(n).padStart(2, '0');
const yymmdd = (d: Date) => `${pad(d.getUTCFullYear() % 100)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}`;
const orderNumber = (f: Faker) => String(f.number.int({ min: 1, max: 999 })).padStart(3, '0');
const mbiLetter = (f: Faker) => f.helpers.arrayElement([...'ACDEFGHJKMNPQRTUVWXY']);
const initial = (f: Faker) => ascii(f.person.lastName()).toUpperCase().replace(/[^A-Z]/g, '')[0] ?? 'X';

/** Fixed reference date, so the same seed gives the same birth date whatever the day. */
const REF_DATE = '2020-01-01T00:00:00Z';
const birth = (f: Faker) => f.date.birthdate({ mode: 'age', min: 18, max: 90, refDate: REF_DATE });

// ---- people ----

/** Synthea's convention, a number after each name ("Jacinto644"), marks a generated patient. */
function syntheaName(name: string, f: Faker): string {
  return `${name}${f.number.int({ min: 10, max: 999 })}`;
}

function sameCase(original: string, value: string): string {
  return original === original.toUpperCase() && /\p{Lu}/u.test(original) ? value.toUpperCase() : value;
}

/** "Given Family", "FAMILY, Given" or HL7's "Family^Given", as the original is written. */
function fullName(original: string, f: Faker): string {
  const given = syntheaName(f.person.firstName(), f);
  const family = syntheaName(f.person.lastName(), f);
  // Every component is replaced: a middle name or prefix kept from the original would still point at the person.
  if (original.includes('^')) return sameCase(original, [family, given, ...original.split('^').slice(2).map(() => '')].join('^'));
  if (original.includes(',')) return `${sameCase(original.split(',')[0], family)}, ${given}`;
  return sameCase(original, `${given} ${family}`);
}

function birthDate(original: string, f: Faker): string {
  const d = birth(f);
  const [y, m, day] = [String(d.getUTCFullYear()), pad(d.getUTCMonth() + 1), pad(d.getUTCDate())];
  let r: RegExpExecArray | null;
  if ((r = /^(\d{4})([-/.]?)(\d{2})\2(\d{2})/.exec(original))) return `${y}${r[2]}${m}${r[2]}${day}${original.slice(r[0].length).replace(/\d/g, '0')}`;
  if ((r = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{2}|\d{4})$/.exec(original))) {
    const year = r[4].length === 2 ? y.slice(2) : y;
    // Month first only when the original can only be read that way (12/31/1980).
    const monthFirst = Number(r[3]) > 12 && Number(r[1]) <= 12;
    return monthFirst ? `${m}${r[2]}${day}${r[2]}${year}` : `${day}${r[2]}${m}${r[2]}${year}`;
  }
  return `${y}-${m}-${day}`;
}

/**
 * Numbers reserved for fiction: NANP 555-0100…0199, Ofcom's 07700 900xxx, ARCEP's 06 39 98 xx xx,
 * ACMA's 0491 570 xxx. The original's digit count and separators are kept when the country's fits.
 */
function phone(original: string, f: Faker): string {
  const d = original.replace(/\D/g, '');
  const fill = (prefix: string) => prefix + digits(f, d.length - prefix.length);
  let value: string;
  if (/^44/.test(d) && original.trim().startsWith('+')) value = fill('447700900');
  else if (/^33/.test(d) && original.trim().startsWith('+')) value = fill('3363998');
  else if (/^61/.test(d) && original.trim().startsWith('+')) value = fill('61491570');
  else if (/^0[1-9]/.test(d) && d.length === 11) value = fill('07700900');
  else if (/^0[1-9]/.test(d) && d.length === 10 && /^04/.test(d)) value = fill('0491570');
  else if (/^0[1-9]/.test(d) && d.length === 10) value = fill('063998');
  else if (d.length === 11 && d[0] === '1') value = `1${f.number.int({ min: 201, max: 989 })}55501${digits(f, 2)}`;
  else if (d.length === 10) value = `${f.number.int({ min: 201, max: 989 })}55501${digits(f, 2)}`;
  else return `+1 ${f.number.int({ min: 201, max: 989 })}-555-01${digits(f, 2)}`;
  return withLayoutOf(original, value.slice(0, d.length));
}

function address(original: string, f: Faker): string {
  const street = f.location.streetAddress();
  return /[,\n]/.test(original) ? `${street}, ${f.location.zipCode()} ${f.location.city()}` : street;
}

function ascii(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '');
}

/** A faker locale from the original's letters, for names given without one. */
function guessLocale(original: string): string {
  if (/[ßäöü]/i.test(original)) return 'de';
  if (/[åø]/i.test(original)) return 'sv';
  if (/[ñ]/i.test(original)) return 'es';
  if (/[éèêàçëïœ]/i.test(original)) return 'fr';
  return 'en';
}

/** FNV-1a, 32 bits: a stable seed from the original value. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
