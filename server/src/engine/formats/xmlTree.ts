import { SaxesParser } from 'saxes';
import type { Located } from './located';

/** An XML element with the document offsets of its attribute values and text. */
export interface XmlElement {
  local: string;
  uri: string;
  start: number;
  end: number;
  attributes: Map<string, Located>;
  children: XmlElement[];
  /** Text runs directly inside the element, trimmed, with their raw spans. */
  texts: Located[];
}

class StopParsing extends Error {}

/**
 * Parses XML with saxes (namespaces and positions on) into a light tree. Malformed or truncated input
 * keeps what was read before the error: no exception leaves this function.
 */
export function parseXml(text: string): XmlElement | undefined {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const root: XmlElement = { local: '#document', uri: '', start: 0, end: text.length, attributes: new Map(), children: [], texts: [] };
  const stack: XmlElement[] = [root];
  let pending = new Map<string, Located>();
  let tagStart = 0;
  let last = 0;

  parser.on('error', () => {
    throw new StopParsing();
  });
  parser.on('opentagstart', () => {
    tagStart = text.lastIndexOf('<', parser.position - 1);
  });
  parser.on('attribute', (a) => {
    const end = parser.position - 1;
    const quote = text[end];
    const open = quote === '"' || quote === "'" ? text.lastIndexOf(quote, end - 1) : -1;
    if (open >= 0) pending.set(a.local ?? a.name, { text: a.value, start: open + 1, end });
  });
  parser.on('opentag', (tag) => {
    const el: XmlElement = { local: tag.local, uri: tag.uri, start: tagStart, end: parser.position, attributes: pending, children: [], texts: [] };
    pending = new Map();
    stack[stack.length - 1].children.push(el);
    if (tag.isSelfClosing) last = parser.position;
    else stack.push(el);
    last = parser.position;
  });
  parser.on('text', (t) => {
    const rawEnd = parser.position - 1;
    const raw = text.slice(last, rawEnd);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed) stack[stack.length - 1].texts.push({ text: t.trim(), start: last + lead, end: last + lead + trimmed.length });
  });
  parser.on('closetag', (tag) => {
    if (!tag.isSelfClosing) {
      const el = stack.pop();
      if (el) el.end = parser.position;
    }
    last = parser.position;
  });
  for (const ev of ['comment', 'cdata', 'processinginstruction', 'doctype', 'xmldecl'] as const) {
    parser.on(ev, () => {
      last = parser.position;
    });
  }
  try {
    parser.write(text).close();
  } catch {
    // keep the partial tree
  }
  return root;
}

export function child(el: XmlElement | undefined, local: string): XmlElement | undefined {
  return el?.children.find((c) => c.local === local);
}

export function childrenNamed(el: XmlElement | undefined, local: string): XmlElement[] {
  return el?.children.filter((c) => c.local === local) ?? [];
}

export function* elements(el: XmlElement): Generator<XmlElement> {
  yield el;
  for (const c of el.children) yield* elements(c);
}

/** The element's own text, joined (for a `<given>Marie</given>`, the one run). */
export function textOf(el: XmlElement | undefined): Located | undefined {
  if (!el?.texts.length) return undefined;
  const first = el.texts[0];
  const lastRun = el.texts[el.texts.length - 1];
  return { text: el.texts.map((t) => t.text).join(' '), start: first.start, end: lastRun.end };
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * The decoded text of a raw span of character data (entities and character references replaced, CDATA
 * sections unwrapped) and, for each decoded character, its offset in the document; the last entry is the
 * span's end. Code embedded in XML is analysed as decoded text and its findings put back at these offsets.
 */
export function decodeXmlSpan(text: string, start: number, end: number): { text: string; offsets: number[] } {
  let out = '';
  const offsets: number[] = [];
  for (let i = start; i < end; ) {
    if (text.startsWith('<![CDATA[', i)) {
      const close = text.indexOf(']]>', i + 9);
      const stop = close < 0 || close > end ? end : close;
      for (let j = i + 9; j < stop; j++) {
        out += text[j];
        offsets.push(j);
      }
      i = stop + 3;
      continue;
    }
    if (text[i] === '&') {
      const m = /^&(?:#x([0-9a-fA-F]{1,6})|#(\d{1,7})|(lt|gt|amp|quot|apos));/.exec(text.slice(i, Math.min(end, i + 12)));
      if (m) {
        out += m[1] ? String.fromCodePoint(parseInt(m[1], 16)) : m[2] ? String.fromCodePoint(Number(m[2])) : ENTITIES[m[3]];
        // A character outside the BMP is two UTF-16 units: both point at the reference.
        while (offsets.length < out.length) offsets.push(i);
        i += m[0].length;
        continue;
      }
    }
    out += text[i];
    offsets.push(i);
    i++;
  }
  offsets.push(end);
  return { text: out, offsets };
}
