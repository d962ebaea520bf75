/**
 * Notebook 00 as a reader sees it outside an editor: run by fairdiv's runner (kernel/runner.ts), then written as
 * the runner's own HTML page (`fairdiv run --html`) and converted by Debian's `jupyter nbconvert --to html` (lab
 * template), both opened in headless Chromium. Its compare table, first certificate, lottery and histogram are
 * found, visible and pictured on their own: test/artifacts/notebook-00-<runner|nbconvert>-<kind>.png (the
 * code-server e2e pictures the same outputs in the editor as test/artifacts/e2e/00-<kind>.png).
 */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { runNotebook } from '../../kernel/runner';
import { notebookToHtml } from '../../kernel/nbformat';
import { ROOT, run } from '../helpers/build';
import { ARTIFACTS, startRendererBrowser, type RendererBrowser } from './harness';

/** The outputs pictured: their display kind and the file name suffix. */
const KINDS: readonly [string, string][] = [
  ['comparison', 'compare'],
  ['certificate', 'certificate'],
  ['lottery', 'lottery'],
  ['mms-histogram', 'histogram'],
];

describe('notebook 00 in the runner HTML and in nbconvert HTML (headless Chromium)', function () {
  this.timeout(300_000);
  const pages: Record<string, string> = {};
  let browser: RendererBrowser;

  before(async () => {
    const ensure = await run('bash', [join(ROOT, 'scripts', 'ensure-jupyter.sh')]);
    assert.equal(ensure.code, 0, `scripts/ensure-jupyter.sh failed:\n${ensure.stderr}`);
    const r = await runNotebook(join(ROOT, 'notebooks', '00-getting-started.ipynb'));
    assert.equal(r.errors, 0, 'notebook 00 runs without errors');
    pages['/runner.html'] = notebookToHtml(r.output, '00-getting-started');
    const dir = mkdtempSync(join(tmpdir(), 'fairdiv-nb00-'));
    try {
      writeFileSync(join(dir, 'nb00.ipynb'), JSON.stringify(r.output));
      execFileSync('/usr/bin/jupyter-nbconvert', ['--to', 'html', '--output', 'nb00', 'nb00.ipynb'], {
        cwd: dir,
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      pages['/nbconvert.html'] = readFileSync(join(dir, 'nb00.html'), 'utf8');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    browser = await startRendererBrowser({
      pages: Object.fromEntries(Object.entries(pages).map(([path, html]) => [path, () => html])),
      fixtures: [],
      viewport: { width: 1300, height: 900 },
    });
  });

  after(async () => {
    await browser?.close();
  });

  for (const front of ['runner', 'nbconvert'] as const)
    it(`shows the compare table, a certificate, the lottery and the histogram in the ${front} HTML`, async () => {
      const { page, errors } = await browser.open(`/${front}.html`);
      try {
        await pictureKinds(page, front);
        // not ours: nbconvert's page links Debian's require.js and MathJax by file: URLs, which a served page may not load
        const host = [/^Not allowed to load local resource: file:\/\/\/usr\/share\/javascript\//];
        const ours = errors.filter((e) => !host.some((re) => re.test(e)));
        assert.deepEqual(ours, [], `${front}: page errors`);
      } finally {
        await page.close();
      }
    });
});

async function pictureKinds(page: Page, front: string): Promise<void> {
  for (const [kind, file] of KINDS) {
    const el = page.locator(`.fairdiv[data-kind="${kind}"]`).first();
    assert.ok((await el.count()) > 0, `${front}: no ${kind} output`);
    await el.scrollIntoViewIfNeeded();
    assert.ok(await el.isVisible(), `${front}: the ${kind} output is not visible`);
    const box = await el.boundingBox();
    assert.ok(box && box.width >= 200 && box.height >= 60, `${front}: the ${kind} output is ${JSON.stringify(box)}`);
    if (kind === 'comparison')
      assert.ok((await el.locator('tbody tr').count()) >= 10, `${front}: the compare table has its mechanism rows`);
    if (kind === 'certificate') assert.ok((await el.locator('tr.fd-claim').count()) >= 1, `${front}: claim rows`);
    // the element with a margin of 8 px, so that its borders show whole
    const vp = page.viewportSize()!;
    const [x, y] = [Math.max(0, box.x - 8), Math.max(0, box.y - 8)];
    const clip = {
      x,
      y,
      width: Math.min(box.width + 16, vp.width - x),
      height: Math.min(box.height + 16, vp.height - y),
    };
    await page.screenshot({ path: join(ARTIFACTS, `notebook-00-${front}-${file}.png`), clip });
  }
}
