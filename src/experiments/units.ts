/**
 * How a run is cut into units and shards. The unit boundaries depend only on the protocol, m and the number of
 * trials, so every process that plans the same run plans the same units; shard i of k takes the units whose position
 * in the plan is i modulo k, so k shards together cover the plan exactly once (`fairdiv experiment merge` checks it).
 *
 * [DECISION] Block sizes by cost: 20 trials where round-robin PO is decided (integer programs), 50 where rounded or
 * integral MNW runs, otherwise one unit per 250 trials (EF checks only; fewer units also mean less skipping ahead in
 * the NumPy stream).
 */
import { InvalidInputError } from '../core/errors';
import { columnsAt, type ColumnId, type Protocol } from './protocols';
import type { UnitSpec } from './trials';

/** Trials per unit at m (module header). */
export function blockSize(p: Protocol, m: number, columns?: readonly ColumnId[]): number {
  const cols = columnsAt(p, m, columns);
  if (cols.some((c) => c.property === 'po')) return 20;
  if (cols.some((c) => c.rule === 'rounded-mnw' || c.rule === 'integral-mnw')) return 50;
  return 250;
}

/** The units of a run of p over ms with `trials` trials per m (and the chosen columns), in plan order. */
export function planUnits(
  p: Protocol,
  ms: readonly number[],
  trials: number,
  columns?: readonly ColumnId[],
): UnitSpec[] {
  const units: UnitSpec[] = [];
  for (const m of ms) {
    const B = blockSize(p, m, columns);
    for (let from = 0; from < trials; from += B)
      units.push({ experiment: p.name, m, from, to: Math.min(trials, from + B), ...(columns ? { columns } : {}) });
  }
  return units;
}

/** A shard "i/k" (0 ≤ i < k). */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

/** Parses "i/k". Code `bad-shard`. */
export function parseShard(s: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(s.trim());
  const index = match ? Number(match[1]) : NaN,
    count = match ? Number(match[2]) : NaN;
  if (!match || !(count >= 1) || !(index < count))
    throw new InvalidInputError('bad-shard', `--shard: expected i/k with 0 ≤ i < k, got ${JSON.stringify(s)}`);
  return { index, count };
}

/** The units of shard i/k. */
export function shardUnits(units: readonly UnitSpec[], shard: Shard): UnitSpec[] {
  return units.filter((_, k) => k % shard.count === shard.index);
}

/** A unit's key, for checking coverage. */
export function unitKey(u: UnitSpec): string {
  return `${u.experiment}|${u.m}|${u.from}|${u.to}|${u.columns?.join(',') ?? 'all'}`;
}
