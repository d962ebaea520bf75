/** Pick-r share vectors and their exact integer counts (seed-001 §3.1–3.2, pitfall P6). */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { pickCounts, R0, rToS, sToR } from '../../src/stochastic';
import { close } from '../helpers/approx';

describe('stochastic shares and Pick-r counts', () => {
  it('counts are exact: (0.7, 0.1, 0.2) with m = 10 gives (7, 1, 2) and ten shares 0.1 give ten 1s (P6)', () => {
    assert.deepEqual(pickCounts([0.7, 0.1, 0.2], 10), [7, 1, 2]);
    assert.deepEqual(pickCounts(new Array(10).fill(0.1), 10), new Array(10).fill(1));
    assert.deepEqual(pickCounts(['1/3', '1/3', '1/3'], 10), [3, 3, 4]);
    assert.deepEqual(pickCounts([R0, 1 - R0], 4), [1, 3]);
    assert.throws(() => pickCounts([0.5, 0.6], 10), /sum to/);
    assert.throws(() => pickCounts([-0.1, 1.1], 10), /negative/);
  });
  it('counts are floor/ceil of r_i m and sum to m (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 6 }).filter((a) => a.some((x) => x > 0)),
        fc.integer({ min: 0, max: 5000 }),
        (w, m) => {
          const s = w.reduce((a, b) => a + b, 0);
          const r = w.map((x) => x / s);
          const t = pickCounts(r, m);
          assert.equal(
            t.reduce((a, b) => a + b, 0),
            m,
          );
          t.forEach((ti, i) =>
            assert.ok(ti >= Math.floor(r[i] * m - 1e-6) && ti <= Math.ceil(r[i] * m + 1e-6), `t=${t} r=${r}`),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
  it('rToS and sToR are inverse', () => {
    const r = [0.375, 0.3125, 0.3125];
    assert.deepEqual(rToS(r), [0.375, 0.5, 1]);
    sToR(rToS(r)).forEach((x, i) => close(x, r[i], 1e-15, 'roundtrip'));
    assert.throws(() => sToR([0.5, 0.5]), /last acceptance probability/);
  });
});
