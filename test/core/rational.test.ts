import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { Rational } from '../../src/index';
import { gcd } from '../../src/core/rational';

describe('Rational', () => {
  it('converts JS numbers exactly (0.1 is the dyadic double, not 1/10)', () => {
    const r = Rational.from(0.1);
    assert.equal(r.toString(), '3602879701896397/36028797018963968');
    assert.equal(r.toNumber(), 0.1);
    assert.ok(!r.eq('1/10'));
  });
  it('parses "5/2", "0.1", "-3", "1e-3" exactly', () => {
    assert.equal(Rational.from('5/2').toString(), '5/2');
    assert.equal(Rational.from('0.1').toString(), '1/10');
    assert.equal(Rational.from('-3').toString(), '-3');
    assert.equal(Rational.from('1e-3').toString(), '1/1000');
    assert.equal(Rational.from({ num: 6, den: -4 }).toString(), '-3/2');
  });
  it('does arithmetic and comparisons exactly', () => {
    const a = Rational.from('1/3');
    const b = Rational.from('1/6');
    assert.equal(a.add(b).toString(), '1/2');
    assert.equal(a.sub(b).toString(), '1/6');
    assert.equal(a.mul(b).toString(), '1/18');
    assert.equal(a.div(b).toString(), '2');
    assert.ok(a.gt(b) && b.lt(a) && a.ge(a) && a.le(a));
    assert.equal(Rational.from('-7/2').floor(), -4n);
    assert.equal(Rational.from('-7/2').ceil(), -3n);
    assert.equal(Rational.from('5/2').toLatex(), '\\frac{5}{2}');
    assert.equal(Rational.from('-5/2').toLatex(), '-\\frac{5}{2}');
  });
  it('round-trips every double exactly (property)', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const r = Rational.from(x);
        assert.equal(r.toNumber(), Object.is(x, -0) ? 0 : x);
      }),
      { numRuns: 2000 },
    );
  });
  it('is a field on random rationals (property)', () => {
    const arb = fc
      .tuple(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.bigInt({ min: 1n, max: 10n ** 12n }))
      .map(([n, d]) => new Rational(n, d));
    fc.assert(
      fc.property(arb, arb, arb, (a, b, c) => {
        assert.ok(
          a
            .add(b)
            .mul(c)
            .eq(a.mul(c).add(b.mul(c))),
        );
        assert.ok(a.sub(b).add(b).eq(a));
        if (!b.isZero()) assert.ok(a.div(b).mul(b).eq(a));
        assert.equal(a.cmp(b) + b.cmp(a), 0, 'cmp is antisymmetric');
      }),
      { numRuns: 500, seed: 2026 },
    );
  });
  it("gcd agrees with Euclid's algorithm on numbers of up to 3000 bits with a planted common factor (Lehmer path, property)", () => {
    const euclid = (a: bigint, b: bigint): bigint => {
      a = a < 0n ? -a : a;
      b = b < 0n ? -b : b;
      while (b !== 0n) [a, b] = [b, a % b];
      return a;
    };
    const big = fc.bigInt({ min: -(1n << 1500n), max: 1n << 1500n });
    fc.assert(
      fc.property(big, big, fc.bigInt({ min: 1n, max: 1n << 1500n }), (a, b, f) => {
        assert.equal(gcd(a * f, b * f), euclid(a * f, b * f));
        assert.equal(gcd(a, b), euclid(a, b));
      }),
      { numRuns: 300, seed: 2026 },
    );
    assert.equal(gcd(3n ** 400n * 7n, 2n ** 700n * 7n), 7n);
    assert.equal(gcd(0n, -(5n ** 90n)), 5n ** 90n);
  });
});
