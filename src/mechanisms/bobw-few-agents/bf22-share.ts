/**
 * The two-agent share sigma_F of Babaioff & Feige (2022) as used by Babaioff & Frosh (Appendix C.5,
 * Theorem C.2; spec section 3.10): the best worst bundle over a small family F of bipartitions, computable
 * in O(2^h m) after sorting, with sigma_F >= min(MMS, (v(M) - v(e_{h+1})) / 2) >= (h / (h + 1)) MMS.
 */
import { InvalidInputError } from '../../core/errors';
import type { Bundle, GoodId } from '../../core/instance';
import { Rational } from '../../core/rational';
import { exactMmsOracle, type MmsPartitionOracle } from './oracles';
import { sorted, valueOf, type Valuation } from './valuation';

/** sigma_F with its maximising bipartition and the size of the family searched. */
export interface Bf22Share {
  readonly value: bigint;
  readonly partition: readonly [GoodId[], GoodId[]];
  readonly familySize: number;
}

/** The largest number of heavy goods accepted (2^h bipartitions per suffix). */
export const MAX_HEAVY = 20;

/**
 * sigma_F for v on the goods S with h heavy goods: sort S non-increasingly (ties by index) into e_1..e_m,
 * H = the first h, L = the rest; F = every bipartition whose first bundle meets H arbitrarily and L in a
 * suffix (possibly empty). Returns the first maximiser (subsets of H by bitmask, then suffix length, both
 * ascending). When m <= h the family is every bipartition, so the exact MMS partition is returned.
 */
export function bf22Share(v: Valuation, goods: Bundle, heavy: number): Bf22Share {
  if (!Number.isInteger(heavy) || heavy < 0 || heavy > MAX_HEAVY)
    throw new InvalidInputError('bad-heavy', `bf22Share: heavy must be an integer in 0..${MAX_HEAVY}, got ${heavy}`);
  const S = [...goods].sort((a, b) => (v[b] > v[a] ? 1 : v[b] < v[a] ? -1 : a - b));
  if (S.length <= heavy) {
    const r = exactMmsOracle()(v, S, 2);
    return { value: r.value, partition: [r.partition[0], r.partition[1]], familySize: 2 ** S.length };
  }
  const H = S.slice(0, heavy);
  const L = S.slice(heavy);
  const total = valueOf(v, S);
  // suffixSum[s] = value of the last s goods of L
  const suffixSum = [0n];
  for (let s = 1; s <= L.length; s++) suffixSum.push(suffixSum[s - 1] + v[L[L.length - s]]);
  let best = { value: -1n, mask: 0, suffix: 0 };
  for (let mask = 0; mask < 1 << heavy; mask++) {
    let h = 0n;
    for (let k = 0; k < heavy; k++) if (mask & (1 << k)) h += v[H[k]];
    for (let s = 0; s <= L.length; s++) {
      const b1 = h + suffixSum[s];
      const worst = b1 < total - b1 ? b1 : total - b1;
      if (worst > best.value) best = { value: worst, mask, suffix: s };
    }
  }
  const first = new Set<GoodId>([...H.filter((_, k) => best.mask & (1 << k)), ...L.slice(L.length - best.suffix)]);
  return {
    value: best.value,
    partition: [sorted(first), sorted(S.filter((g) => !first.has(g)))],
    familySize: (1 << heavy) * (L.length + 1),
  };
}

/**
 * A 2-way oracle from sigma_F with h heavy goods: its guarantee sigma_F >= (h / (h + 1)) MMS is recorded as
 * eps = 1 / (h + 1). Three-way calls are not supported (the share is for two bundles).
 */
export function bf22Oracle(heavy: number): MmsPartitionOracle {
  const eps = new Rational(1n, BigInt(heavy + 1));
  return (v, goods, k) => {
    if (k !== 2)
      throw new InvalidInputError('bad-k', `bf22Oracle: the BF22 share is defined for two bundles, got k = ${k}`);
    const r = bf22Share(v, goods, heavy);
    return { partition: [r.partition[0], r.partition[1]], value: r.value, exact: false, eps, method: 'bf22' };
  };
}
