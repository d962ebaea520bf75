import { strict as assert } from 'node:assert';
import { Rational } from '../../../src/core/rational';
import { rng } from '../../../src/core/rng';
import { localSearch } from '../../../src/mechanisms/bobw-mixed/local-search';

const values = (xs: number[]) => (g: number) => Rational.from(xs[g]);

describe('LocalSearch', () => {
  it('moves g3 then g1 under u_1 and ends EFX at 7 | 8 (A3-L10 trace, spec 5.1)', () => {
    const r = localSearch([], [0, 1, 2, 3], values([3, 1, 5, 6]));
    assert.deepEqual(r.moves, [
      { item: 3, swapped: false },
      { item: 1, swapped: false },
    ]);
    assert.deepEqual(r.partition, { poorer: [1, 3], richer: [0, 2] });
  });
  it('fires the swap step when the moved good makes A the richer bundle (A3-L10 under u_2)', () => {
    const r = localSearch([], [0, 1, 2, 3], values([6, 4, 4, 5]));
    assert.deepEqual(r.moves, [
      { item: 0, swapped: false },
      { item: 3, swapped: true },
    ]);
    assert.deepEqual(r.partition, { poorer: [1, 2], richer: [0, 3] });
  });
  it('keeps moving zero-valued goods while the poorer side is strictly poorer (strong EFX, Pitfall 7.19)', () => {
    const r = localSearch([], [0, 1, 2], values([0, 0, 5]));
    assert.deepEqual(r.partition, { poorer: [0, 1], richer: [2] });
  });
  it('returns an EFX partition with a gap no larger than the input, each item moving at most once (2,000 random calls)', () => {
    const r = rng(31);
    for (let t = 0; t < 2000; t++) {
      const m = r.int(0, 12);
      const hi = [1, 3, 10, 1000][r.int(0, 3)];
      const v = Array.from({ length: m }, () => r.int(0, hi));
      const u = values(v);
      const start = Array.from({ length: m }, (_, g) => g).filter(() => r.float() < 0.5);
      const rest = Array.from({ length: m }, (_, g) => g).filter((g) => !start.includes(g));
      const sum = (xs: readonly number[]) => xs.reduce((s, g) => s + v[g], 0);
      const out = localSearch(start, rest, u);
      const [A, B] = [sum(out.partition.poorer), sum(out.partition.richer)];
      assert.ok(A <= B);
      for (const g of out.partition.richer) assert.ok(A + v[g] >= B, `EFX under u: ${JSON.stringify({ v, out })}`);
      assert.ok(B - A <= Math.abs(sum(rest) - sum(start)));
      assert.equal(new Set(out.moves.map((x) => x.item)).size, out.moves.length);
    }
  });
});
