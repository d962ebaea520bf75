/**
 * The `bottleneck` Birkhoff–von Neumann rounds of `decomposeScaled` (classic/decomposition.ts): each round takes a
 * perfect matching on the positive entries whose smallest entry is as large as possible, subtracts that entry from
 * the matched ones and starts the next round from what is left of the matching.
 *
 * Bottleneck values only decrease from round to round (entries only decrease), so a round keeps the previous
 * threshold while it can: the rows matched below it ("weak" rows, and the unmatched ones) are re-matched, weakest
 * first, by augmenting paths through entries at least the threshold, where a column held by a weak row counts as free
 * (that row is re-matched later in the round). A row with no such path proves that no perfect matching reaches the
 * threshold (whatever the matching, Berge's lemma), so the threshold drops to the width of the row's widest
 * augmenting path (maximum-bottleneck Dijkstra over columns), the largest value at which it can be matched.
 *
 * Representation, for speed on the faithful steps of Babaioff, Feige & Manaker Morag's Lemma 4.2 (about 50 entries
 * per row and 3000 rounds per shift at n = 50, m = 500, with 74-bit denominators): the entries are exact integers in
 * base-2^48 limbs (typed arrays, no BigInt in the loop) beside their nearest doubles, which decide every comparison
 * where they differ (the rounding is monotone) and defer to the limbs where they are equal. Each row keeps its entries
 * sorted by value, largest first (ties by column), so a search reads only the entries at or above the threshold and
 * the widest-path search releases a row's entries one at a time, in decreasing order. Deterministic: the lottery
 * depends only on the matrix.
 */
import { checkTimeBudget } from '../../core/time-budget';

const LIMB_BITS = 48;
const BASE = 2 ** LIMB_BITS;
const LIMB_MASK = (1n << BigInt(LIMB_BITS)) - 1n;

/**
 * Runs the bottleneck rounds on the R x R doubly stochastic matrix (scaled by D) given by rows of (column, value)
 * pairs; calls `round(lambda, rowCol)` once per round with the weight of the round and each row's matched column
 * (`rowCol` is reused between calls). Returns the number of rounds.
 */
export function bottleneckRounds(
  D: bigint,
  rowCols: readonly (readonly number[])[],
  rowVals: readonly (readonly bigint[])[],
  round: (lambda: bigint, rowCol: Int32Array) => void,
): number {
  const R = rowCols.length;
  let L = 1;
  while (D >> BigInt(LIMB_BITS * L) > 0n) L++;
  // the entries by place: row r holds places start[r] .. start[r + 1] - 1, largest value first (ties by column
  // ascending); column, row, nearest double and entry id of each place, the limbs by id (they never move)
  const start = new Int32Array(R + 1);
  for (let u = 0; u < R; u++) start[u + 1] = start[u] + rowCols[u].length;
  const nnz = start[R];
  const colP = new Int32Array(nnz);
  const rowOf = new Int32Array(nnz);
  const aP = new Float64Array(nnz);
  const idP = new Int32Array(nnz);
  const limbs = new Float64Array(nnz * L);
  for (let u = 0; u < R; u++) {
    const vals = rowVals[u];
    const order = rowCols[u].map((_, k) => k);
    order.sort((a, b) => (vals[a] > vals[b] ? -1 : vals[a] < vals[b] ? 1 : rowCols[u][a] - rowCols[u][b]));
    for (let k = 0; k < order.length; k++) {
      const p = start[u] + k;
      colP[p] = rowCols[u][order[k]];
      rowOf[p] = u;
      toLimbs(vals[order[k]], limbs, p * L, L);
      aP[p] = doubleOfLimbs(limbs, p * L, L);
      idP[p] = p;
    }
  }
  // the threshold and the round's weight lambda, as limbs
  const tLimbs = new Float64Array(L);
  toLimbs(D, tLimbs, 0, L);
  let tN = doubleOfLimbs(tLimbs, 0, L);
  const lam = new Float64Array(L);

  /** value(p) >= threshold */
  const geT = (p: number): boolean => {
    const a = aP[p];
    if (a !== tN) return a > tN;
    const o = idP[p] * L;
    for (let i = 0; i < L; i++) if (limbs[o + i] !== tLimbs[i]) return limbs[o + i] > tLimbs[i];
    return true;
  };
  /** value(a) vs value(b): negative when smaller */
  const cmp = (a: number, b: number): number => {
    if (aP[a] !== aP[b]) return aP[a] - aP[b];
    const oa = idP[a] * L;
    const ob = idP[b] * L;
    for (let i = 0; i < L; i++) if (limbs[oa + i] !== limbs[ob + i]) return limbs[oa + i] - limbs[ob + i];
    return 0;
  };
  /** Entry a comes before entry b in a row: larger value, or equal value and smaller column. */
  const before = (a: number, b: number): boolean => {
    const c = cmp(a, b);
    return c > 0 || (c === 0 && colP[a] < colP[b]);
  };

  const matchP = new Int32Array(R).fill(-1); // row -> the place of its matched entry
  const matchCol = new Int32Array(R).fill(-1); // column -> row
  const matchA = new Float64Array(R); // row -> the double of its matched entry
  const weak = (r: number): boolean => {
    const p = matchP[r];
    if (p < 0) return false;
    const a = matchA[r];
    return a !== tN ? a < tN : !geT(p);
  };
  /**
   * A row's matched entry keeps its place while its value drops (the scans skip it); when it leaves the matching it
   * moves down to its sorted place (binary search, the rest of the row is sorted). Returns where place `other` of the
   * same row is after the move.
   */
  const settle = (r: number, from: number, other: number): number => {
    let lo = from + 1;
    let hi = start[r + 1];
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (before(mid, from)) lo = mid + 1;
      else hi = mid;
    }
    const to = lo - 1;
    if (to === from) return other;
    const c = colP[from];
    const a = aP[from];
    const id = idP[from];
    if (to - from < 16) {
      for (let k = from; k < to; k++) {
        colP[k] = colP[k + 1];
        aP[k] = aP[k + 1];
        idP[k] = idP[k + 1];
      }
    } else {
      colP.copyWithin(from, from + 1, to + 1);
      aP.copyWithin(from, from + 1, to + 1);
      idP.copyWithin(from, from + 1, to + 1);
    }
    colP[to] = c;
    aP[to] = a;
    idP[to] = id;
    return other > from && other <= to ? other - 1 : other;
  };
  /** Row r leaves the matching. */
  const unmatch = (r: number): void => {
    const p = matchP[r];
    matchCol[colP[p]] = -1;
    matchP[r] = -1;
    settle(r, p, -1);
  };
  /** Gives column c to row u through its place p; a weak row holding c becomes unmatched. */
  const take = (u: number, p: number, c: number): void => {
    const held = matchCol[c];
    if (held >= 0) {
      const hp = matchP[held];
      if (hp >= 0 && colP[hp] === c) {
        matchP[held] = -1;
        settle(held, hp, -1);
      }
    }
    const old = matchP[u];
    matchCol[c] = u;
    matchP[u] = old >= 0 && old !== p ? settle(u, old, p) : p;
    matchA[u] = aP[matchP[u]];
  };

  const seen = new Int32Array(R);
  let stamp = 0;
  const augment = (u: number): boolean => {
    const end = start[u + 1];
    const own = matchP[u]; // skipped: its column is the caller's, and its place may be stale
    // look-ahead: a free (or weakly held) column among the usable entries ends the path at once, the smallest such
    // entry (the last one in the row's order)
    let stop = start[u];
    let found = -1;
    for (; stop < end; stop++) {
      if (stop === own) continue;
      if (!(aP[stop] !== tN ? aP[stop] > tN : geT(stop))) break;
      const held = matchCol[colP[stop]];
      if (held < 0 || weak(held)) found = stop;
    }
    if (found >= 0) {
      const c = colP[found];
      seen[c] = stamp;
      take(u, found, c);
      return true;
    }
    for (let p = start[u]; p < stop; p++) {
      if (p === own) continue;
      const c = colP[p];
      if (seen[c] === stamp) continue;
      seen[c] = stamp;
      if (!augment(matchCol[c])) continue;
      take(u, p, c);
      return true;
    }
    return false;
  };

  // widest augmenting path from a row: a max-heap of places keyed by the width of the path through them; each row
  // offers its entries one at a time (largest first), so keys pop in non-increasing order
  const heap = new PlaceHeap(nnz + 1);
  const done = new Int32Array(R);
  const parentP = new Int32Array(R);
  let wstamp = 0;
  /** Pushes place p of row r (the next one if p is r's matched place; if in the row and positive) behind a path. */
  const offer = (p: number, r: number, width: number): void => {
    if (p === matchP[r]) p++;
    if (p >= start[r + 1]) return;
    const a = aP[p];
    if (a > 0) heap.push(p, width, a < width ? a : width);
  };
  const widest = (u: number): void => {
    wstamp++;
    heap.clear();
    offer(start[u], u, Infinity);
    while (heap.size) {
      const key = heap.topKey();
      const width = heap.topWidth();
      const p = heap.pop();
      offer(p + 1, rowOf[p], width);
      const c = colP[p];
      if (done[c] === wstamp) continue;
      done[c] = wstamp;
      parentP[c] = p;
      const held = matchCol[c];
      if (held >= 0 && !weak(held)) {
        offer(start[held], held, key);
        continue;
      }
      // the path: the exact smallest of its non-matching entries is the new threshold
      let min = -1;
      for (let cc = c; ;) {
        const pp = parentP[cc];
        const r = rowOf[pp];
        if (min < 0 || cmp(pp, min) < 0) min = pp;
        if (r === u) break;
        cc = colP[matchP[r]];
      }
      for (let i = 0; i < L; i++) tLimbs[i] = limbs[idP[min] * L + i];
      tN = aP[min];
      for (let cc = c; ;) {
        const pp = parentP[cc];
        const r = rowOf[pp];
        const next = r === u ? -1 : colP[matchP[r]];
        take(r, pp, cc);
        if (r === u) break;
        cc = next;
      }
      return;
    }
    throw new Error('decomposition: no perfect matching on a doubly stochastic support (internal error)');
  };

  const queue = new Int32Array(R);
  const weakRows = new Int32Array(R);
  const rowCol = new Int32Array(R);
  let remaining = D;
  let rounds = 0;
  while (remaining > 0n) {
    checkTimeBudget('Birkhoff–von Neumann decomposition');
    // 1. re-match the unmatched rows, then the weak ones (rows ascending)
    let q = 0;
    let w = 0;
    for (let u = 0; u < R; u++) {
      if (matchP[u] < 0) queue[q++] = u;
      else if (matchA[u] <= tN && weak(u)) weakRows[w++] = u;
    }
    for (let k = 0; k < w; k++) queue[q++] = weakRows[k];
    for (let k = 0; k < q; k++) {
      const u = queue[k];
      if (matchP[u] >= 0) {
        if (!weak(u)) continue; // the threshold dropped below its entry
        unmatch(u);
      }
      stamp++;
      if (!augment(u)) widest(u);
    }
    // 2. lambda = the smallest matched entry
    let minP = matchP[0];
    for (let u = 1; u < R; u++) {
      const p = matchP[u];
      if (aP[p] <= aP[minP] && cmp(p, minP) < 0) minP = p;
    }
    for (let i = 0; i < L; i++) lam[i] = limbs[idP[minP] * L + i];
    let lambda = 0n;
    for (let i = 0; i < L; i++) lambda = (lambda << BigInt(LIMB_BITS)) + BigInt(lam[i]);
    for (let u = 0; u < R; u++) rowCol[u] = colP[matchP[u]];
    round(lambda, rowCol);
    rounds++;
    remaining -= lambda;
    // 3. subtract lambda from the matched entries; entries that reach 0 leave the matching
    for (let u = 0; u < R; u++) {
      const p = matchP[u];
      const o = idP[p] * L;
      let borrow = 0;
      let zero = true;
      for (let i = L - 1; i >= 0; i--) {
        let d = limbs[o + i] - lam[i] - borrow;
        if (d < 0) {
          d += BASE;
          borrow = 1;
        } else borrow = 0;
        limbs[o + i] = d;
        if (d !== 0) zero = false;
      }
      const a = doubleOfLimbs(limbs, o, L);
      aP[p] = a;
      matchA[u] = a;
      if (zero) unmatch(u);
    }
  }
  return rounds;
}

/** x (0 <= x) into L base-2^48 limbs at out[o..o+L), most significant first. */
function toLimbs(x: bigint, out: Float64Array, o: number, L: number): void {
  for (let i = L - 1; i >= 0; i--) {
    out[o + i] = Number(x & LIMB_MASK);
    x >>= BigInt(LIMB_BITS);
  }
  if (x !== 0n) throw new Error('decomposition: entry larger than the denominator (internal error)');
}

/** The double of a limb number, rounded step by step: monotone (non-strictly) in the exact value. */
function doubleOfLimbs(limbs: Float64Array, o: number, L: number): number {
  let a = 0;
  for (let i = 0; i < L; i++) a = a * BASE + limbs[o + i];
  return a;
}

/** A binary max-heap of row places by key (path width through the entry), with the width of the path before it. */
class PlaceHeap {
  private readonly ps: Int32Array;
  private readonly keys: Float64Array;
  private readonly widths: Float64Array;
  size = 0;
  constructor(capacity: number) {
    this.ps = new Int32Array(capacity);
    this.keys = new Float64Array(capacity);
    this.widths = new Float64Array(capacity);
  }
  clear(): void {
    this.size = 0;
  }
  topKey(): number {
    return this.keys[0];
  }
  topWidth(): number {
    return this.widths[0];
  }
  push(p: number, width: number, key: number): void {
    const { ps, keys, widths } = this;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (keys[parent] >= key) break;
      ps[i] = ps[parent];
      keys[i] = keys[parent];
      widths[i] = widths[parent];
      i = parent;
    }
    ps[i] = p;
    keys[i] = key;
    widths[i] = width;
  }
  pop(): number {
    const { ps, keys, widths } = this;
    const top = ps[0];
    const n = --this.size;
    if (n > 0) {
      const p = ps[n];
      const key = keys[n];
      const width = widths[n];
      let i = 0;
      for (;;) {
        let j = 2 * i + 1;
        if (j >= n) break;
        if (j + 1 < n && keys[j + 1] > keys[j]) j++;
        if (keys[j] <= key) break;
        ps[i] = ps[j];
        keys[i] = keys[j];
        widths[i] = widths[j];
        i = j;
      }
      ps[i] = p;
      keys[i] = key;
      widths[i] = width;
    }
    return top;
  }
}
