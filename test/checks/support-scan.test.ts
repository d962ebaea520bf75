import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { Allocation, Lottery } from '../../src/core/allocation';
import { Instance } from '../../src/core/instance';
import { Rational } from '../../src/core/rational';
import { probabilityOf, SupportValues, supportMarginals } from '../../src/checks/support-scan';

/** Random owner vectors, probabilities with unrelated denominators (normalised to sum 1), rational values. */
const arbCase = fc
  .record({
    n: fc.integer({ min: 1, max: 4 }),
    m: fc.integer({ min: 1, max: 8 }),
    k: fc.integer({ min: 1, max: 6 }),
    seed: fc.array(fc.nat(1_000_000), { minLength: 200, maxLength: 200 }),
    wide: fc.boolean(),
  })
  .map(({ n, m, k, seed, wide }) => {
    let s = 0;
    const next = () => seed[s++ % seed.length] + s;
    // wide: values near 2^60 (rows summed in BigInt) and probabilities with 100-bit denominators (several limbs)
    const values = Array.from({ length: n }, () =>
      Array.from({ length: m }, () =>
        wide
          ? new Rational(2n ** 60n + BigInt(next()), BigInt(1 + (next() % 7)))
          : new Rational(BigInt(next() % 50), 3n),
      ),
    );
    const weights = Array.from(
      { length: k },
      () => new Rational(BigInt(1 + next()), (wide ? 2n ** 100n : 1n) + BigInt(next())),
    );
    const total = Rational.sum(weights);
    const entries = weights.map((w) => ({
      p: w.div(total),
      allocation: Allocation.fromOwners(
        Array.from({ length: m }, () => next() % n),
        n,
      ),
    }));
    return { inst: new Instance(values), lottery: new Lottery(entries) };
  });

describe('exact scans of a lottery support', () => {
  it('gives the marginals Lottery.marginals gives, on probabilities of unrelated denominators (200 lotteries)', () => {
    fc.assert(
      fc.property(arbCase, ({ inst, lottery }) => {
        const f = supportMarginals(lottery.entries, inst);
        const want = lottery.marginals().shares;
        assert.deepEqual(
          f.map((r) => r.map(String)),
          want.map((r) => r.map(String)),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('gives every bundle value and every threshold comparison exactly, wide rows in BigInt (200 lotteries)', () => {
    fc.assert(
      fc.property(arbCase, ({ inst, lottery }) => {
        const support = lottery.entries;
        const values = SupportValues.of(inst, support);
        for (let i = 0; i < inst.n; i++) {
          const own = support.map((e) => inst.value(i, e.allocation.bundles[i]));
          own.forEach((v, k) => assert.equal(values.value(i, k).toString(), v.toString()));
          const least = own.reduce((a, b) => (b.lt(a) ? b : a));
          assert.equal(values.least(i).value.toString(), least.toString());
          assert.equal(
            own.findIndex((v) => v.eq(least)),
            values.least(i).k,
          );
          for (const t of [least, least.add(new Rational(1n, 7n)), own[0], Rational.ZERO]) {
            const below = own.flatMap((v, k) => (v.lt(t) ? [k] : []));
            assert.deepEqual(values.indicesBelow(i, t), below);
            assert.equal(values.firstBelow(i, t), below.length ? below[0] : -1);
            assert.equal(
              probabilityOf(support, below).toString(),
              Rational.sum(below.map((k) => support[k].p)).toString(),
            );
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('reads a support once per instance and never reuses a scan for another support with the same first allocation', () => {
    const inst = new Instance([
      [1, 2, 3],
      [3, 2, 1],
    ]);
    const a = Allocation.fromOwners([0, 0, 1], 2);
    const b = Allocation.fromOwners([1, 1, 0], 2);
    const half = new Rational(1n, 2n);
    const one = [
      { p: half, allocation: a },
      { p: half, allocation: b },
    ];
    assert.equal(supportMarginals(one, inst), supportMarginals(one, inst));
    assert.equal(SupportValues.of(inst, one), SupportValues.of(inst, one));
    // same first allocation, other probabilities: a fresh scan with its own marginals
    const other = [
      { p: new Rational(3n, 4n), allocation: a },
      { p: new Rational(1n, 4n), allocation: b },
    ];
    assert.equal(supportMarginals(other, inst)[0][0].toString(), '3/4');
    assert.equal(supportMarginals(one, inst)[0][0].toString(), '1/2');
    // another instance on the same support: its own values
    const doubled = new Instance([
      [2, 4, 6],
      [6, 4, 2],
    ]);
    assert.equal(SupportValues.of(doubled, one).value(0, 0).toString(), '6');
    assert.equal(SupportValues.of(inst, one).value(0, 0).toString(), '3');
  });
});
