import type { LoadedRule } from '../engine/types';

/** The rule's references as a Markdown list under a heading (empty when it has none). */
export function referencesMarkdown(rule: LoadedRule): string {
  const r = rule.references;
  const lines = [
    ...(r.hipaa ?? []).map((x) => `- HIPAA ${x}`),
    ...(r.gdpr ?? []).map((x) => `- GDPR ${x}`),
    ...(r.hds ?? []).map((x) => `- HDS: ${x}`),
    ...(r.cwe ?? []).map((c) => `- CWE-${c}`),
    ...(r.other ?? []).map((x) => `- ${x}`),
  ];
  return lines.length ? `**References**\n\n${lines.join('\n')}` : '';
}

export function firstParagraph(markdown: string): string {
  return markdown.trim().split(/\n\s*\n/)[0].replace(/\s+/g, ' ');
}

const FENCE: Record<string, string> = { shellscript: 'sh', dotenv: 'sh', csharp: 'cs', plist: 'xml', nginx: 'nginx', hcl: 'hcl' };

/** The rules by category, then id: the order of every rule listing. */
function byCategory(rules: LoadedRule[]): LoadedRule[] {
  return [...rules].sort((a, b) => a.category.localeCompare(b.category) || a.id.localeCompare(b.id));
}

/** `hdguard rules`: one line per rule with its id, category, severity and title, in aligned columns. */
export function formatRuleList(rules: LoadedRule[]): string {
  const width = Math.max(...rules.map((r) => r.id.length));
  return byCategory(rules)
    .map((r) => `${r.id.padEnd(width)}  ${r.category.padEnd(18)}  ${r.severity.padEnd(7)}  ${r.title}\n`)
    .join('');
}

/** `hdguard rules --format json`: the rules as loaded, less the pack file each came from. */
export function formatRuleJson(rules: LoadedRule[]): string {
  return `${JSON.stringify(rules.map(({ source: _source, ...rule }) => rule), null, 2)}\n`;
}

/** docs/rules.md: an index of every rule, then each rule's description, references and examples. */
export function formatRuleDocs(rules: LoadedRule[]): string {
  const sorted = byCategory(rules);
  const out: string[] = [
    '# Health Data Guard rules',
    '',
    'Generated from the packs in `rules/` by `npm run docs`; a test checks it is up to date.',
    '',
    '| rule | category | severity | title |',
    '|---|---|---|---|',
    ...sorted.map((r) => `| [\`${r.id}\`](#${anchor(r.id)}) | ${r.category} | ${r.severity} | ${r.title} |`),
  ];
  for (const r of sorted) {
    out.push('', `## ${r.id}`, '', `**${r.title}** · ${r.category} · ${r.severity}`, '');
    const where = [...(r.languages ?? []), ...(r.files ?? [])];
    if (where.length) out.push(`Applies to: ${where.map((w) => `\`${w}\``).join(', ')}`, '');
    out.push(r.description.trim(), '');
    const refs = referencesMarkdown(r);
    if (refs) out.push(refs, '');
    for (const [label, list] of [['Reported', r.examples.bad], ['Not reported', r.examples.good]] as const) {
      out.push(`**${label}**`, '');
      for (const ex of list) {
        const lang = ex.language ? (FENCE[ex.language] ?? ex.language) : '';
        out.push(`${ex.file ? `\`${ex.file}\`:\n` : ''}\`\`\`${lang}`, ex.code.replace(/\n$/, ''), '```', '');
      }
    }
  }
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}

function anchor(id: string): string {
  return id.toLowerCase().replace(/[^a-z0-9 -]/g, '');
}
