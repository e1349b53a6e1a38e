import { UserError, loadConfig, resolveRules } from '../../engine';
import { formatRuleDocs, formatRuleJson, formatRuleList } from '../../report/ruleText';
import { EXIT, parse, type Io } from '../io';

export function rulesCommand(args: string[], io: Io): number {
  const { values, positionals } = parse(args, { format: { type: 'string', short: 'f', default: 'text' } });
  if (positionals.length) throw new UserError(`rules takes no arguments, got '${positionals[0]}' (try hdguard --help)`, 'usage');
  const rules = resolveRules(io.cwd, loadConfig(io.cwd));
  switch (values.format) {
    case 'markdown':
      io.stdout(formatRuleDocs(rules));
      return EXIT.ok;
    case 'json':
      io.stdout(formatRuleJson(rules));
      return EXIT.ok;
    case 'text':
      io.stdout(formatRuleList(rules));
      return EXIT.ok;
    default:
      throw new UserError('rules --format must be one of text, markdown, json', 'usage');
  }
}
