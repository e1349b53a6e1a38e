import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { FileOutcome } from '../fileScan';
import { toolVersion } from '../paths';
import type { AnalysisSettings, LoadedRule } from '../types';

/**
 * Outcomes of earlier scans by file content, so that a second audit of an unchanged tree only reads and hashes.
 * Kept outside the scanned tree (hdguard writes nothing there unless asked), one file per scanned root. An entry
 * counts only for the same rules, settings, tool version and day (suppression expiry depends on the date).
 */
export class ScanCache {
  private readonly previous: Map<string, [string, FileOutcome]>;
  private readonly next = new Map<string, [string, FileOutcome]>();
  hits = 0;

  private constructor(
    private readonly file: string,
    private readonly identity: string,
    previous: Map<string, [string, FileOutcome]>,
  ) {
    this.previous = previous;
  }

  /** The cache of one scanned root for one kind of user (the CLI's and the editor's outcomes differ). */
  static open(root: string, identity: string, user: 'cli' | 'editor' = 'cli', dir = defaultCacheDir()): ScanCache {
    const file = path.join(dir, `${digest(path.resolve(root))}-${user}.json`);
    let previous = new Map<string, [string, FileOutcome]>();
    try {
      const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as { identity?: string; entries?: Record<string, [string, FileOutcome]> };
      if (stored.identity === identity && stored.entries) previous = new Map(Object.entries(stored.entries));
    } catch {
      // No cache yet, or an unreadable one: start afresh.
    }
    return new ScanCache(file, identity, previous);
  }

  /** The outcome recorded for this file with these bytes, if any. */
  lookup(rel: string, hash: string): FileOutcome | undefined {
    const entry = this.previous.get(rel);
    if (!entry || entry[0] !== hash) return undefined;
    this.hits++;
    return entry[1];
  }

  /** The hash of the bytes an earlier scan saw for this file, if any. */
  hashOf(rel: string): string | undefined {
    return this.previous.get(rel)?.[0];
  }

  record(rel: string, hash: string, outcome: FileOutcome): void {
    // A time-limit skip depends on the machine's load, not on the file.
    if (outcome.kind === 'skipped' && outcome.skipped.reason === 'time-limit') return;
    this.next.set(rel, [hash, outcome]);
  }

  /** Writes the entries of this scan (files no longer seen are dropped). Failing to write only loses the cache. */
  save(): void {
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true, mode: 0o700 });
      const tmp = `${this.file}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, JSON.stringify({ identity: this.identity, entries: Object.fromEntries(this.next) }), { mode: 0o600 });
      fs.renameSync(tmp, this.file);
    } catch {
      // A read-only home or a full disk: the next scan is simply not faster.
    }
  }
}

/** A file's content hash, so that an unchanged file's outcome can be reused. */
export function contentHash(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('base64url');
}

/** What an outcome depends on besides the file's bytes and path. */
export function cacheIdentity(rules: LoadedRule[], settings: AnalysisSettings, extra: unknown): string {
  const today = new Date().toISOString().slice(0, 10);
  return digest(JSON.stringify([toolVersion(), buildStamp(), today, rules, settings, extra]));
}

/** A rebuilt engine may find other things in the same bytes: its build time is part of the identity. */
function buildStamp(): number {
  try {
    return fs.statSync(__filename).mtimeMs;
  } catch {
    return 0;
  }
}

export function defaultCacheDir(): string {
  const env = process.env.HDGUARD_CACHE_DIR;
  if (env) return path.resolve(env);
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'hdguard');
}

function digest(s: string): string {
  return createHash('sha1').update(s).digest('hex');
}
