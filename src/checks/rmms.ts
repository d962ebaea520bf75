/**
 * rho-RMMS per allocation (Feige 2025; Babaioff & Frosh Def. F.1 and Lemma F.1; spec section 4, check 10):
 * every agent gets at least rho times her residual maximin share, computed exactly for n = 2, 3 and small m
 * (src/shares/rmms.ts). Beyond RMMS_MAX_GOODS goods, or for other n, the check is reported as unchecked.
 */
import type { Allocation } from '../core/allocation';
import { LimitError } from '../core/errors';
import type { Instance } from '../core/instance';
import { Rational, type RationalLike } from '../core/rational';
import { rmms, RMMS_MAX_GOODS, type RmmsResult } from '../shares/rmms';
import type { CheckResult } from './result';

const cache = new Map<string, RmmsResult>();

/** RMMS^n of one valuation, memoised. */
export function rmmsShare(values: readonly Rational[], n: number): RmmsResult {
  const key = `${n}:${values.join(',')}`;
  let r = cache.get(key);
  if (!r) {
    r = rmms(values, n);
    if (cache.size > 5000) cache.clear();
    cache.set(key, r);
  }
  return r;
}

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
  const perAgent: Record<string, unknown> = {};
  for (let i = 0; i < inst.n; i++) {
    let share: RmmsResult;
    try {
      share = rmmsShare(inst.values[i], inst.n);
    } catch (e) {
      if (e instanceof LimitError)
        return {
          holds: false,
          unchecked: true,
          detail: { property: 'RMMS', agent: inst.agents[i], reason: e.message },
        };
      throw e;
    }
    const own = inst.value(i, a.bundles[i]);
    perAgent[inst.agents[i]] = { value: own, share: share.value };
    if (own.lt(r.mul(share.value)))
      return {
        holds: false,
        detail: {
          property: 'RMMS',
          rho: r,
          agent: inst.agents[i],
          value: own,
          share: share.value,
          needed: r.mul(share.value),
        },
        witness: { agent: i },
      };
  }
  return { holds: true, detail: { property: 'RMMS', rho: r, perAgent } };
}
