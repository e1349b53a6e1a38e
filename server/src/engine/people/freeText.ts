import type { SourceDocument } from '../document';
import { IDENTIFIER_TYPES, PATIENT_CONTEXT } from '../identifiers/catalog';
import { escapeRegExp } from '../regexLiterals';
import { birthDatesIn } from './dates';
import { isKnownFamilyName, isKnownGivenName } from './names';
import type { IdentifierSet } from '../types';
import type { FieldValue } from './record';
import { identifierOf } from './record';

/**
 * Person records in free text: a log line, a message string, a comment, a note that names someone
 * ("Admitted <given> <family> born <date>") with a birth date (next to a word that says so) or a validated
 * identifier on the same line. Names must pair a known given name with a known family name.
 */
export interface LineRecord {
  name: FieldValue;
  companions: FieldValue[];
}

const BIRTH_CUE = /\b(?:born|b\.|dob|d\.o\.b|birth|birthdate|birthday|n[ée]e?|naissance|geboren|geb\.|geburtsdatum|geboortedatum|nato|nata|nacid[oa]|nacimiento|f[öo]dd|f[öo]delsedatum|PID[-.]7)\b/i;
/** A name as HL7 v2 writes it (XPN: Family^Given^Middle...), as interface engines log it. */
const XPN = /(?<![\p{L}\p{N}_^])(\p{Lu}[\p{L}'’-]+)\^(\p{Lu}[\p{L}'’-]+)(?:\^[\p{L}.'’-]*){0,4}(?![\p{L}\p{N}_^])/gu;
/** Names as registers and letters write them: `Okafor, Harriet`, `OKAFOR, HARRIET`, `Mr Samuel Adeyemi`. */
const INVERTED = /(?<![\p{L}\p{N}_@.])(\p{Lu}[\p{L}'’-]+),[ \t]+(\p{Lu}[\p{L}'’-]+)(?![\p{L}\p{N}_@])/gu;
const TITLED = /(?<![\p{L}\p{N}_@.])(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Mme|Mlle|Herr|Frau|Sr|Sra|Dhr|Mevr)\.?[ \t]+(\p{Lu}[\p{L}'’-]+(?:[ \t]+\p{Lu}[\p{L}'’-]+){1,2})(?![\p{L}\p{N}_@])/gu;
/** The HL7 field that holds the patient's name, as logs cite it just before the value (`PID-5 "…"`, `PID.5=`). */
const NAME_FIELD = /\bPID[-.]5(?:\.1)?\b\W{0,3}$/i;
/** A line that starts something new in prose rather than continuing the sentence above: a heading, an item, a row. */
const NEW_BLOCK = /^\s*(?:#|[-*+>|]|\d+[.)]\s|$)/;
/** Two to four capitalised words, with name particles between them. */
const NAME_RUN = /(?<![\p{L}\p{N}_@.])\p{Lu}[\p{L}'’-]+(?:[ \t]+(?:(?:van|von|de|der|den|di|da|du|del|la|le)[ \t]+){0,2}\p{Lu}[\p{L}'’-]+){1,3}(?![\p{L}\p{N}_@])/gu;
const MAX_LINE = 2000;

let shapes: RegExp | undefined;

/** Identifier-shaped substrings, from the catalog's shapes. */
function identifierShapes(): RegExp {
  return (shapes ??= new RegExp(`(?<![\\w-])(?:${IDENTIFIER_TYPES.map((t) => t.shape).join('|')})(?![\\w-])`, 'g'));
}

let contextHint: RegExp | undefined;

/** Whether a file could hold such a line at all: digits, and a birth word or an identifier's context word. */
function mayHoldLineRecords(text: string): boolean {
  contextHint ??= new RegExp([...PATIENT_CONTEXT, ...IDENTIFIER_TYPES.flatMap((t) => t.context)].map(escapeRegExp).join('|'), 'i');
  return /\d{4}/.test(text) && (BIRTH_CUE.test(text) || contextHint.test(text));
}

export function lineRecords(doc: SourceDocument, sets?: readonly IdentifierSet[]): LineRecord[] {
  if (!mayHoldLineRecords(doc.text)) return [];
  const out: LineRecord[] = [];
  const idx = doc.index;
  const inCode = !['plain', 'markdown'].includes(doc.language.family);
  // Write-ups (Markdown, text files), not logs, whose lines are events of their own.
  const prose = doc.language.family === 'markdown' || /\.txt$/i.test(doc.file);
  for (let line = 0; line < idx.lineCount; line++) {
    const start = idx.lineStart(line);
    const text = idx.lineText(line);
    if (text.length > MAX_LINE || !(/\d{4}/.test(text) || (prose && line + 1 < idx.lineCount && /\d{4}/.test(idx.lineText(line + 1))))) continue;
    // No name is looked for on a line that can have no companion (nor, in prose, the line after it).
    if (!mayHoldCompanion(text) && !(prose && line + 1 < idx.lineCount && mayHoldCompanion(idx.lineText(line + 1)))) continue;
    const name = nameIn(text, start, doc, inCode);
    if (!name) continue;
    const companions = companionsIn(text, start, name, sets);
    // Prose wraps: "… concerned Anders Holmqvist,\nborn 30/11/1971, …" is one sentence over two lines.
    if (!companions.length && prose && line + 1 < idx.lineCount && !NEW_BLOCK.test(idx.lineText(line + 1)) && !/[.:;!?]\s*$/.test(text)) {
      companions.push(...companionsIn(idx.lineText(line + 1), idx.lineStart(line + 1), name, sets));
    }
    if (companions.length) out.push({ name, companions });
  }
  return out;
}

/** Whether companionsIn() can find anything on a line: a birth word, or something shaped like an identifier. */
function mayHoldCompanion(text: string): boolean {
  // (a regex of its own: test() with the global one would move the lastIndex that matchAll() starts from)
  shapeTest ??= new RegExp(identifierShapes().source);
  return BIRTH_CUE.test(text) || shapeTest.test(text);
}

let shapeTest: RegExp | undefined;

/** Birth dates (after a word that says so) and validated identifiers on a line, other than the name itself. */
function companionsIn(text: string, start: number, name: FieldValue, sets?: readonly IdentifierSet[]): FieldValue[] {
  const companions: FieldValue[] = [];
  if (BIRTH_CUE.test(text)) {
    // The date the cue is about, not the line's timestamp: the first one after the cue, or one just before it
    // (`1957-09-14 (DOB)`).
    const cues = [...text.matchAll(new RegExp(BIRTH_CUE.source, 'gi'))].map((c) => [c.index, c.index + c[0].length]);
    const dates = birthDatesIn(text);
    const about = (span: [number, number]) =>
      cues.some(([cs, ce]) => dates.find(([ds]) => ds >= ce) === span || (span[1] <= cs && cs - span[1] <= 15));
    for (const span of dates) {
      if (!about(span)) continue;
      const [s, e] = span;
      companions.push({ key: 'date of birth', kind: 'birth-date', value: text.slice(s, e), start: start + s, end: start + e, birthDate: true });
    }
  }
  for (const m of text.matchAll(identifierShapes())) {
    const s = m.index;
    if (s < name.end - start && s + m[0].length > name.start - start) continue;
    if (identifierOf(m[0], text, { sets })) companions.push({ key: 'identifier', value: m[0], start: start + s, end: start + s + m[0].length });
  }
  return companions;
}

/** The first known given name followed by a known family name (or an upper-case family name then a given name). */
function nameIn(text: string, base: number, doc: SourceDocument, inCode: boolean): FieldValue | undefined {
  for (const m of text.matchAll(NAME_RUN)) {
    if (inCode && doc.scopes.scopeAt(base + m.index) === 'code') continue;
    const words = [...m[0].matchAll(/\S+/g)];
    for (let i = 0; i + 1 < words.length; i++) {
      const w = words[i][0];
      const familyFirst = /^\p{Lu}{2,}$/u.test(w) && isKnownFamilyName(w) && isKnownGivenName(words[i + 1][0]);
      if (!familyFirst && !isKnownGivenName(w)) continue;
      for (let j = i + 1; j < words.length && j <= i + 3; j++) {
        if (familyFirst ? j === i + 1 : isKnownFamilyName(words[j][0]) && !/^(?:van|von|de|der|den|di|da|du|del|la|le)$/.test(words[j][0])) {
          const s = m.index + words[i].index;
          const e = m.index + words[j].index + words[j][0].length;
          return { key: 'name', kind: 'full-name', value: text.slice(s, e), start: base + s, end: base + e };
        }
      }
    }
  }
  // `Okafor, Harriet`, `Mr Samuel Adeyemi`: written as a person's name, so one known part is enough.
  for (const m of text.matchAll(INVERTED)) {
    if (inCode && doc.scopes.scopeAt(base + m.index) === 'code') continue;
    if (!isKnownGivenName(m[2]) || (!isKnownFamilyName(m[1]) && !/^\p{Lu}[\p{Ll}'’-]*$|^\p{Lu}+$/u.test(m[1]))) continue;
    return { key: 'name', kind: 'full-name', value: m[0], start: base + m.index, end: base + m.index + m[0].length, named: 'format' };
  }
  for (const m of text.matchAll(TITLED)) {
    if (inCode && doc.scopes.scopeAt(base + m.index) === 'code') continue;
    const words = m[1].split(/[ \t]+/);
    if (!isKnownGivenName(words[0]) && !isKnownFamilyName(words[words.length - 1])) continue;
    const s = m.index + m[0].length - m[1].length;
    return { key: 'name', kind: 'full-name', value: m[1], start: base + s, end: base + s + m[1].length, named: 'format' };
  }
  // `ACHTERBERG^ROSALIND`, `PID-5 "Okonkwo^Chidinma^A"`: the format says it is a person's name, so one known part
  // is enough, and none is needed when the line names the field (PID-5) just before it.
  for (const m of text.matchAll(XPN)) {
    if (inCode && doc.scopes.scopeAt(base + m.index) === 'code') continue;
    const labelled = NAME_FIELD.test(text.slice(Math.max(0, m.index - 12), m.index));
    if (!labelled && !isKnownFamilyName(m[1]) && !isKnownGivenName(m[2])) continue;
    const e = m.index + m[1].length + 1 + m[2].length;
    return { key: 'name', kind: 'full-name', value: text.slice(m.index, e), start: base + m.index, end: base + e, named: labelled ? 'label' : 'format' };
  }
  return undefined;
}
