import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { MAX_TIME_LIMIT_MS } from '../../src/core/time-budget';
import { runMain } from '../helpers/cli';

const FIXTURE = path.join(__dirname, '..', 'fixtures', 'three-goods.json');

describe('fairdiv compare', () => {
  it('prints the table of the named mechanisms and the reason a skipped one did not run', async () => {
    const r = await runMain(['compare', FIXTURE, '--mechanisms', 'round-robin,probabilistic-serial,bobw-three-agents']);
    assert.equal(r.code, 0, r.err);
    assert.match(
      r.out,
      /^mechanism\s+EF\s+EF1\s+EFX\s+PROP\s+PROP1\s+MMS fraction\s+TPS fraction\s+PO\s+fPO\s+ex-ante PROP\s+ex-ante EF\s+support\s+time \(ms\)$/m,
    );
    assert.match(r.out, /^round-robin\s+✗\s+✓/m);
    assert.match(r.out, /^probabilistic-serial\s/m);
    assert.match(r.out, /bobw-three-agents: outside-domain/);
  });

  it('--json gives exact strings, --options passes options per mechanism, --html writes the heatmap page', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fairdiv-compare-'));
    try {
      const html = path.join(dir, 'cmp.html');
      const r = await runMain([
        'compare',
        FIXTURE,
        '--mechanisms',
        'pick-r,cut-and-choose',
        '--options',
        '{"pick-r": {"r": [0.5, 0.5]}}',
        '--json',
        '--html',
        html,
      ]);
      assert.equal(r.code, 0, r.err);
      const j = JSON.parse(r.out) as {
        rows: { mechanism: string; status: string; cells: Record<string, { status: string; value?: string }> }[];
      };
      assert.deepEqual(
        j.rows.map((x) => [x.mechanism, x.status]),
        [
          ['pick-r', 'ran'],
          ['cut-and-choose', 'ran'],
        ],
      );
      assert.equal(j.rows[1].cells['mms-fraction'].value, '5/4');
      const page = fs.readFileSync(html, 'utf8');
      assert.match(page, /^<!doctype html>/);
      assert.match(page, /<table class="fd-heatmap">/);
      assert.match(page, /data-mechanism="cut-and-choose"/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits 2 on an unknown mechanism, bad --options and a bad --time-limit', async () => {
    let r = await runMain(['compare', FIXTURE, '--mechanisms', 'nope']);
    assert.equal(r.code, 2);
    assert.match(r.err, /unknown mechanism "nope"/);
    r = await runMain(['compare', FIXTURE, '--options', '[1]']);
    assert.equal(r.code, 2);
    assert.match(r.err, /--options: expected \{"<mechanism id>": \{...options\}\}/);
    // as the --time-limit of solve, certify and mms: positive seconds up to 24 days (setTimeout's largest delay)
    for (const bad of ['0', 'abc', '1e999', String(MAX_TIME_LIMIT_MS / 1000 + 1), '3e6']) {
      r = await runMain(['compare', FIXTURE, '--time-limit', bad]);
      assert.equal(r.code, 2, bad);
      assert.match(r.err, /--time-limit: expected seconds, a number in \(0, 2073600\]/, bad);
    }
    assert.equal((await runMain(['compare'])).code, 2);
  });

  it('takes a --time-limit of exactly 24 days (the largest timer delay) and runs', async () => {
    const r = await runMain(['compare', FIXTURE, '--mechanisms', 'round-robin', '--time-limit', '2073600', '--json']);
    assert.equal(r.code, 0, r.err);
    assert.equal(JSON.parse(r.out).rows.length, 1);
  });
});
