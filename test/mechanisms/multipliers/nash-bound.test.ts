import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { instance } from '../../../src/core/instance';
import { exactFisherEquilibrium } from '../../../src/mechanisms/multipliers/fisher-market';
import { agentDualTerm, scaledDualBound } from '../../../src/mechanisms/multipliers/nash-bound';

/** max over all integral completions of sum_i ln(x_i + u_i(goods given)), by enumeration. */
function bestCompletion(
  x: readonly number[],
  values: readonly (readonly number[])[],
  goods: readonly number[],
): number {
  const n = x.length;
  let best = -Infinity;
  for (let code = 0; code < n ** goods.length; code++) {
    const u = [...x];
    let c = code;
    for (const g of goods) {
      u[c % n] += values[c % n][g];
      c = Math.floor(c / n);
    }
    best = Math.max(
      best,
      u.reduce((s, v) => s + Math.log(v), 0),
    );
  }
  return best;
}

/** The bound at prices p for the goods left, as nash-welfare.ts uses it. */
function boundAt(x: readonly number[], values: readonly (readonly number[])[], goods: readonly number[], p: number[]) {
  const r = x.map((_, i) => Math.max(0, ...goods.map((g) => values[i][g] / p[g])));
  const priceSum = goods.reduce((s, g) => s + p[g], 0);
  return { r, priceSum, bound: scaledDualBound(x, r, priceSum) };
}

describe('the Lagrangian price bound on the log Nash welfare', () => {
  it('gives each agent the best of ln(x + r s) - s over spending s ≥ 0', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 10, noNaN: true }),
        fc.double({ min: 0.01, max: 10, noNaN: true }),
        (x, r) => {
          const h = agentDualTerm(x, r);
          let grid = -Infinity;
          for (let k = 0; k <= 4000; k++) grid = Math.max(grid, Math.log(x + (r * k) / 1000) - k / 1000);
          assert.ok(h >= grid - 1e-12, `${x} ${r}: ${h} < ${grid}`);
          assert.ok(h <= grid + 1e-5, `${x} ${r}: ${h} far above ${grid}`);
        },
      ),
      { seed: 11, numRuns: 200 },
    );
  });

  it('is never below the best completion of a partial allocation, for any positive prices', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 4 }).chain((n) =>
          fc.record({
            values: fc.array(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 6, maxLength: 6 }), {
              minLength: n,
              maxLength: n,
            }),
            owners: fc.array(fc.integer({ min: -1, max: n - 1 }), { minLength: 6, maxLength: 6 }),
            prices: fc.array(fc.double({ min: 0.05, max: 5, noNaN: true }), { minLength: 6, maxLength: 6 }),
          }),
        ),
        ({ values, owners, prices }) => {
          const n = values.length;
          const x = new Array<number>(n).fill(0);
          owners.forEach((i, g) => i >= 0 && (x[i] += values[i][g]));
          const goods = owners.flatMap((i, g) => (i < 0 ? [g] : []));
          const best = bestCompletion(x, values, goods);
          const { bound } = boundAt(x, values, goods, prices);
          assert.ok(bound >= best - 1e-12, `bound ${bound} below the best completion ${best}`);
        },
      ),
      { seed: 12, numRuns: 300 },
    );
  });

  it('equals the fractional MNW optimum at the root with the equilibrium prices', () => {
    const values = [
      [4, 1, 0, 3, 2],
      [4, 0, 1, 1, 5],
      [2, 2, 2, 2, 2],
    ];
    const eq = exactFisherEquilibrium(instance(values));
    const frac = values.reduce(
      (s, row, i) => s + Math.log(row.reduce((t, v, g) => t + v * eq.fractional.shares[i][g].toNumber(), 0)),
      0,
    );
    const p = eq.prices.map((x) => x.toNumber());
    const { bound } = boundAt([0, 0, 0], values, [0, 1, 2, 3, 4], p);
    assert.ok(Math.abs(bound - frac) < 1e-12, `${bound} vs ${frac}`);
    // the rescaling recovers it from prices off by a factor
    const { bound: scaled } = boundAt(
      [0, 0, 0],
      values,
      [0, 1, 2, 3, 4],
      p.map((x) => 3 * x),
    );
    assert.ok(Math.abs(scaled - frac) < 1e-12, `${scaled} vs ${frac}`);
  });

  it('is -Infinity when an agent holds nothing and values nothing left', () => {
    assert.equal(scaledDualBound([0, 2], [0, 1], 1), -Infinity);
  });
});
