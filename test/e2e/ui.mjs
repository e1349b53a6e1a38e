// Layer 4: the extension as a user meets it. Installs dist/health-data-guard.vsix into a fresh code-server profile
// (proving code-server accepts the package), then drives the workbench with the keyboard and mouse: open a fixture,
// see the squiggle and the Problems entry, apply the quick fix with Ctrl+., run the audit from the command palette
// and see the report. Screenshots for the README go to docs/screenshots/ (1280x800); a failing step saves
// <tmp>/failure.png and prints what was on screen. Run alone with `node test/e2e/ui.mjs`.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeServerCli, ensureSetup, makeProfile, repo, sleep, startCodeServer } from './codeServer.mjs';

const VSIX = path.join(repo, 'dist', 'health-data-guard.vsix');
const SHOTS = path.join(repo, 'docs', 'screenshots');
// What goes into the .vsix (.vscodeignore): a package older than any of these is rebuilt.
const PACKAGED = ['package.json', 'README.md', 'client/dist/extension.js', 'server/dist/server.js', 'server/dist/cli.js', 'rules'];
const STEP_MS = 45_000;

const mtime = (p) => {
  const st = fs.statSync(p);
  return st.isDirectory() ? Math.max(st.mtimeMs, ...fs.readdirSync(p).map((f) => mtime(path.join(p, f)))) : st.mtimeMs;
};
const vsixIsFresh = () => fs.existsSync(VSIX) && PACKAGED.every((p) => !fs.existsSync(path.join(repo, p)) || mtime(path.join(repo, p)) <= mtime(VSIX));

/** Polls `check` (async, truthy when done) until `ms` elapse; throws `what` on timeout. */
async function until(what, check, ms = 20_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await check().catch(() => undefined);
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms / 1000} s waiting for ${what}`);
    await sleep(200);
  }
}

/** Keystrokes right after load can be swallowed: repeat `act` until `check` holds, a bounded number of times. */
async function retry(what, act, check, { tries = 5, each = 4_000 } = {}) {
  for (let i = 1; ; i++) {
    await act();
    try {
      return await until(what, check, each);
    } catch (e) {
      if (i >= tries) throw new Error(`${e.message} (${tries} tries)`);
    }
  }
}

const visible = (locator) => locator.first().isVisible();

export async function runUi() {
  const counts = { passes: 0, failures: 0, notRun: 0 };
  const started = Date.now();
  let cs;
  let page;
  let profile;
  const step = async (name, fn) => {
    if (counts.failures) return void counts.notRun++;
    const t0 = Date.now();
    try {
      await Promise.race([fn(), sleep(STEP_MS).then(() => Promise.reject(new Error(`step took longer than ${STEP_MS / 1000} s`)))]);
      counts.passes++;
      console.log(`  ✔ ${name} (${Date.now() - t0}ms)`);
    } catch (e) {
      counts.failures++;
      console.log(`  ✗ ${name}: ${e.message}`);
      if (page) {
        const shot = path.join(profile.tmp, 'failure.png');
        await page.screenshot({ path: shot, timeout: 10_000 }).then(() => console.log(`    screenshot: ${shot}`), () => {});
        const onScreen = await page.evaluate(() => document.body.innerText).catch(() => '');
        console.log(`    on screen:\n${onScreen.replace(/\n{2,}/g, '\n').slice(0, 2000).replace(/^/gm, '      | ')}`);
      }
    }
  };
  const shoot = (name) => page.screenshot({ path: path.join(SHOTS, name), timeout: 10_000 });

  console.log('  Health Data Guard as a user (code-server UI)');
  const fresh = vsixIsFresh();
  await step(fresh ? 'dist/health-data-guard.vsix is newer than the build (reused)' : 'npm run package builds the .vsix', async () => {
    if (fresh) return;
    execFileSync('npm', ['run', 'package', '--silent'], { cwd: repo, stdio: ['ignore', 'ignore', 'inherit'], timeout: 120_000 });
  });
  await step('code-server --install-extension accepts the .vsix', async () => {
    // Room for the picture: no empty chat side bar, no minimap over the code.
    profile = makeProfile({ 'workbench.secondarySideBar.defaultVisibility': 'hidden', 'editor.minimap.enabled': false });
    const out = codeServerCli(profile, ['--install-extension', VSIX, '--force']);
    if (!/successfully installed/i.test(out)) throw new Error(`unexpected output: ${out}`);
  });
  await step('the workbench opens the fixture folder', async () => {
    cs = await startCodeServer(profile);
    page = await cs.openPage({ width: 1280, height: 800 });
    await page.goto(cs.url(), { timeout: 30_000 });
    await until('the Explorer to list api.py', () => visible(page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'api.py' })), 30_000);
    fs.mkdirSync(SHOTS, { recursive: true });
  });
  const squiggle = () => page.locator('.monaco-editor .squiggly-warning, .monaco-editor .squiggly-error');
  await step('Ctrl+P opens api.py and the squiggle appears', async () => {
    const input = page.locator('.quick-input-widget input');
    await retry('the quick open box', () => page.keyboard.press('Control+P'), () => visible(input));
    await input.fill('api.py');
    await until('api.py in quick open', () => visible(page.locator('.quick-input-list .monaco-list-row', { hasText: 'api.py' })));
    await page.keyboard.press('Enter');
    await until('a squiggle in the editor', () => visible(squiggle()), 30_000);
  });
  await step('the Problems panel lists the finding', async () => {
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'transport.cleartext-url' });
    await retry('the Problems row', () => page.keyboard.press('Control+Shift+M'), () => visible(row));
    await sleep(300); // let the panel finish its layout before the picture
    await shoot('diagnostics.png');
  });
  await step('Ctrl+. offers "Use https://" and applies it', async () => {
    const box = await squiggle().first().boundingBox();
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    // Retry only until the menu shows (Ctrl+. on an open menu applies its focused entry), then look for the fix.
    await retry('the quick fix menu', () => page.keyboard.press('Control+.'), () => visible(page.locator('.action-widget .monaco-list-row')));
    const fix = page.locator('.action-widget .monaco-list-row', { hasText: 'Use https://' });
    await until('"Use https://" in the quick fix menu', () => visible(fix), 5_000);
    await shoot('quick-fix.png');
    await fix.first().click();
    await until('the squiggle to go away', async () => !(await squiggle().count()));
    const line = await page.locator('.monaco-editor .view-lines').first().innerText();
    if (!line.includes('https://api.stmarys-clinic.org')) throw new Error(`the editor does not show the fixed URL:\n${line}`);
    // Saved, so the audit (which reads files from disk) sees the fix too.
    const saved = () => fs.readFileSync(path.join(profile.workspace, 'api.py'), 'utf8').includes('"https://api.stmarys-clinic.org');
    await retry('api.py to be saved with the fix', () => page.keyboard.press('Control+S'), async () => saved());
  });
  await step('the command palette runs "Audit Workspace" and the report opens', async () => {
    const input = page.locator('.quick-input-widget input');
    await retry('the command palette', () => page.keyboard.press('Control+Shift+P'), () => visible(input));
    await input.fill('>Audit Workspace');
    const command = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Health Data Guard: Audit Workspace' });
    await until('the Audit Workspace command', () => visible(command));
    await command.first().click();
    await until('the report tab', () => visible(page.locator('.tabs-container .tab', { hasText: 'Health Data Guard Report' })), 30_000);
    // The report lives in nested webview iframes: wait for its content before the picture.
    await until('the report content', async () => {
      for (const frame of page.frames()) if (/Health Data Guard audit/.test(await frame.content().catch(() => ''))) return true;
    }, 15_000);
    await until('the audit findings in the Problems panel', () =>
      visible(page.locator('.markers-panel .monaco-list-row', { hasText: 'upload.js' })), 10_000);
    await page.mouse.move(1270, 400); // no tooltip from the clicked palette row in the picture
    await sleep(500);
    await shoot('audit-report.png');
  });

  await cs?.stop();
  console.log(`ui: ${counts.passes} passed, ${counts.failures} failed${counts.notRun ? `, ${counts.notRun} not run` : ''} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (counts.failures && cs) console.error(cs.log().split('\n').slice(-20).join('\n'));
  return counts;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  ensureSetup();
  const { failures } = await runUi();
  process.exit(failures ? 1 : 0);
}
