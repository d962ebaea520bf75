/**
 * From unit results to the per-m rows the CLI prints and the notebook plots: success counts per column, 95% Jeffreys
 * intervals (the authors' error bars, seed-004 spec 3.14), compute seconds, and the comparison with the authors'
 * reference counts (exact for the columns the NumPy stream reproduces, by interval otherwise). Merging shard runs
 * checks that they belong to the same run and cover its plan exactly once; the merged rows then equal the rows of a
 * single run, except for the measured seconds.
 */
import { InvalidInputError } from '../core/errors';
import { jeffreys } from '../stochastic/intervals';
import { columnsAt, protocol, type ColumnId } from './protocols';
import type { ParetoVia } from './pareto';
import type { UnitResult } from './trials';
import { planUnits, unitKey, type Shard } from './units';

/** A run (or a shard of one): its parameters and unit results. JSON-serializable (the shard file format). */
export interface ExperimentRun {
  readonly experiment: string;
  readonly ms: readonly number[];
  readonly trials: number;
  /** The chosen columns (absent: all of the protocol's). */
  readonly columns?: readonly ColumnId[];
  readonly shard?: Shard;
  readonly units: readonly UnitResult[];
  /** Wall-clock seconds of the run (summed over merged shards), retries included. */
  readonly wallSeconds: number;
  /** The `retryUndecided` passes applied to this run, in order. */
  readonly retries?: readonly RetryRecord[];
}

/** One `retryUndecided` pass: its time limit, how many undecided trials it tried and decided, its wall time. */
export interface RetryRecord {
  readonly timeLimitSeconds: number;
  readonly tried: number;
  readonly decided: number;
  readonly wallSeconds: number;
}

/**
 * How a reproduced count compares with the authors': 'exact' / 'differs' for the columns the stream reproduces exactly;
 * for the others 'equal' when the counts happen to agree, else whether the authors' rate lies in our 95% interval.
 */
export type ReferenceMatch = 'exact' | 'differs' | 'equal' | 'inside-interval' | 'outside-interval';

/** One row per m (printed by `--json`, one object per line). */
export interface ExperimentRow {
  readonly experiment: string;
  readonly m: number;
  readonly trials: number;
  readonly counts: Partial<Record<ColumnId, number>>;
  /** 95% Jeffreys interval of each column's probability, over its decided trials. */
  readonly intervals: Partial<Record<ColumnId, readonly [number, number]>>;
  /** Compute seconds for this m (sampling plus every column), summed over workers. */
  readonly seconds: number;
  readonly columnSeconds: Partial<Record<ColumnId, number>>;
  readonly undecided: Partial<Record<ColumnId, number>>;
  /** The undecided trials (indices in the stream at m), when the unit results list them. */
  readonly undecidedTrials: Partial<Record<ColumnId, number[]>>;
  /** Trials counted from allocations not proven to be the rule's (integral MNW from HiGHS). */
  readonly unproven: Partial<Record<ColumnId, number>>;
  readonly toleranceDisagreements: Partial<Record<ColumnId, number>>;
  readonly paretoVia: Partial<Record<ParetoVia, number>>;
  /** The authors' counts (1000 trials), when this m has them and the run has 1000 trials. */
  readonly reference?: Partial<Record<ColumnId, number>>;
  readonly referenceMatch?: Partial<Record<ColumnId, ReferenceMatch>>;
}

function sumInto<K extends string>(into: Partial<Record<K, number>>, from: Partial<Record<K, number>>): void {
  for (const [k, v] of Object.entries(from) as [K, number][]) into[k] = (into[k] ?? 0) + v;
}

/** The per-m rows of a complete run. */
export function summarize(run: ExperimentRun): ExperimentRow[] {
  const p = protocol(run.experiment);
  return run.ms.map((m) => {
    const units = run.units.filter((u) => u.m === m);
    const counts: Partial<Record<ColumnId, number>> = {};
    const undecided: Partial<Record<ColumnId, number>> = {};
    const undecidedTrials: Partial<Record<ColumnId, number[]>> = {};
    const unproven: Partial<Record<ColumnId, number>> = {};
    const toleranceDisagreements: Partial<Record<ColumnId, number>> = {};
    const paretoVia: Partial<Record<ParetoVia, number>> = {};
    const columnSeconds: Partial<Record<ColumnId, number>> = {};
    let seconds = 0;
    for (const u of units) {
      sumInto(counts, u.counts);
      sumInto(undecided, u.undecided);
      for (const [c, ts] of Object.entries(u.undecidedTrials ?? {}) as [ColumnId, number[]][])
        (undecidedTrials[c] ??= []).push(...ts);
      sumInto(unproven, u.unproven ?? {});
      sumInto(toleranceDisagreements, u.toleranceDisagreements);
      sumInto(paretoVia, u.paretoVia);
      sumInto(columnSeconds, u.seconds.columns);
      seconds += u.seconds.sampling + Object.values(u.seconds.columns).reduce((a, b) => a + (b ?? 0), 0);
    }
    const intervals: Partial<Record<ColumnId, readonly [number, number]>> = {};
    for (const c of columnsAt(p, m, run.columns)) {
      const decided = run.trials - (undecided[c.id] ?? 0);
      if (decided > 0) {
        const iv = jeffreys(counts[c.id] ?? 0, decided);
        intervals[c.id] = [iv.lo, iv.hi];
      }
    }
    const ref = run.trials === 1000 ? p.reference?.[m] : undefined;
    const row: ExperimentRow = {
      experiment: run.experiment,
      m,
      trials: run.trials,
      counts,
      intervals,
      seconds,
      columnSeconds,
      undecided,
      undecidedTrials,
      unproven,
      toleranceDisagreements,
      paretoVia,
    };
    if (!ref) return row;
    const referenceMatch: Partial<Record<ColumnId, ReferenceMatch>> = {};
    for (const [id, r] of Object.entries(ref) as [ColumnId, number][]) {
      if (counts[id] === undefined) continue;
      if (p.exactColumns.includes(id)) referenceMatch[id] = counts[id] === r && !undecided[id] ? 'exact' : 'differs';
      else if (counts[id] === r && !undecided[id]) referenceMatch[id] = 'equal';
      else {
        const iv = intervals[id];
        referenceMatch[id] = iv && r / 1000 >= iv[0] && r / 1000 <= iv[1] ? 'inside-interval' : 'outside-interval';
      }
    }
    return { ...row, reference: ref, referenceMatch };
  });
}

/**
 * Joins shard runs into the run they are shards of. Throws `bad-shards` unless they share experiment, ms and trials
 * and together cover the run's unit plan exactly once.
 */
export function mergeRuns(runs: readonly ExperimentRun[]): ExperimentRun {
  if (runs.length === 0) throw new InvalidInputError('bad-shards', 'merge: no shard files');
  const [first] = runs;
  for (const r of runs)
    if (
      r.experiment !== first.experiment ||
      r.trials !== first.trials ||
      r.ms.join() !== first.ms.join() ||
      r.columns?.join() !== first.columns?.join()
    )
      throw new InvalidInputError(
        'bad-shards',
        `merge: shard of ${r.experiment} (m = ${r.ms.join(',')}, ${r.trials} trials) does not match ${first.experiment} (m = ${first.ms.join(',')}, ${first.trials} trials) or its columns`,
      );
  const plan = planUnits(protocol(first.experiment), first.ms, first.trials, first.columns).map(unitKey);
  const seen = new Map<string, UnitResult>();
  for (const r of runs)
    for (const u of r.units) {
      const k = unitKey(u);
      if (seen.has(k)) throw new InvalidInputError('bad-shards', `merge: unit ${k} appears twice`);
      seen.set(k, u);
    }
  const missing = plan.filter((k) => !seen.has(k));
  if (missing.length)
    throw new InvalidInputError('bad-shards', `merge: ${missing.length} units missing (first: ${missing[0]})`);
  if (seen.size !== plan.length) throw new InvalidInputError('bad-shards', 'merge: units outside the run plan');
  return {
    experiment: first.experiment,
    ms: first.ms,
    trials: first.trials,
    ...(first.columns ? { columns: first.columns } : {}),
    units: plan.map((k) => seen.get(k)!),
    wallSeconds: runs.reduce((s, r) => s + r.wallSeconds, 0),
    ...(runs.some((r) => r.retries?.length) ? { retries: runs.flatMap((r) => r.retries ?? []) } : {}),
  };
}

/** Parses a shard file's JSON into a run (shape checked). Code `bad-shards`. */
export function runFromJson(x: unknown, where: string): ExperimentRun {
  const r = x as Partial<ExperimentRun>;
  if (
    !r ||
    typeof r !== 'object' ||
    typeof r.experiment !== 'string' ||
    !Array.isArray(r.ms) ||
    typeof r.trials !== 'number' ||
    !Array.isArray(r.units)
  )
    throw new InvalidInputError(
      'bad-shards',
      `${where}: not a shard file of fairdiv experiment (needs experiment, ms, trials, units)`,
    );
  r.units.forEach((u: unknown, k) => {
    const why = unitShapeProblem(u);
    if (why) throw new InvalidInputError('bad-shards', `${where}: units[${k}]: ${why}`);
  });
  return { ...r, wallSeconds: typeof r.wallSeconds === 'number' ? r.wallSeconds : 0 } as ExperimentRun;
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isCountRecord = (x: unknown) =>
  isRecord(x) && Object.values(x).every((v) => typeof v === 'number' && Number.isInteger(v) && v >= 0);

/** What is wrong with a unit result read from a file (null when its shape is right). */
function unitShapeProblem(u: unknown): string | null {
  if (!isRecord(u)) return 'not an object';
  if (typeof u.experiment !== 'string') return 'experiment is not a string';
  for (const k of ['m', 'from', 'to'] as const)
    if (typeof u[k] !== 'number' || !Number.isInteger(u[k]) || (u[k] as number) < 0) return `${k} is not an integer`;
  if (u.columns !== undefined && !(Array.isArray(u.columns) && u.columns.every((c) => typeof c === 'string')))
    return 'columns is not a list of column ids';
  for (const k of ['counts', 'undecided', 'paretoVia'] as const)
    if (!isCountRecord(u[k])) return `${k} is not a record of counts`;
  for (const k of ['unproven', 'toleranceDisagreements'] as const)
    if (u[k] !== undefined && !isCountRecord(u[k])) return `${k} is not a record of counts`;
  if (
    u.undecidedTrials !== undefined &&
    !(isRecord(u.undecidedTrials) && Object.values(u.undecidedTrials).every((ts) => Array.isArray(ts)))
  )
    return 'undecidedTrials is not a record of trial lists';
  const sec = u.seconds;
  if (!isRecord(sec) || typeof sec.sampling !== 'number' || !isRecord(sec.columns))
    return 'seconds is not {sampling, columns}';
  return null;
}
