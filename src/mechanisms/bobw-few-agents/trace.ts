/**
 * Trace steps of the Babaioff & Frosh mechanisms: every intermediate object (divider partitions, Top sets,
 * re-splits, cases, the six allocations with their roles, the certificates, oracle calls, Algorithm 4's
 * iterations, Theorem 5.1's stages), as plain JSON data with values in each agent's own units.
 *
 * The `divider-pairs` step is the certificate the agent-side verifier reads (`DividerPairRecord`): per divider,
 * the two allocations and each agent's EEFX certificate (Theorems 1.1, 3.2) or candidate partition (Theorem 5.1).
 * It is marked as a certificate (`TraceStep.certificate`), so it travels with the Outcome JSON; it holds only
 * what an agent checks with her own values, and the values and roles of the six allocations are the separate
 * `pair-values` step.
 */
import type { AgentId, GoodId, Instance } from '../../core/instance';
import type { TraceStep } from '../../core/outcome';
import type { DividerPair, RoleAssignment, Triple } from './divider-pair';
import type { OracleLog } from './oracles';
import type { PropPipelineResult } from './prop-pipeline';
import type { Bipartition, TwoAgentResult } from './two-agents';

/** One divider's pair as recorded in the certificate step (the agent-side verifier reads this shape). */
export interface DividerPairRecord {
  readonly divider: AgentId;
  /** '1', '2A', '2B' (Algorithm 1), 'stage-3' or 'adopted' (Theorem 5.1). */
  readonly case: string;
  /** A and A', bundles indexed by agent. */
  readonly allocations: readonly [GoodId[][], GoodId[][]];
  /** cert[x] indexed by agent: a partition containing x's bundle wherever she is not EFX-satisfied (1.1, 3.2). */
  readonly certificates?: readonly GoodId[][][];
  /** cand[x] indexed by agent: the partition x's pair bounds are measured against (Theorem 5.1, Lemma D.3). */
  readonly candidates?: readonly GoodId[][][];
}

/** Each agent's value of her bundle in A and A' of one divider's pair, and the roles (Theorems 1.1, 3.2). */
export interface PairValuesRecord {
  readonly divider: AgentId;
  readonly values: readonly [string[], string[]];
  readonly roles?: readonly [RoleAssignment, RoleAssignment];
}

/** The trace step id the agent-side verifier reads. */
export const DIVIDER_PAIRS_STEP = 'divider-pairs';

/** The certificate step of the three-agent mechanisms (kept in the Outcome JSON). */
function dividerPairsStep(title: string, pairs: readonly DividerPairRecord[]): TraceStep {
  return { id: DIVIDER_PAIRS_STEP, title, data: pairs, certificate: true };
}

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

/** The certificate record of one Algorithm-1 pair. */
export function pairRecord(p: DividerPair): DividerPairRecord {
  return {
    divider: p.divider,
    case: p.case,
    allocations: [[...p.allocations[0]], [...p.allocations[1]]],
    certificates: p.certificates,
  };
}

/** The own values (and roles) of one pair's two allocations. */
function pairValues(
  inst: Instance,
  divider: AgentId,
  allocations: readonly [Triple, Triple],
  roles?: readonly [RoleAssignment, RoleAssignment],
): PairValuesRecord {
  return {
    divider,
    values: [ownValues(inst, allocations[0]), ownValues(inst, allocations[1])],
    ...(roles ? { roles } : {}),
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
    dividerPairsStep(
      'The six allocations (A, A\u2032 per divider) with each agent\u2019s EEFX certificate',
      pairs.map(pairRecord),
    ),
    {
      id: 'pair-values',
      title: 'Each agent\u2019s value in the six allocations, and their roles',
      data: pairs.map((p) => pairValues(inst, p.divider, p.allocations, p.roles)),
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
    dividerPairsStep(
      'The six allocations (A, A\u2032 per divider) and the candidate partitions',
      r.pairs.map((p): DividerPairRecord => ({
        divider: p.divider,
        case: p.source === 'algorithm-1' ? r.stage2[p.divider].case : p.source,
        allocations: [[...p.allocations[0]], [...p.allocations[1]]],
        candidates: p.candidates,
      })),
    ),
    {
      id: 'pair-values',
      title: 'Each agent\u2019s value in the six allocations',
      data: r.pairs.map((p) => pairValues(inst, p.divider, p.allocations)),
    },
    { id: 'oracle-calls', title: 'MMS-partition oracle calls', data: log.calls },
  ];
}
