import * as fs from 'node:fs';
import * as path from 'node:path';
import { CATEGORIES, type Category, type Finding } from '../src/engine';
import { FIXTURES, runCli } from './helpers';

/**
 * Scores the engine on test-fixtures/realistic/: realistic health-software code in many languages, each true
 * problem listed in its area's labels.json, everything else a hard negative that must stay quiet. What counts is
 * what a reviewer sees as a problem: findings at warning or above, matched by category, file and line.
 */

export const REALISTIC = path.join(FIXTURES, 'realistic');

/** One true problem: the rule expected, the file (relative to the labels.json), the line of the finding. */
export interface Label {
  rule: string;
  file: string;
  line: number;
  /** What the problem is, for a person reading a miss. */
  why?: string;
}

export interface Located {
  category: Category;
  rule: string;
  file: string;
  line: number;
  why?: string;
}

export interface CategoryScore {
  category: Category;
  labelled: number;
  found: number;
  reported: number;
  falseAlarms: number;
  precision: number;
  recall: number;
}

export interface RealisticScore {
  byCategory: CategoryScore[];
  misses: Located[];
  falseAlarms: Located[];
}

/** Every labels.json below root, its entries made relative to root. */
export function loadLabels(root = REALISTIC): Located[] {
  const out: Located[] = [];
  const ruleCategory = (rule: string): Category => {
    const prefix = rule.split('.')[0];
    const category = ({ patient: 'patient-data', storage: 'insecure-storage', transport: 'insecure-transport' } as Record<string, Category>)[prefix];
    if (!category) throw new Error(`labels: unknown rule family in ${rule}`);
    return category;
  };
  const visit = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (entry.name === 'labels.json') {
        const base = path.relative(root, dir);
        for (const l of JSON.parse(fs.readFileSync(full, 'utf8')) as Label[]) {
          const file = path.posix.join(base.split(path.sep).join('/'), l.file);
          if (!fs.existsSync(path.join(root, file))) throw new Error(`${path.relative(root, full)}: no file ${l.file}`);
          out.push({ category: ruleCategory(l.rule), rule: l.rule, file, line: l.line, why: l.why });
        }
      }
    }
  };
  if (fs.existsSync(root)) visit(root);
  return out;
}

/** Scans root with the built CLI and matches its findings at warning or above to the labels. */
export function scoreRealistic(root = REALISTIC): RealisticScore {
  const labels = loadLabels(root);
  const run = runCli(['scan', root, '--no-cache', '--format', 'json', '--fail-on', 'never']);
  if (run.status !== 0) throw new Error(`scan failed: ${run.stderr}`);
  const findings = (JSON.parse(run.stdout) as { findings: Finding[] }).findings.filter((f) => f.severity !== 'info');
  const reported: Located[] = findings.map((f) => ({ category: f.category, rule: f.ruleId, file: f.file, line: f.range.start.line }));
  // A finding within a line of a label of its category is that label's (flows sit on the sink, records on a name).
  const near = (a: Located, b: Located) => a.category === b.category && a.file === b.file && Math.abs(a.line - b.line) <= 1;
  const misses = labels.filter((l) => !reported.some((r) => near(l, r)));
  const falseAlarms = reported.filter((r) => !labels.some((l) => near(l, r)));
  const byCategory = CATEGORIES.map((category): CategoryScore => {
    const labelled = labels.filter((l) => l.category === category).length;
    const mine = reported.filter((r) => r.category === category);
    const found = labelled - misses.filter((m) => m.category === category).length;
    const alarms = falseAlarms.filter((f) => f.category === category).length;
    return {
      category,
      labelled,
      found,
      reported: mine.length,
      falseAlarms: alarms,
      precision: mine.length ? (mine.length - alarms) / mine.length : 1,
      recall: labelled ? found / labelled : 1,
    };
  });
  return { byCategory, misses, falseAlarms };
}
