import { UserError, loadConfig, resolveRules } from '../../engine';
import { EXIT, parse, type Io } from '../io';
import { formatRuleDocs } from '../ruleText';

export function rulesCommand(args: string[], io: Io): number {
  const { values, positionals } = parse(args, { format: { type: 'string', short: 'f', default: 'text' } });
  if (positionals.length) throw new UserError(`rules takes no arguments, got '${positionals[0]}' (try hdguard --help)`, 'usage');
  const rules = resolveRules(io.cwd, loadConfig(io.cwd));
  switch (values.format) {
    case 'markdown':
      io.stdout(formatRuleDocs(rules));
      return EXIT.ok;
    case 'json':
      io.stdout(`${JSON.stringify(rules.map(({ source: _source, ...rule }) => rule), null, 2)}\n`);
      return EXIT.ok;
    case 'text': {
      const width = Math.max(...rules.map((r) => r.id.length));
      for (const r of [...rules].sort((a, b) => a.category.localeCompare(b.category) || a.id.localeCompare(b.id))) {
        io.stdout(`${r.id.padEnd(width)}  ${r.category.padEnd(18)}  ${r.severity.padEnd(7)}  ${r.title}\n`);
      }
      return EXIT.ok;
    }
    default:
      throw new UserError('rules --format must be one of text, markdown, json', 'usage');
  }
}
