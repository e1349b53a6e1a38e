import type { SourceDocument } from '../document';
import { objects, parseJson, str, type JsonNode } from '../formats/jsonTree';
import type { Located } from '../formats/located';
import type { LexFamily } from '../languages';
import { birthDateFromParts, parseBirthDate } from './dates';
import { fieldKind, normalizeKey, type FieldKind } from './fields';
import { mayHoldName, type FieldValue } from './record';

/**
 * Candidate person records in any language, without a parser per language: `key: value`, `key = value`,
 * `"key": "value"`, `key => value` pairs, setters and builder calls (`.setFirstName("…")`, `.dob(…)`), grouped
 * by the block that holds them (brackets in code, indentation in YAML, paragraphs in text), and the
 * positional arguments of person-like constructor calls (`new Patient("Marie", "Dupont", LocalDate.of(…))`).
 */
export interface CandidateRecord {
  fields: FieldValue[];
  /** Words about the record (the callee of a constructor call) for identifier recognition. */
  context?: string;
}

/** Families whose unquoted values are data (YAML scalars, `key=value` in logs and text); in code they are expressions. */
const DATA_FAMILIES = new Set<LexFamily>(['yaml', 'plain', 'markdown', 'ini', 'shell']);
const TEXT_FAMILIES = new Set<LexFamily>(['plain', 'markdown']);

/** Records longer than this many lines between two fields are two records. */
const MAX_GAP_LINES = 12;

interface Pair extends FieldValue {
  /** Offset of the key: its block decides the record. */
  at: number;
  normKey: string;
}

/** `shortcut` (default true): leave out the records that cannot name a person (false: the slow path, for comparison). */
export function candidateRecords(doc: SourceDocument, shortcut = true): CandidateRecord[] {
  const family = doc.language.family;
  const pairs = [...keyedPairs(doc, family, shortcut), ...setterPairs(doc, family)].sort((a, b) => a.at - b.at);
  const records: CandidateRecord[] = [];
  // Records are groups of these pairs: with no name among them, none is judged a person's (see judgeRecord).
  if (pairs.length && (!shortcut || mayHoldName(pairs))) records.push(...groupPairs(doc, family, pairs).map((fields) => ({ fields })));
  if (!DATA_FAMILIES.has(family)) records.push(...constructorRecords(doc, shortcut));
  if (family === 'plain') records.push(...jsonLineRecords(doc));
  return records;
}

/**
 * Structured logs (pino, bunyan, Serilog's JSON, Logstash): a line that is a JSON object is read with the JSON
 * parser, each object in it a candidate record of its own properties (`"patient":{"first":…,"dob":…}`).
 */
function jsonLineRecords(doc: SourceDocument): CandidateRecord[] {
  const records: CandidateRecord[] = [];
  const idx = doc.index;
  for (let line = 0; line < idx.lineCount; line++) {
    const text = idx.lineText(line);
    if (!/^\s*\{/.test(text) || !/\}\s*$/.test(text) || text.length > 20_000) continue;
    const { root, errors } = parseJson(text, idx.lineStart(line));
    if (!root || errors) continue;
    for (const obj of objects(root)) {
      const fields: FieldValue[] = [];
      for (const p of obj.children ?? []) {
        const key = p.children?.[0]?.value;
        const v = str(p.children?.[1]) ?? numberValue(p.children?.[1]);
        if (typeof key !== 'string' || !v) continue;
        const kind = fieldKind(key);
        if (!kind && !SIX_DIGITS.test(v.text)) continue;
        fields.push({ key, kind, value: v.text, start: v.start, end: v.end });
      }
      // Logs name their users and staff with emails and phones: a log line's record is a patient's when it says
      // so (`"patient": {…}`, `"member": {…}`) or holds a birth date, a diagnosis or an identifier.
      const owner = obj.parent?.type === 'property' ? obj.parent.children?.[0]?.value : undefined;
      const aboutPatient = typeof owner === 'string' && PATIENT_OWNER.test(owner);
      if (fields.length > 1 && (aboutPatient || fields.some((f) => f.kind === 'birth-date' || f.kind === 'diagnosis' || !f.kind))) records.push({ fields });
    }
  }
  return records;
}

/** Keys of an object that is a patient's (not a user's or an employee's). */
const PATIENT_OWNER = /patient|member|subscriber|insured|beneficiar|resident|client/i;

function numberValue(node: JsonNode | undefined): Located | undefined {
  return node?.type === 'number' ? { text: String(node.value), start: node.offset, end: node.offset + node.length } : undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Pairs

const SEP = String.raw`\s*(?::=|=>|=(?![=>~])|:(?![:/]))[ \t]*`;
// Numbered groups (the quote, then the key): a match of a regex with named groups builds an object of them, and
// code has millions of `key =` and `key:`.
export const CODE_KEY = new RegExp(String.raw`(?<![\w$\-])(["'\u0060]?)([\p{L}_][\p{L}\p{N}_\-]{0,40})\1${SEP}`, 'gu');
/**
 * The longest stretch a CODE_KEY match has before its white space and separator, in UTF-16 code units: a quote,
 * 41 key characters (two units each beyond the BMP), a quote.
 */
const CODE_KEY_REACH = 1 + 41 * 2 + 1;
// In text, keys may have spaces and markup: "**Date of birth:** 12/03/1984", "Nom de naissance : Dupont".
const TEXT_KEY = new RegExp(String.raw`(?<![\p{L}\p{N}_])[*_]{0,2}(\p{L}[\p{L}\p{N}_\-]*(?: [\p{L}\p{N}_\-]+){0,3})[*_]{0,2}\s*(?::|=)[*_]{0,2}[ \t]*`, 'gu');

/** pydicom attributes (`ds.PatientName = …`) are the dicom-attributes rule's. */
const DICOM_KEYWORD = /^(?:PatientName|PatientBirthDate|PatientID|PatientAddress|PatientTelephoneNumbers|OtherPatientNames|OtherPatientIDs|PatientMotherBirthName|PatientBirthName)$/;

const SIX_DIGITS = /(?:\d\D*){6}/;
const NAME_KINDS = new Set<FieldKind>(['full-name', 'given-name', 'family-name']);

function* keyedPairs(doc: SourceDocument, family: LexFamily, shortcut: boolean): Generator<Pair> {
  const text = doc.text;
  const inText = TEXT_FAMILIES.has(family);
  const re = new RegExp(inText ? TEXT_KEY : CODE_KEY);
  const matches = inText || !shortcut ? allMatches(re, text) : separatedMatches(re, text, DATA_FAMILIES.has(family) ? undefined : CODE_VALUE_AHEAD);
  for (const m of matches) {
    const key = inText ? m[1] : m[2];
    if (text[m.index - 1] === '.' && DICOM_KEYWORD.test(key)) continue;
    const valueAt = m.index + m[0].length;
    const kind = fieldKind(key);
    const value = valueAt < text.length ? valueAt : -1;
    if (value < 0) continue;
    const parsed = parseValue(doc, family, value, kind === 'birth-date');
    if (!parsed) continue;
    // An unknown key counts only for an identifier-like value: no identifier has fewer than six digits.
    if (!kind && !SIX_DIGITS.test(parsed.value)) continue;
    // A name is capitalised somewhere (record.ts judges names by their capitalised words): `"name": "item 3"` is not one.
    if (kind && NAME_KINDS.has(kind) && !/\p{Lu}/u.test(parsed.value)) continue;
    yield { key, kind, at: m.index, normKey: normalizeKey(key), ...parsed };
  }
}

export function* allMatches(re: RegExp, text: string): Generator<RegExpExecArray> {
  for (let m = re.exec(text); m; m = re.exec(text)) yield m;
}

const SEPARATOR_START = /[:=]/g;

/**
 * At a separator in code, what keyedPairs() can take as a value (parseValue()): a string, a list of strings, or a
 * date built by a call. `count = items.length` gives no pair, and its separator is not looked at.
 */
const CODE_VALUE_AHEAD = /[:=][=>]?[ \t]*(?:["'\u0060[]|(?:new\s+)?[\w.]{2,40}?\s*\(\s*(?:\d|["']))/y;

/**
 * The matches of CODE_KEY, as allMatches() finds them, with the regex run only near separators: a match holds
 * the first `:` or `=` after its start, with at most CODE_KEY_REACH characters and white space before it, so
 * no match starts further before that separator (most of a file is far from one). With `valueAhead`, only the
 * separators it matches at are looked at: the matches left out are those whose value would be dropped.
 */
export function* separatedMatches(re: RegExp, text: string, valueAhead?: RegExp): Generator<RegExpExecArray> {
  let pos = 0;
  for (;;) {
    SEPARATOR_START.lastIndex = pos;
    const separator = SEPARATOR_START.exec(text);
    if (!separator) return;
    if (valueAhead) {
      valueAhead.lastIndex = separator.index;
      if (!valueAhead.test(text)) {
        pos = separator.index + 1;
        continue;
      }
    }
    let reach = separator.index;
    while (reach > pos && /\s/.test(text[reach - 1])) reach--;
    re.lastIndex = Math.max(pos, keyReach(text, reach));
    const m = re.exec(text);
    if (!m) return;
    yield m;
    pos = re.lastIndex;
  }
}

/**
 * How far before `reach` (the end of a key and its closing quote) a CODE_KEY match ending there can start: at
 * the run of key characters that ends there, or its opening quote, when they are ASCII (most keys); else
 * CODE_KEY_REACH before. A match starting further back would need its own key right before this separator.
 */
function keyReach(text: string, reach: number): number {
  const limit = Math.max(0, reach - CODE_KEY_REACH);
  let i = reach;
  if (i > limit && isQuote(text.charCodeAt(i - 1))) i--;
  for (; i > limit; i--) {
    const c = text.charCodeAt(i - 1);
    if (c >= 128) return limit;
    if (!isAsciiKeyCharacter(c)) break;
  }
  return Math.max(limit, i - 1);
}

const isQuote = (c: number) => c === 34 || c === 39 || c === 96;
/** `[A-Za-z0-9_-]`: what CODE_KEY's key holds in ASCII. */
const isAsciiKeyCharacter = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 45;

/** `.setFirstName("Marie")`, `.firstName("Marie")`, `.withDob("1984-03-12")`, `.birthDate(LocalDate.of(1984, 3, 12))`. */
function* setterPairs(doc: SourceDocument, family: LexFamily): Generator<Pair> {
  if (DATA_FAMILIES.has(family)) return;
  const re = /\.(?:(?:set|with)(?=[A-Z_]))?(?<key>[A-Za-z_]\w{0,40})\s*\(\s*/g;
  for (let m = re.exec(doc.text); m; m = re.exec(doc.text)) {
    const key = m.groups!.key;
    const kind = fieldKind(key);
    if (!kind) continue;
    const parsed = parseValue(doc, family, m.index + m[0].length, kind === 'birth-date');
    if (parsed && /^\s*\)/.test(doc.text.slice(parsed.valueEnd, parsed.valueEnd + 4))) {
      yield { key, kind, at: m.index, normKey: normalizeKey(key), value: parsed.value, start: parsed.start, end: parsed.end, birthDate: parsed.birthDate };
    }
  }
}

interface ParsedValue {
  value: string;
  start: number;
  end: number;
  /** Where the value's written form ends (after its closing quote or parenthesis). */
  valueEnd: number;
  birthDate?: boolean;
}

function parseValue(doc: SourceDocument, family: LexFamily, at: number, wantDate: boolean): ParsedValue | undefined {
  const text = doc.text;
  const ch = text[at];
  if (ch === '"' || ch === "'" || ch === '`') return quoted(text, at);
  if (!DATA_FAMILIES.has(family)) {
    if (ch === '[') {
      // A list of names (`given: ['Marie']`): its first string.
      const m = /^\[\s*(?=["'])/.exec(text.slice(at, at + 40));
      return m ? quoted(text, at + m[0].length) : undefined;
    }
    return wantDate ? dateExpression(text, at) : undefined;
  }
  // Unquoted data: to the end of the line, a separator, or the next `key=`.
  const lineEnd = text.indexOf('\n', at);
  const rest = text.slice(at, lineEnd < 0 ? text.length : lineEnd);
  if (!rest || /^[{[|>&*!#]/.test(rest)) return undefined;
  const stop =
    family === 'yaml' ? /\s+#|\s*$/.exec(rest) : /[,;|\t]|\s{2,}|\s+[\p{L}_][\p{L}\p{N}_\-]*\s*[=:]|[*_]{2}|\s*$/u.exec(rest);
  const raw = rest.slice(0, stop ? stop.index : rest.length).replace(/[\s.)"']+$/, '');
  if (!raw) return undefined;
  return { value: raw, start: at, end: at + raw.length, valueEnd: at + raw.length };
}

function quoted(text: string, at: number): ParsedValue | undefined {
  const q = text[at];
  for (let i = at + 1; i < text.length && i < at + 300; i++) {
    const c = text[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '\n' && q !== '`') return undefined;
    if (c === q) {
      const value = text.slice(at + 1, i);
      if (q === '`' && value.includes('${')) return undefined;
      return { value, start: at + 1, end: i, valueEnd: i + 1 };
    }
  }
  return undefined;
}

/**
 * A birth date built in code: `LocalDate.of(1984, 3, 12)`, `new Date(1984, 2, 12)` (months from 0),
 * `date(1984, 3, 12)`, `new DateTime(1984, 3, 12)`, `DateOnly.Parse("1984-03-12")`, `new Date("1984-03-12")`.
 */
function dateExpression(text: string, at: number): ParsedValue | undefined {
  const head = text.slice(at, at + 120);
  const m = /^(?:new\s+)?(?<fn>[\w.]{2,40}?)\s*\(\s*(?:(?<y>\d{4})\s*,\s*(?<mo>\d{1,2})\s*,\s*(?<d>\d{1,2})|(?<q>["'])(?<s>[^"'\n]{6,30})\k<q>)[^)\n]{0,40}\)/.exec(head);
  if (!m || !/date|time|dob|of$|parse|utc|dayjs|moment/i.test(m.groups!.fn)) return undefined;
  const g = m.groups!;
  if (g.s !== undefined) {
    if (!parseBirthDate(g.s)) return undefined;
    const start = at + m[0].indexOf(g.s);
    return { value: g.s, start, end: start + g.s.length, valueEnd: at + m[0].length, birthDate: true };
  }
  const jsDate = /^(?:new\s+)?Date(?:\.UTC)?$/.test(m[0].split('(')[0].trim());
  if (!birthDateFromParts(Number(g.y), Number(g.mo), Number(g.d), jsDate)) return undefined;
  return { value: m[0], start: at, end: at + m[0].length, valueEnd: at + m[0].length, birthDate: true };
}

// ---------------------------------------------------------------------------------------------------------
// Blocks

interface Block {
  id: number;
  parent?: Block;
  depth: number;
  /** The text just before the block opens (`author: {`), to recognise metadata that is not about patients. */
  head: string;
  pairs: Pair[];
}

/** Metadata about the people who write software, not about patients. */
const NOT_PATIENTS = /\b(?:authors?|contributors?|maintainers?|developers?|owners?|committer|creator|publisher|vendor|organi[sz]ation|company|copyright|support|team)\b["'`]?\s*[:=]?\s*\[?\s*[{(]?\s*$/i;

function groupPairs(doc: SourceDocument, family: LexFamily, pairs: Pair[]): FieldValue[][] {
  const blocks =
    family === 'yaml' ? yamlBlocks(doc, pairs) : TEXT_FAMILIES.has(family) ? paragraphBlocks(doc, pairs) : bracketBlocks(doc, family, pairs);
  const out: FieldValue[][] = [];
  // Deepest blocks first: a block whose fields do not form a record by themselves lends them to its parent
  // (a FHIR-like `name: [{ family, given }]` beside `birthDate`).
  const lent = new Map<Block, Pair[]>();
  for (const block of [...blocks].sort((a, b) => b.depth - a.depth)) {
    if (NOT_PATIENTS.test(block.head)) continue;
    const own = [...block.pairs, ...(lent.get(block) ?? [])].sort((a, b) => a.at - b.at);
    for (const record of splitRecords(doc, own)) {
      if (isComplete(record) || !block.parent) out.push(record);
      else {
        // Appended in place: copying the parent's list for every lending block was quadratic in flat files.
        const list = lent.get(block.parent);
        if (list) list.push(...record);
        else lent.set(block.parent, [...record]);
      }
    }
  }
  return out;
}

/** Has a name field and some other field: worth judging here rather than in the parent block. */
function isComplete(record: Pair[]): boolean {
  const named = record.some((p) => p.kind === 'full-name') || (record.some((p) => p.kind === 'given-name') && record.some((p) => p.kind === 'family-name'));
  return named && record.some((p) => !p.kind || !p.kind.endsWith('-name'));
}

/** A key seen again, or a long gap, starts the next record (setters in a method body, a flat seed file). */
function splitRecords(doc: SourceDocument, pairs: Pair[]): Pair[][] {
  const records: Pair[][] = [];
  let current: Pair[] = [];
  let lastLine = -1;
  for (const p of pairs) {
    const line = doc.index.lineIndexAt(p.at);
    if (current.length && (current.some((c) => c.normKey === p.normKey) || line - lastLine > MAX_GAP_LINES)) {
      records.push(current);
      current = [];
    }
    current.push(p);
    lastLine = line;
  }
  if (current.length) records.push(current);
  return records;
}

const ROOT_ID = -1;

/** Blocks of code: the innermost `{}`, `()` or `[]` around each key, outside strings and comments. */
function bracketBlocks(doc: SourceDocument, family: LexFamily, pairs: Pair[]): Block[] {
  const text = doc.text;
  const root: Block = { id: ROOT_ID, depth: 0, head: '', pairs: [] };
  const blocks = new Map<number, Block>([[ROOT_ID, root]]);
  const stack: Block[] = [root];
  const re = /[{}()[\]]/g;
  let next = 0;
  const assignUpTo = (offset: number) => {
    for (; next < pairs.length && pairs[next].at < offset; next++) stack[stack.length - 1].pairs.push(pairs[next]);
  };
  for (let m = re.exec(text); m; m = re.exec(text)) {
    assignUpTo(m.index);
    const scope = doc.scopes.scopeAt(m.index);
    if (scope === 'string' || (scope === 'comment' && family !== 'plain')) continue;
    if ('{(['.includes(m[0])) {
      const parent = stack[stack.length - 1];
      const block: Block = { id: m.index, parent, depth: stack.length, head: text.slice(Math.max(0, m.index - 40), m.index + 1), pairs: [] };
      blocks.set(m.index, block);
      stack.push(block);
    } else if (stack.length > 1) {
      stack.pop();
    }
  }
  assignUpTo(Infinity);
  return [...blocks.values()].filter((b) => b.pairs.length || b.depth > 0);
}

/** YAML: sibling keys at the same indentation form a block; a list item (`- `) starts a new one. */
function yamlBlocks(doc: SourceDocument, pairs: Pair[]): Block[] {
  const idx = doc.index;
  const blocks: Block[] = [];
  const stack: Array<{ col: number; block: Block }> = [];
  const byLine = new Map<number, Pair[]>();
  for (const p of pairs) {
    const line = idx.lineIndexAt(p.at);
    byLine.set(line, [...(byLine.get(line) ?? []), p]);
  }
  for (let line = 0; line < idx.lineCount; line++) {
    const t = idx.lineText(line);
    const m = /^(\s*)((?:-\s+)*)(\S)/.exec(t);
    if (!m || m[3] === '#') continue;
    const col = m[1].length + m[2].length;
    const isItem = m[2].length > 0;
    while (stack.length && (stack[stack.length - 1].col > col || (isItem && stack[stack.length - 1].col === col))) stack.pop();
    if (!stack.length || stack[stack.length - 1].col !== col) {
      const parent = stack[stack.length - 1]?.block;
      const prev = line > 0 ? idx.lineText(line - 1) : '';
      const block: Block = { id: idx.lineStart(line), parent, depth: stack.length, head: prev.slice(-40), pairs: [] };
      blocks.push(block);
      stack.push({ col, block });
    }
    const here = byLine.get(line);
    if (here) stack[stack.length - 1].block.pairs.push(...here);
  }
  return blocks;
}

/** Text and markdown: paragraphs (runs of non-blank lines). */
function paragraphBlocks(doc: SourceDocument, pairs: Pair[]): Block[] {
  const blocks: Block[] = [];
  let current: Block | undefined;
  let lastLine = -2;
  for (const p of pairs) {
    const line = doc.index.lineIndexAt(p.at);
    let blank = false;
    for (let l = lastLine + 1; l < line && !blank; l++) blank = doc.index.lineText(l).trim() === '';
    if (!current || blank || lastLine < 0) {
      current = { id: p.at, depth: 0, head: '', pairs: [] };
      blocks.push(current);
    }
    current.pairs.push(p);
    lastLine = line;
  }
  return blocks;
}

// ---------------------------------------------------------------------------------------------------------
// Constructor calls with positional arguments

const PERSON_CALLEE = /^(?:new\s+)?[\w.]*(?:patient|person|member|beneficiary|insured|subscriber|resident|client|people|personne|persoon|persona|paziente|paciente)\w*$/i;
/** A word one of which every PERSON_CALLEE holds. */
const PERSON_CALLEE_WORD = /patient|person|persoon|member|beneficiary|insured|subscriber|resident|client|people|paziente|paciente/gi;

function constructorRecords(doc: SourceDocument, shortcut: boolean): CandidateRecord[] {
  const text = doc.text;
  const out: CandidateRecord[] = [];
  // Go's composite literals take their fields in order too: `Patient{"Cornelius", "Abernathy", "1946-12-08"}`
  const re = doc.language.id === 'go' ? /\b[A-Za-z_][\w.]*\s*[({]/g : /(?:\bnew\s+)?\b[A-Za-z_][\w.]*\s*\(/g;
  for (const m of shortcut ? personCalls(text, re) : allMatches(re, text)) {
    const callee = m[0].slice(0, -1).trim();
    if (!PERSON_CALLEE.test(callee) || doc.scopes.scopeAt(m.index) !== 'code') continue;
    const fields = positionalArguments(text, m.index + m[0].length, m[0].endsWith('{') ? '}' : ')');
    // Two single-word names in a row are a given and a family name, in either order.
    const single = fields.filter((f) => f.kind === 'given-name');
    if (single.length >= 2) single[1].kind = 'family-name';
    if (fields.length >= 2) out.push({ fields, context: callee });
  }
  return out;
}

/**
 * The matches of a call regex (`re`: an optional `new`, a dotted name, an opening bracket) that allMatches()
 * finds and that hold a PERSON_CALLEE word, found from the words: most calls in code are not of persons. A
 * match spans nothing but its dotted name (with a `new` and white space before it) and the bracket, so the
 * match holding a word starts between the `new` or the name the word is in and the name's end.
 */
function* personCalls(text: string, re: RegExp): Generator<RegExpExecArray> {
  const at = new RegExp(re.source, 'y');
  let done = 0;
  for (const w of text.matchAll(PERSON_CALLEE_WORD)) {
    if (w.index! < done) continue;
    let name = w.index!;
    while (name > 0 && /[\w.]/.test(text[name - 1])) name--;
    let nameEnd = w.index! + w[0].length;
    while (nameEnd < text.length && /[\w.]/.test(text[nameEnd])) nameEnd++;
    done = nameEnd;
    let bracket = nameEnd;
    while (bracket < text.length && /\s/.test(text[bracket])) bracket++;
    if (text[bracket] !== '(' && text[bracket] !== '{') continue;
    for (let start = newBefore(text, name) ?? name; start < nameEnd; start++) {
      at.lastIndex = start;
      const m = at.exec(text);
      if (m) {
        done = at.lastIndex;
        yield m;
        break;
      }
    }
  }
}

/** Where a `new` and white space before `at` start (`new Patient(`), if they do. */
function newBefore(text: string, at: number): number | undefined {
  let i = at;
  while (i > 0 && /\s/.test(text[i - 1])) i--;
  if (i === at || i < 3 || text.slice(i - 3, i) !== 'new' || (i > 3 && /\w/.test(text[i - 4]))) return undefined;
  return i - 3;
}

/** String and date arguments of a call, with kinds guessed from their values (names, dates) or left to recognition (identifiers). */
function positionalArguments(text: string, at: number, close = ')'): FieldValue[] {
  const fields: FieldValue[] = [];
  let depth = 0;
  let argStart = at;
  let n = 0;
  for (let i = at; i < text.length && i < at + 600; i++) {
    const c = text[i];
    if (c === '"' || c === "'") {
      const v = quoted(text, i);
      if (!v) return fields;
      i = v.valueEnd - 1;
      continue;
    }
    if (c === '(' || c === '[' || c === '{') depth++;
    else if ((c === ')' || c === ']' || c === '}') && depth > 0) depth--;
    else if ((c === ',' && depth === 0) || c === close || c === ';') {
      const arg = argument(text, argStart, i, ++n);
      if (arg) fields.push(arg);
      if (c !== ',') break;
      argStart = i + 1;
    }
  }
  return fields;
}

function argument(text: string, start: number, end: number, position: number): FieldValue | undefined {
  const lead = /^\s*/.exec(text.slice(start, end))![0].length;
  const at = start + lead;
  const key = `argument ${position}`;
  const date = dateExpression(text, at);
  if (date) return { key, kind: 'birth-date', value: date.value, start: date.start, end: date.end, birthDate: true };
  const v = text[at] === '"' || text[at] === "'" ? quoted(text, at) : undefined;
  if (!v || text.slice(v.valueEnd, end).trim()) return undefined;
  const value = v.value.trim();
  let kind: FieldValue['kind'];
  if (parseBirthDate(value)) kind = 'birth-date';
  else if (/^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i.test(value)) kind = 'email';
  else if (/\s/.test(value) && /^\p{Lu}/u.test(value) && !/\d/.test(value)) kind = 'full-name';
  else if (/^\p{Lu}[\p{L}'’-]+$/u.test(value)) kind = 'given-name';
  return { key, kind, value: v.value, start: v.start, end: v.end, birthDate: kind === 'birth-date' };
}
