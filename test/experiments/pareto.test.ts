import { strict as assert } from 'node:assert';
import { checkPO } from '../../src/checks/efficiency';
import { Allocation } from '../../src/core/allocation';
import { instance } from '../../src/core/instance';
import { Rational } from '../../src/core/rational';
import { highsParetoSolver, loadHighs } from '../../src/experiments/highs';
import { decidePareto, findPairExchange, isParetoImprovement } from '../../src/experiments/pareto';
import { Mt19937 } from '../../src/stochastic/mt19937';

describe('PO decisions on doubles', () => {
  it('certifies fPO allocations by multipliers, and PO-but-not-fPO ones by the integer program (T-PO-not-fPO)', async () => {
    const solver = highsParetoSolver((await loadHighs())!, 10000);
    assert.deepEqual(decidePareto([Float64Array.from([3, 1]), Float64Array.from([1, 2])], [0, 1], solver), {
      po: true,
      via: 'fpo-certificate',
    });
    const d = decidePareto([Float64Array.from([1, 3]), Float64Array.from([1, 2])], [0, 1], solver);
    assert.deepEqual(d, { po: true, via: 'integer-program' });
  });

  it('finds the Appendix B trade (both median items for the top item) as an exchange (spec 5.4)', () => {
    const U = [Float64Array.from([0.26, 0.26, 0.98]), Float64Array.from([0.74, 0.74, 0.999])];
    const next = findPairExchange(U, [0, 0, 1]);
    assert.deepEqual(next && [...next], [1, 1, 0]);
    assert.equal(isParetoImprovement(U, [0, 0, 1], [1, 1, 0]), true);
    assert.deepEqual(decidePareto(U, [0, 0, 1]), { po: false, via: 'exchange' });
  });

  it('agrees with the exact PO checker on small random instances', async () => {
    const solver = highsParetoSolver((await loadHighs())!, 10000);
    const r = new Mt19937(21);
    for (let t = 0; t < 25; t++) {
      const n = 3,
        m = 6;
      const U = Array.from({ length: n }, () =>
        Float64Array.from({ length: m }, () => Math.round(r.float() * 8) / 8 + 1 / 16),
      );
      const owner = Int32Array.from({ length: m }, (_, g) => (g + t) % n);
      const inst = instance(U.map((row) => Array.from(row, (v) => Rational.fromNumber(v))));
      const exact = checkPO(inst, Allocation.fromOwners([...owner], n));
      assert.equal(decidePareto(U, owner, solver).po, exact.holds, `trial ${t}`);
    }
  });

  it('is undecided without a solver when neither a certificate nor an exchange settles it', () => {
    const d = decidePareto([Float64Array.from([1, 3]), Float64Array.from([1, 2])], [0, 1]);
    assert.equal(d.po, null);
    assert.equal(d.via, 'undecided');
  });
});
