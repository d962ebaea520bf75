import { strict as assert } from 'node:assert';
import { checkEF, checkEF1 } from '../../src/checks/envy';
import { Allocation } from '../../src/core/allocation';
import { instance } from '../../src/core/instance';
import { Rational } from '../../src/core/rational';
import { decideEF, decideEF1 } from '../../src/experiments/float-envy';
import { Mt19937 } from '../../src/stochastic/mt19937';

describe('EF and EF1 on doubles', () => {
  it('agree with the exact Rational checkers on random allocations', () => {
    const r = new Mt19937(5);
    for (let t = 0; t < 200; t++) {
      const n = 2 + (t % 3),
        m = 3 + (t % 5);
      const U = Array.from({ length: n }, () => Float64Array.from({ length: m }, () => r.float()));
      const owner = Int32Array.from({ length: m }, () => r.int(0, n - 1));
      const inst = instance(U.map((row) => Array.from(row, (v) => Rational.fromNumber(v))));
      const a = Allocation.fromOwners([...owner], n);
      assert.equal(decideEF(U, owner).exact, checkEF(inst, a).holds);
      assert.equal(decideEF1(U, owner).exact, checkEF1(inst, a).holds);
    }
  });

  it('settles exact ties exactly: equal bundles are envy-free, even when float sums differ (spec 4.1)', () => {
    // agent 0 holds {0.1, 0.2}, agent 1 holds {0.3}: 0.1 + 0.2 > 0.3 in doubles and exactly, so 1 envies 0
    const U = [Float64Array.from([0.1, 0.2, 0.3]), Float64Array.from([0.1, 0.2, 0.3])];
    const d = decideEF(U, [0, 0, 1]);
    assert.equal(d.exact, false);
    assert.equal(d.tolerance, true, 'the 1e-9 tolerance of the authors hides the 5.5e-17 envy');
    const tie = [Float64Array.from([0.5, 0.25, 0.75]), Float64Array.from([0.5, 0.25, 0.75])];
    assert.equal(decideEF(tie, [0, 0, 1]).exact, true);
  });

  it('gives EF false and EF1 true for identical unit utilities with bundles of one and two (T-EF1)', () => {
    const U = [Float64Array.from([1, 1, 1]), Float64Array.from([1, 1, 1])];
    assert.equal(decideEF(U, [0, 1, 1]).exact, false);
    assert.equal(decideEF1(U, [0, 1, 1]).exact, true);
  });
});
