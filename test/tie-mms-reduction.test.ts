/**
 * Paper 000 (tie-mms), Lemma 4.15: the exact support reduction (`reduceSupport`, incremental modular Carathéodory with
 * exact verification). Random lotteries and real `tie-mms-ordinal` mixtures: marginals kept exactly, support within the
 * original support, affinely independent (hence <= (n-1)m + 1), agreement with the dense reference on T1.
 */
import { strict as assert } from 'node:assert';
import { generators, solve } from '../src';
import { Rational } from '../src/core/rational';
import { rng } from '../src/core/rng';
import { identityOrdering, reduceSupport, reduceSupportDense, supportBound, theorem1, type WeightedOwner } from '../src/mechanisms/tie-mms';

function marginals(entries: readonly WeightedOwner[], n: number): Rational[][] {
  const m = entries[0].owner.length;
  const M = Array.from({ length: n }, () => new Array<Rational>(m).fill(Rational.ZERO));
  for (const e of entries) for (let x = 0; x < m; x++) M[e.owner[x]][x] = M[e.owner[x]][x].add(e.p);
  return M;
}

/** Rank of the allocation vectors (1, [owner[x] = i]) by exact elimination (small sizes only). */
function affineRank(owners: readonly Int32Array[], n: number): number {
  const m = owners[0].length;
  const rows = owners.map((o) => {
    const v = new Array<Rational>(1 + n * m).fill(Rational.ZERO);
    v[0] = Rational.ONE;
    for (let x = 0; x < m; x++) v[1 + x * n + o[x]] = Rational.ONE;
    return v;
  });
  let rank = 0;
  for (let c = 0; c < 1 + n * m && rank < rows.length; c++) {
    const piv = rows.findIndex((r, i) => i >= rank && !r[c].isZero());
    if (piv < 0) continue;
    [rows[rank], rows[piv]] = [rows[piv], rows[rank]];
    for (let i = rank + 1; i < rows.length; i++) {
      if (rows[i][c].isZero()) continue;
      const f = rows[i][c].div(rows[rank][c]);
      for (let z = c; z < rows[i].length; z++) rows[i][z] = rows[i][z].sub(f.mul(rows[rank][z]));
    }
    rank++;
  }
  return rank;
}

function checkReduction(entries: readonly WeightedOwner[], n: number, independence = true): number {
  const m = entries[0].owner.length;
  const r = reduceSupport(entries, n);
  assert.equal(r.kept.length, r.p.length);
  assert.equal(r.removed, entries.length - r.kept.length);
  for (let k = 1; k < r.kept.length; k++) assert.ok(r.kept[k] > r.kept[k - 1], 'kept indices ascending (original allocations only)');
  for (const p of r.p) assert.ok(p.sign() > 0, 'positive probabilities');
  const out = r.kept.map((k, idx) => ({ p: r.p[idx], owner: entries[k].owner }));
  const a = marginals(entries, n);
  const b = marginals(out, n);
  for (let i = 0; i < n; i++) for (let x = 0; x < m; x++) assert.ok(a[i][x].eq(b[i][x]), `marginal (${i}, ${x})`);
  assert.ok(Rational.sum(r.p).eq(Rational.sum(entries.map((e) => e.p))), 'total probability');
  assert.ok(r.kept.length <= supportBound(n, m), `support ${r.kept.length} <= (n-1)m+1`);
  if (independence) assert.equal(affineRank(out.map((e) => e.owner), n), out.length, 'affinely independent');
  return r.kept.length;
}

describe('tie-mms: support reduction (Lemma 4.15)', function () {
  this.timeout(60_000);

  it('random lotteries of 50-300 allocations, n <= 5, m <= 12', () => {
    const g = rng('reduction');
    for (let trial = 0; trial < 12; trial++) {
      const n = g.int(2, 5);
      const m = g.int(1, 12);
      const K = g.int(50, 300);
      // a few "base" allocations perturbed on a few goods, so that many vectors are dependent and some repeat patterns
      const seen = new Set<string>();
      const entries: WeightedOwner[] = [];
      const base = Array.from({ length: 3 }, () => Int32Array.from({ length: m }, () => g.int(0, n - 1)));
      for (let tries = 0; entries.length < K && tries < 20 * K; tries++) {
        const o = Int32Array.from(base[g.int(0, 2)]);
        const flips = g.int(0, Math.min(m, 4));
        for (let f = 0; f < flips; f++) o[g.int(0, m - 1)] = g.int(0, n - 1);
        const key = o.join(',');
        if (seen.has(key)) continue;
        seen.add(key);
        entries.push({ p: new Rational(BigInt(g.int(1, 1000)), 1n), owner: o });
      }
      const tot = Rational.sum(entries.map((e) => e.p));
      const norm = entries.map((e) => ({ p: e.p.div(tot), owner: e.owner }));
      if (norm.length < 2) continue;
      checkReduction(norm, n);
    }
  });

  it('a real tie-mms-ordinal mixture (n = 5, m = 20) reduces to an independent support with the CUQ marginals', () => {
    const n = 5;
    const inst = generators.uniformInstance({ n, m: 20, seed: 1 });
    const r = theorem1(inst, identityOrdering(n), { reduce: 'never', trace: 'summary' });
    const total = BigInt(n) * r.D;
    const entries = r.mixture.map((e) => ({ p: new Rational(e.w, total), owner: e.owner }));
    assert.ok(entries.length > supportBound(n, 20));
    const kept = checkReduction(entries, n);
    assert.ok(kept < entries.length);
    const red = theorem1(inst, identityOrdering(n), { reduce: 'always', trace: 'summary' });
    const marg = red.lottery.marginals();
    for (let i = 0; i < n; i++) for (let x = 0; x < 20; x++) assert.ok(marg.shares[i][x].eq(red.cuq[i][x]), 'marginals = CUQ');
  });

  it('T1 (Figure 1): 15 allocations reduce to <= 13 with marginals = CUQ, as with the dense reference', () => {
    const orders = [[0, 3, 1, 2, 4, 5], [0, 1, 2, 3, 4, 5], [0, 2, 1, 3, 4, 5]];
    const values = orders.map((o) => {
      const v = new Array<number>(6);
      o.forEach((gd, k) => (v[gd] = 6 - k));
      return v;
    });
    const o = solve('tie-mms-ordinal', { values: values.map((row) => row.map(String)), orders }, { reduce: 'never' });
    const never = o.lottery!;
    assert.equal(never.size, 15);
    const entries = never.entries.map((e) => ({ p: e.p, owner: Int32Array.from(e.allocation.owners()) }));
    const kept = checkReduction(entries, 3);
    assert.ok(kept <= 13);
    const dense = reduceSupportDense(entries, 3);
    const a = marginals(dense.kept.map((k, i) => ({ p: dense.p[i], owner: entries[k].owner })), 3);
    const b = marginals(entries, 3);
    for (let i = 0; i < 3; i++) for (let x = 0; x < 6; x++) assert.ok(a[i][x].eq(b[i][x]));
    const always = solve('tie-mms-ordinal', { values: values.map((row) => row.map(String)), orders }, { reduce: 'always' });
    assert.ok(always.lottery!.size <= 13);
    const ma = always.lottery!.marginals();
    const mn = never.marginals();
    for (let i = 0; i < 3; i++) for (let x = 0; x < 6; x++) assert.ok(ma.shares[i][x].eq(mn.shares[i][x]), 'marginals = CUQ');
  });
});
