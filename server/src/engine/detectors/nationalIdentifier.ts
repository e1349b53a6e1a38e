import type { SourceDocument } from '../document';
import { identifierTypesIn, type IdentifierKind, type IdentifierType } from '../identifiers/catalog';
import { fittingTypes, recognizeInContext } from '../identifiers/recognize';
import { asciiFirstChars } from '../regexLiterals';
import { syntheticReplacement } from '../synthetic/replacement';
import { stringList, type Detector, type DetectorHit } from './detector';

/**
 * Validated national, insurance, provider and payment-card numbers written anywhere in a file (code,
 * strings, comments, logs, markdown). Option `kinds` picks the identifier kinds (patient, person, provider
 * or payment); the identifier's shape, check and the words near it decide (identifiers/recognize.ts).
 *
 * "Near" is: the value's own line (at most LINE_REACH characters either side), the line before it, and the
 * key it is assigned to (`nhsNumber: '…'`, `"ssn": "…"`, `<nir>…`, `SIN: …`, or the YAML/JSON key ending
 * the line before a list item).
 */
export const nationalIdentifier: Detector = {
  name: 'national-identifier',
  run(doc, options, context) {
    const optionKinds = stringList(options, 'kinds') as IdentifierKind[];
    const sets = context.settings.identifierSets;
    const types = identifierTypesIn(sets).filter((t) => optionKinds.length === 0 || optionKinds.includes(t.kind));
    const kinds = types.map((t) => t.kind);
    const hits: DetectorHit[] = [];
    let coveredUntil = -1;
    // The fast path finds the candidates of every type of the enabled sets at once, shared by the rules of each
    // kind and the data flow's literal sources (one scan of the text instead of one for each).
    const universe = context.prefilter !== false ? identifierTypesIn(sets) : undefined;
    for (const [start, end] of candidateSpans(doc.text, types, universe)) {
      if (start < coveredUntil || isHl7Field(doc.text, start, end)) continue;
      const value = doc.text.slice(start, end);
      // Most candidates fail every check: reject them before reading their context.
      if (fittingTypes(value, { kinds, sets }).length === 0) continue;
      const near = nearText(doc, start, end);
      const found = recognizeInContext(value, near.window, { label: near.label, kinds, sets });
      if (!found) continue;
      const mode = context.settings.syntheticData;
      if (found.testValue && mode === 'ignore') continue;
      coveredUntil = end;
      const synthetic = found.testValue && mode === 'info';
      hits.push({
        start,
        end,
        params: { label: found.type.label, subject: SUBJECT[found.type.kind] },
        sensitive: [[start, end]],
        severity: synthetic || found.type.kind === 'provider' ? 'info' : undefined,
        strong: !found.type.unchecked && !found.testValue,
        note: synthetic ? 'synthetic test value' : undefined,
        fix: { description: 'Replace with a synthetic value', edits: [{ start, end, newText: syntheticReplacement({ identifier: found.type.id }, value) }] },
      });
    }
    return hits;
  },
};

const SUBJECT: Record<IdentifierKind, string> = { patient: 'patient', person: 'person', provider: 'clinician', payment: 'cardholder' };

/**
 * Not inside a longer token: no letter, digit or `_` next to it; not continuing a dotted, dashed, colon
 * or slashed number (a version, an IP address, a time, a date, a UUID's last group); not one group of a
 * longer spaced digit sequence; not after a phone prefix (`+44 `, `(020) `, `tel:`).
 */
const BEFORE = String.raw`(?<![\p{L}\p{N}_])(?<!\p{N}[.\-/:+])(?<!\p{L}[.\-])(?<!\p{N} )(?<!\+\d{1,3}[ .\-]?)(?<!\(\d{1,5}\)[ .\-]?)(?<![Tt][Ee][Ll]:\s?)`;
const AFTER = String.raw`(?![\p{L}\p{N}_])(?![.\-/:]\p{N})(?![.\-]\p{L})(?! \p{N})`;

const typeRegexes = new Map<string, RegExp>();
/** One type's shape between token boundaries, matched where its lastIndex says (sticky). */
function typeRegex(type: IdentifierType): RegExp {
  let re = typeRegexes.get(type.id);
  if (!re) typeRegexes.set(type.id, (re = new RegExp(`${BEFORE}(?:${type.shape})${AFTER}`, 'uy')));
  return re;
}

const anyRegexes = new Map<string, RegExp>();
/**
 * Where any of the types' shapes starts (every shape starts with a letter or digit, which is checked first).
 * `firstChars`: also look ahead for the characters the shapes can start with, worked out from the shapes
 * (digits and capitals): the lookbehinds are then tried only there, not at every letter of the text.
 */
function anyTypeRegex(types: readonly IdentifierType[], firstChars: boolean): RegExp {
  const key = `${firstChars}:${types.map((t) => t.id).join(',')}`;
  let re = anyRegexes.get(key);
  if (!re) {
    const starts = firstChars ? startClass(types) : '';
    anyRegexes.set(key, (re = new RegExp(`${starts}(?=[\\p{L}\\p{N}])${BEFORE}(?:${types.map((t) => `(?:${t.shape})`).join('|')})${AFTER}`, 'gu')));
  }
  return re;
}

/** A lookahead for the characters some type's shape can start with, or nothing when a shape's are not known. */
function startClass(types: readonly IdentifierType[]): string {
  const all = new Uint8Array(128);
  for (const t of types) {
    const first = asciiFirstChars(t.shape, 'u');
    if (!first) return '';
    first.forEach((x, c) => (all[c] |= x));
  }
  const chars = [...all].flatMap((x, c) => (x ? [`\\x${c.toString(16).padStart(2, '0')}`] : []));
  return chars.length ? `(?=[${chars.join('')}])` : '';
}

/**
 * Where some type's shape matches between token boundaries, earliest first and longest first: each type's
 * matches as its own left-to-right scan would find them, found with one scan for all types (a scan per type
 * cost a pass over the text for each). Each type's matches do not depend on the other types scanned with it:
 * given a `universe` holding the types, the scan covers all of the universe once for a text, and the calls for
 * other types of the same text take their matches from it.
 */
export function candidateSpans(text: string, types: readonly IdentifierType[], universe?: readonly IdentifierType[]): Array<[number, number]> {
  if (!types.length || !/\d{2}/.test(text)) return [];
  const byType = universe && types.every((t) => universe.includes(t)) ? sharedSpans(text, universe) : spansByType(text, types, false);
  const seen = new Set<string>();
  const spans: Array<[number, number]> = [];
  for (const type of types) {
    for (const span of byType.get(type.id) ?? []) {
      const key = `${span[0]}:${span[1]}`;
      if (!seen.has(key)) {
        seen.add(key);
        spans.push(span);
      }
    }
  }
  return spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
}

/** The matches of each type of the universe in the last text asked about (one text at a time per thread). */
let shared: { text: string; universe: readonly IdentifierType[]; byType: Map<string, Array<[number, number]>> } | undefined;

function sharedSpans(text: string, universe: readonly IdentifierType[]): Map<string, Array<[number, number]>> {
  if (shared?.text !== text || shared.universe !== universe) shared = { text, universe, byType: spansByType(text, universe, true) };
  return shared.byType;
}

function spansByType(text: string, types: readonly IdentifierType[], firstChars: boolean): Map<string, Array<[number, number]>> {
  const byType = new Map<string, Array<[number, number]>>(types.map((t) => [t.id, []]));
  const nextFree = types.map(() => 0);
  const any = anyTypeRegex(types, firstChars);
  any.lastIndex = 0;
  for (let m = any.exec(text); m; m = any.exec(text)) {
    const at = m.index;
    types.forEach((type, i) => {
      if (at < nextFree[i]) return;
      const re = typeRegex(type);
      re.lastIndex = at;
      const found = re.exec(text);
      if (!found) return;
      nextFree[i] = at + found[0].length;
      byType.get(type.id)!.push([at, at + found[0].length]);
    });
    // Another type may start inside this match.
    any.lastIndex = at + 1;
  }
  return byType;
}

/**
 * A component of an HL7 v2 segment (`PID|1||7210458336^^^NHS^NH`), in a .hl7 file or a message string:
 * patient.hl7v2-message parses those fields and knows their declared types.
 */
function isHl7Field(text: string, start: number, end: number): boolean {
  if (!/[|^~&]/.test(text[start - 1] ?? '') && !/[|^~&]/.test(text[end] ?? '')) return false;
  const lineStart = text.lastIndexOf('\n', start) + 1;
  return HL7_SEGMENT.test(text.slice(lineStart, start));
}

const HL7_SEGMENT = /(?:^|[^A-Za-z0-9]|\\[rn])(?:PID|PD1|NK1|IN1|IN2|GT1|PV1|MRG|ZPD)\|/;

const LINE_REACH = 160;
/** How far back a key is looked for: enough for `patientNationalIdentifier` and its quotes. */
const KEY_REACH = 80;

/** The words near a value, and the key it is assigned to. */
function nearText(doc: SourceDocument, start: number, end: number): { window: string; label: string } {
  const idx = doc.index;
  const line = idx.lineIndexAt(start);
  const before = doc.text.slice(Math.max(idx.lineStart(line), start - LINE_REACH), start);
  const after = doc.text.slice(end, Math.min(idx.lineEnd(line), end + LINE_REACH));
  const previous = line > 0 ? idx.lineText(line - 1).slice(-2 * LINE_REACH) : '';
  let label = keyBefore(before);
  const opensBlock = /[:[{=(]\s*$/.test(previous);
  // A list item under a key: `nhs_numbers:` then `  - 999 000 0018`, `"ssns": [` then `"…",`.
  if (!label && /^[\s\-*"'`,[]*$/.test(before) && opensBlock) label = keyBefore(previous);
  // The line before a keyed value is about it (a comment, an opening key) unless it is another field.
  const otherField = label && !opensBlock && OTHER_FIELD.test(previous);
  return { window: otherField ? `${before} ${after}` : `${before} ${after} ${previous}`, label };
}

/** `  ssn: "{{ vault.ssn }}"`, `"phone": "…",`, `timeout = 30`: a line that gives another key its value. */
const OTHER_FIELD = /^\s*[-*]?\s*["'`]?[\p{L}_$][\p{L}\p{N}_$.-]*["'`]?\s*(?::|=>|=)\s*\S/u;

/**
 * The key a value is assigned to, from the text before it on its line: the last few words before the
 * quotes, brackets and operators that separate them from the value.
 */
function keyBefore(text: string): string {
  const trimmed = text.slice(-KEY_REACH).replace(/[\s"'`[\](){}<>:=,;|#*/\-]+$/u, '');
  return /(?<![\p{L}\p{N}_$.#-])(?:[\p{L}\p{N}_$.#-]+[ \t]*){1,4}$/u.exec(trimmed)?.[0].trim() ?? '';
}
