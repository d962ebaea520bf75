/**
 * The renderer test harness: a page that imports the built renderer (dist/media/index.js), renders each
 * fixture's custom MIME item into its own output element (like VS Code's output iframe) with VS Code-like
 * theme variables, plus a page showing the bare text/html fallback (like nbconvert), and the local server and
 * headless Chromium that serve them to the browser tests.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, ensureChromium } from '../helpers/chromium';

export const THEMES = {
  light: {
    '--vscode-editor-background': '#ffffff',
    '--vscode-editor-foreground': '#3b3b3b',
    '--vscode-foreground': '#3b3b3b',
    '--vscode-font-family': 'system-ui, "DejaVu Sans", sans-serif',
    '--vscode-font-size': '13px',
    '--vscode-editor-font-family': '"DejaVu Sans Mono", monospace',
    '--vscode-testing-iconPassed': '#388a34',
    '--vscode-testing-iconFailed': '#e51400',
    '--vscode-editorWarning-foreground': '#bf8803',
    '--vscode-charts-blue': '#1a85ff',
    '--vscode-editorWidget-border': '#c8c8c8',
    '--vscode-editor-inactiveSelectionBackground': '#e5ebf1',
    '--vscode-errorForeground': '#a1260d',
  },
  dark: {
    '--vscode-editor-background': '#1f1f1f',
    '--vscode-editor-foreground': '#cccccc',
    '--vscode-foreground': '#cccccc',
    '--vscode-font-family': 'system-ui, "DejaVu Sans", sans-serif',
    '--vscode-font-size': '13px',
    '--vscode-editor-font-family': '"DejaVu Sans Mono", monospace',
    '--vscode-testing-iconPassed': '#73c991',
    '--vscode-testing-iconFailed': '#f14c4c',
    '--vscode-editorWarning-foreground': '#cca700',
    '--vscode-charts-blue': '#3794ff',
    '--vscode-editorWidget-border': '#454545',
    '--vscode-editor-inactiveSelectionBackground': '#3a3d41',
    '--vscode-errorForeground': '#f48771',
  },
} as const;

export type Theme = keyof typeof THEMES;

function vars(theme: Theme): string {
  return Object.entries(THEMES[theme])
    .map(([k, v]) => `${k}:${v}`)
    .join(';');
}

/** The renderer page: every fixture rendered by the built renderer. */
export function rendererPage(theme: Theme): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>fairdiv renderer (${theme})</title>
<style>
body{${vars(theme)};background:var(--vscode-editor-background);color:var(--vscode-foreground);font-family:var(--vscode-font-family);margin:0;padding:12px 16px;width:980px}
section.cell{padding:10px 12px 12px;margin:0 0 14px;border-left:3px solid rgba(128,128,128,.25)}
section.cell>h2{font:600 11px/1.2 var(--vscode-editor-font-family);opacity:.55;margin:0 0 6px}
</style></head><body>
<script type="module">
import { activate } from '/dist/media/index.js';
const api = activate({ workspace: { isTrusted: true } });
const fixtures = await (await fetch('/fixtures.json')).json();
const jobs = [];
for (const f of fixtures) {
  const cell = document.createElement('section');
  cell.className = 'cell';
  cell.id = 'cell-' + f.name;
  const h = document.createElement('h2');
  h.textContent = f.mime;
  const out = document.createElement('div');
  out.className = 'output';
  cell.append(h, out);
  document.body.append(cell);
  const text = JSON.stringify(f.json);
  jobs.push(Promise.resolve(api.renderOutputItem({ id: f.name, mime: f.mime, metadata: {}, json: () => JSON.parse(text), text: () => text, data: () => new TextEncoder().encode(text) }, out, new AbortController().signal)));
}
await Promise.all(jobs);
window.__rendered = true;
</script></body></html>`;
}

/** The fallback page: the bare text/html items, as nbconvert / GitHub would show them (no VS Code variables). */
export function fallbackPage(theme: Theme, items: { name: string; html: string }[]): string {
  const [bg, fg] = theme === 'light' ? ['#ffffff', '#1f2328'] : ['#0d1117', '#e6edf3'];
  return `<!doctype html><html><head><meta charset="utf-8"><title>fairdiv html fallback (${theme})</title>
<style>body{background:${bg};color:${fg};font-family:system-ui,"DejaVu Sans",sans-serif;margin:0;padding:12px 16px;width:980px}section{margin:0 0 16px}</style></head><body>
${items.map((i) => `<section class="cell" id="cell-${i.name}">${i.html}</section>`).join('\n')}
</body></html>`;
}

/** The renderer page and the fallback page of `fallbackItems`, each in the theme `?theme=` names (light when absent). */
export function themedPages(
  fallbackItems: { name: string; html: string }[],
): Record<string, (query: URLSearchParams) => string> {
  const theme = (q: URLSearchParams) => (q.get('theme') as Theme | null) ?? 'light';
  return {
    '/renderer.html': (q) => rendererPage(theme(q)),
    '/fallback.html': (q) => fallbackPage(theme(q), fallbackItems),
  };
}

const ROOT = resolve(__dirname, '..', '..');
/** Where the browser tests write their screenshots (git-ignored). */
export const ARTIFACTS = join(ROOT, 'test/artifacts');
const TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.html': 'text/html; charset=utf-8',
  '.map': 'application/json',
};

/** A headless Chromium on a local server of the harness pages (see startRendererBrowser). */
export interface RendererBrowser {
  readonly base: string;
  readonly context: BrowserContext;
  /** Every request the pages made beyond the local server (data: and about: aside). */
  readonly offHost: string[];
  /** Opens `path` in a new page, collecting page errors and console errors. */
  open(path: string): Promise<{ page: Page; errors: string[] }>;
  close(): Promise<void>;
}

/**
 * Builds the renderer (scripts/build-media.mjs), serves `pages` (each a path such as `/renderer.html` mapped to
 * its HTML, given the query), `fixtures` as /fixtures.json and the built dist/media/, and launches Debian's
 * Chromium headless on it with a fresh profile.
 */
export async function startRendererBrowser(opts: {
  pages: Readonly<Record<string, (query: URLSearchParams) => string>>;
  fixtures: unknown;
  viewport?: { width: number; height: number };
}): Promise<RendererBrowser> {
  ensureChromium();
  execFileSync(process.execPath, [join(ROOT, 'scripts/build-media.mjs')], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  mkdirSync(ARTIFACTS, { recursive: true });
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const send = (code: number, type: string, body: string | Buffer) => {
      res.writeHead(code, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(body);
    };
    const page = Object.hasOwn(opts.pages, url.pathname) ? opts.pages[url.pathname] : undefined;
    if (page) return send(200, TYPES['.html'], page(url.searchParams));
    if (url.pathname === '/favicon.ico') return send(204, 'image/x-icon', '');
    if (url.pathname === '/fixtures.json') return send(200, TYPES['.json'], JSON.stringify(opts.fixtures));
    if (url.pathname.startsWith('/dist/media/')) {
      const file = normalize(join(ROOT, url.pathname));
      if (file.startsWith(join(ROOT, 'dist/media')) && existsSync(file))
        return send(200, TYPES[extname(file)] ?? 'application/octet-stream', readFileSync(file));
    }
    send(404, 'text/plain', 'not found');
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const userDataDir = mkdtempSync(join(tmpdir(), 'fairdiv-chromium-'));
  const offHost: string[] = [];
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      ...(opts.viewport ? { viewport: opts.viewport } : {}),
    });
  } catch (e) {
    await new Promise<void>((ok) => server.close(() => ok()));
    rmSync(userDataDir, { recursive: true, force: true });
    throw e;
  }
  context.on('request', (r) => {
    if (!r.url().startsWith(base) && !r.url().startsWith('data:') && !r.url().startsWith('about:'))
      offHost.push(r.url());
  });
  return {
    base,
    context,
    offHost,
    async open(path) {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text()));
      await page.goto(base + path);
      return { page, errors };
    },
    async close() {
      await context.close();
      await new Promise<void>((ok) => server.close(() => ok()));
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
