/**
 * Trace steps of the Babaioff & Frosh mechanisms: every intermediate object (divider partitions, Top sets,
 * re-splits, cases, the six allocations with their roles, the certificates, oracle calls, Algorithm 4's
 * iterations, Theorem 5.1's stages), as plain JSON data with values in each agent's own units.
 *
 * The `divider-pairs` step is also what the agent-side verifier reads (`DividerPairRecord`): per divider, the
 * two allocations and, where the theorem gives them, each agent's EEFX certificate.
 */
import type { AgentId, GoodId, Instance } from '../../core/instance';
import type { TraceStep } from '../../core/outcome';
import type { DividerPair, RoleAssignment, Triple } from './divider-pair';
import type { OracleLog } from './oracles';
import type { PropPipelineResult } from './prop-pipeline';
import type { Bipartition, TwoAgentResult } from './two-agents';

/** One divider's pair as recorded in the trace (the agent-side verifier reads this shape). */
export interface DividerPairRecord {
  readonly divider: AgentId;
  /** '1', '2A', '2B' (Algorithm 1), 'stage-3' or 'adopted' (Theorem 5.1). */
  readonly case: string;
  /** A and A', bundles indexed by agent. */
  readonly allocations: readonly [GoodId[][], GoodId[][]];
  /** Each agent's value of her bundle in A and A'. */
  readonly values: readonly [string[], string[]];
  readonly roles?: readonly [RoleAssignment, RoleAssignment];
  /** cert[x] indexed by agent: a partition containing x's bundle wherever she is not EFX-satisfied. */
  readonly certificates?: readonly GoodId[][][];
}

/** The trace step id the agent-side verifier reads. */
export const DIVIDER_PAIRS_STEP = 'divider-pairs';

function bundleValues(inst: Instance, x: AgentId, bundles: readonly (readonly GoodId[])[]): string[] {
  return bundles.map((b) => inst.value(x, b).toString());
}

function ownValues(inst: Instance, T: Triple | readonly GoodId[][]): string[] {
  return T.map((b, i) => inst.value(i, b).toString());
}

/** The divider's partition and her Algorithm-1 details. */
function pairDetail(inst: Instance, p: DividerPair): Record<string, unknown> {
  const base = {
    divider: p.divider,
    case: p.case,
    partition: p.partition,
    partitionValues: [0, 1, 2].map((x) => bundleValues(inst, x, p.partition)),
    oracle: p.oracle ? { method: p.oracle.method, exact: p.oracle.exact, eps: p.oracle.eps.toString() } : 'preset',
    top: { [p.nonDividers[0]]: p.top[0], [p.nonDividers[1]]: p.top[1] },
  };
  if (p.case === '1') return { ...base, positions: p.positions };
  const splits = p.splits.map((s) => ({
    agent: s.agent,
    j: s.j,
    C: s.C,
    R: s.R,
    values: { C: bundleValues(inst, s.agent, s.C), R: inst.value(s.agent, s.R).toString() },
    tried: s.tried.map((t) => ({
      j: t.j,
      bundles: t.repartition.bundles,
      guardKeptInput: t.repartition.guardKeptInput,
      oracle: t.repartition.oracle.method,
    })),
  }));
  return p.case === '2A' ? { ...base, t: p.t, splits, cond: p.cond } : { ...base, t: p.t, splits };
}

/** The record of one Algorithm-1 pair. */
export function pairRecord(inst: Instance, p: DividerPair): DividerPairRecord {
  return {
    divider: p.divider,
    case: p.case,
    allocations: [[...p.allocations[0]], [...p.allocations[1]]],
    values: [ownValues(inst, p.allocations[0]), ownValues(inst, p.allocations[1])],
    roles: p.roles,
    certificates: p.certificates,
  };
}

/** Trace of Theorem 1.1 / 3.2: Algorithm 1 per divider, the six allocations with certificates, the oracle calls. */
export function threeAgentTrace(inst: Instance, pairs: readonly DividerPair[], log: OracleLog): TraceStep[] {
  return [
    {
      id: 'algorithm-1',
      title: 'Algorithm 1 per divider: partition, Top sets, case, re-splits',
      data: pairs.map((p) => pairDetail(inst, p)),
    },
    {
      id: DIVIDER_PAIRS_STEP,
      title: 'The six allocations (A, A\u2032 per divider) with roles and EEFX certificates',
      data: pairs.map((p) => pairRecord(inst, p)),
    },
    { id: 'oracle-calls', title: 'MMS-partition oracle calls', data: log.calls },
  ];
}

/** The iterations of Algorithm 4 (or its [Bu+24] variant) as plain data. */
export function twoAgentSteps(result: TwoAgentResult): Record<string, unknown>[] {
  return result.steps.map((s) => ({ X: s.X, action: s.action }));
}

/** Trace of a two-agent run: the seeds, the loop's iterations and the result. */
export function twoAgentTrace(
  inst: Instance,
  seeds: readonly [Bipartition, Bipartition],
  result: TwoAgentResult,
  log: OracleLog,
): TraceStep[] {
  const seedData = seeds.map((P, i) => ({ agent: i, partition: P, values: bundleValues(inst, i, P) }));
  const out =
    result.kind === 'envy-free'
      ? { kind: result.kind, allocation: result.allocation, values: ownValues(inst, [...result.allocation]) }
      : {
          kind: result.kind,
          X: result.X,
          realizations: result.realizations,
          values: result.realizations.map((r) => ownValues(inst, [...r])),
        };
  return [
    { id: 'seeds', title: 'Input bipartitions P^i', data: seedData },
    { id: 'iterations', title: 'Loop iterations (X^0, X^1 and the action taken)', data: twoAgentSteps(result) },
    { id: 'result', title: 'Result', data: out },
    { id: 'oracle-calls', title: 'MMS-partition oracle calls', data: log.calls },
  ];
}

/** Trace of Theorem 5.1: each stage, the final pairs, and the pitfall-11 events (empty unless it happened). */
export function pipelineTrace(inst: Instance, r: PropPipelineResult, log: OracleLog): TraceStep[] {
  return [
    {
      id: 'stage-1',
      title: 'Stage 1: each agent\u2019s REALLOC partition and the partition she divides with',
      data: r.stage1,
    },
    {
      id: 'stage-2',
      title: 'Stage 2: Algorithm 1 with the chosen partitions',
      data: r.stage2.map((p) => pairDetail(inst, p)),
    },
    {
      id: 'stage-3',
      title: 'Stage 3: Subcase-2.B pairs re-split by Algorithm 4',
      data: r.repairs.map((x) => ({
        divider: x.divider,
        subdivider: x.subdivider,
        chooser: x.chooser,
        goods: x.goods,
        kept: x.kept,
        result: x.algorithm4.kind,
        iterations: twoAgentSteps(x.algorithm4),
      })),
    },
    {
      id: 'adoptions',
      title: `Stages 4-5: adoptions (${r.rounds} rounds)`,
      data: r.adoptions.map((a) => ({
        round: a.round,
        copier: a.copier,
        fromPair: a.fromPair,
        partition: a.partition,
      })),
    },
    {
      id: 'known-gap',
      title: 'Spec pitfall 11: a subdivider adopted her own Stage-3 candidate (reported, never hidden)',
      text: r.knownGap.length
        ? 'the chooser of that pair may not be EFX-satisfied; the role check decides'
        : 'did not occur',
      data: r.knownGap,
    },
    {
      id: DIVIDER_PAIRS_STEP,
      title: 'The six allocations (A, A\u2032 per divider) and the candidate partitions',
      data: r.pairs.map((p): DividerPairRecord & { candidates: readonly GoodId[][][] } => ({
        divider: p.divider,
        case: p.source === 'algorithm-1' ? r.stage2[p.divider].case : p.source,
        allocations: [[...p.allocations[0]], [...p.allocations[1]]],
        values: [ownValues(inst, p.allocations[0]), ownValues(inst, p.allocations[1])],
        candidates: p.candidates,
      })),
    },
    { id: 'oracle-calls', title: 'MMS-partition oracle calls', data: log.calls },
  ];
}
