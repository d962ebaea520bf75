/**
 * MMS-EFX-Improved-RePartition (Babaioff & Frosh, Algorithm 2; spec section 3.3): re-split two bundles
 * B_a, B_b into a 2-partition of their union that is an (approximate) MMS-EFX partition for v and whose
 * worse bundle is at least min(v(B_a), v(B_b)).
 */
import type { Bundle, GoodId } from '../../core/instance';
import { realloc } from '../../shares/mms/partitions';
import type { MmsPartitionOracle, OracleResult } from './oracles';
import { union, worstValue, type Valuation } from './valuation';

/** The result: the two bundles, and whether the guard kept the input pair (only with approximate oracles). */
export interface Repartition {
  readonly bundles: readonly [GoodId[], GoodId[]];
  /** True when the oracle's split was worse than (B_a, B_b), which REALLOC then re-balanced instead. */
  readonly guardKeptInput: boolean;
  readonly oracle: OracleResult;
}

/**
 * Algorithm 2: Q := oracle2(v, B_a u B_b); if mu_v(Q) < min(v(B_a), v(B_b)) use (B_a, B_b) instead (the
 * guard; it matters for approximate oracles only); return REALLOC(v, Q). Guarantees (Lemma 3.5 and
 * Obs. B.1): the two bundles EFX-dominate each other, their minimum is >= min(v(B_a), v(B_b)), and with an
 * exact oracle it is >= MMS^2_v(B_a u B_b); with a (1 - eps) oracle >= (1 - eps) of it.
 */
export function improvedRepartition(v: Valuation, Ba: Bundle, Bb: Bundle, oracle2: MmsPartitionOracle): Repartition {
  const oracle = oracle2(v, union(Ba, Bb), 2);
  const guardKeptInput = oracle.value < worstValue(v, [Ba, Bb]);
  const Q = guardKeptInput ? [Ba, Bb] : oracle.partition;
  const [C1, C2] = realloc(v, Q);
  return { bundles: [C1, C2], guardKeptInput, oracle };
}
