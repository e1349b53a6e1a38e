import type { FileRoleTreatments } from './fileRole';
/** A file whose analysis takes longer is abandoned and listed as skipped. */
export const DEFAULT_FILE_TIME_LIMIT_MS = 5000;

export const CATEGORIES = ['patient-data', 'insecure-storage', 'insecure-transport'] as const;
export type Category = (typeof CATEGORIES)[number];

export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Where in a file a match sits, as told by the lexical layer. */
export type Scope = 'code' | 'string' | 'comment';

/** 1-based line and column; columns count UTF-16 code units, as SARIF's default columnKind does. */
export interface Position {
  line: number;
  column: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface TextEdit {
  range: Range;
  newText: string;
}

export interface Fix {
  description: string;
  edits: TextEdit[];
}

export interface RelatedLocation {
  file: string;
  range: Range;
  message: string;
}

export interface Finding {
  ruleId: string;
  category: Category;
  severity: Severity;
  /** Path relative to the scan root, with forward slashes. */
  file: string;
  range: Range;
  /** Already masked: never holds a full identifier, patient value or secret. */
  message: string;
  /** The matched text with every sensitive part masked. */
  evidence: string;
  fix?: Fix;
  related?: RelatedLocation[];
  /** Content-based: survives the finding's lines moving within the file. */
  fingerprint: string;
}

/** How values recognised as synthetic test data (fake patients, documented test ranges) are treated. */
export type SyntheticDataMode = 'ignore' | 'info' | 'report';

/**
 * Countries whose national, insurance and provider identifiers can be checked (`patientData.identifierSets`),
 * by ISO 3166 code (`uk` for the United Kingdom, as in its domain names). Payment cards belong to none: they
 * are international and checked whatever sets are enabled.
 */
export const IDENTIFIER_SETS = ['us', 'fr', 'uk', 'nl', 'be', 'de', 'ca', 'au', 'it', 'es', 'se', 'in'] as const;
export type IdentifierSet = (typeof IDENTIFIER_SETS)[number];

/** Engine-wide settings that rules and detectors read, from the configuration. */
export interface AnalysisSettings {
  syntheticData: SyntheticDataMode;
  /** Whose identifiers are recognised, anywhere (free text, tables, FHIR, HL7); the others are not looked for. */
  identifierSets: readonly IdentifierSet[];
  /** The team's own weighting of tests, samples, documentation and translations, over the rules' and the defaults. */
  fileRoles?: FileRoleTreatments;
}

export const DEFAULT_SETTINGS: AnalysisSettings = { syntheticData: 'ignore', identifierSets: IDENTIFIER_SETS };

export interface References {
  hipaa?: string[];
  gdpr?: string[];
  hds?: string[];
  cwe?: number[];
  other?: string[];
}

export interface Example {
  /** A language id, or a file name whose language is detected (e.g. `nginx.conf`). */
  language?: string;
  file?: string;
  code: string;
}

export interface Condition {
  regex: string;
  flags?: string;
  within?: 'line' | 'file' | 'lines';
  /** For `within: lines`: how many lines before and after the match. */
  lines?: number;
  /** The rule applies only when the regex is absent there (an exception). */
  absent?: boolean;
}

export interface PatternSpec {
  regex: string;
  flags?: string;
  scopes?: Scope[];
  languages?: string[];
  /** This pattern's own fix, in place of the rule's. */
  fix?: FixSpec;
}

export interface DetectorSpec {
  name: string;
  options?: Record<string, unknown>;
}

export interface FixSpec {
  /** Replacement for the named group's text (or the whole match), `$<name>` refers to groups. */
  replace: string;
  group?: string;
  description?: string;
}

/** A rule as written in a YAML pack, after schema validation. */
export interface RuleSpec {
  id: string;
  category: Category;
  severity: Severity;
  title: string;
  message: string;
  description: string;
  references: References;
  languages?: string[];
  files?: string[];
  excludeFiles?: string[];
  patterns?: PatternSpec[];
  detector?: DetectorSpec;
  /** Scopes for the detector or for patterns that do not name their own. */
  scopes?: Scope[];
  conditions?: Condition[];
  /** Regexes tested against the matched text: a match drops the finding. */
  exceptions?: string[];
  /** Named groups whose text is sensitive and must be masked in every output. */
  redact?: string[];
  fix?: FixSpec;
  /** Rule ids whose overlapping findings in the same file give way to this rule's. */
  supersedes?: string[];
  /**
   * How much a finding counts in files that are not production code (tests, documentation, samples,
   * translation bundles): reported as written (the default), at `info`, or not at all. A hit its detector
   * marks `strong` (a checksum-valid identifier beside identity words) keeps the rule's severity anywhere.
   */
  fileRoles?: FileRoleTreatments;
  examples: { bad: Example[]; good: Example[] };
}

export interface LoadedRule extends RuleSpec {
  /** The pack file it came from (for error messages and docs). */
  source: string;
}

export type SkipReason =
  | 'binary'
  | 'too-large'
  | 'minified'
  | 'symlink-loop'
  | 'unreadable'
  | 'excluded'
  /** The file's analysis ran past the per-file time limit and was abandoned. */
  | 'time-limit'
  /** A fault in hdguard itself while analysing the file (a bug to report): the rest of the scan goes on. */
  | 'analysis-error';

export interface SkippedFile {
  file: string;
  reason: SkipReason;
  detail: string;
}

export interface ScanStats {
  filesScanned: number;
  bytesScanned: number;
  /** Files whose bytes were not valid UTF-8 and were decoded lossily. */
  lossyDecoded: number;
  durationMs: number;
}

export interface ScanResult {
  root: string;
  findings: Finding[];
  skipped: SkippedFile[];
  stats: ScanStats;
  rules: LoadedRule[];
}
