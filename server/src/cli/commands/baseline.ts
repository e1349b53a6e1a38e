import * as fs from 'node:fs';
import * as path from 'node:path';
import { UserError, scan, toolVersion } from '../../engine';
import { BASELINE_FILE, createBaseline } from '../../engine/baseline';
import { EXIT, parse, type Io } from '../io';
import { TARGET_OPTIONS, resolveTarget, scanOptions, shown } from '../target';

/** `hdguard baseline [paths]`: records today's findings so that `scan --baseline` reports only new ones. */
export function baselineCommand(args: string[], io: Io, help: () => number): number {
  const { values, positionals } = parse(args, {
    ...TARGET_OPTIONS,
    output: { type: 'string', short: 'o' },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) return help();
  const target = resolveTarget(positionals, values, io);
  const file = values.output ? path.resolve(io.cwd, values.output as string) : path.join(target.root, BASELINE_FILE);
  const result = scan(scanOptions(target));
  const baseline = createBaseline(result.findings, `hdguard ${toolVersion()}`);
  try {
    fs.writeFileSync(file, `${JSON.stringify(baseline, null, 2)}\n`);
  } catch (e) {
    throw new UserError(`cannot write ${shown(io, file)}: ${(e as NodeJS.ErrnoException).code ?? e}`, 'usage');
  }
  io.stderr(`hdguard: ${baseline.findings.length} findings recorded in ${shown(io, file)}\n`);
  return EXIT.ok;
}
