/**
 * Heuristic partitions that seed the threshold search with a lower bound (each is a witness).
 * - LPT (Graham 1969; for max-min, Deuermeyer, Friesen & Langston 1982: min bundle >= 3/4 * MMS):
 *   items by non-increasing value, each to a currently least-valued bundle.
 * - Karmarkar–Karp multi-way differencing (Karmarkar & Karp 1982; Korf 1998 for k-way): repeatedly merge
 *   the two partial k-partitions with the largest spread, largest bundle of one with smallest of the other.
 *   Far closer to perfect than LPT on many-digit values, where LPT leaves gaps of the size of an item.
 * Both work on values sorted non-increasingly and return the bundle of every sorted position.
 */

/** LPT: the bundle (0..n-1) of every item, items given non-increasingly. */
export function lpt(desc: readonly bigint[], n: number): Int32Array {
  const load = new Array<bigint>(n).fill(0n);
  const bin = new Int32Array(desc.length);
  desc.forEach((v, i) => {
    let best = 0;
    for (let b = 1; b < n; b++) if (load[b] < load[best]) best = b;
    load[best] += v;
    bin[i] = best;
  });
  return bin;
}

interface Partial {
  sums: bigint[];
  items: number[][];
}

const spread = (p: Partial): bigint => p.sums[0] - p.sums[p.sums.length - 1];

/** Karmarkar–Karp k-way differencing: the bundle (0..n-1) of every item. */
export function karmarkarKarp(desc: readonly bigint[], n: number): Int32Array {
  let pool: Partial[] = desc.map((v, i) => {
    const sums = new Array<bigint>(n).fill(0n);
    const items: number[][] = Array.from({ length: n }, () => []);
    sums[0] = v;
    items[0].push(i);
    return { sums, items };
  });
  const bySpread = (a: Partial, b: Partial) => (spread(b) > spread(a) ? 1 : spread(b) < spread(a) ? -1 : 0);
  pool.sort(bySpread);
  while (pool.length > 1) {
    const a = pool[0];
    const b = pool[1];
    const merged: { sum: bigint; items: number[] }[] = [];
    for (let j = 0; j < n; j++) {
      const k = n - 1 - j;
      merged.push({ sum: a.sums[j] + b.sums[k], items: a.items[j].concat(b.items[k]) });
    }
    merged.sort((x, y) => (y.sum > x.sum ? 1 : y.sum < x.sum ? -1 : 0));
    const low = merged[n - 1].sum;
    const next: Partial = { sums: merged.map((e) => e.sum - low), items: merged.map((e) => e.items) };
    pool = pool.slice(2);
    const s = spread(next);
    let at = 0;
    while (at < pool.length && spread(pool[at]) > s) at++;
    pool.splice(at, 0, next);
  }
  const bin = new Int32Array(desc.length);
  pool[0]?.items.forEach((items, b) => items.forEach((i) => (bin[i] = b)));
  return bin;
}

/** The smallest bundle value of an assignment. */
export function minBundle(desc: readonly bigint[], bin: Int32Array, n: number): bigint {
  const load = new Array<bigint>(n).fill(0n);
  desc.forEach((v, i) => (load[bin[i]] += v));
  return load.reduce((a, b) => (b < a ? b : a));
}
