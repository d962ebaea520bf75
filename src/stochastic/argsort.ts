/**
 * The order of a row of bids, best first, for the simulation's hot loop: bid descending, then tie key ascending (the
 * item index when there are no keys). Keys are distinct, so this is a strict total order and the result is the one
 * every correct sort gives, e.g. `Int32Array.prototype.sort` with the same comparator, which it replaces.
 *
 * [DECISION] A stable LSD radix sort (four 8-bit passes) on the high 32 bits of each bid's IEEE 754 pattern, mapped so
 * that unsigned order is descending bid order, started from the items in key order; then bids that share their high
 * word are put in order by insertion (exact comparison of the whole bid; in key order already where the bids are
 * equal); a pass whose byte all bids share is skipped. Comparator sorts spent half of a simulation's time in comparator calls; this is 3-5 times faster at
 * m = 1000. Bids sharing a high word agree to about six significant digits, so runs are short except on
 * adversarial rows, where the insertion costs O(run^2) and stays correct.
 * [DECISION] Rows of 64 bids or more first try one bucket pass (m buckets of equal width, then insertion), which is
 * about twice as fast as the radix passes on spread bids: Ranking at n = 10, m = 1000 went from 1743 to 1980 trials
 * per CPU-second (a development run; bench simulate has the figures). Uneven rows (heavy tails, many ties) fall back
 * to the radix sort.
 */

/** Rows at least this long try the bucket order first (below it the radix sort's fixed costs are small anyway). */
const BUCKET_ROWS = 64;

/** Reusable buffers for ordering rows of bids (one per thread: not re-entrant). */
export class BidOrder {
  /** Whether the last row ordered had two equal bids (only then do its tie keys matter). */
  tied = false;
  private bids = new Float64Array(0);
  private words = new Uint32Array(0);
  private high = new Uint32Array(0);
  private a = new Int32Array(0);
  private b = new Int32Array(0);
  private readonly counts = new Int32Array(4 * 256);
  private buckets = new Uint32Array(0);
  private bucketStarts = new Int32Array(0);

  private reserve(m: number): void {
    if (this.a.length >= m) return;
    this.bids = new Float64Array(m);
    this.words = new Uint32Array(this.bids.buffer);
    this.high = new Uint32Array(m);
    this.a = new Int32Array(m);
    this.b = new Int32Array(m);
    this.buckets = new Uint32Array(m);
    this.bucketStarts = new Int32Array(m + 1);
  }

  /**
   * The order of the module header by m buckets of equal width between the smallest and the largest bid, then
   * insertion within each bucket; null (the radix sort follows) when the bids span no finite positive width or the
   * buckets are too uneven for insertion to be cheap (sum of squared bucket sizes above 6m; about 2m for bids spread
   * like a uniform sample). The bucket floor((largest - bid) * (m - 1) / width) is monotone in the bid under
   * IEEE 754 rounding, so equal bids share a bucket and a better bid never lands in a later one.
   */
  private bucketOrder(values: ArrayLike<number>, keys: ArrayLike<number> | null, out: Int32Array): Int32Array | null {
    const m = out.length;
    const { bids, buckets, bucketStarts: starts } = this;
    let lo = Infinity,
      hi = -Infinity;
    for (let j = 0; j < m; j++) {
      const v = values[j];
      const x = v === 0 ? 0 : v;
      bids[j] = x;
      if (x < lo) lo = x;
      if (x > hi) hi = x;
    }
    const scale = (m - 1) / (hi - lo);
    if (!(scale > 0 && scale < Infinity)) return null;
    starts.fill(0);
    for (let j = 0; j < m; j++) {
      const k = Math.min(m - 1, Math.floor((hi - bids[j]) * scale));
      buckets[j] = k;
      starts[k + 1]++;
    }
    let squares = 0;
    for (let k = 1; k <= m; k++) {
      const c = starts[k];
      squares += c * c;
      starts[k] += starts[k - 1];
    }
    if (squares > 6 * m) return null;
    const a = this.a;
    // items in key order, scattered stably into their buckets
    if (keys) {
      const byKey = this.b;
      for (let j = 0; j < m; j++) byKey[keys[j]] = j;
      for (let q = 0; q < m; q++) {
        const j = byKey[q];
        a[starts[buckets[j]]++] = j;
      }
    } else for (let j = 0; j < m; j++) a[starts[buckets[j]]++] = j;
    this.tied = insertWithinRuns(a, m, buckets, bids);
    out.set(a.subarray(0, m));
    return out;
  }

  /**
   * Writes the items 0..m-1 of `values` (m = out.length) into `out`, best first: bid descending, then `keys`
   * ascending (item index ascending when keys is null; keys must be a permutation of 0..m-1). 0 and -0 are equal
   * bids. Values must not be NaN.
   */
  order(values: ArrayLike<number>, keys: ArrayLike<number> | null, out: Int32Array): Int32Array {
    const m = out.length;
    this.reserve(m);
    if (m >= BUCKET_ROWS && this.bucketOrder(values, keys, out)) return out;
    const { bids, words, high, counts } = this;
    counts.fill(0);
    // IEEE 754 doubles are little-endian in typed arrays on every platform Node supports: word 2j + 1 is the high one.
    for (let j = 0; j < m; j++) {
      const v = values[j];
      bids[j] = v === 0 ? 0 : v;
      const w = words[2 * j + 1];
      // ascending order of unsigned words: negative bids flip every bit, the others only the sign bit; then descending
      const d = w & 0x80000000 ? w : ~(w | 0x80000000) >>> 0;
      high[j] = d;
      counts[d & 255]++;
      counts[256 + ((d >>> 8) & 255)]++;
      counts[512 + ((d >>> 16) & 255)]++;
      counts[768 + (d >>> 24)]++;
    }
    let a = this.a,
      b = this.b;
    if (keys) for (let j = 0; j < m; j++) a[keys[j]] = j;
    else for (let j = 0; j < m; j++) a[j] = j;
    for (let pass = 0; pass < 4; pass++) {
      const base = pass * 256,
        shift = pass * 8;
      // a byte every bid shares (e.g. the exponent's on [0.5, 1)) leaves the order as it is
      if (counts[base + ((high[0] >>> shift) & 255)] === m) continue;
      let start = 0;
      for (let k = 0; k < 256; k++) {
        const c = counts[base + k];
        counts[base + k] = start;
        start += c;
      }
      for (let q = 0; q < m; q++) {
        const j = a[q];
        b[counts[base + ((high[j] >>> shift) & 255)]++] = j;
      }
      const t = a;
      a = b;
      b = t;
    }
    this.tied = insertWithinRuns(a, m, high, bids);
    out.set(a.subarray(0, m));
    return out;
  }
}

/**
 * Puts a[0..m) in descending bid order within each run of items with equal `run` value (a high word or a bucket; the
 * runs are already in order) by insertion. Items enter every run in key order and the insertion is stable, so equal
 * bids keep key order without comparing keys. Returns whether two bids are equal (equal bids always share a run).
 */
function insertWithinRuns(a: Int32Array, m: number, run: Uint32Array, bids: Float64Array): boolean {
  let tied = false;
  for (let q = 1; q < m; q++) {
    const j = a[q];
    const r = run[j];
    if (run[a[q - 1]] !== r) continue;
    const v = bids[j];
    let p = q - 1;
    while (p >= 0 && run[a[p]] === r) {
      const i = a[p];
      const vi = bids[i];
      if (vi === v) tied = true;
      if (vi < v) {
        a[p + 1] = i;
        p--;
      } else break;
    }
    a[p + 1] = j;
  }
  return tied;
}
