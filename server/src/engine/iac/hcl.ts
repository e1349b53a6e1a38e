import type { SourceDocument } from '../document';

/** An HCL block (`resource "aws_s3_bucket" "exports" { … }`) with its attributes and nested blocks, in offsets. */
export interface HclBlock {
  type: string;
  labels: string[];
  /** Offset of the block's first character and of its `{` and `}`. */
  start: number;
  open: number;
  close: number;
  attributes: Map<string, HclAttribute>;
  blocks: HclBlock[];
}

export interface HclAttribute {
  name: string;
  /** The value as written, trimmed (quotes kept), and its span. */
  raw: string;
  start: number;
  valueStart: number;
  valueEnd: number;
}

const BLOCK_HEAD = /([A-Za-z_][\w-]*)((?:[ \t]+(?:"[^"\n]*"|[A-Za-z_][\w-]*))*)[ \t]*\{/y;
const ATTRIBUTE = /([A-Za-z_][\w-]*)[ \t]*=[ \t]*/y;

/**
 * A tolerant reader of Terraform's block structure: blocks, labels, attributes and nested blocks with their
 * positions. Values are kept as source text (a single-line value, or a bracketed one up to its matching close);
 * comments and strings come from the document's lexical scopes, so braces inside them do not count.
 */
export function parseHcl(doc: SourceDocument): HclBlock[] {
  const text = doc.text;
  const code = (i: number) => doc.scopes.scopeAt(i) === 'code';

  function body(from: number, end: number): { attributes: Map<string, HclAttribute>; blocks: HclBlock[] } {
    const attributes = new Map<string, HclAttribute>();
    const blocks: HclBlock[] = [];
    let i = from;
    while (i < end) {
      const ch = text[i];
      if (!code(i) || /\s/.test(ch)) {
        const region = code(i) ? undefined : doc.scopes.regionAt(i);
        i = region ? region.end : i + 1;
        continue;
      }
      BLOCK_HEAD.lastIndex = i;
      const head = BLOCK_HEAD.exec(text);
      if (head && code(head.index + head[0].length - 1)) {
        const open = i + head[0].length - 1;
        const close = matching(open, end);
        const inner = body(open + 1, close);
        const labels = [...head[2].matchAll(/"([^"\n]*)"|([A-Za-z_][\w-]*)/g)].map((m) => m[1] ?? m[2]);
        blocks.push({ type: head[1], labels, start: i, open, close, ...inner });
        i = close + 1;
        continue;
      }
      ATTRIBUTE.lastIndex = i;
      const attr = ATTRIBUTE.exec(text);
      if (attr) {
        const valueStart = i + attr[0].length;
        const valueEnd = valueEndAt(valueStart, end);
        attributes.set(attr[1], { name: attr[1], raw: text.slice(valueStart, valueEnd).trim(), start: i, valueStart, valueEnd });
        i = valueEnd;
        continue;
      }
      const nl = text.indexOf('\n', i);
      i = nl < 0 || nl > end ? end : nl + 1;
    }
    return { attributes, blocks };
  }

  /** A value ends at the end of its line, unless a bracket opened on it is still open. */
  function valueEndAt(from: number, end: number): number {
    let depth = 0;
    for (let i = from; i < end; i++) {
      if (!code(i)) continue;
      const ch = text[i];
      if (ch === '{' || ch === '[' || ch === '(') depth++;
      else if (ch === '}' || ch === ']' || ch === ')') {
        if (depth === 0) return i;
        depth--;
      } else if (ch === '\n' && depth === 0) return i;
    }
    return end;
  }

  function matching(open: number, end: number): number {
    let depth = 0;
    for (let i = open; i < end; i++) {
      if (!code(i)) continue;
      if (text[i] === '{') depth++;
      else if (text[i] === '}' && --depth === 0) return i;
    }
    return end;
  }

  return body(0, text.length).blocks;
}

/** A string value without its quotes, or the raw text of any other value. */
export function unquote(raw: string): string {
  return /^"(.*)"$/s.exec(raw)?.[1] ?? raw;
}

/** Every block nested in `block` (depth first), the block itself included. */
export function* allBlocks(block: HclBlock): Generator<HclBlock> {
  yield block;
  for (const b of block.blocks) yield* allBlocks(b);
}
