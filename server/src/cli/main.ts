import { UserError, prepareEngine, toolVersion } from '../engine';
import { baselineCommand } from './commands/baseline';
import { fixCommand } from './commands/fix';
import { initCommand } from './commands/init';
import { rulesCommand } from './commands/rules';
import { scanCommand } from './commands/scan';
import { EXIT, type Io } from './io';
import { tuneV8ForOneShotRun } from '../v8Tuning';

export { EXIT, type Io } from './io';

const HELP = `hdguard: find patient data, insecure storage and insecure transport of health data

Usage:
  hdguard scan [paths...] [options]   audit files and folders (default: the current folder)
  hdguard baseline [paths...] [-o FILE]
                                      record the current findings in .hdguard-baseline.json
  hdguard fix [paths...] [--rule ID...] [--write]
                                      apply the findings' mechanical fixes (a dry run without --write)
  hdguard init [folder] [--force]     write .hdguard.yaml, .hdguardignore, a pre-commit hook and a
                                      GitHub Actions workflow (existing files are kept without --force)
  hdguard rules [--format text|markdown|json]
                                      list the rules with their category and severity
  hdguard --help | --version

Scan options:
  -f, --format <text|json|sarif|html> output format (default: text)
  -o, --output <file>                 write the report to a file instead of standard output
      --fail-on <error|warning|info|never>
                                      exit 1 when a finding is at or above this severity (default: warning)
      --baseline <file>               report only findings that are not in this baseline
      --changed-since <git-ref>       scan only files changed since this commit (committed, staged or not,
                                      and untracked files that are not ignored)
  -j, --jobs <n>                      worker threads for large scans (default: one per core)
      --no-cache                      analyse every file again instead of reusing the results of an earlier
                                      scan for files whose content has not changed (the cache is kept in
                                      $HDGUARD_CACHE_DIR or ~/.cache/hdguard, never in the scanned folder)
      --no-prefilter                  run every rule on every file, even where a quick scan for the words
                                      its patterns need shows it cannot match (slower; the same findings)
  -c, --config <file>                 configuration file (default: .hdguard.yaml in the scanned folder)
      --exclude <glob>                skip matching files; may be repeated
      --no-color                      no colours in text output (also: NO_COLOR=1)
  (baseline and fix take --config and --exclude too)

Exit codes:
  0  no finding at or above --fail-on
  1  findings at or above --fail-on
  2  usage, configuration, rule or baseline error

Nothing is sent anywhere: hdguard reads files and writes its report, and makes no network connection.
`;

export async function run(argv: string[], io: Io): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (e) {
    if (e instanceof UserError) {
      io.stderr(`hdguard: ${e.message}\n`);
      return EXIT.error;
    }
    io.stderr(`hdguard: internal error: ${(e as Error).stack ?? String(e)}\n`);
    return EXIT.error;
  }
}

function dispatch(argv: string[], io: Io): number | Promise<number> {
  const [command, ...rest] = argv;
  const help = () => {
    io.stdout(HELP);
    return EXIT.ok;
  };
  switch (command) {
    case undefined:
      io.stderr(HELP);
      return EXIT.error;
    case '--help':
    case '-h':
    case 'help':
      return help();
    case '--version':
    case '-V':
      io.stdout(`${toolVersion()}\n`);
      return EXIT.ok;
    case 'scan':
      // The grammars load where files are analysed (in workers, or here as files need them).
      return scanCommand(rest, io, help);
    case 'baseline':
      return prepareEngine().then(() => baselineCommand(rest, io, help));
    case 'fix':
      return prepareEngine().then(() => fixCommand(rest, io, help));
    case 'init':
      return initCommand(rest, io, help);
    case 'rules':
      return rulesCommand(rest, io);
    default:
      throw new UserError(`unknown command '${command}' (try hdguard --help)`, 'usage');
  }
}

if (require.main === module) {
  tuneV8ForOneShotRun();
  void run(process.argv.slice(2), {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    isTty: Boolean(process.stdout.isTTY),
    cwd: process.cwd(),
  }).then((code) => {
    process.exitCode = code;
  });
}
