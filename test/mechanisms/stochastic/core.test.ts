/**
 * The allocation kernels of paper 001 on preference orders: Pick-r cannot be manipulated (C3), and the
 * couplings of Pick-r with QT-s (C9) and of Ranking with the argmax rule (C10), and the prophet stopping
 * rule QTP-s at the backward-induction thresholds (Corollary 3.9).
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { rng } from '../../../src/core/rng';
import {
  ordersFromFloats,
  pickFromOrders,
  qtOwners,
  qtpIndex,
  rankingFromOrders,
  tieKeys,
} from '../../../src/mechanisms/stochastic/core';
import { dpThresholds, Exponential, pickCounts, uniform } from '../../../src/stochastic';

describe('stochastic kernels', () => {
  it('no misreport beats truth-telling in Pick-r (property, float kernel, C3)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (n, m, seed) => {
          const r = rng(seed);
          const vals = Array.from({ length: n }, () => Array.from({ length: m }, () => r.int(0, 4)));
          const w = Array.from({ length: n }, () => r.int(1, 5));
          const shares = w.map((x) => `${x}/${w.reduce((a, b) => a + b, 0)}`);
          const counts = pickCounts(shares, m);
          const run = (b: number[][]) => pickFromOrders(ordersFromFloats(b, null), counts);
          const truth = run(vals);
          const i = r.int(0, n - 1);
          const my = (owner: Int32Array) => vals[i].reduce((s, x, j) => s + (owner[j] === i ? x : 0), 0);
          for (let t = 0; t < 10; t++) {
            const lie = vals.map((row) => row.slice());
            lie[i] =
              t === 0
                ? new Array(m).fill(1)
                : t < 5
                  ? r.shuffle(vals[i])
                  : Array.from({ length: m }, () => r.int(0, 6));
            assert.ok(my(run(lie)) <= my(truth), `agent ${i} gains by ${lie[i]}`);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
  it('Pick-r and QT-s differ on at most n²(√(m ln m) + 1) items, and Ranking stays close to the argmax rule (C9, C10)', () => {
    const d = uniform(0, 1);
    const n = 3,
      m = 10000;
    const dp = dpThresholds(d, n);
    const counts = pickCounts(dp.r, m);
    const r = rng('c9');
    const bound = n * n * (Math.sqrt(m * Math.log(m)) + 1);
    for (let t = 0; t < 3; t++) {
      const vals = Array.from({ length: n }, () => Float64Array.from({ length: m }, () => d.sample(r)));
      const orders = ordersFromFloats(vals, null);
      const pick = pickFromOrders(orders, counts);
      const qt = qtOwners(vals, dp.s, d, r);
      let diff = 0;
      for (let j = 0; j < m; j++) if (pick[j] !== qt[j]) diff += 2;
      assert.ok(diff <= bound, `coupling ${diff} > ${bound}`);
      for (let i = 0; i < n; i++) {
        const size = qt.reduce((s, o) => s + (o === i ? 1 : 0), 0);
        assert.ok(Math.abs(size - dp.r[i] * m) <= Math.sqrt(m * Math.log(m)), 'Hoeffding event');
      }
      const rk = rankingFromOrders(ordersFromFloats(vals, tieKeys(n, m, 'random', r)));
      let mism = 0;
      for (let j = 0; j < m; j++) {
        let best = 0;
        for (let i = 1; i < n; i++) if (vals[i][j] > vals[best][j]) best = i;
        if (best !== rk[j]) mism++;
      }
      assert.ok(mism <= (2 * n + 1) * Math.sqrt(m * Math.log(m)), `mismatch ${mism}`);
    }
  });
  it('the prophet rule QTP-s at the DP thresholds earns the continuation value c[n] (Corollary 3.9)', () => {
    for (const d of [uniform(0, 1), new Exponential(1)]) {
      const n = 3;
      const dp = dpThresholds(d, n);
      const r = rng(39);
      const T = 40000;
      let sum = 0,
        sq = 0;
      for (let t = 0; t < T; t++) {
        const xs = Array.from({ length: n }, () => d.sample(r));
        const x = xs[qtpIndex(xs, dp.s, d, r)];
        sum += x;
        sq += x * x;
      }
      const mean = sum / T;
      const se = Math.sqrt((sq / T - mean * mean) / T);
      assert.ok(Math.abs(mean - dp.c[n - 1]) <= 4 * se, `${d.name}: ${mean} vs c[n] = ${dp.c[n - 1]} (se ${se})`);
    }
    const d = uniform(0, 1);
    assert.equal(qtpIndex([0.1, 0.2, 0.3], [0.5, 0.5, 1], d, rng(1)), 2, 'the last agent takes what is left');
    assert.equal(qtpIndex([0.1, 0.9, 0.95], [0.5, 0.5, 1], d, rng(1)), 1, 'the first quantile above 1 - s_i stops');
  });
});
