import { promises as fsp } from 'node:fs';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Language, Parser, type Tree } from '@vscode/tree-sitter-wasm';

export type { Language, Node as SyntaxNode, Tree } from '@vscode/tree-sitter-wasm';

/**
 * Tree-sitter grammars for the languages the TypeScript compiler does not parse. The runtime and grammars are
 * WebAssembly, loaded once per process or worker thread by prepareTreeSitter(); parsing is synchronous after
 * that. Kotlin is not among the grammars VS Code ships and comes from tree-sitter-wasms.
 */
const GRAMMARS: Record<string, { file: string; from: 'vscode' | 'wasms' }> = {
  python: { file: 'tree-sitter-python.wasm', from: 'vscode' },
  java: { file: 'tree-sitter-java.wasm', from: 'vscode' },
  csharp: { file: 'tree-sitter-c-sharp.wasm', from: 'vscode' },
  go: { file: 'tree-sitter-go.wasm', from: 'vscode' },
  php: { file: 'tree-sitter-php.wasm', from: 'vscode' },
  ruby: { file: 'tree-sitter-ruby.wasm', from: 'vscode' },
  kotlin: { file: 'tree-sitter-kotlin.wasm', from: 'wasms' },
  // Not Swift: compiling tree-sitter-wasms' Swift grammar takes V8 seconds, and Node 22 and later (VS Code's
  // runtimes) abort with "Fatal process out of memory: Zone" on its first parse. Swift keeps the token flow.
};

/** The runtime's own WebAssembly, beside the grammars. */
const RUNTIME_WASM = 'tree-sitter.wasm';

/** Where each package keeps its WebAssembly files, under node_modules. */
const PACKAGE_DIRS = { vscode: path.join('@vscode', 'tree-sitter-wasm', 'wasm'), wasms: path.join('tree-sitter-wasms', 'out') };

/** Every WebAssembly file the engine loads and where it is now (build.mjs copies them beside the bundles). */
export function wasmFiles(): Array<{ file: string; path: string }> {
  return [{ file: RUNTIME_WASM, path: wasmPath(RUNTIME_WASM, 'vscode') }, ...Object.values(GRAMMARS).map((g) => ({ file: g.file, path: wasmPath(g.file, g.from) }))];
}

/**
 * A WebAssembly file: in `grammars/` beside the bundle (server/dist), else in the packages, found by walking up
 * from here (server/out and the tests).
 */
function wasmPath(file: string, from: keyof typeof PACKAGE_DIRS): string {
  const bundled = path.join(__dirname, 'grammars', file);
  if (fs.existsSync(bundled)) return bundled;
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', PACKAGE_DIRS[from], file);
    if (fs.existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) throw new Error(`${file} not found beside or above ${__dirname}`);
  }
}

interface Loaded {
  language: Language;
  parser: Parser;
}

const loaded = new Map<string, Loaded>();
/** Loads in order, one at a time: the runtime links each grammar's module into shared memory, and concurrent loads collide. */
let chain: Promise<void> = Promise.resolve();
let runtime: Promise<void> | undefined;
const requested = new Set<string>();

/**
 * Loads the runtime and the grammars of the given languages (default: every one), each once; resolves when they
 * are ready. A worker asks only for the languages of the files it meets: each grammar is megabytes of memory.
 */
export function prepareTreeSitter(languages: Iterable<string> = Object.keys(GRAMMARS)): Promise<void> {
  runtime ??= Parser.init({ locateFile: (file: string) => wasmPath(file, 'vscode') });
  for (const id of languages) {
    const g = GRAMMARS[id];
    if (!g || requested.has(id)) continue;
    requested.add(id);
    chain = chain.then(async () => {
      await runtime;
      const language = await Language.load(await fsp.readFile(wasmPath(g.file, g.from)));
      const parser = new Parser();
      parser.setLanguage(language);
      loaded.set(id, { language, parser });
    });
  }
  return chain.then(() => runtime);
}

/** Whether a language is parsed with a tree-sitter grammar (once it is loaded). */
export function hasGrammar(languageId: string): boolean {
  return languageId in GRAMMARS;
}

/** The loaded grammar of a language, to compile queries against; undefined before prepareTreeSitter(). */
export function grammarOf(languageId: string): Language | undefined {
  return loaded.get(languageId)?.language;
}

/**
 * Parses a text with its language's grammar; undefined when the language has none or the grammars are not
 * loaded (callers fall back to a lexical analysis). The caller deletes the tree (`tree.delete()`).
 */
export function parse(languageId: string, text: string): Tree | undefined {
  return loaded.get(languageId)?.parser.parse(text) ?? undefined;
}
