/**
 * Theorem 5.1 of Babaioff & Frosh (spec section 3.11): exact ex-ante PROP in polynomial time from
 * (1 - eps)-MMS oracles, at the price of EEFX. Five stages on top of Algorithm 1:
 * 1. every agent i computes Q_i = REALLOC(v_i, oracle3(v_i)) and divides with the partition P^i among
 *    Q_0, Q_1, Q_2 whose worst bundle she values most (ties: her own, then the lowest agent);
 * 2. Algorithm 1 with divider d and the preset partition P^d (no REALLOC for v_d);
 * 3. in a Subcase-2.B pair, when the chooser c values the subdivider s's split more than her own (by its worse
 *    half), the two split C^s again with Algorithm 4 (both seeds C^s) and d keeps R^s;
 * 4-5. adoption rounds: an agent x whose worse value as divider is below the worst value of a candidate
 *    partition she has in another pair replaces her own pair by the two picking orders on that partition.
 * Key invariant (Lemma D.3): for all i and d != i, v_i(A^d_i) + v_i(A'^d_i) >= v_i(M) - mu_i(cand[d][i]),
 * and after adoption tau_i >= mu_i(cand[d][i]); the six allocations then sum to >= 2 v_i(M).
 */
import { LimitError } from '../../core/errors';
import type { AgentId, GoodId } from '../../core/instance';
import { realloc } from '../../shares/mms/partitions';
import { dividerPair, type DividerPair, type Triple } from './divider-pair';
import type { OracleSet } from './oracles';
import { twoAgentLottery, type TwoAgentResult } from './two-agents';
import { allGoods, efxSatisfied, union, valueOf, worstValue, type Valuation } from './valuation';

/** Stage 1: each agent's own partition and the one she divides with. */
export interface PartitionChoice {
  readonly agent: AgentId;
  /** Q_i = REALLOC(v_i, oracle3(v_i, M, 3)). */
  readonly own: GoodId[][];
  /** The agent whose Q she divides with (herself on ties). */
  readonly from: AgentId;
  readonly partition: GoodId[][];
}

/** Stage 3: a Subcase-2.B pair re-split by Algorithm 4. */
export interface Stage3Repair {
  readonly divider: AgentId;
  readonly subdivider: AgentId;
  readonly chooser: AgentId;
  /** The goods C^s_1 u C^s_2 re-split between s and c; d keeps R^s. */
  readonly goods: GoodId[];
  readonly kept: GoodId[];
  readonly algorithm4: TwoAgentResult;
}

/** Stages 4-5: one adoption. */
export interface Adoption {
  readonly round: number;
  readonly copier: AgentId;
  /** The pair whose candidate partition she adopted. */
  readonly fromPair: AgentId;
  readonly partition: GoodId[][];
  /** Her worse value as divider before (in her integer units) and the adopted partition's worst value. */
  readonly tauBefore: bigint;
  readonly worst: bigint;
}

/**
 * The spec's pitfall 11, reported and never hidden: the copier is the subdivider of a Stage-3 repair and
 * adopts her own Stage-3 candidate, so the chooser of that pair may receive a half of C^s that is not EFX
 * for her (Lemma D.2 does not cover it). `chooserEfx` says whether she is EFX-satisfied in the two new
 * allocations.
 */
export interface KnownGapEvent {
  readonly copier: AgentId;
  readonly fromPair: AgentId;
  readonly chooser: AgentId;
  readonly chooserEfx: readonly [boolean, boolean];
}

/** A divider's final pair: its allocations and candidate partitions per agent, and where it came from. */
export interface PipelinePair {
  readonly divider: AgentId;
  readonly allocations: readonly [Triple, Triple];
  /** cand[x], indexed by agent. */
  readonly candidates: readonly GoodId[][][];
  readonly source: 'algorithm-1' | 'stage-3' | 'adopted';
}

export interface PropPipelineResult {
  readonly stage1: readonly PartitionChoice[];
  readonly stage2: readonly DividerPair[];
  readonly repairs: readonly Stage3Repair[];
  readonly adoptions: readonly Adoption[];
  /** Adoption rounds run (the last one adopts nothing). */
  readonly rounds: number;
  readonly knownGap: readonly KnownGapEvent[];
  readonly pairs: readonly PipelinePair[];
  readonly allocations: readonly Triple[];
}

/** Which stages run; leaving out Stages 3-5 is the negative control of the spec (section 5). */
export interface PipelineStages {
  readonly repair: boolean;
  readonly adoption: boolean;
}

function triple(entries: readonly [AgentId, GoodId[]][]): Triple {
  const out: GoodId[][] = [[], [], []];
  for (const [agent, bundle] of entries) out[agent] = bundle;
  return out as unknown as Triple;
}

/** Stage 1's choice for agent i: the Q_k with the largest worst value for v_i (ties: her own, then the lowest k). */
function choosePartition(v: Valuation, i: AgentId, Q: readonly GoodId[][][]): PartitionChoice {
  let from = i;
  for (let k = 0; k < Q.length; k++) if (worstValue(v, Q[k]) > worstValue(v, Q[from])) from = k;
  return { agent: i, own: Q[i], from, partition: Q[from] };
}

/** Picking on a partition: the agents in `order` each take their favourite remaining bundle (ties: lowest position). */
function pickInOrder(vals: readonly Valuation[], Q: readonly GoodId[][], order: readonly AgentId[]): Triple {
  const left = Q.map((_, k) => k);
  const entries: [AgentId, GoodId[]][] = [];
  for (const x of order) {
    let best = left[0];
    for (const k of left) if (valueOf(vals[x], Q[k]) > valueOf(vals[x], Q[best])) best = k;
    left.splice(left.indexOf(best), 1);
    entries.push([x, Q[best]]);
  }
  return triple(entries);
}

/** Stage 3 on one Subcase-2.B pair, or null when neither ordering triggers. */
function repair(
  vals: readonly Valuation[],
  pair: Extract<DividerPair, { case: '2B' }>,
): { repair: Stage3Repair; allocations: [Triple, Triple]; candidate: GoodId[][] } | null {
  const d = pair.divider;
  for (const [si, ci] of [
    [0, 1],
    [1, 0],
  ] as const) {
    const s = pair.nonDividers[si];
    const c = pair.nonDividers[ci];
    const Cs = pair.splits[si].C;
    if (!(worstValue(vals[c], Cs) > worstValue(vals[c], pair.splits[ci].C))) continue;
    const R = pair.splits[si].R;
    // [REC?] both seeds are C^s (spec pitfall 9): this makes the Lemma D.3 inequality provable
    const out = twoAgentLottery([vals[s], vals[c]], [Cs, Cs]);
    let allocations: [Triple, Triple];
    if (out.kind === 'envy-free') {
      const Y = triple([
        [s, out.allocation[0]],
        [c, out.allocation[1]],
        [d, R],
      ]);
      allocations = [Y, Y];
    } else {
      const [r0, r1] = out.realizations;
      allocations = [
        triple([
          [s, r0[0]],
          [c, r0[1]],
          [d, R],
        ]),
        triple([
          [s, r1[0]],
          [c, r1[1]],
          [d, R],
        ]),
      ];
    }
    return {
      repair: { divider: d, subdivider: s, chooser: c, goods: union(...Cs), kept: R, algorithm4: out },
      allocations,
      candidate: [Cs[0], Cs[1], R],
    };
  }
  return null;
}

/** The largest number of adoption rounds before giving up (each adoption strictly raises a tau). */
const MAX_ROUNDS = 64;

/**
 * Theorem 5.1 (module header) with oracles `oracles(x)` for agent x's valuation. `stages` can leave out
 * Stage 3 and Stages 4-5 for the spec's negative control; the registered mechanism runs all of them.
 * Adoption rounds are simultaneous (decisions from the state at the start of the round) and repeat until no
 * agent adopts: the paper argues two rounds suffice, the repetition is a safeguard (spec pitfall 10).
 */
export function propPipeline(
  vals: readonly Valuation[],
  oracles: (x: AgentId) => OracleSet,
  stages: PipelineStages = { repair: true, adoption: true },
): PropPipelineResult {
  const m = vals[0].length;
  const M = allGoods(m);
  const Q = [0, 1, 2].map((i) => realloc(vals[i], oracles(i).three(vals[i], M, 3).partition));
  const stage1 = [0, 1, 2].map((i) => choosePartition(vals[i], i, Q));
  const stage2 = [0, 1, 2].map((d) => dividerPair(vals, d, oracles, stage1[d].partition));
  const pairs: PipelinePair[] = stage2.map((p) => ({
    divider: p.divider,
    allocations: p.allocations,
    candidates: p.certificates,
    source: 'algorithm-1',
  }));
  const repairs: Stage3Repair[] = [];
  if (stages.repair)
    for (const p of stage2) {
      if (p.case !== '2B') continue;
      const r = repair(vals, p);
      if (!r) continue;
      repairs.push(r.repair);
      const candidates = [...pairs[p.divider].candidates];
      candidates[r.repair.subdivider] = r.candidate;
      candidates[r.repair.chooser] = r.candidate;
      candidates[p.divider] = stage1[p.divider].partition;
      pairs[p.divider] = { divider: p.divider, allocations: r.allocations, candidates, source: 'stage-3' };
    }

  const adoptions: Adoption[] = [];
  const knownGap: KnownGapEvent[] = [];
  let rounds = 0;
  while (stages.adoption) {
    if (++rounds > MAX_ROUNDS)
      throw new LimitError('adoption-rounds', `propPipeline: adoption did not settle after ${MAX_ROUNDS} rounds`);
    const snapshot = [...pairs];
    const decisions: Adoption[] = [];
    for (const x of [0, 1, 2]) {
      const own = snapshot[x].allocations;
      const tau = [valueOf(vals[x], own[0][x]), valueOf(vals[x], own[1][x])].reduce((a, b) => (b < a ? b : a));
      let best: { d: AgentId; worst: bigint } | null = null;
      for (const d of [0, 1, 2]) {
        if (d === x) continue;
        const worst = worstValue(vals[x], snapshot[d].candidates[x]);
        if (!best || worst > best.worst) best = { d, worst };
      }
      if (best && best.worst > tau)
        decisions.push({
          round: rounds,
          copier: x,
          fromPair: best.d,
          partition: snapshot[best.d].candidates[x],
          tauBefore: tau,
          worst: best.worst,
        });
    }
    if (decisions.length === 0) break;
    for (const a of decisions) {
      const [k, l] = [0, 1, 2].filter((y) => y !== a.copier);
      const A = pickInOrder(vals, a.partition, [k, l, a.copier]);
      const A2 = pickInOrder(vals, a.partition, [l, k, a.copier]);
      const candidates = [...snapshot[a.copier].candidates];
      candidates[k] = a.partition;
      candidates[l] = a.partition;
      pairs[a.copier] = { divider: a.copier, allocations: [A, A2], candidates, source: 'adopted' };
      const gap = repairs.find(
        (r) => r.divider === a.fromPair && r.subdivider === a.copier && snapshot[a.fromPair].source === 'stage-3',
      );
      if (gap) {
        const c = gap.chooser;
        knownGap.push({
          copier: a.copier,
          fromPair: a.fromPair,
          chooser: c,
          chooserEfx: [efxSatisfied(vals[c], A, c), efxSatisfied(vals[c], A2, c)],
        });
      }
      adoptions.push(a);
    }
  }
  const allocations = pairs.flatMap((p) => [p.allocations[0], p.allocations[1]]);
  return { stage1, stage2, repairs, adoptions, rounds, knownGap, pairs, allocations };
}
