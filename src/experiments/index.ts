/**
 * The experiment harness of Bai & Gölz, "Envy-Free and Pareto-Optimal Allocations for Agents with Asymmetric Random
 * Valuations" (IJCAI 2022, Section 5 and Appendix F; seed-004 spec 5.8): named protocols, a run cut into
 * deterministic units on a worker pool, shards that merge into exactly the single-run counts, and per-m rows with 95%
 * Jeffreys intervals, compute seconds and the comparison with the authors' reference counts.
 * The CLI face is `fairdiv experiment` (src/cli/experiment.ts).
 *
 * Spreading a run over machines: every shard is an independent process, so any batch scheduler works, e.g.
 *   Kubernetes Indexed Job (completions: 16, completionMode: Indexed), container command
 *     fairdiv experiment bai-golz-fig3 --shard $(JOB_COMPLETION_INDEX)/16 --out /results/s$(JOB_COMPLETION_INDEX).json
 *   Slurm array (#SBATCH --array=0-15)
 *     fairdiv experiment bai-golz-fig3 --shard ${SLURM_ARRAY_TASK_ID}/16 --out s${SLURM_ARRAY_TASK_ID}.json
 * and then `fairdiv experiment merge s*.json --json` prints exactly the counts of a single run.
 */
import { InvalidInputError } from '../core/errors';
import { runUnits, type Progress } from './pool';
import { checkColumns, protocol } from './protocols';
import {
  mergeRuns,
  summarize,
  runFromJson,
  type ExperimentRow,
  type ExperimentRun,
  type ReferenceMatch,
} from './results';
import { planUnits, parseShard, shardUnits, type Shard } from './units';

export {
  protocols,
  protocol,
  columnsAt,
  checkColumns,
  COLUMN_IDS,
  type Protocol,
  type Column,
  type ColumnId,
  type RuleId,
  type PropertyId,
} from './protocols';
export { runUnit, sampleUtilities, trialMatrices, type UnitSpec, type UnitResult, type UnitContext } from './trials';
export { decideEF, decideEF1, AUTHORS_TOLERANCE, type EnvyDecision } from './float-envy';
export {
  decidePareto,
  findPairExchange,
  findSetTrade,
  isParetoImprovement,
  type ParetoDecision,
  type ParetoVia,
  type ParetoSolver,
} from './pareto';
export { roundRobinOwners } from './float-round-robin';
export { planUnits, parseShard, shardUnits, blockSize, type Shard } from './units';
export { runUnits, type Progress, type PoolOptions } from './pool';
export { experimentFigure, type ExperimentFigure } from './figure';
export {
  FIG3_REFERENCE,
  FIG5_REFERENCE,
  FIG6_REFERENCE,
  SYMMETRIC_PEAKS_REFERENCE,
  SYMMETRIC_BETA_REFERENCE,
  type ReferenceCounts,
} from './reference';
export { Mt19937 } from '../stochastic/mt19937';
export { summarize, mergeRuns, runFromJson, type ExperimentRun, type ExperimentRow, type ReferenceMatch };
export { retryUndecided, foldRetry, type RetryOptions } from './retry';
export type { RetryRecord } from './results';

export interface RunOptions {
  /** A subset of the protocol's m values (default all). */
  readonly ms?: readonly number[];
  /** Trials per m (default the protocol's, 1000); the first T trials of the protocol's stream. */
  readonly trials?: number;
  /** Worker threads (default 2; 0 runs inline). */
  readonly workers?: number;
  /** Only these columns (default all of the protocol's). */
  readonly columns?: readonly string[];
  /** Only this shard of the unit plan. */
  readonly shard?: Shard | string;
  readonly timeLimitMs?: number;
  readonly onProgress?: (p: Progress) => void;
  readonly signal?: AbortSignal;
}

/** Runs an experiment (or one shard of it); `summarize` the result for the per-m rows. */
export async function runExperiment(name: string, opts: RunOptions = {}): Promise<ExperimentRun> {
  const p = protocol(name);
  const ms = opts.ms ?? p.ms;
  for (const m of ms)
    if (!Number.isInteger(m) || m < 1) throw new InvalidInputError('bad-m', `--m: ${m} is not a positive integer`);
  const trials = opts.trials ?? p.trials;
  if (!Number.isInteger(trials) || trials < 1)
    throw new InvalidInputError('bad-trials', `--trials: ${trials} is not a positive integer`);
  const shard = typeof opts.shard === 'string' ? parseShard(opts.shard) : opts.shard;
  const columns = opts.columns ? checkColumns(p, opts.columns) : undefined;
  const plan = planUnits(p, ms, trials, columns);
  const units = shard ? shardUnits(plan, shard) : plan;
  const start = performance.now();
  const results = await runUnits(units, {
    workers: opts.workers ?? 2,
    timeLimitMs: opts.timeLimitMs,
    onProgress: opts.onProgress,
    signal: opts.signal,
  });
  return {
    experiment: name,
    ms: [...ms],
    trials,
    ...(columns ? { columns } : {}),
    ...(shard ? { shard } : {}),
    units: results,
    wallSeconds: (performance.now() - start) / 1000,
  };
}
