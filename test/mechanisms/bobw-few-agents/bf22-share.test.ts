import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { InvalidInputError } from '../../../src/core/errors';
import { Rational } from '../../../src/core/rational';
import { bf22Oracle, bf22Share } from '../../../src/mechanisms/bobw-few-agents';
import { mmsOfIntegers } from '../../../src/shares/mms/solver';

describe('the BF22 two-agent share sigma_F (spec 3.10)', () => {
  it('is at least min(MMS, (v(M) - v(e_{h+1})) / 2) and at least h/(h+1) of the MMS (500 random value lists)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 14 }),
        fc.integer({ min: 0, max: 5 }),
        (w, h) => {
          const v = w.map(BigInt);
          const goods = w.map((_, g) => g);
          const r = bf22Share(v, goods, h);
          const mms = mmsOfIntegers(v, 2).value;
          const sortedDesc = [...v].sort((a, b) => (b > a ? 1 : b < a ? -1 : 0));
          const total = v.reduce((a, b) => a + b, 0n);
          const next = sortedDesc[h] ?? 0n;
          const bound = Rational.min(new Rational(mms), new Rational(total - next, 2n));
          assert.ok(bound.le(r.value), `sigma ${r.value} < ${bound}`);
          assert.ok(new Rational(BigInt(h), BigInt(h + 1)).mul(mms).le(r.value));
          assert.ok(r.value <= mms);
          assert.equal(
            r.partition[0].reduce((s, g) => s + v[g], 0n) < r.partition[1].reduce((s, g) => s + v[g], 0n)
              ? r.partition[0].reduce((s, g) => s + v[g], 0n)
              : r.partition[1].reduce((s, g) => s + v[g], 0n),
            r.value,
          );
        },
      ),
      { numRuns: 500, seed: 9 },
    );
  });

  it('searches 2^h (|L| + 1) bipartitions', () => {
    assert.equal(bf22Share([9n, 7n, 5n, 3n, 1n], [0, 1, 2, 3, 4], 2).familySize, 4 * 4);
  });

  it('as an oracle records eps = 1/(h + 1) and refuses three bundles with a typed error', () => {
    const o = bf22Oracle(3);
    assert.equal(o([4n, 3n, 3n], [0, 1, 2], 2).eps.toString(), '1/4');
    assert.throws(() => o([4n, 3n, 3n], [0, 1, 2], 3), InvalidInputError);
    assert.throws(() => bf22Share([1n], [0], 40), InvalidInputError);
  });
});
