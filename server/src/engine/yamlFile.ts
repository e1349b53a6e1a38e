import * as fs from 'node:fs';
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import { UserError } from './errors';

export interface ParsedYaml {
  file: string;
  doc: Document;
  value: unknown;
  /** 1-based line of the node at a path of keys and indexes, or of the closest parent that exists. */
  lineOf(path: Array<string | number>): number | undefined;
}

/** Reads and parses a YAML file; syntax errors become a one-line UserError with file:line:col. */
export function readYaml(file: string, kind: UserError['kind'], displayName = file): ParsedYaml {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new UserError(`${displayName}: cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)})`, kind);
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) {
    const err = doc.errors[0];
    const pos = lineCounter.linePos(err.pos[0]);
    throw new UserError(`${displayName}:${pos.line}:${pos.col}: invalid YAML: ${err.message.split('\n')[0]}`, kind);
  }
  let value: unknown;
  try {
    value = doc.toJS();
  } catch (e) {
    // Parsing succeeds on some broken input that only fails here, such as an alias to an anchor never set (`*x`).
    throw new UserError(`${displayName}: invalid YAML: ${(e as Error).message.split('\n')[0]}`, kind);
  }
  return {
    file,
    doc,
    value,
    lineOf(path) {
      for (let n = path.length; n >= 0; n--) {
        const node = doc.getIn(path.slice(0, n), true);
        if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
      }
      return undefined;
    },
  };
}
