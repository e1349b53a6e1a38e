import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { SourceDocument, RuleSet, analyzeDocument, type Example, type Finding, type LoadedRule } from '../src/engine';
import { sampleFileName } from '../src/engine/languages';
import { applyEdits, planEdits } from '../src/cli/edits';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const CLI = path.join(REPO_ROOT, 'server', 'dist', 'cli.js');
export const FIXTURES = path.join(REPO_ROOT, 'test-fixtures');

/** Analyses a rule example (or any snippet) as the file it names or as a file of its language. */
export function analyzeExample(example: Example, rules: LoadedRule[]): Finding[] {
  const file = example.file ?? sampleFileName(example.language!);
  const doc = new SourceDocument(file, example.code, example.file ? undefined : example.language);
  return analyzeDocument(doc, new RuleSet(rules));
}

export function analyzeSnippet(file: string, code: string, rules: LoadedRule[]): Finding[] {
  return analyzeDocument(new SourceDocument(file, code), new RuleSet(rules));
}

/** Applies findings' fixes the way `hdguard fix` does (overlapping fixes after the first are left out). */
export function applyFixes(text: string, findings: Finding[]): string {
  return applyEdits(text, planEdits(text, findings.map((f) => f.fix?.edits ?? [])).edits);
}

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI as a user would, in a given folder. */
export function runCli(args: string[], cwd = REPO_ROOT): CliRun {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export function tempDir(prefix = 'hdguard-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Writes a tree of files ({ 'a/b.js': 'text' }) under a new temporary folder and returns it. */
export function writeTree(files: Record<string, string | Buffer>): string {
  const dir = tempDir();
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(dir, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, content);
  }
  return dir;
}
