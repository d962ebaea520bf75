/**
 * Exact maximin share of one agent with additive values over indivisible goods: max over partitions of the
 * goods into n bundles of the smallest bundle value (= max-min n-way number partitioning = P||C_min).
 *
 * Algorithm (mms-kernel.md section 1; issue 3):
 * 1. Lower bound and first witness: the better of LPT and Karmarkar–Karp differencing (`greedy.ts`).
 * 2. Upper bound: min(floor(v(M)/n), the largest-items bound) (`bounds.ts`), then the smallest threshold the
 *    covering bounds refute at the root (pair bound), found by bisection.
 * 3. Two bundles: a dedicated exact path, the largest subset sum <= floor(v(M)/2) by bitset dynamic
 *    programming or Horowitz–Sahni meet-in-the-middle (`subset-sum.ts`).
 * 4. Otherwise threshold search on [lower, upper]: the upper bound is probed first (when it is reached, one
 *    probe ends the search), then bisection. A probe is the covering decision "n bundles each >= T?" by bin
 *    completion (`cover.ts`). A feasible probe raises the lower bound to the witness's true minimum (an
 *    achievable subset sum, often above T); an infeasible probe lowers the upper bound to T - 1.
 * The search runs on doubles when every sum is a safe integer, else on BigInt (`cover-bigint.ts`).
 * A time limit or abort stops it with status 'timeout', the best witness and the proven interval.
 */
import { InvalidInputError } from '../../core/errors';
import { largestItemsBound } from './bounds';
import { Budget, Interrupted } from './budget';
import { CoverSearch } from './cover';
import { BigCoverSearch } from './cover-bigint';
import { karmarkarKarp, lpt, minBundle } from './greedy';
import { bestHalf } from './subset-sum';
import type { MmsIntegerResult, MmsOptions } from './types';

/**
 * Exact MMS of non-negative integer values for n bundles, with a witness partition (n bundles of input
 * indices, each worth >= `value`) and anytime bounds; see the module header for the algorithm.
 */
export function mmsOfIntegers(values: readonly bigint[], n: number, options: MmsOptions = {}): MmsIntegerResult {
  if (!Number.isInteger(n) || n < 1) throw new InvalidInputError('bad-n', `mms: n must be a positive integer, got ${n}`);
  values.forEach((v, i) => {
    if (typeof v !== 'bigint') throw new InvalidInputError('not-an-integer', `values[${i}]: ${String(v)} is not a bigint`);
    if (v < 0n) throw new InvalidInputError('negative-value', `values[${i}]: ${v} is negative`);
  });
  const budget = new Budget(options.timeLimitMs, options.signal);
  const m = values.length;
  const order = values.map((_, i) => i).sort((a, b) => (values[b] > values[a] ? 1 : values[b] < values[a] ? -1 : a - b));
  const desc = order.map((i) => values[i]);
  const total = desc.reduce((a, b) => a + b, 0n);

  let method = 'greedy';
  let best = new Int32Array(m);
  let lower = 0n;
  let upper = 0n;
  let status: 'optimal' | 'timeout' = 'optimal';
  const report = () => options.onProgress?.({ lower, upper, nodes: budget.nodes });
  const adopt = (bin: Int32Array) => {
    const v = minBundle(desc, bin, n);
    if (v > lower) {
      lower = v;
      best = bin;
    }
  };

  if (n === 1) {
    lower = upper = total;
    method = 'trivial';
  } else if (m < n) {
    best = Int32Array.from(order, (_, p) => p);
    method = 'trivial';
  } else {
    best = lpt(desc, n);
    lower = minBundle(desc, best, n);
    adopt(karmarkarKarp(desc, n));
    upper = largestItemsBound(desc, n);
    report();
    try {
      if (lower < upper) {
        if (total <= BigInt(Number.MAX_SAFE_INTEGER)) {
          const w = desc.map(Number);
          const half = n === 2 ? bestHalf(w) : null;
          if (half) {
            const bin = new Int32Array(m).fill(1);
            for (const p of half) bin[p] = 0;
            adopt(bin);
            upper = lower;
            method = 'subset-sum';
          } else {
            const cover = new CoverSearch(w, n, budget);
            method = 'cover';
            thresholdSearch((T) => cover.decide(Number(T)), (T) => cover.refutes(Number(T)));
          }
        } else {
          const cover = new BigCoverSearch(desc, n, budget);
          method = 'cover-bigint';
          thresholdSearch((T) => cover.decide(T), () => false);
        }
      }
    } catch (e) {
      if (!(e instanceof Interrupted)) throw e;
      status = 'timeout';
    }
  }

  function thresholdSearch(decide: (T: bigint) => Int32Array | null, refutes: (T: bigint) => boolean): void {
    budget.check();
    if (refutes(upper)) {
      let a = lower + 1n;
      let b = upper;
      while (a < b) {
        const mid = (a + b) / 2n;
        if (refutes(mid)) b = mid;
        else a = mid + 1n;
      }
      upper = b - 1n;
      report();
    }
    let T = upper;
    while (lower < upper) {
      const bin = decide(T);
      if (bin) adopt(bin);
      else upper = T - 1n;
      report();
      T = lower + (upper - lower + 1n) / 2n;
    }
  }

  const partition: number[][] = Array.from({ length: n }, () => []);
  order.forEach((i, p) => partition[best[p]].push(i));
  for (const b of partition) b.sort((x, y) => x - y);
  return {
    value: lower,
    partition,
    status,
    lower,
    upper: status === 'optimal' ? lower : upper,
    stats: { nodes: budget.nodes, ms: budget.elapsedMs, method },
  };
}
