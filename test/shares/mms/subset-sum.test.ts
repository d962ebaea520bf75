import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { rng } from '../../../src/core/rng';
import { Budget } from '../../../src/shares/mms/budget';
import { subsetInWindow, subsetWithFirstInWindow } from '../../../src/shares/mms/subset-sum';

const budget = () => new Budget(undefined, undefined);

/** Whether some subset of `vals` holding position 0 has sum in [lo, hi], by enumeration. */
function bruteWithFirst(vals: readonly number[], lo: number, hi: number): boolean {
  for (let mask = 1; mask < 2 ** vals.length; mask += 2) {
    let s = 0;
    for (let p = 0; p < vals.length; p++) if (Math.floor(mask / 2 ** p) % 2 === 1) s += vals[p];
    if (s >= lo && s <= hi) return true;
  }
  return false;
}

/** Asserts that `got` is a valid answer: distinct positions, position 0 among them, sum in [lo, hi]. */
function assertWitness(vals: readonly number[], got: number[], lo: number, hi: number): void {
  assert.equal(new Set(got).size, got.length, 'distinct positions');
  assert.ok(got.includes(0), 'holds the first value');
  const s = got.reduce((t, p) => t + vals[p], 0);
  assert.ok(s >= lo && s <= hi, `${s} in [${lo}, ${hi}]`);
}

describe('shares: mms / subset-sum (window queries)', () => {
  it('finds a subset with the first value in the window exactly when brute force does, small and wide values (500 seeded)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 2 ** 18 }), { minLength: 1, maxLength: 14 }),
        fc.constantFrom(1, 2 ** 12, 2 ** 30),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 2 ** 22 }),
        (raw, scale, at, width) => {
          const vals = raw.map((v) => v * scale).sort((a, b) => b - a);
          const total = vals.reduce((a, b) => a + b, 0);
          const lo = Math.floor(at * total);
          const hi = lo + width * scale;
          const got = subsetWithFirstInWindow(vals, lo, hi, budget());
          assert.equal(got !== null, bruteWithFirst(vals, lo, hi));
          if (got) assertWitness(vals, got, lo, hi);
        },
      ),
      { seed: 1731, numRuns: 500 },
    );
  });

  it('agrees with the unforced query on symmetric windows of 21-34 wide values (the top-group path)', () => {
    let found = 0;
    for (let k = 0; k < 24; k++) {
      const r = rng(`first in window ${k}`);
      const c = 21 + (k % 14);
      const vals = Array.from({ length: c }, () => r.int(1, 2 ** 40)).sort((a, b) => b - a);
      const total = vals.reduce((a, b) => a + b, 0);
      // one part of a two-way split within 2^k of half the total: symmetric under complement
      const lo = Math.floor(total / 2) - 2 ** (10 + k);
      const hi = total - lo;
      const got = subsetWithFirstInWindow(vals, lo, hi, budget());
      const unforced = subsetInWindow(vals, lo, hi, budget());
      assert.equal(got !== null, unforced !== null, `c = ${c}, k = ${k}`);
      if (got) {
        assertWitness(vals, got, lo, hi);
        found++;
      }
    }
    assert.ok(found > 0 && found < 24, `both outcomes occur (${found} of 24 found)`);
  });

  it('returns null when only subsets without the first value reach the window (negative control)', () => {
    assert.equal(subsetWithFirstInWindow([10, 3, 2], 5, 5, budget()), null);
    assert.deepEqual(subsetInWindow([10, 3, 2], 5, 5, budget())?.sort(), [1, 2]);
    // 24 wide values (the top-group path): an odd first value, even others, an even window of one sum that
    // all the others reach together; no subset with the first value is even
    const vals = [2 ** 37 + 1, ...Array.from({ length: 23 }, (_, i) => 2 ** 35 + 2 * i)];
    const rest = vals.slice(1).reduce((a, b) => a + b, 0);
    assert.ok(vals[0] < rest);
    assert.equal(subsetWithFirstInWindow(vals, rest, rest, budget()), null);
    assert.equal(subsetInWindow(vals, rest, rest, budget())?.length, 23);
  });
});
