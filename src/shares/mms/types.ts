/**
 * Public types of the exact maximin-share (MMS) kernel.
 */
import type { Rational } from '../../core/rational';

/** Limits and reporting for an MMS computation. */
export interface MmsOptions {
  /**
   * Wall-clock limit in milliseconds, in (0, 24 days]; on expiry the solver returns `status: 'timeout'` with
   * bounds. Default: the deadline of the running call's budget, or 60 s outside every budget.
   */
  timeLimitMs?: number;
  /** Cancellation: an aborted signal stops the search like a time limit does. */
  signal?: AbortSignal;
  /** Called whenever the proven interval [lower, upper] narrows. */
  onProgress?: (p: { lower: bigint; upper: bigint; nodes: number }) => void;
}

/** Search statistics: nodes of the covering search, elapsed time, the method that decided the answer. */
export interface MmsStats {
  nodes: number;
  ms: number;
  method: string;
}

/**
 * Result on integer values. `partition` holds n bundles of indices into the input array and is a witness
 * of `lower` (every bundle is worth at least `lower`). With `status: 'optimal'`, `value = lower = upper`.
 * With `status: 'timeout'`, `value = lower` and `upper` is a proven upper bound on the MMS.
 */
export interface MmsIntegerResult {
  value: bigint;
  partition: number[][];
  status: 'optimal' | 'timeout';
  lower: bigint;
  upper: bigint;
  stats: MmsStats;
}

/**
 * Result on rational values: the same contract as {@link MmsIntegerResult}, in exact rationals.
 * `bundleValues[k]` is the value of `partition[k]` (the sum of its goods' values, in the units of the input
 * values), so the least of them is `lower`.
 */
export interface MmsResult {
  value: Rational;
  partition: number[][];
  bundleValues: Rational[];
  status: 'optimal' | 'timeout';
  lower: Rational;
  upper: Rational;
  stats: MmsStats;
}
