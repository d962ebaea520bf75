import { strict as assert } from 'node:assert';
import { Mt19937 } from '../../src/stochastic/mt19937';
import { distributionPreset, presetIds, summarizeAgents } from '../../src/stochastic/presets';

describe('distribution presets of Bai & Gölz', () => {
  it('lists the peak, Beta, symmetric-control and Appendix B populations', () => {
    assert.deepEqual(presetIds(), [
      'bai-golz-peaks',
      'bai-golz-beta',
      'bai-golz-symmetric-peaks',
      'bai-golz-symmetric-beta',
      'appendix-b',
    ]);
  });

  it('gives ten (0.1, 1.9)-PDF-bounded peak agents with interval support and means 0.05 + 0.3(1 + a) (spec 5.1)', () => {
    const p = distributionPreset('bai-golz-peaks');
    assert.equal(p.q, 1.9);
    const s = summarizeAgents(p.agents);
    assert.equal(s.length, 10);
    s.forEach((a, k) => {
      assert.deepEqual(a.pdfBounds, { lower: 0.1, upper: 1.9 });
      assert.equal(a.intervalSupport, true);
      assert.deepEqual(a.support, [0, 1]);
      assert.ok(Math.abs(a.mean - (0.05 + 0.3 * (1 + (k + 1) / 11))) < 1e-12);
    });
  });

  it('reports the Beta agents as not (p, q)-bounded: Beta(0.5, 0.5) unbounded, the others with density 0 at an end (spec 2.2)', () => {
    const s = summarizeAgents(distributionPreset('bai-golz-beta').agents);
    assert.deepEqual(
      s.map((a) => a.spec),
      ['beta:0.5,0.5', 'beta:5,1', 'beta:1,3', 'beta:2,2', 'beta:2,5'],
    );
    assert.equal(s[0].pdfBounds.upper, Infinity);
    assert.ok(Math.abs(s[0].pdfBounds.lower - 2 / Math.PI) < 1e-12);
    for (const a of s.slice(1)) assert.equal(a.pdfBounds.lower, 0);
    [5, 3, 1.5, 2.4576].forEach((q, k) =>
      assert.ok(Math.abs(s[k + 1].pdfBounds.upper - q) < 1e-9, `${s[k + 1].spec}: ${s[k + 1].pdfBounds.upper}`),
    );
    assert.ok(s.every((a) => a.intervalSupport));
  });

  it('samples the first peak agent exactly like the authors after seed(10) and rand(10, 3) (spec 3.14)', () => {
    const d = distributionPreset('bai-golz-peaks').agents[0];
    const r = new Mt19937(10);
    const xs = Array.from({ length: 5 }, () => d.sample(r));
    assert.deepEqual(
      xs,
      [0.0723654770737952, 0.5689752307832108, 0.6261537455684374, 0.6853598183677972, 0.5121922633857766],
    );
  });

  it('gives fresh objects per call and a typed error for an unknown id', () => {
    assert.notEqual(distributionPreset('appendix-b').agents[0], distributionPreset('appendix-b').agents[0]);
    assert.throws(() => distributionPreset('peaks'), { code: 'unknown-preset' });
    assert.throws(() => distributionPreset('__proto__'), { code: 'unknown-preset' });
  });
});
