/**
 * Algorithm 5 of Bu et al. 2024 (Appendix B.2, Lemmas B.5 and B.6): a deterministic envy-free partial
 * allocation of bi-valued indivisible goods that leaves at most 2n - 2 of them (seed-003 spec 3.5).
 *
 * Each round removes the current minimal unmatchable group Z (Algorithm 4) together with its large goods
 * Γ(Z), then gives every other remaining agent one large good by a perfect matching, and reserves one good
 * per removed agent (cnt). Rounds continue while at least cnt + n goods remain. At the end every agent is
 * topped up to t goods (t = completed rounds) from the remaining goods; every good handed out from the
 * round an agent was removed on is small for her (Z4), which makes the partial allocation EF.
 *
 * As a reduction: the partial allocation is fixed, the residual problem is the goods Y ∪ V left over (the
 * groups' large goods and the rest) with the same divisible good, and the lift adds the fixed bundles.
 * EF composes with EFM, and PROP with PROP (spec 3.5; water-filling runs on the residual only, 7.18).
 */
import type { AgentId, GoodId } from '../../core/instance';
import type { LargeTest } from './bivalued';
import { bGraph, maxMatching, minimalUnmatchableGroup } from './matching';
import type { MergedAllocation, MergedProblem, Reduction } from './problem';

/** One round of Algorithm 5: the group removed and the goods matched to the other agents. */
export interface PartialAllocationRound {
  readonly group: readonly AgentId[];
  readonly groupGoods: readonly GoodId[];
  readonly matched: readonly { readonly agent: AgentId; readonly good: GoodId }[];
}

export interface PartialAllocation {
  readonly bundles: readonly (readonly GoodId[])[];
  /** T: every agent that was in some group. */
  readonly removed: readonly AgentId[];
  /** Y: the groups' large goods. */
  readonly groupGoods: readonly GoodId[];
  /** V: the goods left after the fill. */
  readonly rest: readonly GoodId[];
  /** t: the number of completed rounds; every bundle has t goods. */
  readonly rounds: number;
  readonly trace: readonly PartialAllocationRound[];
}

/** Algorithm 5 on the goods of a problem (deterministic). */
export function envyFreePartialAllocation(problem: MergedProblem, large: LargeTest): PartialAllocation {
  const n = problem.inst.n;
  const agents = Array.from({ length: n }, (_, i) => i);
  const bundles: GoodId[][] = agents.map(() => []);
  const removed = new Set<AgentId>();
  const groupGoods: GoodId[] = [];
  const trace: PartialAllocationRound[] = [];
  let pool = [...problem.goods].sort((x, y) => x - y);
  let cnt = 0;
  let t = 1;
  while (pool.length >= cnt + n) {
    const remaining = agents.filter((i) => !removed.has(i));
    const { group, neighbourhood } = minimalUnmatchableGroup(remaining, pool, large);
    group.forEach((i) => removed.add(i));
    groupGoods.push(...neighbourhood);
    pool = pool.filter((g) => !neighbourhood.includes(g));
    if (pool.length < cnt + n) {
      trace.push({ group, groupGoods: neighbourhood, matched: [] });
      break;
    }
    const others = agents.filter((i) => !removed.has(i));
    const mu = maxMatching(bGraph(others, pool, large));
    if (mu.size !== others.length)
      throw new Error('Algorithm 5: the agents outside the groups have no perfect matching (property Z3)');
    const matched = others.map((i) => ({ agent: i, good: mu.ofLeft.get(i)! }));
    for (const { agent, good } of matched) bundles[agent].push(good);
    const taken = new Set(matched.map((m) => m.good));
    pool = pool.filter((g) => !taken.has(g));
    trace.push({ group, groupGoods: neighbourhood, matched });
    cnt += removed.size;
    t += 1;
  }
  const rounds = t - 1;
  // the fill: agents by increasing id, goods by increasing id (reference tie-break)
  for (const i of agents) {
    const need = rounds - bundles[i].length;
    bundles[i].push(...pool.slice(0, need));
    pool = pool.slice(need);
  }
  return {
    bundles: bundles.map((b) => [...b].sort((x, y) => x - y)),
    removed: [...removed].sort((x, y) => x - y),
    groupGoods: [...groupGoods].sort((x, y) => x - y),
    rest: pool,
    rounds,
    trace,
  };
}

/** Algorithm 5 as a reduction: fix its EF partial allocation, leave Y ∪ V (and d) to the next step. */
export function fixPartialAllocation(
  problem: MergedProblem,
  large: LargeTest,
): Reduction<MergedProblem, MergedAllocation, MergedAllocation> & { readonly partial: PartialAllocation } {
  const partial = envyFreePartialAllocation(problem, large);
  const residual = [...partial.groupGoods, ...partial.rest].sort((x, y) => x - y);
  return {
    partial,
    reduced: { inst: problem.inst, goods: residual, cake: problem.cake },
    lift: (a) => ({
      bundles: a.bundles.map((b, i) => [...partial.bundles[i], ...b].sort((x, y) => x - y)),
      cake: a.cake,
    }),
    step: {
      id: 'partial-allocation',
      title: `Algorithm 5: an envy-free partial allocation of ${partial.rounds} goods per agent`,
      text: `groups removed: ${partial.removed.length ? partial.removed.join(', ') : 'none'}; left for the next step: ${residual.length} goods (at most 2n - 2 = ${2 * problem.inst.n - 2})`,
      data: partial,
    },
  };
}
