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
