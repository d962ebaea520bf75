import { strict as assert } from 'node:assert';
import { MixedLottery } from '../../../src/core/mixed-allocation';
import { permutations } from '../../../src/core/permutations';
import { Rational } from '../../../src/core/rational';
import { largeTest } from '../../../src/mechanisms/bobw-mixed/bivalued';
import { mergeDivisibleGoods } from '../../../src/mechanisms/bobw-mixed/problem';
import { twoPhaseMatching, type TwoPhaseAblation } from '../../../src/mechanisms/bobw-mixed/two-phase-matching';
import { ownValues, worked } from './helpers';

function runAllOrders(label: string, ablation?: TwoPhaseAblation) {
  const inst = worked(label);
  const merged = mergeDivisibleGoods(inst);
  const runs = permutations(inst.n).map((o) => twoPhaseMatching(merged.reduced, o, largeTest(inst), ablation));
  const lottery = MixedLottery.uniform(runs.map((r) => merged.lift(r.allocation)));
  return { inst, runs, expected: ownValues(inst, lottery.marginals()) };
}

describe('Appendix B.3 Steps 1-4 (n < m <= 2n - 2)', () => {
  it('finds T = {0, 2}, Y = {g1} and reaches the spec expected values (B3-LIT, run directly)', () => {
    const { runs, expected } = runAllOrders('B3-LIT');
    assert.deepEqual([runs[0].group, runs[0].groupGoods], [[0, 2], [1]]);
    assert.deepEqual(expected, ['41/12', '18047/3456', '6511/1296', '7871/1152']);
    assert.equal(runs.filter((r) => r.beforeWaterFilling[0].includes(1)).length, 12);
  });
  it('keeps the first-phase goods F the same for every order (spec 7.2)', () => {
    const { runs } = runAllOrders('B3-LIT');
    assert.deepEqual(new Set(runs.map((r) => r.firstPhase.join())).size, 1);
  });
  it("breaks ex-ante PROP in the paper's literal step order: E[u_0] = 13/6 < 9/4 (B3-LIT, spec 7.1)", () => {
    const { runs, expected } = runAllOrders('B3-LIT', 'literal-order');
    assert.equal(expected[0], '13/6');
    assert.equal(runs.filter((r) => r.beforeWaterFilling[0].includes(1)).length, 2);
  });
  it('gives every agent outside T a large good and leaves an EF1 allocation before water-filling (B3-LIT)', () => {
    const { inst, runs } = runAllOrders('B3-LIT');
    const large = largeTest(inst);
    for (const r of runs) {
      for (let i = 0; i < inst.n; i++)
        if (!r.group.includes(i)) assert.ok(r.beforeWaterFilling[i].some((g) => large(i, g)));
      for (let i = 0; i < inst.n; i++)
        for (let j = 0; j < inst.n; j++) {
          const other = r.beforeWaterFilling[j];
          if (!other.length) continue;
          const best = other.reduce((b, g) => Rational.max(b, inst.values[i][g]), Rational.ZERO);
          assert.ok(inst.value(i, r.beforeWaterFilling[i]).ge(inst.value(i, other).sub(best)));
        }
    }
  });
});
