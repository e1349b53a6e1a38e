import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The files git tracks in the repository holding a folder, read from its index (`.git/index`, versions 2 to 4)
 * without running git. A tracked file is in every clone whatever `.gitignore` says (it was added before the
 * rule, or forced): the scan must see it.
 */
export interface TrackedFiles {
  /** Absolute paths of tracked files. */
  files: Set<string>;
  /** Absolute paths of the folders that hold them, at any depth. */
  dirs: Set<string>;
}

/** The tracked files of the repository that holds `folder`, or undefined outside one (or with an unreadable index). */
export function trackedFiles(folder: string): TrackedFiles | undefined {
  const repo = repositoryOf(path.resolve(folder));
  if (!repo) return undefined;
  let index: Buffer;
  try {
    index = fs.readFileSync(path.join(repo.gitDir, 'index'));
  } catch {
    return undefined;
  }
  const names = indexPaths(index);
  if (!names) return undefined;
  const files = new Set<string>();
  const dirs = new Set<string>();
  for (const name of names) {
    const abs = path.join(repo.workTree, ...name.split('/'));
    files.add(abs);
    for (let dir = path.dirname(abs); dir.length > repo.workTree.length && !dirs.has(dir); dir = path.dirname(dir)) dirs.add(dir);
  }
  return { files, dirs };
}

/** The work tree and git folder above a folder: `.git` as a folder, or as a file naming it (worktrees, submodules). */
function repositoryOf(folder: string): { workTree: string; gitDir: string } | undefined {
  for (let dir = folder; ; dir = path.dirname(dir)) {
    const dotGit = path.join(dir, '.git');
    try {
      const st = fs.statSync(dotGit);
      if (st.isDirectory()) return { workTree: dir, gitDir: dotGit };
      const m = /^gitdir:\s*(.+?)\s*$/m.exec(fs.readFileSync(dotGit, 'utf8'));
      if (m) return { workTree: dir, gitDir: path.resolve(dir, m[1]) };
    } catch {
      // not here
    }
    if (path.dirname(dir) === dir) return undefined;
  }
}

/**
 * The path names of a git index (DIRC, versions 2, 3 and 4: 62 bytes of stat data and flags per entry, then the
 * name, NUL-padded to 8 bytes in versions 2 and 3, prefix-compressed in version 4). Undefined when the data is
 * not an index or is cut short.
 */
export function indexPaths(data: Buffer): string[] | undefined {
  if (data.length < 12 || data.toString('latin1', 0, 4) !== 'DIRC') return undefined;
  const version = data.readUInt32BE(4);
  if (version < 2 || version > 4) return undefined;
  const count = data.readUInt32BE(8);
  const names: string[] = [];
  let at = 12;
  let previous = '';
  for (let i = 0; i < count; i++) {
    const entryStart = at;
    if (at + 62 > data.length) return undefined;
    const flags = data.readUInt16BE(at + 60);
    at += 62;
    if (version >= 3 && flags & 0x4000) at += 2;
    let name: string;
    if (version === 4) {
      let strip = 0;
      let byte: number;
      let n = 0;
      // An offset varint: 7 bits a byte, each continuation adding one before the shift.
      do {
        if (at >= data.length) return undefined;
        byte = data[at++];
        strip = n++ ? ((strip + 1) << 7) | (byte & 0x7f) : byte & 0x7f;
      } while (byte & 0x80);
      const end = data.indexOf(0, at);
      if (end < 0 || strip > previous.length) return undefined;
      name = previous.slice(0, previous.length - strip) + data.toString('utf8', at, end);
      at = end + 1;
    } else {
      const end = data.indexOf(0, at);
      if (end < 0) return undefined;
      name = data.toString('utf8', at, end);
      // Entries are padded with one to eight NULs to a multiple of eight bytes.
      at = entryStart + Math.ceil((end + 1 - entryStart) / 8) * 8;
    }
    names.push(name);
    previous = name;
  }
  return names;
}
