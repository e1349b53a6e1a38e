import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';
import { trackedFiles, type TrackedFiles } from './gitIndex';
import type { SkippedFile } from './types';

/** Folders never worth scanning: VCS data, dependencies, build output, virtual environments. */
export const DEFAULT_SKIPPED_DIRS = new Set([
  '.git', '.hg', '.svn', 'node_modules', 'bower_components', 'jspm_packages', 'vendor', 'third_party',
  'dist', 'build', 'out', 'target', 'bin', 'obj', '.venv', 'venv', '__pycache__', '.tox', '.mypy_cache',
  '.pytest_cache', '.gradle', '.next', '.nuxt', 'coverage', 'Pods', 'DerivedData', '.terraform',
  // .hdguard holds the workspace's rule packs, whose bad examples would otherwise be reported.
  '.hdguard', '.hdguard-cache',
]);

export const IGNORE_FILES = ['.gitignore', '.hdguardignore'];

/** hdguard's own output, which quotes (masked) findings: scanning it would report them again. */
export const DEFAULT_SKIPPED_FILES = new Set(['.hdguard-baseline.json']);

export interface DiscoveredFile {
  abs: string;
  /** Relative to the scan root, forward slashes. */
  rel: string;
  size: number;
}

export interface DiscoveryOptions {
  /** Extra globs, relative to the root, such as generated/** or *.snap (a glob without a slash matches names at any depth). */
  exclude: string[];
  /** Absolute paths: when given, only these files are yielded (and only folders holding them walked). */
  only?: Set<string>;
}

interface IgnoreLayer {
  dir: string;
  /** `.gitignore`: files git tracks anyway are still scanned (they are in every clone). */
  git?: Ignore;
  /** `.hdguardignore`: what the team asks hdguard to pass over. */
  own?: Ignore;
}

/**
 * Walks the given paths below root, honouring nested .gitignore and .hdguardignore files, the default
 * skipped folders and the exclude globs. A file that git tracks is scanned even when a .gitignore matches it
 * (committed before the rule, or forced: a log or an export in every clone). Files it cannot follow are
 * reported to `skipped` with a reason.
 */
export function* discoverFiles(
  root: string,
  paths: string[],
  options: DiscoveryOptions,
  skipped: SkippedFile[],
): Generator<DiscoveredFile> {
  const globs = options.exclude.map((g) => g.replace(/^\.\//, ''));
  const excluded = globs.length ? picomatch(globs, { dot: true, basename: true }) : () => false;
  const visitedDirs = new Set<string>();
  const relOf = (abs: string) => toSlashes(path.relative(root, abs)) || path.basename(abs);
  const resolvedRoot = path.resolve(root);
  const isExcluded = (rel: string) => excluded(rel) || excluded(`${rel}/`);
  // visitedDirs holds real paths, so a loop's target is shown relative to the root's real path.
  const realRoot = realpathOr(root);
  const realRelOf = (real: string) => toSlashes(path.relative(realRoot, real)) || '.';
  const only = options.only;
  const onlyDirs = only && new Set([...only].flatMap(ancestorsOf));
  const tracked = trackedFiles(root);

  /**
   * `entry`: the folder's entry for abs, when walked to from its parent (whose real path is `parentReal`): a
   * folder that is no symbolic link then needs no stat of its own, and its real path is its parent's and its name.
   */
  function* visit(abs: string, rel: string, layers: IgnoreLayer[], explicit: boolean, entry?: fs.Dirent, parentReal?: string): Generator<DiscoveredFile> {
    const plainDir = entry?.isDirectory() === true;
    let lst: fs.Stats | undefined;
    if (!plainDir) {
      try {
        lst = fs.lstatSync(abs);
      } catch (e) {
        skipped.push({ file: rel, reason: 'unreadable', detail: errorText(e) });
        return;
      }
    }
    let st = lst;
    if (lst?.isSymbolicLink()) {
      try {
        st = fs.statSync(abs);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        skipped.push(code === 'ELOOP'
          ? { file: rel, reason: 'symlink-loop', detail: 'symbolic link loop' }
          : { file: rel, reason: 'unreadable', detail: `broken symbolic link (${code ?? 'error'})` });
        return;
      }
    }
    if (plainDir || st!.isDirectory()) {
      if (!explicit && DEFAULT_SKIPPED_DIRS.has(path.basename(abs))) return;
      if (onlyDirs && !onlyDirs.has(abs)) return;
      let real: string;
      try {
        real = plainDir && parentReal !== undefined ? path.join(parentReal, entry!.name) : fs.realpathSync(abs);
      } catch (e) {
        skipped.push({ file: rel, reason: 'unreadable', detail: errorText(e) });
        return;
      }
      if (visitedDirs.has(real)) {
        if (lst?.isSymbolicLink()) skipped.push({ file: rel, reason: 'symlink-loop', detail: `links back to ${realRelOf(real)}` });
        return;
      }
      visitedDirs.add(real);
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(abs, { withFileTypes: true });
      } catch (e) {
        skipped.push({ file: rel, reason: 'unreadable', detail: errorText(e) });
        return;
      }
      const here = ignoreLayer(abs, entries);
      const nextLayers = here ? [...layers, here] : layers;
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const child of entries) {
        const childAbs = path.join(abs, child.name);
        // As relOf(childAbs) would say, without working it out again.
        const childRel = abs === resolvedRoot ? child.name : `${rel}/${child.name}`;
        const isDir = child.isDirectory();
        if (isExcluded(childRel) || isIgnored(nextLayers, childAbs, isDir, tracked)) continue;
        yield* visit(childAbs, childRel, nextLayers, false, child, real);
      }
      return;
    }
    if (!st!.isFile()) return;
    if (only && !only.has(abs)) return;
    if (!explicit && DEFAULT_SKIPPED_FILES.has(path.basename(abs))) return;
    yield { abs, rel, size: st!.size };
  }

  for (const p of paths) {
    const abs = path.resolve(root, p);
    yield* visit(abs, relOf(abs), ancestorLayers(root, abs), true);
  }
}

function ancestorsOf(file: string): string[] {
  const dirs: string[] = [];
  for (let dir = path.dirname(file); dir !== path.dirname(dir); dir = path.dirname(dir)) dirs.push(dir);
  return dirs;
}

function ignoreLayer(dir: string, entries: fs.Dirent[]): IgnoreLayer | undefined {
  const layer: IgnoreLayer = { dir };
  for (const name of IGNORE_FILES) {
    if (!entries.some((e) => e.name === name && e.isFile())) continue;
    try {
      const ig = ignore().add(fs.readFileSync(path.join(dir, name), 'utf8'));
      if (name === '.gitignore') layer.git = ig;
      else layer.own = ig;
    } catch {
      // An unreadable ignore file ignores nothing; the files themselves are still reported if unreadable.
    }
  }
  return layer.git || layer.own ? layer : undefined;
}

/** Ignore files between the scan root and an explicitly named sub-path still apply to it. */
function ancestorLayers(root: string, target: string): IgnoreLayer[] {
  const layers: IgnoreLayer[] = [];
  const rel = path.relative(root, target);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return layers;
  const parts = rel ? rel.split(path.sep).slice(0, -1) : [];
  let dir = root;
  for (let i = 0; i <= parts.length; i++) {
    try {
      const layer = ignoreLayer(dir, fs.readdirSync(dir, { withFileTypes: true }));
      if (layer) layers.push(layer);
    } catch {
      // unreadable folders are reported when visited
    }
    if (i < parts.length) dir = path.join(dir, parts[i]);
  }
  return layers;
}

function isIgnored(layers: IgnoreLayer[], abs: string, isDir: boolean, tracked?: TrackedFiles): boolean {
  const isTracked = () => (isDir ? tracked?.dirs.has(abs) : tracked?.files.has(abs)) ?? false;
  for (const { dir, git, own } of layers) {
    // abs is below dir when walked to from it (path.relative, for the ancestors of a named sub-path, costs more).
    const rel = abs.startsWith(dir) && abs[dir.length] === path.sep ? toSlashes(abs.slice(dir.length + 1)) : toSlashes(path.relative(dir, abs));
    if (!rel || rel.startsWith('..')) continue;
    const name = isDir ? `${rel}/` : rel;
    if (own?.ignores(name)) return true;
    if (git?.ignores(name) && !isTracked()) return true;
  }
  return false;
}

const toSlashes = (p: string) => (path.sep === '/' ? p : p.split(path.sep).join('/'));

function realpathOr(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return p;
  }
}

function errorText(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  return err.code ? `${err.code}: ${err.syscall ?? 'access'} failed` : String(e);
}
