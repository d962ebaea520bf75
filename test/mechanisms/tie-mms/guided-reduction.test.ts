/**
 * The exact phase of the guided support reduction (Lemma 4.15): the probabilities on a proposed basis are computed
 * exactly and returned only when they are checked (independent columns, same total and marginals, none negative);
 * wrong guesses are refused, and a right one reproduces the exact baseline's vertex. Also the repaired-basis guess
 * against the exact baseline on seeded random lotteries.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { Rational } from '../../../src/core/rational';
import { affineRank } from '../../helpers/tie-mms';
import { affineCoordinates, affineSupport } from '../../../src/mechanisms/tie-mms/affine-coordinates';
import { supportBound } from '../../../src/mechanisms/tie-mms/cuq-decomposition';
import { probabilitiesOnBasis, type GuidedStats } from '../../../src/mechanisms/tie-mms/guided-reduction';
import { DENSE_MAX_D } from '../../../src/mechanisms/tie-mms/dense-lu';
import {
  GuidedReductionFailed,
  reduceSupport,
  reduceSupportExact,
  type WeightedOwner,
} from '../../../src/mechanisms/tie-mms/support-reduction';

const R = (s: string) => Rational.parse(s);

function coordinates(entries: readonly WeightedOwner[], n: number) {
  const ac = affineCoordinates(entries, n);
  return { d: ac.d, supp: entries.map((e) => affineSupport(e.owner, ac)) };
}

function marginals(entries: readonly WeightedOwner[], kept: readonly number[], p: readonly Rational[], n: number) {
  const m = entries[0].owner.length;
  const M = Array.from({ length: n }, () => new Array<Rational>(m).fill(Rational.ZERO));
  kept.forEach((k, z) => entries[k].owner.forEach((i, x) => (M[i][x] = M[i][x].add(p[z]))));
  return M.map((row) => row.map((x) => x.toString()));
}

/** Rank of the allocation vectors (1, [owner[x] = i]) by exact rational elimination (small sizes). */

describe('tie-mms guided support reduction: the exact phase (Lemma 4.15)', function () {
  this.timeout(60_000);

  // two agents, two goods: the four allocations (owner of good 0, owner of good 1) with marginals 7/10 and 3/5 for agent 0
  const entries: WeightedOwner[] = [
    { p: R('7/20'), owner: Int32Array.from([0, 0]) },
    { p: R('7/20'), owner: Int32Array.from([0, 1]) },
    { p: R('1/4'), owner: Int32Array.from([1, 0]) },
    { p: R('1/20'), owner: Int32Array.from([1, 1]) },
  ];
  const { d, supp } = coordinates(entries, 2);

  it('returns the exact probabilities on a right basis: 3/10, 2/5, 3/10 on the first three allocations', () => {
    const st: Partial<GuidedStats> = {};
    const r = probabilitiesOnBasis(entries, d, supp, [0, 1, 2], st);
    assert.equal(st.failure, null);
    assert.deepEqual(r!.kept, [0, 1, 2]);
    assert.deepEqual(
      r!.p.map((x) => x.toString()),
      ['3/10', '2/5', '3/10'],
    );
  });

  it('refuses wrong guesses instead of returning them: a negative probability, a dependent column, a basis missing the target (negative controls)', () => {
    const cases: [number[], RegExp][] = [
      [[0, 2, 3], /negative probabilities/], // (0,0), (1,0), (1,1): the probability of (1,0) would be -1/10
      [[0, 1, 2, 1], /dependent/],
      [[0, 1], /not in the span/],
    ];
    for (const [basis, why] of cases) {
      const st: Partial<GuidedStats> = {};
      assert.equal(probabilitiesOnBasis(entries, d, supp, basis, st), null, String(basis));
      assert.match(String(st.failure), why, String(basis));
    }
  });

  it("reproduces the exact baseline's vertex from its basis, and the repaired-basis guess keeps marginals and independence (seeded random lotteries, property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 5 }),
        fc.integer({ min: 2, max: 9 }),
        fc.integer({ min: 1, max: 1e9 }),
        (n, m, seed) => {
          let s = seed >>> 0;
          const rnd = () => {
            s = (s + 0x6d2b79f5) | 0;
            let t = Math.imul(s ^ (s >>> 15), 1 | s);
            t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
            return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
          };
          const seen = new Set<string>();
          const raw: WeightedOwner[] = [];
          for (let k = 0; k < 60; k++) {
            const owner = Int32Array.from({ length: m }, () => Math.floor(rnd() * n));
            if (seen.has(owner.join())) continue;
            seen.add(owner.join());
            raw.push({ p: new Rational(BigInt(1 + Math.floor(rnd() * 1000))), owner });
          }
          if (raw.length < 2) return;
          const tot = Rational.sum(raw.map((e) => e.p));
          const lot = raw.map((e) => ({ p: e.p.div(tot), owner: e.owner }));
          const want = marginals(
            lot,
            lot.map((_, k) => k),
            lot.map((e) => e.p),
            n,
          );
          const exact = reduceSupportExact(lot, n);
          const c = coordinates(lot, n);
          const st: Partial<GuidedStats> = {};
          const again = probabilitiesOnBasis(lot, c.d, c.supp, exact.kept, st);
          assert.equal(st.failure, null);
          assert.deepEqual(again!.kept, exact.kept);
          assert.deepEqual(
            again!.p.map((x) => x.toString()),
            exact.p.map((x) => x.toString()),
          );
          const stats: Partial<GuidedStats> = {};
          const rep = reduceSupport(lot, n, { guesses: ['repair'], stats });
          assert.equal(stats.failure, null, 'the repaired guess itself is certified');
          assert.deepEqual(marginals(lot, rep.kept, rep.p, n), want, 'same marginals');
          assert.ok(rep.p.every((x) => x.sign() > 0) && Rational.sum(rep.p).eq(1), 'a lottery');
          assert.equal(
            affineRank(
              rep.kept.map((k) => lot[k].owner),
              n,
            ),
            rep.kept.length,
            'affinely independent',
          );
          assert.ok(rep.kept.length <= supportBound(n, m));
        },
      ),
      { numRuns: 60, seed: 2029 },
    );
  });
  it('declines beyond the dense limit (d > 12000 coordinates) instead of allocating, and the exact method still reduces', () => {
    const m = DENSE_MAX_D + 1;
    const owners = [0, 1, 2].map((j) => Int32Array.from({ length: m }, (_, x) => (x + j) % 2));
    const big = owners.map((owner) => ({ p: new Rational(1n, 3n), owner }));
    const stats: Partial<GuidedStats> = {};
    assert.throws(
      () => reduceSupport(big, 2, { method: 'guided', stats }),
      (e: unknown) => e instanceof GuidedReductionFailed,
    );
    assert.match(String(stats.failure), /not applicable: 12002 coordinates/);
    const r = reduceSupport(big, 2);
    assert.equal(r.kept.length, 2, 'allocations 0 and 2 are equal: the support is the two distinct ones');
    assert.ok(Rational.sum(r.p).eq(1));
  });
});
