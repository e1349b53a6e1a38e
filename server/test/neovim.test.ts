import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT, writeTree } from './helpers';

function hasNeovim(): boolean {
  return spawnSync('nvim', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** Neovim's built-in LSP client as a second, independent editor (scripts/e2e-setup.sh installs Debian's neovim). */
describe('Neovim (headless, built-in LSP client)', function () {
  this.timeout(60_000);

  before(function () {
    if (!hasNeovim()) {
      if (process.env.CI) throw new Error('nvim not found: run scripts/e2e-setup.sh');
      this.skip();
    }
  });

  it('shows the diagnostic and applies the quick fix', () => {
    const root = writeTree({ 'api.py': 'import requests\n\nr = requests.get("http://api.stmarys-clinic.org/fhir/Patient")\n' });
    const result = path.join(root, 'result.txt');
    const run = spawnSync('nvim', ['--headless', '--clean', '-u', path.join(REPO_ROOT, 'server', 'test', 'neovim', 'quickfix.lua')], {
      cwd: root,
      timeout: 50_000,
      encoding: 'utf8',
      env: {
        ...process.env,
        HDGUARD_SERVER: path.join(REPO_ROOT, 'server', 'dist', 'server.js'),
        HDGUARD_FILE: path.join(root, 'api.py'),
        HDGUARD_FIX: 'Use https://',
        HDGUARD_RESULT: result,
      },
    });
    const report = fs.existsSync(result) ? fs.readFileSync(result, 'utf8') : `(no result) ${run.stderr}`;
    assert.equal(run.status, 0, report);
    assert.match(report, /^diagnostic Health Data Guard transport\.cleartext-url line 2$/m);
    assert.match(report, /^ok r = requests\.get\("https:\/\/api\.stmarys-clinic\.org\/fhir\/Patient"\)$/m);
    assert.equal(fs.readFileSync(path.join(root, 'api.py'), 'utf8').includes('https'), false, 'the fix edits the buffer, not the file');
  });
});
