import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { rng } from '../../src/core/rng';
import { largestItemsBound } from '../../src/shares/mms/bounds';
import { Budget, Interrupted } from '../../src/shares/mms/budget';
import { CachedCover } from '../../src/shares/mms/cached-cover';
import { CoverSearch } from '../../src/shares/mms/cover';
import { lpt, minBundle } from '../../src/shares/mms/greedy';
import { Incumbent } from '../../src/shares/mms/incumbent';
import { RecursiveSplit } from '../../src/shares/mms/recursive-split';
import { mmsOfIntegers } from '../../src/shares/mms';
import { WindowSets } from '../../src/shares/mms/window-sets';
import { bruteForceMms, descending } from '../helpers/mms-brute-force';

/** An incumbent seeded like the solver: LPT witness, the largest-items upper bound. */
function seeded(values: readonly bigint[], n: number): Incumbent {
  const d = descending(values);
  const inc = new Incumbent(d, n, () => {});
  inc.best = lpt(d, n);
  inc.lower = minBundle(d, inc.best, n);
  inc.upper = largestItemsBound(d, n);
  return inc;
}

/** Asserts that the incumbent's partition has n bundles covering every position, each worth >= lower. */
function assertWitness(inc: Incumbent): void {
  assert.equal(inc.best.length, inc.desc.length);
  const load = new Array<bigint>(inc.n).fill(0n);
  inc.best.forEach((b, p) => {
    assert.ok(b >= 0 && b < inc.n, `bundle ${b} of position ${p}`);
    load[b] += inc.desc[p];
  });
  for (const l of load) assert.ok(l >= inc.lower, `bundle worth ${l} < lower ${inc.lower}`);
}

const instance = (maxN: number, maxM: number, maxValue: number) =>
  fc.record({
    n: fc.integer({ min: 2, max: maxN }),
    values: fc.array(fc.integer({ min: 0, max: maxValue }), { minLength: 1, maxLength: maxM }),
  });

describe('mms searches', () => {
  describe('WindowSets (meet-in-the-middle window enumeration)', () => {
    it('lists exactly the subsets with sum in the window, with or without a forced item, for every top-group size', () => {
      fc.assert(
        fc.property(
          fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 12 }),
          fc.integer({ min: 0, max: 6000 }),
          fc.integer({ min: 0, max: 1500 }),
          fc.boolean(),
          fc.constantFrom(2, 8, 64, 1 << 22),
          (raw, lo, width, force, halfLimit) => {
            const w = Float64Array.from([...raw].sort((a, b) => b - a));
            const m = w.length;
            const hi = lo + width;
            const sets = new WindowSets(w, force ? 0 : -1, hi, new Budget(undefined, undefined), halfLimit);
            if (!sets.viable) return;
            assert.ok(sets.collect({ lo, hi, skipLo: 1, skipHi: 0, narrow: () => false }, 1 << 20));
            const found = new Set<number>();
            for (let i = 0; i < sets.count; i++) {
              const mask = sets.masks[i];
              let s = 0;
              for (let p = 0; p < m; p++) if ((mask >>> p) & 1) s += w[p];
              assert.equal(s, sets.sums[i]);
              assert.ok(!found.has(mask), `mask ${mask} listed twice`);
              found.add(mask);
            }
            let expected = 0;
            for (let mask = 0; mask < 1 << m; mask++) {
              if (force && !(mask & 1)) continue;
              let s = 0;
              for (let p = 0; p < m; p++) if ((mask >>> p) & 1) s += w[p];
              if (s >= lo && s <= hi) {
                expected++;
                assert.ok(found.has(mask), `missing subset ${mask} worth ${s}`);
              }
            }
            assert.equal(found.size, expected);
          },
        ),
        { seed: 1701, numRuns: 400 },
      );
    });

    it('narrows the window when more sets turn up than the cap, keeping exactly those inside', () => {
      const r = rng(3);
      const w = Float64Array.from(Array.from({ length: 16 }, () => r.int(1, 10_000)).sort((a, b) => b - a));
      const total = w.reduce((a, b) => a + b, 0);
      const win = {
        lo: 0,
        hi: total,
        skipLo: 1,
        skipHi: 0,
        narrow(): boolean {
          this.lo += 1000;
          return this.lo <= this.hi;
        },
      };
      const sets = new WindowSets(w, -1, total, new Budget(undefined, undefined));
      assert.ok(sets.collect(win, 500));
      assert.ok(win.lo > 0 && sets.count <= 500);
      let inside = 0;
      for (let mask = 0; mask < 1 << 16; mask++) {
        let s = 0;
        for (let p = 0; p < 16; p++) if ((mask >>> p) & 1) s += w[p];
        if (s >= win.lo && s <= win.hi) inside++;
      }
      assert.equal(sets.count, inside);
    });
  });

  describe('CachedCover (cached iterative weakening; sequential for n <= 3)', () => {
    const check = (
      values: readonly bigint[],
      n: number,
      limits: { setCap?: number; halfLimit?: number; pairsMaxItems?: number },
    ) => {
      const inc = seeded(values, n);
      const search = new CachedCover(inc, new Budget(undefined, undefined), limits);
      search.run();
      const exact = bruteForceMms(values, n);
      if (search.dead) {
        // a search that gave up proves nothing wrong: its bounds still hold
        assert.ok(inc.lower <= exact && exact <= inc.upper);
      } else {
        assert.ok(inc.solved, 'a live search ends solved');
        assert.equal(inc.lower, exact, `MMS^${n}(${values.join(' ')})`);
      }
      assertWitness(inc);
      return search.dead;
    };

    it('agrees with brute force on small instances, n = 2..5, small and wide values, both three-bundle modes (600 seeded)', () => {
      let live = 0;
      fc.assert(
        fc.property(
          fc.oneof(instance(5, 10, 40), instance(5, 10, 2 ** 30), instance(3, 12, 2 ** 45)),
          fc.boolean(),
          ({ n, values }, pairs) => {
            if (!check(values.map(BigInt), n, { pairsMaxItems: pairs ? 44 : 0 })) live++;
          },
        ),
        { seed: 424242, numRuns: 600 },
      );
      assert.ok(live > 400, `only ${live} of 600 runs ended by the search itself`);
    });

    it('agrees with brute force through narrowed windows, rescans, top groups and per-subset queries (tiny caps, 300 seeded)', () => {
      fc.assert(
        fc.property(
          instance(4, 11, 5000),
          fc.constantFrom(4, 16, 64),
          fc.constantFrom(2, 4, 16),
          fc.constantFrom(0, 44),
          ({ n, values }, setCap, halfLimit, pairsMaxItems) => {
            check(values.map(BigInt), n, { setCap, halfLimit, pairsMaxItems });
          },
        ),
        { seed: 99, numRuns: 300 },
      );
    });

    it('values whose total exceeds 2^53 (the window ends stay safe integers)', () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 2, max: 4 }),
          fc.array(fc.bigInt({ min: 1n, max: 2n ** 51n }), { minLength: 5, maxLength: 10 }),
          (n, values) => {
            check(values, n, {});
          },
        ),
        { seed: 53, numRuns: 120 },
      );
    });

    it('proves the optimum the covering search confirms on 34-38 items (two-word masks), n = 5 and 6 (8 seeded)', () => {
      for (let s = 0; s < 8; s++) {
        const r = rng(`two-word cover ${s}`);
        const n = 5 + (s % 2);
        const values = Array.from({ length: 34 + (s % 5) }, () => BigInt(r.int(1, 2 ** (s % 4 < 2 ? 20 : 24))));
        const inc = seeded(values, n);
        const search = new CachedCover(inc, new Budget(undefined, undefined));
        search.run();
        assert.ok(!search.dead && inc.solved, `instance ${s} solved`);
        assertWitness(inc);
        // the independent oracle: a covering at the optimum, none one above it
        const cover = new CoverSearch(inc.desc.map(Number), n, new Budget(undefined, undefined));
        assert.ok(cover.decide(Number(inc.lower)), `a covering at ${inc.lower}`);
        assert.equal(cover.decide(Number(inc.lower) + 1), null, `no covering at ${inc.lower + 1n}`);
      }
    });
  });

  describe('RecursiveSplit (recursive number partitioning as a witness search)', () => {
    it('only ever adopts valid partitions, and reaches a perfect partition whenever brute force says one exists often', () => {
      let perfect = 0;
      let found = 0;
      fc.assert(
        fc.property(instance(4, 11, 30), ({ n, values }) => {
          const v = values.map(BigInt);
          const inc = seeded(v, n);
          const search = new RecursiveSplit(inc, new Budget(undefined, undefined), 48);
          search.run();
          assertWitness(inc);
          const exact = bruteForceMms(v, n);
          assert.ok(inc.lower <= exact);
          if (exact === inc.upper && v.length >= 2 * n) {
            perfect++;
            if (inc.lower === exact) found++;
          }
        }),
        { seed: 2009, numRuns: 400 },
      );
      assert.ok(perfect > 50 && found >= 0.8 * perfect, `found ${found} of ${perfect} perfect partitions`);
    });
  });

  describe('the portfolio (one budget, time slices)', () => {
    it('a slice ends a search without ending the budget; an exhausted budget propagates', () => {
      const budget = new Budget(10_000, undefined);
      const spin = () => {
        for (;;) budget.tick();
      };
      assert.equal(budget.runSlice(2, spin), false);
      assert.equal(budget.exhausted, false);
      assert.equal(
        budget.runSlice(2, () => {}),
        true,
      );
      const spent = new Budget(0, undefined);
      const until = Date.now() + 2;
      while (Date.now() <= until);
      assert.throws(() => spent.runSlice(5, () => spent.check()), Interrupted);
    });

    it('solves wide-number instances with n = 3 and n = 6 exactly, with witnesses (U[1, 2^40), m = 12-16)', () => {
      const r = rng(48);
      for (const [n, m] of [
        [3, 16],
        [6, 12],
      ] as const) {
        const v = Array.from({ length: m }, () => BigInt(r.int(1, 2 ** 40 - 1)));
        const res = mmsOfIntegers(v, n);
        assert.equal(res.status, 'optimal');
        assert.equal(res.value, bruteForceMms(v, n));
        const load = res.partition.map((b) => b.reduce((a, g) => a + v[g], 0n));
        for (const l of load) assert.ok(l >= res.value);
      }
    });

    it('finds the perfect partition of a dense instance (U[1,100], n = 20, m = 100) through recursive splitting', () => {
      const r = rng(20100);
      const v = Array.from({ length: 100 }, () => BigInt(r.int(1, 100)));
      const res = mmsOfIntegers(v, 20);
      assert.equal(res.status, 'optimal');
      assert.equal(res.value, v.reduce((a, b) => a + b, 0n) / 20n);
      assert.equal(res.stats.method, 'recursive-split');
    });
  });
});
