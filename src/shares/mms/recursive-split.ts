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
 * search, enumerating completions of one bundle at a time, can miss for seconds. It targets the current
 * upper bound, gives up after `ATTEMPTS` attempts per bound, and only runs when the values are small
 * enough for dynamic programming (total <= 2^24).
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
  readonly weight = 1;
  private readonly applicable: boolean;
  private readonly w: number[];
  private target = -1n;
  private attempts = 0;

  constructor(
    private readonly inc: Incumbent,
    private readonly budget: Budget,
  ) {
    const total = inc.desc.reduce((a, b) => a + b, 0n);
    this.applicable = total <= BigInt(MAX_TOTAL) && inc.desc.length >= 2 * inc.n;
    this.w = inc.desc.map(Number);
  }

  /** Idle once the attempts on the current upper bound are spent (a lower upper bound revives it). */
  get dead(): boolean {
    return !this.applicable || (this.target === this.inc.upper && this.attempts >= ATTEMPTS);
  }

  run(): void {
    while (!this.dead && !this.inc.solved) {
      if (this.target !== this.inc.upper) {
        this.target = this.inc.upper;
        this.attempts = 0;
      }
      this.budget.check();
      const T = Number(this.target);
      const r = rng(`recursive-split ${this.attempts++}`);
      const items = this.w.map((_, p) => p);
      const total = this.w.reduce((a, b) => a + b, 0);
      const bin = new Int32Array(this.w.length);
      if (this.split(items, this.inc.n, T, total - this.inc.n * T, 0, bin, r)) this.inc.adopt(bin);
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
    this.budget.tick();
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
