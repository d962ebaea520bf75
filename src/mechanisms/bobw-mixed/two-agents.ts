/**
 * Algorithm 3 of Bu et al. 2024 (Theorem 3.2): two agents, indivisible goods, a lottery with at most two
 * allocations that is ex-ante EF and ex-post EFX (seed-003 spec 3.2). Agents are 0 and 1 (the paper's 1, 2).
 *
 * Each agent i computes an EFX partition A^i = (poorer, richer) of the items under her own utility by
 * LocalSearch. If some partition is balanced for its builder, or the other agent weakly prefers its poorer
 * bundle, the other agent picks from it: one EF allocation (lines 3/7). Otherwise, while the other agent's
 * gap in A^i is smaller than her own partition's, she re-runs LocalSearch from A^i (line 5); if her new
 * partition is EFX for i too, both use it (line 10). Finally each realization lets the other agent pick
 * the richer bundle of A^i, with probability 1/2 each (lines 10/11): each agent's loss in her own
 * realization is covered by her gain in the other, which is ex-ante EF.
 */
import { Rational } from '../../core/rational';
import { localSearch, type LocalSearchMove, type Partition } from './local-search';

export type TwoAgents = 0 | 1;
/** The items of agent 0 and of agent 1. */
export type TwoAgentAllocation = readonly [readonly number[], readonly number[]];
/** u(agent, item). */
export type TwoAgentUtility = (agent: TwoAgents, item: number) => Rational;

/** One step of the run: a LocalSearch, for the trace. */
export interface TwoAgentStep {
  readonly line: number;
  readonly agent: TwoAgents;
  readonly partition: Partition;
  readonly moves: readonly LocalSearchMove[];
}

/** The two ways Algorithm 3 ends. */
export type TwoAgentResult =
  | {
      readonly case: 'deterministic';
      readonly line: 3 | 7;
      /** The agent whose partition the other picked from. */
      readonly builtBy: TwoAgents;
      readonly partition: Partition;
      readonly allocation: TwoAgentAllocation;
      readonly steps: readonly TwoAgentStep[];
    }
  | {
      readonly case: 'coin';
      readonly line: 10 | 11;
      /** A^0 and A^1 (equal after line 10). */
      readonly partitions: readonly [Partition, Partition];
      /** Realization i: agent 1 - i picks the richer bundle of A^i; probability 1/2 each. */
      readonly allocations: readonly [TwoAgentAllocation, TwoAgentAllocation];
      readonly steps: readonly TwoAgentStep[];
    };

const other = (i: TwoAgents): TwoAgents => (i === 0 ? 1 : 0);

function value(u: TwoAgentUtility, agent: TwoAgents, items: readonly number[]): Rational {
  return Rational.sum(items.map((g) => u(agent, g)));
}

/**
 * Pick(P, picker, other): the picker takes the bundle she strictly prefers; when indifferent, the bundle
 * the other agent values less, and on a second tie the poorer bundle (spec 7.20: the non-picker then gets
 * her preferred bundle, and any choice keeps EF and EFX).
 */
export function pick(u: TwoAgentUtility, p: Partition, picker: TwoAgents): TwoAgentAllocation {
  const byPicker = value(u, picker, p.richer).cmp(value(u, picker, p.poorer));
  const byOther = value(u, other(picker), p.richer).cmp(value(u, other(picker), p.poorer));
  const takesRicher = byPicker > 0 || (byPicker === 0 && byOther < 0);
  const [mine, theirs] = takesRicher ? [p.richer, p.poorer] : [p.poorer, p.richer];
  return picker === 0 ? [mine, theirs] : [theirs, mine];
}

/** u_j(poorer) >= u_j(richer) or, for the builder, equality: the partition of lines 2 and 6 that ends the run. */
function endsRun(u: TwoAgentUtility, p: Partition, builder: TwoAgents): boolean {
  return (
    value(u, builder, p.poorer).eq(value(u, builder, p.richer)) ||
    value(u, other(builder), p.poorer).ge(value(u, other(builder), p.richer))
  );
}

function gap(u: TwoAgentUtility, agent: TwoAgents, p: Partition): Rational {
  return value(u, agent, p.richer).sub(value(u, agent, p.poorer));
}

/** Is the partition EFX under u_agent (line 8): u(poorer) >= u(richer) - min over the richer bundle? */
function efxFor(u: TwoAgentUtility, agent: TwoAgents, p: Partition): boolean {
  if (p.richer.length === 0) return true;
  const least = p.richer.reduce((m, g) => (u(agent, g).lt(m) ? u(agent, g) : m), u(agent, p.richer[0]));
  return value(u, agent, p.poorer).ge(value(u, agent, p.richer).sub(least));
}

/** Algorithm 3 on `items` for two agents (Theorem 3.2); the loop runs at most 2m + 2 times (spec 4.6). */
export function twoAgentEfEfx(items: readonly number[], u: TwoAgentUtility): TwoAgentResult {
  const steps: TwoAgentStep[] = [];
  const search = (line: number, agent: TwoAgents, from: Partition): Partition => {
    const r = localSearch(from.poorer, from.richer, (g) => u(agent, g));
    steps.push({ line, agent, partition: r.partition, moves: r.moves });
    return r.partition;
  };
  const A: [Partition, Partition] = [
    search(1, 0, { poorer: [], richer: items }),
    search(1, 1, { poorer: [], richer: items }),
  ];
  const deterministic = (line: 3 | 7): TwoAgentResult | null => {
    for (const i of [0, 1] as const)
      if (endsRun(u, A[i], i))
        return { case: 'deterministic', line, builtBy: i, partition: A[i], allocation: pick(u, A[i], other(i)), steps };
    return null;
  };
  const coin = (line: 10 | 11): TwoAgentResult => ({
    case: 'coin',
    line,
    partitions: [A[0], A[1]],
    allocations: [pick(u, A[0], 1), pick(u, A[1], 0)],
    steps,
  });
  const first = deterministic(3);
  if (first) return first;
  const cap = 2 * items.length + 2;
  for (let round = 0; ; round++) {
    const i = ([0, 1] as const).find((k) => gap(u, other(k), A[k]).lt(gap(u, other(k), A[other(k)])));
    if (i === undefined) break;
    if (round === cap) throw new Error(`Algorithm 3: the loop ran more than ${cap} times`);
    A[other(i)] = search(5, other(i), A[i]);
    const ended = deterministic(7);
    if (ended) return ended;
    if (efxFor(u, i, A[other(i)])) {
      A[i] = A[other(i)];
      return coin(10);
    }
  }
  return coin(11);
}
