import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { largestItemsBound } from '../../../src/shares/mms/bounds';
import { Budget } from '../../../src/shares/mms/budget';
import { CompleteKarmarkarKarp } from '../../../src/shares/mms/ckk';
import { karmarkarKarp, minBundle } from '../../../src/shares/mms/greedy';
import { Incumbent } from '../../../src/shares/mms/incumbent';
import { mmsOfIntegers } from '../../../src/shares/mms';
import { bruteForceMms, descending } from '../../helpers/mms-brute-force';

/** An incumbent with a zero witness (every good in bundle 0) and the largest-items upper bound. */
function fresh(values: readonly bigint[], n: number, seedKk = false): Incumbent {
  const d = descending(values);
  const inc = new Incumbent(d, n, () => {});
  if (seedKk) {
    inc.best = karmarkarKarp(d, n);
    inc.lower = minBundle(d, inc.best, n);
  }
  inc.upper = largestItemsBound(d, n);
  return inc;
}

function assertWitness(inc: Incumbent): void {
  const load = new Array<bigint>(inc.n).fill(0n);
  inc.best.forEach((b, p) => {
    assert.ok(b >= 0 && b < inc.n);
    load[b] += inc.desc[p];
  });
  for (const l of load) assert.ok(l >= inc.lower, `bundle worth ${l} < lower ${inc.lower}`);
}

/** Wide values: the largest is at least 2^16 (the search runs only then). */
const wide = (maxN: number, maxM: number, bits: number, minM = 3) =>
  fc
    .record({
      n: fc.integer({ min: 3, max: maxN }),
      values: fc.array(fc.bigInt({ min: 0n, max: (1n << BigInt(bits)) - 1n }), {
        minLength: minM - 1,
        maxLength: maxM - 1,
      }),
      top: fc.bigInt({ min: 1n << 16n, max: 1n << BigInt(bits) }),
    })
    .filter(({ n, values }) => values.length + 1 >= n)
    .map(({ n, values, top }) => ({ n, values: [top, ...values] }));

describe('shares: mms / ckk (complete Karmarkar–Karp, max-min)', () => {
  it('runs to exhaustion and proves the brute-force optimum, with a witness, n = 3..5 (300 seeded)', () => {
    fc.assert(
      fc.property(wide(5, 9, 40), ({ n, values }) => {
        const inc = fresh(values, n);
        const search = new CompleteKarmarkarKarp(inc, new Budget(undefined, undefined));
        assert.equal(search.dead, false);
        search.run();
        assert.ok(inc.solved);
        assert.equal(inc.lower, bruteForceMms(values, n));
        assertWitness(inc);
      }),
      { seed: 1717, numRuns: 300 },
    );
  });

  it('stays exact when the total exceeds 2^53 (bound with a margin, leaves re-evaluated in BigInt; 100 seeded)', () => {
    fc.assert(
      fc.property(wide(4, 9, 51, 8), ({ n, values }) => {
        const big = values.map((v) => v + (1n << 51n));
        assert.ok(big.reduce((a, b) => a + b, 0n) > BigInt(Number.MAX_SAFE_INTEGER));
        const inc = fresh(big, n, true);
        new CompleteKarmarkarKarp(inc, new Budget(undefined, undefined)).run();
        assert.ok(inc.solved);
        assert.equal(inc.lower, bruteForceMms(big, n));
        assertWitness(inc);
      }),
      { seed: 1718, numRuns: 100 },
    );
  });

  it('resumes after every slice end and reaches the same optimum as an uninterrupted run', () => {
    fc.assert(
      fc.property(wide(4, 9, 44), ({ n, values }) => {
        const inc = fresh(values, n);
        const budget = new Budget(undefined, undefined);
        const search = new CompleteKarmarkarKarp(inc, budget);
        while (!search.dead && !inc.solved) budget.runSlice(0, () => search.run());
        assert.equal(inc.lower, bruteForceMms(values, n));
      }),
      { seed: 1719, numRuns: 60 },
    );
  });

  it('declines narrow values, more than five bundles, fewer goods than bundles, and 257 goods past 2^53', () => {
    const budget = new Budget(undefined, undefined);
    assert.equal(new CompleteKarmarkarKarp(fresh([5n, 4n, 3n, 2n], 3), budget).dead, true);
    const w = [1n << 20n, 5n, 4n, 3n, 2n, 1n, 7n];
    assert.equal(new CompleteKarmarkarKarp(fresh(w, 6), budget).dead, true);
    assert.equal(new CompleteKarmarkarKarp(fresh(w.slice(0, 2), 3), budget).dead, true);
    assert.equal(new CompleteKarmarkarKarp(fresh(w, 3), budget).dead, false);
    const many = Array.from({ length: 257 }, () => 1n << 45n);
    assert.equal(new CompleteKarmarkarKarp(fresh(many, 3), budget).dead, true);
    assert.equal(new CompleteKarmarkarKarp(fresh(many.slice(1), 3), budget).dead, false);
  });

  it('finds a better witness than Karmarkar–Karp where one exists (three bundles, 14 wide goods)', () => {
    const values = [
      981234567891n,
      876543219876n,
      765432198765n,
      654321987654n,
      543219876543n,
      432198765432n,
      321987654321n,
      219876543219n,
      198765432198n,
      187654321987n,
      176543219876n,
      165432198765n,
      154321987654n,
      143219876543n,
    ];
    const inc = fresh(values, 3, true);
    const kk = inc.lower;
    new CompleteKarmarkarKarp(inc, new Budget(undefined, undefined)).run();
    assertWitness(inc);
    assert.ok(inc.lower > kk, `${inc.lower} > ${kk}`);
    assert.equal(inc.lower, mmsOfIntegers(values, 3).value);
  });
});
