/** Shared checks and instances for the tie-mms tests: the intermediate certificates C6 of the seed-000 spec. */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { certify } from '../../src';
import type { ClaimId } from '../../src/core/claims';
import { Instance } from '../../src/core/instance';
import type { Outcome } from '../../src/core/outcome';
import { Rational } from '../../src/core/rational';
import { rng } from '../../src/core/rng';
import { supportBound, type CuqDecomposition } from '../../src/mechanisms/tie-mms/cuq-decomposition';
import { fSet, zSet } from '../../src/mechanisms/tie-mms/cyclic-picking';

const Z = Rational.ZERO;

/** v_i of a set of padded goods (dummies worth 0). */
function val(inst: Instance, i: number, goods: Iterable<number>): Rational {
  let s = Z;
  for (const x of goods) if (x < inst.m) s = s.add(inst.values[i][x]);
  return s;
}

/** Spec C6.1-C6.8 on a Lemma 4.2 run. Throws (assert) on the first violation. */
export function checkPipeline(inst: Instance, r: CuqDecomposition): void {
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
  for (let i = 0; i < n; i++)
    for (let x = 0; x < inst.m; x++) assert.ok(marg.shares[i][x].eq(r.cuq[i][x]), 'marginals = CUQ');
}

/** Rationals as strings, for readable deepEqual. */
export function s(xs: readonly (readonly Rational[])[]): string[][] {
  return xs.map((r) => r.map((x) => x.toString()));
}

/** Valuations m, m-1, ..., 1 along each order (spec T1). */
export function fromOrders(orders: number[][]): Instance {
  const m = orders[0].length;
  const values = orders.map((o) => {
    const v = new Array<number>(m);
    o.forEach((g, k) => (v[g] = m - k));
    return v;
  });
  return new Instance(values, { orders });
}

/** Every agent's exact expected value under the outcome's lottery. */
export function expectedValues(o: Outcome): string[] {
  return o.instance.values.map((_, i) =>
    Rational.sum(o.lottery!.entries.map((e) => e.p.mul(o.instance.value(i, e.allocation.bundles[i])))).toString(),
  );
}

/** The lottery as probabilities and bundles. */
export function bundlesOf(o: Outcome): { p: string; bundles: number[][] }[] {
  return o.lottery!.entries.map((e) => ({ p: e.p.toString(), bundles: e.allocation.bundles.map((b) => [...b]) }));
}

/** min over support and agents of v_i(A_i) / share_i (agents with share 0 skipped). */
export function worstRatio(o: Outcome, share: (i: number) => Rational): Rational {
  let worst: Rational | null = null;
  for (const e of o.lottery!.entries)
    for (let i = 0; i < o.instance.n; i++) {
      const sh = share(i);
      if (sh.isZero()) continue;
      const r = o.instance.value(i, e.allocation.bundles[i]).div(sh);
      if (!worst || r.lt(worst)) worst = r;
    }
  return worst!;
}

/** Certifies every claim of the outcome (truthfulness audits included); none may fail. */
export function assertCertified(o: Outcome): void {
  const rep = certify(o);
  const bad = rep.claims.filter((c) => c.status === 'fail');
  assert.deepEqual(
    bad.map((c) => [c.id, c.detail]),
    [],
    `${o.mechanism}: failed claims`,
  );
}

/** Certifies every claim except `truthful` (audited separately); none may fail, and the named ones must be checked. */
export function certifyAllButTruthful(o: Outcome, mustPass: ClaimId[]): void {
  const rep = certify(o, { skip: ['truthful'] });
  const failed = rep.claims.filter((c) => c.status !== 'pass');
  assert.deepEqual(
    failed.map((c) => ({ id: c.id, status: c.status, detail: c.detail })),
    [],
    `${o.mechanism} on ${JSON.stringify(o.instance.toJSON().values)}`,
  );
  const ids = new Set<string>(rep.claims.map((c) => c.id));
  for (const id of mustPass) assert.ok(ids.has(id), `${o.mechanism} claims ${id}`);
}

/** Audits the outcome's `truthful` claims (of one report space, when given); every one must pass. */
export function auditTruthful(o: Outcome, space?: 'ordinal' | 'cardinal') {
  const claims = o.claims.filter((c) => c.id === 'truthful' && (!space || c.params?.space === space));
  assert.ok(claims.length > 0, `${o.mechanism} claims truthfulness`);
  const rep = certify(o, { claims });
  for (const c of rep.claims)
    assert.equal(c.status, 'pass', `${o.mechanism}: ${JSON.stringify(c.detail)} ${JSON.stringify(c.witness)}`);
  return rep;
}

/** A seeded instance with values drawn from `palette` (many ties and zeros). */
export function randomInstance(n: number, m: number, seed: number, palette = [0, 1, 2, 3, 5, 20]): Instance {
  const r = rng(seed);
  return new Instance(
    Array.from({ length: n }, () => Array.from({ length: m }, () => palette[r.int(0, palette.length - 1)])),
  );
}

const PALETTE = [0, 1, 2, 3, 5, 20, 50, 100];

/** Instances with n in nMin..nMax, m in 0..mMax (m < n included): palette values or uniform integers 0..30. */
export function arbInstance(nMin: number, nMax: number, mMax = 12): fc.Arbitrary<Instance> {
  return fc
    .record({ n: fc.integer({ min: nMin, max: nMax }), m: fc.integer({ min: 0, max: mMax }), palette: fc.boolean() })
    .chain(({ n, m, palette }) =>
      fc.array(
        fc.array(palette ? fc.constantFrom(...PALETTE) : fc.integer({ min: 0, max: 30 }), {
          minLength: m,
          maxLength: m,
        }),
        { minLength: n, maxLength: n },
      ),
    )
    .map((rows) => new Instance(rows));
}

/** The claims every CUQ mechanism makes, and the ex-post ones. */
export const CORE: ClaimId[] = ['implements-cuq', 'ex-ante-prop', 'support-size'];
export const EXPOST: ClaimId[] = ['ex-post-rho-tps', 'ex-post-rho-mms'];

/** The 20 small instances of the truthfulness audits (n = 2, 3; m = 3..5; C9). */
export function auditInstances(): Instance[] {
  return [
    randomInstance(3, 5, 1),
    randomInstance(3, 5, 2),
    randomInstance(3, 4, 3),
    randomInstance(2, 5, 4),
    new Instance([
      [5, 5, 1, 1, 0],
      [1, 2, 3, 4, 5],
      [3, 3, 3, 0, 0],
    ]),
    randomInstance(3, 3, 6),
    ...Array.from({ length: 14 }, (_, k) =>
      randomInstance(2 + (k % 2), 3 + (k % 3), 100 + k, [0, 1, 2, 3, 5, 20, 50, 100]),
    ),
  ];
}

/** Rank of the allocation vectors (1, [owner[x] = i]) by exact elimination (small sizes only). */
export function affineRank(owners: readonly Int32Array[], n: number): number {
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
