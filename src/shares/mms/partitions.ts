/**
 * Partition helpers for the mechanisms of seed-002 (Babaioff & Frosh 2026): an MMS partition, REALLOC, and
 * an MMS-EFX partition (every bundle EFX-dominates every other bundle, strong EFX counting zero-valued goods).
 */
import { LimitError } from '../../core/errors';
import type { RationalLike } from '../../core/rational';
import { toIntegers } from './scaled';
import { mmsOfIntegers } from './solver';
import type { MmsOptions } from './types';
import { requireList } from '../../core/arguments';
import { requireBundleCount, requireGoodsCount, searchLimitMs } from './limits';

/**
 * An exact MMS partition of the goods into n bundles (good indices), from the exact kernel.
 * Throws `LimitError` when a time limit or abort (or, without `timeLimitMs`, the running call's budget or 60 s)
 * stops the search before optimality is proven.
 */
export function mmsPartition(values: readonly RationalLike[], n: number, options: MmsOptions = {}): number[][] {
  requireList(values, 'mmsPartition', 'values');
  requireBundleCount(n, 'mmsPartition');
  requireGoodsCount(values.length, 'mmsPartition');
  const timeLimitMs = searchLimitMs(options, 'mmsPartition');
  const r = mmsOfIntegers(
    toIntegers(values).ints,
    n,
    timeLimitMs === undefined ? options : { ...options, timeLimitMs },
  );
  if (r.status !== 'optimal')
    throw new LimitError('mms-timeout', `mmsPartition: stopped with MMS in [${r.lower}, ${r.upper}] (scaled)`);
  return r.partition;
}

/**
 * REALLOC (seed-002 section 3.2; Babaioff & Frosh, Algorithm 3, adapting Plaut & Roughgarden's Alg. 6.1):
 * goods by (value descending, index ascending); each good is taken out of its bundle and put back if that
 * reduced bundle is a least-valued one, else into the lowest-position least-valued bundle (tie rule C2).
 * Guarantee (Lemmas A.2, A.3): the result is EFX for `values` (every bundle EFX-dominates every other one,
 * zero-valued goods included) and its smallest bundle is worth at least the input's. O(m log m + m k).
 */
export function realloc(values: readonly RationalLike[], partition: readonly (readonly number[])[]): number[][] {
  requireList(values, 'realloc', 'values');
  requireList(partition, 'realloc', 'partition');
  const v = toIntegers(values).ints;
  const k = partition.length;
  const where = new Map<number, number>();
  const load = new Array<bigint>(k).fill(0n);
  partition.forEach((bundle, b) =>
    bundle.forEach((g) => {
      where.set(g, b);
      load[b] += v[g];
    }),
  );
  const goods = [...where.keys()].sort((a, b) => (v[b] > v[a] ? 1 : v[b] < v[a] ? -1 : a - b));
  for (const g of goods) {
    const b = where.get(g) as number;
    load[b] -= v[g];
    const mu = load.reduce((x, y) => (y < x ? y : x));
    const t = load[b] === mu ? b : load.indexOf(mu);
    load[t] += v[g];
    where.set(g, t);
  }
  const out: number[][] = Array.from({ length: k }, () => []);
  for (const [g, b] of where) out[b].push(g);
  for (const b of out) b.sort((x, y) => x - y);
  return out;
}

/**
 * An MMS-EFX partition (seed-002 Def. 3.1 with alpha = 1; Corollary A.1): REALLOC applied to an exact MMS
 * partition. Every bundle is worth at least the MMS and EFX-dominates every other bundle.
 */
export function mmsEfxPartition(values: readonly RationalLike[], n: number, options: MmsOptions = {}): number[][] {
  requireList(values, 'mmsEfxPartition', 'values');
  requireBundleCount(n, 'mmsEfxPartition');
  searchLimitMs(options, 'mmsEfxPartition');
  return realloc(values, mmsPartition(values, n, options));
}
