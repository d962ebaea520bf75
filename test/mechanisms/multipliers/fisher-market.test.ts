import { strict as assert } from 'node:assert';
import { checkFPO } from '../../../src/checks/efficiency';
import { Allocation } from '../../../src/core/allocation';
import { instance } from '../../../src/core/instance';
import {
  exactFisherEquilibrium,
  floatFisherEquilibrium,
  roundLargestShare,
} from '../../../src/mechanisms/multipliers/fisher-market';
import { Mt19937 } from '../../../src/stochastic/mt19937';
import { distributionPreset } from '../../../src/stochastic/presets';

describe('fractional MNW as a Fisher-market equilibrium', () => {
  it('splits one good equally between two agents, exactly', () => {
    const eq = exactFisherEquilibrium(instance([[3], [5]]));
    assert.deepEqual(eq.fractional.toJSON(), [['1/2'], ['1/2']]);
    assert.deepEqual(eq.beta.map(String), ['2/3', '2/5']);
  });

  it('gives the exact equilibrium of a three-good market with a split good', () => {
    // A and B both prefer g0; the equilibrium gives A g1, B g2 and splits g0
    const eq = exactFisherEquilibrium(
      instance([
        [4, 1, 0],
        [4, 0, 1],
      ]),
    );
    assert.deepEqual(eq.fractional.toJSON(), [
      ['1/2', '1', '0'],
      ['1/2', '0', '1'],
    ]);
    assert.deepEqual(eq.prices.map(String), ['4/3', '1/3', '1/3']);
  });

  it('verifies its KKT conditions exactly on sampled peak instances, and the float version rounds the same way', () => {
    const agents = distributionPreset('bai-golz-peaks').agents;
    const r = new Mt19937(99);
    for (let t = 0; t < 4; t++) {
      const rows = agents.map((d) => Array.from({ length: 25 }, () => d.sample(r)));
      const inst = instance(rows);
      const eq = exactFisherEquilibrium(inst);
      // budgets 1: every agent spends exactly 1 at the prices
      eq.fractional.shares.forEach((row) =>
        assert.ok(row.reduce((s, x, g) => s.add(x.mul(eq.prices[g])), eq.prices[0].sub(eq.prices[0])).eq(1)),
      );
      const owners = roundLargestShare(eq.fractional);
      assert.equal(checkFPO(inst, Allocation.fromOwners(owners, inst.n)).holds, true);
      const fl = floatFisherEquilibrium(rows.map((row) => Float64Array.from(row)));
      assert.deepEqual([...fl.rounded], owners);
      fl.beta.forEach((b, i) => assert.ok(Math.abs(b - eq.beta[i].toNumber()) < 1e-9 * b));
    }
  });

  it('refuses an agent who values every good at 0', () => {
    assert.throws(
      () =>
        exactFisherEquilibrium(
          instance([
            [0, 0],
            [1, 1],
          ]),
        ),
      { code: 'zero-agent' },
    );
  });
});
