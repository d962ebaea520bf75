/**
 * Dense LU factorizations of 0/1 column sets (support reduction, Lemma 4.15): the greedy float basis with its solves,
 * rows and basis changes, and the LU modulo a prime with its solves, on seeded random 0/1 matrices (sizes that cross
 * the 32-column panels and the four-column passes).
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { FloatBasis, ModularLu } from '../../../src/mechanisms/tie-mms/dense-lu';
import { Q } from '../../../src/mechanisms/tie-mms/guided-reduction';

/** K random 0/1 columns over d rows (row 0 always 1, like the affine coordinates), some of them repeated or summed. */
function columns(seed: number, d: number, K: number, density: number): Int32Array[] {
  let s = seed >>> 0;
  const rnd = () => {
    // mulberry32
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out: Int32Array[] = [];
  for (let k = 0; k < K; k++) {
    if (k > 4 && rnd() < 0.1) {
      out.push(out[Math.floor(rnd() * k)]); // a repeated column: dependent
      continue;
    }
    const rows = [0];
    for (let i = 1; i < d; i++) if (rnd() < density) rows.push(i);
    out.push(Int32Array.from(rows));
  }
  return out;
}

const dense = (s: Int32Array, d: number) => {
  const v = new Float64Array(d);
  for (const i of s) v[i] = 1;
  return v;
};

/** Exact rank by elimination modulo Q (the columns are small: a reference, not the code under test). */
function rankModQ(cols: readonly Int32Array[], d: number): number {
  const rows = cols.map((c) => Array.from(dense(c, d)));
  let rank = 0;
  for (let c = 0; c < d && rank < rows.length; c++) {
    const piv = rows.findIndex((r, i) => i >= rank && r[c] % Q !== 0);
    if (piv < 0) continue;
    [rows[rank], rows[piv]] = [rows[piv], rows[rank]];
    const p = BigInt(rows[rank][c]);
    for (let i = rank + 1; i < rows.length; i++) {
      const f = BigInt(rows[i][c]);
      if (f === 0n) continue;
      for (let z = c; z < d; z++) {
        const v = (BigInt(rows[i][z]) * p - f * BigInt(rows[rank][z])) % BigInt(Q);
        rows[i][z] = Number(v < 0n ? v + BigInt(Q) : v);
      }
    }
    rank++;
  }
  return rank;
}

describe('tie-mms dense LU factorizations (support reduction, Lemma 4.15)', function () {
  this.timeout(60_000);

  it('keeps a maximal independent prefix-greedy set and solves, rows and basis changes agree with the columns (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), fc.integer({ min: 5, max: 90 }), (seed, d) => {
        const K = d + 20;
        const cols = columns(seed, d, K, 0.25);
        const B = FloatBasis.greedy(
          d,
          cols,
          cols.map((_, k) => k),
        );
        assert.equal(B.r, rankModQ(cols, d), 'rank of the greedy basis');
        assert.deepEqual(
          B.slotEntry,
          [...B.slotEntry].sort((a, b) => a - b),
          'kept in candidate order',
        );
        // a vector in the span: solve recovers its coefficients
        const coef = B.slotEntry.map((_, s) => ((s * 7919) % 13) - 6);
        const v = new Float64Array(d);
        B.slotEntry.forEach((k, s) => cols[k].forEach((i) => (v[i] += coef[s])));
        const x = B.solve(v);
        x.forEach((xi, s) => assert.ok(Math.abs(xi - coef[s]) < 1e-8, `coefficient ${s}`));
        // row(s) . column(t) = [s = t]
        const s0 = (seed % B.r) | 0;
        const rho = B.row(s0);
        B.slotEntry.forEach((k, s) => {
          let a = 0;
          for (const i of cols[k]) a += rho[i];
          assert.ok(Math.abs(a - (s === s0 ? 1 : 0)) < 1e-8, `row ${s0} . column ${s}`);
        });
        // exchange a non-basic column in span into the slot where its coefficient is largest; solve still inverts
        const out = cols.findIndex((_, k) => !B.slotEntry.includes(k));
        if (out >= 0) {
          const alpha = B.solveSupport(cols[out]);
          let slot = 0;
          alpha.forEach((a, s) => {
            if (Math.abs(a) > Math.abs(alpha[slot])) slot = s;
          });
          if (Math.abs(alpha[slot]) > 1e-6) {
            B.exchange(slot, out, alpha);
            const y = B.solveSupport(cols[out]);
            y.forEach((yi, s) => assert.ok(Math.abs(yi - (s === slot ? 1 : 0)) < 1e-8, `after the exchange ${s}`));
            const r2 = B.row(slot);
            let a = 0;
            for (const i of cols[out]) a += r2[i];
            assert.ok(Math.abs(a - 1) < 1e-8, 'row of the new slot');
          }
        }
      }),
      { numRuns: 40, seed: 2026 },
    );
  });

  it('solves modulo Q exactly: B x = B y (mod Q) gives x = y mod Q for independent columns, null for dependent ones (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), fc.integer({ min: 5, max: 110 }), (seed, d) => {
        const cand = columns(seed, d, d + 10, 0.3);
        const B = FloatBasis.greedy(
          d,
          cand,
          cand.map((_, k) => k),
        );
        const cols = B.slotEntry.map((k) => cand[k]);
        const lu = ModularLu.factor(d, cols, Q);
        assert.ok(lu, 'independent columns factor modulo Q');
        const y = cols.map((_, c) => (c * 104729 + seed) % Q);
        const b = new Float64Array(d);
        cols.forEach((s, c) => s.forEach((i) => (b[i] += y[c])));
        const negB = b.map((v) => v - 3 * Q); // any representative modulo Q
        for (const rhs of [b, negB]) {
          const x: Float64Array = lu!.solve(rhs);
          assert.deepEqual(Array.from(x), y);
        }
        const dependent = [...cols, cols[0]];
        if (dependent.length <= d) assert.equal(ModularLu.factor(d, dependent, Q), null);
      }),
      { numRuns: 40, seed: 2027 },
    );
  });
  it('keeps every residue exact past the delayed reductions (700 rows, 15 panels and 128 passes between reductions)', () => {
    const d = 700;
    const cand = columns(77, d, d + 40, 0.2);
    const B = FloatBasis.greedy(
      d,
      cand,
      cand.map((_, k) => k),
    );
    assert.ok(B.r > 15 * 32, `rank ${B.r} crosses a reduction of the LU`);
    const cols = B.slotEntry.map((k) => cand[k]);
    const lu = ModularLu.factor(d, cols, Q)!;
    const y = cols.map((_, c) => Q - 1 - ((c * 7777) % 1000));
    const b = new Float64Array(d);
    cols.forEach((s, c) => s.forEach((i) => (b[i] += y[c])));
    assert.deepEqual(Array.from(lu.solve(b)), y);
  });
  it('factors further candidates when the first d + 16 leave the rest outside their span (greedy in chunks)', () => {
    const d = 60;
    const few = columns(11, d, 10, 0.3);
    const later = columns(12, d, 300, 0.3);
    const cand = [...Array.from({ length: 100 }, (_, k) => few[k % 10]), ...later];
    const B = FloatBasis.greedy(
      d,
      cand,
      cand.map((_, k) => k),
    );
    assert.equal(B.r, rankModQ(cand, d));
    assert.ok(
      B.slotEntry.some((k) => k >= d + 16),
      'a candidate beyond the first chunk was kept',
    );
    const v = new Float64Array(d);
    cand.forEach((c, k) => c.forEach((i) => (v[i] += 1 + (k % 3))));
    const x = B.solve(v);
    const res = Float64Array.from(v);
    B.slotEntry.forEach((k, s) => cand[k].forEach((i) => (res[i] -= x[s])));
    assert.ok(Math.max(...res.map(Math.abs)) < 1e-8, 'every candidate is in the span of the basis');
  });
});
