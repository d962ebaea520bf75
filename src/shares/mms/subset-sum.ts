/**
 * Exact subset-sum queries on safe integers, the engine of the two-bundle cases.
 *
 * `subsetInWindow` answers "is there a subset with sum in [lo, hi]?" with a witness, choosing per query the
 * cheapest exact method: a greedy probe; a bitset dynamic program over sums (O(c * hi / 32) word operations;
 * the layers for the witness are built only when a subset exists); meet-in-the-middle over two sorted half lists (Horowitz–Sahni,
 * O(2^(c/2))); or, for many large values, depth-first search with suffix-sum pruning that branches on the
 * number of copies of each distinct value.
 */
import type { Budget } from './budget';
import { MAX_HALF, pairInWindow, sortedSubsetSums, bestPairAtMost, type SortedSums } from './sorted-sums';

/** Word budget of a bitset dynamic program with all its layers (kept for the witness). */
const DP_WORDS = 1 << 23;

/** dst |= src << v on bitsets of equal length; downward, so dst may be src (an in-place 0/1 knapsack step). */
function shiftOr(dst: Uint32Array, src: Uint32Array, v: number): void {
  const ws = v >>> 5;
  const bs = v & 31;
  for (let i = dst.length - 1; i >= ws; i--) {
    const from = i - ws;
    let x = src[from] << bs;
    if (bs !== 0 && from > 0) x |= src[from - 1] >>> (32 - bs);
    dst[i] |= x;
  }
}

/** Bitset layers: layer j = the sums reachable with the first j values, capped at `cap`. */
function bitsetLayers(vals: readonly number[], cap: number): Uint32Array[] {
  let cur = new Uint32Array((cap >>> 5) + 1);
  cur[0] = 1;
  const layers = [cur];
  for (const v of vals) {
    const next = cur.slice();
    if (v <= cap && v > 0) shiftOr(next, cur, v);
    layers.push(next);
    cur = next;
  }
  return layers;
}

/** The sums reachable with all of `vals`, capped at `cap`, as one bitset (no layers: no witness). */
function reachable(vals: readonly number[], cap: number): Uint32Array {
  const bits = new Uint32Array((cap >>> 5) + 1);
  bits[0] = 1;
  for (const v of vals) if (v <= cap && v > 0) shiftOr(bits, bits, v);
  return bits;
}

const hasBit = (bits: Uint32Array, s: number): boolean => ((bits[s >>> 5] >>> (s & 31)) & 1) === 1;

/** Positions (into `vals`) of a subset with sum exactly `s`, read back from the layers. */
function readBack(layers: Uint32Array[], vals: readonly number[], s: number): number[] {
  const out: number[] = [];
  for (let j = vals.length; j > 0 && s > 0; j--) {
    if (!hasBit(layers[j - 1], s)) {
      out.push(j - 1);
      s -= vals[j - 1];
    }
  }
  return out;
}

/**
 * Whether a bitset dynamic program up to `cap` over c values is the method of choice: it fits the word budget
 * and costs no more than meet-in-the-middle (or meet-in-the-middle is out of reach).
 */
function dpFits(c: number, cap: number): boolean {
  const dpWords = ((cap >>> 5) + 1) * (c + 1);
  return cap < 2 ** 31 && dpWords <= DP_WORDS && (dpWords <= 2 ** (c / 2 + 2) || c > 2 * MAX_HALF);
}

/** Sorted subset sums of the two halves of `vals` (at most 2 * MAX_HALF values). */
function meetInTheMiddle(vals: readonly number[]): { A: SortedSums; B: SortedSums; h: number } {
  const h = vals.length >>> 1;
  return { A: sortedSubsetSums(vals.slice(0, h)), B: sortedSubsetSums(vals.slice(h)), h };
}

/** Positions (into `vals`) of the subset behind the pair (ia, ib) of half sums. */
function pairPositions({ A, B, h }: { A: SortedSums; B: SortedSums; h: number }, ia: number, ib: number): number[] {
  const out: number[] = [];
  for (let b = 0, mask = A.masks[ia]; mask !== 0; b++, mask >>>= 1) if (mask & 1) out.push(b);
  for (let b = 0, mask = B.masks[ib]; mask !== 0; b++, mask >>>= 1) if (mask & 1) out.push(h + b);
  return out;
}

/**
 * Positions (into `vals`, non-negative integers) of a subset with the largest sum not above `cap`, by a bitset
 * dynamic program: O(c * cap / 32) word operations and as many words of memory (every layer is kept).
 */
export function largestSubsetAtMost(vals: readonly number[], cap: number): number[] {
  const layers = bitsetLayers(vals, cap);
  const last = layers[vals.length];
  let t = cap;
  while (!hasBit(last, t)) t--;
  return readBack(layers, vals, t);
}

/**
 * A subset of `vals` (non-negative safe integers, sorted non-increasingly) with sum in [lo, hi], as
 * positions into `vals`, or null when none exists. Exact; may throw `Interrupted` through `budget`.
 */
export function subsetInWindow(vals: readonly number[], lo: number, hi: number, budget: Budget): number[] | null {
  if (hi < lo) return null;
  if (lo <= 0) return [];
  const c = vals.length;
  let total = 0;
  for (const v of vals) total += v;
  if (total < lo) return null;
  if (total <= hi) return vals.map((_, i) => i);
  const greedy = greedyInWindow(vals, lo, hi);
  if (greedy) return greedy;
  if (dpFits(c, hi)) {
    // one in-place bitset decides; the layers for the witness are built only on success
    const last = reachable(vals, hi);
    for (let t = lo; t <= hi; t++) if (hasBit(last, t)) return readBack(bitsetLayers(vals, hi), vals, t);
    return null;
  }
  if (c <= 2 * MAX_HALF) {
    const halves = meetInTheMiddle(vals);
    const hit = pairInWindow(halves.A, halves.B, lo, hi);
    return hit && pairPositions(halves, hit[0], hit[1]);
  }
  return windowSearch(vals, lo, hi, budget);
}

/** Values from which `subsetWithFirstInWindow` enumerates two of them outside the half lists. */
const TOP_FROM = 20;

/**
 * A subset of `vals` (non-negative safe integers, sorted non-increasingly) that contains vals[0] and has sum in
 * [lo, hi], as positions into `vals`, or null when none exists. Exact; may throw `Interrupted` through `budget`.
 * A window symmetric under complement ([lo, hi] = [lo, total - lo]: one part of a two-way split) has a
 * solution iff it has one with the largest value, so this halves the meet-in-the-middle work of
 * `subsetInWindow`; with many values two more are enumerated outside the half lists, whose building (a
 * merge per value) costs more than their scan. Small values (a bitset fits) go to `subsetInWindow`.
 */
export function subsetWithFirstInWindow(
  vals: readonly number[],
  lo: number,
  hi: number,
  budget: Budget,
): number[] | null {
  const c = vals.length;
  if (c === 0 || hi < lo || vals[0] > hi) return null;
  if (dpFits(c, hi) || c - 1 > 2 * MAX_HALF + 2) {
    const rest = subsetInWindow(vals.slice(1), lo - vals[0], hi - vals[0], budget);
    return rest && [0, ...rest.map((q) => q + 1)];
  }
  const greedy = greedyInWindow(vals, lo, hi);
  if (greedy) return greedy;
  const t = c - 1 >= TOP_FROM ? 2 : 0;
  const restPos: number[] = [];
  for (let p = 1 + t; p < c; p++) restPos.push(p);
  const posA = restPos.filter((_, i) => i % 2 === 0);
  const posB = restPos.filter((_, i) => i % 2 === 1);
  const A = sortedSubsetSums(posA.map((p) => vals[p]));
  const B = sortedSubsetSums(posB.map((p) => vals[p]));
  for (let combo = 0; combo < 1 << t; combo++) {
    budget.check();
    let base = vals[0];
    const chosen = [0];
    for (let i = 0; i < t; i++)
      if ((combo >>> i) & 1) {
        base += vals[1 + i];
        chosen.push(1 + i);
      }
    const hit = pairInWindow(A, B, lo - base, hi - base);
    if (!hit) continue;
    for (let mask = A.masks[hit[0]], bit = 0; mask !== 0; bit++, mask >>>= 1) if (mask & 1) chosen.push(posA[bit]);
    for (let mask = B.masks[hit[1]], bit = 0; mask !== 0; bit++, mask >>>= 1) if (mask & 1) chosen.push(posB[bit]);
    return chosen;
  }
  return null;
}

/** Depth-first search for a subset with sum in [lo, hi], branching on copies of equal values. */
function windowSearch(vals: readonly number[], lo: number, hi: number, budget: Budget): number[] | null {
  const c = vals.length;
  const suffix = new Float64Array(c + 1);
  for (let i = c - 1; i >= 0; i--) suffix[i] = suffix[i + 1] + vals[i];
  const nextDistinct = new Int32Array(c);
  for (let i = c - 1; i >= 0; i--) nextDistinct[i] = i + 1 < c && vals[i + 1] === vals[i] ? nextDistinct[i + 1] : i + 1;
  const chosen: number[] = [];
  const dfs = (pos: number, s: number): boolean => {
    if (s >= lo) return true;
    if (pos >= c || s + suffix[pos] < lo) return false;
    budget.tick();
    if (s + vals[pos] <= hi) {
      chosen.push(pos);
      if (dfs(pos + 1, s + vals[pos])) return true;
      chosen.pop();
    }
    return dfs(nextDistinct[pos], s);
  };
  return dfs(0, 0) ? chosen : null;
}

/**
 * Exact two-bundle MMS of safe integers (sorted non-increasingly): the positions of a subset with the largest
 * sum not above floor(total / 2), by bitset dynamic programming or meet-in-the-middle; null when both would
 * be too large (the caller then uses the general covering search).
 */
export function bestHalf(vals: readonly number[]): number[] | null {
  const c = vals.length;
  let total = 0;
  for (const v of vals) total += v;
  const cap = Math.floor(total / 2);
  if (dpFits(c, cap)) return largestSubsetAtMost(vals, cap);
  if (c > 2 * MAX_HALF) return null;
  const halves = meetInTheMiddle(vals);
  const [i, j] = bestPairAtMost(halves.A, halves.B, cap);
  return pairPositions(halves, i, j);
}

/** A greedy probe, largest first: the first prefix-greedy subset whose sum reaches lo without passing hi, or null. */
function greedyInWindow(vals: readonly number[], lo: number, hi: number): number[] | null {
  let s = 0;
  const greedy: number[] = [];
  for (let i = 0; i < vals.length; i++) {
    if (s + vals[i] <= hi) {
      s += vals[i];
      greedy.push(i);
      if (s >= lo) return greedy;
    }
  }
  return null;
}
