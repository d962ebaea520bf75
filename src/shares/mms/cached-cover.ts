/**
 * Exact MMS by cached iterative weakening (Schreiber & Korf, "Cached Iterative Weakening for Optimal
 * Multi-Way Number Partitioning", AAAI-14), transferred from min-max to max-min, with sequential number
 * partitioning for three bundles (Korf, Schreiber & Moffitt 2018: the first subset, then an optimal
 * two-way split of the rest). Our code; the ideas are the papers'.
 *
 * With threshold T every bundle of a partition with smallest bundle >= T is worth between T and
 * v(M) - (n - 1) T. So one meet-in-the-middle scan (`window-sets.ts`) for the lowest threshold of interest,
 * Tlow, yields every possible bundle of every threshold T >= Tlow; the searches then run on that cache.
 * When the values are wide (many digits) the window holds few subsets and the searches are short.
 *
 * - Up to three bundles (sequential): the cache holds the subsets S1 containing the largest item. The MMS is
 *   the maximum over S1 of min(v(S1), best split of the rest); S1 is tried by its bound
 *   min(v(S1), (v(M) - v(S1)) / (n - 1)), best first, and the split is a subset-sum window query
 *   ("a subset of the rest worth in [lower + 1, v(rest) - lower - 1]?"); the loop stops at the first S1
 *   whose bound cannot beat the incumbent, which proves it optimal when that bound reaches below Tlow.
 * - More bundles (CIW): the decision "n bundles each >= T?" is an exact cover of the items by cached sets
 *   (the bundle of the largest uncovered item is a cached set whose largest item it is, within the slack
 *   left), with a failure memo keyed by (covered items, bundles left) that stays valid for higher T; the
 *   threshold is probed at the upper bound first, then by bisection.
 * - If every threshold >= Tlow fails, upper = Tlow - 1 and the window widens (the sets already judged are
 *   skipped when only the first subset is cached). When a window holds more than `SET_CAP` sets, Tlow rises
 *   halfway to the upper bound until it does not.
 * Values are doubles: every window end must stay below 2^53 (the total may exceed it; it is kept in BigInt).
 */
import type { Budget } from './budget';
import type { Incumbent } from './incumbent';
import { subsetInWindow } from './subset-sum';
import { WindowSets, type SumWindow } from './window-sets';

/**
 * Most sets held in the cache: many for the exact cover (every bundle comes from it), few for the first
 * subset (each costs a subset-sum query, and only those near v(M) / n are ever tried); and the most
 * elementary steps one scan may cost.
 */
const SET_CAP = 1 << 18;
const FIRST_CAP = 1 << 11;
const SCAN_LIMIT = 4e9;
const SAFE = BigInt(Number.MAX_SAFE_INTEGER);
/** Values from this size on count as wide. */
const WIDE = 1n << 16n;

export class CachedCover {
  readonly name = 'cached-cover';
  /** Slice weight: wide values (few subsets per window) are this search's ground, so it gets most turns. */
  readonly weight: number;
  /** No (further) progress possible: the window scheme does not fit these values. */
  dead = false;
  private readonly k: number;
  /** Number of positive values (sorted first). */
  private readonly mPos: number;
  private readonly w: Float64Array;
  private readonly total: bigint;
  private readonly first: boolean;
  private sets: WindowSets | null = null;
  private win: (SumWindow & { T: bigint }) | null = null;
  private phase: 'scan' | 'search' = 'scan';
  /** The window scanned before (first-subset mode skips its sets on a rescan). */
  private skip: [number, number] = [1, 0];
  // first-subset mode: candidates by bound, best first, and the next one to try
  private order: Int32Array = new Int32Array(0);
  private next = 0;
  // exact-cover mode: sets by their largest item (bucket), ascending by sum within a bucket
  private bucketStart = new Int32Array(0);
  private bucketSums = new Float64Array(0);
  private bucketSet = new Int32Array(0);
  private used = new Uint32Array(0);
  private chosen: number[] = [];
  /** Failure memo of the exact cover: a failure at T holds at every higher T, whatever window found it. */
  private readonly memo: Map<number | string, number>[];

  /** `limits` lowers the caps (tests reach the narrowing and top-group paths with them). */
  constructor(
    private readonly inc: Incumbent,
    private readonly budget: Budget,
    private readonly limits: { setCap?: number; halfLimit?: number } = {},
  ) {
    this.k = inc.n;
    let mPos = 0;
    while (mPos < inc.desc.length && inc.desc[mPos] > 0n) mPos++;
    this.mPos = mPos;
    this.total = inc.desc.reduce((a, b) => a + b, 0n);
    this.first = this.k <= 3;
    this.dead = mPos < this.k || inc.desc[0] > SAFE;
    this.w = Float64Array.from(inc.desc.slice(0, mPos), Number);
    this.weight = inc.desc[0] >= WIDE ? 4 : 1;
    this.memo = Array.from({ length: this.k + 1 }, () => new Map());
  }

  /** Works until the instance is solved or this search can do no more; throws `Interrupted` (resumable). */
  run(): void {
    while (!this.dead && !this.inc.solved) {
      if (!this.sets && !this.startScan()) return;
      const sets = this.sets as WindowSets;
      const win = this.win as SumWindow & { T: bigint };
      if (this.phase === 'scan') {
        if (!sets.collect(win, this.limits.setCap ?? (this.first ? FIRST_CAP : SET_CAP))) {
          this.dead = true;
          return;
        }
        this.phase = 'search';
        if (this.first) this.orderCandidates();
        else this.buildBuckets();
      }
      const failedFrom = this.first ? this.searchFirst() : this.searchCover();
      if (failedFrom !== null) {
        // every threshold >= failedFrom is refuted: widen the window below it
        this.inc.atMost(failedFrom - 1n);
        if (this.first) this.skip = [win.lo, win.hi];
        this.sets = null;
      }
    }
  }

  /** Sets up the scan of the window of Tlow = lower + 1 (raised so the window ends stay below 2^53). */
  private startScan(): boolean {
    const k = BigInt(this.k);
    let T = this.inc.lower + 1n;
    // hi = total - (k - 1) T must be a safe integer
    const minT = (this.total - SAFE + k - 2n) / (k - 1n);
    if (T < minT) T = minT;
    // first-subset mode: the rest of the items (worth up to total - T) goes through the safe-integer queries
    if (T > this.inc.upper || (this.first && this.total - T > SAFE)) {
      this.dead = true;
      return false;
    }
    const total = this.total;
    const inc = this.inc;
    const win = {
      T,
      lo: Number(T),
      hi: Number(total - (k - 1n) * T),
      skipLo: this.skip[0],
      skipHi: this.skip[1],
      narrow(): boolean {
        const up = inc.upper;
        if (this.T >= up) return false;
        this.T += (up - this.T + 1n) / 2n;
        this.lo = Number(this.T);
        this.hi = Number(total - (k - 1n) * this.T);
        return true;
      },
    };
    if (!this.first) this.skip = [1, 0];
    const sets = new WindowSets(this.w, this.first ? 0 : -1, win.hi, this.budget, this.limits.halfLimit);
    if (!sets.viable || sets.scanCost > SCAN_LIMIT) {
      this.dead = true;
      return false;
    }
    this.sets = sets;
    this.win = win;
    this.phase = 'scan';
    return true;
  }

  // ---- first-subset mode (n <= 3) ----

  /** Bound of a first subset worth s: min(s, floor((total - s) / (n - 1))), relative to Tlow (exact doubles). */
  private boundOf(s: number, T: bigint, slack: number): number {
    const rel = s - Number(T);
    const rest = Math.floor((slack - rel) / (this.k - 1));
    return rel < rest ? rel : rest;
  }

  private orderCandidates(): void {
    const sets = this.sets as WindowSets;
    const win = this.win as SumWindow & { T: bigint };
    const slack = Number(this.total - BigInt(this.k) * win.T);
    const bound = new Float64Array(sets.count);
    for (let i = 0; i < sets.count; i++) bound[i] = this.boundOf(sets.sums[i], win.T, slack);
    this.order = Int32Array.from({ length: sets.count }, (_, i) => i).sort((a, b) => bound[b] - bound[a]);
    this.next = 0;
  }

  /** Tries first subsets best bound first; returns the threshold from which all fail, or null when solved. */
  private searchFirst(): bigint | null {
    const sets = this.sets as WindowSets;
    const win = this.win as SumWindow & { T: bigint };
    const W = sets.words;
    const slack = Number(this.total - BigInt(this.k) * win.T);
    for (; this.next < this.order.length; this.next++) {
      this.budget.tick();
      const i = this.order[this.next];
      const s = sets.sums[i];
      const lowerRel = Number(this.inc.lower - win.T);
      if (this.boundOf(s, win.T, slack) <= lowerRel) break;
      const bin = new Int32Array(this.inc.desc.length).fill(1);
      const rest: number[] = [];
      for (let p = 0; p < this.mPos; p++) {
        if ((sets.masks[i * W + (p >>> 5)] >>> (p & 31)) & 1) bin[p] = 0;
        else rest.push(p);
      }
      if (this.k === 2) {
        this.inc.adopt(bin);
        continue;
      }
      // a subset of the rest worth in [lower + 1, v(rest) - lower - 1], again after every success (a
      // witness found this way may be worth more than lower + 1, but not necessarily the most this S1 allows)
      const vals = rest.map((p) => this.w[p]);
      const restSum = this.total - BigInt(s);
      while (this.boundOf(s, win.T, slack) > Number(this.inc.lower - win.T)) {
        const need = this.inc.lower + 1n;
        const hi = restSum - need;
        const chosen = subsetInWindow(vals, Number(need), Number(hi), this.budget);
        if (!chosen) break;
        const b2 = bin.slice();
        for (const q of chosen) b2[rest[q]] = 2;
        this.inc.adopt(b2);
      }
    }
    if (this.inc.lower + 1n >= win.T) {
      this.inc.atMost(this.inc.lower);
      return null;
    }
    return win.T;
  }

  // ---- exact-cover mode (n >= 4) ----

  /** Sets by their largest item (bucket = lowest position), ascending by sum within a bucket. */
  private buildBuckets(): void {
    const sets = this.sets as WindowSets;
    const W = sets.words;
    const lowest = new Int32Array(sets.count);
    const counts = new Int32Array(this.mPos + 1);
    for (let i = 0; i < sets.count; i++) {
      let p = 0;
      for (let k = 0; k < W; k++) {
        const x = sets.masks[i * W + k];
        if (x !== 0) {
          p = k * 32 + (31 - Math.clz32(x & -x));
          break;
        }
      }
      lowest[i] = p;
      counts[p + 1]++;
    }
    for (let p = 0; p < this.mPos; p++) counts[p + 1] += counts[p];
    const idx = Int32Array.from({ length: sets.count }, (_, i) => i).sort((a, b) => lowest[a] - lowest[b] || sets.sums[a] - sets.sums[b]);
    this.bucketStart = counts;
    this.bucketSet = idx;
    this.bucketSums = Float64Array.from(idx, (i) => sets.sums[i]);
    this.used = new Uint32Array(W);
  }

  /**
   * Probes thresholds in [Tlow, upper]: the upper bound first (a perfect partition ends the search at once),
   * then bisection. Returns Tlow when a probe at Tlow fails (the window must widen), or null when solved.
   */
  private searchCover(): bigint | null {
    const win = this.win as SumWindow & { T: bigint };
    const sets = this.sets as WindowSets;
    const W = sets.words;
    let T = this.inc.upper;
    while (!this.inc.solved) {
      if (T < win.T) T = win.T;
      if (this.decide(T)) {
        // the chosen sets are bundles 0..n-2; the rest of the items is the last bundle
        const bin = new Int32Array(this.inc.desc.length).fill(this.k - 1);
        this.chosen.forEach((i, b) => {
          for (let p = 0; p < this.mPos; p++) if ((sets.masks[i * W + (p >>> 5)] >>> (p & 31)) & 1) bin[p] = b;
        });
        this.inc.adopt(bin);
      } else {
        if (T === win.T) return T;
        this.inc.atMost(T - 1n);
      }
      T = this.inc.lower + (this.inc.upper - this.inc.lower + 1n) / 2n;
    }
    return null;
  }

  private decide(T: bigint): boolean {
    this.used.fill(0);
    this.chosen = [];
    return this.cover(this.k, Number(this.total - BigInt(this.k) * T), Number(T));
  }

  private keyOf(): number | string {
    const u = this.used;
    if (this.mPos <= 53) return u.length === 1 ? u[0] : u[0] + u[1] * 4294967296;
    return u.join(',');
  }

  /** Can the uncovered items form k bundles each >= T, with `slack` = their sum - k T? */
  private cover(k: number, slack: number, T: number): boolean {
    this.budget.tick();
    if (k === 1) return true;
    const u = this.used;
    let x = -1;
    for (let w = 0; w < u.length; w++) {
      const free = ~u[w];
      if (free !== 0) {
        x = w * 32 + (31 - Math.clz32(free & -free));
        break;
      }
    }
    if (x < 0 || x >= this.mPos) return false;
    const key = this.keyOf();
    const memo = this.memo[k];
    const known = memo.get(key);
    if (known !== undefined && known <= T) return false;
    const sets = this.sets as WindowSets;
    const W = sets.words;
    const masks = sets.masks;
    const sums = this.bucketSums;
    let a = this.bucketStart[x];
    let b = this.bucketStart[x + 1];
    while (a < b) {
      const mid = (a + b) >>> 1;
      if (sums[mid] < T) a = mid + 1;
      else b = mid;
    }
    const end = this.bucketStart[x + 1];
    const top = T + slack;
    for (let j = a; j < end && sums[j] <= top; j++) {
      const i = this.bucketSet[j];
      const off = i * W;
      let clash = 0;
      for (let w = 0; w < W; w++) clash |= masks[off + w] & u[w];
      if (clash !== 0) continue;
      for (let w = 0; w < W; w++) u[w] |= masks[off + w];
      this.chosen.push(i);
      if (this.cover(k - 1, slack - (sums[j] - T), T)) return true;
      this.chosen.pop();
      for (let w = 0; w < W; w++) u[w] ^= masks[off + w];
    }
    if (memo.size > 2_000_000) memo.clear();
    if (known === undefined || T < known) memo.set(key, T);
    return false;
  }
}
