import { strict as assert } from 'node:assert';
import { rng } from '../../../src/core/rng';
import { largeTest } from '../../../src/mechanisms/bobw-mixed/bivalued';
import { envyFreePartialAllocation, fixPartialAllocation } from '../../../src/mechanisms/bobw-mixed/partial-allocation';
import { mergeDivisibleGoods } from '../../../src/mechanisms/bobw-mixed/problem';
import { randomBivalued, worked } from './helpers';

describe('Algorithm 5 (envy-free partial allocation)', () => {
  it('removes Z = {0, 1}, gives agent 2 two large goods and fills the others with t = 2 goods (A5-TIGHT)', () => {
    const inst = worked('A5-TIGHT');
    const r = envyFreePartialAllocation(mergeDivisibleGoods(inst).reduced, largeTest(inst));
    assert.deepEqual(
      r.trace.map((x) => [x.group, x.groupGoods, x.matched]),
      [
        [[0, 1], [0], [{ agent: 2, good: 1 }]],
        [[], [], [{ agent: 2, good: 2 }]],
      ],
    );
    assert.equal(r.rounds, 2);
    assert.deepEqual(r.bundles, [
      [3, 4],
      [5, 6],
      [1, 2],
    ]);
    assert.deepEqual([r.removed, r.groupGoods, r.rest], [[0, 1], [0], [7]]);
  });
  it('matches everyone once and stops when the group holds the pool (E2E-B3: 0-g2, 1-g1, 2-g0, then Y = {g3, g5})', () => {
    const inst = worked('E2E-B3');
    const fixed = fixPartialAllocation(mergeDivisibleGoods(inst).reduced, largeTest(inst));
    assert.deepEqual(fixed.partial.bundles, [[2], [1], [0]]);
    assert.deepEqual(fixed.reduced.goods, [3, 4, 5, 6]);
    assert.deepEqual(fixed.lift({ bundles: [[3], [4], [5, 6]], cake: fixed.reduced.cake! }).bundles, [
      [2, 3],
      [1, 4],
      [0, 5, 6],
    ]);
  });
  it('is envy-free with equal bundle sizes and leaves at most 2n - 2 goods, |Y| < |T| (Lemmas B.5, B.6; 500 random instances)', () => {
    const r = rng(55);
    for (let t = 0; t < 500; t++) {
      const n = r.int(1, 6);
      const m = r.int(0, 4 * n);
      const common = r.float() < 0.5;
      const pairs = Array.from({ length: n }, () =>
        common ? ([1, 3] as const) : ([r.int(0, 3), r.int(4, 7)] as const),
      );
      const inst = randomBivalued(r, m, pairs);
      const large = largeTest(inst);
      const p = envyFreePartialAllocation(mergeDivisibleGoods(inst).reduced, large);
      for (const b of p.bundles) assert.equal(b.length, p.rounds);
      for (let i = 0; i < n; i++)
        for (let j = 0; j < n; j++)
          assert.ok(inst.value(i, p.bundles[i]).ge(inst.value(i, p.bundles[j])), `EF ${i} ${j}`);
      assert.ok(p.groupGoods.length + p.rest.length <= 2 * n - 2, `Lemma B.5: ${JSON.stringify(inst.toJSON())}`);
      if (p.removed.length) assert.ok(p.groupGoods.length < p.removed.length);
      assert.equal(p.bundles.flat().length + p.groupGoods.length + p.rest.length, m);
    }
  });
});
