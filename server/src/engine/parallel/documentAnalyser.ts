import type { Worker } from 'node:worker_threads';
import type { RuleSet } from '../analyze';
import { analysisHere } from './analysisHere';
import type { SuppressionProblem } from '../suppressions';
import type { Finding } from '../types';
import type { DocumentResult, FromWorker, ToWorker, WorkerSetup } from './protocol';
import { startWorker } from './startWorker';

export interface DocumentFindings {
  findings: Finding[];
  problems: SuppressionProblem[];
}

interface Queued {
  key: string;
  rel: string;
  text: string;
  languageId?: string;
  resolve: (result: DocumentFindings | undefined) => void;
}

/**
 * Analyses editor documents in a worker thread, so that the language server's message loop never waits on a
 * long analysis. One document at a time; a document's queued request gives way to a newer one for the same key
 * (resolved undefined: superseded). If the worker cannot run, documents are analysed in this thread instead.
 */
export class DocumentAnalyser {
  private worker: Worker | undefined;
  private failed = false;
  private readonly queue = new Map<string, Queued>();
  private running: { id: number; request: Queued } | undefined;
  private nextId = 1;
  private local: RuleSet | undefined;

  /** Shared with the worker: the id of the running request that a newer one for its document made stale. */
  private readonly stale = new Int32Array(new SharedArrayBuffer(4));

  constructor(private setup: WorkerSetup) {}

  /** New rules or settings: requests made from now on use them. */
  configure(setup: WorkerSetup): void {
    this.setup = setup;
    this.local = undefined;
    this.worker?.postMessage({ type: 'configure', setup: { ...setup, stale: this.stale } } satisfies ToWorker);
  }

  analyse(key: string, rel: string, text: string, languageId?: string): Promise<DocumentFindings | undefined> {
    return new Promise((resolve) => {
      this.queue.get(key)?.resolve(undefined);
      // The worker is busy with an older version of this document: it stops at the next rule.
      if (this.running?.request.key === key) Atomics.store(this.stale, 0, this.running.id);
      this.queue.set(key, { key, rel, text, languageId, resolve });
      this.pump();
    });
  }

  /**
   * Lends the worker for other work on the same rules (a workspace audit; undefined if no worker can run), then
   * starts afresh once nothing else uses it, giving back what the long job made it hold.
   */
  async lending<T>(job: (worker: Worker | undefined) => Promise<T>): Promise<T> {
    this.lent++;
    try {
      return await job(this.ensureWorker());
    } finally {
      this.lent--;
      this.recycle();
    }
  }

  private lent = 0;
  private freshWanted = false;

  /** Stops the worker when idle and lent to no one (else as soon as it is); the next request starts a new one. */
  private recycle(): void {
    this.freshWanted = true;
    const worker = this.worker;
    if (!worker || this.lent || this.running || this.queue.size) return;
    this.freshWanted = false;
    this.worker = undefined;
    worker.removeAllListeners();
    void worker.terminate();
  }

  dispose(): void {
    this.failed = true;
    void this.worker?.terminate();
    this.worker = undefined;
  }

  private pump(): void {
    if (this.running) return;
    const next = this.queue.values().next();
    if (next.done) return;
    const request = next.value;
    this.queue.delete(request.key);
    const worker = this.ensureWorker();
    if (!worker) {
      request.resolve(this.analyseHere(request));
      this.pump();
      return;
    }
    const id = this.nextId++;
    this.running = { id, request };
    worker.postMessage({ type: 'document', id, rel: request.rel, text: request.text, languageId: request.languageId } satisfies ToWorker);
  }

  private ensureWorker(): Worker | undefined {
    if (this.worker || this.failed) return this.worker;
    try {
      const worker = startWorker({ ...this.setup, stale: this.stale });
      worker.on('message', (message: FromWorker) => {
        if (message.type === 'document') this.settle(message);
      });
      worker.on('error', () => this.fallBack());
      worker.on('exit', () => this.fallBack());
      worker.unref();
      this.worker = worker;
    } catch {
      this.failed = true;
    }
    return this.worker;
  }

  private settle(result: DocumentResult): void {
    const running = this.running;
    if (!running || running.id !== result.id) return;
    this.running = undefined;
    running.request.resolve(result.cancelled ? undefined : { findings: result.findings, problems: result.problems });
    this.pump();
    if (this.freshWanted) this.recycle();
  }

  /** The worker died: what it was doing is done here, and so is everything after. */
  private fallBack(): void {
    if (this.failed) return;
    this.failed = true;
    this.worker = undefined;
    const running = this.running;
    this.running = undefined;
    if (running) running.request.resolve(this.analyseHere(running.request));
    this.pump();
  }

  private analyseHere(request: Queued): DocumentFindings {
    const here = analysisHere();
    this.local ??= new here.RuleSet(this.setup.rules);
    const { findings, problems } = here.analyseEditorText(request.rel, request.text, request.languageId, this.local, this.setup.options.settings);
    return { findings, problems };
  }
}
