import * as fs from 'node:fs';
import * as path from 'node:path';
import { SEVERITIES, UserError, scanParallel, type ScanResult, type Severity } from '../../engine';
import { newFindings, readBaseline } from '../../engine/baseline';
import { formatHtml } from '../../report/html';
import { formatJson } from '../../report/json';
import { formatSarif } from '../../report/sarif';
import { formatText } from '../../report/text';
import { filesChangedSince } from '../git';
import { EXIT, parse, type Io } from '../io';
import { TARGET_OPTIONS, resolveTarget, scanOptions, shown } from '../target';

const FORMATS = ['text', 'json', 'sarif', 'html'] as const;
type Format = (typeof FORMATS)[number];
const FAIL_ON = [...SEVERITIES, 'never'] as const;

export async function scanCommand(args: string[], io: Io, help: () => number): Promise<number> {
  const { values, positionals } = parse(args, {
    ...TARGET_OPTIONS,
    format: { type: 'string', short: 'f', default: 'text' },
    output: { type: 'string', short: 'o' },
    'fail-on': { type: 'string', default: 'warning' },
    baseline: { type: 'string' },
    'changed-since': { type: 'string' },
    'no-color': { type: 'boolean', default: false },
    jobs: { type: 'string', short: 'j' },
    'no-cache': { type: 'boolean', default: false },
    'no-prefilter': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) return help();
  const format = values.format as string;
  if (!FORMATS.includes(format as Format)) throw new UserError(`--format must be one of ${FORMATS.join(', ')}`, 'usage');
  const failOn = values['fail-on'] as string;
  if (!(FAIL_ON as readonly string[]).includes(failOn)) throw new UserError(`--fail-on must be one of ${FAIL_ON.join(', ')}`, 'usage');

  const jobs = values.jobs === undefined ? undefined : Number(values.jobs);
  if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1)) throw new UserError('--jobs must be a whole number of at least 1', 'usage');

  const target = resolveTarget(positionals, values, io);
  const baselineFile = values.baseline ? path.resolve(io.cwd, values.baseline as string) : undefined;
  const baseline = baselineFile ? readBaseline(baselineFile, values.baseline as string) : undefined;
  const changedSince = values['changed-since'] as string | undefined;
  const only = changedSince !== undefined ? filesChangedSince(target.root, changedSince) : undefined;
  // The baseline quotes findings (masked): scanning it would report them again.
  const exclude = baselineFile ? [...target.exclude, ...relativeGlob(target.root, baselineFile)] : target.exclude;

  const progress = io.isTty && format === 'text' && !values.output ? progressLine(io) : undefined;
  const scanned = await scanParallel({ ...scanOptions(target), exclude, only, onProgress: progress?.update, jobs, cache: !values['no-cache'], prefilter: !values['no-prefilter'] });
  progress?.done();
  const findings = baseline ? newFindings(scanned.findings, baseline) : scanned.findings;
  const result: ScanResult = { ...scanned, findings };
  if (baseline && format === 'text' && scanned.findings.length > findings.length) {
    io.stderr(`hdguard: ${scanned.findings.length - findings.length} findings in the baseline are not shown\n`);
  }

  const color = io.isTty && !values.output && !values['no-color'] && !process.env.NO_COLOR;
  const report = render(format as Format, result, shown(io, target.root), color);
  if (values.output) {
    try {
      fs.writeFileSync(path.resolve(io.cwd, values.output as string), report);
    } catch (e) {
      throw new UserError(`cannot write ${values.output}: ${(e as NodeJS.ErrnoException).code ?? e}`, 'usage');
    }
    io.stderr(`hdguard: ${result.findings.length} findings; report written to ${values.output}\n`);
  } else {
    io.stdout(report);
  }
  if (failOn === 'never') return EXIT.ok;
  return result.findings.some((f) => atOrAbove(f.severity, failOn as Severity)) ? EXIT.findings : EXIT.ok;
}

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/** Whether a finding of this severity makes --fail-on's threshold fail the scan. */
function atOrAbove(severity: Severity, threshold: Severity): boolean {
  return RANK[severity] >= RANK[threshold];
}

function relativeGlob(root: string, file: string): string[] {
  const rel = path.relative(root, file);
  return rel.startsWith('..') || path.isAbsolute(rel) ? [] : [rel.split(path.sep).join('/')];
}

function render(format: Format, result: ScanResult, displayRoot: string, color: boolean): string {
  switch (format) {
    case 'json':
      return formatJson(result, displayRoot);
    case 'sarif':
      return formatSarif(result);
    case 'html':
      return formatHtml(result, displayRoot);
    case 'text':
      return formatText(result, { color });
  }
}

/** A single updating line on the terminal, at most five times a second, for long scans. */
function progressLine(io: Io) {
  let last = 0;
  let shownOnce = false;
  return {
    update(done: number, file: string) {
      const now = Date.now();
      if (now - last < 200) return;
      last = now;
      shownOnce = true;
      const name = file.length > 60 ? `…${file.slice(-59)}` : file;
      io.stderr(`\r\x1b[2KScanning: ${done} files  ${name}`);
    },
    done() {
      if (shownOnce) io.stderr('\r\x1b[2K');
    },
  };
}
