import { parentPort, workerData } from 'node:worker_threads';
import { RuleSet } from '../analyze';
import { analyseBytes, analyseEditorText } from '../fileScan';
import { prepareEngine } from '../prepare';
import type { FromWorker, ToWorker, WorkerSetup } from './protocol';

/**
 * An analysis worker: rules compiled once per configuration, then batches of files' bytes (a scan) or editor
 * documents (the language server) in, outcomes out.
 */
let setup = workerData as WorkerSetup;
let ruleSet = new RuleSet(setup.rules);

const reply = (message: FromWorker) => parentPort!.postMessage(message);
const ready = prepareEngine();

parentPort!.on('message', async (message: ToWorker) => {
  // Messages that arrive while the parsers load wait in order (the awaits resume first in, first out).
  await ready;
  switch (message.type) {
    case 'configure':
      setup = message.setup;
      ruleSet = new RuleSet(setup.rules);
      return;
    case 'files':
      reply({ type: 'files', results: message.items.map((item) => ({ index: item.index, outcome: analyseBytes(item.file, item.bytes, ruleSet, setup.options) })) });
      return;
    case 'document': {
      const { findings, problems } = analyseEditorText(message.rel, message.text, message.languageId, ruleSet, setup.options.settings);
      reply({ type: 'document', id: message.id, findings, problems });
      return;
    }
  }
});
