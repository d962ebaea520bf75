/** Shared checks for the tie-mms tests: the intermediate certificates C6 of the seed-000 spec. */
import { strict as assert } from 'node:assert';
import type { Instance } from '../src/core/instance';
import { Rational } from '../src/core/rational';
import { fSet, supportBound, zSet, type Lemma42Result } from '../src/mechanisms/tie-mms';

const Z = Rational.ZERO;

/** v_i of a set of padded goods (dummies worth 0). */
function val(inst: Instance, i: number, goods: Iterable<number>): Rational {
  let s = Z;
  for (const x of goods) if (x < inst.m) s = s.add(inst.values[i][x]);
  return s;
}

/** Spec C6.1-C6.8 on a Lemma 4.2 run. Throws (assert) on the first violation. */
export function checkPipeline(inst: Instance, r: Lemma42Result): void {
  const { cd, padded, D, beta } = r;
  const n = cd.n;
  const m = cd.m;
  // C6.1 picking sanity
  for (let j = 0; j < n; j++) assert.equal(new Set(cd.Y[j]).size, n, `|Y_${j}| = n`);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      const p = cd.posShift[i][j] + 1;
      const rr = cd.r[i][j];
      assert.ok(rr <= p, 'r_ij <= pi^(j)_i');
      const last = cd.inY[cd.iPlus[i]];
      assert.ok(last[cd.y[i][j]], 'y_ij in Y_{i+}');
      assert.ok(cd.Y[j].filter((x) => last[x]).length >= p, 'Claim 4.13');
      const Zs = zSet(cd, i, j);
      const Fs = fSet(cd, i, j);
      assert.ok(Zs.length <= 2 * n - rr - 1, 'Lemma 4.14');
      assert.equal(Zs.length + Fs.length + 1, m, 'partition');
      for (const x of Fs) assert.ok(padded.rank[i][x] + 1 > rr, 'F goods ranked after y_ij');
    }
  // C6.2 portion matrix
  for (let i = 0; i < n; i++) assert.ok(Rational.sum(beta[i]).le(1));
  for (let j = 0; j < n; j++) assert.ok(Rational.sum(beta.map((b) => b[j])).le(1));
  // C6.3 / C6.4
  for (let j = 0; j < n; j++)
    for (let x = 0; x < m; x++) {
      let gs = 0n;
      let fs = 0n;
      for (let i = 0; i < n; i++) {
        gs += r.g[j][i][x];
        fs += r.f[j][i][x];
        assert.ok(r.f[j][i][x] >= r.g[j][i][x], 'f >= g');
        const F = !cd.inY[j][x] && !cd.inY[cd.iPlus[i]][x];
        if (!F) assert.equal(r.f[j][i][x], r.g[j][i][x], 'completion only on F cells');
      }
      assert.ok(gs <= D, 'Lemma 4.7');
      if (cd.inY[j][x]) assert.equal(gs, D);
      assert.equal(fs, D, 'f^(j) is a full fractional allocation');
    }
  for (let i = 0; i < n; i++)
    for (let x = 0; x < m; x++) {
      let s = 0n;
      for (let j = 0; j < n; j++) s += r.f[j][i][x];
      assert.equal(s, BigInt(r.counts[i][x]) * D, '(1/n) sum_j f^(j) = CUQ');
    }
  // C6.5 - C6.7 on each D^(j)
  for (let j = 0; j < n; j++) {
    const entries = r.perShift[j];
    const tot = entries.reduce((a, e) => a + e.w, 0n);
    assert.equal(tot, D);
    for (let i = 0; i < n; i++) {
      // induced marginals on real goods
      for (let x = 0; x < inst.m; x++) {
        const got = entries.reduce((a, e) => a + (e.owner[x] === i ? e.w : 0n), 0n);
        assert.equal(got, r.f[j][i][x], `D^(${j}) induces f^(${j})`);
      }
      let maxFrac = Z;
      let fi = Z;
      for (let x = 0; x < inst.m; x++) {
        const v = inst.values[i][x];
        fi = fi.add(v.mul(new Rational(r.f[j][i][x], D)));
        if (r.f[j][i][x] > 0n && r.f[j][i][x] < D && v.gt(maxFrac)) maxFrac = v;
      }
      const Fs = fSet(cd, i, j);
      const vF = val(inst, i, Fs);
      const rr = cd.r[i][j];
      const e = padded.orders[i];
      const yv = val(inst, i, [e[rr - 1]]);
      const rest = val(inst, i, e.slice(Math.min(2 * n - rr, m)));
      let lo: Rational | null = null;
      let hi: Rational | null = null;
      for (const a of entries) {
        const mine: number[] = [];
        for (let x = 0; x < inst.m; x++) {
          if (r.f[j][i][x] === D) assert.equal(a.owner[x], i, 'integral goods kept');
          if (r.f[j][i][x] === 0n) assert.notEqual(a.owner[x], i, 'zero goods never given');
          if (a.owner[x] === i) mine.push(x);
        }
        const v = val(inst, i, mine);
        lo = lo && lo.lt(v) ? lo : v;
        hi = hi && hi.gt(v) ? hi : v;
        assert.ok(v.ge(fi.sub(maxFrac)), 'faithful lower bound');
        if (cd.y[i][j] < inst.m) assert.equal(a.owner[cd.y[i][j]], i, 'y_ij in A_i');
        assert.ok(v.ge(beta[i][j].mul(vF)), 'Lemma 4.12');
        assert.ok(v.ge(yv) && v.ge(beta[i][j].mul(rest)), 'Lemma 4.2(2)');
      }
      if (lo && hi) assert.ok(hi.sub(lo).le(maxFrac), 'faithful spread');
    }
  }
  // C6.8 reduction
  const keys = new Set(r.mixture.map((e) => Array.from(e.owner).join(',')));
  for (const e of r.lottery.entries) assert.ok(keys.has(e.allocation.owners().join(',')), 'support within the mixture');
  if (r.reduced) assert.ok(r.lottery.size <= supportBound(n, inst.m));
  const marg = r.lottery.marginals();
  for (let i = 0; i < n; i++) for (let x = 0; x < inst.m; x++) assert.ok(marg.shares[i][x].eq(r.cuq[i][x]), 'marginals = CUQ');
}

/** Rationals as strings, for readable deepEqual. */
export function s(xs: readonly (readonly Rational[])[]): string[][] {
  return xs.map((r) => r.map((x) => x.toString()));
}
