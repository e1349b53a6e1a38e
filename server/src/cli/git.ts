import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { UserError } from '../engine';

function git(cwd: string, args: string[]): { ok: boolean; out: string; err: string } {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.error) throw new UserError(`--changed-since needs git, which could not be run (${(r.error as NodeJS.ErrnoException).code ?? r.error.message})`, 'usage');
  return { ok: r.status === 0, out: r.stdout, err: r.stderr.trim().split('\n')[0] ?? '' };
}

/**
 * The files below `root` that differ from commit `ref`: changed in commits since, staged or not, plus
 * untracked files that are not ignored. Deleted files are left out. Absolute paths under `root`.
 */
export function filesChangedSince(root: string, ref: string): string[] {
  const top = git(root, ['rev-parse', '--show-toplevel']);
  if (!top.ok) throw new UserError(`--changed-since: ${root} is not in a git repository`, 'usage');
  const toplevel = top.out.trim();
  if (ref.startsWith('-') || !git(toplevel, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]).ok) {
    throw new UserError(`--changed-since: '${ref}' is not a commit in this repository`, 'usage');
  }
  const changed = git(toplevel, ['diff', '--name-only', '-z', '--no-renames', '--diff-filter=d', ref, '--']);
  if (!changed.ok) throw new UserError(`--changed-since: git diff failed: ${changed.err}`, 'usage');
  const untracked = git(toplevel, ['ls-files', '--others', '--exclude-standard', '-z']);
  const names = [...changed.out.split('\0'), ...(untracked.ok ? untracked.out.split('\0') : [])].filter(Boolean);
  // git names files from the top level's real path; the root may have been reached through a symbolic link.
  const realRoot = fs.realpathSync(root);
  const files = new Set<string>();
  for (const name of names) {
    const rel = path.relative(realRoot, path.join(toplevel, name));
    if (!rel.startsWith('..') && !path.isAbsolute(rel)) files.add(path.join(root, rel));
  }
  return [...files];
}
