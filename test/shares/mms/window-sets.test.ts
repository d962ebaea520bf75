import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { rng } from '../../../src/core/rng';
import { Budget, Interrupted } from '../../../src/shares/mms/budget';
import { WindowSets } from '../../../src/shares/mms/window-sets';

/** The masks of the subsets of `w` (a forced position 0 when `force`) with sum in [lo, hi], by enumeration. */
function brute(w: Float64Array, force: boolean, lo: number, hi: number): Set<number> {
  const out = new Set<number>();
  for (let mask = 0; mask < 1 << w.length; mask++) {
    if (force && !(mask & 1)) continue;
    let s = 0;
    for (let p = 0; p < w.length; p++) if ((mask >>> p) & 1) s += w[p];
    if (s >= lo && s <= hi) out.add(mask);
  }
  return out;
}

function listed(sets: WindowSets): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i < sets.count; i++) {
    assert.ok(!out.has(sets.masks[i]), `mask ${sets.masks[i]} listed twice`);
    out.add(sets.masks[i]);
  }
  return out;
}

describe('shares: mms / window-sets (meet-in-the-middle window enumeration)', () => {
  it('after restart, scans a window below the first upper end afresh and lists exactly its subsets (400 seeded)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 0, max: 6000 }),
        fc.integer({ min: 0, max: 1500 }),
        fc.integer({ min: 0, max: 3000 }),
        fc.boolean(),
        fc.constantFrom(2, 8, 64, 1 << 22),
        (raw, lo, width, down, force, halfLimit) => {
          const w = Float64Array.from([...raw].sort((a, b) => b - a));
          const hi = lo + width;
          const sets = new WindowSets(w, force ? 0 : -1, hi, new Budget(undefined, undefined), halfLimit);
          if (!sets.viable) return;
          const win = { lo, hi, skipLo: 1, skipHi: 0, narrow: () => false };
          assert.ok(sets.collect(win, 1 << 20));
          assert.deepEqual(listed(sets), brute(w, force, lo, hi));
          // a second window, lower upper end (a higher threshold), on the same half lists
          const hi2 = Math.max(0, hi - down);
          const lo2 = Math.max(0, lo - down);
          sets.restart();
          assert.ok(sets.collect({ lo: lo2, hi: hi2, skipLo: 1, skipHi: 0, narrow: () => false }, 1 << 20));
          assert.deepEqual(listed(sets), brute(w, force, lo2, hi2));
        },
      ),
      { seed: 1720, numRuns: 400 },
    );
  });

  it('splits the halves by size when the bound prunes the larger items, and still lists exactly the window (20 wide values)', () => {
    let bySize = 0;
    for (let k = 0; k < 6; k++) {
      const r = rng(`window-sets by size ${k}`);
      const w = Float64Array.from(Array.from({ length: 20 }, () => r.int(1, 2 ** 40)).sort((a, b) => b - a));
      const total = w.reduce((a, b) => a + b, 0);
      const lo = Math.floor(total / 3) - 2 ** 33;
      const hi = Math.floor(total / 3) + 2 ** 33;
      const sets = new WindowSets(w, 0, hi, new Budget(undefined, undefined), k % 2 ? 256 : 64);
      assert.ok(sets.viable);
      if (sets.plan.bySize) bySize++;
      assert.ok(sets.collect({ lo, hi, skipLo: 1, skipHi: 0, narrow: () => false }, 1 << 20));
      assert.deepEqual(listed(sets), brute(w, true, lo, hi));
    }
    assert.ok(bySize > 0, 'some plan split by size');
  });

  it('resumes a scan interrupted at every budget check and still lists every subset once', () => {
    const w = Float64Array.from(Array.from({ length: 18 }, (_, i) => 1000 + 37 * i).sort((a, b) => b - a));
    const total = w.reduce((a, b) => a + b, 0);
    const lo = Math.floor(total / 3);
    const hi = lo + 2000;
    const budget = new Budget(undefined, undefined);
    const sets = new WindowSets(w, 0, hi, budget, 64);
    // from here every other clock read ends the slice (deterministic, unlike a real clock)
    let reads = 0;
    budget.check = () => {
      if (++reads % 2 === 1) throw new Interrupted();
    };
    const win = { lo, hi, skipLo: 1, skipHi: 0, narrow: () => false };
    let slices = 0;
    while (!budget.runSlice(0, () => assert.ok(sets.collect(win, 1 << 20)))) slices++;
    assert.ok(slices > 0);
    assert.deepEqual(listed(sets), brute(w, true, lo, hi));
  });
});
