import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { SEVERITIES, UserError, loadConfig, resolveRules, scan, toolVersion, type ScanResult, type Severity } from '../engine';
import { formatHtml } from './format/html';
import { formatJson } from './format/json';
import { formatSarif } from './format/sarif';
import { formatText } from './format/text';
import { formatRuleDocs } from './ruleText';
import { atOrAbove } from './summary';

const FORMATS = ['text', 'json', 'sarif', 'html'] as const;
type Format = (typeof FORMATS)[number];
const FAIL_ON = [...SEVERITIES, 'never'] as const;

export const EXIT = { ok: 0, findings: 1, error: 2 } as const;

const HELP = `hdguard: find patient data, insecure storage and insecure transport of health data

Usage:
  hdguard scan [paths...] [options]   audit files and folders (default: the current folder)
  hdguard rules [--format text|markdown|json]
                                      list the rules with their category and severity
  hdguard --help | --version

Scan options:
  -f, --format <text|json|sarif|html> output format (default: text)
  -o, --output <file>                 write the report to a file instead of standard output
      --fail-on <error|warning|info|never>
                                      exit 1 when a finding is at or above this severity (default: warning)
  -c, --config <file>                 configuration file (default: .hdguard.yaml in the scanned folder)
      --exclude <glob>                skip matching files; may be repeated
      --no-color                      no colours in text output (also: NO_COLOR=1)

Exit codes:
  0  no finding at or above --fail-on
  1  findings at or above --fail-on
  2  usage, configuration or rule error

Nothing is sent anywhere: hdguard reads files and writes its report, and makes no network connection.
`;

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  isTty: boolean;
  cwd: string;
}

export function run(argv: string[], io: Io): number {
  try {
    return dispatch(argv, io);
  } catch (e) {
    if (e instanceof UserError) {
      io.stderr(`hdguard: ${e.message}\n`);
      return EXIT.error;
    }
    io.stderr(`hdguard: internal error: ${(e as Error).stack ?? String(e)}\n`);
    return EXIT.error;
  }
}

function dispatch(argv: string[], io: Io): number {
  const [command, ...rest] = argv;
  if (command === undefined) {
    io.stderr(HELP);
    return EXIT.error;
  }
  if (command === '--help' || command === '-h' || command === 'help') {
    io.stdout(HELP);
    return EXIT.ok;
  }
  if (command === '--version' || command === '-V') {
    io.stdout(`${toolVersion()}\n`);
    return EXIT.ok;
  }
  if (command === 'scan') return scanCommand(rest, io);
  if (command === 'rules') return rulesCommand(rest, io);
  throw new UserError(`unknown command '${command}' (try hdguard --help)`, 'usage');
}

function parse(args: string[], options: NonNullable<ParseArgsConfig['options']>) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UserError(`${parseArgsProblem(e as NodeJS.ErrnoException)} (try hdguard --help)`, 'usage');
  }
}

/** node:util's messages suggest `--` tricks meant for script authors; say what is wrong instead. */
function parseArgsProblem(e: NodeJS.ErrnoException): string {
  const option = /'(-[^']*)'/.exec(e.message)?.[1];
  if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) return `unknown option '${option}'`;
  return e.message.split('\n')[0];
}

function scanCommand(args: string[], io: Io): number {
  const { values, positionals } = parse(args, {
    format: { type: 'string', short: 'f', default: 'text' },
    output: { type: 'string', short: 'o' },
    'fail-on': { type: 'string', default: 'warning' },
    config: { type: 'string', short: 'c' },
    exclude: { type: 'string', multiple: true, default: [] },
    'no-color': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) {
    io.stdout(HELP);
    return EXIT.ok;
  }
  const format = values.format as string;
  if (!FORMATS.includes(format as Format)) throw new UserError(`--format must be one of ${FORMATS.join(', ')}`, 'usage');
  const failOn = values['fail-on'] as string;
  if (!(FAIL_ON as readonly string[]).includes(failOn)) throw new UserError(`--fail-on must be one of ${FAIL_ON.join(', ')}`, 'usage');

  const paths = positionals.length ? positionals : ['.'];
  for (const p of paths) {
    if (!fs.existsSync(path.resolve(io.cwd, p))) throw new UserError(`no such file or folder: ${p}`, 'usage');
  }
  const single = paths.length === 1 ? path.resolve(io.cwd, paths[0]) : undefined;
  const root = single && fs.statSync(single).isDirectory() ? single : io.cwd;
  const configFile = values.config ? path.resolve(io.cwd, values.config as string) : undefined;
  if (configFile && !fs.existsSync(configFile)) throw new UserError(`${values.config}: configuration file not found`, 'config');
  const config = loadConfig(root, configFile, values.config as string | undefined);
  const rules = resolveRules(root, config);

  const progress = io.isTty && format === 'text' && !values.output ? progressLine(io) : undefined;
  const result = scan({
    root,
    paths: paths.map((p) => path.resolve(io.cwd, p)),
    config,
    rules,
    exclude: values.exclude as string[],
    onProgress: progress?.update,
  });
  progress?.done();

  const displayRoot = path.relative(io.cwd, root) || '.';
  const color = io.isTty && !values.output && !values['no-color'] && !process.env.NO_COLOR;
  const report = render(format as Format, result, displayRoot, color);
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
  let shown = false;
  return {
    update(done: number, file: string) {
      const now = Date.now();
      if (now - last < 200) return;
      last = now;
      shown = true;
      const name = file.length > 60 ? `…${file.slice(-59)}` : file;
      io.stderr(`\r\x1b[2KScanning: ${done} files  ${name}`);
    },
    done() {
      if (shown) io.stderr('\r\x1b[2K');
    },
  };
}

function rulesCommand(args: string[], io: Io): number {
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

if (require.main === module) {
  const code = run(process.argv.slice(2), {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    isTty: Boolean(process.stdout.isTTY),
    cwd: process.cwd(),
  });
  process.exitCode = code;
}
