/**
 * PO proved by prices on the experiments' doubles (src/experiments/pareto-prices.ts): the covering knapsack against
 * brute force, the certificate sound against every allocation of small instances, complete on Figure 3's round robin
 * at m = 10 (all PO by the authors' count), and silent on allocations with a Pareto improvement.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { highsParetoSolver, loadHighs } from '../../src/experiments/highs';
import { decidePareto } from '../../src/experiments/pareto';
import { bestCover, regretsAt, searchPriceCertificate, type LpSolver } from '../../src/experiments/pareto-prices';
import { figureTrials, gainingImprovement, smallAllocation } from '../helpers/figure3';

describe('PO by prices on sampled doubles', function () {
  this.timeout(120_000);
  let highs: LpSolver;
  before(async () => {
    highs = (await loadHighs())!;
    assert.ok(highs, 'the highs package loads');
  });

  it('bounds the best covering bundle from above, tightly (and still from above under a node budget), with a covering bundle (brute force)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -20, max: 20 }), fc.integer({ min: 0, max: 20 })), {
          minLength: 1,
          maxLength: 12,
        }),
        fc.integer({ min: 0, max: 120 }),
        fc.integer({ min: 0, max: 8 }),
        (items, need, budget) => {
          const c = Float64Array.from(items, ([x]) => x);
          const u = Float64Array.from(items, ([, w]) => w);
          let best = -Infinity;
          for (let mask = 0; mask < 1 << items.length; mask++) {
            let v = 0,
              w = 0;
            for (let g = 0; g < items.length; g++)
              if (mask & (1 << g)) {
                v += c[g];
                w += u[g];
              }
            if (w >= need && v > best) best = v;
          }
          const r = bestCover(c, u, need, 0);
          const capped = bestCover(c, u, need, 0, budget);
          if (best === -Infinity) return r === null && capped === null;
          assert.ok(capped && capped.bound >= best, `a node budget of ${budget} keeps an upper bound`);
          assert.ok(capped.bundle.reduce((s, g) => s + u[g], 0) >= need, 'the budgeted bundle covers');
          assert.ok(r, 'a cover exists');
          assert.equal(r.bound, best);
          assert.ok(r.bundle.reduce((s, g) => s + u[g], 0) >= need);
          assert.equal(
            r.bundle.reduce((s, g) => s + c[g], 0),
            best,
          );
          return true;
        },
      ),
      { seed: 15, numRuns: 400 },
    );
  });

  it('certifies only allocations without an improvement gaining 1e-6 of the total (all n^m allocations)', () => {
    let certified = 0;
    fc.assert(
      fc.property(smallAllocation, ({ U, owner }) => {
        const r = searchPriceCertificate(highs, U, owner, performance.now() + 10_000);
        if (!r.po) return true;
        certified++;
        const other = gainingImprovement(U, owner);
        assert.equal(other, null, `improvement ${other && [...other]} of ${[...owner]}`);
        return true;
      }),
      { seed: 16, numRuns: 300 },
    );
    assert.ok(certified >= 50, `${certified} certificates among 300 instances`);
  });

  it('certifies round robin on the first 30 trials of Figure 3 at m = 10 (all PO, as the authors counted)', () => {
    for (const { U, owner } of figureTrials(10, 0, 30)) {
      const r = searchPriceCertificate(highs, U, owner, performance.now() + 20_000);
      assert.equal(r.po, true);
      assert.ok(r.po && r.regret < r.delta && r.prices.every((x) => x >= 0));
    }
  });

  it('finds no certificate for an allocation with a Pareto improvement, and its regret shows it (negative control)', () => {
    const U = [Float64Array.from([3, 1]), Float64Array.from([1, 3])];
    const swapped = Int32Array.from([1, 0]);
    const r = searchPriceCertificate(highs, U, swapped, performance.now() + 10_000);
    assert.equal(r.po, null);
    assert.ok(!r.po && /no certifying prices/.test(r.reason), !r.po ? r.reason : '');
    assert.ok(regretsAt(U, swapped, Float64Array.from([1, 1])).total >= 2);
  });

  it('stops at its deadline with the round it reached (no certificate claimed)', () => {
    const [{ U, owner }] = figureTrials(100, 9, 10);
    const r = searchPriceCertificate(highs, U, owner, performance.now() - 1);
    assert.deepEqual(r, { po: null, reason: 'time limit after 1 price rounds', rounds: 1 });
  });

  it('decides PO of Figure 3 trial 9 at m = 100 by prices, before the whole integer program', async () => {
    const [{ U, owner }] = figureTrials(100, 9, 10);
    const d = decidePareto(U, owner, highsParetoSolver(highs as never, 60_000));
    assert.deepEqual(d, { po: true, via: 'price-certificate' });
  });
});
