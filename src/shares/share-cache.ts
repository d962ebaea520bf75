import type { Instance, AgentId } from '../core/instance';
import type { Rational } from '../core/rational';
import { mms, type MmsResult } from './mms';
import { requireInstance } from '../core/arguments';
import { budgetExpired } from '../core/time-budget';

const cache = new Map<string, MmsResult>();

/**
 * MMS_i^n of agent i in an instance (n defaults to the number of agents), memoised by valuation, so that
 * checking many allocations of one instance solves each agent's MMS once. The result carries the witness
 * partition; on a time limit `status` is 'timeout' and [lower, upper] bounds the share. The search also stops
 * at the deadline of the running call's budget (src/core/time-budget.ts), whichever comes first.
 */
export function mmsShare(inst: Instance, i: AgentId, n = inst.n, timeLimitMs = 20000): MmsResult {
  requireInstance(inst, 'mmsShare');
  const key = `${n}:${inst.values[i].join(',')}`;
  let r = cache.get(key);
  // a bounded answer is retried with more time, but not once the running budget is spent
  if (!r || (r.status !== 'optimal' && timeLimitMs > r.stats.ms && !budgetExpired())) {
    r = mms(inst.values[i] as Rational[], n, { timeLimitMs });
    if (cache.size > 5000) cache.clear();
    cache.set(key, r);
  }
  return r;
}

/**
 * `share(values, n)` memoised by valuation and n (a share depends on nothing else), for the exhaustive shares
 * (MXS, RMMS) that checking many allocations of one instance would otherwise recompute; each memo holds at most
 * 5000 valuations and starts afresh beyond that.
 */
export function memoisedShare<R>(
  share: (values: readonly Rational[], n: number) => R,
): (values: readonly Rational[], n: number) => R {
  const memo = new Map<string, R>();
  return (values, n) => {
    const key = `${n}:${values.join(',')}`;
    let r = memo.get(key);
    if (!r) {
      r = share(values, n);
      if (memo.size > 5000) memo.clear();
      memo.set(key, r);
    }
    return r;
  };
}
