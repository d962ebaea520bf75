/**
 * The residual maximin share RMMS (Feige 2025; Babaioff & Frosh Def. F.1, spec section 2) for n = 2 and 3
 * agents with additive values. A threshold t is residual self-feasible when, for every k < n and every k
 * disjoint bundles each worth strictly less than t, the remaining goods split into n - k bundles each worth
 * at least t; RMMS is the largest such t. MXS <= RMMS <= MMS.
 *
 * For additive values the conditions are (k = 0) MMS^n >= t; (k = 1) every B with v(B) < t leaves
 * MMS^{n-1}(M \ B) >= t; (k = 2, n = 3) every disjoint B_1, B_2 below t leave v(M \ B_1 \ B_2) >= t.
 * Feasibility only changes at subset sums and the feasible set is down-closed, so the algorithm
 * binary-searches the sorted distinct subset sums, with tables over all 2^m subsets: their sums and, for
 * n = 3, the best two-way split of each (3^m work in all). Exhaustive, hence small m only.
 */
import { requireList } from '../core/arguments';
import { InvalidInputError, LimitError } from '../core/errors';
import { Rational, type RationalLike } from '../core/rational';
import { mms } from './mms';
import { toIntegers } from './mms/scaled';

/** The largest number of goods accepted (3^m subset pairs). */
export const RMMS_MAX_GOODS = 13;

export interface RmmsResult {
  readonly value: Rational;
  /** For the next larger subset sum (when there is one): a condition it violates, as bundles of goods. */
  readonly blocking?: { readonly t: Rational; readonly removed: number[][] };
}

/** RMMS^n of `values` for n in {2, 3} (module header); `LimitError('rmms-too-large')` beyond RMMS_MAX_GOODS goods. */
export function rmms(values: readonly RationalLike[], n: number): RmmsResult {
  requireList(values, 'rmms', 'values');
  if (n !== 2 && n !== 3) throw new InvalidInputError('bad-n', `rmms: implemented for n = 2 and 3, got ${n}`);
  const m = values.length;
  if (m > RMMS_MAX_GOODS)
    throw new LimitError(
      'rmms-too-large',
      `rmms: exhaustive search over 3^${m} subset pairs refused (at most ${RMMS_MAX_GOODS} goods)`,
    );
  const { ints, unit } = toIntegers(values);
  const total = ints.reduce((a, b) => a + b, 0n);
  if (total > BigInt(Number.MAX_SAFE_INTEGER))
    throw new LimitError('rmms-too-large', 'rmms: values too large for the exhaustive tables');
  const w = ints.map(Number);
  const T = Number(total);
  const full = (1 << m) - 1;
  const sums = new Float64Array(1 << m);
  for (let mask = 1; mask <= full; mask++) {
    const low = mask & -mask;
    sums[mask] = sums[mask ^ low] + w[31 - Math.clz32(low)];
  }
  // best2[S] = MMS^2(S) = the largest subset sum of S that is at most half of v(S)
  let best2: Float64Array | null = null;
  if (n === 3) {
    best2 = new Float64Array(1 << m);
    for (let S = 0; S <= full; S++) {
      let best = 0;
      for (let Tm = S; Tm > 0; Tm = (Tm - 1) & S) if (2 * sums[Tm] <= sums[S] && sums[Tm] > best) best = sums[Tm];
      best2[S] = best;
    }
  }
  const mmsN = Number(mms(ints, n).value);

  /** A violated condition for threshold t (bundles removed, as masks), or null when t is feasible. */
  const violation = (t: number): number[] | null => {
    if (mmsN < t) return [];
    for (let B = 0; B <= full; B++) {
      if (sums[B] >= t) continue;
      const rest = full ^ B;
      if (n === 2 ? T - sums[B] < t : best2![rest] < t) return [B];
      if (n === 3)
        for (let B2 = rest; B2 > 0; B2 = (B2 - 1) & rest)
          if (sums[B2] < t && T - sums[B] - sums[B2] < t) return [B, B2];
    }
    return null;
  };

  const candidates = [...new Set(sums)].sort((a, b) => a - b);
  let lo = 0; // candidates[lo] = 0 is feasible
  let hi = candidates.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (violation(candidates[mid]) === null) lo = mid;
    else hi = mid - 1;
  }
  const value = unit.mul(BigInt(candidates[lo]));
  if (lo + 1 >= candidates.length) return { value };
  const next = candidates[lo + 1];
  const masks = violation(next) ?? [];
  const goodsOf = (mask: number) => w.flatMap((_, g) => ((mask >> g) & 1 ? [g] : []));
  return { value, blocking: { t: unit.mul(BigInt(next)), removed: masks.map(goodsOf) } };
}
