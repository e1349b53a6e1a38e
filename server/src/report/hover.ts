import type { Finding, LoadedRule } from '../engine/types';
import { referencesMarkdown } from './ruleText';

/**
 * The hover text of the findings under the cursor, one section each: what was found (masked), why it matters
 * and how to fix it (the rule's description), the quick fix if any, and the rule's references.
 */
export function hoverMarkdown(findings: Finding[], ruleOf: (id: string) => LoadedRule | undefined, docUri: (id: string) => string): string {
  const sections = findings.map((f) => {
    const rule = ruleOf(f.ruleId);
    const fence = '`'.repeat(Math.max(1, ...(f.evidence.match(/`+/g) ?? []).map((s) => s.length + 1)));
    return [
      `### ${rule?.title ?? f.ruleId}`,
      `\`${f.ruleId}\` · ${f.category} · ${f.severity} · [documentation](${docUri(f.ruleId)})`,
      `**Found:** ${fence} ${f.evidence} ${fence}`,
      f.message,
      rule?.description.trim() ?? '',
      f.fix ? `**Quick fix:** ${f.fix.description}` : '',
      rule ? referencesMarkdown(rule) : '',
    ]
      .filter(Boolean)
      .join('\n\n');
  });
  return sections.join('\n\n---\n\n');
}
