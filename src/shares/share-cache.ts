import type { Instance, AgentId } from '../core/instance';
import type { Rational } from '../core/rational';
import { mms, type MmsResult } from './mms';
import { requireInstance } from '../core/arguments';
import { remainingMs } from '../core/time-budget';

const cache = new Map<string, MmsResult>();
/** Bounded shares that are not searched again before a time (ms since the epoch): see `storeMmsShare`. */
const keptUntil = new WeakMap<MmsResult, number>();

/** The cache key of a valuation's MMS for n bundles (a share depends on nothing else). */
function shareKey(values: readonly Rational[], n: number): string {
  return `${n}:${values.join(',')}`;
}

/** The cached MMS of `values` for n bundles, if any (optimal, or bounded by an earlier time limit). */
export function cachedMmsShare(values: readonly Rational[], n: number): MmsResult | undefined {
  return cache.get(shareKey(values, n));
}

/**
 * Caches an MMS of `values` for n bundles computed elsewhere (e.g. on the worker pool, ./mms-pool.ts) and returns
 * the entry kept: an optimal answer is never replaced, and of two bounded answers the narrower interval is kept.
 * A bounded answer is not searched again by `mmsShare` before `keepUntil` (ms since the epoch): the rest of the
 * budget it was computed under belongs to the checks that read it.
 */
export function storeMmsShare(values: readonly Rational[], n: number, r: MmsResult, keepUntil = 0): MmsResult {
  const key = shareKey(values, n);
  const old = cache.get(key);
  if (
    old &&
    (old.status === 'optimal' || (r.status !== 'optimal' && old.upper.sub(old.lower).lt(r.upper.sub(r.lower))))
  )
    return old;
  if (cache.size > 5000) cache.clear();
  cache.set(key, r);
  if (keepUntil > 0) keptUntil.set(r, keepUntil);
  return r;
}

/** Empties the MMS share cache (benchmarks and tests that measure a cold computation). */
export function clearMmsShares(): void {
  cache.clear();
}

/**
 * MMS_i^n of agent i in an instance (n defaults to the number of agents), memoised by valuation, so that
 * checking many allocations of one instance solves each agent's MMS once. The result carries the witness
 * partition; on a time limit `status` is 'timeout' and [lower, upper] bounds the share. The search also stops
 * at the deadline of the running call's budget (src/core/time-budget.ts), whichever comes first.
 */
export function mmsShare(inst: Instance, i: AgentId, n = inst.n, timeLimitMs = 20000): MmsResult {
  requireInstance(inst, 'mmsShare');
  const values = inst.values[i] as Rational[];
  const r = cachedMmsShare(values, n);
  // a bounded answer is searched again only when this search could run longer than the one that bounded it, and
  // not within the budget that bounded it on the pool
  if (
    r &&
    (r.status === 'optimal' ||
      Date.now() < (keptUntil.get(r) ?? 0) ||
      Math.min(timeLimitMs, remainingMs()) <= r.stats.ms)
  )
    return r;
  return storeMmsShare(values, n, mms(values, n, { timeLimitMs }));
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
