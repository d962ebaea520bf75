import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { Rational } from '../../../src/core/rational';
import {
  exactMmsOracle,
  fptasMmsOracle,
  lexFirstPartition,
  OracleLog,
  oracleSet,
} from '../../../src/mechanisms/bobw-few-agents';
import { threeWayAtBound } from '../../../src/mechanisms/bobw-few-agents/at-bound';
import { largestItemsBound } from '../../../src/shares/mms/bounds';
import { mmsOfIntegers } from '../../../src/shares/mms/solver';

/** The C1 reference: every label vector in lexicographic order, the first with the largest worst bundle. */
function bruteForceC1(w: readonly number[], k: number): number[][] {
  let best: { worst: number; labels: number[] } | null = null;
  const labels = new Array<number>(w.length).fill(0);
  for (;;) {
    const load = new Array<number>(k).fill(0);
    labels.forEach((l, p) => (load[l] += w[p]));
    const worst = Math.min(...load);
    if (!best || worst > best.worst) best = { worst, labels: [...labels] };
    let p = w.length - 1;
    while (p >= 0 && labels[p] === k - 1) labels[p--] = 0;
    if (p < 0) break;
    labels[p]++;
  }
  const out: number[][] = Array.from({ length: k }, () => []);
  best!.labels.forEach((l, p) => out[l].push(p));
  return out;
}

const big = (xs: number[]) => xs.map(BigInt);

describe('MMS-partition oracles (spec 3.0-3.1)', () => {
  it('the exact oracle returns the first label vector with the largest worst bundle (C1) on 300 random value lists', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 12 }), { maxLength: 9 }),
        fc.constantFrom(2 as const, 3 as const),
        (w, k) => {
          const r = exactMmsOracle()(
            big(w),
            w.map((_, g) => g),
            k,
          );
          assert.deepEqual(r.partition, bruteForceC1(w, k));
          assert.equal(r.method, 'canonical');
          assert.equal(r.exact, true);
          assert.ok(r.eps.isZero());
        },
      ),
      { numRuns: 300, seed: 20260216 },
    );
  });

  it('gives the divider partition of the golden instance before REALLOC (E5, divider 0)', () => {
    const r = exactMmsOracle()(big([4, 2, 5, 1, 0]), [0, 1, 2, 3, 4], 3);
    assert.deepEqual(r.partition, [[0, 4], [1, 3], [2]]);
    assert.equal(r.value, 3n);
  });

  it('works on a subset S, returning bundles of the goods of S in their original indices', () => {
    const v = big([9, 1, 4, 4, 1, 7]);
    const r = exactMmsOracle()(v, [5, 2, 3, 1], 2);
    assert.deepEqual(r.partition, [
      [1, 5],
      [2, 3],
    ]);
    assert.equal(r.value, 8n);
  });

  it('falls back to the solver witness when the lexicographic search runs out of its node budget, still exact', () => {
    const w = [97, 89, 83, 79, 73, 71, 67, 61, 59, 53, 47, 43];
    const r = exactMmsOracle(3)(
      big(w),
      w.map((_, g) => g),
      3,
    );
    assert.equal(r.method, 'solver');
    assert.equal(r.value, mmsOfIntegers(big(w), 3).value);
  });

  it('on many goods returns a partition reaching the largest-items upper bound, hence optimal, without the slow covering search (m = 40, 60)', () => {
    for (const m of [40, 60]) {
      const w = Array.from({ length: m }, (_, g) => 1 + ((g * 7919 + 13) % 997));
      const r = exactMmsOracle()(
        big(w),
        w.map((_, g) => g),
        3,
      );
      assert.equal(r.method, 'at-bound');
      const desc = big(w).sort((a, b) => (b > a ? 1 : b < a ? -1 : 0));
      assert.equal(r.value, largestItemsBound(desc, 3));
    }
  });

  it('threeWayAtBound finds a perfect 3-partition of 1..12 (sum 78, bound 26) and gives up on an impossible bound', () => {
    const w = Array.from({ length: 12 }, (_, g) => g + 1);
    const p = threeWayAtBound(w, 26)!;
    assert.deepEqual(
      p.map((b) => b.reduce((s, q) => s + w[q], 0)),
      [26, 26, 26],
    );
    assert.equal(threeWayAtBound([10, 1, 1], 4), null);
  });

  it('lexFirstPartition returns null when the budget is exhausted and the C1 vector otherwise', () => {
    assert.equal(lexFirstPartition([5, 4, 3, 3, 3], 3, 5, 2), null);
    assert.deepEqual(lexFirstPartition([5, 4, 3, 3, 3], 3, 5), bruteForceC1([5, 4, 3, 3, 3], 3));
  });

  it('the FPTAS oracle meets its (1 - eps) contract on 300 random value lists, for k = 2 and 3', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 10 }),
        fc.constantFrom(2 as const, 3 as const),
        fc.constantFrom('1/10', '1/4', '1/2'),
        (w, k, e) => {
          const eps = Rational.from(e);
          const r = fptasMmsOracle(eps)(
            big(w),
            w.map((_, g) => g),
            k,
          );
          const mms = mmsOfIntegers(big(w), k).value;
          assert.ok(Rational.ONE.sub(eps).mul(mms).le(r.value), `worst ${r.value} < (1 - ${e}) * ${mms}`);
          assert.equal(r.exact, false);
          assert.deepEqual(
            r.partition.flat().sort((a, b) => a - b),
            w.map((_, g) => g),
          );
        },
      ),
      { numRuns: 300, seed: 7 },
    );
  });

  it('the FPTAS oracle returns a certified greedy partition on many uniform goods (m = 300) without a DP table', () => {
    const w = Array.from({ length: 300 }, (_, g) => 1 + ((g * 7919) % 1000));
    const r = fptasMmsOracle(new Rational(1n, 10n))(
      big(w),
      w.map((_, g) => g),
      3,
    );
    assert.equal(r.method, 'greedy-certified');
  });

  it("OracleLog records each call with the agent, k, |S| and the value in the agent's own units", () => {
    const log = new OracleLog();
    const set = log.wrap(oracleSet(exactMmsOracle()), 1, new Rational(1n, 2n));
    set.three(big([4, 2, 5, 1, 0]), [0, 1, 2, 3, 4], 3);
    set.two(big([4, 2, 5, 1, 0]), [0, 2], 2);
    assert.deepEqual(
      log.calls.map((c) => [c.agent, c.k, c.goods, c.value, c.method]),
      [
        [1, 3, 5, '3/2', 'canonical'],
        [1, 2, 2, '2', 'canonical'],
      ],
    );
  });
});
