import * as os from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { RuleSet } from '../analyze';
import type { DiscoveredFile } from '../discovery';
import { readSourceBytes, sizeProblem } from '../fileReader';
import { skipped, type FileOutcome } from '../fileOutcome';
import type { FileScanOptions } from '../fileScan';
import type { LoadedRule } from '../types';
import { detectLanguage } from '../languages';
import { hasGrammar } from '../parsers/treeSitter';
import { analysisHere } from './analysisHere';
import type { FromWorker, ToWorker, WorkItem, WorkResult, WorkerSetup } from './protocol';
import { contentHash, type ScanCache } from './scanCache';
import { startWorker } from './startWorker';

export interface ScanFilesOptions {
  files: Iterator<DiscoveredFile>;
  rules: LoadedRule[];
  fileOptions: Omit<FileScanOptions, 'raw'>;
  /** Worker threads; 1 analyses in this thread. Default: one per core. */
  jobs?: number;
  cache?: ScanCache;
  /** Text to analyse instead of the file's bytes (an editor's unsaved text). */
  textOf?: (file: DiscoveredFile) => string | undefined;
  /** Analyse in these workers (which hold the same rules), however few the files: a language server's own thread analyses nothing. */
  workers?: Worker[];
  /** Bytes to analyse below which no worker starts and this thread analyses them (default INLINE_BYTES). */
  inlineBytes?: number;
  /** The old-generation heap of each worker this scan starts, in MB (default WORKER_HEAP_MB). */
  workerHeapMb?: number;
  isCancelled?: () => boolean;
  onOutcome: (index: number, file: DiscoveredFile, outcome: FileOutcome) => void;
}

/**
 * Until this much is left to analyse, starting workers costs more than it saves: each takes a few hundred ms of a
 * core to load the engine, its parsers and warm up, and 100 MB or more (measured in this thread against two
 * workers: 2.7 MB in 94 files 1.0 s against 1.3 s, 8 MB in 2,066 files 1.4 s against 1.6-1.7 s, 27 MB in 1,780
 * files 4.2 s against 3.7 s).
 */
const INLINE_FILES = 4000;
const INLINE_BYTES = 12 * 1024 * 1024;
const BATCH_FILES = 32;
const BATCH_BYTES = 256 * 1024;
/** Bytes read ahead of the workers at most: reading is far faster than analysing. */
const READ_AHEAD_BYTES = 16 * 1024 * 1024;
const YIELD_EVERY_MS = 15;
/** Smaller buffers may be slices of Node's shared pool, which cannot be moved to another thread. */
const OWN_BUFFER_BYTES = 8 * 1024;
/**
 * A scan's own workers collect their garbage before their heap grows past this (V8 would otherwise let each grow
 * to hundreds of MB); a worker that runs out on some huge file is replaced by one without the cap.
 */
const WORKER_HEAP_MB = 128;

export function defaultJobs(): number {
  return Math.max(1, Math.min(os.availableParallelism?.() ?? os.cpus().length, 8));
}

interface Miss {
  index: number;
  file: DiscoveredFile;
  bytes: Buffer;
  hash?: string;
}

/**
 * Reads discovered files as the walk goes on, answers unchanged files from the cache, and analyses the rest:
 * in this thread when there are few, else in worker threads started for this scan (and stopped after it).
 * Outcomes arrive in any order, each with its discovery index. The loop yields to the event loop often, so that
 * a language server stays responsive and cancellation is seen.
 */
export async function scanFiles(o: ScanFilesOptions): Promise<{ cancelled: boolean; replacedWorkers: number }> {
  const jobs = o.jobs ?? defaultJobs();
  const misses: Miss[] = [];
  let missBytes = 0;
  let pool: WorkerPool | undefined;
  let inlineRuleSet: RuleSet | undefined;
  const ruleSetHere = () => (inlineRuleSet ??= new (analysisHere().RuleSet)(o.rules));
  let index = 0;
  let lastYield = performance.now();
  let cancelled = false;
  try {
    for (let n = o.files.next(); !n.done; n = o.files.next()) {
      if (performance.now() - lastYield > YIELD_EVERY_MS) {
        await new Promise((r) => setImmediate(r));
        lastYield = performance.now();
      }
      if (o.isCancelled?.()) {
        cancelled = true;
        break;
      }
      const file = n.value;
      const i = index++;
      const text = o.textOf?.(file);
      if (text !== undefined) {
        // The editor's text, held to the size limit as the file would be.
        const bytes = Buffer.from(text);
        const tooLarge = sizeProblem(bytes.length, o.fileOptions);
        if (tooLarge) o.onOutcome(i, file, skipped(file, 'too-large', tooLarge));
        else if (o.workers) await (pool ??= startPool(o, jobs)).submit({ index: i, file, bytes }, (outcome) => o.onOutcome(i, file, outcome));
        else {
          await grammarHere(file);
          o.onOutcome(i, file, analysisHere().analyseFileText(file, text, false, ruleSetHere(), o.fileOptions));
        }
        continue;
      }
      const read = readSourceBytes(file.abs, file.size, o.fileOptions);
      if (!read.ok) {
        o.onOutcome(i, file, skipped(file, read.reason, read.detail));
        continue;
      }
      const miss: Miss = { index: i, file, bytes: read.bytes, hash: o.cache && contentHash(read.bytes) };
      const earlier = miss.hash !== undefined ? o.cache!.lookup(file.rel, miss.hash) : undefined;
      if (earlier) {
        recorder(o, miss)(earlier);
        continue;
      }
      if (pool) {
        await pool.submit(miss, recorder(o, miss));
        continue;
      }
      if (!o.workers && jobs <= 1) {
        // No worker will ever start: each file is analysed as it is read, and its bytes are let go.
        await grammarHere(file);
        recorder(o, miss)(analysisHere().analyseBytes(file, miss.bytes, ruleSetHere(), o.fileOptions));
        continue;
      }
      misses.push(miss);
      missBytes += read.bytes.length;
      if (o.workers || (jobs > 1 && (misses.length >= INLINE_FILES || missBytes >= (o.inlineBytes ?? INLINE_BYTES)))) {
        pool ??= startPool(o, jobs);
        for (const m of misses.splice(0)) await pool.submit(m, recorder(o, m));
        missBytes = 0;
      }
    }
    if (pool) {
      cancelled = (await pool.drain()) || cancelled;
    } else {
      for (const m of misses) {
        if (performance.now() - lastYield > YIELD_EVERY_MS) {
          await new Promise((r) => setImmediate(r));
          lastYield = performance.now();
        }
        if (o.isCancelled?.()) return { cancelled: true, replacedWorkers: 0 };
        await grammarHere(m.file);
        recorder(o, m)(analysisHere().analyseBytes(m.file, m.bytes, ruleSetHere(), o.fileOptions));
      }
    }
  } finally {
    await pool?.close();
  }
  return { cancelled, replacedWorkers: pool?.replaced ?? 0 };
}

/** The grammars this thread has asked for, by language. */
const grammarsHere = new Map<string, Promise<void>>();

/**
 * Loads the grammar of a file's language before this thread analyses it: a scan left to workers (or of a tree
 * without such files) loads none here (all of them are about 50 MB and 100 ms).
 */
function grammarHere(file: DiscoveredFile): Promise<void> | undefined {
  const id = detectLanguage(file.rel).id;
  if (!hasGrammar(id)) return undefined;
  let loading = grammarsHere.get(id);
  if (!loading) grammarsHere.set(id, (loading = analysisHere().prepareEngine([id])));
  return loading;
}

function startPool(o: ScanFilesOptions, jobs: number): WorkerPool {
  return o.workers
    ? WorkerPool.sharing(o.workers, o.fileOptions, o.isCancelled)
    : WorkerPool.start(jobs, { rules: o.rules, options: o.fileOptions }, o.workerHeapMb ?? WORKER_HEAP_MB, o.isCancelled);
}

function recorder(o: ScanFilesOptions, m: Miss): (outcome: FileOutcome) => void {
  return (outcome) => {
    if (m.hash !== undefined) o.cache?.record(m.file.rel, m.hash, outcome);
    o.onOutcome(m.index, m.file, outcome);
  };
}

type Listener = Parameters<Worker['on']>[1];

/**
 * What a file brings into the worker that analyses it: the TypeScript compiler (JS/TS, scripts in pages), a
 * tree-sitter grammar, or nothing heavy. Each loaded parser costs a worker 40 to 80 MB.
 */
type Lane = 'script' | 'tree' | 'light';
const LANES: Lane[] = ['light', 'script', 'tree'];
const SCRIPT_LANGUAGES = new Set(['javascript', 'typescript', 'html']);

function laneOf(file: DiscoveredFile): Lane {
  const id = detectLanguage(file.rel).id;
  return SCRIPT_LANGUAGES.has(id) ? 'script' : hasGrammar(id) ? 'tree' : 'light';
}

/**
 * Worker threads fed with batches of files: at most two batches at a worker at once (one at work, one waiting,
 * so that a shared worker still answers its other requests soon), the rest queued here, the reading held back
 * when the workers lag. Its own workers stop with it; shared ones (a language server's document worker) stay.
 * One of its own workers that runs out of heap is replaced by one without a cap, and the files it held are read
 * again for it. Its own workers take turns at preferring the files of one heavy parser (JS/TS or tree-sitter)
 * and take the other kind only when they would otherwise wait, so that most of them load one parser, not both.
 */
class WorkerPool {
  /** The files of the batches sent to each worker and not yet answered, in the order sent (a worker answers in order). */
  private readonly inFlight = new Map<Worker, Array<Array<Omit<WorkItem, 'bytes'>>>>();
  private readonly queues: Record<Lane, WorkItem[][]> = { light: [], script: [], tree: [] };
  private readonly batches: Record<Lane, { items: WorkItem[]; bytes: number }> = { light: { items: [], bytes: 0 }, script: { items: [], bytes: 0 }, tree: { items: [], bytes: 0 } };
  /** The heavy lane each of its own workers prefers (none for shared workers or a single one). */
  private readonly preferred = new Map<Worker, Lane>();
  private readonly done = new Map<number, (outcome: FileOutcome) => void>();
  private readonly sizes = new Map<number, number>();
  private readonly listeners = new Map<Worker, Array<[string, Listener]>>();
  private outstandingBytes = 0;
  private failure: unknown;
  private wake: (() => void) | undefined;
  private closing = false;
  /** Workers replaced after running out of heap. */
  replaced = 0;

  private constructor(
    private readonly workers: Worker[],
    private readonly owned: boolean,
    private readonly options: Omit<FileScanOptions, 'raw'>,
    private readonly isCancelled: () => boolean,
    /** Starts a worker without a heap cap, to replace one that ran out (own workers only). */
    private readonly startUncapped?: () => Worker,
  ) {
    for (const w of workers) this.attach(w);
    if (owned && workers.length > 1) workers.forEach((w, i) => this.preferred.set(w, i % 2 ? 'tree' : 'script'));
  }

  static start(jobs: number, setup: WorkerSetup, heapMb: number, isCancelled: () => boolean = () => false): WorkerPool {
    const workers = Array.from({ length: jobs }, () => startWorker(setup, { maxOldGenerationSizeMb: heapMb }));
    return new WorkerPool(workers, true, setup.options, isCancelled, () => startWorker(setup));
  }

  /** Workers that already hold the rules (a language server's document worker). */
  static sharing(workers: Worker[], options: Omit<FileScanOptions, 'raw'>, isCancelled: () => boolean = () => false): WorkerPool {
    return new WorkerPool(workers, false, options, isCancelled);
  }

  private attach(w: Worker): void {
    this.inFlight.set(w, []);
    const on: Array<[string, Listener]> = [
      ['message', (message: FromWorker) => message.type === 'files' && this.receive(w, message.results)],
      ['error', (e: unknown) => (this.startUncapped && (e as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY' ? this.replace(w) : this.fail(e))],
      ['exit', (code: number) => this.fail(new Error(`a scan worker stopped (exit code ${code})`))],
    ];
    for (const [event, listener] of on) w.on(event, listener);
    this.listeners.set(w, on);
  }

  private detach(w: Worker): void {
    for (const [event, listener] of this.listeners.get(w) ?? []) w.off(event, listener);
    this.listeners.delete(w);
  }

  /**
   * Replaces a worker that ran out of heap with one without a cap. The bytes of its unanswered files moved to
   * it (they were not copied): they are read again and queued first.
   */
  private replace(w: Worker): void {
    this.detach(w);
    const unanswered = this.inFlight.get(w) ?? [];
    this.inFlight.delete(w);
    this.replaced++;
    const fresh = this.startUncapped!();
    this.workers[this.workers.indexOf(w)] = fresh;
    this.attach(fresh);
    const lane = this.preferred.get(w);
    if (lane) this.preferred.set(fresh, lane);
    this.preferred.delete(w);
    for (const items of unanswered.reverse()) {
      for (const l of LANES) {
        const again = items.filter((item) => laneOf(item.file) === l).flatMap((item) => this.readAgain(item));
        if (again.length) this.queues[l].unshift(again);
      }
    }
    this.dispatch();
  }

  private readAgain({ index, file }: Omit<WorkItem, 'bytes'>): WorkItem[] {
    const read = readSourceBytes(file.abs, file.size, this.options);
    if (read.ok) return [{ index, file, bytes: read.bytes }];
    this.settle(index, skipped(file, read.reason, read.detail));
    return [];
  }

  /** Queues a file; waits while the workers are far behind the reading. */
  async submit({ index, file, bytes }: WorkItem, onOutcome: (outcome: FileOutcome) => void): Promise<void> {
    this.done.set(index, onOutcome);
    this.sizes.set(index, bytes.length);
    const lane = laneOf(file);
    const batch = this.batches[lane];
    // Only what the worker needs crosses over (not the cache hash).
    batch.items.push({ index, file, bytes });
    batch.bytes += bytes.length;
    this.outstandingBytes += bytes.length;
    if (batch.items.length >= BATCH_FILES || batch.bytes >= BATCH_BYTES) this.flush(lane);
    while (this.outstandingBytes > READ_AHEAD_BYTES && !this.isCancelled()) await this.nextResult();
  }

  /** Waits until every submitted file has its outcome, or the scan is cancelled (then says true). */
  async drain(): Promise<boolean> {
    for (const lane of LANES) this.flush(lane);
    while (this.done.size) {
      if (this.isCancelled()) return true;
      await this.nextResult();
    }
    return false;
  }

  async close(): Promise<void> {
    this.closing = true;
    if (this.owned) {
      await Promise.all(this.workers.map((w) => w.terminate()));
      return;
    }
    for (const w of this.workers) this.detach(w);
  }

  private flush(lane: Lane): void {
    const batch = this.batches[lane];
    if (batch.items.length) this.queues[lane].push(batch.items);
    this.batches[lane] = { items: [], bytes: 0 };
    this.dispatch();
  }

  /** The next batch for a worker: of its lane, else light, else (when it has nothing to do) of the other lane. */
  private nextBatch(w: Worker, idle: boolean): WorkItem[] | undefined {
    const own = this.preferred.get(w);
    const order: Lane[] = own ? [own, 'light', ...(idle ? [own === 'script' ? 'tree' : ('script' as Lane)] : [])] : LANES;
    for (const lane of order) if (this.queues[lane].length) return this.queues[lane].shift();
    return undefined;
  }

  private dispatch(): void {
    for (const w of this.workers) {
      const sent = this.inFlight.get(w)!;
      while (sent.length < 2) {
        const items = this.nextBatch(w, sent.length === 0);
        if (!items) break;
        sent.push(items.map(({ index, file }) => ({ index, file })));
        // A file's bytes move to the worker rather than being copied, where they are a buffer of their own (not
        // a slice of Node's pool of small buffers): the main thread has no further use for them.
        const own = items.flatMap(({ bytes }) => (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.byteLength >= OWN_BUFFER_BYTES ? [bytes.buffer as ArrayBuffer] : []));
        w.postMessage({ type: 'files', items, options: this.options } satisfies ToWorker, own);
      }
    }
  }

  private receive(w: Worker, results: WorkResult[]): void {
    this.inFlight.get(w)?.shift();
    for (const r of results) this.settle(r.index, r.outcome);
    this.dispatch();
    this.wakeUp();
  }

  private settle(index: number, outcome: FileOutcome): void {
    this.outstandingBytes -= this.sizes.get(index) ?? 0;
    this.sizes.delete(index);
    const onOutcome = this.done.get(index);
    this.done.delete(index);
    onOutcome?.(outcome);
  }

  private fail(e: unknown): void {
    if (this.closing) return;
    this.failure ??= e;
    this.wakeUp();
  }

  private wakeUp(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  /** Waits for the next results (or a short while, so that the caller sees a cancellation soon). */
  private async nextResult(): Promise<void> {
    if (this.failure) throw this.failure;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 50);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    if (this.failure) throw this.failure;
  }
}
