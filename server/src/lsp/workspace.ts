import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import picomatch from 'picomatch';
import { BASELINE_FILE, readBaseline } from '../engine/baseline';
import { DEFAULT_SKIPPED_FILES } from '../engine/discovery';
import { DEFAULT_CONFIG, loadConfig, resolveRules, type Config } from '../engine/config';
import { UserError } from '../engine/errors';
import { builtinRulesDir } from '../engine/paths';
import type { LoadedRule } from '../engine/types';
import type { WorkerSetup } from '../engine/parallel/protocol';
import { DEFAULT_FILE_TIME_LIMIT_MS } from '../engine/types';
import { DEFAULT_EDITOR_SETTINGS, withEditorOverrides, type EditorSettings } from './settings';

/**
 * What the analysis of a workspace depends on: its root, whether it is trusted, the editor settings, the
 * `.hdguard.yaml` configuration and workspace rules (only when trusted), and the baseline.
 */
export class WorkspaceState {
  settings: EditorSettings = DEFAULT_EDITOR_SETTINGS;
  config: Config = DEFAULT_CONFIG;
  rulesById = new Map<string, LoadedRule>();
  baseline = new Set<string>();
  /** Problems met while loading (shown once to the user). */
  problems: string[] = [];
  private excluded: (rel: string) => boolean = () => false;

  constructor(
    readonly root: string,
    public trusted: boolean,
  ) {}

  get baselineFile(): string {
    return path.join(this.root, BASELINE_FILE);
  }

  /** Re-reads configuration, rules and baseline. Never throws: a broken file falls back to the built-in rules. */
  reload(): void {
    this.problems = [];
    let config: Config = { ...DEFAULT_CONFIG };
    // An untrusted folder's .hdguard.yaml could switch rules off and its .hdguard/rules could run its own patterns.
    if (this.trusted) {
      try {
        config = loadConfig(this.root);
      } catch (e) {
        this.problems.push(messageOf(e));
      }
    }
    const s = this.settings;
    const merged: Config = {
      ...config,
      disable: [...config.disable, ...s.rules.disable],
      severity: { ...config.severity, ...s.rules.severity },
      exclude: [...config.exclude, ...s.exclude],
      maxFileSize: s.maxFileSize || config.maxFileSize,
      settings: withEditorOverrides(config.settings, s),
    };
    let rules: LoadedRule[];
    try {
      rules = resolveRules(this.root, withKnownIds(merged, this.root, this.trusted), { workspaceRules: this.trusted });
    } catch (e) {
      this.problems.push(messageOf(e));
      rules = resolveRules(this.root, DEFAULT_CONFIG, { workspaceRules: false });
    }
    this.config = merged;
    this.rulesById = new Map(rules.map((r) => [r.id, r]));
    const globs = merged.exclude.map((g) => g.replace(/^\.\//, ''));
    this.excluded = globs.length ? picomatch(globs, { dot: true, basename: true }) : () => false;
    this.baseline = new Set();
    if (s.useBaseline && fs.existsSync(this.baselineFile)) {
      try {
        for (const e of readBaseline(this.baselineFile, BASELINE_FILE).findings) this.baseline.add(e.fingerprint);
      } catch (e) {
        this.problems.push(messageOf(e));
      }
    }
  }

  /** What an analysis worker needs to analyse as this workspace does. */
  workerSetup(): WorkerSetup {
    const options = { maxFileSize: this.config.maxFileSize, timeLimitMs: DEFAULT_FILE_TIME_LIMIT_MS, settings: this.config.settings };
    return { rules: [...this.rulesById.values()], options };
  }

  isExcluded(rel: string): boolean {
    return DEFAULT_SKIPPED_FILES.has(path.posix.basename(rel)) || this.excluded(rel);
  }

  relative(file: string): string {
    const rel = path.relative(this.root, file);
    return (rel.startsWith('..') || path.isAbsolute(rel) ? path.basename(file) : rel).split(path.sep).join('/');
  }
}

/** Editor settings may name rules that a config or pack does not have (yet): ignore those rather than fail. */
function withKnownIds(config: Config, root: string, trusted: boolean): Config {
  const known = new Set(resolveRules(root, DEFAULT_CONFIG, { workspaceRules: trusted }).map((r) => r.id));
  return {
    ...config,
    disable: config.disable.filter((id) => known.has(id)),
    severity: Object.fromEntries(Object.entries(config.severity).filter(([id]) => known.has(id))),
  };
}

function messageOf(e: unknown): string {
  return e instanceof UserError ? e.message : String(e);
}

/** The rule's section in docs/rules.md (shipped beside the rules), as GitHub-style anchors. */
export function ruleDocUri(ruleId: string): string {
  const doc = path.join(path.dirname(builtinRulesDir()), 'docs', 'rules.md');
  return `${pathToFileURL(doc).href}#${ruleId.toLowerCase().replace(/[^a-z0-9 -]/g, '')}`;
}
