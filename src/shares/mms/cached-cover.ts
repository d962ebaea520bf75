/**
 * Exact MMS by cached iterative weakening (Schreiber & Korf, "Cached Iterative Weakening for Optimal
 * Multi-Way Number Partitioning", AAAI-14), transferred from min-max to max-min, with sequential number
 * partitioning for two and three bundles (Korf, Schreiber & Moffitt 2018: the first subset, then an optimal
 * split of the rest). Our code; the ideas are the papers'.
 *
 * With threshold T every bundle of a partition with smallest bundle >= T is worth between T and
 * v(M) - (n - 1) T. So one meet-in-the-middle scan (`window-sets.ts`) for the lowest threshold of interest,
 * Tlow, yields every possible bundle of every threshold T >= Tlow; the searches then run on that cache.
 * When the values are wide (many digits) the window holds few subsets and the searches are short.
 *
 * - Two and three bundles (sequential): the first subset S1 is the bundle of the largest item; the MMS is
 *   the maximum over S1 of min(v(S1), best split of the rest). The S1 are tried by their bound
 *   min(v(S1), (v(M) - v(S1)) / (n - 1)), best first, and the loop stops at the first whose bound cannot
 *   beat the incumbent, which proves it optimal when that bound reaches below Tlow. For three bundles the
 *   split of the rest is the cached set (mode `pairs`: the cache holds the whole window) whose largest
 *   item is the largest item left, disjoint from S1 and nearest half the rest; with many items (a full
 *   scan costs twice the scan with the largest item forced in) it is a subset-sum window query per S1
 *   (mode `first`: the cache holds only the S1), with the largest item left forced into the part it asks for
 *   (the window is symmetric: `subsetWithFirstInWindow`).
 * - Four or more bundles (CIW): the decision "n bundles each >= T?" is an exact cover of the items by cached
 *   sets (the bundle of the largest uncovered item is a cached set whose largest item it is, within the
 *   slack left), with a failure memo keyed by (covered items, bundles left) that stays valid for higher T
 *   (`failure-memo.ts`); the threshold is probed at the upper bound first, then by bisection. With 33 to 64
 *   items a node's candidates are the zero bits of the OR of its covered items' bit columns over the sets
 *   within the slack (nearly every set there meets a covered item: measured on U[1,10^6] (10, 50), about 270
 *   sets per node for 1.2 candidates).
 * - If every threshold >= Tlow fails, upper = Tlow - 1 and the window widens (the sets already judged are
 *   skipped when only first subsets are cached). When a window holds more sets than its cap, Tlow rises
 *   halfway to the upper bound until it does not.
 * Values are doubles: every window end must stay below 2^53 (the total may exceed it; it is kept in BigInt).
 */
import type { Budget } from './budget';
import type { Incumbent } from './incumbent';
import { FailureMemo } from './failure-memo';
import { subsetWithFirstInWindow } from './subset-sum';
import { WindowSets, type SumWindow } from './window-sets';

/**
 * Most sets held in the cache: many for the exact cover (every bundle comes from it), few for the first
 * subset (each costs a subset-sum query, and only those near v(M) / n are ever tried); and the most
 * elementary steps one scan may cost.
 */
const CAPS = { first: 1 << 11, pairs: 1 << 13, cover: 1 << 18 };
/** Cap of the exact cover when the values are not wide (its sorting steps are not interruptible). */
const NARROW_COVER_CAP = 1 << 14;
/** Most items for which three bundles take the second bundle from a full cache. */
const PAIRS_MAX_ITEMS = 44;
const SCAN_LIMIT = 4e9;
const SAFE = BigInt(Number.MAX_SAFE_INTEGER);
/** Values from this size on count as wide. */
const WIDE = 1n << 16n;
/**
 * Slice weight with wide values. [DECISION] 64: the covering search and complete Karmarkar–Karp then hold at most
 * 3% of the time (11% at 16 before); measured, every wide band is decided by this search and runs faster: U[1,2^48)
 * (3, 50) median 1.53 -> 1.18 s CPU (its scan and subset-sum queries lose their partial work at every slice end),
 * U[1,10^6] (10, 50) 1.28 -> 1.18 s, U[1,2^32) (5, 32) 142 -> 107 ms.
 */
const WIDE_WEIGHT = 64;

export class CachedCover {
  readonly name = 'cached-cover';
  /**
   * Slice weight: wide values (few subsets per window) are this search's ground, so it gets most turns;
   * with narrow values the windows teem with subsets and the other searches usually win, so it gets few.
   */
  readonly weight: number;
  private readonly wide: boolean;
  /** No (further) progress possible: the window scheme does not fit these values. */
  dead = false;
  private readonly k: number;
  /** Number of positive values (sorted first). */
  private readonly mPos: number;
  private readonly w: Float64Array;
  private readonly total: bigint;
  /**
   * first: the cache holds the subsets with the largest item (two bundles, or three with many items);
   * pairs: three bundles, the cache holds every subset of the window; cover: four or more bundles.
   */
  private readonly mode: 'first' | 'pairs' | 'cover';
  private sets: WindowSets | null = null;
  /** The window scanner of the last scan, kept for its half lists. */
  private lists: WindowSets | null = null;
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
  private bucketMasks = new Uint32Array(0);
  /** The first set of each bucket worth at least the threshold of the current decision. */
  private bucketFrom = new Int32Array(0);
  private used = new Uint32Array(0);
  /**
   * Exact cover with two-word masks: per bucket x and item p > x, the bit column of the bucket's sets holding p,
   * word-major (`columns[columnStart[x] + word * (mPos - x - 1) + (p - x - 1)]`: the rows a node reads lie side
   * by side); a node ORs the columns of its covered items over the slack's range of sets, and the zero bits left
   * are its candidates (ascending by sum).
   */
  private columns = new Uint32Array(0);
  private columnStart = new Int32Array(0);
  /** Candidate stack of the exact cover (each node's candidates above its parent's), and the covered columns. */
  private cand = new Int32Array(0);
  private candTop = 0;
  private coveredCols = new Int32Array(64);
  private chosen: number[] = [];
  /** The upper bound is probed once (a perfect partition ends the run); then `Incumbent.nextProbe`. */
  private upperProbed = false;
  /** Failure memo of the exact cover: a failure at T holds at every higher T, whatever window found it. */
  private memo: FailureMemo | null = null;

  /** `limits` lowers the caps (tests reach the narrowing, top-group and per-subset query paths with them). */
  constructor(
    private readonly inc: Incumbent,
    private readonly budget: Budget,
    private readonly limits: { setCap?: number; halfLimit?: number; pairsMaxItems?: number } = {},
  ) {
    this.k = inc.n;
    let mPos = 0;
    while (mPos < inc.desc.length && inc.desc[mPos] > 0n) mPos++;
    this.mPos = mPos;
    this.total = inc.desc.reduce((a, b) => a + b, 0n);
    // three bundles: the second bundle from the cache when one full scan is cheap, else by a subset-sum query
    // per first subset (the scan with the largest item forced in is half the full one)
    this.mode =
      this.k === 2 || (this.k === 3 && mPos > (limits.pairsMaxItems ?? PAIRS_MAX_ITEMS))
        ? 'first'
        : this.k === 3
          ? 'pairs'
          : 'cover';
    this.dead = mPos < this.k || inc.desc[0] > SAFE;
    this.w = Float64Array.from(inc.desc.slice(0, mPos), Number);
    this.wide = inc.desc[0] >= WIDE;
    this.weight = this.wide ? WIDE_WEIGHT : 0.25;
  }

  /** Works until the instance is solved or this search can do no more; throws `Interrupted` (resumable). */
  run(): void {
    while (!this.dead && !this.inc.solved) {
      if (!this.sets && !this.startScan()) return;
      const sets = this.sets as WindowSets;
      const win = this.win as SumWindow & { T: bigint };
      if (this.phase === 'scan') {
        const cap = this.mode === 'cover' && !this.wide ? NARROW_COVER_CAP : CAPS[this.mode];
        if (!sets.collect(win, this.limits.setCap ?? cap)) {
          this.dead = true;
          return;
        }
        this.phase = 'search';
        if (this.mode !== 'first') this.buildBuckets();
        if (this.mode !== 'cover') this.orderCandidates();
      }
      const failedFrom = this.mode === 'cover' ? this.searchCover() : this.searchSequential();
      if (failedFrom !== null) {
        // every threshold >= failedFrom is refuted: widen the window below it
        this.inc.atMost(failedFrom - 1n);
        if (this.mode === 'first') this.skip = [win.lo, win.hi];
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
    // sequential modes: the rest of the items (worth up to total - T) is split in safe integers
    if (T > this.inc.upper || (this.mode !== 'cover' && this.total - T > SAFE)) {
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
    if (this.mode !== 'first') this.skip = [1, 0];
    // the half lists of the previous scan serve every window below its upper end (`WindowSets.restart`)
    let sets = this.lists;
    if (sets && sets.maxHi >= win.hi) sets.restart();
    else sets = new WindowSets(this.w, this.mode === 'first' ? 0 : -1, win.hi, this.budget, this.limits.halfLimit);
    if (!sets.viable || sets.scanCost > SCAN_LIMIT) {
      this.dead = true;
      return false;
    }
    this.lists = sets;
    this.sets = sets;
    this.win = win;
    this.phase = 'scan';
    return true;
  }

  // ---- sequential modes (n = 2, 3) ----

  /** Bound of a first subset worth s: min(s, floor((total - s) / (n - 1))), relative to Tlow (exact doubles). */
  private boundOf(s: number, T: bigint, slack: number): number {
    const rel = s - Number(T);
    const rest = Math.floor((slack - rel) / (this.k - 1));
    return rel < rest ? rel : rest;
  }

  /** The first subsets (all cached sets, or the bucket of the largest item) by bound, best first. */
  private orderCandidates(): void {
    const sets = this.sets as WindowSets;
    const win = this.win as SumWindow & { T: bigint };
    const slack = Number(this.total - BigInt(this.k) * win.T);
    const ids =
      this.mode === 'first'
        ? Int32Array.from({ length: sets.count }, (_, i) => i)
        : this.bucketSet.slice(this.bucketStart[0], this.bucketStart[1]);
    const bound = new Float64Array(sets.count);
    for (const i of ids) bound[i] = this.boundOf(sets.sums[i], win.T, slack);
    this.order = ids.sort((a, b) => bound[b] - bound[a]);
    this.next = 0;
  }

  /**
   * Tries first subsets best bound first; for three bundles the second is the cached set, among those whose
   * largest item is the largest item left, disjoint from the first and nearest half the rest. Returns the
   * threshold from which all fail, or null when solved.
   */
  private searchSequential(): bigint | null {
    const sets = this.sets as WindowSets;
    const win = this.win as SumWindow & { T: bigint };
    const W = sets.words;
    const slack = Number(this.total - BigInt(this.k) * win.T);
    for (; this.next < this.order.length; this.next++) {
      this.budget.tick();
      const i = this.order[this.next];
      const s = sets.sums[i];
      if (this.boundOf(s, win.T, slack) <= Number(this.inc.lower - win.T)) break;
      const off = i * W;
      const bin = new Int32Array(this.inc.desc.length).fill(1);
      for (let p = 0; p < this.mPos; p++) if ((sets.masks[off + (p >>> 5)] >>> (p & 31)) & 1) bin[p] = 0;
      if (this.k === 2) {
        this.inc.adopt(bin);
      } else if (this.mode === 'pairs') {
        const j = this.bestSecond(i, Number(this.total - BigInt(s)));
        if (j < 0) continue;
        for (let p = 0; p < this.mPos; p++) if ((sets.masks[j * W + (p >>> 5)] >>> (p & 31)) & 1) bin[p] = 2;
        this.inc.adopt(bin);
      } else {
        this.splitRest(s, win.T, slack, bin);
      }
    }
    if (this.inc.lower + 1n >= win.T) {
      this.inc.atMost(this.inc.lower);
      return null;
    }
    return win.T;
  }

  /**
   * Three bundles, first subset worth s fixed (bundle 0 in `bin`, the rest bundle 1): a subset of the rest
   * worth in [lower + 1, v(rest) - lower - 1] (subset-sum window query), again after every success, since a
   * witness found this way may be worth more than lower + 1 but not the most this first subset allows.
   */
  private splitRest(s: number, T: bigint, slack: number, bin: Int32Array): void {
    const rest: number[] = [];
    for (let p = 0; p < this.mPos; p++) if (bin[p] === 1) rest.push(p);
    const vals = rest.map((p) => this.w[p]);
    const restSum = this.total - BigInt(s);
    while (this.boundOf(s, T, slack) > Number(this.inc.lower - T)) {
      const need = this.inc.lower + 1n;
      // the window is symmetric (one part of a split of the rest): the part with the largest item left
      const chosen = subsetWithFirstInWindow(vals, Number(need), Number(restSum - need), this.budget);
      if (!chosen) return;
      const b2 = bin.slice();
      for (const q of chosen) b2[rest[q]] = 2;
      this.inc.adopt(b2);
    }
  }

  /**
   * The cached set disjoint from set i, holding the largest item outside it as its largest item, whose sum is
   * nearest half of `rest` (the value outside set i) and splits it with both parts above the incumbent; -1
   * when none does. Every second bundle of value above the incumbent is cached (its sum lies in the window).
   */
  private bestSecond(i: number, rest: number): number {
    const sets = this.sets as WindowSets;
    const W = sets.words;
    const masks = sets.masks;
    let x = -1;
    for (let w = 0; w < W; w++) {
      const free = ~masks[i * W + w];
      if (free !== 0) {
        x = w * 32 + (31 - Math.clz32(free & -free));
        break;
      }
    }
    if (x < 0 || x >= this.mPos) return -1;
    const sums = this.bucketSums;
    const start = this.bucketStart[x];
    const end = this.bucketStart[x + 1];
    const mid = rest / 2;
    const reach = mid - (Number(this.inc.lower) + 1);
    let a = start;
    let b = end;
    while (a < b) {
      const m = (a + b) >>> 1;
      if (sums[m] < mid) a = m + 1;
      else b = m;
    }
    let l = a - 1;
    let r = a;
    for (;;) {
      const dl = l >= start ? mid - sums[l] : Infinity;
      const dr = r < end ? sums[r] - mid : Infinity;
      const d = dl < dr ? dl : dr;
      if (d > reach) return -1;
      const j = this.bucketSet[dl < dr ? l-- : r++];
      let clash = 0;
      for (let w = 0; w < W; w++) clash |= masks[j * W + w] & masks[i * W + w];
      if (clash === 0) return j;
    }
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
    // by bucket (counting sort), then ascending by sum within each bucket
    const idx = new Int32Array(sets.count);
    const fill = counts.slice(0, this.mPos);
    for (let i = 0; i < sets.count; i++) idx[fill[lowest[i]]++] = i;
    const sums = sets.sums;
    for (let p = 0; p < this.mPos; p++) idx.subarray(counts[p], counts[p + 1]).sort((a, b) => sums[a] - sums[b]);
    this.bucketStart = counts;
    this.bucketFrom = new Int32Array(this.mPos);
    this.bucketSet = idx;
    this.bucketSums = Float64Array.from(idx, (i) => sums[i]);
    // masks in bucket order, contiguous: the exact cover scans them in order
    this.bucketMasks = new Uint32Array(idx.length * W);
    for (let j = 0; j < idx.length; j++)
      for (let w = 0; w < W; w++) this.bucketMasks[j * W + w] = sets.masks[idx[j] * W + w];
    this.used = new Uint32Array(W);
    if (this.mode === 'cover' && W === 2) this.buildColumns();
  }

  /** The bit columns of every bucket (see `columns`). */
  private buildColumns(): void {
    const m = this.mPos;
    const start = new Int32Array(m + 1);
    for (let x = 0; x < m; x++) {
      const words = (this.bucketStart[x + 1] - this.bucketStart[x] + 31) >>> 5;
      start[x + 1] = start[x] + words * (m - x - 1);
    }
    const cols = new Uint32Array(start[m]);
    const masks = this.bucketMasks;
    for (let x = 0; x < m; x++) {
      const s0 = this.bucketStart[x];
      const words = (this.bucketStart[x + 1] - s0 + 31) >>> 5;
      for (let j = s0; j < this.bucketStart[x + 1]; j++) {
        const l = j - s0;
        for (let w = 0; w < 2; w++)
          for (let bits = masks[2 * j + w]; bits !== 0; bits &= bits - 1) {
            const p = w * 32 + (31 - Math.clz32(bits & -bits));
            if (p > x) cols[start[x] + (l >>> 5) * (m - x - 1) + (p - x - 1)] |= 1 << (l & 31);
          }
      }
    }
    this.columns = cols;
    this.columnStart = start;
    this.cand = new Int32Array(1024);
    this.candTop = 0;
  }

  /**
   * Probes thresholds in [Tlow, upper]: the upper bound first (a perfect partition ends the search at once),
   * then bisection. Returns Tlow when a probe at Tlow fails (the window must widen), or null when solved.
   */
  private searchCover(): bigint | null {
    const win = this.win as SumWindow & { T: bigint };
    const sets = this.sets as WindowSets;
    const W = sets.words;
    let T = this.upperProbed ? this.inc.nextProbe() : this.inc.upper;
    this.upperProbed = true;
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
      T = this.inc.nextProbe();
    }
    return null;
  }

  private decide(T: bigint): boolean {
    // made at the first decision: most solver runs never reach one (the searches that decide first end them)
    this.memo ??= new FailureMemo(this.used.length);
    this.used.fill(0);
    this.chosen = [];
    this.candTop = 0;
    // each bucket's first set worth >= T
    const t = Number(T);
    for (let x = 0; x < this.mPos; x++) {
      let a = this.bucketStart[x];
      let b = this.bucketStart[x + 1];
      while (a < b) {
        const mid = (a + b) >>> 1;
        if (this.bucketSums[mid] < t) a = mid + 1;
        else b = mid;
      }
      this.bucketFrom[x] = a;
    }
    return this.cover(this.k, Number(this.total - BigInt(this.k) * T), t);
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
    const W = u.length;
    const memo = this.memo as FailureMemo;
    // two-word masks look the memo up only for a node with candidates (most nodes have none, and finding that
    // out costs less than a lookup in a table far larger than the caches)
    if (W !== 2 && memo.get(u, k) <= T) return false;
    const masks = this.bucketMasks;
    const sums = this.bucketSums;
    const a = this.bucketFrom[x];
    const end = this.bucketStart[x + 1];
    const top = T + slack;
    if (W === 2) {
      // 33 to 64 items: the sets within the slack end at e; their candidates are the zero bits of the OR of the
      // covered items' columns over [a, e)
      let e = a;
      let f = end;
      while (e < f) {
        const mid = (e + f) >>> 1;
        if (sums[mid] <= top) e = mid + 1;
        else f = mid;
      }
      if (e <= a) return false;
      const s0 = this.bucketStart[x];
      // a row per word of the bucket: the words of its items' columns side by side
      const stride = this.mPos - x - 1;
      const cols = this.columns;
      const colsX = this.columnStart[x];
      const covered = this.coveredCols;
      let nc = 0;
      for (let w = 0; w < 2; w++) {
        let bits = u[w];
        if (w === 0) bits &= x >= 31 ? 0 : ~((2 << x) - 1);
        else if (x >= 32) bits &= x === 63 ? 0 : ~((2 << (x - 32)) - 1);
        for (; bits !== 0; bits &= bits - 1) {
          const p = w * 32 + (31 - Math.clz32(bits & -bits));
          if (p < this.mPos) covered[nc++] = colsX + (p - x - 1);
        }
      }
      const la = a - s0;
      const le = e - s0;
      const base = this.candTop;
      if (this.cand.length < base + (le - la)) {
        const grown = new Int32Array(2 * (base + (le - la)));
        grown.set(this.cand.subarray(0, base));
        this.cand = grown;
      }
      const cand = this.cand;
      let c = base;
      for (let wd = la >>> 5; wd <= (le - 1) >>> 5; wd++) {
        let acc = 0;
        const row = wd * stride;
        for (let i = 0; i < nc && acc !== -1; i++) acc |= cols[covered[i] + row];
        let free = ~acc;
        // only the sets in [la, le)
        if (wd === la >>> 5) free &= -1 << (la & 31);
        if (wd === (le - 1) >>> 5 && (le & 31) !== 0) free &= (1 << (le & 31)) - 1;
        for (; free !== 0; free &= free - 1) cand[c++] = s0 + wd * 32 + (31 - Math.clz32(free & -free));
      }
      if (c === base || memo.get(u, k) <= T) return false;
      this.candTop = c;
      const u0 = u[0];
      const u1 = u[1];
      for (let r = base; r < c; r++) {
        const j = this.cand[r];
        u[0] = u0 | masks[2 * j];
        u[1] = u1 | masks[2 * j + 1];
        this.chosen.push(this.bucketSet[j]);
        if (this.cover(k - 1, slack - (sums[j] - T), T)) {
          this.candTop = base;
          return true;
        }
        this.chosen.pop();
        u[0] = u0;
        u[1] = u1;
      }
      this.candTop = base;
    } else if (W === 1) {
      const u0 = u[0];
      for (let j = a; j < end && sums[j] <= top; j++) {
        const m0 = masks[j];
        if ((m0 & u0) !== 0) continue;
        u[0] = u0 | m0;
        this.chosen.push(this.bucketSet[j]);
        if (this.cover(k - 1, slack - (sums[j] - T), T)) return true;
        this.chosen.pop();
        u[0] = u0;
      }
    } else {
      for (let j = a; j < end && sums[j] <= top; j++) {
        const off = j * W;
        let clash = 0;
        for (let w = 0; w < W; w++) clash |= masks[off + w] & u[w];
        if (clash !== 0) continue;
        for (let w = 0; w < W; w++) u[w] |= masks[off + w];
        this.chosen.push(this.bucketSet[j]);
        if (this.cover(k - 1, slack - (sums[j] - T), T)) return true;
        this.chosen.pop();
        for (let w = 0; w < W; w++) u[w] ^= masks[off + w];
      }
    }
    memo.set(u, k, T);
    return false;
  }
}
