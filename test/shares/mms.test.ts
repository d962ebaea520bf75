import { strict as assert } from 'node:assert';
import { InvalidInputError } from '../../src/core/errors';
import fc from 'fast-check';
import { Rational } from '../../src/core/rational';
import { rng } from '../../src/core/rng';
import {
  approxMmsPartition,
  mms,
  mmsEfxPartition,
  mmsOfIntegers,
  mmsPartition,
  realloc,
  type MmsIntegerResult,
} from '../../src/shares/mms';
import { bruteForceMms } from '../helpers/mms-brute-force';

/** Asserts that `r.partition` partitions the goods into n bundles, each worth at least `r.lower`. */
function assertWitness(values: readonly bigint[], n: number, r: MmsIntegerResult): void {
  assert.equal(r.partition.length, n);
  const seen = new Array<boolean>(values.length).fill(false);
  for (const bundle of r.partition) {
    let sum = 0n;
    for (const g of bundle) {
      assert.ok(Number.isInteger(g) && g >= 0 && g < values.length, `bad good index ${g}`);
      assert.ok(!seen[g], `good ${g} in two bundles`);
      seen[g] = true;
      sum += values[g];
    }
    assert.ok(sum >= r.lower, `bundle worth ${sum} < lower ${r.lower}`);
  }
  assert.ok(seen.every(Boolean), 'some good is unassigned');
  assert.equal(r.value, r.lower);
  assert.ok(r.lower <= r.upper);
}

const big = (xs: number[]) => xs.map(BigInt);

describe('mms kernel', () => {
  describe('known answers (mms-kernel.md section 1.5)', () => {
    const cases: [number, number[], number][] = [
      [3, [5, 5, 5, 7, 7, 7, 11, 17, 23, 23, 23, 31, 31, 31, 65], 96],
      [3, [29, 29, 28, 16, 2], 29],
      [3, [1, 3, 5, 6, 9], 7],
      [3, [5, 5, 5, 4, 4, 3, 3, 1], 10],
      [2, [4, 5, 6, 7, 8], 15],
    ];
    for (const [n, v, expected] of cases) {
      it(`MMS^${n}(${v.join(' ')}) = ${expected}`, () => {
        const r = mmsOfIntegers(big(v), n);
        assert.equal(r.status, 'optimal');
        assert.equal(r.value, BigInt(expected));
        assert.equal(r.upper, BigInt(expected));
        assertWitness(big(v), n, r);
      });
    }
  });

  describe('edge cases', () => {
    it('one bundle takes everything', () => {
      const r = mmsOfIntegers(big([3, 4, 5]), 1);
      assert.equal(r.value, 12n);
      assertWitness(big([3, 4, 5]), 1, r);
    });
    it('fewer goods than bundles gives 0 with one good per bundle', () => {
      const r = mmsOfIntegers(big([7, 9]), 3);
      assert.equal(r.value, 0n);
      assert.equal(r.status, 'optimal');
      assertWitness(big([7, 9]), 3, r);
    });
    it('no goods', () => {
      const r = mmsOfIntegers([], 2);
      assert.equal(r.value, 0n);
      assert.deepEqual(r.partition, [[], []]);
    });
    it('zero values and duplicates', () => {
      const v = big([0, 0, 5, 5, 5, 5, 0, 10]);
      const r = mmsOfIntegers(v, 3);
      assert.equal(r.value, 10n);
      assertWitness(v, 3, r);
    });
    it('rejects negative values and bad n', () => {
      assert.throws(() => mmsOfIntegers([1n, -2n], 2), /negative/);
      assert.throws(() => mmsOfIntegers([1n], 0), /positive integer/);
      assert.throws(() => mms(['-1/2'], 2), /negative/);
    });
  });

  describe('agreement with brute force', () => {
    it('1200 seeded small instances (m <= 10), every partition a witness', () => {
      const instance = fc.record({
        n: fc.integer({ min: 1, max: 5 }),
        values: fc.oneof(
          fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 10 }),
          fc.array(fc.integer({ min: 1, max: 1000 }), { maxLength: 10 }),
          fc.array(fc.integer({ min: 0, max: 2 ** 40 }), { maxLength: 10 }),
        ),
      });
      fc.assert(
        fc.property(instance, ({ n, values }) => {
          const v = big(values);
          const r = mmsOfIntegers(v, n);
          assert.equal(r.status, 'optimal');
          assert.equal(r.value, bruteForceMms(v, n), `MMS^${n}(${values.join(' ')})`);
          assertWitness(v, n, r);
        }),
        { seed: 20240601, numRuns: 1200 },
      );
    });

    it('values whose total exceeds 2^53 (BigInt search)', () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 2, max: 4 }),
          fc.array(fc.bigInt({ min: 0n, max: 2n ** 70n }), { minLength: 4, maxLength: 9 }),
          (n, v) => {
            const r = mmsOfIntegers(v, n);
            assert.equal(r.value, bruteForceMms(v, n));
            assertWitness(v, n, r);
          },
        ),
        { seed: 7, numRuns: 150 },
      );
    });

    it('three bundles, 13-14 large values (meet-in-the-middle completions)', () => {
      fc.assert(
        fc.property(fc.array(fc.integer({ min: 1, max: 2 ** 20 }), { minLength: 13, maxLength: 14 }), (values) => {
          const v = big(values);
          const r = mmsOfIntegers(v, 3);
          assert.equal(r.status, 'optimal');
          assert.equal(r.value, bruteForceMms(v, 3), `MMS^3(${values.join(' ')})`);
          assertWitness(v, 3, r);
        }),
        { seed: 13, numRuns: 25 },
      );
    });

    it('two bundles, larger m, against the subset-sum optimum', () => {
      fc.assert(
        fc.property(fc.array(fc.integer({ min: 1, max: 2 ** 30 }), { minLength: 11, maxLength: 16 }), (values) => {
          const v = big(values);
          const r = mmsOfIntegers(v, 2);
          assert.equal(r.value, bruteForceMms(v, 2));
          assertWitness(v, 2, r);
        }),
        { seed: 11, numRuns: 60 },
      );
    });
  });

  describe('rational inputs', () => {
    it('scales exactly and scales back', () => {
      const r = mms(['1/2', '1/3', '1/4', '1/6', 1], 2);
      assert.ok(r.value.eq(new Rational(13n, 12n)));
      assert.ok(r.upper.eq(r.value));
      const vals = ['1/2', '1/3', '1/4', '1/6', '1'].map((s) => Rational.from(s));
      for (const bundle of r.partition) assert.ok(Rational.sum(bundle.map((g) => vals[g])).ge(r.value));
    });
    it('agrees with the integer kernel on random fractions', () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 2, max: 4 }),
          fc.array(fc.tuple(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 1, max: 12 })), { maxLength: 9 }),
          (n, fr) => {
            const qs = fr.map(([a, b]) => new Rational(BigInt(a), BigInt(b)));
            const r = mms(
              qs.map((x) => x.toString()),
              n,
            );
            const L = 27720n;
            const ints = qs.map((x) => (x.num * L) / x.den);
            assert.ok(r.value.eq(new Rational(bruteForceMms(ints, n), L)));
            for (const bundle of r.partition) assert.ok(Rational.sum(bundle.map((g) => qs[g])).ge(r.value));
          },
        ),
        { seed: 5, numRuns: 200 },
      );
    });
    it('accepts JS numbers exactly', () => {
      const r = mms([0.5, 0.25, 0.25, 1.5], 2);
      assert.ok(r.value.eq(1));
    });
  });

  describe('anytime behaviour', () => {
    it('a tiny time limit on a hard instance returns a timeout with valid bounds', () => {
      const r32 = rng(12345);
      const v = Array.from({ length: 40 }, () => BigInt(r32.nextU32()) * 4096n + BigInt(r32.int(0, 4095)));
      const exact = mmsOfIntegers(v, 3);
      assert.equal(exact.status, 'optimal');
      const r = mmsOfIntegers(v, 3, { timeLimitMs: 1 });
      assert.equal(r.status, 'timeout');
      assertWitness(v, 3, r);
      assert.ok(r.lower <= exact.value && exact.value <= r.upper, `${r.lower} <= ${exact.value} <= ${r.upper}`);
      assert.ok(r.upper < v.reduce((a, b) => a + b, 0n));
    });
    it('an aborted signal stops the search with valid bounds', () => {
      const ctrl = new AbortController();
      ctrl.abort();
      const v = big([97, 89, 83, 79, 73, 71, 67, 61, 59, 53, 47, 43, 41, 37, 31, 29, 23, 19, 17, 13]);
      const r = mmsOfIntegers(v, 7, { signal: ctrl.signal });
      assertWitness(v, 7, r);
      const exact = mmsOfIntegers(v, 7);
      assert.ok(r.lower <= exact.value && exact.value <= r.upper);
    });
    it('reports progress with a narrowing interval', () => {
      const seen: [bigint, bigint][] = [];
      const v = big([97, 89, 83, 79, 73, 71, 67, 61, 59, 53, 47, 43, 41, 37, 31, 29, 23, 19, 17, 13]);
      const r = mmsOfIntegers(v, 7, { onProgress: (p) => seen.push([p.lower, p.upper]) });
      assert.ok(seen.length >= 1);
      for (let i = 1; i < seen.length; i++) {
        assert.ok(seen[i][0] >= seen[i - 1][0] && seen[i][1] <= seen[i - 1][1]);
      }
      const last = seen[seen.length - 1];
      assert.equal(last[0], r.value);
      assert.equal(last[1], r.value);
    });
  });

  describe('partition helpers', () => {
    const bundleValue = (v: readonly bigint[], b: readonly number[]) => b.reduce((a, g) => a + v[g], 0n);
    const minValue = (v: readonly bigint[], p: readonly (readonly number[])[]) =>
      p.map((b) => bundleValue(v, b)).reduce((a, b) => (b < a ? b : a));
    /** Strong EFX: every bundle X and every other bundle Y: Y empty or v(X) >= v(Y) - min_{g in Y} v(g). */
    const isEfx = (v: readonly bigint[], p: readonly (readonly number[])[]) =>
      p.every((X) =>
        p.every((Y) => {
          if (X === Y || Y.length === 0) return true;
          const least = Y.map((g) => v[g]).reduce((a, b) => (b < a ? b : a));
          return bundleValue(v, X) >= bundleValue(v, Y) - least;
        }),
      );
    const isPartition = (m: number, p: readonly (readonly number[])[]) => {
      const all = p.flat().sort((a, b) => a - b);
      return all.length === m && all.every((g, i) => g === i);
    };

    it('mmsPartition is an exact MMS partition', () => {
      const v = big([5, 5, 5, 7, 7, 7, 11, 17, 23, 23, 23, 31, 31, 31, 65]);
      const p = mmsPartition(v, 3);
      assert.ok(isPartition(v.length, p));
      assert.equal(minValue(v, p), 96n);
    });

    it('REALLOC returns an EFX partition and never lowers the minimum (400 seeded random partitions)', () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 2, max: 4 }),
          fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 10 }),
          fc.infiniteStream(fc.nat()),
          (k, values, labels) => {
            const v = big(values);
            const p: number[][] = Array.from({ length: k }, () => []);
            const it = labels[Symbol.iterator]();
            v.forEach((_, g) => p[(it.next().value as number) % k].push(g));
            const q = realloc(values, p);
            assert.ok(isPartition(v.length, q));
            assert.ok(isEfx(v, q), JSON.stringify({ values, p, q }));
            assert.ok(minValue(v, q) >= minValue(v, p));
          },
        ),
        { seed: 3, numRuns: 400 },
      );
    });

    it('mmsEfxPartition is an MMS partition in which every bundle EFX-dominates every other', () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 2, max: 4 }),
          fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 10 }),
          (n, values) => {
            const v = big(values);
            const p = mmsEfxPartition(values, n);
            assert.equal(p.length, n);
            assert.ok(isPartition(v.length, p));
            assert.equal(minValue(v, p), bruteForceMms(v, n));
            assert.ok(isEfx(v, p));
          },
        ),
        { seed: 17, numRuns: 300 },
      );
    });

    it('approxMmsPartition reaches (1 - eps) MMS for 2 and 3 bundles', () => {
      fc.assert(
        fc.property(
          fc.constantFrom<2 | 3>(2, 3),
          fc.constantFrom('1/2', '1/4', '1/10', '1/50'),
          fc.array(fc.integer({ min: 0, max: 10 ** 6 }), { maxLength: 10 }),
          (k, eps, values) => {
            const v = big(values);
            const p = approxMmsPartition(values, k, eps);
            assert.equal(p.length, k);
            assert.ok(isPartition(v.length, p));
            const e = Rational.from(eps);
            const exact = bruteForceMms(v, k);
            assert.ok(new Rational(minValue(v, p)).ge(Rational.ONE.sub(e).mul(exact)), `${minValue(v, p)} vs ${exact}`);
          },
        ),
        { seed: 23, numRuns: 400 },
      );
    });

    it('approxMmsPartition on larger instances, against the exact kernel', () => {
      const r = rng(99);
      for (const [k, m] of [
        [2, 40],
        [3, 30],
        [3, 40],
      ] as const) {
        const v = Array.from({ length: m }, () => BigInt(r.int(0, 99999)));
        const p = approxMmsPartition(v, k, '1/20');
        const exact = mmsOfIntegers(v, k).value;
        assert.ok(isPartition(m, p));
        assert.ok(20n * minValue(v, p) >= 19n * exact);
      }
    });

    it('approxMmsPartition refuses a table too large for memory with a typed error, for 2 and 3 bundles', () => {
      const v = Array.from({ length: 2000 }, (_, i) => 1000 + i);
      for (const k of [2, 3] as const)
        assert.throws(
          () => approxMmsPartition(v, k, '1/100000'),
          (e: unknown) =>
            e instanceof InvalidInputError && e.code === 'eps-too-small' && /use a larger eps/.test(e.message),
        );
    });
  });
});
