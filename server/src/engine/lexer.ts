import { familyOf } from './languages';
import { escapeRegExp } from './regexLiterals';
import type { Scope } from './types';

/**
 * The lexical layer: tells code, string literals and comments apart for each language family, so that a
 * rule can say where it applies. It is deliberately forgiving: unterminated strings end at the line end
 * (single-line kinds) or at the end of the file, and nothing here throws on odd input.
 */

type NonCode = Exclude<Scope, 'code'>;

interface Opener {
  open: string;
  kind: 'line-comment' | 'block-comment' | 'string' | 'heredoc';
  close?: string;
  /** The escape character inside a string, if any. */
  escape?: string;
  /** A doubled closing quote stands for one quote ('it''s' in SQL, @"a""b" in C#). */
  doubled?: boolean;
  multiline?: boolean;
  /** A comment marker that counts only at the start of a line or after white space (`#` in shell, YAML). */
  afterSpace?: boolean;
  /** Counts only as the first non-blank thing on the line (`;` and `!` in INI and properties files). */
  lineStart?: boolean;
  /** A quote that opens a string only where a YAML value can start. */
  valueStart?: boolean;
  /** A string that stands alone as a statement is documentation (a Python docstring): a comment. */
  docstring?: boolean;
}

const LINE = (open: string, extra: Partial<Opener> = {}): Opener => ({ open, kind: 'line-comment', ...extra });
const BLOCK = (open: string, close: string): Opener => ({ open, kind: 'block-comment', close });
const STR = (open: string, extra: Partial<Opener> = {}): Opener => ({
  open,
  kind: 'string',
  close: open,
  escape: '\\',
  ...extra,
});

const C_LIKE: Opener[] = [
  LINE('//'),
  BLOCK('/*', '*/'),
  STR('"""', { multiline: true }),
  STR('@"', { close: '"', escape: undefined, doubled: true, multiline: true }),
  STR('"'),
  STR("'"),
  STR('`', { multiline: true }),
];

const SPECS: Record<string, Opener[]> = {
  'c-like': C_LIKE,
  php: [LINE('#'), ...C_LIKE],
  css: [BLOCK('/*', '*/'), STR('"'), STR("'")],
  python: [
    LINE('#'),
    STR('"""', { multiline: true, docstring: true }),
    STR("'''", { multiline: true, docstring: true }),
    STR('"'),
    STR("'"),
  ],
  hash: [BLOCK('<#', '#>'), LINE('#'), STR('"', { multiline: true }), STR("'", { multiline: true })],
  shell: [LINE('#', { afterSpace: true }), STR('"'), STR("'", { escape: undefined })],
  sql: [
    LINE('--'),
    BLOCK('/*', '*/'),
    STR("'", { escape: undefined, doubled: true, multiline: true }),
    STR('"', { escape: undefined, doubled: true }),
  ],
  yaml: [
    LINE('#', { afterSpace: true }),
    STR('"', { valueStart: true, multiline: true }),
    STR("'", { escape: undefined, doubled: true, valueStart: true, multiline: true }),
  ],
  json: [LINE('//'), BLOCK('/*', '*/'), STR('"')],
  ini: [LINE('#', { lineStart: true }), LINE(';', { lineStart: true }), LINE('!', { lineStart: true })],
  toml: [LINE('#'), STR('"""', { multiline: true }), STR("'''", { multiline: true, escape: undefined }), STR('"'), STR("'", { escape: undefined })],
  hcl: [
    LINE('#'),
    LINE('//'),
    BLOCK('/*', '*/'),
    { open: '<<', kind: 'heredoc' },
    STR('"'),
  ],
  lua: [BLOCK('--[[', ']]'), LINE('--'), STR('"'), STR("'"), STR('[[', { close: ']]', escape: undefined, multiline: true })],
};

/** Language ids whose lexing differs from the rest of their family. */
const SPEC_BY_LANGUAGE: Record<string, string> = { php: 'php', css: 'css', toml: 'toml' };

export class ScopeMap {
  private constructor(
    private readonly starts: number[],
    private readonly ends: number[],
    private readonly kinds: NonCode[],
    /** The scope of any offset not inside a region. */
    private readonly rest: Scope = 'code',
  ) {}

  static from(regions: Regions, rest: Scope = 'code'): ScopeMap {
    return new ScopeMap(regions.starts, regions.ends, regions.kinds, rest);
  }

  scopeAt(offset: number): Scope {
    const i = this.indexAt(offset);
    return i < 0 ? this.rest : this.kinds[i];
  }

  /** The [start, end) of the string or comment region containing offset, if any. */
  regionAt(offset: number): { start: number; end: number; kind: NonCode } | undefined {
    const i = this.indexAt(offset);
    return i < 0 ? undefined : { start: this.starts[i], end: this.ends[i], kind: this.kinds[i] };
  }

  /** The string and comment regions overlapping [start, end), in order. */
  regionsIn(start: number, end: number): Array<{ start: number; end: number; kind: NonCode }> {
    const out: Array<{ start: number; end: number; kind: NonCode }> = [];
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.ends[mid] <= start) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.starts.length && this.starts[i] < end; i++) out.push({ start: this.starts[i], end: this.ends[i], kind: this.kinds[i] });
    return out;
  }

  /** Binary search for the region holding offset; -1 when it is in code (or whatever `rest` is). */
  private indexAt(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (offset < this.starts[mid]) hi = mid - 1;
      else if (offset >= this.ends[mid]) lo = mid + 1;
      else return mid;
    }
    return -1;
  }

  get regionCount(): number {
    return this.starts.length;
  }
}

export function lex(text: string, languageId: string): ScopeMap {
  const family = familyOf(languageId);
  const regions = new Regions();
  if (family === 'xml') lexXml(text, regions);
  else if (family === 'markdown') lexMarkdown(text, regions);
  else if (family !== 'plain') lexWith(text, SPECS[SPEC_BY_LANGUAGE[languageId] ?? family], 0, text.length, regions);
  return ScopeMap.from(regions);
}

/** The regions found, in text order, as three lists: a JSON file has a region for each of its strings. */
class Regions {
  readonly starts: number[] = [];
  readonly ends: number[] = [];
  readonly kinds: NonCode[] = [];

  /** Adds a region; an empty one is left out. */
  add(start: number, end: number, kind: NonCode): void {
    if (end <= start) return;
    this.starts.push(start);
    this.ends.push(end);
    this.kinds.push(kind);
  }
}

/** A Markdown code fence and its info string: ```sh, ~~~ json, ```. */
const FENCE = /^[ \t]{0,3}(\x60{3,}|~{3,})[ \t]*([\w+-]*)[^\n]*$/gm;
/** Info strings of fenced blocks of commands. */
const SHELL_INFO = /^(?:sh|bash|zsh|shell|shellscript|console|shell-session|powershell|pwsh|ps1|cmd|bat)$/i;

/**
 * Markdown is prose (a comment) but for its fenced blocks of commands, which are shell code: a runbook's
 * `curl -k …` is an instruction someone will run.
 */
function lexMarkdown(text: string, regions: Regions): void {
  let prose = 0;
  FENCE.lastIndex = 0;
  for (let open = FENCE.exec(text); open; open = FENCE.exec(text)) {
    const bodyStart = Math.min(open.index + open[0].length + 1, text.length);
    const closeRe = new RegExp(`^[ \\t]{0,3}\\${open[1][0]}{${open[1].length},}[ \\t]*$`, 'gm');
    closeRe.lastIndex = bodyStart;
    const close = closeRe.exec(text);
    const bodyEnd = close ? close.index : text.length;
    if (SHELL_INFO.test(open[2])) {
      regions.add(prose, bodyStart, 'comment');
      lexWith(text, SPECS.shell, bodyStart, bodyEnd, regions);
      prose = bodyEnd;
    }
    FENCE.lastIndex = close ? close.index + close[0].length : text.length;
  }
  regions.add(prose, text.length, 'comment');
}

const compiled = new Map<Opener[], RegExp>();

function openerRegex(spec: Opener[]): RegExp {
  let re = compiled.get(spec);
  if (!re) {
    const alternatives = [...spec]
      .map((o) => o.open)
      .sort((a, b) => b.length - a.length)
      .map(escapeRegExp);
    re = new RegExp(alternatives.join('|'), 'g');
    compiled.set(spec, re);
  }
  return re;
}

function lexWith(text: string, spec: Opener[], from: number, to: number, regions: Regions): void {
  const re = openerRegex(spec);
  const byOpen = new Map(spec.map((o) => [o.open, o]));
  let pos = from;
  while (pos < to) {
    re.lastIndex = pos;
    const m = re.exec(text);
    if (!m || m.index >= to) break;
    const at = m.index;
    const opener = byOpen.get(m[0])!;
    if (!opens(text, at, opener)) {
      pos = at + 1;
      continue;
    }
    const end = Math.min(closeOf(text, at, opener, to), to);
    const isString = opener.kind === 'string' || opener.kind === 'heredoc';
    const kind: NonCode = isString && !(opener.docstring && standsAlone(text, at, end)) ? 'string' : 'comment';
    regions.add(at, end, kind);
    pos = Math.max(end, at + 1);
  }
}

/** Only white space between the line start and `start`, and between `end` and the line end. */
function standsAlone(text: string, start: number, end: number): boolean {
  for (let i = start - 1; i >= 0 && text[i] !== '\n'; i--) if (!isBlank(text[i])) return false;
  for (let i = end; i < text.length && text[i] !== '\n'; i++) if (!isBlank(text[i])) return false;
  return true;
}

function isBlank(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n';
}

function opens(text: string, at: number, o: Opener): boolean {
  if (o.afterSpace && at > 0 && !isBlank(text[at - 1])) return false;
  if (o.lineStart) {
    for (let i = at - 1; i >= 0 && text[i] !== '\n'; i--) if (!isBlank(text[i])) return false;
  }
  if (o.valueStart) {
    let i = at - 1;
    while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
    if (i >= 0 && !':-[{,?\n'.includes(text[i])) return false;
  }
  if (o.kind === 'heredoc') return /^<<-?~?["']?[A-Za-z_]\w*["']?\r?\n/.test(text.slice(at, at + 80));
  return true;
}

function closeOf(text: string, at: number, o: Opener, to: number): number {
  switch (o.kind) {
    case 'line-comment': {
      const nl = text.indexOf('\n', at);
      return nl < 0 || nl > to ? to : nl;
    }
    case 'block-comment': {
      const close = text.indexOf(o.close!, at + o.open.length);
      return close < 0 ? to : close + o.close!.length;
    }
    case 'heredoc': {
      const m = /^<<-?~?["']?([A-Za-z_]\w*)/.exec(text.slice(at, at + 80))!;
      const endRe = new RegExp(`^[ \\t]*${m[1]}[ \\t]*$`, 'gm');
      endRe.lastIndex = at + m[0].length;
      const e = endRe.exec(text);
      return e ? e.index + e[0].length : to;
    }
    case 'string':
      return stringEnd(text, at + o.open.length, o, to);
  }
}

function stringEnd(text: string, from: number, o: Opener, to: number): number {
  const close = o.close!;
  for (let i = from; i < to; i++) {
    const ch = text[i];
    if (o.escape && ch === o.escape) {
      i++;
      continue;
    }
    if (ch === '\n' && !o.multiline) return i;
    if (ch === close[0] && text.startsWith(close, i)) {
      if (o.doubled && text.startsWith(close, i + close.length)) {
        i += close.length * 2 - 1;
        continue;
      }
      return i + close.length;
    }
  }
  return to;
}

const C_LIKE_SPEC = SPECS['c-like'];
const CSS_SPEC = SPECS.css;

/** XML and HTML: attribute values and text are strings, markup is code, `<!-- -->` is a comment. */
function lexXml(text: string, regions: Regions): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    const lt = text.indexOf('<', i);
    const textEnd = lt < 0 ? n : lt;
    if (textEnd > i && !blankBetween(text, i, textEnd)) regions.add(i, textEnd, 'string');
    if (lt < 0) break;
    if (text.startsWith('<!--', lt)) {
      const e = text.indexOf('-->', lt + 4);
      const end = e < 0 ? n : e + 3;
      regions.add(lt, end, 'comment');
      i = end;
      continue;
    }
    if (text.startsWith('<![CDATA[', lt)) {
      const e = text.indexOf(']]>', lt + 9);
      const end = e < 0 ? n : e + 3;
      regions.add(lt, end, 'string');
      i = end;
      continue;
    }
    const tagEnd = tagClose(text, lt, regions);
    const tagName = /^<([A-Za-z][\w:-]*)/.exec(text.slice(lt, lt + 40))?.[1]?.toLowerCase();
    i = tagEnd;
    if (tagName === 'script' || tagName === 'style') {
      const close = tagName === 'script' ? SCRIPT_CLOSE : STYLE_CLOSE;
      close.lastIndex = tagEnd;
      const bodyEnd = close.exec(text)?.index ?? n;
      lexWith(text, tagName === 'script' ? C_LIKE_SPEC : CSS_SPEC, tagEnd, bodyEnd, regions);
      i = bodyEnd;
    }
  }
}

const SCRIPT_CLOSE = /<\/script/gi;
const STYLE_CLOSE = /<\/style/gi;

/** Whether text[from, to) is only white space (as /\S/ sees it). */
function blankBetween(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c > 32 ? c < 127 || !/\s/.test(text[i]) : !(c === 32 || (c >= 9 && c <= 13))) return false;
  }
  return true;
}

/**
 * Scans a tag from `<` to its `>`, recording quoted attribute values; returns the offset after `>`. A
 * declaration's internal subset (`<!DOCTYPE x [ ... ]>`) belongs to it; a value never closed ends at its line end.
 */
function tagClose(text: string, lt: number, regions: Regions): number {
  const n = text.length;
  const declaration = text[lt + 1] === '!';
  let subset = 0;
  for (let j = lt + 1; j < n; j++) {
    const ch = text[j];
    if (ch === '"' || ch === "'") {
      const q = text.indexOf(ch, j + 1);
      const nl = text.indexOf('\n', j + 1);
      const end = q >= 0 ? q + 1 : nl >= 0 ? nl : n;
      regions.add(j, end, 'string');
      j = end - 1;
    } else if (declaration && (ch === '[' || ch === ']')) {
      subset += ch === '[' ? 1 : -1;
    } else if (ch === '>' && subset <= 0) {
      return j + 1;
    } else if (ch === '<' && j > lt + 1 && !declaration) {
      return j;
    }
  }
  return n;
}
