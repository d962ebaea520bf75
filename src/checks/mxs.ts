/**
 * rho-MXS per allocation (Babaioff & Frosh Def. 2.4; spec section 4, check 9): every agent gets at least rho
 * times her minimum EFX share, computed exactly by exhaustive search (small m; src/shares/mxs.ts). Beyond
 * MXS_MAX_GOODS goods the check is reported as unchecked, never guessed.
 */
import type { Allocation } from '../core/allocation';
import type { Instance } from '../core/instance';
import { Rational, type RationalLike } from '../core/rational';
import { mxs, MXS_MAX_GOODS, type MxsResult } from '../shares/mxs';
import { memoisedShare } from '../shares/share-cache';
import { checkExhaustiveShare } from './share';
import type { CheckResult } from './result';

/** MXS^n of one valuation, memoised (a share depends only on the valuation and n). */
export const mxsShare: (values: readonly Rational[], n: number) => MxsResult = memoisedShare(mxs);

/** rho-MXS: v_i(A_i) >= rho * MXS_i for every agent. Witness of failure: the agent and an allocation attaining her MXS. */
export function checkMXS(inst: Instance, a: Allocation, rho: RationalLike = 1): CheckResult {
  const r = Rational.from(rho);
  if (inst.m > MXS_MAX_GOODS)
    return {
      holds: false,
      unchecked: true,
      detail: { property: 'MXS', reason: `exhaustive MXS limited to ${MXS_MAX_GOODS} goods (m = ${inst.m})` },
    };
  return checkExhaustiveShare(
    inst,
    a,
    r,
    'MXS',
    (i) => mxsShare(inst.values[i], inst.n),
    (i, share) => ({ agent: i, shareAllocation: share.witness }),
  );
}
