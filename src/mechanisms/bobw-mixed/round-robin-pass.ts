/**
 * Algorithm 1 of Bu et al. 2024 (Theorem 4.3): at most n indivisible goods and a divisible good d, any
 * additive utilities. In the agent order π each agent takes her favourite remaining good (one pass of
 * round robin; ties by the smallest good id, spec P6), which is EF1 because every bundle has at most one
 * good; water-filling d on top makes it EFM. Over a uniformly random π each position, and so each bundle of
 * agent i's own round-robin baseline, comes to her with probability 1/n: ex-ante PROP.
 */
import type { AgentId, GoodId } from '../../core/instance';
import type { MergedAllocation, MergedProblem } from './problem';
import { noCake } from './problem';
import { waterFill, type WaterFillingStep } from './water-filling';

export interface RoundRobinPassResult {
  readonly allocation: MergedAllocation;
  /** Who took which good, in order (the EF1 allocation before water-filling). */
  readonly picks: readonly { readonly agent: AgentId; readonly good: GoodId }[];
  readonly waterFilling: readonly WaterFillingStep[];
}

/** The favourite good of agent i in the pool (highest value, ties by the smallest id). */
export function favourite(problem: MergedProblem, i: AgentId, pool: readonly GoodId[]): GoodId {
  const v = problem.inst.values[i];
  return pool.reduce((best, g) => (v[g].gt(v[best]) || (v[g].eq(v[best]) && g < best) ? g : best));
}

/** Algorithm 1 for the agent order π (Theorem 4.3; needs at most n indivisible goods). */
export function roundRobinPass(problem: MergedProblem, order: readonly AgentId[]): RoundRobinPassResult {
  const n = problem.inst.n;
  if (problem.goods.length > n)
    throw new Error(`Algorithm 1 needs at most n = ${n} indivisible goods, got ${problem.goods.length}`);
  let pool = [...problem.goods];
  const bundles: GoodId[][] = Array.from({ length: n }, () => []);
  const picks: { agent: AgentId; good: GoodId }[] = [];
  for (const i of order) {
    if (!pool.length) break;
    const g = favourite(problem, i, pool);
    bundles[i].push(g);
    pool = pool.filter((h) => h !== g);
    picks.push({ agent: i, good: g });
  }
  if (!problem.cake) return { allocation: { bundles, cake: noCake(n) }, picks, waterFilling: [] };
  const wf = waterFill(problem.inst, bundles, problem.cake);
  return { allocation: wf.allocation, picks, waterFilling: wf.steps };
}
