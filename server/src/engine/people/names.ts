import * as fs from 'node:fs';
import * as path from 'node:path';
import type { LocaleDefinition } from '@faker-js/faker' with { 'resolution-mode': 'import' };
import { fakerModule } from '../synthetic/fakerLocale';

/**
 * Names: whether a given/family name looks like a real person's and whether a person is an obvious
 * placeholder or a generated test patient. The dictionaries come from faker's locale data (never a
 * hand-written list): computed at build time into name-dictionaries.json beside the bundles, so that a scan
 * does not load faker's locales (megabytes of code) to look names up; from faker itself, once at first use,
 * where that file is absent (the compiled modules the tests run).
 */

/** The locales whose person names the dictionaries hold. */
export const NAME_LOCALE_IDS = [
  'en', 'en_GB', 'en_US', 'en_AU', 'en_CA', 'en_IE', 'fr', 'fr_BE', 'fr_CA', 'fr_CH', 'de', 'de_AT', 'de_CH', 'nl', 'nl_BE', 'it', 'es', 'es_MX',
  'sv', 'da', 'nb_NO', 'fi', 'pt_BR', 'pt_PT',
  // The patients of European and English-speaking hospitals come from everywhere: Polish, Romanian, Turkish,
  // Nigerian, Ghanaian, Indian and South African names as faker writes them in Latin script.
  'pl', 'ro', 'tr', 'en_NG', 'en_GH', 'en_IN', 'en_ZA',
] as const;

/** The file the build writes the dictionaries to, beside the bundles. */
export const NAME_DICTIONARIES_FILE = 'name-dictionaries.json';

/** Lower case, without accents, ß as ss: how names and keys are compared. */
export function normalizeWord(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/ß/g, 'ss').toLowerCase().trim();
}

interface Dictionaries {
  given: Set<string>;
  family: Set<string>;
}

let dictionaries: Dictionaries | undefined;

/** The normalised given and family names of faker's locales, sorted: what the build stores. */
export function computeNameDictionaries(): { given: string[]; family: string[] } {
  const locales = fakerModule().allLocales as Record<string, LocaleDefinition>;
  const given = new Set<string>();
  const family = new Set<string>();
  const addAll = (target: Set<string>, entry: unknown) => {
    if (Array.isArray(entry)) {
      for (const n of entry) if (typeof n === 'string') target.add(normalizeWord(n));
    } else if (entry && typeof entry === 'object') {
      for (const v of Object.values(entry)) addAll(target, v);
    }
  };
  for (const id of NAME_LOCALE_IDS) {
    const locale = locales[id];
    addAll(given, locale.person?.first_name);
    addAll(given, locale.person?.middle_name);
    addAll(family, locale.person?.last_name);
  }
  return { given: [...given].sort(), family: [...family].sort() };
}

function load(): Dictionaries {
  if (dictionaries) return dictionaries;
  let stored: { given: string[]; family: string[] } | undefined;
  try {
    stored = JSON.parse(fs.readFileSync(path.join(__dirname, NAME_DICTIONARIES_FILE), 'utf8')) as { given: string[]; family: string[] };
  } catch {
    stored = undefined;
  }
  const lists = stored && Array.isArray(stored.given) && Array.isArray(stored.family) ? stored : computeNameDictionaries();
  return (dictionaries = { given: new Set(lists.given), family: new Set(lists.family) });
}

/** Lower-case words inside a name that are not names themselves: van, de, von, di, del, la, … */
const PARTICLE = /^(?:van|von|der|den|de|del|della|di|da|dos|das|du|la|le|los|las|ter|ten|te|zu|y|e|af|av|bin|ibn|mac|st\.?)$/i;
/** An initial (V. or V) or a generational suffix. */
const NOT_A_NAME_PART = /^(?:\p{Lu}\.?|jr\.?|sr\.?|ii|iii|iv|md|phd)$/iu;
/** Words that make a name an organisation's: `Riverside General Hospital`, `Clinique du Parc`, `Northgate Labs`. */
const ORGANISATION_WORD =
  /^(?:hospital|hospitals|clinic|clinics|clinique|klinik|klinikum|kliniek|clinica|ospedale|hopital|krankenhaus|ziekenhuis|sjukhus|infirmary|medical|health|healthcare|care|center|centre|centrum|zentrum|university|universitat|universite|college|institute|institut|pharmacy|apotheke|pharmacie|laboratory|laboratories|lab|labs|labor|group|inc|llc|ltd|gmbh|sa|sarl|ag|bv|plc|corp|corporation|company|associates|practice|department|services|foundation|stiftung|trust|nhs|network|partners)$/i;
/** A capitalised or upper-case word of letters, with inner hyphens or apostrophes (Jean-Pierre, O'Brien). */
const NAME_SHAPED = /^(?:\p{Lu}[\p{Ll}'’]*(?:\p{Lu}[\p{Ll}'’]*)?|\p{Lu}[\p{Lu}'’]+)(?:-\p{Lu}[\p{L}'’]*)*$/u;

function lookup(set: Set<string>, name: string): boolean {
  const n = normalizeWord(name);
  if (!n) return false;
  if (set.has(n)) return true;
  return n.includes('-') && n.split('-').some((p) => set.has(p));
}

export function isKnownGivenName(name: string): boolean {
  return lookup(load().given, name);
}

export function isKnownFamilyName(name: string): boolean {
  const n = name.trim();
  // Compound family names written in full ("van de Heuvel", "de la Fuente") are in the dictionaries as such.
  return lookup(load().family, n) || (n.includes(' ') && lookup(load().family, n.split(/\s+/).pop()!));
}

/** Whether a single word is written like a name (Marie, DUPONT, Jean-Pierre, O'Brien). */
export function isNameShaped(word: string): boolean {
  return NAME_SHAPED.test(word.trim());
}

/** The name words of a full name as written ("Marie Dupont", "DUPONT, Marie", "Dupont^Marie"): particles and initials dropped. */
export function nameWords(fullName: string): string[] | undefined {
  const tokens = fullName.trim().split(/[\s,^]+/).filter(Boolean);
  if (tokens.length < 2 || tokens.length > 6) return undefined;
  const words: string[] = [];
  for (const t of tokens) {
    if (t.split('-').some((part) => ORGANISATION_WORD.test(normalizeWord(part)))) return undefined;
    if (PARTICLE.test(t) || NOT_A_NAME_PART.test(t)) continue;
    if (!isNameShaped(t)) return undefined;
    words.push(t);
  }
  return words.length >= 2 ? words : undefined;
}

/**
 * A full name that looks real: two or more name-shaped words, one a known given name and another a known
 * family name (`strict`, for free text where common words like May or Young lurk), or at least one known
 * part (a value under a name key).
 */
export function looksLikeRealName(fullName: string, strict = false): boolean {
  const words = nameWords(fullName);
  if (!words) return false;
  const given = words.map(isKnownGivenName);
  const family = words.map(isKnownFamilyName);
  const pairs = words.some((_, i) => given[i] && words.some((_, j) => j !== i && family[j]));
  return strict ? pairs : pairs || given.some(Boolean) || family.some(Boolean);
}

/**
 * Placeholders used in forms and documentation by convention. Some are also real people's names (Mario
 * Rossi is a common Italian name, Jan Jansen a common Dutch one); hard-coded, they are far more often the
 * placeholder, and a real record under such a name still carries its identifier, which is reported on its own.
 */
const PLACEHOLDER_PEOPLE = [
  'john doe', 'jane doe', 'baby doe', 'richard roe', 'jane roe', 'joe bloggs', 'fred bloggs', 'max mustermann',
  'erika mustermann', 'jan jansen', 'jan janssen', 'mario rossi', 'jean dupont', 'juan perez', 'sven svensson',
  'john q public', 'test patient', 'patient test',
  // The HL7 FHIR specification's published example patients, and HL7 v2's.
  'peter chalmers', 'peter james chalmers', 'jim chalmers', 'amy shaw', 'amy v shaw', 'henry levin', 'pieter heuvel',
  'pieter van de heuvel', 'adam everyman', 'eve everywoman', 'benedicte du marche', 'sandy notsowell', 'donald duck',
];
/** Words that make any name a placeholder, wherever they appear in it. */
const PLACEHOLDER_WORD = /^(?:doe|zztest\w*|zz\w*test|xxtest|test|testpatient|testperson|testuser|dummy|sample|example|fake|fakename|anonymous|unknown|mustermann|musterfrau|everyman|everywoman|bloggs|placeholder|lorem|ipsum|foo|bar|baz|nobody|someone|demo)$/;

const placeholderKeys = new Set(PLACEHOLDER_PEOPLE.map((p) => p.split(' ').sort().join(' ')));

/** John/Jane Doe, Test Patient, ZZTEST, Synthea-style names with digits, the FHIR spec's example patients. */
export function isSyntheticName(fullName: string): boolean {
  const tokens = normalizeWord(fullName).replace(/[.'’]/g, '').split(/[\s,^_]+/).filter(Boolean);
  if (tokens.length === 0) return false;
  // Synthea appends digits to every generated name part: Jacinto644 Kris249.
  if (tokens.some((t) => /\d/.test(t))) return true;
  if (tokens.some((t) => PLACEHOLDER_WORD.test(t))) return true;
  const words = tokens.filter((t) => !PARTICLE.test(t) && t.length > 1);
  const all = [...new Set(tokens)].sort().join(' ');
  const withoutInitials = [...new Set(words)].sort().join(' ');
  const firstLast = words.length >= 2 ? [words[0], words[words.length - 1]].sort().join(' ') : '';
  return placeholderKeys.has(all) || placeholderKeys.has(withoutInitials) || placeholderKeys.has(firstLast);
}
