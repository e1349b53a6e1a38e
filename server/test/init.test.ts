import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { loadConfig } from '../src/engine';
import { CLI, runCli, tempDir } from './helpers';
import { git, initRepo, write } from './gitRepo';
import { CLEARTEXT, treeFactory } from './trees';

const FILES = ['.hdguard.yaml', '.hdguardignore', '.githooks/pre-commit', '.github/workflows/hdguard.yml'];

describe('hdguard init', () => {
  const trees = treeFactory();
  after(trees.cleanup);

  it('writes a commented configuration, an ignore file, a pre-commit hook and a workflow', () => {
    const dir = trees.make({});
    const r = runCli(['init'], dir);
    assert.equal(r.status, 0, r.stderr);
    for (const f of FILES) assert.match(r.stdout, new RegExp(`^${f.replace(/\./g, '\\.')} +created$`, 'm'));
    const config = fs.readFileSync(path.join(dir, '.hdguard.yaml'), 'utf8');
    assert.match(config, /^# /m);
    assert.deepEqual(loadConfig(dir).exclude, [], 'the configuration is valid');
    assert.ok(fs.statSync(path.join(dir, '.githooks/pre-commit')).mode & 0o100, 'the hook is executable');
    const workflow = parseYaml(fs.readFileSync(path.join(dir, '.github/workflows/hdguard.yml'), 'utf8'));
    const steps = workflow.jobs.scan.steps as Array<{ uses?: string; run?: string; with?: Record<string, string> }>;
    assert.ok(steps.some((s) => s.run?.includes('hdguard scan . --format sarif --output hdguard.sarif')));
    const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif'));
    assert.equal(upload?.with?.sarif_file, 'hdguard.sarif');
    assert.equal(workflow.permissions['security-events'], 'write');
  });

  it('is idempotent, and keeps an existing file unless --force', () => {
    const dir = trees.make({ '.hdguard.yaml': 'maxFileSize: 4MB\n' });
    runCli(['init'], dir);
    const before = FILES.map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
    const again = runCli(['init'], dir);
    assert.equal(again.status, 0);
    assert.match(again.stdout, /^\.hdguard\.yaml +kept \(it exists; --force overwrites it\)$/m);
    assert.match(again.stdout, /^\.hdguardignore +unchanged$/m);
    assert.deepEqual(FILES.map((f) => fs.readFileSync(path.join(dir, f), 'utf8')), before);
    assert.equal(before[0], 'maxFileSize: 4MB\n');
    const forced = runCli(['init', '--force'], dir);
    assert.match(forced.stdout, /^\.hdguard\.yaml +overwritten$/m);
    assert.match(fs.readFileSync(path.join(dir, '.hdguard.yaml'), 'utf8'), /^# /);
  });

  it('the pre-commit hook refuses a commit that adds a finding, and lets a clean one through', () => {
    const repo = initRepo(trees.make({ 'README.md': '# app\n' }));
    runCli(['init'], repo);
    git(repo, 'config', 'core.hooksPath', '.githooks');
    // The hook runs `hdguard` from PATH: a shim for the built CLI.
    const bin = tempDir();
    fs.writeFileSync(path.join(bin, 'hdguard'), `#!/bin/sh\nexec "${process.execPath}" "${CLI}" "$@"\n`, { mode: 0o755 });
    const env = { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH}`, NO_COLOR: '1' };
    const commit = (message: string) => spawnSync('git', ['commit', '-q', '-m', message], { cwd: repo, env, encoding: 'utf8' });

    git(repo, 'add', '-A');
    const clean = commit('hdguard setup');
    assert.equal(clean.status, 0, clean.stdout + clean.stderr);

    write(repo, 'src/api.js', CLEARTEXT());
    git(repo, 'add', '-A');
    const refused = commit('cleartext');
    assert.notEqual(refused.status, 0, 'the commit went through');
    // git shows a hook's output on its standard error.
    assert.match(refused.stdout + refused.stderr, /src\/api\.js:1:8 +warning/);
    fs.rmSync(bin, { recursive: true, force: true });
  });

  it('a folder that does not exist is an error', () => {
    const r = runCli(['init', 'no/such/dir'], trees.make({}));
    assert.equal(r.status, 2);
    assert.match(r.stderr, /no such folder: no\/such\/dir/);
  });
});
