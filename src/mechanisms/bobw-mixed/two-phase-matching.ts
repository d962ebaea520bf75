/**
 * Steps 1-4 of Appendix B.3 of Bu et al. 2024 (Lemmas B.7-B.9): n < m <= 2n - 2 bi-valued indivisible goods
 * and a divisible good d; ex-ante PROP and ex-post EFM for a uniformly random agent order π (seed-003 spec
 * 3.6, the paper gives prose only).
 *
 * Step 1: the minimal unmatchable group T with its large goods Y (Algorithm 4); the first m - n agents of π
 * will get a second good. First phase (one good each): the agents outside T are matched into M \ Y (2a),
 * then the agents of T, in the order π, take a good of Y by an augmenting path (3a); the |T| - |Y| agents
 * left over get the smallest-id goods of M \ (Y ∪ F2). Second phase: the chosen agents outside T take their
 * favourite remaining good (2b), then those in T the smallest-id remaining good (3b; every remaining good is
 * small for them). Step 4: water-filling.
 *
 * Decisions (spec 7.1 and 7.2): the phases run 2a, 3a, 2b, 3b, because the paper's literal order (all of
 * Step 2 before Step 3) lets agents outside T take Y's goods first and breaks ex-ante PROP (test B3-LIT);
 * and the goods of the first phase form a set F that does not depend on π, which the PROP proof for agents
 * outside T needs (Definition B.10).
 */
import type { AgentId, GoodId } from '../../core/instance';
import type { LargeTest } from './bivalued';
import { augmentFrom, bGraph, Matching, maxMatching, minimalUnmatchableGroup } from './matching';
import type { MergedAllocation, MergedProblem } from './problem';
import { noCake } from './problem';
import { favourite } from './round-robin-pass';
import { waterFill, type WaterFillingStep } from './water-filling';

/** The paper's literal step order (2a, 2b, 3a, 3b): a negative control for the tests (spec 5.6 S-ABLATE). */
export type TwoPhaseAblation = 'literal-order';

export interface TwoPhaseMatchingResult {
  readonly allocation: MergedAllocation;
  /** T, Y, the first-phase goods F and the agents L that get a second good. */
  readonly group: readonly AgentId[];
  readonly groupGoods: readonly GoodId[];
  readonly firstPhase: readonly GoodId[];
  readonly secondGood: readonly AgentId[];
  /** The indivisible allocation before water-filling (EF1). */
  readonly beforeWaterFilling: readonly (readonly GoodId[])[];
  readonly waterFilling: readonly WaterFillingStep[];
}

/** B.3 Steps 1-4 for the agent order π. */
export function twoPhaseMatching(
  problem: MergedProblem,
  order: readonly AgentId[],
  large: LargeTest,
  ablation?: TwoPhaseAblation,
): TwoPhaseMatchingResult {
  const n = problem.inst.n;
  const m = problem.goods.length;
  if (m <= n || m > 2 * n - 2) throw new Error(`B.3 needs n < m <= 2n - 2 indivisible goods, got n = ${n}, m = ${m}`);
  const agents = Array.from({ length: n }, (_, i) => i);
  const bundles: GoodId[][] = agents.map(() => []);
  const { group, neighbourhood } = minimalUnmatchableGroup(agents, problem.goods, large);
  const inT = new Set(group);
  const Y = new Set(neighbourhood);
  const secondGood = order.slice(0, m - n);
  const taken = new Set<GoodId>();
  const give = (i: AgentId, g: GoodId) => {
    bundles[i].push(g);
    taken.add(g);
  };
  const pool = () => problem.goods.filter((g) => !taken.has(g));

  // 2a: the agents outside T, matched into M \ Y (perfect by Z3; independent of π)
  const outside = agents.filter((i) => !inT.has(i));
  const mu = maxMatching(
    bGraph(
      outside,
      problem.goods.filter((g) => !Y.has(g)),
      large,
    ),
  );
  if (mu.size !== outside.length)
    throw new Error('B.3 Step 2: no perfect matching of N \\ T into M \\ Y (property Z3)');
  for (const i of outside) give(i, mu.ofLeft.get(i)!);
  const F2 = outside.map((i) => mu.ofLeft.get(i)!);

  const secondPhaseOutside = () => {
    for (const i of secondGood) if (!inT.has(i)) give(i, favourite(problem, i, pool()));
  };
  if (ablation === 'literal-order') secondPhaseOutside();

  // 3a: the agents of T in the order π take goods of Y by augmenting paths; the rest get π-independent goods
  const nu = new Matching();
  const available = new Set([...Y].filter((g) => !taken.has(g)));
  const neighbours = (i: number) => problem.goods.filter((g) => available.has(g) && large(i, g));
  const skipped = order.filter((i) => inT.has(i) && !augmentFrom(i, neighbours, nu, available));
  if (!ablation && nu.size !== Y.size) throw new Error('B.3 Step 3: the group does not take all of Y (Lemma B.7)');
  for (const [i, g] of nu.ofLeft) give(i, g);
  const arbitrary = ablation
    ? pool().slice(0, skipped.length)
    : problem.goods.filter((g) => !Y.has(g) && !F2.includes(g)).slice(0, skipped.length);
  skipped.forEach((i, k) => give(i, arbitrary[k]));
  const firstPhase = [...F2, ...nu.ofGood.keys(), ...arbitrary].sort((x, y) => x - y);

  if (!ablation) secondPhaseOutside();
  // 3b: the chosen agents of T take the smallest-id remaining good
  for (const i of secondGood) if (inT.has(i)) give(i, pool()[0]);

  const beforeWaterFilling = bundles.map((b) => [...b].sort((x, y) => x - y));
  const base = { group, groupGoods: neighbourhood, firstPhase, secondGood, beforeWaterFilling };
  if (!problem.cake) return { ...base, allocation: { bundles: beforeWaterFilling, cake: noCake(n) }, waterFilling: [] };
  const wf = waterFill(problem.inst, beforeWaterFilling, problem.cake);
  return { ...base, allocation: wf.allocation, waterFilling: wf.steps };
}
