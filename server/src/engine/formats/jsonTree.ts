import { parseTree, type Node, type ParseError } from 'jsonc-parser';
import type { Located } from './located';

export type { Node as JsonNode } from 'jsonc-parser';

/**
 * JSON with offsets (jsonc-parser): forgiving, so truncated or invalid input gives a partial tree, never
 * an exception. `base` shifts offsets when the JSON is a slice of a larger document.
 */
export function parseJson(text: string, base = 0): { root: Node | undefined; errors: number } {
  const errors: ParseError[] = [];
  let root: Node | undefined;
  try {
    root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  } catch {
    return { root: undefined, errors: 1 };
  }
  if (root && base) shift(root, base);
  return { root, errors: errors.length };
}

function shift(node: Node, base: number): void {
  (node as { offset: number }).offset += base;
  for (const c of node.children ?? []) shift(c, base);
}

/** The value node of an object's property. */
export function prop(node: Node | undefined, key: string): Node | undefined {
  if (node?.type !== 'object') return undefined;
  return node.children?.find((p) => p.children?.[0]?.value === key)?.children?.[1];
}

/** An array's items, or the node itself when it is not an array (FHIR repeats are arrays; DICOM values too). */
export function items(node: Node | undefined): Node[] {
  if (!node) return [];
  return node.type === 'array' ? node.children ?? [] : [node];
}

/** A string node's decoded value and the span of its raw content (inside the quotes). */
export function str(node: Node | undefined): Located | undefined {
  if (node?.type !== 'string' || typeof node.value !== 'string') return undefined;
  return { text: node.value, start: node.offset + 1, end: node.offset + Math.max(1, node.length - 1) };
}

/** Every object node in the tree, depth first. */
export function* objects(node: Node | undefined): Generator<Node> {
  if (!node) return;
  if (node.type === 'object') yield node;
  for (const c of node.children ?? []) yield* objects(c);
}

/** Offsets in the document of each character of a JSON string's decoded value (escapes take several). */
export function decodedOffsets(raw: string, contentStart: number): number[] {
  const map: number[] = [];
  for (let i = 0; i < raw.length; ) {
    if (raw[i] !== '\\') {
      map.push(contentStart + i);
      i++;
      continue;
    }
    const width = raw[i + 1] === 'u' ? 6 : 2;
    map.push(contentStart + i);
    i += width;
  }
  map.push(contentStart + raw.length);
  return map;
}
