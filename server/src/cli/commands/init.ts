import * as fs from 'node:fs';
import * as path from 'node:path';
import { UserError } from '../../engine';
import { EXIT, parse, type Io } from '../io';
import { INIT_FILES } from './initFiles';

/**
 * `hdguard init [folder] [--force]`: writes a commented .hdguard.yaml, a .hdguardignore, a pre-commit hook and
 * a GitHub Actions workflow. A file already there is kept (and said so) unless --force; running it twice
 * changes nothing.
 */
export function initCommand(args: string[], io: Io, help: () => number): number {
  const { values, positionals } = parse(args, {
    force: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) return help();
  if (positionals.length > 1) throw new UserError('init takes one folder at most (try hdguard --help)', 'usage');
  const root = path.resolve(io.cwd, positionals[0] ?? '.');
  if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) throw new UserError(`no such folder: ${positionals[0]}`, 'usage');

  for (const f of INIT_FILES) {
    const abs = path.join(root, f.path);
    const existing = readOr(abs);
    let status: string;
    if (existing === f.content) status = 'unchanged';
    else if (existing !== undefined && !values.force) status = 'kept (it exists; --force overwrites it)';
    else {
      try {
        fs.mkdirSync(path.dirname(abs), { recursive: true });
        fs.writeFileSync(abs, f.content, { mode: f.executable ? 0o755 : 0o644 });
        if (f.executable) fs.chmodSync(abs, 0o755);
      } catch (e) {
        throw new UserError(`cannot write ${f.path}: ${(e as NodeJS.ErrnoException).code ?? e}`, 'usage');
      }
      status = existing === undefined ? 'created' : 'overwritten';
    }
    io.stdout(`${f.path.padEnd(30)} ${status}\n`);
  }
  io.stdout('\nTo run the pre-commit hook: git config core.hooksPath .githooks\n');
  return EXIT.ok;
}

function readOr(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
