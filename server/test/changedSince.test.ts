import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli } from './helpers';
import { commitAll, git, initRepo, write } from './gitRepo';
import { CLEARTEXT, treeFactory } from './trees';

const filesOf = (stdout: string) => [...new Set((JSON.parse(stdout).findings as Array<{ file: string }>).map((f) => f.file))].sort();

describe('scan --changed-since: only the files changed since a commit', () => {
  const trees = treeFactory();
  after(trees.cleanup);

  let repo: string;
  before(() => {
    repo = initRepo(trees.make({
      'old/unchanged.js': CLEARTEXT(),
      'old/edited.js': CLEARTEXT(),
      'old/deleted.js': CLEARTEXT(),
      'old/committed-later.js': 'const a = 1;\n',
      '.gitignore': 'ignored/\n',
    }));
    git(repo, 'tag', 'base');
    write(repo, 'old/committed-later.js', CLEARTEXT());
    commitAll(repo, 'later');
    write(repo, 'old/edited.js', `// edited\n${CLEARTEXT()}`);
    fs.rmSync(path.join(repo, 'old/deleted.js'));
    write(repo, 'new/staged.js', CLEARTEXT());
    git(repo, 'add', 'new/staged.js');
    write(repo, 'new/untracked.js', CLEARTEXT());
    write(repo, 'ignored/build.js', CLEARTEXT());
  });

  it('committed since the ref, edited, staged and untracked files; not unchanged, deleted or ignored ones', () => {
    const r = runCli(['scan', '--changed-since', 'base', '-f', 'json'], repo);
    assert.equal(r.status, 1, r.stderr);
    assert.deepEqual(filesOf(r.stdout), ['new/staged.js', 'new/untracked.js', 'old/committed-later.js', 'old/edited.js']);
  });

  it('HEAD: only what the working tree changes', () => {
    const r = runCli(['scan', '--changed-since', 'HEAD', '-f', 'json'], repo);
    assert.deepEqual(filesOf(r.stdout), ['new/staged.js', 'new/untracked.js', 'old/edited.js']);
  });

  it('combines with the paths given and --exclude; paths stay relative to the scanned folder', () => {
    const r = runCli(['scan', 'new', '--changed-since', 'base', '-f', 'json', '--exclude', 'untracked.js'], repo);
    assert.deepEqual(filesOf(r.stdout), ['staged.js']);
  });

  it('nothing changed: exit 0 and no finding', () => {
    const clean = initRepo(trees.make({ 'api.js': CLEARTEXT() }));
    const r = runCli(['scan', '--changed-since', 'HEAD', '-f', 'json'], clean);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(filesOf(r.stdout), []);
  });

  it('a ref that is not a commit, or a folder outside git, is an error: exit 2, one line', () => {
    for (const [dir, ref, message] of [
      [repo, 'no-such-branch', /--changed-since: 'no-such-branch' is not a commit in this repository/],
      [repo, '--output=x', /is not a commit/],
      [trees.make({ 'api.js': CLEARTEXT() }), 'HEAD', /--changed-since: .* is not in a git repository/],
    ] as const) {
      const r = runCli(['scan', `--changed-since=${ref}`], dir);
      assert.equal(r.status, 2, r.stdout);
      assert.match(r.stderr, message);
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    }
  });
});
