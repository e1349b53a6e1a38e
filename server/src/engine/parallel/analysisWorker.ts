import { parentPort, workerData } from 'node:worker_threads';
import { detectLanguage } from '../languages';
import { RuleSet, analyseBytes, analyseEditorText, prepareEngine } from './analysisModules';
import type { FromWorker, ToWorker, WorkerSetup } from './protocol';

/**
 * An analysis worker: rules compiled once per configuration, then batches of files' bytes (a scan) or editor
 * documents (the language server) in, outcomes out.
 */
let setup = workerData as WorkerSetup;
let ruleSet = new RuleSet(setup.rules);

const reply = (message: FromWorker) => parentPort!.postMessage(message);

/** The parsers of the languages a message's files are in (loaded once each, as they are met). */
function languagesOf(message: ToWorker): string[] {
  if (message.type === 'files') return message.items.map((item) => detectLanguage(item.file.rel).id);
  if (message.type === 'document') return [message.languageId ?? detectLanguage(message.rel).id];
  return [];
}

// One message at a time, in order: a message may wait for a grammar to load.
let queue: Promise<void> = Promise.resolve();
parentPort!.on('message', (message: ToWorker) => {
  queue = queue
    .then(() => prepareEngine(languagesOf(message)))
    .then(() => handle(message))
    .catch((e: unknown) => {
      // A fault in hdguard: said on stderr (the editor's output channel) without the error's message, which may
      // quote the document; the document gets no findings rather than none ever again.
      const error = e instanceof Error ? e : new Error('non-error thrown');
      process.stderr.write(`hdguard: internal error (${error.name} ${error.stack?.split('\n')[1]?.trim() ?? ''}), please report it\n`);
      if (message.type === 'document') reply({ type: 'document', id: message.id, findings: [], problems: [] });
    });
});

function handle(message: ToWorker): void {
  switch (message.type) {
    case 'configure':
      setup = message.setup;
      ruleSet = new RuleSet(setup.rules);
      return;
    case 'files':
      reply({ type: 'files', results: message.items.map((item) => ({ index: item.index, outcome: analyseBytes(item.file, item.bytes, ruleSet, message.options) })) });
      return;
    case 'document': {
      const stale = setup.stale;
      const isCancelled = stale && (() => Atomics.load(stale, 0) === message.id);
      const { findings, problems } = analyseEditorText(message.rel, message.text, message.languageId, ruleSet, setup.options.settings, isCancelled);
      reply({ type: 'document', id: message.id, findings, problems, cancelled: isCancelled?.() || undefined });
      return;
    }
  }
}
