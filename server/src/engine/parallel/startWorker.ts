import * as path from 'node:path';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { WorkerSetup } from './protocol';

/** Starts an analysis worker: the bundle beside the CLI and server bundles, or the compiled module beside this one. */
export function startWorker(setup: WorkerSetup, resourceLimits?: ResourceLimits): Worker {
  return new Worker(path.join(__dirname, 'analysisWorker.js'), { workerData: setup, resourceLimits });
}
