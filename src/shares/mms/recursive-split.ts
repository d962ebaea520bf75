/**
 * Recursive splitting (after Korf's recursive number partitioning, IJCAI-09: an optimal k-way partition
 * splits into a k1-way and a (k - k1)-way part; our code, used here as a witness search): to reach every
 * bundle >= T with k bundles, pick a subset worth between k1 T and k1 T + slack (k1 = floor(k / 2); slack =
 * the items' value - k T), then split both sides recursively. Each subset is a subset-sum window query
 * (`subsetInWindow`: a greedy probe, else bitset dynamic programming) on a seeded random order of the items,
 * so repeated attempts see different subsets; a failed side retries a few other subsets before giving up.
 *
 * It never proves an upper bound: it is the fast route to the perfect partitions (every bundle reaching
 * the upper bound) that dense instances (many small values) have in abundance, and which the covering
 * search, enumerating completions of one bundle at a time, can miss (bench/results/mms.md: the U[1,100] bands
 * n = 20, m = 80 and 100 are solved by this route, in 8.6 and 9.6 ms median CPU). It targets the current
 * upper bound, takes a quarter share of the time after `ATTEMPTS` attempts on one bound (the bound may not
 * be reachable), and only runs when the values are small enough for dynamic programming (total <= 2^24).
 */
import { rng, type Rng } from '../../core/rng';
import type { Budget } from './budget';
import type { Incumbent } from './incumbent';
import { subsetInWindow } from './subset-sum';

const ATTEMPTS = 48;
const RETRIES = 3;
const MAX_TOTAL = 2 ** 24;

export class RecursiveSplit {
  readonly name = 'recursive-split';
  private readonly applicable: boolean;
  private readonly w: number[];
  private target = -1n;
  private attempts = 0;

  /** `attemptLimit`: `run` returns after that many attempts on one bound (tests; the solver relies on slices). */
  constructor(
    private readonly inc: Incumbent,
    private readonly budget: Budget,
    private readonly attemptLimit = Infinity,
  ) {
    const total = inc.desc.reduce((a, b) => a + b, 0n);
    this.applicable = total <= BigInt(MAX_TOTAL) && inc.desc.length >= 2 * inc.n;
    this.w = inc.desc.map(Number);
  }

  get dead(): boolean {
    return !this.applicable;
  }

  /** A full share of each round for the first `ATTEMPTS` attempts on an upper bound, a quarter after them. */
  get weight(): number {
    return this.target === this.inc.upper && this.attempts >= ATTEMPTS ? 0.25 : 1;
  }

  run(): void {
    while (!this.inc.solved) {
      if (this.target !== this.inc.upper) {
        this.target = this.inc.upper;
        this.attempts = 0;
      }
      if (this.attempts >= this.attemptLimit) return;
      const T = Number(this.target);
      // an attempt cut by the slice end is repeated with the same seed: the attempts are the same sequence
      // whatever the slicing
      const r = rng(`recursive-split ${this.attempts}`);
      const items = this.w.map((_, p) => p);
      const total = this.w.reduce((a, b) => a + b, 0);
      const bin = new Int32Array(this.w.length);
      const found = this.split(items, this.inc.n, T, total - this.inc.n * T, 0, bin, r);
      this.attempts++;
      if (found) this.inc.adopt(bin);
    }
  }

  /** Splits `items` (value k T + slack) into k bundles each >= T, numbered from `first`, into `bin`. */
  private split(
    items: readonly number[],
    k: number,
    T: number,
    slack: number,
    first: number,
    bin: Int32Array,
    r: Rng,
  ): boolean {
    // every split is a dynamic program: worth a clock read each
    this.budget.nodes++;
    this.budget.check();
    if (slack < 0) return false;
    if (k === 1) {
      for (const p of items) bin[p] = first;
      return true;
    }
    const k1 = k >>> 1;
    for (let retry = 0; retry < RETRIES; retry++) {
      const shuffled = r.shuffle(items);
      const vals = shuffled.map((p) => this.w[p]);
      const chosen = subsetInWindow(vals, k1 * T, k1 * T + slack, this.budget);
      if (!chosen) return false;
      const inS = new Uint8Array(shuffled.length);
      let sum = 0;
      for (const q of chosen) {
        inS[q] = 1;
        sum += vals[q];
      }
      const S = shuffled.filter((_, q) => inS[q]);
      const rest = shuffled.filter((_, q) => !inS[q]);
      const e = sum - k1 * T;
      if (this.split(S, k1, T, e, first, bin, r) && this.split(rest, k - k1, T, slack - e, first + k1, bin, r))
        return true;
    }
    return false;
  }
}
