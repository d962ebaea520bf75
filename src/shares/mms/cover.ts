/**
 * The covering decision on safe integers: "can the items be split into k bundles each worth >= T?"
 * (bin covering with k bins of threshold T; Korf's bin completion, transferred from packing to covering as
 * in Schreiber & Korf's IBC and the threshold-driven MMS prototype of mms-kernel.md section 1.4).
 *
 * Search. Items are sorted non-increasingly. Every solution can be assumed to use every item, so the
 * largest remaining item x is always in the bundle being built; the search branches only on the rest of
 * that bundle (its "completion"), then recurses on k - 1 bundles.
 * - Minimal completions only: a completion from which an item can be dropped while staying >= T is
 *   dominated (the dropped item can join any other bundle).
 * - Single-item dominance: if x >= T the bundle is {x}. If y is the smallest remaining item with
 *   x + y >= T, the completion {y} dominates every completion holding an item >= y and every completion
 *   worth >= y (swap it for y), so the other completions use items < y and are worth < y.
 * - Exchange dominance (Martello–Toth style, for covering; depth-first enumeration only): a completion is
 *   dropped when an item outside it can replace one or two of its items and still cover (the swapped
 *   completion spends less).
 * - Depth-first completions are tried by least overfill first, which finds coverings early.
 * - Symmetry breaking on equal values: completions are multisets, always taking the first unused copies,
 *   so each remaining multiset has one canonical set of indices (used for the memo too).
 * - Bounds at every node: total >= k * T; the pair bound (a bundle of items < T needs two items, and a
 *   bundle of exactly two needs a pair summing to >= T: with P = the maximum number of disjoint such pairs,
 *   2 * min(P, k') + 3 * (k' - min(P, k')) items are needed).
 * - Failure memo keyed by (remaining set, k), storing the smallest threshold at which the state failed;
 *   a failure at T is a failure at every T' >= T, so the memo stays valid across threshold probes.
 * - The last two bundles are a subset-sum window query (`subsetInWindow`: bitset DP or meet-in-the-middle).
 * - Completions are enumerated depth-first when values are small (subset sums dense: minimality and
 *   dominance keep the enumeration small), and lazily by meet-in-the-middle over sorted half lists (cached
 *   across probes) when values are large (sums sparse: a depth-first search would visit exponentially many
 *   partial bundles); in between, the depth-first search runs under a step limit and hands over.
 */
import type { Budget } from './budget';
import { MAX_HALF, pairsInWindow, sortedSubsetSums, type SortedSums } from './sorted-sums';
import { subsetInWindow } from './subset-sum';

const MEMO_LIMIT = 2_000_000;

export class CoverSearch {
  private readonly m: number;
  private readonly w: Float64Array;
  private readonly used: Uint8Array;
  private readonly bin: Int32Array;
  private readonly pow2: Float64Array;
  /** Sum of all values. */
  private readonly total: number;
  private readonly memo: Map<number | string, number>[];
  private memoSize = 0;
  private key = 0;
  private T = 0;
  private readonly halves = new Map<string, SortedSums>();

  /** `wDesc`: the values, sorted non-increasingly; `n`: the number of bundles. */
  constructor(
    wDesc: readonly number[],
    private readonly n: number,
    private readonly budget: Budget,
  ) {
    this.m = wDesc.length;
    this.w = Float64Array.from(wDesc);
    this.used = new Uint8Array(this.m);
    this.bin = new Int32Array(this.m);
    this.pow2 = new Float64Array(this.m);
    for (let i = 0; i < this.m && i < 53; i++) this.pow2[i] = 2 ** i;
    this.memo = Array.from({ length: n + 1 }, () => new Map());
    let total = 0;
    for (let i = 0; i < this.m; i++) total += this.w[i];
    this.total = total;
  }

  /** The bundle of every item (by sorted position) of a covering with n bundles each >= T, or null. */
  decide(T: number): Int32Array | null {
    this.used.fill(0);
    this.bin.fill(0);
    this.key = 0;
    this.T = T;
    return this.solve(this.n, this.total, 0) ? this.bin.slice() : null;
  }

  /** True when the root bounds alone prove that no covering with threshold T exists. */
  refutes(T: number): boolean {
    this.T = T;
    return (
      this.total < this.n * T ||
      !this.boundOk(
        Array.from({ length: this.m }, (_, i) => i),
        this.n,
      )
    );
  }

  private keyOf(): number | string {
    if (this.m <= 53) return this.key;
    let s = '';
    for (let i = 0; i < this.m; i++) s += this.used[i] ? '1' : '0';
    return s;
  }

  private mark(i: number, b: number): void {
    this.used[i] = 1;
    this.bin[i] = b;
    this.key += this.pow2[i];
  }

  private unmark(i: number): void {
    this.used[i] = 0;
    this.key -= this.pow2[i];
  }

  private remember(k: number, key: number | string): void {
    const memo = this.memo[k];
    const prev = memo.get(key);
    if (prev === undefined) {
      if (++this.memoSize > MEMO_LIMIT) {
        for (const mm of this.memo) mm.clear();
        this.memoSize = 1;
      }
      memo.set(key, this.T);
    } else if (this.T < prev) memo.set(key, this.T);
  }

  private solve(k: number, R: number, b: number): boolean {
    this.budget.tick();
    const T = this.T;
    const w = this.w;
    if (k === 1) {
      if (R < T) return false;
      for (let i = 0; i < this.m; i++) if (!this.used[i]) this.bin[i] = b;
      return true;
    }
    if (R < k * T) return false;
    const rem: number[] = [];
    for (let i = 0; i < this.m; i++) if (!this.used[i]) rem.push(i);
    if (rem.length === 0) return T <= 0;
    const key = this.keyOf();
    const known = this.memo[k].get(key);
    if (known !== undefined && known <= T) return false;
    if (!this.boundOk(rem, k)) {
      this.remember(k, key);
      return false;
    }
    const x = rem[0];
    const wx = w[x];
    if (wx >= T) {
      this.mark(x, b);
      if (this.solve(k - 1, R - wx, b + 1)) return true;
      this.unmark(x);
      this.remember(k, key);
      return false;
    }
    const rest = rem.slice(1);
    if (k === 2) {
      const chosen = subsetInWindow(
        rest.map((i) => w[i]),
        T - wx,
        R - T - wx,
        this.budget,
      );
      if (chosen) {
        for (const i of rest) this.bin[i] = b + 1;
        this.bin[x] = b;
        for (const p of chosen) this.bin[rest[p]] = b;
        return true;
      }
      this.remember(k, key);
      return false;
    }
    const lo = T - wx;
    const hi = R - (k - 1) * T - wx;
    if (hi >= lo) {
      for (const S of this.completions(rest, lo, hi)) {
        this.mark(x, b);
        let s = 0;
        for (const i of S) {
          this.mark(i, b);
          s += w[i];
        }
        if (this.solve(k - 1, R - wx - s, b + 1)) return true;
        this.unmark(x);
        for (const i of S) this.unmark(i);
      }
    }
    this.remember(k, key);
    return false;
  }

  /** Node bounds: enough value, and enough items given the pairs that can cover a bundle alone. */
  private boundOk(rem: readonly number[], k: number): boolean {
    const w = this.w;
    const T = this.T;
    let p = 0;
    while (p < rem.length && w[rem[p]] >= T) p++;
    const kk = k - p;
    if (kk <= 0) return true;
    let end = rem.length - 1;
    while (end >= p && w[rem[end]] === 0) end--;
    const cs = end - p + 1;
    if (cs < 2 * kk) return false;
    let sum = 0;
    for (let i = p; i <= end; i++) sum += w[rem[i]];
    if (sum < kk * T) return false;
    let pairs = 0;
    let hiP = p;
    let loP = end;
    while (hiP < loP && pairs < kk) {
      if (w[rem[hiP]] + w[rem[loP]] >= T) {
        pairs++;
        hiP++;
      }
      loP--;
    }
    return 2 * pairs + 3 * (kk - pairs) <= cs;
  }

  /** Undominated minimal completions of the bundle of the largest item: subsets of `rest` with sum in [lo, hi]. */
  private completions(rest: readonly number[], lo: number, hi: number): Iterable<number[]> {
    const w = this.w;
    let yPos = rest.length - 1;
    while (yPos >= 0 && w[rest[yPos]] < lo) yPos--;
    const out: number[][] = [];
    if (yPos >= 0) {
      const vy = w[rest[yPos]];
      let first = yPos;
      while (first > 0 && w[rest[first - 1]] === vy) first--;
      if (vy <= hi) out.push([rest[first]]);
      hi = Math.min(hi, vy - 1);
    }
    const L = rest.slice(yPos + 1);
    let need = 0;
    let size = 0;
    for (let p = L.length - 1; p >= 0 && need < lo; p--, size++) need += w[L[p]];
    if (need < lo || hi < lo) return out;
    const mitm = L.length >= 12 && L.length <= 2 * MAX_HALF && size >= 4;
    const big = L.length > 20 && size >= 5;
    let sumL = 0;
    for (const i of L) sumL += w[i];
    // sparse subset sums (large values): the half lists pay off at once; middling density: try the
    // minimal-set DFS first and switch when it grows past a quarter of the half-list size; dense sums
    // (small values): minimality and dominance keep the DFS small, and its order matters
    const density = Math.log2(sumL) - L.length / 2;
    if (mitm && density > 8) return this.chain(out, this.mitmCompletions(L, lo, hi));
    const found: { S: number[]; sum: number }[] = [];
    if (!this.dfsCompletions(L, lo, hi, found, mitm && big && density > 0 ? 2 ** (L.length / 2 - 2) : Infinity)) {
      return this.chain(out, this.mitmCompletions(L, lo, hi));
    }
    // least overfill first: finds coverings early ({y} is worth more than hi >= every found sum: it stays last)
    found.sort((a, b) => a.sum - b.sum);
    return found.map((e) => e.S).concat(out);
  }

  private *chain(first: number[][], rest: Iterable<number[]>): Generator<number[], void, undefined> {
    yield* first;
    yield* rest;
  }

  /**
   * Depth-first enumeration of minimal multisets from L (sorted non-increasingly) with sum in [lo, hi], with
   * their sums, dropping those dominated by an exchange with an item of L outside the set (`replaceable`).
   * Gives up (returns false) after `limit` search steps, when meet-in-the-middle is the cheaper route.
   */
  private dfsCompletions(
    L: readonly number[],
    lo: number,
    hi: number,
    out: { S: number[]; sum: number }[],
    limit: number,
  ): boolean {
    const w = this.w;
    const len = L.length;
    const vals = L.map((i) => w[i]);
    const suffix = new Float64Array(len + 1);
    for (let p = len - 1; p >= 0; p--) suffix[p] = suffix[p + 1] + vals[p];
    const chosen: number[] = [];
    let steps = 0;
    const rec = (start: number, s: number): boolean => {
      this.budget.tick();
      if (++steps > limit) return false;
      for (let p = start; p < len; p++) {
        const v = vals[p];
        if (p > start && v === vals[p - 1]) continue;
        if (s + suffix[p] < lo) break;
        const t = s + v;
        if (t > hi) continue;
        chosen.push(p);
        if (t < lo) {
          if (!rec(p + 1, t)) return false;
        } else if (!replaceable(vals, chosen, t - lo)) out.push({ S: chosen.map((q) => L[q]), sum: t });
        chosen.pop();
      }
      return true;
    };
    return rec(0, 0);
  }

  /** Sorted subset sums of a half list, cached by its items (the root halves recur in every probe). */
  private half(items: readonly number[]): SortedSums {
    const key = items.join(',');
    let h = this.halves.get(key);
    if (!h) {
      h = sortedSubsetSums(items.map((i) => this.w[i]));
      if (this.halves.size >= 8) this.halves.delete(this.halves.keys().next().value as string);
      this.halves.set(key, h);
    }
    return h;
  }

  /** Meet-in-the-middle enumeration of minimal canonical multisets from L with sum in [lo, hi]. */
  private *mitmCompletions(L: readonly number[], lo: number, hi: number): Generator<number[], void, undefined> {
    const w = this.w;
    const h = L.length >>> 1;
    const A = this.half(L.slice(0, h));
    const B = this.half(L.slice(h));
    const runStart = new Int32Array(L.length);
    for (let p = 1; p < L.length; p++) runStart[p] = w[L[p]] === w[L[p - 1]] ? runStart[p - 1] : p;
    const seen = new Set<string>();
    const taken = new Int32Array(L.length);
    for (const [ia, ib] of pairsInWindow(A, B, lo, hi)) {
      this.budget.tick();
      const positions: number[] = [];
      for (let mask = A.masks[ia], bit = 0; mask !== 0; bit++, mask >>>= 1) if (mask & 1) positions.push(bit);
      for (let mask = B.masks[ib], bit = 0; mask !== 0; bit++, mask >>>= 1) if (mask & 1) positions.push(h + bit);
      const sum = A.sums[ia] + B.sums[ib];
      if (sum - w[L[positions[positions.length - 1]]] >= lo) continue;
      const canon: number[] = [];
      for (const p of positions) {
        const r = runStart[p];
        canon.push(r + taken[r]++);
      }
      for (const p of positions) taken[runStart[p]] = 0;
      const key = canon.join(',');
      if (seen.has(key)) continue;
      seen.add(key);
      yield canon.map((p) => L[p]);
    }
  }
}

/**
 * Exchange dominance for a completion S (positions `chosen`, ascending, into `vals`, sorted non-increasingly;
 * `slack` = sum(S) - lo): S is dominated when an item c outside S can replace one item a of S with
 * a - slack <= c < a, or two items a, b of S with a + b - slack <= c <= a + b. The exchanged completion still
 * covers, spends no more value (or fewer items), and any solution using S maps to one using it by swapping.
 */
function replaceable(vals: readonly number[], chosen: readonly number[], slack: number): boolean {
  const k = chosen.length;
  for (let i = 0; i < k; i++) {
    const a = vals[chosen[i]];
    if (slack > 0 && outside(vals, chosen, a - slack, a - 1)) return true;
    for (let j = i + 1; j < k; j++) {
      const ab = a + vals[chosen[j]];
      if (outside(vals, chosen, ab - slack, ab)) return true;
    }
  }
  return false;
}

/** Whether some position of `vals` (non-increasing) outside `chosen` (ascending) has a value in [lo, hi]. */
function outside(vals: readonly number[], chosen: readonly number[], lo: number, hi: number): boolean {
  let a = 0;
  let b = vals.length;
  while (a < b) {
    const mid = (a + b) >>> 1;
    if (vals[mid] > hi) a = mid + 1;
    else b = mid;
  }
  for (let q = a; q < vals.length && vals[q] >= lo; q++) if (!chosen.includes(q)) return true;
  return false;
}
