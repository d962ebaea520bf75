import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { checkFPO } from '../../../src/checks/efficiency';
import { instance } from '../../../src/core/instance';
import { Rational } from '../../../src/core/rational';
import {
  argmaxOwners,
  floatMultiplierOwners,
  multiplierAllocation,
} from '../../../src/mechanisms/multipliers/allocation';

describe('multiplier allocation', () => {
  it('is fPO for every positive beta, and the exact fPO checker agrees with its price certificate (Negishi, spec 5.10)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 4 }).chain((n) =>
          fc.tuple(
            fc.array(fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 6, maxLength: 6 }), {
              minLength: n,
              maxLength: n,
            }),
            fc.array(fc.integer({ min: 1, max: 9 }), { minLength: n, maxLength: n }),
          ),
        ),
        ([values, beta]) => {
          const inst = instance(values);
          const { allocation, prices } = multiplierAllocation(
            inst,
            beta.map((b) => new Rational(BigInt(b))),
          );
          assert.equal(checkFPO(inst, allocation).holds, true);
          allocation.owners().forEach((i, g) => {
            for (let k = 0; k < inst.n; k++) assert.ok(prices[g].ge(inst.values[k][g].mul(beta[k])));
            assert.ok(prices[g].eq(inst.values[i][g].mul(beta[i])));
          });
        },
      ),
      { seed: 15, numRuns: 60 },
    );
  });

  it('breaks ties toward the lowest index', () => {
    assert.deepEqual(
      argmaxOwners(
        3,
        2,
        (i, g) => (g === 0 ? 1 : i === 2 ? 2 : 1),
        (a, b) => a > b,
      ),
      [0, 2],
    );
    const inst = instance([
      [1, 2],
      [2, 1],
    ]);
    assert.deepEqual(multiplierAllocation(inst, [Rational.ONE, Rational.ONE]).allocation.owners(), [1, 0]);
    assert.deepEqual(multiplierAllocation(inst, [new Rational(2n), Rational.ONE]).allocation.owners(), [0, 0]);
  });

  it('matches NumPy argmax of utilities * multipliers on doubles', () => {
    const U = [Float64Array.from([0.5, 0.2, 0.9]), Float64Array.from([0.4, 0.3, 0.1])];
    assert.deepEqual([...floatMultiplierOwners(U, [1, 1.25])], [0, 1, 0]);
  });

  it('rejects a non-positive or missing multiplier', () => {
    assert.throws(() => multiplierAllocation(instance([[1], [1]]), [Rational.ONE, Rational.ZERO]), {
      code: 'bad-multipliers',
    });
    assert.throws(() => multiplierAllocation(instance([[1], [1]]), [Rational.ONE]), { code: 'bad-multipliers' });
  });
});
