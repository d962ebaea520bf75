import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { proportionalEefxCertificate } from '../../../src/mechanisms/bobw-few-agents';
import { efxSatisfied } from '../../../src/mechanisms/bobw-few-agents/valuation';

describe('the Lemma B.1 EEFX certificate (spec 3.9)', () => {
  it('builds a certificate for every bundle worth at least a third (500 random bundles)', () => {
    let built = 0;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.boolean()), { minLength: 1, maxLength: 12 }),
        (xs) => {
          const v = xs.map(([x]) => BigInt(x));
          const X = xs.flatMap(([, s], g) => (s ? [g] : []));
          const cert = proportionalEefxCertificate(v, X);
          const own = X.reduce((s, g) => s + v[g], 0n);
          const total = v.reduce((s, x) => s + x, 0n);
          if (3n * own < total) return assert.equal(cert, null);
          built++;
          assert.ok(cert);
          assert.deepEqual(cert[0], X);
          assert.deepEqual(
            cert.flat().sort((a, b) => a - b),
            v.map((_, g) => g),
          );
          assert.ok(efxSatisfied(v, cert, 0), 'X EFX-dominates Y and Z');
        },
      ),
      { numRuns: 500, seed: 8 },
    );
    assert.ok(built > 100);
  });

  it('takes the shortest prefix of the rest in non-increasing value worth more than X', () => {
    // v(X) = 6 of 15: rest 4, 3, 1, 1 -> Y = {4, 3} (7 > 6), Z = {1, 1}
    assert.deepEqual(proportionalEefxCertificate([6n, 1n, 4n, 1n, 3n], [0]), [[0], [2, 4], [1, 3]]);
  });

  it('returns (X, rest, empty) when the rest is worth at most X', () => {
    assert.deepEqual(proportionalEefxCertificate([6n, 2n, 3n], [0]), [[0], [1, 2], []]);
  });
});
