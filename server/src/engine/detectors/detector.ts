import type { SourceDocument } from '../document';

/** One place a detector found, in offsets of the document's text. */
export interface DetectorHit {
  start: number;
  end: number;
  /** Values for the rule's message template; masked when named in the rule's `redact`. */
  params?: Record<string, string>;
  /** Absolute [start, end) spans of sensitive text, masked in every output. */
  sensitive?: Array<[number, number]>;
  fix?: { start: number; end: number; newText: string; description: string };
  /** The whole match when the hit is only part of it (a regex's `hit` group); exceptions test this text. */
  match?: [number, number];
}

/** What a regex cannot express: a named, built-in matcher a rule refers to with `detector: { name, options }`. */
export interface Detector {
  name: string;
  run(doc: SourceDocument, options: Record<string, unknown>): DetectorHit[];
}

export function stringList(options: Record<string, unknown>, key: string): string[] {
  const v = options[key];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

export function stringMap(options: Record<string, unknown>, key: string): Record<string, string> {
  const v = options[key];
  if (!v || typeof v !== 'object' || Array.isArray(v)) return {};
  return Object.fromEntries(Object.entries(v).filter((e): e is [string, string] => typeof e[1] === 'string'));
}
