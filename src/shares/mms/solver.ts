/**
 * Exact maximin share of one agent with additive values over indivisible goods: max over partitions of the
 * goods into n bundles of the smallest bundle value (= max-min n-way number partitioning = P||C_min).
 *
 * Algorithm (mms-kernel.md section 1; issues 3 and 17):
 * 1. Lower bound and first witness: the better of LPT and Karmarkar–Karp differencing (`greedy.ts`).
 * 2. Upper bound: min(floor(v(M)/n), the largest-items bound) (`bounds.ts`).
 * 3. Two bundles: a dedicated exact path, the largest subset sum <= floor(v(M)/2) by bitset dynamic
 *    programming or Horowitz–Sahni meet-in-the-middle (`subset-sum.ts`), when either fits.
 * 4. Otherwise several exact searches take turns on one budget, in time slices that double every round,
 *    sharing the best witness and the proven upper bound (`incumbent.ts`); the first to close the gap ends
 *    the run. [DECISION] The covering search goes first (it decides the small-value bands within its first
 *    slice); with wide values (some value >= 2^16) cached iterative weakening goes first with 64-fold slices
 *    (`cached-cover.ts`), since there it wins by orders of magnitude and the others only delay it. The searches:
 *    - recursive splitting (`recursive-split.ts`, after Korf's recursive number partitioning): looks for a
 *      partition reaching the upper bound; finds the perfect partitions of dense instances at once;
 *    - cached iterative weakening (`cached-cover.ts`, after Schreiber & Korf's CIW and sequential number
 *      partitioning): every possible bundle of a threshold window, generated once by meet-in-the-middle;
 *      decides wide-number instances (few subsets per window) that defeat the covering search;
 *    - complete Karmarkar–Karp (`ckk.ts`, after Korf's CKK, with a max-min bound of ours; wide values, n <= 5):
 *      differencing merges depth first, the Karmarkar–Karp merge first; an anytime witness search that is
 *      also complete (it proves the incumbent optimal when its tree runs out);
 *    - the covering search (`cover.ts`, bin completion with bounds; BigInt `cover-bigint.ts` when the total
 *      exceeds 2^53): threshold search on [lower, upper], the upper bound probed once (after the smallest
 *      threshold the root pair bound refutes), then bisection (`Incumbent.nextProbe`). A feasible probe raises
 *      the lower bound to the witness's true minimum; an infeasible probe lowers the upper bound to T - 1.
 * A time limit or abort stops the run with status 'timeout', the best witness and the proven interval; without
 * `timeLimitMs` the search stops at the running call's budget, or after 60 s outside every budget (`limits.ts`).
 */
import { requireList } from '../../core/arguments';
import { InvalidInputError } from '../../core/errors';
import { largestItemsBound } from './bounds';
import { Budget, Interrupted } from './budget';
import { CachedCover } from './cached-cover';
import { CompleteKarmarkarKarp } from './ckk';
import { CoverSearch } from './cover';
import { BigCoverSearch } from './cover-bigint';
import { karmarkarKarp, lpt, minBundle } from './greedy';
import { Incumbent } from './incumbent';
import { requireBundleCount, requireGoodsCount, searchLimitMs } from './limits';
import { RecursiveSplit } from './recursive-split';
import { bestHalf } from './subset-sum';
import type { MmsIntegerResult, MmsOptions } from './types';

/** A search that takes turns: `run` works until solved or dead, or throws `Interrupted` at its slice end. */
interface Engine {
  readonly name: string;
  readonly dead: boolean;
  /** Share of each round (slice multiplier). */
  readonly weight: number;
  run(): void;
}

/** First slice of every engine (ms); slices double every round. */
const FIRST_SLICE_MS = 4;

/** The covering search (bin completion) as a threshold search on the shared interval. */
class CoverEngine implements Engine {
  readonly name: string;
  readonly dead = false;
  /** Twice the others' share with narrow values (its ground: it decides most such instances). */
  readonly weight: number;
  private readonly decide: (T: bigint) => Int32Array | null;
  private readonly refutes: (T: bigint) => boolean;
  private rootBoundDone = false;
  private upperProbed = false;

  constructor(
    private readonly inc: Incumbent,
    budget: Budget,
    total: bigint,
  ) {
    this.weight = inc.desc[0] >= 1n << 16n ? 1 : 2;
    if (total <= BigInt(Number.MAX_SAFE_INTEGER)) {
      const cover = new CoverSearch(inc.desc.map(Number), inc.n, budget);
      this.name = 'cover';
      this.decide = (T) => cover.decide(Number(T));
      this.refutes = (T) => cover.refutes(Number(T));
    } else {
      const cover = new BigCoverSearch(inc.desc, inc.n, budget);
      this.name = 'cover-bigint';
      this.decide = (T) => cover.decide(T);
      this.refutes = () => false;
    }
  }

  run(): void {
    const inc = this.inc;
    if (!this.rootBoundDone) {
      if (this.refutes(inc.upper)) {
        let a = inc.lower + 1n;
        let b = inc.upper;
        while (a < b) {
          const mid = (a + b) / 2n;
          if (this.refutes(mid)) b = mid;
          else a = mid + 1n;
        }
        inc.atMost(b - 1n);
      }
      this.rootBoundDone = true;
    }
    // the upper bound is probed once (a perfect partition ends the run), then `nextProbe`
    let T = this.upperProbed ? inc.nextProbe() : inc.upper;
    this.upperProbed = true;
    while (!inc.solved) {
      const bin = this.decide(T);
      if (bin) inc.adopt(bin);
      else inc.atMost(T - 1n);
      T = inc.nextProbe();
    }
  }
}

/**
 * Exact MMS of non-negative integer values for n bundles, with a witness partition (n bundles of input
 * indices, each worth >= `value`) and anytime bounds; see the module header for the algorithm.
 */
export function mmsOfIntegers(values: readonly bigint[], n: number, options: MmsOptions = {}): MmsIntegerResult {
  requireList(values, 'mmsOfIntegers', 'values');
  requireBundleCount(n, 'mmsOfIntegers');
  requireGoodsCount(values.length, 'mmsOfIntegers');
  const timeLimitMs = searchLimitMs(options, 'mmsOfIntegers');
  values.forEach((v, i) => {
    if (typeof v !== 'bigint')
      throw new InvalidInputError('not-an-integer', `values[${i}]: ${String(v)} is not a bigint`);
    if (v < 0n) throw new InvalidInputError('negative-value', `values[${i}]: ${v} is negative`);
  });
  const budget = new Budget(timeLimitMs, options.signal);
  const m = values.length;
  const order = values
    .map((_, i) => i)
    .sort((a, b) => (values[b] > values[a] ? 1 : values[b] < values[a] ? -1 : a - b));
  const desc = order.map((i) => values[i]);
  const total = desc.reduce((a, b) => a + b, 0n);

  let method = 'greedy';
  let status: 'optimal' | 'timeout' = 'optimal';
  const inc: Incumbent = new Incumbent(desc, n, () =>
    options.onProgress?.({ lower: inc.lower, upper: inc.upper, nodes: budget.nodes }),
  );

  if (n === 1) {
    inc.lower = inc.upper = total;
    method = 'trivial';
  } else if (m < n) {
    inc.best = Int32Array.from(order, (_, p) => p);
    method = 'trivial';
  } else {
    const greedy = lpt(desc, n);
    const kk = karmarkarKarp(desc, n);
    const [lptMin, kkMin] = [minBundle(desc, greedy, n), minBundle(desc, kk, n)];
    inc.best = kkMin > lptMin ? kk : greedy;
    inc.lower = kkMin > lptMin ? kkMin : lptMin;
    inc.upper = largestItemsBound(desc, n);
    options.onProgress?.({ lower: inc.lower, upper: inc.upper, nodes: 0 });
    try {
      if (!inc.solved) {
        const half = n === 2 && total <= BigInt(Number.MAX_SAFE_INTEGER) ? bestHalf(desc.map(Number)) : null;
        if (half) {
          const bin = new Int32Array(m).fill(1);
          for (const p of half) bin[p] = 0;
          inc.adopt(bin);
          inc.atMost(inc.lower);
          method = 'subset-sum';
        } else {
          method = runEngines(
            inc,
            budget,
            [
              new CoverEngine(inc, budget, total),
              new RecursiveSplit(inc, budget),
              new CachedCover(inc, budget),
              new CompleteKarmarkarKarp(inc, budget),
            ].sort((a, b) => b.weight - a.weight),
          );
        }
      }
    } catch (e) {
      if (!(e instanceof Interrupted)) throw e;
      status = 'timeout';
    }
  }

  const partition: number[][] = Array.from({ length: n }, () => []);
  order.forEach((i, p) => partition[inc.best[p]].push(i));
  for (const b of partition) b.sort((x, y) => x - y);
  return {
    value: inc.lower,
    partition,
    status,
    lower: inc.lower,
    upper: status === 'optimal' ? inc.lower : inc.upper,
    stats: { nodes: budget.nodes, ms: budget.elapsedMs, method },
  };
}

/** Round-robin time slices, doubling each round, until one engine closes the gap; returns its name. */
function runEngines(inc: Incumbent, budget: Budget, engines: Engine[]): string {
  for (let slice = FIRST_SLICE_MS; ; slice *= 2) {
    for (const e of engines) {
      if (e.dead) continue;
      budget.runSlice(slice * e.weight, () => e.run());
      if (inc.solved) return e.name;
    }
    budget.check();
  }
}
