// Layer 3: the in-host mocha suite (suite/) with the real `vscode` API, loaded through the smoke-test driver's
// payload (extensionDevelopmentPath + extensionTestsPath) since code-server has no such flags.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';
import { makeProfile, repo, startCodeServer } from './codeServer.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const SUITE_MS = 240_000;

/** Runs the suite; returns its totals ({passes, failures, pending}) and prints a closing line. */
export async function runInHost() {
  const profile = makeProfile();
  const resultFile = path.join(profile.tmp, 'result.json');
  const cs = await startCodeServer(profile, { HDGUARD_E2E_RESULT: resultFile });
  let exitCode = 1;
  try {
    const page = await cs.openPage();
    const payload = [
      ['extensionDevelopmentPath', cs.remote(repo)],
      ['extensionTestsPath', cs.remote(path.join(here, 'suite', 'index.js'))],
    ];
    const finished = new Promise((resolve) => page.exposeFunction('codeAutomationExit', (code) => resolve(code)));
    page.on('console', (msg) => {
      const args = msg.args().map((a) => a.toString().replace(/^JSHandle@/, ''));
      // Extension-host lines arrive as ('%c INFO', 'color…', format, ...values): drop the styling, apply the format.
      const text = args[0]?.startsWith('%c') ? format(...args.slice(2)) : msg.text();
      // The workbench's own errors (language detection in the browser, update checks) carry its URLs: not ours.
      if (text.includes(`http://127.0.0.1:${cs.port}/`)) return;
      if (/^\s*(✔|✓|\d+\) )|passing|failing|pending|Error|Health Data Guard/.test(text)) console.log(`  ${text}`);
    });
    await page.goto(cs.url(`&payload=${encodeURIComponent(JSON.stringify(payload))}`));
    exitCode = await Promise.race([finished, new Promise((r) => setTimeout(() => r('timeout'), SUITE_MS))]);
    if (exitCode === 'timeout') console.error(`e2e: the in-host suite did not finish within ${SUITE_MS / 1000} s`);
  } catch (e) {
    console.error(`e2e: ${e.stack ?? e}`);
  } finally {
    await cs.stop();
  }
  let totals;
  try {
    totals = JSON.parse(fs.readFileSync(resultFile, 'utf8'));
  } catch {}
  if (!totals || exitCode !== 0) {
    if (exitCode !== 0) console.error(cs.log().split('\n').slice(-30).join('\n'));
    totals = { passes: totals?.passes ?? 0, failures: Math.max(totals?.failures ?? 0, 1), pending: totals?.pending ?? 0 };
  }
  console.log(`e2e: ${totals.passes} passed, ${totals.failures} failed, ${totals.pending} skipped`);
  return totals;
}
