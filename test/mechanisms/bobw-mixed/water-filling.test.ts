import { strict as assert } from 'node:assert';
import { checkEFM } from '../../../src/checks/mixed-envy';
import { checkEF1 } from '../../../src/checks/envy';
import { Allocation } from '../../../src/core/allocation';
import { Instance } from '../../../src/core/instance';
import { MixedAllocation } from '../../../src/core/mixed-allocation';
import { Rational } from '../../../src/core/rational';
import { rng } from '../../../src/core/rng';
import { mergeDivisibleGoods } from '../../../src/mechanisms/bobw-mixed/problem';
import { waterFill } from '../../../src/mechanisms/bobw-mixed/water-filling';
import { worked } from './helpers';

function cakeOf(inst: Instance): readonly Rational[] {
  return mergeDivisibleGoods(inst).reduced.cake!;
}

describe('water-filling (Lemma 4.2)', () => {
  it('splits the cake in one step with the maximal addable set, whatever its value (WF-PINGPONG)', () => {
    const inst = worked('WF-PINGPONG');
    const r = waterFill(inst, [[0], [1]], cakeOf(inst));
    assert.ok(r.steps.length <= 2);
    assert.deepEqual(
      r.steps.map((s) => s.kind === 'add' && s.agents),
      [[0, 1]],
    );
    assert.deepEqual(r.allocation.cake.map(String), ['1/2', '1/2']);
    const big = new Instance(
      [
        [1, 0, 1_000_000],
        [0, 1, 1_000_000],
      ],
      { divisible: [2] },
    );
    assert.equal(waterFill(big, [[0], [1]], cakeOf(big)).steps.length, 1);
  });
  it('rotates along the envy edge (0, 1) first, then halves the cake between agents 1 and 2 (WF-ROTATE)', () => {
    const inst = worked('WF-ROTATE');
    const r = waterFill(inst, [[], [0], []], cakeOf(inst));
    assert.deepEqual(r.steps[0], { kind: 'rotate', cycle: [0, 1], envyEdge: [0, 1] });
    assert.equal(r.steps[1].kind, 'add');
    assert.deepEqual(r.steps[1].kind === 'add' && [r.steps[1].agents, String(r.steps[1].delta)], [[1, 2], '1']);
    assert.deepEqual(r.allocation.bundles, [[0], [], []]);
    assert.deepEqual(r.allocation.cake.map(String), ['0', '1/2', '1/2']);
  });
  it('runs when everyone values the cake at 0, giving it to the unenvied agent (spec 7.17)', () => {
    const inst = new Instance(
      [
        [1, 0],
        [1, 0],
      ],
      { divisible: [1] },
    );
    const r = waterFill(inst, [[0], []], cakeOf(inst));
    assert.deepEqual(r.allocation.cake.map(String), ['0', '1']);
  });
  it('turns EF1 allocations into EFM ones without lowering anyone, permuting bundles only (W1-W4, 400 random instances)', () => {
    const r = rng(17);
    for (let t = 0; t < 400; t++) {
      const n = r.int(2, 6);
      const m = r.int(0, 2 * n);
      const values = Array.from({ length: n }, () => [...Array.from({ length: m }, () => r.int(0, 10)), r.int(0, 30)]);
      const inst = new Instance(values, { divisible: [m] });
      // an EF1 start: round robin over the indivisible goods
      const bundles: number[][] = Array.from({ length: n }, () => []);
      const pool = Array.from({ length: m }, (_, g) => g);
      for (let k = 0; pool.length; k++) {
        const i = k % n;
        const best = pool.reduce((b, g) => (values[i][g] > values[i][b] ? g : b));
        bundles[i].push(best);
        pool.splice(pool.indexOf(best), 1);
      }
      assert.equal(
        checkEF1(new Instance(values.map((row) => row.slice(0, m))), new Allocation(bundles, m)).holds,
        true,
      );
      const out = waterFill(inst, bundles, cakeOf(inst));
      const mixed = MixedAllocation.withCake(out.allocation.bundles, out.allocation.cake, inst);
      assert.equal(checkEFM(inst, mixed).holds, true, JSON.stringify(values));
      for (let i = 0; i < n; i++) assert.ok(mixed.value(inst, i, i).ge(inst.value(i, bundles[i])), 'W3');
      assert.deepEqual(out.allocation.bundles.map((b) => b.join()).sort(), bundles.map((b) => b.join()).sort(), 'W4');
      assert.ok(Rational.sum(out.allocation.cake).eq(1));
    }
  });
});
