/**
 * The minimum EFX share MXS (Caragiannis, Garg, Rathi, Sharma & Varricchio 2023; Babaioff & Frosh Def. 2.4,
 * spec section 2): MXS_i^n = min over allocations Y in which agent i is EFX-satisfied (strong EFX, zero-valued
 * goods count) of v_i(Y_i). Equivalently the least v(X) over bundles X whose complement can be split into
 * n - 1 bundles that X EFX-dominates.
 *
 * Algorithm (small m): every subset X of the goods in increasing value (ties by bitmask), the first one whose
 * complement has such a split (exact backtracking, `eefxRepartition`) gives the share; the split is the witness.
 */
import { requireList } from '../core/arguments';
import { InvalidInputError, LimitError } from '../core/errors';
import type { GoodId } from '../core/instance';
import { Rational, type RationalLike } from '../core/rational';
import { eefxRepartition } from '../checks/envy';

/** The largest number of goods the exhaustive computation accepts. */
export const MXS_MAX_GOODS = 16;

export interface MxsResult {
  readonly value: Rational;
  /** An allocation attaining the share: bundles[0] is the agent's, the others the split of the rest. */
  readonly witness: GoodId[][];
}

/** MXS^n of `values` (module header); `LimitError('mxs-too-large')` beyond MXS_MAX_GOODS goods. */
export function mxs(values: readonly RationalLike[], n: number): MxsResult {
  requireList(values, 'mxs', 'values');
  if (!Number.isInteger(n) || n < 1)
    throw new InvalidInputError('bad-n', `mxs: n must be a positive integer, got ${n}`);
  const v = values.map((x, g) => Rational.from(x, `values[${g}]`));
  const m = v.length;
  if (m > MXS_MAX_GOODS)
    throw new LimitError(
      'mxs-too-large',
      `mxs: exhaustive search over 2^${m} bundles refused (at most ${MXS_MAX_GOODS} goods)`,
    );
  const full = (1 << m) - 1;
  const sums: Rational[] = new Array(1 << m);
  sums[0] = Rational.ZERO;
  for (let mask = 1; mask <= full; mask++) {
    const low = mask & -mask;
    sums[mask] = sums[mask ^ low].add(v[31 - Math.clz32(low)]);
  }
  const masks = Array.from({ length: 1 << m }, (_, k) => k).sort((a, b) => sums[a].cmp(sums[b]) || a - b);
  const goodsOf = (mask: number): GoodId[] => v.flatMap((_, g) => ((mask >> g) & 1 ? [g] : []));
  for (const mask of masks) {
    const rest = goodsOf(full ^ mask);
    const split = eefxRepartition(v, sums[mask], rest, n - 1);
    if (split === 'limit') throw new LimitError('mxs-limit', 'mxs: the re-partition search ran out of budget');
    if (split) return { value: sums[mask], witness: [goodsOf(mask), ...split] };
  }
  throw new Error('mxs: unreachable (the bundle of all goods always qualifies)');
}
