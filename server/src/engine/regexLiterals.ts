import * as fs from 'node:fs';
import * as path from 'node:path';

/** A string as a regex that matches it literally. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The literal strings one of which every match of a regex contains, found from the regex's syntax, so that a
 * rule's pattern runs only over files holding one of them (a check far cheaper than running the regex, whose
 * lookbehinds are tried at every position). Conservative: any syntax it does not model gives no literals,
 * and the pattern always runs. Literals are lower case, to be looked for in the lower-cased text.
 */
export function requiredLiterals(source: string, flags = ''): string[] | undefined {
  if (!known) known = storedLiterals();
  const key = `${flags}/${source}`;
  if (!known.has(key)) known.set(key, literalsOf(source, flags));
  return known.get(key)?.slice();
}

/**
 * Each regex is analysed once per thread (the flow rules share their JS/TS hint, and rules are compiled again on
 * every change of settings), and the built-in rules' regexes once at build time: analysing them took every
 * start of hdguard and of each worker some 60 ms.
 */
let known: Map<string, string[] | undefined> | undefined;

/** The file the build writes the literals of the built-in rules' regexes to, beside the bundles. */
export const REGEX_LITERALS_FILE = 'regex-literals.json';

/** What the build stored (the regex, with its flags, to its literals or null), or nothing where it did not. */
function storedLiterals(): Map<string, string[] | undefined> {
  const literalsByKey = new Map<string, string[] | undefined>();
  let stored: unknown;
  try {
    stored = JSON.parse(fs.readFileSync(path.join(__dirname, REGEX_LITERALS_FILE), 'utf8'));
  } catch {
    return literalsByKey;
  }
  if (!stored || typeof stored !== 'object' || Array.isArray(stored)) return literalsByKey;
  // An entry of any other shape is left to be found again.
  for (const [key, literals] of Object.entries(stored)) {
    if (literals === null) literalsByKey.set(key, undefined);
    else if (Array.isArray(literals) && literals.every((l) => typeof l === 'string')) literalsByKey.set(key, literals);
  }
  return literalsByKey;
}

/** The literals found so far in this thread, as the build stores them. */
export function knownLiterals(): Record<string, string[] | null> {
  return Object.fromEntries([...(known ?? [])].map(([key, literals]) => [key, literals ?? null]));
}

function literalsOf(source: string, flags: string): string[] | undefined {
  // Under /iu, case folding matches characters that lower-casing the text does not produce (ſ for s, K for k).
  if (flags.includes('i') && (flags.includes('u') || flags.includes('v'))) return undefined;
  const node = parseRegex(source);
  const literals = node && facts(node).req;
  if (!literals?.length || literals.some((l) => l.length < MIN_LENGTH)) return undefined;
  const lower = [...new Set(literals.map((l) => l.toLowerCase()))];
  // A literal holding another one of the set adds nothing: the shorter one is present whenever it is.
  return lower.filter((l) => !lower.some((other) => other !== l && l.includes(other)));
}

/** Shorter literals occur in nearly every file: looking for them costs more than it saves. */
const MIN_LENGTH = 3;
/** Larger sets of alternatives are not worth expanding. */
const MAX_SET = 32;
/** A requirement may list more alternatives (each branch of an alternation its own). */
const MAX_REQUIRED = 48;

/** A regex's syntax, as both analyses read it. */
type Node =
  | { t: 'lit'; c: string }
  /** A class, `.` or an escape such as `\d`: the ASCII characters it matches, undefined when any other can match or the syntax is not modelled. */
  | { t: 'set'; ascii: Uint8Array | undefined }
  | { t: 'empty' }
  | { t: 'seq'; items: Node[] }
  | { t: 'alt'; branches: Node[] }
  | { t: 'rep'; node: Node; min: number; max: number };

/** exact: the node matches exactly one of these strings; req: every match contains one of these. */
interface Facts {
  exact?: string[];
  req?: string[];
}

function facts(n: Node): Facts {
  switch (n.t) {
    case 'lit':
      return { exact: [n.c], req: [n.c] };
    case 'set': {
      const chars = smallSet(n.ascii);
      return { exact: chars, req: chars };
    }
    case 'empty':
      return { exact: [''] };
    case 'alt': {
      const fs = n.branches.map(facts);
      const exact = fs.every((f) => f.exact) ? unique(fs.flatMap((f) => f.exact!)) : undefined;
      const req = fs.every((f) => f.req) ? unique(fs.flatMap((f) => f.req!)) : undefined;
      return { exact: exact && exact.length <= MAX_SET ? exact : undefined, req: req && req.length <= MAX_REQUIRED ? req : undefined };
    }
    case 'rep': {
      const f = facts(n.node);
      if (n.min === 0) return { exact: n.max === 1 && f.exact ? unique([...f.exact, '']) : undefined };
      return { exact: n.min === 1 && n.max === 1 ? f.exact : undefined, req: f.req };
    }
    case 'seq':
      return seqFacts(n.items.map(facts));
  }
}

/**
 * A sequence: its exact strings when every part has some; its best requirement among the parts and the runs of
 * consecutive exact parts.
 */
function seqFacts(parts: Facts[]): Facts {
  const candidates: string[][] = parts.flatMap((p) => (p.req ? [p.req] : []));
  let exact: string[] | undefined = [''];
  for (const p of parts) exact = exact && p.exact ? cross(exact, p.exact) : undefined;
  // Runs start at the sequence's start and after each part that is not one fixed string (`tls[-_]?security`
  // offers `security` alone too), and grow part by part while the parts are exact.
  for (let from = 0; from < parts.length; from++) {
    if (from > 0 && parts[from - 1].exact?.length === 1) continue;
    let run: string[] | undefined = [''];
    for (let i = from; i < parts.length && run; i++) {
      const e = parts[i].exact;
      run = e ? cross(run, e) : undefined;
      if (run?.length && !run.includes('')) candidates.push(run);
    }
  }
  const best = candidates.filter((c) => c.length && !c.includes('')).sort((a, b) => score(b) - score(a) || shortest(b) - shortest(a))[0];
  return { exact, req: best };
}

/** Longer literals are rarer, up to a point; every variant is one more literal to look for. */
const score = (set: string[]) => Math.min(8, shortest(set)) * 100 - set.length;
const shortest = (set: string[]) => Math.min(...set.map((s) => s.length));

/** A class of a few characters as a list of them (more are not worth expanding). */
function smallSet(ascii: Uint8Array | undefined): string[] | undefined {
  if (!ascii) return undefined;
  const chars = [...ascii].flatMap((x, c) => (x ? [String.fromCharCode(c)] : []));
  return chars.length && chars.length <= 4 ? chars : undefined;
}

function cross(a: string[], b: string[]): string[] | undefined {
  if (a.length * b.length > MAX_SET) return undefined;
  return unique(a.flatMap((x) => b.map((y) => x + y)));
}

const unique = (xs: string[]) => [...new Set(xs)];

/** A regex's syntax tree, or undefined for syntax the parser does not model (the analyses then give up). */
function parseRegex(source: string): Node | undefined {
  try {
    return new Parser(source).parse();
  } catch {
    return undefined;
  }
}

/** A parser for the regex syntax the rule packs and identifier shapes use; it throws on anything else. */
class Parser {
  private i = 0;

  constructor(private readonly s: string) {}

  parse(): Node {
    const n = this.alternation();
    if (this.i < this.s.length) throw new Error('unbalanced )');
    return n;
  }

  private alternation(): Node {
    const branches = [this.sequence()];
    while (this.s[this.i] === '|') {
      this.i++;
      branches.push(this.sequence());
    }
    return branches.length === 1 ? branches[0] : { t: 'alt', branches };
  }

  private sequence(): Node {
    const items: Node[] = [];
    while (this.i < this.s.length && this.s[this.i] !== '|' && this.s[this.i] !== ')') items.push(this.quantified(this.atom()));
    return { t: 'seq', items };
  }

  private quantified(node: Node): Node {
    const c = this.s[this.i];
    let min: number;
    let max: number;
    if (c === '*' || c === '+' || c === '?') {
      this.i++;
      [min, max] = c === '*' ? [0, Infinity] : c === '+' ? [1, Infinity] : [0, 1];
    } else if (c === '{' && /^\{\d+(?:,\d*)?\}/.test(this.s.slice(this.i))) {
      const m = /^\{(\d+)(?:(,)(\d*))?\}/.exec(this.s.slice(this.i))!;
      this.i += m[0].length;
      min = Number(m[1]);
      max = m[2] ? (m[3] ? Number(m[3]) : Infinity) : min;
    } else {
      return node;
    }
    if (this.s[this.i] === '?') this.i++;
    return { t: 'rep', node, min, max };
  }

  private atom(): Node {
    const c = this.s[this.i++];
    switch (c) {
      case '(':
        return this.group();
      case '[':
        return this.charClass();
      case '.':
        return { t: 'set', ascii: undefined };
      case '^':
      case '$':
        return { t: 'empty' };
      case '\\':
        return this.escape();
      case ')':
      case '*':
      case '+':
      case '?':
        throw new Error(`unexpected ${c}`);
      default:
        return { t: 'lit', c };
    }
  }

  private group(): Node {
    let lookaround = false;
    if (this.s[this.i] === '?') {
      const rest = this.s.slice(this.i + 1);
      const prefix = /^(?::|=|!|<=|<!|<[A-Za-z_$][\w$]*>)/.exec(rest);
      if (!prefix) throw new Error('unsupported group');
      lookaround = /^(?:=|!|<=|<!)$/.test(prefix[0]);
      this.i += 1 + prefix[0].length;
    }
    const inner = this.alternation();
    if (this.s[this.i++] !== ')') throw new Error('unclosed group');
    // A lookaround consumes nothing: what it asks for is not part of the match.
    return lookaround ? { t: 'empty' } : inner;
  }

  private charClass(): Node {
    const negated = this.s[this.i] === '^';
    if (negated) this.i++;
    if (this.s[this.i] === ']') throw new Error('empty class');
    let set: Uint8Array | undefined = NONE();
    while (this.s[this.i] !== ']') {
      if (this.i >= this.s.length) throw new Error('unclosed class');
      const from = this.classMember();
      if (typeof from === 'number' && this.s[this.i] === '-' && this.s[this.i + 1] !== ']' && this.i + 1 < this.s.length) {
        this.i++;
        const to = this.classMember();
        set = typeof to === 'number' && to >= from ? union(set, range(from, to)) : undefined;
        continue;
      }
      set = union(set, typeof from === 'number' ? range(from, from) : from);
    }
    this.i++;
    return { t: 'set', ascii: negated ? undefined : set };
  }

  /** One character of a class (its code), or the set an escape such as `\d` stands for (undefined: not modelled). */
  private classMember(): number | Uint8Array | undefined {
    const c = this.s[this.i++];
    if (c !== '\\') return c.charCodeAt(0);
    const e = this.s[this.i++];
    if (e === 'd') return DIGITS();
    if (e === 'w') return WORD();
    if ((e === 'p' || e === 'P') && this.s[this.i] === '{') this.i = this.s.indexOf('}', this.i) + 1;
    else if (e === 'x') this.i += 2;
    else if (e === 'u') this.i += 4;
    const lit = ESCAPED_LITERAL[e] ?? (/[^\w]/.test(e) ? e : undefined);
    return lit?.charCodeAt(0);
  }

  private escape(): Node {
    const e = this.s[this.i++];
    if (e === undefined) throw new Error('trailing backslash');
    if (e === 'b' || e === 'B') return { t: 'empty' };
    if (e === 'k') {
      this.i = this.s.indexOf('>', this.i) + 1;
      return { t: 'set', ascii: undefined };
    }
    if (/[1-9]/.test(e)) return { t: 'set', ascii: undefined };
    if ((e === 'p' || e === 'P') && this.s[this.i] === '{') {
      this.i = this.s.indexOf('}', this.i) + 1;
      return { t: 'set', ascii: undefined };
    }
    if (e === 'd') return { t: 'set', ascii: DIGITS() };
    if (e === 'w') return { t: 'set', ascii: WORD() };
    if (/[DWsS]/.test(e)) return { t: 'set', ascii: undefined };
    if (e === 'x' || e === 'u' || e === 'c') throw new Error('unsupported escape');
    const lit = ESCAPED_LITERAL[e] ?? (/[^\w]/.test(e) ? e : undefined);
    if (lit === undefined) throw new Error(`unsupported escape \\${e}`);
    return { t: 'lit', c: lit };
  }
}

const ESCAPED_LITERAL: Record<string, string> = { n: '\n', t: '\t', r: '\r', f: '\f', v: '\v', '0': '\0' };

/**
 * The ASCII characters a match of the regex can start with (a 128-entry table), or undefined when a match might
 * start with another character or the syntax is not modelled: a regex may then be given a lookahead for them,
 * which rejects most positions of a text at once. Flags with `i` give up (case folding), as does anything
 * that is not a literal, an ASCII class or range, a group, a lookaround, an anchor or a quantifier.
 */
export function asciiFirstChars(source: string, flags = ''): Uint8Array | undefined {
  if (flags.includes('i')) return undefined;
  const node = parseRegex(source);
  const first = node && firstOf(node);
  return first && !first.nullable ? first.chars : undefined;
}

interface First {
  /** The characters a match can start with; undefined: unknown. */
  chars: Uint8Array | undefined;
  /** Whether the part can match the empty string (the next part's characters then count too). */
  nullable: boolean;
}

function firstOf(n: Node): First {
  switch (n.t) {
    case 'lit': {
      const code = n.c.charCodeAt(0);
      return { chars: code < 128 ? range(code, code) : undefined, nullable: false };
    }
    case 'set':
      return { chars: n.ascii, nullable: false };
    case 'empty':
      return { chars: NONE(), nullable: true };
    case 'alt':
      return n.branches.map(firstOf).reduce((a, b) => ({ chars: union(a.chars, b.chars), nullable: a.nullable || b.nullable }));
    case 'rep': {
      const inner = firstOf(n.node);
      return { chars: inner.chars, nullable: inner.nullable || n.min === 0 };
    }
    case 'seq': {
      let chars: Uint8Array | undefined = NONE();
      for (const item of n.items) {
        const f = firstOf(item);
        chars = union(chars, f.chars);
        if (!f.nullable) return { chars, nullable: false };
      }
      return { chars, nullable: true };
    }
  }
}

const NONE = (): Uint8Array => new Uint8Array(128);
const union = (a: Uint8Array | undefined, b: Uint8Array | undefined): Uint8Array | undefined => (a && b ? a.map((x, i) => x | b[i]) : undefined);
/** The ASCII characters from one code to another; undefined when the range reaches beyond ASCII. */
const range = (from: number, to: number): Uint8Array | undefined => {
  if (to >= 128) return undefined;
  const set = NONE();
  for (let c = from; c <= to; c++) set[c] = 1;
  return set;
};
const DIGITS = () => range(48, 57);
const WORD = () => union(union(range(48, 57), range(65, 90)), union(range(97, 122), range(95, 95)));
