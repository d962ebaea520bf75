/**
 * rho-RMMS per allocation (Feige 2025; Babaioff & Frosh Def. F.1 and Lemma F.1; spec section 4, check 10):
 * every agent gets at least rho times her residual maximin share, computed exactly for n = 2, 3 and small m
 * (src/shares/rmms.ts). Beyond RMMS_MAX_GOODS goods, or for other n, the check is reported as unchecked.
 */
import type { Allocation } from '../core/allocation';
import type { Instance } from '../core/instance';
import { Rational, type RationalLike } from '../core/rational';
import { rmms, RMMS_MAX_GOODS, type RmmsResult } from '../shares/rmms';
import { memoisedShare } from '../shares/share-cache';
import { checkExhaustiveShare } from './share';
import type { CheckResult } from './result';

/** RMMS^n of one valuation, memoised. */
export const rmmsShare: (values: readonly Rational[], n: number) => RmmsResult = memoisedShare(rmms);

/** rho-RMMS: v_i(A_i) >= rho * RMMS_i for every agent. Witness of failure: the agent and the share. */
export function checkRMMS(inst: Instance, a: Allocation, rho: RationalLike = 1): CheckResult {
  const r = Rational.from(rho);
  if (inst.n !== 2 && inst.n !== 3)
    return {
      holds: false,
      unchecked: true,
      detail: { property: 'RMMS', reason: `RMMS is implemented for n = 2 and 3 (n = ${inst.n})` },
    };
  if (inst.m > RMMS_MAX_GOODS)
    return {
      holds: false,
      unchecked: true,
      detail: { property: 'RMMS', reason: `exhaustive RMMS limited to ${RMMS_MAX_GOODS} goods (m = ${inst.m})` },
    };
  return checkExhaustiveShare(
    inst,
    a,
    r,
    'RMMS',
    (i) => rmmsShare(inst.values[i], inst.n),
    (i) => ({ agent: i }),
  );
}
