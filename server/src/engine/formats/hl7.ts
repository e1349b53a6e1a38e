/**
 * A small HL7 v2 reader over raw text: messages start at `MSH|`, segments end at a carriage return, a line
 * feed, a literal `\r` / `\n` escape inside a code string, or a carriage return as a log prints it (`<CR>`); string-literal glue between segments
 * (`" +` and the next line's `"`) is skipped. Fields split on `|`, repetitions on `~`, components on `^`,
 * subcomponents on `&`, each with its offset in the document.
 */

export interface Hl7Value {
  text: string;
  start: number;
  end: number;
}

export interface Hl7Segment {
  id: string;
  start: number;
  end: number;
  /** fields[n] is field n (for MSH as for other segments: fields[1] is the field after the segment id). */
  fields: Hl7Value[];
}

export interface Hl7Message {
  start: number;
  end: number;
  segments: Hl7Segment[];
}

/** Segment ends: line breaks, their escapes in code, and how logs print a carriage return (`<CR>`, `[CR]`, `\x0d`). */
const SEPARATOR = /\\r\\n|\\r|\\n|\r\n|\r|\n|<CR>|\[CR\]|<0x0[dD]>|\\x0[dD]/g;
const SEGMENT_START = /^[\s"'`+(,;]*([A-Z][A-Z0-9]{2})\|/;
/** A piece of code between two segments: string closes, concatenation, indentation. */
const GLUE = /^[\s"'`+(),;]*$/;
/** Where a segment's text ends inside code: a closing quote followed by code. */
const TRAILING_CODE = /["'`]\s*[+,;)]*\s*$/;
const MAX_SEGMENTS = 500;

export function hl7Messages(text: string): Hl7Message[] {
  const messages: Hl7Message[] = [];
  for (let at = text.indexOf('MSH|'); at >= 0; ) {
    const message = readMessage(text, at);
    if (message.segments.length) messages.push(message);
    at = text.indexOf('MSH|', Math.max(message.end, at + 4));
  }
  return messages;
}

function readMessage(text: string, at: number): Hl7Message {
  const segments: Hl7Segment[] = [];
  let pos = at;
  while (pos < text.length && segments.length < MAX_SEGMENTS) {
    SEPARATOR.lastIndex = pos;
    const sep = SEPARATOR.exec(text);
    const pieceEnd = sep ? sep.index : text.length;
    const piece = text.slice(pos, pieceEnd);
    const next = sep ? sep.index + sep[0].length : text.length;
    const m = SEGMENT_START.exec(piece);
    if (m && (segments.length === 0 || m[1] !== 'MSH')) {
      const segStart = pos + m[0].length - m[1].length - 1;
      const trailing = TRAILING_CODE.exec(piece);
      const segEnd = trailing && trailing.index > m[0].length ? pos + trailing.index : pieceEnd;
      segments.push(readSegment(text, m[1], segStart, segEnd));
    } else if (!GLUE.test(piece) || (m && m[1] === 'MSH')) {
      break;
    }
    pos = next;
  }
  const end = segments.length ? segments[segments.length - 1].end : at + 4;
  return { start: at, end, segments };
}

function readSegment(text: string, id: string, start: number, end: number): Hl7Segment {
  const fields: Hl7Value[] = [];
  let fieldStart = start;
  for (let i = start; i <= end; i++) {
    if (i === end || text[i] === '|') {
      fields.push({ text: text.slice(fieldStart, i), start: fieldStart, end: i });
      fieldStart = i + 1;
    }
  }
  // MSH-1 is the field separator itself: shift so that fields[n] is MSH-n.
  if (id === 'MSH') fields.splice(1, 0, { text: '|', start: start + 3, end: start + 4 });
  return { id, start, end, fields };
}

/** Splits a value on a separator, keeping offsets. */
export function split(value: Hl7Value | undefined, separator: string): Hl7Value[] {
  if (!value) return [];
  const out: Hl7Value[] = [];
  let s = 0;
  for (let i = 0; i <= value.text.length; i++) {
    if (i === value.text.length || value.text[i] === separator) {
      out.push({ text: value.text.slice(s, i), start: value.start + s, end: value.start + i });
      s = i + 1;
    }
  }
  return out;
}

/** Component n (1-based) of a value, its first subcomponent. */
export function component(value: Hl7Value | undefined, n: number): Hl7Value | undefined {
  const c = split(value, '^')[n - 1];
  return c && split(c, '&')[0];
}

export function repetitions(value: Hl7Value | undefined): Hl7Value[] {
  return split(value, '~').filter((r) => r.text.trim() !== '' && r.text !== '""');
}
