import type { SourceDocument } from '../document';
import { IDENTIFIER_TYPES, PATIENT_CONTEXT } from '../identifiers/catalog';
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

const BIRTH_CUE = /\b(?:born|b\.|dob|d\.o\.b|birth|birthdate|birthday|n[ée]e?|naissance|geboren|geb\.|geburtsdatum|geboortedatum|nato|nata|nacid[oa]|nacimiento|f[öo]dd|f[öo]delsedatum)\b/i;
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
  contextHint ??= new RegExp([...PATIENT_CONTEXT, ...IDENTIFIER_TYPES.flatMap((t) => t.context)].map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'i');
  return /\d{4}/.test(text) && (BIRTH_CUE.test(text) || contextHint.test(text));
}

export function lineRecords(doc: SourceDocument, sets?: readonly IdentifierSet[]): LineRecord[] {
  if (!mayHoldLineRecords(doc.text)) return [];
  const out: LineRecord[] = [];
  const idx = doc.index;
  const inCode = !['plain', 'markdown'].includes(doc.language.family);
  for (let line = 0; line < idx.lineCount; line++) {
    const start = idx.lineStart(line);
    const text = idx.lineText(line);
    if (text.length > MAX_LINE || !/\d{4}/.test(text)) continue;
    const name = nameIn(text, start, doc, inCode);
    if (!name) continue;
    const companions: FieldValue[] = [];
    if (BIRTH_CUE.test(text)) {
      for (const [s, e] of birthDatesIn(text)) companions.push({ key: 'date of birth', kind: 'birth-date', value: text.slice(s, e), start: start + s, end: start + e, birthDate: true });
    }
    for (const m of text.matchAll(identifierShapes())) {
      const s = m.index;
      if (s < name.end - start && s + m[0].length > name.start - start) continue;
      if (identifierOf(m[0], text, { sets })) companions.push({ key: 'identifier', value: m[0], start: start + s, end: start + s + m[0].length });
    }
    if (companions.length) out.push({ name, companions });
  }
  return out;
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
  return undefined;
}
