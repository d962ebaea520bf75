/**
 * code-server lifecycle for the real-editor e2e test (issue 8).
 *
 *   ensureCodeServer()  runs scripts/e2e/install-code-server.sh (idempotent) and returns the launcher path;
 *   packageVsix()       `npm run package` and returns the newest fairdiv-*.vsix (or $FAIRDIV_E2E_VSIX);
 *   startCodeServer()   fresh user-data + extensions folders under .e2e/run, no-telemetry settings,
 *                       installs the .vsix, starts code-server on 127.0.0.1:<free port> in its own
 *                       process group and waits until it answers; `stop()` kills the whole group.
 *
 * Everything lives in the git-ignored .e2e/ folder. Used by test/e2e/code-server.e2e.ts; also runnable as
 * `node -r ./scripts/register.cjs scripts/e2e/run.ts [workspace]` to start an editor by hand (Ctrl+C stops it).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import * as http from 'node:http';

export const ROOT = path.resolve(__dirname, '..', '..');
export const E2E_DIR = path.join(ROOT, '.e2e');
export const RUN_DIR = path.join(E2E_DIR, 'run');

/** Settings that keep code-server and the extension host from any outbound look-up (spec §6.4). */
export const QUIET_SETTINGS: Record<string, unknown> = {
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'workbench.enableExperiments': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'security.workspace.trust.enabled': false,
  'npm.fetchOnlinePackageInfo': false,
  'typescript.surveys.enabled': false,
  'typescript.disableAutomaticTypeAcquisition': true,
  'git.enabled': false,
  'git.autofetch': false,
  'chat.disableAIFeatures': true,
  'notebook.confirmDeleteRunningCell': false,
  'files.hotExit': 'off',
  'window.confirmBeforeClose': 'never',
};

function log(msg: string): void {
  process.stderr.write(`e2e: ${msg}\n`);
}

/** Installs code-server when missing (apt-get + npm + node-gyp, ~5 min) and returns the launcher. */
export function ensureCodeServer(): string {
  const t0 = Date.now();
  const r = spawnSync('bash', [path.join(ROOT, 'scripts/e2e/install-code-server.sh')], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    timeout: 30 * 60_000,
  });
  if (r.status !== 0) {
    throw new Error(`install-code-server.sh failed (status ${r.status}, signal ${r.signal}); see its output above`);
  }
  const cs = r.stdout.trim().split('\n').pop() ?? '';
  if (!fs.existsSync(cs)) throw new Error(`install-code-server.sh printed no launcher (got ${JSON.stringify(cs)})`);
  log(`code-server ready (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  return cs;
}

/** Packages the extension (`npm run package`) unless $FAIRDIV_E2E_VSIX names one; returns the .vsix path. */
export function packageVsix(): string {
  const given = process.env.FAIRDIV_E2E_VSIX;
  if (given) {
    if (!fs.existsSync(given)) throw new Error(`FAIRDIV_E2E_VSIX=${given} does not exist`);
    return path.resolve(given);
  }
  const t0 = Date.now();
  // `npm run package` (scripts/package-vsix.mjs); the script directly while package.json lacks the entry.
  const scripts = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts ?? {};
  const direct = !scripts.package && fs.existsSync(path.join(ROOT, 'scripts/package-vsix.mjs'));
  const [cmd, argv] = direct
    ? [process.execPath, [path.join(ROOT, 'scripts/package-vsix.mjs')]]
    : ['npm', ['run', 'package', '--silent']];
  const r = spawnSync(cmd, argv, {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    timeout: 10 * 60_000,
  });
  if (r.status !== 0) {
    process.stderr.write(r.stdout + r.stderr);
    throw new Error(`${direct ? 'scripts/package-vsix.mjs' : 'npm run package'} failed (status ${r.status})`);
  }
  // The newest .vsix in the repo root or dist/ (vsce writes <name>-<version>.vsix to the cwd by default).
  const candidates: { file: string; mtime: number }[] = [];
  for (const dir of [ROOT, path.join(ROOT, 'dist')]) {
    if (!fs.existsSync(dir)) continue;
    for (const f of fs.readdirSync(dir)) {
      if (f.endsWith('.vsix')) {
        const file = path.join(dir, f);
        candidates.push({ file, mtime: fs.statSync(file).mtimeMs });
      }
    }
  }
  candidates.sort((a, b) => b.mtime - a.mtime);
  const vsix = candidates[0]?.file;
  if (!vsix || candidates[0].mtime < t0 - 1000) {
    process.stderr.write(r.stdout + r.stderr);
    throw new Error('npm run package produced no new .vsix in the repo root or dist/');
  }
  log(`packaged ${path.relative(ROOT, vsix)} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  return vsix;
}

/** The extension id `<publisher>.<name>` inside a .vsix (read from its package.json with unzip). */
export function vsixExtensionId(vsix: string): string | null {
  const r = spawnSync('unzip', ['-p', vsix, 'extension/package.json'], { encoding: 'utf8' });
  if (r.status !== 0) return null;
  try {
    const pj = JSON.parse(r.stdout);
    return `${pj.publisher}.${pj.name}`.toLowerCase();
  } catch {
    return null;
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const a = srv.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function httpOk(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.get(url, (res) => {
      res.resume();
      resolve((res.statusCode ?? 500) < 500);
    });
    req.on('error', () => resolve(false));
    req.setTimeout(2000, () => {
      req.destroy();
      resolve(false);
    });
  });
}

export interface CodeServer {
  url: string;
  port: number;
  workspace: string;
  userDataDir: string;
  extensionsDir: string;
  logFile: string;
  child: ChildProcess;
  /** Kills code-server's whole process group (extension host, kernels, ptys); idempotent. */
  stop(): Promise<void>;
}

const live = new Set<ChildProcess>();

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    /* group already gone */
  }
}

// Last-resort cleanup if the test process dies without running `after` (uncaught error, Ctrl+C, kill).
process.on('exit', () => {
  for (const c of live) killGroup(c, 'SIGKILL');
});
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(sig, () => {
    for (const c of live) killGroup(c, 'SIGKILL');
    process.exit(130);
  });
}

export interface StartOptions {
  launcher: string;
  vsix: string;
  /** Folder opened in the editor (created if missing). */
  workspace: string;
  settings?: Record<string, unknown>;
}

export async function startCodeServer(opts: StartOptions): Promise<CodeServer> {
  fs.rmSync(RUN_DIR, { recursive: true, force: true });
  const userDataDir = path.join(RUN_DIR, 'user-data');
  const extensionsDir = path.join(RUN_DIR, 'extensions');
  const logFile = path.join(RUN_DIR, 'code-server.log');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.mkdirSync(opts.workspace, { recursive: true });
  fs.writeFileSync(
    path.join(userDataDir, 'User', 'settings.json'),
    JSON.stringify({ ...QUIET_SETTINGS, ...(opts.settings ?? {}) }, null, 2),
  );
  // --config keeps code-server from creating ~/.config/code-server/config.yaml in the user's home.
  const configFile = path.join(RUN_DIR, 'config.yaml');
  fs.writeFileSync(configFile, 'auth: none\ncert: false\n');
  const common = ['--config', configFile, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];
  const env = { ...process.env, CS_DISABLE_FILE_DOWNLOADS: '1', VSCODE_PROXY_URI: '' };
  delete (env as Record<string, string | undefined>).VSCODE_IPC_HOOK_CLI; // never talk to an outer editor

  const t0 = Date.now();
  const inst = spawnSync(opts.launcher, [...common, '--install-extension', opts.vsix, '--force'], {
    encoding: 'utf8',
    env,
    timeout: 180_000,
  });
  const instOut = `${inst.stdout ?? ''}${inst.stderr ?? ''}`;
  if (inst.status !== 0 || !/successfully installed/i.test(instOut)) {
    throw new Error(`installing ${opts.vsix} into code-server failed (status ${inst.status}):\n${instOut}`);
  }
  log(`installed ${path.basename(opts.vsix)} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);

  const port = await freePort();
  const out = fs.openSync(logFile, 'a');
  const child = spawn(
    opts.launcher,
    [
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--disable-file-downloads',
      '--ignore-last-opened',
      '--disable-proxy',
      ...common,
      opts.workspace,
    ],
    { detached: true, stdio: ['ignore', out, out], env },
  );
  fs.closeSync(out);
  live.add(child);
  let exited: string | null = null;
  child.on('exit', (code, sig) => {
    exited = `code ${code} signal ${sig}`;
    live.delete(child);
  });

  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    if (exited === null) {
      killGroup(child, 'SIGTERM');
      const deadline = Date.now() + 5000;
      while (exited === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    }
    // Children that left the group-leader behind (extension host, kernel processes) die with the group.
    killGroup(child, 'SIGKILL');
    live.delete(child);
    log(`code-server stopped (${exited ?? 'killed'})`);
  };

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (!(await httpOk(`${url}/healthz`))) {
    if (exited !== null) {
      await stop();
      throw new Error(`code-server exited during start-up (${exited}); log:\n${fs.readFileSync(logFile, 'utf8')}`);
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not answer on ${url} within 60 s; log:\n${fs.readFileSync(logFile, 'utf8')}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  log(`code-server on ${url} (pid ${child.pid}, log ${path.relative(ROOT, logFile)})`);
  return { url, port, workspace: opts.workspace, userDataDir, extensionsDir, logFile, child, stop };
}

// CLI: start an editor on a workspace for manual inspection.
if (require.main === module) {
  (async () => {
    const launcher = ensureCodeServer();
    const vsix = packageVsix();
    const ws = path.resolve(process.argv[2] ?? path.join(E2E_DIR, 'workspace'));
    const cs = await startCodeServer({ launcher, vsix, workspace: ws });
    log(`open ${cs.url}/?folder=${encodeURIComponent(ws)} ; Ctrl+C stops`);
    await new Promise<void>((resolve) => cs.child.on('exit', () => resolve()));
  })().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
