import { CATEGORIES, SEVERITIES, type Category, type Finding, type ScanResult, type Severity } from '../engine/types';

export type CountTable = Record<Category, Record<Severity, number>>;

export interface Summary {
  total: number;
  files: number;
  byCategory: CountTable;
  byRule: Array<{ ruleId: string; category: Category; severity: Severity; title: string; count: number }>;
}

export function summarise(result: ScanResult): Summary {
  const byCategory = Object.fromEntries(
    CATEGORIES.map((c) => [c, Object.fromEntries(SEVERITIES.map((s) => [s, 0]))]),
  ) as CountTable;
  const byRule = new Map<string, number>();
  for (const f of result.findings) {
    byCategory[f.category][f.severity]++;
    byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1);
  }
  const rules = new Map(result.rules.map((r) => [r.id, r]));
  return {
    total: result.findings.length,
    files: new Set(result.findings.map((f) => f.file)).size,
    byCategory,
    byRule: [...byRule.entries()]
      .map(([ruleId, count]) => {
        const f = result.findings.find((x) => x.ruleId === ruleId)!;
        return { ruleId, category: f.category, severity: f.severity, title: rules.get(ruleId)?.title ?? ruleId, count };
      })
      .sort((a, b) => b.count - a.count || a.ruleId.localeCompare(b.ruleId)),
  };
}

export function groupByFile(findings: Finding[]): Map<string, Finding[]> {
  const groups = new Map<string, Finding[]>();
  for (const f of [...findings].sort((a, b) => a.file.localeCompare(b.file) || a.range.start.line - b.range.start.line || a.range.start.column - b.range.start.column)) {
    const list = groups.get(f.file) ?? [];
    list.push(f);
    groups.set(f.file, list);
  }
  return groups;
}
