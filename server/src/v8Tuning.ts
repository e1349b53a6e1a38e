import { setFlagsFromString } from 'node:v8';

/**
 * How much bytecode V8 runs in a function before it optimises it (its "interrupt budget") in a run of hdguard
 * from the command line: four times V8's default of 132 KB. An audit runs a large engine briefly over many files,
 * in up to three isolates that each optimise the same functions: at the default, V8's optimising compiler took
 * about a third of the CPU of an audit of the corpus (measured with it made synchronous: 8.8 -> 11.7 s in one
 * thread), much of it redone after deoptimisations. At four times the budget, an audit with workers takes 5-8 %
 * less wall time and CPU; in one thread it is within the noise (docs/performance.md, fifth round).
 */
const ONE_SHOT_INTERRUPT_BUDGET = 4 * 132 * 1024;

/**
 * V8's settings for a one-shot run, before any worker starts (the language server keeps V8's defaults). V8 takes a
 * code cache only from a process with the same settings: the build makes its caches (codeCache.ts) under these.
 */
export function tuneV8ForOneShotRun(): void {
  setFlagsFromString(`--interrupt-budget=${ONE_SHOT_INTERRUPT_BUDGET}`);
}
