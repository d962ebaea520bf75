/** The `comparison` display kind: payload (src/display/comparison.ts), heatmap HTML and text. */
import { strict as assert } from 'node:assert';
import { compare } from '../../src/index';
import { mimeOf, toMimeBundle, type ComparisonPayload } from '../../src/display';
import { INSTANCE_JSON } from './fixtures';

describe('display: comparison heatmap', () => {
  const c = compare(INSTANCE_JSON, ['round-robin', 'probabilistic-serial', 'max-welfare', 'cut-and-choose']);
  const bundle = toMimeBundle(c);
  const p = bundle.data[mimeOf('comparison')] as ComparisonPayload;
  const html = bundle.data['text/html'] as string;

  it('carries one row per mechanism that ran, a cell per column, and the skipped ones with their reason', () => {
    assert.equal(bundle.kind, 'comparison');
    assert.equal(p.schema, 'fairdiv/comparison@1');
    assert.deepEqual(
      p.rows.map((r) => r.mechanism),
      ['round-robin', 'probabilistic-serial', 'max-welfare'],
    );
    for (const r of p.rows) assert.equal(r.cells.length, p.columns.length);
    assert.deepEqual(p.skipped, [
      { mechanism: 'cut-and-choose', name: c.rows[3].name, status: 'outside-domain', reason: c.rows[3].reason },
    ]);
    const mmsCol = p.columns.findIndex((x) => x.id === 'mms-fraction');
    assert.equal(p.columns[mmsCol].type, 'fraction');
    const cell = p.rows[0].cells[mmsCol];
    assert.equal(cell.status, 'value');
    assert.equal(cell.approx, Number(eval(cell.value!)));
  });

  it('draws the heatmap: a cell per row and column with its status, fractions tinted, reasons in titles', () => {
    assert.equal((html.match(/<tr data-mechanism="[^"]+"><th/g) ?? []).length, 3);
    assert.equal((html.match(/<td class="[^"]*fd-hm[^"]*" data-col=/g) ?? []).length, 3 * p.columns.length);
    assert.match(html, /data-col="ef1" data-status="pass"/);
    assert.match(html, /data-col="ef" data-status="fail"/);
    assert.match(html, /data-col="mms-fraction" data-status="value" data-value="[^"]+" style="background:hsla\(/);
    assert.match(html, /<summary>Not run \(1\)<\/summary>/);
    assert.match(html, /needs exactly 2 agents, got n = 3/);
  });

  it('gives a text table with marks and the mechanisms not run', () => {
    const text = bundle.data['text/plain'] as string;
    assert.match(text, /^Comparison \(3 mechanisms on 3 agents x 6 goods\)$/m);
    assert.match(text, /^round-robin\s+✗\s+✓/m);
    assert.match(text, /^not run:\n {2}cut-and-choose: outside-domain/m);
  });
});
