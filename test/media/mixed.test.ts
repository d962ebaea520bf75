/**
 * The mixed-goods view in headless Chromium (Debian `chromium` driven by playwright-core): the renderer
 * (media/index.ts with media/mixed.ts) and the bare text/html fallback, on real outcomes of the bobw-mixed
 * mechanisms (and the Fisher prices of Algorithm 2), a mixed instance and a hostile payload; DOM assertions, the support rows switching the matrix,
 * and screenshots under test/artifacts/ (git-ignored).
 */
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import {
  mimeOf,
  payloadHtml,
  toMimeBundle,
  type LotteryPayload,
  type MixedPayload,
  type Payload,
} from '../../src/display';
import { hostileMixedPayload, MIXED_MARKUP, mixedFixtures, solveExample } from '../helpers/mixed-display';
import { ARTIFACTS, startRendererBrowser, themedPages, type RendererBrowser, type Theme } from './harness';

describe('mixed goods in the renderer and the HTML fallback (headless Chromium)', function () {
  this.timeout(180000);
  const f = mixedFixtures();
  const values: [string, unknown][] = [
    ['two-agents', f.twoAgents],
    ['prop-efm', f.propEfm],
    ['water-filling', f.waterFilling],
    ['cake-to-bob', f.cakeToBob],
    ['mixed-instance', f.mixedInstance],
    ['fpo-prices', solveExample('ef-efx-fpo-bivalued')],
  ];
  const items = [
    ...values.map(([name, v]) => {
      const b = toMimeBundle(v);
      return {
        name,
        mime: mimeOf(b.kind!),
        json: b.data[mimeOf(b.kind!)] as Payload,
        html: b.data['text/html'] as string,
      };
    }),
    {
      name: 'hostile-mixed',
      mime: mimeOf('mixed'),
      json: hostileMixedPayload() as Payload,
      html: payloadHtml(hostileMixedPayload()),
    },
  ];
  const payload = (name: string) => items.find((i) => i.name === name)!.json as MixedPayload;
  let browser: RendererBrowser;
  const open = (path: string) => browser.open(path);

  before(async () => {
    browser = await startRendererBrowser({
      pages: themedPages(items.map((i) => ({ name: i.name, html: i.html }))),
      fixtures: items.map(({ name, mime, json }) => ({ name, mime, json })),
      viewport: { width: 1024, height: 800 },
    });
  });

  after(async () => {
    await browser?.close();
  });

  for (const theme of ['light', 'dark'] as Theme[]) {
    describe(`renderer, ${theme} theme`, () => {
      let page: Page;
      let errors: string[];
      before(async () => {
        ({ page, errors } = await open(`/renderer.html?theme=${theme}`));
        await page.waitForFunction(
          () => (window as unknown as { __rendered?: boolean }).__rendered === true,
          undefined,
          {
            timeout: 60000,
          },
        );
      });
      after(async () => page?.close());

      const cell = (name: string) => page.locator(`#cell-${name} .output`);

      it('renders the mixed outcomes as the mixed kind and the instance as an instance, without errors', async () => {
        for (const { name, json } of items) {
          assert.equal(await cell(name).locator('.fd-output').getAttribute('data-kind'), json.kind, name);
          assert.equal(await cell(name).locator('.fd-error').count(), 0, name);
        }
        assert.equal(payload('two-agents').kind, 'mixed');
        assert.deepEqual(errors, []);
      });

      it('shows the cake as the exact fractions 1/3 and 2/3 under a divisible column head, never as a chip (M3-TR)', async () => {
        const t = cell('two-agents').locator('table.fd-mixed-allocation');
        assert.equal(await t.locator('thead th[data-divisible]').count(), 1);
        assert.match(await t.locator('thead th[data-divisible]').innerText(), /cake\s*divisible/);
        assert.deepEqual(await t.locator('td.fd-frac').allInnerTexts(), ['1/3', '2/3']);
        assert.equal(await t.locator('td[data-divisible] .fd-chip').count(), 0);
        const bundles = await t.locator('td.fd-bundle').allInnerTexts();
        assert.match(bundles[0], /g0/);
        assert.match(bundles[0], /1\/3 of cake/);
        assert.match(bundles[1], /2\/3 of cake/);
      });

      it('leaves a zero fraction blank and marks the owner of each indivisible good', async () => {
        const rows = cell('cake-to-bob').locator('table.fd-mixed-allocation tbody tr[data-agent]');
        assert.equal(await rows.nth(0).locator('td.fd-frac').innerText(), '');
        assert.equal(await rows.nth(1).locator('td.fd-frac').innerText(), '1');
        assert.equal(await rows.nth(0).locator('td[data-owner]').count(), 1);
        assert.equal(await rows.nth(1).locator('td[data-owner]').count(), 0);
      });

      it('lists the lottery support with chips plus fractions, and the marginals with 13/54 (E2E-B3)', async () => {
        const c = cell('prop-efm');
        const p = payload('prop-efm');
        assert.equal(await c.locator('tr[data-support]').count(), p.support.length);
        assert.equal(await c.locator('table.fd-mixed-marginals').count(), 1);
        const cake = await c.locator('table.fd-mixed-marginals td.fd-frac').allInnerTexts();
        assert.deepEqual(cake, ['13/54', '2/27', '37/54']);
        assert.match(await c.locator('tr[data-support="0"]').innerText(), /13\/18 of 7/);
      });

      it('switches the matrix to a support allocation on click and back, and by keyboard', async () => {
        const c = cell('prop-efm');
        const p = payload('prop-efm');
        const root = c.locator('.fd-mixed');
        await c.locator('tr[data-support="1"]').click();
        assert.equal(await root.getAttribute('data-view'), 'allocation-1');
        const t = c.locator('table.fd-mixed-allocation');
        assert.equal(await t.locator('td[data-owner]').count(), p.goods.length - p.divisible.length);
        const expected = p.support[1].fractions.map((r) => (r[0] === '0' ? '' : r[0]));
        assert.deepEqual(await t.locator('td.fd-frac').allInnerTexts(), expected);
        assert.match(await c.locator('.fd-mixed-view').innerText(), /Allocation 2/);
        await page
          .locator('#cell-prop-efm')
          .screenshot({ path: join(ARTIFACTS, `mixed-renderer-${theme}-selected.png`) });
        await c.locator('.fd-mixed-reset').click();
        assert.equal(await root.getAttribute('data-view'), 'marginals');
        assert.equal(await c.locator('table.fd-mixed-marginals').count(), 1);
        await c.locator('tr[data-support="0"]').focus();
        await page.keyboard.press('Enter');
        assert.equal(await root.getAttribute('data-view'), 'allocation-0');
        await page.keyboard.press('Enter');
        assert.equal(await root.getAttribute('data-view'), 'marginals');
      });

      it('draws the water-filling run: one row per step, pours and rotations, the cake bar', async () => {
        const c = cell('water-filling');
        const run = payload('water-filling').waterFilling![0];
        assert.equal(await c.locator('tr[data-wf-step]').count(), run.steps.length);
        assert.equal(
          await c.locator('tr[data-wf-kind="rotate"]').count(),
          run.steps.filter((s) => s.kind === 'rotate').length,
        );
        assert.ok((await c.locator('tr[data-wf-kind="rotate"]').count()) >= 1);
        const adds = run.steps.filter((s) => s.kind === 'add') as { agents: number[] }[];
        assert.equal(
          await c.locator('svg.fd-cake rect[fill^="rgba"]').count(),
          adds.reduce((s, a) => s + a.agents.length, 0),
        );
      });

      it('shows the mixed instance with its divisible good and bi-valued declaration, no MMS column', async () => {
        const c = cell('mixed-instance');
        assert.equal(await c.locator('thead th[data-divisible]').count(), 1);
        assert.match(await c.locator('.fd-caption').innerText(), /divisible: cake.*bi-valued.*\(1, 3\)/);
        assert.equal(await c.getByText('MMS', { exact: true }).count(), 0);
      });

      it('draws the Fisher prices of Algorithm 2 beside the MBB goods of each agent, one table per priced allocation', async () => {
        const c = cell('fpo-prices');
        const prices = (items.find((i) => i.name === 'fpo-prices')!.json as LotteryPayload).prices!;
        assert.equal(await c.locator('table.fd-prices').count(), prices.length);
        assert.equal(await c.locator('details.fd-priced[open]').count(), 1);
        const first = c.locator('table.fd-prices').first();
        assert.deepEqual(await first.locator('tr.fd-price-row td.fd-r').allInnerTexts(), prices[0].prices);
        assert.equal(await first.locator('td[data-held]').count(), prices[0].held.flat().length);
        assert.equal(await c.locator('td[data-off-mbb]').count(), 0);
      });

      it('renders every string of a hostile mixed payload as text, also after switching the matrix', async () => {
        const c = cell('hostile-mixed');
        await c.locator('tr[data-support="1"]').click();
        assert.equal(await c.locator('.pwned, img, script').count(), 0);
        assert.ok((await c.innerText()).includes(MIXED_MARKUP));
        assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
        assert.deepEqual(errors, []);
        assert.deepEqual(browser.offHost, []);
      });

      it('screenshots', async () => {
        await page.screenshot({ path: join(ARTIFACTS, `mixed-renderer-${theme}.png`), fullPage: true });
        for (const { name } of items)
          await page
            .locator(`#cell-${name}`)
            .screenshot({ path: join(ARTIFACTS, `mixed-renderer-${theme}-${name}.png`) });
      });
    });

    it(`text/html fallback (${theme} page, no renderer): the same fractions, static`, async () => {
      const { page, errors } = await open(`/fallback.html?theme=${theme}`);
      assert.deepEqual(await page.locator('#cell-two-agents td.fd-frac').allInnerTexts(), ['1/3', '2/3']);
      assert.deepEqual(await page.locator('#cell-prop-efm table.fd-mixed-marginals td.fd-frac').allInnerTexts(), [
        '13/54',
        '2/27',
        '37/54',
      ]);
      assert.equal(await page.locator('#cell-hostile-mixed .pwned, #cell-hostile-mixed img').count(), 0);
      assert.deepEqual(errors, []);
      await page.screenshot({ path: join(ARTIFACTS, `mixed-fallback-${theme}.png`), fullPage: true });
      for (const { name } of items)
        await page
          .locator(`#cell-${name}`)
          .screenshot({ path: join(ARTIFACTS, `mixed-fallback-${theme}-${name}.png`) });
      await page.close();
    });
  }
});
