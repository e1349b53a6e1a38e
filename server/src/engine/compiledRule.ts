import picomatch from 'picomatch';
import { detectorByName, type Detector } from './detectors';
import type { SourceDocument } from './document';
import { filterable } from './prefilter';
import { requiredLiterals } from './regexLiterals';
import type { FixSpec, LoadedRule, Scope } from './types';

export interface CompiledPattern {
  re: RegExp;
  /** Lower-case strings one of which every match contains (undefined: none known, the pattern always runs). */
  literals?: string[];
  scopes: Scope[];
  languages?: Set<string>;
  fix?: FixSpec;
}

export interface CompiledCondition {
  re: RegExp;
  within: 'line' | 'file' | 'lines';
  lines: number;
  absent: boolean;
}

/** A rule with its regexes, globs and detector made ready once, for every file it meets. */
export interface CompiledRule {
  rule: LoadedRule;
  patterns: CompiledPattern[];
  detector?: Detector;
  /** Lower-case strings one of which the file holds wherever the detector finds something (undefined: always runs). */
  detectorLiterals?: string[];
  /** The literals of the detector's parts (Detector.partLiterals), scanned too. */
  partLiterals: string[];
  scopes: Scope[];
  conditions: CompiledCondition[];
  exceptions: RegExp[];
  appliesTo(doc: SourceDocument): boolean;
}

const DEFAULT_SCOPES: Scope[] = ['code', 'string'];

export function compileRule(rule: LoadedRule): CompiledRule {
  const scopes = rule.scopes ?? DEFAULT_SCOPES;
  const languages = rule.languages && !rule.languages.includes('any') ? new Set(rule.languages) : undefined;
  const fileGlobs = pathMatcher(rule.files);
  const excluded = pathMatcher(rule.excludeFiles);
  const detector = rule.detector ? detectorByName(rule.detector.name) : undefined;
  return {
    rule,
    scopes,
    patterns: (rule.patterns ?? []).map((p) => ({
      re: new RegExp(p.regex, `${p.flags ?? ''}dg`),
      literals: filterable(requiredLiterals(p.regex, p.flags)),
      scopes: p.scopes ?? scopes,
      languages: p.languages ? new Set(p.languages) : undefined,
      fix: p.fix ?? rule.fix,
    })),
    detector,
    detectorLiterals: filterable(detector?.literals?.(rule.detector?.options ?? {})),
    partLiterals: (detector?.partLiterals?.(rule.detector?.options ?? {}) ?? []).flatMap((l) => filterable(l) ?? []),
    conditions: (rule.conditions ?? []).map((c) => ({
      re: new RegExp(c.regex, c.flags ?? ''),
      within: c.within ?? 'line',
      lines: c.lines ?? 0,
      absent: c.absent ?? false,
    })),
    exceptions: (rule.exceptions ?? []).map((x) => new RegExp(x, 'i')),
    appliesTo(doc) {
      if (excluded?.(doc.file)) return false;
      const byLanguage = languages?.has(doc.language.id);
      const byFile = fileGlobs?.(doc.file);
      if (!languages && !fileGlobs) return true;
      return Boolean(byLanguage || byFile);
    },
  };
}

/**
 * Globs without a slash match the file name (such as *.conf), globs with one match the path from the scan root
 * (such as app/src/debug/ and below): picomatch's basename mode applies to both and misses the second kind.
 */
function pathMatcher(globs: string[] | undefined): ((file: string) => boolean) | undefined {
  if (!globs?.length) return undefined;
  const options = { dot: true, nocase: true };
  const names = globs.filter((g) => !g.includes('/'));
  const paths = globs.filter((g) => g.includes('/'));
  const byName = names.length ? picomatch(names, options) : () => false;
  const byPath = paths.length ? picomatch(paths, options) : () => false;
  return (file) => byName(file.slice(file.lastIndexOf('/') + 1)) || byPath(file);
}
