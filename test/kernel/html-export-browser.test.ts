/**
 * The HTML export of `fairdiv run --html` opened in headless Chromium (playwright-core, Debian `chromium`): a
 * crafted notebook (test/fixtures/hostile/notebooks/crafted.ipynb: javascript: links, markup in markdown,
 * names and outputs, a cell of a made-up type holding stale outputs, bad base64, scripted SVG) must open without
 * a dialog or any script running (issue 16). A control page without the Content-Security-Policy shows that the
 * test sees script when there is some.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { EXPORT_CSP, notebookToHtml, type Notebook } from '../../kernel/nbformat';
import { runNotebook } from '../../kernel/runner';
import { CHROMIUM, CHROMIUM_ARGS, ensureChromium } from '../helpers/chromium';

const CRAFTED = join(__dirname, '..', 'fixtures', 'hostile', 'notebooks', 'crafted.ipynb');

interface Visit {
  dialogs: string[];
  pwned: unknown;
  jsLinks: number;
  text: string;
  hrefs: string[];
}

describe('HTML export of a crafted notebook in Chromium: no script runs (issue 16)', function () {
  this.timeout(180_000);
  let browser: Browser;
  let dir = '';
  let ran: Notebook;
  const stored = JSON.parse(readFileSync(CRAFTED, 'utf8')) as Notebook;

  before(async () => {
    ensureChromium();
    dir = mkdtempSync(join(tmpdir(), 'fairdiv-export-'));
    ran = (await runNotebook(CRAFTED, { continueOnError: true })).output;
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  });

  after(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function visit(name: string, html: string): Promise<Visit> {
    const file = join(dir, `${name}.html`);
    writeFileSync(file, html);
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(`file://${file}`);
    await page.waitForTimeout(300);
    // follow the first link that would run script, if any survived
    const jsLinks = await page.locator('a[href^="javascript:" i]').count();
    if (jsLinks)
      await page
        .locator('a[href^="javascript:" i]')
        .first()
        .click({ timeout: 2000 })
        .catch(() => undefined);
    await page.waitForTimeout(100);
    const result = {
      dialogs,
      pwned: await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
      jsLinks,
      text: await page.locator('body').innerText(),
      hrefs: await page.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? '')),
    };
    await page.close();
    return result;
  }

  it('the control page without the policy does run the crafted script (the test can see script)', async () => {
    const html = notebookToHtml(stored, 'control').replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
    const v = await visit('control', html);
    assert.ok(
      v.dialogs.length > 0 || v.pwned !== undefined,
      'the control page ran no script: the test would not notice any',
    );
  });

  it('the export of the executed notebook runs no script and opens no dialog', async () => {
    const v = await visit('ran', notebookToHtml(ran, 'crafted'));
    assert.deepEqual(v.dialogs, []);
    assert.equal(v.pwned, undefined);
    assert.equal(v.jsLinks, 0);
  });

  it('the export of the notebook as stored (outputs never run here) runs no script either', async () => {
    const v = await visit('stored', notebookToHtml(stored, 'stored'));
    assert.deepEqual(v.dialogs, []);
    assert.equal(v.pwned, undefined);
    assert.equal(v.jsLinks, 0);
  });

  it('keeps http(s), mailto and relative links and drops every other scheme', async () => {
    const v = await visit('links', notebookToHtml(ran, 'links'));
    assert.ok(v.hrefs.includes('https://example.org/fair'), JSON.stringify(v.hrefs));
    assert.ok(v.hrefs.includes('02-next.ipynb'));
    assert.ok(v.hrefs.includes('mailto:a@example.org'));
    assert.ok(
      v.hrefs.every((h) => /^(https?:|mailto:|[^:]*$)/i.test(h.trim())),
      JSON.stringify(v.hrefs),
    );
    assert.match(v.text, /plain js/, 'a dropped link keeps its label');
  });

  it('shows markup in names and outputs as text, and no stale output of a cell of a made-up type', async () => {
    const v = await visit('text', notebookToHtml(ran, 'text'));
    assert.match(v.text, /<img src=x onerror=/, 'agent names are shown as written');
    assert.doesNotMatch(v.text, /STALE-OUTPUT/);
    assert.match(v.text, /not base64 data/);
  });

  it('puts the Content-Security-Policy first in <head>', () => {
    const html = notebookToHtml(ran, 'csp');
    assert.ok(html.indexOf(EXPORT_CSP) > 0 && html.indexOf(EXPORT_CSP) < html.indexOf('<title>'));
    assert.match(EXPORT_CSP, /default-src 'none'/);
    assert.doesNotMatch(EXPORT_CSP, /script-src/);
  });
});
