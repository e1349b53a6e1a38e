import {
  IDENTIFIER_TYPES,
  IDENTITY_CONTEXT,
  LABEL_ONLY_CONTEXT,
  NEGATIVE_CONTEXT,
  PATIENT_CONTEXT,
  SYNTHETIC_LABEL_CONTEXT,
  identifierTypeById,
  identifierTypesIn,
  type IdentifierKind,
  type IdentifierType,
} from './catalog';
import type { IdentifierSet } from '../types';

/** What a value is, once its shape, check digits and context agree. */
export interface Recognition {
  type: IdentifierType;
  /** A documented test or sample value (reported only when synthetic data is reported). */
  testValue: boolean;
}

export interface RecognizeOptions {
  /**
   * The key, property or column name the value is assigned to (`nhsNumber`, `"ssn":`, `<nir>`, `SIN:`).
   * Short ambiguous words (`sin`, `cf`, `pan`, `uid`) count only here.
   */
  label?: string;
  /** Identifier kinds to consider (all by default). */
  kinds?: readonly IdentifierKind[];
  /** The enabled identifier sets (`AnalysisSettings.identifierSets`; all by default). */
  sets?: readonly IdentifierSet[];
}

/**
 * Recognises a value whose type is declared (a FHIR identifier with a known system, an HL7 field): the
 * declaration is the context, so only the check decides.
 */
export function recognizeDeclared(typeId: string, value: string, sets?: readonly IdentifierSet[]): Recognition | undefined {
  const type = identifierTypeById(typeId);
  if (!type || (sets && !identifierTypesIn(sets).includes(type)) || !type.validate(value)) return undefined;
  return { type, testValue: isTestValue(type, value) };
}

/**
 * Recognises a free-standing value from its shape, its check and the words near it (`context`: its line,
 * the line before, its key). Presidio's idea, as rules rather than scores:
 * - the value must have a type's shape and pass that type's check (a failing check drops it);
 * - the type's own words (`nhs`, `ssn`, `sécurité sociale`) nearby make it that type;
 * - otherwise words naming an identifier (`national id`, `insurance number`) accept plain digits of a
 *   checked type, and patient words (`patient`, `dob`) accept only a value written in its type's own
 *   grouping or with a rare shape (`distinctive`);
 * - words saying it is something else (`phone`, `order`, `timestamp`) in its key veto it, unless the key also
 *   names the type; elsewhere nearby they veto a value that only generic words support.
 * Several fitting types: own words beat identity words beat patient words; then patient ids beat person
 * ids beat provider ids beat cards; then catalog order.
 */
export function recognizeInContext(value: string, context: string, options: RecognizeOptions = {}): Recognition | undefined {
  const fitting = fittingTypes(value, options);
  if (fitting.length === 0) return undefined;
  const window = wordsOf(`${options.label ?? ''} ${context}`);
  const label = wordsOf(options.label ?? '');
  const labelVetoes = mentionsAny(label, NEGATIVE_CONTEXT);
  const windowVetoes = labelVetoes || mentionsAny(window, NEGATIVE_CONTEXT);
  const identity = mentionsAny(window, IDENTITY_CONTEXT);
  const patient = mentionsAny(window, PATIENT_CONTEXT);
  let best: { type: IdentifierType; rank: number } | undefined;
  for (const type of fitting) {
    const ownInLabel = type.context.some((w) => mentions(label, w));
    const own = ownInLabel || type.context.some((w) => !LABEL_ONLY_CONTEXT.has(w) && mentions(window, w));
    let level = 0;
    if (own && !(labelVetoes && !ownInLabel)) level = ownInLabel ? 4 : 3;
    else if (!windowVetoes && identity && (type.distinctive(value) || !type.unchecked)) level = 2;
    else if (!windowVetoes && patient && type.distinctive(value)) level = 1;
    if (level === 0) continue;
    const rank = level * 10 + KIND_PREFERENCE[type.kind];
    if (!best || rank > best.rank) best = { type, rank };
  }
  if (!best) return undefined;
  const testValue =
    isTestValue(best.type, value) || mentionsAny(label, SYNTHETIC_LABEL_CONTEXT) || FAKER_CALL.test(context);
  return { type: best.type, testValue };
}

/** The types (of these kinds and sets) whose shape the value has and whose check it passes, whatever the context. */
export function fittingTypes(value: string, { kinds, sets }: Pick<RecognizeOptions, 'kinds' | 'sets'> = {}): IdentifierType[] {
  return (sets ? identifierTypesIn(sets) : IDENTIFIER_TYPES).filter((t) => (!kinds || kinds.includes(t.kind)) && shapeOf(t).test(value) && t.validate(value));
}

const KIND_PREFERENCE: Record<IdentifierKind, number> = { patient: 4, person: 3, provider: 2, payment: 1 };

/** `faker.string.numeric(9)`, `Faker()`, `fake.ssn()`: a value on such a line came out of a generator. */
const FAKER_CALL = /\bfaker\b|\bFaker\s*\(|\bfake\.\w+\(/i;

/**
 * Documented test values, and values no issuer hands out that look made up: five identical digits in a
 * row or six consecutive ascending or descending ones among the value's digits (`1234567893`,
 * `1 85 05 99 999 123 45`). Synthetic replacements without an official test range use such runs.
 */
export function isTestValue(type: IdentifierType, value: string): boolean {
  return Boolean(type.isTestValue?.(value)) || hasSyntheticRun(value);
}

export function hasSyntheticRun(value: string): boolean {
  const d = value.replace(/\D/g, '');
  let same = 1;
  let up = 1;
  let down = 1;
  for (let i = 1; i < d.length; i++) {
    const step = d.charCodeAt(i) - d.charCodeAt(i - 1);
    same = step === 0 ? same + 1 : 1;
    up = step === 1 ? up + 1 : 1;
    down = step === -1 ? down + 1 : 1;
    if (same >= 5 || up >= 6 || down >= 6) return true;
  }
  return false;
}

const shapes = new Map<string, RegExp>();
function shapeOf(type: IdentifierType): RegExp {
  let re = shapes.get(type.id);
  if (!re) shapes.set(type.id, (re = new RegExp(`^(?:${type.shape})$`)));
  return re;
}

/**
 * Text as space-separated lower-case words without accents, camelCase and snake_case split, padded with
 * spaces: `patientNHSNumber` → ` patient nhs number `, `numéro_sécu` → ` numero secu `.
 */
export function contextWords(text: string): string {
  const words = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  return ` ${words} `;
}

/** Context text as words: the padded string for phrases, a set for single words. */
interface Words {
  text: string;
  set: Set<string>;
}

function wordsOf(text: string): Words {
  const normalized = contextWords(text);
  return { text: normalized, set: new Set(normalized.split(' ')) };
}

const normalizedWords = new Map<string, string>();
/** Whether `words` holds `word` (or a phrase, normalised the same way) as whole words. */
function mentions(words: Words, word: string): boolean {
  let w = normalizedWords.get(word);
  if (w === undefined) normalizedWords.set(word, (w = contextWords(word).trim()));
  return w.includes(' ') ? words.text.includes(` ${w} `) : words.set.has(w);
}

function mentionsAny(words: Words, list: readonly string[]): boolean {
  return words.set.size > 1 && list.some((w) => mentions(words, w));
}
