/**
 * rho-MXS per allocation (Babaioff & Frosh Def. 2.4; spec section 4, check 9): every agent gets at least rho
 * times her minimum EFX share, computed exactly by exhaustive search (small m; src/shares/mxs.ts). Beyond
 * MXS_MAX_GOODS goods the check is reported as unchecked, never guessed.
 */
import type { Allocation } from '../core/allocation';
import { LimitError } from '../core/errors';
import type { Instance } from '../core/instance';
import { Rational, type RationalLike } from '../core/rational';
import { mxs, MXS_MAX_GOODS, type MxsResult } from '../shares/mxs';
import type { CheckResult } from './result';

const cache = new Map<string, MxsResult>();

/** MXS^n of one valuation, memoised (a share depends only on the valuation and n). */
export function mxsShare(values: readonly Rational[], n: number): MxsResult {
  const key = `${n}:${values.join(',')}`;
  let r = cache.get(key);
  if (!r) {
    r = mxs(values, n);
    if (cache.size > 5000) cache.clear();
    cache.set(key, r);
  }
  return r;
}

/** rho-MXS: v_i(A_i) >= rho * MXS_i for every agent. Witness of failure: the agent and an allocation attaining her MXS. */
export function checkMXS(inst: Instance, a: Allocation, rho: RationalLike = 1): CheckResult {
  const r = Rational.from(rho);
  if (inst.m > MXS_MAX_GOODS)
    return {
      holds: false,
      unchecked: true,
      detail: { property: 'MXS', reason: `exhaustive MXS limited to ${MXS_MAX_GOODS} goods (m = ${inst.m})` },
    };
  const perAgent: Record<string, unknown> = {};
  for (let i = 0; i < inst.n; i++) {
    let share: MxsResult;
    try {
      share = mxsShare(inst.values[i], inst.n);
    } catch (e) {
      if (e instanceof LimitError)
        return { holds: false, unchecked: true, detail: { property: 'MXS', agent: inst.agents[i], reason: e.message } };
      throw e;
    }
    const own = inst.value(i, a.bundles[i]);
    perAgent[inst.agents[i]] = { value: own, share: share.value };
    if (own.lt(r.mul(share.value)))
      return {
        holds: false,
        detail: {
          property: 'MXS',
          rho: r,
          agent: inst.agents[i],
          value: own,
          share: share.value,
          needed: r.mul(share.value),
        },
        witness: { agent: i, shareAllocation: share.witness },
      };
  }
  return { holds: true, detail: { property: 'MXS', rho: r, perAgent } };
}
