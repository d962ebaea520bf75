/**
 * Crafted payloads in the notebook renderer (dist/media/index.js) and in the text/html fallback, in headless
 * Chromium: every display kind with one node replaced by live markup (test/helpers/hostile-payloads.ts) must
 * render without a dialog or any script running (issue 16). A control item with raw markup shows the page
 * would notice.
 */
import { strict as assert } from 'node:assert';
import { mimeOf } from '../../src/display';
import { payloadHtml } from '../../src/display/html';
import type { Payload } from '../../src/display/payload';
import { allPayloads } from '../display/fixtures';
import { LIVE_MARKUP, leafVariants } from '../helpers/hostile-payloads';
import { fallbackPage, rendererPage, startRendererBrowser, type RendererBrowser } from './harness';

describe('crafted payloads in the renderer and the HTML fallback, in Chromium (issue 16)', function () {
  this.timeout(300_000);
  const base: { name: string; payload: Payload }[] = allPayloads();
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
  let browser: RendererBrowser;
  let items: { name: string; html: string }[] = [];

  before(async () => {
    items = variants.flatMap((v) => {
      try {
        return [{ name: v.name, html: payloadHtml(v.json as Payload) }];
      } catch {
        return []; // refused by the builder: the renderer shows its error box for these
      }
    });
    browser = await startRendererBrowser({
      pages: {
        '/renderer.html': () => rendererPage('dark'),
        '/fallback.html': () => fallbackPage('light', items),
        '/control.html': () => fallbackPage('light', [{ name: 'control', html: LIVE_MARKUP[0] }]),
      },
      fixtures: variants,
    });
  });

  after(async () => {
    await browser?.close();
  });

  async function visit(page: string, ready?: string): Promise<{ dialogs: string[]; pwned: unknown }> {
    const p = await browser.context.newPage();
    const dialogs: string[] = [];
    p.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await p.goto(`${browser.base}/${page}`);
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
