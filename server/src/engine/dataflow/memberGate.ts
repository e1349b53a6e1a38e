import type { SourceDocument } from '../document';
import { HEALTH_HINT, declaredResourceType, healthWordOf } from './healthNames';
import { hl7Segment, mayHoldSegment } from './hl7Text';
import type { SyntaxTable } from './syntaxRoles';
import type { LiteralSource } from './treeFlow';

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
 * initializer, a top-level statement, a member inside parentheses), a file with a string that may be an HL7 v2
 * segment or that may hold a source of the syntax table's own (a DICOM reader), a table with request payloads
 * (judged by the class's name), and every name of a statement outside members that holds a source.
 */

/** The languages whose members are brace blocks under type bodies. */
export const MEMBER_GATE_LANGUAGES = new Set(['java', 'csharp']);

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

/** What separates names, as both sides are split (C#'s `@class` is the name `class`). */
const NOT_NAME = /[^\p{L}\p{N}_$@]+/u;

/** The name a word of code is (without its `@`); undefined for a number or nothing. */
function nameOf(word: string): string | undefined {
  const name = word[0] === '@' ? word.slice(1) : word;
  return /^[\p{L}_$]/u.test(name) ? name : undefined;
}

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

/** A sink call whose arguments may carry data: its first character, the parenthesis opening its arguments (or -1). */
export interface GatedSink {
  at: number;
  open: number;
  kind: string;
}

/**
 * Whether any of the given sinks may receive health data, read lexically; true when in doubt. `literalSource`:
 * the walk's test of a string for a literal identifier.
 */
export function membersMayFlow(doc: SourceDocument, table: SyntaxTable, sinks: GatedSink[], literalSource?: LiteralSource): boolean {
  const text = doc.text;
  const structure = structureOf(doc, table);
  if (!structure) return true;
  const members: Array<[number, number]> = [];
  const plain = new Set<number>();
  for (const sink of sinks) {
    const member = memberAt(text, structure.top, sink.at);
    if (!member) return true;
    members.push(member);
    // A storage key names what is stored (`putString("diagnosis", …)`): only other sinks' strings are plain.
    if (sink.kind !== 'client-storage' && sink.open >= 0) for (const s of plainArguments(doc, sink.open, member[1])) plain.add(s);
  }
  const reserved = RESERVED[doc.language.id] ?? NO_WORDS;
  const strings: StringTest = { literalSource, plain };
  const read: Array<{ names: string[] }> = [];
  for (const [start, end] of members) {
    const r = sourcesIn(doc, start, end, reserved, strings, true);
    if (r.source) return true;
    read.push(r);
  }
  // Only then the statements outside members (most files that get here have a source in such a member).
  const outside = (structure.outside ??= namesOutsideMembers(doc, structure.top, reserved, { literalSource }));
  return read.some((r) => r.names.some((n) => outside.has(n)));
}

/**
 * The strings given to a sink call as arguments of their own (`log.info("Patient {} merged", id)`, or joined
 * with `+`), not interpolated: the walk takes from them only a literal identifier, never their words (those of a
 * key, `row["diagnosis"]`, or a query are inside brackets or another call). By where each starts.
 */
function plainArguments(doc: SourceDocument, open: number, memberEnd: number): number[] {
  const text = doc.text;
  const out: number[] = [];
  let depth = 0;
  let at = open + 1;
  for (const region of doc.scopes.regionsIn(open + 1, memberEnd)) {
    for (let i = at; i < region.start; i++) {
      const c = text[i];
      if (c === '(' || c === '[' || c === '{') depth++;
      else if (c === ')' || c === ']' || c === '}') {
        if (depth-- === 0) return out;
      }
    }
    if (depth === 0 && region.kind === 'string' && !interpolated(text, region.start)) out.push(region.start);
    at = Math.max(at, region.end);
  }
  return out;
}

/** Whether the string literal starting at (or whose quote is at) an offset is C#'s `$"…{name}…"`. */
function interpolated(text: string, start: number): boolean {
  let from = start;
  while (from > 0 && /[A-Za-z@$]/.test(text[from - 1])) from--;
  return /^[A-Za-z@$]*\$/.test(text.slice(from, start)) || /^[A-Za-z@]*\$/.test(text.slice(start, start + 4));
}

/** How strings are read: the walk's test for a literal identifier, and the strings it reads for nothing else. */
interface StringTest {
  literalSource?: LiteralSource;
  plain?: ReadonlySet<number>;
}

/**
 * Whether a string of the file may be an HL7 v2 segment or message type (`"MSH|"`, `"PID"` in a file about HL7):
 * the walk makes the names tested against one, and a message written out with a PID segment, sources.
 */
function holdsHl7Literal(doc: SourceDocument): boolean {
  if (!mayHoldSegment(doc.text)) return false;
  return doc.scopes.regionsIn(0, doc.text.length).some((r) => r.kind === 'string' && hl7Segment(doc.text.slice(r.start, r.end), true));
}

/**
 * Whether the walk may find in a text a source that needs no health word (a DICOM reader: the `source` role of
 * csharp.yaml), or request payloads, judged by the class's name: such a file is always parsed.
 */
function tableSourceMayBeIn(table: SyntaxTable, text: string): boolean {
  if (table.hints.request?.length) return true;
  return (table.hints.source ?? []).some((patterns) => patterns.every((re) => re.test(text)));
}

const structures = new WeakMap<SourceDocument, Structure | null>();

/**
 * A file's blocks, worked out once for the rules of every sink kind; undefined when the file is parsed whatever its
 * members hold (braces that do not balance, a source that needs no health word).
 */
function structureOf(doc: SourceDocument, table: SyntaxTable): Structure | undefined {
  let structure = structures.get(doc);
  if (structure === undefined) {
    const top = tableSourceMayBeIn(table, doc.text) || holdsHl7Literal(doc) ? undefined : blocksOf(doc);
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
function namesOutsideMembers(doc: SourceDocument, top: Block[], reserved: ReadonlySet<string>, strings: StringTest): Set<string> {
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
  const found = statements.map(([start, end]) => sourcesIn(doc, start, end, reserved, strings));
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
 * The names in the code between two offsets (reserved words left out unless written `@class`), and whether the
 * text holds a source of the walk: a name with a health word, a FHIR resource type, a string that could be a
 * health query or key (a health word; not in a plain argument of a sink), or a literal identifier. For a member
 * (`member`): the names in strings too (an interpolation, `$"now {current}"`, reads a name), and none once a
 * source is found (the member is then parsed, whatever its names).
 */
function sourcesIn(doc: SourceDocument, start: number, end: number, reserved: ReadonlySet<string>, strings: StringTest, member = false): { names: string[]; source: boolean } {
  const text = doc.text;
  const names: string[] = [];
  let source = false;
  forEachCode(doc, start, end, (from, to) => {
    if (source && member) return;
    let code = text.slice(from, to);
    if (code.includes('.class') || code.includes('typeof') || code.includes('nameof')) code = code.replace(TYPE_ONLY, ' ');
    if (!source && declaredResourceType(code)) source = true;
    for (const word of code.split(NOT_NAME)) {
      const name = nameOf(word);
      if (!name || (word[0] !== '@' && reserved.has(name))) continue;
      names.push(name);
      if (!source && isHealthName(name)) {
        source = true;
        if (member) return;
      }
    }
  }, (region) => {
    if (region.kind !== 'string' || (source && member)) return;
    const body = text.slice(region.start, region.end);
    const plain = strings.plain?.has(region.start) === true;
    if (!source) source = (!plain && HEALTH_HINT.test(body)) || (/\d{2}/.test(body) && strings.literalSource?.(region.start, region.end) !== undefined);
    if (member && !plain) for (const word of body.split(NOT_NAME)) names.push(nameOf(word) ?? '');
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
