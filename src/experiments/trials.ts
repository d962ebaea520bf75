/**
 * One unit of an experiment: trials [from, to) at one m (seed-004 spec 3.14). Each trial samples the n × m utility
 * matrix agent by agent, runs every rule the columns at m need on the same matrix, and decides the properties: EF and
 * EF1 exactly on the doubles (float-envy.ts), PO by certificate, exchange or integer program (pareto.ts). A unit is
 * deterministic: the same (experiment, m, from, to) gives the same counts in any process, which is what makes shards
 * mergeable into exactly the single-run result.
 */
import { LimitError } from '../core/errors';
import { Instance } from '../core/instance';
import { Rational } from '../core/rational';
import { floatMultiplierOwners } from '../mechanisms/multipliers/allocation';
import { floatFisherEquilibrium } from '../mechanisms/multipliers/fisher-market';
import { exactMaxNashWelfare } from '../mechanisms/multipliers/nash-welfare';
import type { Rng } from '../core/rng';
import type { DensityDistribution } from '../stochastic/density';
import { NumpyRandomState } from '../stochastic/numpy-random-state';
import { distributionPreset } from '../stochastic/presets';
import { decideEF, decideEF1 } from './float-envy';
import { roundRobinOwners } from './float-round-robin';
import { decidePareto, type ParetoSolver, type ParetoVia } from './pareto';
import { columnsAt, protocol, type ColumnId, type Protocol, type RuleId } from './protocols';

/** A unit of work. */
export interface UnitSpec {
  readonly experiment: string;
  readonly m: number;
  readonly from: number;
  readonly to: number;
  /** Only these columns (default all of the protocol's). */
  readonly columns?: readonly ColumnId[];
  /** Only these trials of [from, to) (default all); `retryUndecided` re-decides a run's undecided trials this way. */
  readonly only?: readonly number[];
}

/** What a unit counts (plain JSON, summed when units are merged). */
export interface UnitResult extends UnitSpec {
  /** Trials in which the column's property holds (exactly decided). */
  readonly counts: Partial<Record<ColumnId, number>>;
  /** Trials whose property could not be decided (PO: solver limits; integral MNW without a solver). */
  readonly undecided: Partial<Record<ColumnId, number>>;
  /**
   * The undecided trials themselves (indices in the stream at m, ascending), so that `retryUndecided` can decide them
   * later with more time. Absent in run files of fairdiv before 2026-12-05.
   */
  readonly undecidedTrials?: Partial<Record<ColumnId, number[]>>;
  /** Trials counted from an allocation not proven to be the rule's (integral MNW from HiGHS and local search). */
  readonly unproven: Partial<Record<ColumnId, number>>;
  /** Trials where the exact EF/EF1 decision differs from the authors' 1e-9 tolerance test. */
  readonly toleranceDisagreements: Partial<Record<ColumnId, number>>;
  /** How the PO decisions were reached. */
  readonly paretoVia: Partial<Record<ParetoVia, number>>;
  /** Comparisons the float filter left to exact arithmetic. */
  readonly closeCalls: number;
  /** Compute seconds: sampling, and per column (its check plus its share of the rule's time). */
  readonly seconds: { readonly sampling: number; readonly columns: Partial<Record<ColumnId, number>> };
}

/** What a unit needs besides its spec: the PO and MNW solvers (HiGHS in the worker) and the exact-MNW search limit. */
export interface UnitContext {
  readonly paretoSolver?: ParetoSolver;
  /** Integral MNW beyond the exact search (HiGHS, piecewise-linear log, polished; unproven). */
  readonly nashSolver?: (U: readonly Float64Array[]) => Int32Array | null;
  /**
   * Node budget of the exact integral MNW search (default 2·10^6, a few seconds); a trial whose search runs out goes
   * to `nashSolver` and counts as unproven.
   */
  readonly integralMnwNodes?: number;
}

/** The utility matrix of one trial: agent by agent, m values each (NumPy `vstack([d.sample(m) for d in dists])`). */
export function sampleUtilities(agents: readonly DensityDistribution[], m: number, rng: Rng): Float64Array[] {
  return agents.map((d) => {
    const row = new Float64Array(m);
    for (let g = 0; g < m; g++) row[g] = d.sample(rng);
    return row;
  });
}

/** A generator of the trial matrices [from, to) of protocol p at m (module header of protocols.ts). */
export function* trialMatrices(
  p: Protocol,
  agents: readonly DensityDistribution[],
  m: number,
  from: number,
  to: number,
): Generator<Float64Array[]> {
  const rng = new NumpyRandomState(m);
  // two 32-bit outputs per double
  if (p.drawsPerValue !== undefined) rng.discard(from * agents.length * m * p.drawsPerValue * 2);
  else for (let t = 0; t < from; t++) sampleUtilities(agents, m, rng);
  for (let t = from; t < to; t++) yield sampleUtilities(agents, m, rng);
}

function now(): number {
  return performance.now() / 1000;
}

function add<K extends string>(rec: Partial<Record<K, number>>, key: K, x: number): void {
  rec[key] = (rec[key] ?? 0) + x;
}

/** Runs one unit (module header). */
export function runUnit(spec: UnitSpec, ctx: UnitContext = {}): UnitResult {
  const p = protocol(spec.experiment);
  const agents = distributionPreset(p.preset).agents;
  const n = agents.length;
  const cols = columnsAt(p, spec.m, spec.columns);
  const rules = [...new Set(cols.map((c) => c.rule))];
  const share = new Map<RuleId, number>(rules.map((r) => [r, cols.filter((c) => c.rule === r).length]));
  const counts: Partial<Record<ColumnId, number>> = {};
  const undecided: Partial<Record<ColumnId, number>> = {};
  const undecidedTrials: Partial<Record<ColumnId, number[]>> = {};
  const notDecided = (c: ColumnId, trial: number) => {
    add(undecided, c, 1);
    (undecidedTrials[c] ??= []).push(trial);
  };
  const only = spec.only && new Set(spec.only);
  const unproven: Partial<Record<ColumnId, number>> = {};
  const toleranceDisagreements: Partial<Record<ColumnId, number>> = {};
  const paretoVia: Partial<Record<ParetoVia, number>> = {};
  const columnSeconds: Partial<Record<ColumnId, number>> = {};
  for (const c of cols) counts[c.id] = 0;
  let closeCalls = 0;
  let sampling = 0;
  const ones = new Array<number>(n).fill(1);
  const matrices = trialMatrices(p, agents, spec.m, spec.from, spec.to);
  for (let trial = spec.from; ; trial++) {
    let t0 = now();
    const next = matrices.next();
    sampling += now() - t0;
    if (next.done) break;
    if (only && !only.has(trial)) continue;
    const U = next.value;
    const owners = new Map<RuleId, ArrayLike<number> | null>();
    let mnwProven = true;
    for (const rule of rules) {
      t0 = now();
      let owner: ArrayLike<number> | null;
      switch (rule) {
        case 'multiplier':
          owner = floatMultiplierOwners(U, p.multipliers ?? ones);
          break;
        case 'welfare-max':
          owner = floatMultiplierOwners(U, ones);
          break;
        case 'round-robin':
          owner = roundRobinOwners(U);
          break;
        case 'rounded-mnw':
          owner = floatFisherEquilibrium(U).rounded;
          break;
        case 'integral-mnw':
          try {
            owner = exactMaxNashWelfare(new Instance(U.map((row) => Array.from(row, (v) => Rational.fromNumber(v)))), {
              maxNodes: ctx.integralMnwNodes ?? 2_000_000,
            }).allocation.owners();
          } catch (e) {
            if (!(e instanceof LimitError && e.code === 'node-budget')) throw e;
            owner = ctx.nashSolver?.(U) ?? null;
            mnwProven = false;
          }
          break;
      }
      owners.set(rule, owner);
      const dt = (now() - t0) / share.get(rule)!;
      for (const c of cols) if (c.rule === rule) add(columnSeconds, c.id, dt);
    }
    for (const c of cols) {
      const owner = owners.get(c.rule)!;
      if (owner === null) {
        notDecided(c.id, trial);
        continue;
      }
      if (c.rule === 'integral-mnw' && !mnwProven) add(unproven, c.id, 1);
      t0 = now();
      if (c.property === 'po') {
        const d = decidePareto(U, owner, ctx.paretoSolver);
        add(paretoVia, d.via, 1);
        if (d.po === null) notDecided(c.id, trial);
        else if (d.po) add(counts, c.id, 1);
      } else {
        const d = c.property === 'ef' ? decideEF(U, owner) : decideEF1(U, owner);
        closeCalls += d.closeCalls;
        if (d.exact) add(counts, c.id, 1);
        if (d.exact !== d.tolerance) add(toleranceDisagreements, c.id, 1);
      }
      add(columnSeconds, c.id, now() - t0);
    }
  }
  return {
    ...spec,
    counts,
    undecided,
    undecidedTrials,
    unproven,
    toleranceDisagreements,
    paretoVia,
    closeCalls,
    seconds: { sampling, columns: columnSeconds },
  };
}
