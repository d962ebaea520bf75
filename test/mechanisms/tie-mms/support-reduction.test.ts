/**
 * The support reduction of Lemma 4.15 (Babaioff, Feige & Manaker Morag): `reduceSupport`, the float-guided basis
 * certified exactly with the exact incremental method as fallback. Random lotteries and real `tie-mms-ordinal`
 * mixtures: marginals kept exactly, support within the original support, affinely independent (hence <= (n-1)m + 1),
 * agreement with the dense reference on Figure 1.
 */
import { strict as assert } from 'node:assert';
import { generators, solve } from '../../../src';
import { certify } from '../../../src/certify';
import { checkImplements } from '../../../src/checks/ex-ante';
import { Allocation, Lottery } from '../../../src/core/allocation';
import { LimitError } from '../../../src/core/errors';
import { Rational } from '../../../src/core/rational';
import { affineRank } from '../../helpers/tie-mms';
import { rng } from '../../../src/core/rng';
import { withTimeBudget } from '../../../src/core/time-budget';
import {
  AUTO_REDUCE_CELLS,
  harmonicDecomposition,
  reductionSize,
  supportBound,
} from '../../../src/mechanisms/tie-mms/cuq-decomposition';
import { identityOrdering } from '../../../src/mechanisms/tie-mms/cyclic-picking';
import type { GuidedStats } from '../../../src/mechanisms/tie-mms/guided-reduction';
import * as modular from '../../../src/mechanisms/tie-mms/modular';
import {
  GuidedReductionFailed,
  reduceSupport,
  reduceSupportDense,
  reduceSupportExact,
  type WeightedOwner,
} from '../../../src/mechanisms/tie-mms/support-reduction';

function marginals(entries: readonly WeightedOwner[], n: number): Rational[][] {
  const m = entries[0].owner.length;
  const M = Array.from({ length: n }, () => new Array<Rational>(m).fill(Rational.ZERO));
  for (const e of entries) for (let x = 0; x < m; x++) M[e.owner[x]][x] = M[e.owner[x]][x].add(e.p);
  return M;
}

/** Rank modulo the 26-bit prime of modular.ts (a lower bound on the rank over Q): fast independence proofs. */
function modularRank(owners: readonly Int32Array[], n: number): number {
  const m = owners[0].length;
  const rows = owners.map((o) => {
    const v = new Float64Array(1 + n * m);
    v[0] = 1;
    for (let x = 0; x < m; x++) v[1 + x * n + o[x]] = 1;
    return v;
  });
  let rank = 0;
  for (let c = 0; c < 1 + n * m && rank < rows.length; c++) {
    const piv = rows.findIndex((r, i) => i >= rank && r[c] !== 0);
    if (piv < 0) continue;
    [rows[rank], rows[piv]] = [rows[piv], rows[rank]];
    const inv = modular.invmod(rows[rank][c]);
    for (let i = rank + 1; i < rows.length; i++) {
      if (rows[i][c] === 0) continue;
      const f = modular.P - modular.mulmod(rows[i][c], inv);
      for (let z = c; z < rows[i].length; z++)
        if (rows[rank][z] !== 0) rows[i][z] = (rows[i][z] + modular.mulmod(f, rows[rank][z])) % modular.P;
    }
    rank++;
  }
  return rank;
}

/** The reduced lottery as a Lottery (the constructor checks p > 0... well, p >= 0, and the exact sum 1). */
function asLottery(
  entries: readonly WeightedOwner[],
  kept: readonly number[],
  p: readonly Rational[],
  n: number,
): Lottery {
  return new Lottery(
    kept.map((k, i) => ({ p: p[i], allocation: Allocation.fromOwners(Array.from(entries[k].owner), n) })),
  );
}

function checkReduction(
  entries: readonly WeightedOwner[],
  n: number,
  independence = true,
  stats?: Partial<GuidedStats>,
): number {
  const m = entries[0].owner.length;
  const r = reduceSupport(entries, n, { stats });
  assert.equal(r.kept.length, r.p.length);
  assert.equal(r.removed, entries.length - r.kept.length);
  for (let k = 1; k < r.kept.length; k++)
    assert.ok(r.kept[k] > r.kept[k - 1], 'kept indices ascending (original allocations only)');
  for (const p of r.p) assert.ok(p.sign() > 0, 'positive probabilities');
  const out = r.kept.map((k, idx) => ({ p: r.p[idx], owner: entries[k].owner }));
  const a = marginals(entries, n);
  const b = marginals(out, n);
  for (let i = 0; i < n; i++) for (let x = 0; x < m; x++) assert.ok(a[i][x].eq(b[i][x]), `marginal (${i}, ${x})`);
  assert.ok(Rational.sum(r.p).eq(Rational.sum(entries.map((e) => e.p))), 'total probability');
  assert.ok(r.kept.length <= supportBound(n, m), `support ${r.kept.length} <= (n-1)m+1`);
  if (independence)
    assert.equal(
      affineRank(
        out.map((e) => e.owner),
        n,
      ),
      out.length,
      'affinely independent',
    );
  else
    assert.equal(
      modularRank(
        out.map((e) => e.owner),
        n,
      ),
      out.length,
      'affinely independent (rank mod a prime)',
    );
  return r.kept.length;
}

describe('tie-mms support reduction (Lemma 4.15)', function () {
  this.timeout(60_000);

  it('keeps marginals exactly on an independent support for random lotteries of 50-300 allocations (n <= 5, m <= 12, Lemma 4.15)', () => {
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

  it('reduces a real tie-mms-ordinal mixture (n = 5, m = 20) to an independent support with the CUQ marginals (Lemma 4.15)', () => {
    const n = 5;
    const inst = generators.uniformInstance({ n, m: 20, seed: 1 });
    const r = harmonicDecomposition(inst, identityOrdering(n), { reduce: 'never', trace: 'summary' });
    const total = BigInt(n) * r.D;
    const entries = r.mixture.map((e) => ({ p: new Rational(e.w, total), owner: e.owner }));
    assert.ok(entries.length > supportBound(n, 20));
    const kept = checkReduction(entries, n);
    assert.ok(kept < entries.length);
    const red = harmonicDecomposition(inst, identityOrdering(n), { reduce: 'always', trace: 'summary' });
    const marg = red.lottery.marginals();
    for (let i = 0; i < n; i++)
      for (let x = 0; x < 20; x++) assert.ok(marg.shares[i][x].eq(red.cuq[i][x]), 'marginals = CUQ');
  });

  it('reduces the 15 allocations of Figure 1 to <= 13 with marginals = CUQ, as the dense reference does (T1)', () => {
    const orders = [
      [0, 3, 1, 2, 4, 5],
      [0, 1, 2, 3, 4, 5],
      [0, 2, 1, 3, 4, 5],
    ];
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
    const a = marginals(
      dense.kept.map((k, i) => ({ p: dense.p[i], owner: entries[k].owner })),
      3,
    );
    const b = marginals(entries, 3);
    for (let i = 0; i < 3; i++) for (let x = 0; x < 6; x++) assert.ok(a[i][x].eq(b[i][x]));
    const always = solve(
      'tie-mms-ordinal',
      { values: values.map((row) => row.map(String)), orders },
      { reduce: 'always' },
    );
    assert.ok(always.lottery!.size <= 13);
    const ma = always.lottery!.marginals();
    const mn = never.marginals();
    for (let i = 0; i < 3; i++)
      for (let x = 0; x < 6; x++) assert.ok(ma.shares[i][x].eq(mn.shares[i][x]), 'marginals = CUQ');
  });
});

/** The mixture D' of tie-mms-ordinal (identity ordering) as weighted owners, and the unreduced lottery. */
function mixtureOf(n: number, m: number, seed: number | string): { entries: WeightedOwner[]; never: Lottery } {
  const inst = generators.uniformInstance({ n, m, seed });
  const r = harmonicDecomposition(inst, identityOrdering(n), { reduce: 'never', trace: 'summary' });
  const total = BigInt(n) * r.D;
  return { entries: r.mixture.map((e) => ({ p: new Rational(e.w, total), owner: e.owner })), never: r.lottery };
}

describe('tie-mms float-guided support reduction, certified exactly (Lemma 4.15)', function () {
  this.timeout(60_000);

  it('keeps marginals, total and independence exactly with the guided result or its exact fallback on random lotteries (Lemma 4.15)', () => {
    const g = rng('guided-reduction');
    let guided = 0;
    let trials = 0;
    for (let trial = 0; trial < 15; trial++) {
      const n = g.int(2, 6);
      const m = g.int(2, 14);
      const K = g.int(30, 250);
      const seen = new Set<string>();
      const entries: WeightedOwner[] = [];
      const base = Array.from({ length: 4 }, () => Int32Array.from({ length: m }, () => g.int(0, n - 1)));
      for (let tries = 0; entries.length < K && tries < 20 * K; tries++) {
        const o = Int32Array.from(base[g.int(0, 3)]);
        const flips = g.int(0, Math.min(m, 5));
        for (let f = 0; f < flips; f++) o[g.int(0, m - 1)] = g.int(0, n - 1);
        const key = o.join(',');
        if (seen.has(key)) continue;
        seen.add(key);
        entries.push({ p: new Rational(BigInt(g.int(1, 1000)), 1n), owner: o });
      }
      if (entries.length < 2) continue;
      const tot = Rational.sum(entries.map((e) => e.p));
      const norm = entries.map((e) => ({ p: e.p.div(tot), owner: e.owner }));
      const stats: Partial<GuidedStats> = {};
      checkReduction(norm, n, m * n <= 40, stats);
      trials++;
      if (stats.failure === null) guided++;
    }
    if (process.env.GUIDED_VERBOSE) console.log(`guided ${guided} / ${trials}`);
    assert.ok(guided >= trials - 2, `the float guess was certified in ${guided} of ${trials} trials`);
  });

  it("certifies each of the three float guesses on real tie-mms-ordinal mixtures (seeded n = 4..6), with the unreduced lottery's marginals (Lemma 4.15)", () => {
    for (const [n, m, seed] of [
      [4, 12, 1],
      [5, 20, 2],
      [6, 18, 3],
      [6, 24, 4],
    ] as const)
      for (const guess of ['repair', 'simplex', 'caratheodory'] as const) {
        const { entries, never } = mixtureOf(n, m, seed);
        const stats: Partial<GuidedStats> = {};
        const r = reduceSupport(entries, n, { method: 'guided', guesses: [guess], stats });
        assert.equal(stats.failure, null);
        assert.equal(stats.guess, guess);
        assert.ok(r.kept.length <= supportBound(n, m));
        const lottery = asLottery(entries, r.kept, r.p, n);
        assert.equal(lottery.size, r.kept.length, 'distinct original allocations');
        assert.ok(
          checkImplements(lottery, never.marginals()).holds,
          `(${n}, ${m}): marginals of the unreduced lottery`,
        );
        assert.equal(
          modularRank(
            r.kept.map((k) => entries[k].owner),
            n,
          ),
          r.kept.length,
          'affinely independent',
        );
      }
  });

  it("takes the guided path with reduce 'auto' beyond the exact limit: (8, 32) reduced, certified, same marginals (Lemma 4.15)", () => {
    const n = 8;
    const m = 32;
    const { entries, never } = mixtureOf(n, m, 'tie-mms-8x32');
    assert.ok(entries.length * reductionSize(entries, n) > AUTO_REDUCE_CELLS, 'beyond the exact limit');
    const inst = generators.uniformInstance({ n, m, seed: 'tie-mms-8x32' });
    const o = solve('tie-mms-ordinal', inst, { trace: 'summary' });
    const red = o.trace.find((t) => t.id === 'support-reduction')!.data as {
      ran: boolean;
      method?: string;
      after?: number;
    };
    assert.equal(red.ran, true);
    assert.equal(red.method, 'float-guided, certified exactly');
    assert.ok(o.lottery!.size <= supportBound(n, m));
    assert.ok(checkImplements(o.lottery!, never.marginals()).holds, 'marginals of the unreduced lottery (= CUQ)');
    const originals = new Set(never.entries.map((e) => e.allocation.key()));
    for (const e of o.lottery!.entries) {
      assert.ok(originals.has(e.allocation.key()), 'support within the original support');
      assert.ok(e.p.sign() > 0);
    }
    assert.ok(Rational.sum(o.lottery!.entries.map((e) => e.p)).eq(1));
    const rep = certify(o);
    assert.deepEqual(
      rep.claims.filter((c) => c.status === 'fail').map((c) => c.id),
      [],
    );
    assert.ok(
      rep.claims.some((c) => c.id === 'support-size' && c.status === 'pass'),
      'support-size claim (Lemma 4.15 bound) checked',
    );
  });

  it("refuses with method 'guided' what it cannot certify, while 'exact' still reduces (Lemma 4.15)", () => {
    const owners = [Int32Array.from([0, 1]), Int32Array.from([1, 0]), Int32Array.from([0, 0]), Int32Array.from([1, 1])];
    const bad = owners.map((owner, k) => ({ p: new Rational(k === 0 ? 0n : 1n, 3n), owner }));
    assert.throws(
      () => reduceSupport(bad, 2, { method: 'guided' }),
      (e: Error) => e instanceof GuidedReductionFailed,
    );
    // denominators beyond the double-based lifting: the guided path declines, 'auto' falls back to the exact method
    const primes = [1000000007n, 998244353n, 1000000009n];
    const raw = owners.slice(0, 3).map((owner, k) => ({ p: new Rational(1n, primes[k]), owner }));
    const tot = Rational.sum(raw.map((e) => e.p));
    const huge = [
      ...raw.map((e) => ({ p: e.p.div(tot.add(1)), owner: e.owner })),
      { p: new Rational(1n).sub(tot.div(tot.add(1))), owner: owners[3] },
    ];
    const stats: Partial<GuidedStats> = {};
    checkReduction(huge, 2, true, stats);
    assert.match(String(stats.failure), /too large/);
    const ok = owners.map((owner) => ({ p: new Rational(1n, 4n), owner }));
    for (const method of ['guided', 'exact'] as const) {
      const r = reduceSupport(ok, 2, { method });
      assert.ok(r.kept.length <= supportBound(2, 2) && r.p.every((x) => x.sign() > 0));
      assert.ok(
        checkImplements(
          asLottery(ok, r.kept, r.p, 2),
          asLottery(
            ok,
            [0, 1, 2, 3],
            ok.map((e) => e.p),
            2,
          ).marginals(),
        ).holds,
      );
    }
  });
});

describe('tie-mms support reduction under a time budget (issue 16)', function () {
  this.timeout(60_000);

  it('stops every method at the deadline from its own loops, with a LimitError and no hard stop', () => {
    const { entries } = mixtureOf(10, 100, 'tie-mms-10x100');
    const small = mixtureOf(8, 32, 'tie-mms-8x32').entries;
    const runs: [string, () => unknown][] = [
      ['simplex guess', () => reduceSupport(entries, 10, { method: 'guided', guesses: ['simplex'] })],
      ['Carathéodory guess', () => reduceSupport(entries, 10, { method: 'guided', guesses: ['caratheodory'] })],
      ['repaired-basis guess', () => reduceSupport(entries, 10, { method: 'guided', guesses: ['repair'] })],
      ['exact incremental', () => reduceSupportExact(entries, 10)],
      ['dense', () => reduceSupportDense(small, 8)],
    ];
    for (const [what, run] of runs) {
      const t0 = Date.now();
      assert.throws(
        () => withTimeBudget(50, run, what, { hardStop: false }),
        (e: unknown) => e instanceof LimitError && e.code === 'time-limit',
        what,
      );
      assert.ok(Date.now() - t0 < 2000, `${what}: stopped after ${Date.now() - t0} ms`);
    }
  });
});
