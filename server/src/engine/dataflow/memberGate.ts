import type { SourceDocument } from '../document';
import { HEALTH_HINT, declaredResourceType, healthWordOf } from './healthNames';
import { mayHoldSegment } from './hl7Text';
import type { SyntaxTable } from './syntaxRoles';

/**
 * A lexical test, before parsing a Java or C# file, that a sink can receive health data at all. The tree walk
 * (treeFlow.ts) follows data within one function, from what the function names and from what the file binds
 * outside functions (fields, constants, a primary constructor's parameters). Its sources are names with a health
 * word (`healthWordOf`: variables, parameters, properties, methods, keys), declared FHIR resource types, strings
 * (a query of health data, a key, a literal identifier: digits), and, file-wide, HL7 v2 segments and DICOM
 * readers. So a sink can be reached only when the member holding it (method, constructor, property, initializer:
 * its header and its block) holds one of these, or a name that a statement outside members may bind to one.
 * Most files of a health code base have a health word somewhere (all the file-level hint asks) but log from
 * members that have none (`_logger.LogInformation("Deleted {Count} resources", count)`): those are not parsed.
 *
 * The test errs towards parsing: braces or parentheses that do not balance, a sink outside any member (a field
 * initializer, a top-level statement, a member inside parentheses), a file that may hold an HL7 v2 segment or a
 * DICOM reader, a syntax table with request payloads (judged by the class's name), and every name of a statement
 * outside members that holds a source.
 */

/** The languages whose members are brace blocks under type bodies. */
export const MEMBER_GATE_LANGUAGES = new Set(['java', 'csharp']);

/** Sources the walk takes without a health word: DICOM readers (the tables' `source` role), HL7 v2 text. */
const FILE_SOURCE_HINT = /\bhl7|dcmread|pydicom|DicomFile|DicomDataset|dicom\.Parse/i;

/**
 * The header of a type body: a keyword and a name (`class PatientService`, `record Visit(`, `namespace A.B`), not
 * `where T : class` or `Foo.class`. A member taken for a type would shrink the text looked at, so only this.
 */
const TYPE_HEADER = /\b(?:class|interface|enum|struct|namespace|record)\s+@?[A-Za-z_]/;

/**
 * Each language's reserved words, which name nothing a file binds (left out of the names bound outside members).
 * Only reserved ones: `record`, `var`, `value` or (in C#) `final` can be a field's name.
 */
const RESERVED: Record<string, ReadonlySet<string>> = {
  java: new Set(
    ('abstract assert boolean break byte case catch char class const continue default do double else enum extends final finally float ' +
      'for goto if implements import instanceof int interface long native new package private protected public return short static ' +
      'strictfp super switch synchronized this throw throws transient try void volatile while true false null').split(' '),
  ),
  csharp: new Set(
    ('abstract as base bool break byte case catch char checked class const continue decimal default delegate do double else enum event ' +
      'explicit extern false finally fixed float for foreach goto if implicit in int interface internal is lock long namespace new null ' +
      'object operator out override params private protected public readonly ref return sbyte sealed short sizeof stackalloc static ' +
      'string struct switch this throw true try typeof uint ulong unchecked unsafe ushort using virtual void volatile while').split(' '),
  ),
};
const NO_WORDS: ReadonlySet<string> = new Set();

/**
 * Types named where no value can be (`PatientExporter.class`, `typeof(Patient)`, `nameof(patient)`): the walk takes
 * no data from them, and a logger made with one (`getLogger(PatientExporter.class)`) holds none.
 */
const TYPE_ONLY = /[\p{L}_$][\p{L}\p{N}_$.]*\.class\b|\b(?:typeof|nameof)\s*\([^()]*\)/gu;

/** A name as both sides are split into (C#'s `@class` is the name `class`). */
const NAME = /@?[\p{L}_$][\p{L}\p{N}_$]*/gu;

interface Block {
  open: number;
  /** The offset of the closing brace. */
  close: number;
  /** Where the text before the brace that belongs to it starts (after the previous `;`, `{` or `}` of its level). */
  headerStart: number;
  /** Opened inside parentheses (an anonymous class or a lambda in arguments): never a member of its own. */
  inParens: boolean;
  children: Block[];
}

interface Structure {
  top: Block[];
  /** The names that statements outside members may bind to health data (worked out when first needed). */
  outside?: Set<string>;
}

/**
 * Whether any of the given sinks may receive health data, read lexically; true when in doubt. `sinks`: the first
 * character of each sink call whose arguments may carry data.
 */
export function membersMayFlow(doc: SourceDocument, table: SyntaxTable, sinks: number[]): boolean {
  const text = doc.text;
  if (FILE_SOURCE_HINT.test(text) || mayHoldSegment(text) || [...table.byType.values()].some((entries) => entries.some((e) => e.role === 'request'))) return true;
  const structure = structureOf(doc);
  if (!structure) return true;
  const members: Array<[number, number]> = [];
  for (const at of sinks) {
    const member = memberAt(text, structure.top, at);
    if (!member) return true;
    members.push(member);
  }
  const reserved = RESERVED[doc.language.id] ?? NO_WORDS;
  const read = members.map(([start, end]) => sourcesIn(doc, start, end, reserved, true));
  if (read.some((r) => r.source)) return true;
  // Only then the statements outside members (most files that get here have a source in such a member).
  const outside = (structure.outside ??= namesOutsideMembers(doc, structure.top, reserved));
  return read.some((r) => r.names.some((n) => outside.has(n)));
}

const structures = new WeakMap<SourceDocument, Structure | null>();

/** A file's blocks, worked out once for the rules of every sink kind. */
function structureOf(doc: SourceDocument): Structure | undefined {
  let structure = structures.get(doc);
  if (structure === undefined) {
    const top = blocksOf(doc);
    structures.set(doc, (structure = top ? { top } : null));
  }
  return structure ?? undefined;
}

/** The brace blocks of a file, nested; undefined when braces or parentheses in code do not balance. */
function blocksOf(doc: SourceDocument): Block[] | undefined {
  const text = doc.text;
  const top: Block[] = [];
  const open: Array<{ block: Block; parens: number }> = [];
  let parens = 0;
  let lastDelimiter = -1;
  let ok = true;
  forEachCode(doc, 0, text.length, (from, to) => {
    for (let i = from; i < to && ok; i++) {
      const c = text[i];
      if (c === '(') parens++;
      else if (c === ')') ok = --parens >= 0;
      else if (c === ';') {
        if (parens === (open.at(-1)?.parens ?? 0)) lastDelimiter = i;
      } else if (c === '{') {
        const block: Block = { open: i, close: -1, headerStart: lastDelimiter + 1, inParens: parens > (open.at(-1)?.parens ?? 0), children: [] };
        (open.at(-1)?.block.children ?? top).push(block);
        open.push({ block, parens });
        lastDelimiter = i;
      } else if (c === '}') {
        const closing = open.pop();
        ok = closing !== undefined && closing.parens === parens;
        if (closing) closing.block.close = i;
        lastDelimiter = i;
      }
    }
  });
  return ok && !open.length && !parens ? top : undefined;
}

/** The member holding an offset, [start of its header, end of its block): the outermost block under type bodies only. */
function memberAt(text: string, top: Block[], at: number): [number, number] | undefined {
  let level = top;
  for (;;) {
    const block = level.find((b) => b.open < at && at < b.close);
    if (!block || block.inParens) return undefined;
    if (!TYPE_HEADER.test(text.slice(block.headerStart, block.open))) return [block.headerStart, block.close + 1];
    level = block.children;
  }
}

/**
 * The names that statements outside members (fields, constants, type headers with their parameters, field
 * initializers) may bind to health data: every name of a statement holding a source or a name already found,
 * found again until nothing is added (`Q2 = Q` after `Q = "SELECT mrn FROM patients"`).
 */
function namesOutsideMembers(doc: SourceDocument, top: Block[], reserved: ReadonlySet<string>): Set<string> {
  const text = doc.text;
  const statements: Array<[number, number]> = [];
  const addStatements = (from: number, to: number) => {
    let start = from;
    forEachCode(doc, from, to, (codeFrom, codeTo) => {
      for (let i = codeFrom; i < codeTo; i++) {
        if (text[i] !== ';' && text[i] !== '{' && text[i] !== '}') continue;
        if (i > start) statements.push([start, i]);
        start = i + 1;
      }
    });
    if (to > start) statements.push([start, to]);
  };
  // The text outside members: type bodies less their members (a member's header is its own).
  const walk = (blocks: Block[], from: number, to: number) => {
    let at = from;
    for (const b of blocks) {
      if (b.inParens) continue;
      const isType = TYPE_HEADER.test(text.slice(b.headerStart, b.open));
      addStatements(at, isType ? b.open : b.headerStart);
      if (isType) walk(b.children, b.open + 1, b.close);
      at = b.close + 1;
    }
    addStatements(at, to);
  };
  walk(top, 0, text.length);
  const found = statements.map(([start, end]) => sourcesIn(doc, start, end, reserved));
  const names = new Set<string>();
  const taken = new Set<number>();
  for (let added = true; added; ) {
    added = false;
    found.forEach(({ names: words, source }, i) => {
      if (taken.has(i) || (!source && !words.some((w) => names.has(w)))) return;
      taken.add(i);
      for (const w of words) names.add(w);
      added = true;
    });
  }
  return names;
}

/**
 * The names in the code between two offsets (reserved words left out unless written `@class`), with
 * `inStrings` those in strings too (an interpolation, `$"now {current}"`, reads a name), and whether the text
 * holds a source of the walk: a name with a health word, a FHIR resource type, or a string that could be a health
 * query, key or identifier (a health word, or two digits in a row).
 */
function sourcesIn(doc: SourceDocument, start: number, end: number, reserved: ReadonlySet<string>, inStrings = false): { names: string[]; source: boolean } {
  const text = doc.text;
  const names: string[] = [];
  let source = false;
  forEachCode(doc, start, end, (from, to) => {
    let code = text.slice(from, to);
    if (code.includes('.class') || code.includes('typeof') || code.includes('nameof')) code = code.replace(TYPE_ONLY, ' ');
    if (!source && declaredResourceType(code)) source = true;
    for (const [word] of code.matchAll(NAME)) {
      const name = word[0] === '@' ? word.slice(1) : word;
      if (word[0] !== '@' && reserved.has(name)) continue;
      names.push(name);
      if (!source && isHealthName(name)) source = true;
    }
  }, (region) => {
    if (region.kind !== 'string') return;
    const body = text.slice(region.start, region.end);
    if (!source) source = HEALTH_HINT.test(body) || /\d{2}/.test(body);
    if (inStrings) for (const [word] of body.matchAll(NAME)) names.push(word[0] === '@' ? word.slice(1) : word);
  });
  return { names, source };
}

const healthNames = new Map<string, boolean>();
const MAX_REMEMBERED_NAMES = 50_000;

/** healthWordOf(), remembered: a file repeats its names. */
function isHealthName(name: string): boolean {
  let known = healthNames.get(name);
  if (known === undefined) {
    if (healthNames.size >= MAX_REMEMBERED_NAMES) healthNames.clear();
    healthNames.set(name, (known = healthWordOf(name) !== undefined));
  }
  return known;
}

/** Calls `code` with each stretch of code between two offsets, and `other` with each string or comment there. */
function forEachCode(
  doc: SourceDocument,
  start: number,
  end: number,
  code: (from: number, to: number) => void,
  other?: (region: { start: number; end: number; kind: string }) => void,
): void {
  let at = start;
  for (const region of doc.scopes.regionsIn(start, end)) {
    if (region.start > at) code(at, Math.min(region.start, end));
    other?.(region);
    at = Math.max(at, region.end);
  }
  if (end > at) code(at, end);
}
