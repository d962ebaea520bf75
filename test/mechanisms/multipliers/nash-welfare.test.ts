import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { instance } from '../../../src/core/instance';
import { Rational } from '../../../src/core/rational';
import { exactMaxNashWelfare } from '../../../src/mechanisms/multipliers/nash-welfare';

function bruteForce(values: number[][]): Rational {
  const n = values.length,
    m = values[0].length;
  let best = { pos: -1, prod: Rational.ZERO };
  for (let code = 0; code < n ** m; code++) {
    const u = new Array(n).fill(0);
    let c = code;
    for (let g = 0; g < m; g++) {
      u[c % n] += values[c % n][g];
      c = Math.floor(c / n);
    }
    const pos = u.filter((x) => x > 0).length;
    const prod = u.filter((x) => x > 0).reduce((p, x) => p.mul(x), Rational.ONE);
    if (pos > best.pos || (pos === best.pos && prod.gt(best.prod))) best = { pos, prod };
  }
  return best.prod;
}

describe('integral maximum Nash welfare', () => {
  it('finds the maximum product (after the most agents with positive utility) like brute force', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 5, maxLength: 5 }), {
          minLength: 3,
          maxLength: 3,
        }),
        (values) => {
          const r = exactMaxNashWelfare(instance(values));
          assert.ok(r.product.eq(bruteForce(values)), JSON.stringify(values));
        },
      ),
      { seed: 7, numRuns: 40 },
    );
  });

  it('maximizes the number of agents with positive utility first', () => {
    const r = exactMaxNashWelfare(
      instance([
        [5, 5],
        [1, 0],
        [0, 1],
      ]),
    );
    assert.equal(r.positive, 2);
    assert.deepEqual(r.allocation.toJSON(), [[0], [], [1]]);
    assert.ok(r.product.eq(5));
  });

  it('refuses searches beyond its limit with a typed error', () => {
    assert.throws(
      () =>
        exactMaxNashWelfare(
          instance([
            [1, 1, 1, 1],
            [1, 1, 1, 1],
          ]),
          10,
        ),
      { code: 'too-large' },
    );
  });
});
