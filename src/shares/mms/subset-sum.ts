/**
 * Exact subset-sum queries on safe integers, the engine of the two-bundle cases.
 *
 * `subsetInWindow` answers "is there a subset with sum in [lo, hi]?" with a witness, choosing per query the
 * cheapest exact method: a greedy probe; a bitset dynamic program over sums (O(c * hi / 32) word operations,
 * every layer kept for the witness); meet-in-the-middle over two sorted half lists (Horowitz–Sahni,
 * O(2^(c/2))); or, for many large values, depth-first search with suffix-sum pruning that branches on the
 * number of copies of each distinct value.
 */
import type { Budget } from './budget';
import { MAX_HALF, pairInWindow, sortedSubsetSums, bestPairAtMost, type SortedSums } from './sorted-sums';

/** Word budget of a bitset dynamic program (all layers are kept for the witness). */
const DP_WORDS = 1 << 23;

/** Bitset layers: layer j = the sums reachable with the first j values, capped at `cap`. */
function bitsetLayers(vals: readonly number[], cap: number): Uint32Array[] {
  const words = (cap >>> 5) + 1;
  const layers: Uint32Array[] = [];
  let cur = new Uint32Array(words);
  cur[0] = 1;
  layers.push(cur);
  for (const v of vals) {
    const next = cur.slice();
    if (v <= cap && v > 0) {
      const ws = v >>> 5;
      const bs = v & 31;
      for (let i = words - 1; i >= ws; i--) {
        const src = i - ws;
        let x = cur[src] << bs;
        if (bs !== 0 && src > 0) x |= cur[src - 1] >>> (32 - bs);
        next[i] |= x;
      }
    }
    layers.push(next);
    cur = next;
  }
  return layers;
}

/** The sums reachable with all of `vals`, capped at `cap`, as one bitset (shift-or in place). */
function reachable(vals: readonly number[], cap: number): Uint32Array {
  const words = (cap >>> 5) + 1;
  const bits = new Uint32Array(words);
  bits[0] = 1;
  for (const v of vals) {
    if (v > cap || v === 0) continue;
    const ws = v >>> 5;
    const bs = v & 31;
    for (let i = words - 1; i >= ws; i--) {
      const src = i - ws;
      let x = bits[src] << bs;
      if (bs !== 0 && src > 0) x |= bits[src - 1] >>> (32 - bs);
      bits[i] |= x;
    }
  }
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

function meetInTheMiddle(vals: readonly number[]): [SortedSums, SortedSums, number] {
  const h = vals.length >>> 1;
  return [sortedSubsetSums(vals.slice(0, h)), sortedSubsetSums(vals.slice(h)), h];
}

function maskToPositions(mask: number, offset: number, out: number[]): void {
  for (let b = 0; mask !== 0; b++, mask >>>= 1) if (mask & 1) out.push(offset + b);
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
  const all = vals.map((_, i) => i);
  if (total <= hi) return all;
  let s = 0;
  const greedy: number[] = [];
  for (let i = 0; i < c; i++) {
    if (s + vals[i] <= hi) {
      s += vals[i];
      greedy.push(i);
      if (s >= lo) return greedy;
    }
  }
  const dpWords = ((hi >>> 5) + 1) * (c + 1);
  if (hi < 2 ** 31 && dpWords <= DP_WORDS && (dpWords <= 2 ** (c / 2 + 2) || c > 2 * MAX_HALF)) {
    const last = reachable(vals, hi);
    for (let t = lo; t <= hi; t++) if (hasBit(last, t)) return readBack(bitsetLayers(vals, hi), vals, t);
    return null;
  }
  if (c <= 2 * MAX_HALF) {
    const [A, B, h] = meetInTheMiddle(vals);
    const hit = pairInWindow(A, B, lo, hi);
    if (!hit) return null;
    const out: number[] = [];
    maskToPositions(A.masks[hit[0]], 0, out);
    maskToPositions(B.masks[hit[1]], h, out);
    return out;
  }
  return windowSearch(vals, lo, hi, budget);
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
  const dpWords = ((cap >>> 5) + 1) * (c + 1);
  if (cap < 2 ** 31 && dpWords <= DP_WORDS && (dpWords <= 2 ** (c / 2 + 2) || c > 2 * MAX_HALF)) {
    const layers = bitsetLayers(vals, cap);
    const last = layers[c];
    let t = cap;
    while (!hasBit(last, t)) t--;
    return readBack(layers, vals, t);
  }
  if (c > 2 * MAX_HALF) return null;
  const [A, B, h] = meetInTheMiddle(vals);
  const [i, j] = bestPairAtMost(A, B, cap);
  const out: number[] = [];
  maskToPositions(A.masks[i], 0, out);
  maskToPositions(B.masks[j], h, out);
  return out;
}
