/**
 * Exact integer valuations for the constructions of Babaioff & Frosh: every agent's row is scaled to
 * integers on its own (`toIntegers`), which is exact and preserves every comparison the paper makes,
 * because each step compares values of one agent only (Top sets, EFX dominance, minimum bundles, and the
 * per-agent sums of the ex-ante proofs). Bundles are sorted good indices; partitions are positional.
 */
import type { AgentId, Bundle, GoodId, Instance } from '../../core/instance';
import type { Rational } from '../../core/rational';
import { toIntegers } from '../../shares/mms/scaled';

/** One agent's values as integers (a positive multiple of her rational values). */
export type Valuation = readonly bigint[];

/** Every agent's row, scaled exactly to integers agent by agent. */
export function integerValuations(inst: Instance): Valuation[] {
  return inst.values.map((row) => toIntegers(row).ints);
}

/** The factor of each agent's scaling: her rational value of a bundle = unit * integer value. */
export function valuationUnits(inst: Instance): Rational[] {
  return inst.values.map((row) => toIntegers(row).unit);
}

/** v(B). */
export function valueOf(v: Valuation, bundle: Iterable<GoodId>): bigint {
  let s = 0n;
  for (const g of bundle) s += v[g];
  return s;
}

/** mu_v(P) = min_B v(B), the worst-case value of a partition for v (spec section 2). */
export function worstValue(v: Valuation, partition: readonly Bundle[]): bigint {
  let best: bigint | null = null;
  for (const b of partition) {
    const x = valueOf(v, b);
    if (best === null || x < best) best = x;
  }
  return best ?? 0n;
}

/** Does a bundle worth `own` EFX-dominate Y for v (Y empty, or own >= v(Y) - min_{g in Y} v(g); zero goods count)? */
export function efxDominates(v: Valuation, own: bigint, Y: Bundle): boolean {
  if (Y.length === 0) return true;
  let total = 0n;
  let least = v[Y[0]];
  for (const g of Y) {
    total += v[g];
    if (v[g] < least) least = v[g];
  }
  return own >= total - least;
}

/** Is the holder of bundle `k` of `bundles` EFX-satisfied under v (strong EFX, spec Def 2.2)? */
export function efxSatisfied(v: Valuation, bundles: readonly Bundle[], k: number): boolean {
  const own = valueOf(v, bundles[k]);
  return bundles.every((b, j) => j === k || efxDominates(v, own, b));
}

/** Does every bundle of the partition EFX-dominate every other one under v (an EFX partition)? */
export function isEfxPartition(v: Valuation, partition: readonly Bundle[]): boolean {
  return partition.every((_, k) => efxSatisfied(v, partition, k));
}

/** The goods of several bundles, sorted. */
export function union(...bundles: readonly Bundle[]): GoodId[] {
  return bundles.flat().sort((a, b) => a - b);
}

/** A sorted copy of a bundle. */
export function sorted(bundle: Iterable<GoodId>): GoodId[] {
  return [...bundle].sort((a, b) => a - b);
}

/** All goods 0..m-1. */
export function allGoods(m: number): GoodId[] {
  return Array.from({ length: m }, (_, g) => g);
}

/** The positions of the largest bundles of a partition for v (exact ties; the paper's Top set). */
export function topPositions(v: Valuation, partition: readonly Bundle[]): number[] {
  const vals = partition.map((b) => valueOf(v, b));
  const max = vals.reduce((a, b) => (b > a ? b : a));
  return vals.flatMap((x, k) => (x === max ? [k] : []));
}

/** An allocation's bundle per agent, as plain arrays. */
export type Bundles = readonly Bundle[];

/** The agent other than `a` and `b` among 0, 1, 2. */
export function third(a: AgentId, b: AgentId): AgentId {
  return 3 - a - b;
}
