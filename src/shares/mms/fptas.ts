/**
 * Polynomial-time (1 - eps)-MMS partitions for two and three bundles (the FPTAS oracles that seed-002's
 * Theorems 1.2, 3.2 and 5.1 rely on; seed-002 section 3.1, after Woeginger's scaling schemes).
 *
 * Algorithm, on values scaled exactly to integers:
 * 1. LB = the LPT minimum. For max-min, LPT >= 3/4 * MMS (Deuermeyer, Friesen & Langston 1982), so
 *    MMS <= c := floor(4 * LB / 3). If LB = 0 then MMS = 0 and the LPT partition is optimal.
 * 2. Cap every value at c (no bundle of value >= c matters beyond c, so the MMS is unchanged), and round
 *    down to units of K = eps * LB / m: u(g) = floor(min(v(g), c) / K).
 * 3. Solve the rounded instance exactly by dynamic programming: for k = 2 a subset-sum bitset over
 *    u-sums; for k = 3 over states (load_0, load_1) capped at U = floor(c / K) <= 4m / (3 eps), keeping for
 *    each state the least u-value spent in bundles 0 and 1 (so bundle 2 gets the most).
 * Guarantee: for the returned partition Q, v(Q_b) >= K * u(Q_b) >= K * OPT_u >= MMS - m K >= (1 - eps) MMS
 * for every bundle b. Time O(m log m + m * (4m / (3 eps))^(k - 1)), memory O(m * (4m / (3 eps))^(k - 1)); tables beyond
 * about 128 MB (k = 2) or 200 MB (k = 3) are refused with `InvalidInputError('eps-too-small')` instead of exhausting memory.
 */
import { InvalidInputError } from '../../core/errors';
import { Rational, type RationalLike } from '../../core/rational';
import { lpt, minBundle } from './greedy';
import { toIntegers } from './scaled';
import { largestSubsetAtMost } from './subset-sum';
import { requireList } from '../../core/arguments';

/** Largest DP table the schemes build: three bundles, states times items (3 bytes each, about 200 MB). */
const MAX_CELLS = 2 ** 26;
/** Two bundles: bitset words over all layers (about 128 MB). */
const MAX_WORDS = 2 ** 25;

/**
 * A partition of the goods into k in {2, 3} bundles whose smallest bundle is worth at least
 * (1 - eps) * MMS^k, in time polynomial in m and 1/eps (see the module header). 0 < eps; eps >= 1 returns LPT.
 */
export function approxMmsPartition(values: readonly RationalLike[], k: 2 | 3, eps: RationalLike): number[][] {
  requireList(values, 'approxMmsPartition', 'values');
  if (k !== 2 && k !== 3) throw new InvalidInputError('bad-k', `approxMmsPartition: k must be 2 or 3, got ${k}`);
  const e = Rational.from(eps, 'eps');
  if (e.sign() <= 0) throw new InvalidInputError('bad-eps', `approxMmsPartition: eps must be positive, got ${e}`);
  const v = toIntegers(values).ints;
  const m = v.length;
  const order = v.map((_, i) => i).sort((a, b) => (v[b] > v[a] ? 1 : v[b] < v[a] ? -1 : a - b));
  const desc = order.map((i) => v[i]);
  const greedy = lpt(desc, k);
  const LB = minBundle(desc, greedy, k);
  let bin = greedy;
  if (LB > 0n && e.lt(1)) {
    const c = (4n * LB) / 3n;
    // u = floor(min(v, c) / K) with K = eps * LB / m = e.num * LB / (e.den * m)
    const scaleNum = e.den * BigInt(m);
    const scaleDen = e.num * LB;
    const u = desc.map((x) => Number(((x < c ? x : c) * scaleNum) / scaleDen));
    const cap = Number((c * scaleNum) / scaleDen);
    if (k === 2) {
      const words = (m + 1) * (Math.floor(u.reduce((a, b) => a + b, 0) / 2 / 32) + 1);
      if (words > MAX_WORDS)
        throw new InvalidInputError(
          'eps-too-small',
          `approxMmsPartition: eps = ${e} too small for m = ${m} (bitset of ${words} words > ${MAX_WORDS}); use a larger eps or the exact mms()`,
        );
    }
    bin = k === 2 ? twoBundles(u) : threeBundles(u, cap);
  }
  const out: number[][] = Array.from({ length: k }, () => []);
  order.forEach((g, p) => out[bin[p]].push(g));
  for (const b of out) b.sort((x, y) => x - y);
  return out;
}

/** Exact max-min 2-partition of small integers (a largest subset sum <= total / 2); the bundle of every item. */
function twoBundles(u: readonly number[]): Int32Array {
  const total = u.reduce((a, b) => a + b, 0);
  const bin = new Int32Array(u.length).fill(1);
  for (const p of largestSubsetAtMost(u, Math.floor(total / 2))) bin[p] = 0;
  return bin;
}

/** Exact max-min 3-partition of small integers whose optimum is <= cap; the bundle of every item. */
function threeBundles(u: readonly number[], cap: number): Int32Array {
  const m = u.length;
  const side = cap + 1;
  const states = side * side;
  if (states * m > MAX_CELLS)
    throw new InvalidInputError(
      'eps-too-small',
      `approxMmsPartition: eps too small for m = ${m} (table of ${states * m} cells > ${MAX_CELLS}); use a larger eps or the exact mms()`,
    );
  const INF = 2 ** 31 - 1;
  let spent = new Int32Array(states).fill(INF);
  spent[0] = 0;
  const choice: Uint8Array[] = [];
  const from: Uint16Array[] = [];
  for (let j = 0; j < m; j++) {
    const x = u[j];
    const next = spent.slice();
    const ch = new Uint8Array(states).fill(2);
    const fr = new Uint16Array(states);
    /** Item j into bundle `to` (0 or 1), reaching state s from the load `prev` of that bundle. */
    const relax = (s: number, spentThere: number, to: number, prev: number): void => {
      if (spentThere < next[s]) {
        next[s] = spentThere;
        ch[s] = to;
        fr[s] = prev;
      }
    };
    for (let a = 0; a <= cap; a++) {
      for (let b = 0; b <= cap; b++) {
        const val = spent[a * side + b];
        if (val === INF) continue;
        relax(Math.min(a + x, cap) * side + b, val + x, 0, a);
        relax(a * side + Math.min(b + x, cap), val + x, 1, b);
      }
    }
    spent = next;
    choice.push(ch);
    from.push(fr);
  }
  const total = u.reduce((p, q) => p + q, 0);
  let bestState = 0;
  let bestMin = -1;
  for (let a = 0; a <= cap; a++) {
    for (let b = 0; b <= cap; b++) {
      const val = spent[a * side + b];
      if (val === INF) continue;
      const mn = Math.min(a, b, total - val);
      if (mn > bestMin) {
        bestMin = mn;
        bestState = a * side + b;
      }
    }
  }
  const bin = new Int32Array(m);
  let a = Math.floor(bestState / side);
  let b = bestState % side;
  for (let j = m - 1; j >= 0; j--) {
    const s = a * side + b;
    const ch = choice[j][s];
    bin[j] = ch;
    if (ch === 0) a = from[j][s];
    else if (ch === 1) b = from[j][s];
  }
  return bin;
}
