/**
 * Finishing a run later: the trials a run left undecided (the PO integer program stopped at its time limit, or
 * integral MNW found no allocation in time) are decided again, with a new time limit, and folded into the run. Every
 * trial is deterministic (its utilities are the protocol's stream at m), so the folded run is exactly the run that
 * would have decided those trials the first time: counts, undecided counts and PO routes change, nothing else does,
 * and the compute and wall seconds of the retry are added. The run records each pass (`retries`).
 */
import { InvalidInputError } from '../core/errors';
import { runUnits, type Progress } from './pool';
import { columnsAt, protocol, type ColumnId } from './protocols';
import type { ExperimentRun } from './results';
import type { ParetoVia } from './pareto';
import type { UnitResult, UnitSpec } from './trials';
import { planUnits, shardUnits, unitKey } from './units';

export interface RetryOptions {
  /** Time limit per integer program, ms. */
  readonly timeLimitMs: number;
  /** Worker threads (default 2; 0 runs inline). */
  readonly workers?: number;
  readonly onProgress?: (p: Progress) => void;
  readonly signal?: AbortSignal;
}

function bad(message: string): InvalidInputError {
  return new InvalidInputError('bad-run-file', message);
}

/**
 * The undecided trials of each unit, per column, checked against the run's plan: every unit belongs to the plan of
 * the run (or of its shard) and lists exactly its undecided trials, inside its range. Code `bad-run-file`.
 */
function undecidedOf(run: ExperimentRun): { unit: UnitResult; column: ColumnId; trials: number[] }[] {
  const p = protocol(run.experiment);
  const plan = planUnits(p, run.ms, run.trials, run.columns);
  const keys = new Set((run.shard ? shardUnits(plan, run.shard) : plan).map(unitKey));
  const out: { unit: UnitResult; column: ColumnId; trials: number[] }[] = [];
  for (const u of run.units) {
    if (!keys.has(unitKey(u))) throw bad(`units: ${unitKey(u)} is not a unit of this run's plan`);
    const ids = new Set<string>(columnsAt(p, u.m, u.columns).map((c) => c.id));
    for (const [column, count] of Object.entries(u.undecided ?? {}) as [ColumnId, number][]) {
      if (!count) continue;
      if (!ids.has(column)) throw bad(`units: ${column} is not a column of ${run.experiment} at m = ${u.m}`);
      const trials = u.undecidedTrials?.[column];
      if (!Array.isArray(trials))
        throw bad(
          `units: the unit m = ${u.m}, trials ${u.from}-${u.to} has ${count} undecided ${column} trials but does not list them (a run file of fairdiv before 2026-12-05; run it again)`,
        );
      if (
        trials.length !== count ||
        trials.some((t, k) => !Number.isInteger(t) || t < u.from || t >= u.to || (k > 0 && t <= trials[k - 1]))
      )
        throw bad(
          `units: undecidedTrials.${column} of the unit m = ${u.m}, trials ${u.from}-${u.to} is not ${count} ascending trials in that range`,
        );
      out.push({ unit: u, column, trials });
    }
  }
  return out;
}

function plus<K extends string>(
  a: Partial<Record<K, number>>,
  b: Partial<Record<K, number>>,
): Partial<Record<K, number>> {
  const out = { ...a };
  for (const [k, v] of Object.entries(b) as [K, number][]) out[k] = (out[k] ?? 0) + v;
  return out;
}

/** Folds the result `r` of re-deciding `column`'s undecided trials of unit `u` into it (module header). */
export function foldRetry(u: UnitResult, column: ColumnId, r: UnitResult): UnitResult {
  const tried = u.undecided[column] ?? 0;
  const left = r.undecided[column] ?? 0;
  const undecidedTrials = { ...u.undecidedTrials };
  if (left) undecidedTrials[column] = r.undecidedTrials?.[column] ?? [];
  else delete undecidedTrials[column];
  const undecided = { ...u.undecided };
  if (left) undecided[column] = left;
  else delete undecided[column];
  let paretoVia: Partial<Record<ParetoVia, number>> = u.paretoVia;
  if (Object.keys(r.paretoVia).length) {
    paretoVia = plus(u.paretoVia, r.paretoVia);
    paretoVia.undecided = (paretoVia.undecided ?? 0) - tried;
    if (!paretoVia.undecided) delete paretoVia.undecided;
  }
  return {
    ...u,
    counts: plus(u.counts, { [column]: r.counts[column] ?? 0 } as Partial<Record<ColumnId, number>>),
    undecided,
    undecidedTrials,
    unproven: plus(u.unproven ?? {}, r.unproven),
    paretoVia,
    seconds: {
      sampling: u.seconds.sampling + r.seconds.sampling,
      columns: plus(u.seconds.columns, r.seconds.columns),
    },
  };
}

/**
 * Decides a run's undecided trials again with `timeLimitMs` per integer program (module header) and returns the
 * folded run; a run without undecided trials comes back unchanged but for an empty retry record. Throws
 * `bad-run-file` for a run whose units are not its plan's or do not list their undecided trials.
 */
export async function retryUndecided(run: ExperimentRun, opts: RetryOptions): Promise<ExperimentRun> {
  if (!(opts.timeLimitMs > 0)) throw new InvalidInputError('bad-time-limit', `--time-limit: ${opts.timeLimitMs} ms`);
  const work = undecidedOf(run);
  const specs: UnitSpec[] = work.map(({ unit, column, trials }) => ({
    experiment: unit.experiment,
    m: unit.m,
    from: unit.from,
    to: unit.to,
    columns: [column],
    only: trials,
  }));
  const start = performance.now();
  const results = await runUnits(specs, {
    workers: opts.workers ?? 2,
    timeLimitMs: opts.timeLimitMs,
    onProgress: opts.onProgress,
    signal: opts.signal,
  });
  const folded = new Map<UnitResult, UnitResult>();
  work.forEach(({ unit, column }, k) => folded.set(unit, foldRetry(folded.get(unit) ?? unit, column, results[k])));
  const wallSeconds = (performance.now() - start) / 1000;
  const tried = work.reduce((s, w) => s + w.trials.length, 0);
  const left = results.reduce((s, r, k) => s + (r.undecided[work[k].column] ?? 0), 0);
  return {
    ...run,
    units: run.units.map((u) => folded.get(u) ?? u),
    wallSeconds: run.wallSeconds + wallSeconds,
    retries: [
      ...(run.retries ?? []),
      { timeLimitSeconds: opts.timeLimitMs / 1000, tried, decided: tried - left, wallSeconds },
    ],
  };
}
