/**
 * The exact solve of the guided support reduction (Lemma 4.15): p-adic lifting on the LU modulo Q, against exact
 * rational elimination on seeded random 0/1 systems, and its refusals.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { Rational } from '../../../src/core/rational';
import { FloatBasis, ModularLu } from '../../../src/mechanisms/tie-mms/dense-lu';
import { Q } from '../../../src/mechanisms/tie-mms/guided-reduction';
import { liftedSolve } from '../../../src/mechanisms/tie-mms/lifting';

function randomColumns(seed: number, d: number, K: number): Int32Array[] {
  let s = seed >>> 0;
  const rnd = () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return Array.from({ length: K }, () => {
    const rows = [0];
    for (let i = 1; i < d; i++) if (rnd() < 0.35) rows.push(i);
    return Int32Array.from(rows);
  });
}

/** The exact solution c of sum_q c_q column_q = target by rational Gauss-Jordan (reference; null if none). */
function exactSolution(d: number, cols: readonly Int32Array[], target: readonly bigint[]): Rational[] | null {
  const r = cols.length;
  const A = Array.from({ length: d }, (_, i) => [
    ...cols.map((c) => (c.includes(i) ? Rational.ONE : Rational.ZERO)),
    new Rational(target[i]),
  ]);
  const pivRow: number[] = [];
  let row = 0;
  for (let c = 0; c < r; c++) {
    const p = A.findIndex((a, i) => i >= row && !a[c].isZero());
    if (p < 0) return null;
    [A[row], A[p]] = [A[p], A[row]];
    const inv = A[row][c].inv();
    A[row] = A[row].map((x) => x.mul(inv));
    for (let i = 0; i < d; i++) {
      if (i === row || A[i][c].isZero()) continue;
      const f = A[i][c];
      A[i] = A[i].map((x, z) => x.sub(f.mul(A[row][z])));
    }
    pivRow.push(row++);
  }
  for (let i = row; i < d; i++) if (!A[i][r].isZero()) return null;
  return pivRow.map((i) => A[i][r]);
}

describe('tie-mms exact solve by p-adic lifting (support reduction, Lemma 4.15)', function () {
  this.timeout(60_000);

  it('returns exactly the rational solution of the reference elimination, common denominator included (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), fc.integer({ min: 3, max: 24 }), (seed, d) => {
        const cand = randomColumns(seed, d, d + 6);
        const B = FloatBasis.greedy(
          d,
          cand,
          cand.map((_, k) => k),
        );
        const cols = B.slotEntry.map((k) => cand[k]);
        // a target in the span: integer weights on every candidate (so mostly non-integer on the basis)
        const target = new Array<bigint>(d).fill(0n);
        cand.forEach((c, k) => c.forEach((i) => (target[i] += BigInt(1 + ((k * 37 + seed) % 50)))));
        const lu = ModularLu.factor(d, cols, Q)!;
        const res = liftedSolve(lu, cols, target);
        assert.ok(!('failure' in res), 'failure' in res ? res.failure : '');
        const ref = exactSolution(d, cols, target)!;
        assert.ok(ref, 'the reference solves it too');
        res.a.forEach((a, q) => assert.ok(new Rational(a, res.L).eq(ref[q]), `coefficient ${q}`));
      }),
      { numRuns: 60, seed: 2028 },
    );
  });

  it('refuses a target outside the span of the columns, and stops at maxSteps without a result', () => {
    const d = 12;
    const cand = randomColumns(5, d, d);
    const B = FloatBasis.greedy(
      d,
      cand,
      cand.map((_, k) => k),
    );
    const cols = B.slotEntry.map((k) => cand[k]).slice(0, B.r - 2);
    const lu = ModularLu.factor(d, cols, Q)!;
    const outside = new Array<bigint>(d).fill(0n);
    for (const c of [...cols, cand[B.slotEntry[B.r - 1]]]) for (const i of c) outside[i] += 3n;
    const res = liftedSolve(lu, cols, outside);
    assert.ok('failure' in res && /not in the span/.test(res.failure));
    // a solution with a large denominator needs several steps: one is not enough
    const all = B.slotEntry.map((k) => cand[k]);
    const luAll = ModularLu.factor(d, all, Q)!;
    const target = new Array<bigint>(d).fill(0n);
    target[0] = 10n ** 12n + 39n;
    target[1] = 7n;
    const ref = exactSolution(d, all, target);
    const one = liftedSolve(luAll, all, target, 1);
    assert.ok(ref && ref.some((x) => x.den > 1n), 'the target has a non-integer solution');
    assert.ok('failure' in one && /did not converge/.test(one.failure));
  });
});
