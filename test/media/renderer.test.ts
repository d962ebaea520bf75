/**
 * The notebook renderer (media/index.ts) in headless Chromium (Debian `chromium` driven by playwright-core):
 * every MIME kind rendered from fixtures generated with toMimeBundle from real outcomes, a certificate of
 * each verdict, hostile payloads, DOM assertions, and screenshots in a light and a dark theme under
 * test/artifacts/ (git-ignored).
 */
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { mimeOf, toMimeBundle } from '../../src/display';
import { displayFixtures, hostilePayloads, MARKUP, verdictReports } from '../display/fixtures';
import { ARTIFACTS, startRendererBrowser, themedPages, type RendererBrowser, type Theme } from './harness';

describe('renderer in headless Chromium', function () {
  this.timeout(180000);
  const { inst, ps, fixtures } = displayFixtures();
  const n = inst.n;
  const m = inst.m;
  const verdicts = verdictReports().map(({ verdict, report }) => ({ verdict, bundle: toMimeBundle(report) }));
  const hostile = hostilePayloads();
  const payloads = [
    ...fixtures.map((f) => ({
      name: f.name,
      mime: mimeOf(f.bundle.kind!),
      json: f.bundle.data[mimeOf(f.bundle.kind!)],
    })),
    ...verdicts.map((v) => ({
      name: `verdict-${v.verdict}`,
      mime: mimeOf('certificate'),
      json: v.bundle.data[mimeOf('certificate')],
    })),
    ...hostile.map((h) => ({ name: h.name, mime: mimeOf(h.payload.kind), json: h.payload })),
  ];
  let browser: RendererBrowser;
  const open = (path: string) => browser.open(path);

  before(async () => {
    browser = await startRendererBrowser({
      pages: themedPages(fixtures.map((f) => ({ name: f.name, html: f.bundle.data['text/html'] as string }))),
      fixtures: payloads,
      viewport: { width: 1024, height: 800 },
    });
  });

  after(async () => {
    await browser?.close();
  });

  for (const theme of ['light', 'dark'] as Theme[]) {
    describe(`${theme} theme`, () => {
      let page: Page;
      let errors: string[];
      before(async () => {
        ({ page, errors } = await open(`/renderer.html?theme=${theme}`));
        await page.waitForFunction(
          () => (window as unknown as { __rendered?: boolean }).__rendered === true,
          undefined,
          { timeout: 150000 },
        );
      });
      after(async () => page?.close());

      const cell = (name: string) => page.locator(`#cell-${name} .output`);
      /** Waits until the chart holder's Plotly upgrade is over, and asserts it succeeded. */
      const plotted = async (holder: Locator) => {
        await page.waitForFunction(
          (el) => el?.getAttribute('data-plotly') !== 'loading',
          await holder.elementHandle(),
          { timeout: 60000 },
        );
        assert.equal(await holder.getAttribute('data-plotly'), 'ready');
      };

      it('renders every kind inside its own output element, without errors', async () => {
        for (const f of fixtures) {
          const kind = await cell(f.name).locator('.fd-output').getAttribute('data-kind');
          assert.equal(kind, f.bundle.kind, f.name);
          assert.equal(await cell(f.name).locator('.fd-error').count(), 0, f.name);
        }
        assert.deepEqual(errors, []);
      });

      it('allocation: rows = agents, columns = goods, one owner per good', async () => {
        const t = cell('allocation').locator('table.fd-matrix');
        assert.equal(await t.locator('tbody tr[data-agent]').count(), n);
        assert.equal(await t.locator('thead th[data-good]').count(), m);
        assert.equal(await t.locator('td[data-owner]').count(), m);
        const owners = await t
          .locator('tbody tr[data-agent]')
          .evaluateAll((rows) =>
            rows.map((r) =>
              Array.from(r.querySelectorAll('td[data-owner]')).map((td) => Number(td.getAttribute('data-good'))),
            ),
          );
        assert.deepEqual(
          owners,
          ps.instance &&
            fixtures.find((f) => f.name === 'allocation')!.bundle.data[mimeOf('allocation')] &&
            (
              fixtures.find((f) => f.name === 'allocation')!.bundle.data[mimeOf('allocation')] as {
                bundles: number[][];
              }
            ).bundles,
        );
      });

      it('instance, fractional and lottery marginals: rows = agents, columns = goods', async () => {
        for (const name of ['instance', 'fractional', 'lottery']) {
          const t = cell(name).locator('table.fd-matrix');
          assert.equal(await t.locator('tbody tr[data-agent]').count(), n, name);
          assert.equal(await t.locator('thead th[data-good]').count(), m, name);
        }
        assert.equal(await cell('fractional').locator('td.fd-heat').count(), n * m);
      });

      it('lottery: one row per support allocation and an expected-values row', async () => {
        assert.equal(await cell('lottery').locator('tr[data-support]').count(), ps.lottery!.size);
        assert.equal(await cell('lottery').locator('tr.fd-expected').count(), 1);
      });

      it('histogram: Plotly loaded lazily, bars present', async () => {
        const holder = cell('histogram').locator('.fd-chart');
        await page.waitForFunction(
          (el) => el?.getAttribute('data-plotly') !== 'loading',
          await holder.elementHandle(),
          { timeout: 60000 },
        );
        assert.equal(await holder.getAttribute('data-plotly'), 'ready');
        const bars = (
          fixtures.find((f) => f.name === 'histogram')!.bundle.data[mimeOf('mms-histogram')] as { series: unknown[][] }
        ).series.flat().length;
        assert.equal(await holder.locator('.barlayer .point').count(), bars);
      });

      it('simulation: Plotly curves with bands', async () => {
        const holder = cell('simulation').locator('.fd-chart');
        await page.waitForFunction(
          (el) => el?.getAttribute('data-plotly') !== 'loading',
          await holder.elementHandle(),
          { timeout: 60000 },
        );
        assert.equal(await holder.getAttribute('data-plotly'), 'ready');
        assert.ok((await holder.locator('.scatterlayer .trace').count()) >= 4);
      });

      it('certificate: failing claims marked', async () => {
        const fail = cell('certificate-fail');
        assert.ok((await fail.locator('tr[data-status="fail"]').count()) >= 1);
        for (const row of await fail.locator('tr[data-status="fail"]').all()) {
          assert.match((await row.getAttribute('class')) ?? '', /fd-claim-fail/);
          assert.match(await row.innerText(), /FAIL/);
        }
        assert.equal(await fail.locator('[data-ok="false"]').count(), 1);
        assert.equal(await cell('certificate-pass').locator('tr[data-status="fail"]').count(), 0);
        assert.equal(await cell('certificate-pass').locator('[data-ok="true"]').count(), 1);
      });

      it('certificate: each verdict shows its own badge, CERTIFIED only for a certified report', async () => {
        for (const { verdict } of verdicts) {
          const root = cell(`verdict-${verdict}`).locator('.fd-certificate');
          assert.equal(await root.getAttribute('data-verdict'), verdict);
          const badge = (await root.locator(`.fd-badge[data-verdict="${verdict}"]`).innerText()).trim();
          assert.equal(
            badge,
            {
              certified: 'CERTIFIED',
              failed: 'VIOLATED',
              'partly-checked': 'PARTLY CHECKED',
              'nothing-checked': 'NOT CHECKED',
              'nothing-claimed': 'NOTHING CLAIMED',
            }[verdict],
          );
          assert.equal(
            await cell(`verdict-${verdict}`).getByText('CERTIFIED', { exact: true }).count(),
            verdict === 'certified' ? 1 : 0,
            verdict,
          );
          await page
            .locator(`#cell-verdict-${verdict}`)
            .screenshot({ path: join(ARTIFACTS, `renderer-${theme}-verdict-${verdict}.png`) });
        }
      });

      it('hostile payloads render their strings as text, never as live markup', async () => {
        for (const { name } of hostile) {
          assert.equal(await cell(name).locator('.pwned, img, script').count(), 0, name);
          assert.equal(await cell(name).locator('.fd-error').count(), 0, name);
          assert.ok((await cell(name).innerText()).includes(MARKUP), name);
          await page.locator(`#cell-${name}`).screenshot({ path: join(ARTIFACTS, `renderer-${theme}-${name}.png`) });
        }
        assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
        // Plotly's own labels too: a category tick and the panel axis titles show the payload's strings as written
        const chart = cell('hostile-histogram').locator('.fd-chart');
        await plotted(chart);
        const ticks = await chart.locator('.xtick text').allTextContents();
        assert.ok(ticks.includes(MARKUP), JSON.stringify(ticks));
        const figure = cell('hostile-figure').locator('.fd-chart');
        await plotted(figure);
        const titles = await figure.locator('.g-xtitle text, .g-ytitle text').allTextContents();
        assert.ok(titles.length === 2 && titles.every((t) => t === MARKUP), JSON.stringify(titles));
      });

      it('mms partition and trace steps', async () => {
        assert.equal(await cell('mms').locator('tr[data-bundle]').count(), n);
        assert.equal(await cell('trace').locator('details.fd-step').count(), ps.trace.length);
      });

      it('DOM stays inside the output elements; no network beyond the local server', async () => {
        const stray = await page.evaluate(() =>
          Array.from(document.body.children)
            .filter((e) => e.tagName !== 'SECTION' && e.tagName !== 'SCRIPT')
            .map((e) => e.tagName + '.' + e.className),
        );
        // Plotly may append its own hidden helpers to <body>; our renderer never does.
        assert.deepEqual(
          stray.filter((s) => /fairdiv|fd-/.test(s)),
          [],
        );
        assert.deepEqual(browser.offHost, []);
      });

      it('charts: the Plotly charts and the HTML fallback SVG draw the same ticks and labels (histogram, curves, log-m figure)', async () => {
        const fallback = await open(`/fallback.html?theme=${theme}`);
        try {
          for (const name of ['histogram', 'simulation', 'figure']) {
            const holder = cell(name).locator('.fd-chart');
            await plotted(holder);
            const plots = await holder.locator('.fd-plotly').all();
            const svgs = await fallback.page.locator(`#cell-${name} svg.fd-svg`).all();
            assert.equal(plots.length, svgs.length, name);
            assert.ok(plots.length > 0, name);
            for (const [k, plot] of plots.entries()) {
              const texts = (el: Locator, sel: string) => el.locator(sel).allTextContents();
              const plotly = { x: await texts(plot, '.xtick text'), y: await texts(plot, '.ytick text') };
              const svg = { x: await texts(svgs[k], '.fd-xtick'), y: await texts(svgs[k], '.fd-ytick') };
              assert.deepEqual(plotly, svg, `${name} chart ${k}`);
              assert.ok(svg.x.length >= 3 && svg.y.length >= 3, `${name} chart ${k}: ${JSON.stringify(svg)}`);
              const [pw, sw] = [
                await plot.evaluate((e) => e.getBoundingClientRect().width),
                await svgs[k].evaluate((e) => e.getBoundingClientRect().width),
              ];
              assert.ok(
                Math.abs(pw - sw) <= 1,
                `${name} chart ${k}: ${pw}px wide in the renderer, ${sw}px in the fallback`,
              );
            }
          }
          const log = await fallback.page.locator('#cell-figure svg.fd-svg').getAttribute('data-xscale');
          assert.equal(log, 'log');
          assert.deepEqual(await cell('figure').locator('.xtick text').allTextContents(), [
            '10',
            '100',
            '1000',
            '10000',
          ]);
        } finally {
          await fallback.page.close();
        }
      });

      it('a crowded histogram: near-equal fractions get their own categories and no two x labels overlap, in both front ends', async () => {
        const overlaps = async (labels: Locator) => {
          const boxes = await labels.evaluateAll((els) =>
            els.map((e) => {
              const r = e.getBoundingClientRect();
              return [r.left, r.right, r.top, r.bottom];
            }),
          );
          return boxes.flatMap((a, k) =>
            boxes
              .slice(k + 1)
              .filter((b) => a[0] < b[1] - 0.5 && b[0] < a[1] - 0.5 && a[2] < b[3] - 0.5 && b[2] < a[3] - 0.5)
              .map(() => k),
          );
        };
        const holder = cell('histogram-crowded').locator('.fd-chart');
        await plotted(holder);
        const labels = await holder.locator('.xtick text').allTextContents();
        assert.equal(new Set(labels).size, labels.length, JSON.stringify(labels));
        assert.ok(
          labels.includes('≈0.99999') && labels.includes('1') && labels.includes('≈1.00001'),
          JSON.stringify(labels),
        );
        assert.deepEqual(await overlaps(holder.locator('.xtick text')), []);
        const fallback = await open(`/fallback.html?theme=${theme}`);
        try {
          const svg = fallback.page.locator('#cell-histogram-crowded svg.fd-svg');
          assert.deepEqual(await svg.locator('.fd-xtick').allTextContents(), labels);
          assert.deepEqual(await overlaps(svg.locator('.fd-xtick')), []);
        } finally {
          await fallback.page.close();
        }
      });

      it('screenshots', async () => {
        await page.screenshot({ path: join(ARTIFACTS, `renderer-${theme}.png`), fullPage: true });
        for (const f of fixtures)
          await page
            .locator(`#cell-${f.name}`)
            .screenshot({ path: join(ARTIFACTS, `renderer-${theme}-${f.name}.png`) });
      });
    });

    it(`text/html fallback (${theme} page, no renderer): self-contained, same tables`, async () => {
      const { page, errors } = await open(`/fallback.html?theme=${theme}`);
      assert.equal(await page.locator('#cell-allocation table.fd-matrix tbody tr[data-agent]').count(), n);
      assert.equal(
        await page.locator('#cell-histogram rect.fd-bar').count(),
        (
          fixtures.find((f) => f.name === 'histogram')!.bundle.data[mimeOf('mms-histogram')] as { series: unknown[][] }
        ).series.flat().length,
      );
      assert.ok((await page.locator('#cell-certificate-fail tr.fd-claim-fail').count()) >= 1);
      assert.deepEqual(errors, []);
      await page.screenshot({ path: join(ARTIFACTS, `fallback-${theme}.png`), fullPage: true });
      for (const f of fixtures)
        await page.locator(`#cell-${f.name}`).screenshot({ path: join(ARTIFACTS, `fallback-${theme}-${f.name}.png`) });
      await page.close();
    });
  }
});
