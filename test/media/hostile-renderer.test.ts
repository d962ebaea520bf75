/**
 * Crafted payloads in the notebook renderer (dist/media/index.js) and in the text/html fallback, in headless
 * Chromium: every display kind with one node replaced by live markup (test/helpers/hostile-payloads.ts) must
 * render without a dialog or any script running (issue 16). A control item with raw markup shows the page
 * would notice.
 */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { mimeOf } from '../../src/display';
import { payloadHtml } from '../../src/display/html';
import type { Payload } from '../../src/display/payload';
import { displayFixtures, hostilePayloads } from '../display/fixtures';
import { CHROMIUM, CHROMIUM_ARGS, ensureChromium } from '../helpers/chromium';
import { LIVE_MARKUP, leafVariants } from '../helpers/hostile-payloads';
import { fallbackPage, rendererPage } from './harness';

const ROOT = resolve(__dirname, '..', '..');
const TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.html': 'text/html; charset=utf-8',
};

describe('crafted payloads in the renderer and the HTML fallback, in Chromium (issue 16)', function () {
  this.timeout(300_000);
  const base: { name: string; payload: Payload }[] = [
    ...displayFixtures().fixtures.flatMap((f) =>
      Object.entries(f.bundle.data)
        .filter(([mime]) => mime.startsWith('application/vnd.fairdiv.'))
        .map(([, payload]) => ({ name: f.name, payload: payload as Payload })),
    ),
    ...hostilePayloads(),
  ];
  // an even sample of each payload's nodes (all of them are checked without a browser in
  // test/display/hostile-leaves.test.ts); charts load Plotly per output, so fewer of those keep the page light
  const sample = <T>(xs: T[], k: number) => xs.filter((_, i) => i % Math.max(1, Math.ceil(xs.length / k)) === 0);
  const variants = base.flatMap(({ name, payload }) =>
    LIVE_MARKUP.slice(1, 3).flatMap((attack, a) =>
      sample(
        leafVariants(payload, attack),
        payload.kind === 'mms-histogram' || payload.kind === 'simulation' ? 3 : 15,
      ).map((json, k) => ({
        name: `${name}-${a}-${k}`,
        mime: mimeOf(payload.kind),
        json,
      })),
    ),
  );
  let server: Server;
  let url = '';
  let context: BrowserContext;
  let userDataDir = '';
  let items: { name: string; html: string }[] = [];

  before(async () => {
    ensureChromium();
    execFileSync(process.execPath, [join(ROOT, 'scripts/build-media.mjs')], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    items = variants.flatMap((v) => {
      try {
        return [{ name: v.name, html: payloadHtml(v.json as Payload) }];
      } catch {
        return []; // refused by the builder: the renderer shows its error box for these
      }
    });
    server = createServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
      const send = (code: number, type: string, body: string | Buffer) => {
        res.writeHead(code, { 'content-type': type, 'cache-control': 'no-store' });
        res.end(body);
      };
      if (path === '/renderer.html') return send(200, TYPES['.html'], rendererPage('dark'));
      if (path === '/fallback.html') return send(200, TYPES['.html'], fallbackPage('light', items));
      if (path === '/control.html')
        return send(200, TYPES['.html'], fallbackPage('light', [{ name: 'control', html: LIVE_MARKUP[0] }]));
      if (path === '/fixtures.json') return send(200, TYPES['.json'], JSON.stringify(variants));
      if (path.startsWith('/dist/media/')) {
        const file = normalize(join(ROOT, path));
        if (file.startsWith(join(ROOT, 'dist/media')) && existsSync(file))
          return send(200, TYPES[extname(file)] ?? 'application/octet-stream', readFileSync(file));
      }
      send(404, 'text/plain', 'not found');
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    userDataDir = mkdtempSync(join(tmpdir(), 'fairdiv-chromium-'));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
    });
  });

  after(async () => {
    await context?.close();
    await new Promise<void>((ok) => (server ? server.close(() => ok()) : ok()));
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  });

  async function visit(page: string, ready?: string): Promise<{ dialogs: string[]; pwned: unknown }> {
    const p = await context.newPage();
    const dialogs: string[] = [];
    p.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await p.goto(`${url}/${page}`);
    if (ready) await p.waitForFunction(ready, undefined, { timeout: 240_000 });
    await p.waitForTimeout(500);
    const pwned = await p.evaluate(() => (window as unknown as { __pwned?: number }).__pwned);
    await p.close();
    return { dialogs, pwned };
  }

  it(`has crafted variants of every display kind (${variants.length})`, () => {
    const kinds = new Set(base.map((b) => b.payload.kind));
    assert.ok(kinds.size >= 10, [...kinds].join(', '));
    assert.ok(variants.length > 300, `${variants.length} variants`);
  });

  it('the control page with raw markup runs it (the page notices script)', async () => {
    const v = await visit('control.html');
    assert.ok(v.dialogs.length > 0 || v.pwned !== undefined);
  });

  it('the renderer draws every variant without a dialog or script', async () => {
    const v = await visit('renderer.html', '() => window.__rendered === true');
    assert.deepEqual(v.dialogs, []);
    assert.equal(v.pwned, undefined);
  });

  it('the text/html fallback of every variant opens without a dialog or script', async () => {
    assert.ok(items.length > 200, `${items.length} variants drawn`);
    const v = await visit('fallback.html');
    assert.deepEqual(v.dialogs, []);
    assert.equal(v.pwned, undefined);
  });
});
