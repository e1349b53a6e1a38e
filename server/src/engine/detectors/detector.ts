import type { SourceDocument } from '../document';
import type { OffsetEdit } from '../offsetEdit';
import type { AnalysisSettings, RelatedLocation, Severity } from '../types';

/** One place a detector found, in offsets of the document's text. */
export interface DetectorHit {
  start: number;
  end: number;
  /** Values for the rule's message template; masked when named in the rule's `redact`. */
  params?: Record<string, string>;
  /** Absolute [start, end) spans of sensitive text, masked in every output. */
  sensitive?: Array<[number, number]>;
  fix?: { description: string; edits: OffsetEdit[] };
  /** The whole match when the hit is only part of it (a regex's `hit` group); exceptions test this text. */
  match?: [number, number];
  /** Overrides the rule's severity for this hit (a provider id reported at info, synthetic data at info). */
  severity?: Severity;
  /** Evidence strong enough to keep the rule's severity in tests, samples and documentation (see `fileRoles`). */
  strong?: boolean;
  /**
   * Not reported, only claimed: a synthetic record (the FHIR specification's example patient) whose extent keeps
   * the rules it supersedes quiet inside it (its generated narrative names the same example person).
   */
  claimOnly?: boolean;
  /** Appended to the message in parentheses, e.g. "synthetic test value". Never holds a raw value. */
  note?: string;
  related?: RelatedLocation[];
}

export interface DetectorContext {
  settings: AnalysisSettings;
  /**
   * False: skip none of the work a detector's own cheap tests show to be in vain (the slow path, whose findings
   * the fast one's are compared with; see AnalyzeOptions.prefilter). Default true.
   */
  prefilter?: boolean;
  /**
   * Whether the file may hold one of these literals (lower case, as `filterable` gives them), from the prefilter's
   * one scan of it: true when the scan did not run or the list is undefined. For a detector's `partLiterals`.
   */
  mayHold?(literals: readonly string[] | undefined): boolean;
}

/** What a regex cannot express: a named, built-in matcher a rule refers to with `detector: { name, options }`. */
export interface Detector {
  name: string;
  run(doc: SourceDocument, options: Record<string, unknown>, context: DetectorContext): DetectorHit[];
  /**
   * Strings one of which (in any case) a file holds wherever run() finds something with these options, taken
   * from the detector's own data: the literal prefilter (prefilter.ts) skips the detector in a file without any.
   * Undefined: the detector always runs.
   */
  literals?(options: Record<string, unknown>): string[] | undefined;
  /**
   * The literals of the detector's own parts (one list per part, such as a sink regex), scanned with the rules'
   * literals so that run() can skip a part whose literals the file lacks (`context.mayHold`).
   */
  partLiterals?(options: Record<string, unknown>): Array<string[] | undefined>;
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

/** `options[key]` as a list of the objects in it that have every `required` property. */
export function objectList<T>(options: Record<string, unknown>, key: string, required: Array<keyof T & string>): T[] {
  const v = options[key];
  return Array.isArray(v) ? v.filter((x): x is T => Boolean(x && typeof x === 'object' && required.every((r) => r in x))) : [];
}
