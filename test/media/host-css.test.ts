/**
 * The text/html items inside a host's own CSS: every display fixture written into a notebook, converted by Debian's
 * `jupyter nbconvert --to html` (the lab template carries JupyterLab's stylesheet, whose table rules right-align
 * every cell, strip borders and stripe rows), opened in headless Chromium in the light and the dark theme. The
 * scoped stylesheet must win: alignment, borders, list indentation and row backgrounds are ours. Screenshots go to
 * test/artifacts/nbconvert-<theme>-<fixture>.png.
 */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT, run } from '../helpers/build';
import { displayFixtures } from '../display/fixtures';
import { ARTIFACTS, startRendererBrowser, type RendererBrowser } from './harness';

const THEMES = ['light', 'dark'] as const;

/** A notebook with one code cell per fixture whose display output carries the fixture's MIME bundle. */
function notebookOf(items: { name: string; data: Record<string, unknown> }[]): string {
  const lines = (s: string) => s.split(/(?<=\n)/);
  return JSON.stringify({
    cells: items.map((it, k) => ({
      cell_type: 'code',
      id: `cell-${k}`,
      execution_count: k + 1,
      metadata: {},
      source: lines(`display(${it.name})`),
      outputs: [
        {
          output_type: 'display_data',
          metadata: {},
          data: Object.fromEntries(
            Object.entries(it.data).map(([mime, v]) => [mime, typeof v === 'string' ? lines(v) : v]),
          ),
        },
      ],
    })),
    metadata: { kernelspec: { name: 'tslab', display_name: 'TypeScript', language: 'typescript' } },
    nbformat: 4,
    nbformat_minor: 5,
  });
}

describe('text/html inside JupyterLab CSS (nbconvert lab template) in headless Chromium', function () {
  this.timeout(300_000);
  const { fixtures } = displayFixtures();
  const pages: Record<string, string> = {};
  let browser: RendererBrowser;

  before(async () => {
    const ensure = await run('bash', [join(ROOT, 'scripts', 'ensure-jupyter.sh')]);
    assert.equal(ensure.code, 0, `scripts/ensure-jupyter.sh failed:\n${ensure.stderr}`);
    const dir = mkdtempSync(join(tmpdir(), 'fairdiv-nbconvert-'));
    try {
      writeFileSync(
        join(dir, 'displays.ipynb'),
        notebookOf(fixtures.map((f) => ({ name: f.name, data: f.bundle.data }))),
      );
      for (const theme of THEMES) {
        execFileSync(
          '/usr/bin/jupyter-nbconvert',
          ['--to', 'html', `--HTMLExporter.theme=${theme}`, '--output', `displays-${theme}`, 'displays.ipynb'],
          { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] },
        );
        pages[`/${theme}.html`] = readFileSync(join(dir, `displays-${theme}.html`), 'utf8');
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    browser = await startRendererBrowser({
      pages: Object.fromEntries(Object.entries(pages).map(([path, html]) => [path, () => html])),
      fixtures: [],
      viewport: { width: 1100, height: 900 },
    });
  });

  after(async () => {
    await browser?.close();
  });

  for (const theme of THEMES)
    describe(`${theme} theme`, () => {
      let page: Page;
      before(async () => {
        ({ page } = await browser.open(`/${theme}.html`));
      });
      after(async () => page?.close());

      const output = (name: string) =>
        page
          .locator('.jp-Cell')
          .nth(fixtures.findIndex((f) => f.name === name))
          .locator('.fairdiv');
      const style = (sel: ReturnType<typeof output>, prop: string) =>
        sel.evaluate((el, p) => getComputedStyle(el).getPropertyValue(p), prop);

      it('is the JupyterLab page, with every display inside it', async () => {
        assert.equal(await page.locator('.jp-RenderedHTMLCommon .fairdiv[data-kind]').count(), fixtures.length);
        assert.equal(
          await page.evaluate(() => document.body.dataset.jpThemeLight),
          theme === 'light' ? 'true' : 'false',
        );
      });

      it('keeps our cell alignment: status centred, claim text and row heads left, numbers right', async () => {
        const claim = output('certificate-fail').locator('tr.fd-claim').first();
        assert.equal(await style(claim.locator('td').nth(0), 'text-align'), 'center');
        assert.equal(await style(claim.locator('td').nth(1), 'text-align'), 'left');
        const allocation = output('allocation').locator('table.fd-matrix');
        assert.equal(await style(allocation.locator('tbody th').first(), 'text-align'), 'left');
        assert.equal(await style(allocation.locator('td.fd-r').first(), 'text-align'), 'right');
        assert.equal(await style(allocation.locator('thead th').first(), 'text-align'), 'center');
      });

      it('keeps our borders and row backgrounds (no host zebra stripes), and our table font size', async () => {
        for (const name of ['instance', 'allocation', 'lottery', 'certificate-fail', 'mms', 'comparison']) {
          const cell = output(name).locator('table td').first();
          assert.equal(await style(cell, 'border-top-style'), 'solid', name);
          assert.equal(await style(cell, 'border-top-width'), '1px', name);
          for (const row of (await output(name).locator('table tbody tr').all()).slice(0, 4))
            assert.equal(await style(row, 'background-color'), 'rgba(0, 0, 0, 0)', name);
        }
        assert.equal(await style(output('instance').locator('table'), 'font-size'), '13px');
      });

      it('keeps key/value lists flush and numbered lists wide enough for two-digit markers', async () => {
        const kv = output('certificate-fail').locator('ul.fd-kv').first();
        assert.equal(await style(kv, 'padding-left'), '0px');
        assert.equal(await style(kv, 'list-style-type'), 'none');
        const list = output('trace-long').locator('ol.fd-list').first();
        assert.equal(await list.locator(':scope > li').count(), 12);
        assert.equal(await style(list, 'list-style-type'), 'decimal');
        // the marker "12." sits in the padding: the padding must hold it
        assert.ok(parseFloat(await style(list, 'padding-left')) >= 30);
      });

      it('long rationals wrap after their slash in a narrow output instead of overflowing it', async () => {
        const root = output('trace-long');
        const wide = await root.evaluate((el) => el.scrollWidth);
        await root.evaluate((el) => ((el as HTMLElement).style.width = '460px'));
        const [scroll, client] = await root.evaluate((el) => [el.scrollWidth, el.clientWidth]);
        assert.ok(wide > 460, `the trace is ${wide}px wide unwrapped: too narrow to test wrapping`);
        assert.ok(scroll <= client, `the trace overflows a 460px output: ${scroll} > ${client}`);
        await page
          .locator('.jp-Cell')
          .nth(fixtures.findIndex((f) => f.name === 'trace-long'))
          .screenshot({ path: join(ARTIFACTS, `nbconvert-${theme}-trace-long-narrow.png`) });
        await root.evaluate((el) => ((el as HTMLElement).style.width = ''));
      });

      it('screenshots', async () => {
        await page.screenshot({ path: join(ARTIFACTS, `nbconvert-${theme}.png`), fullPage: true });
        for (const [k, f] of fixtures.entries())
          await page
            .locator('.jp-Cell')
            .nth(k)
            .screenshot({ path: join(ARTIFACTS, `nbconvert-${theme}-${f.name}.png`) });
      });
    });
});
