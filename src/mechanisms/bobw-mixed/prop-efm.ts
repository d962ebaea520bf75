/**
 * The driver of Theorem 4.1 of Bu et al. 2024 (seed-003 spec 3.7): mixed goods, bi-valued indivisible
 * goods (personalized pairs allowed, divisible goods arbitrary), ex-ante PROP and ex-post EFM over a
 * uniformly random agent order π. A chain of reductions and one per-order step:
 *
 *   merge the divisible goods into d  ->  fix Algorithm 5's EF partial allocation (at most 2n - 2 goods left)
 *   ->  for the order π: Algorithm 1 when at most n goods are left, B.3 Steps 1-4 otherwise (both end with
 *   water-filling d over the residual goods only, spec 7.18).
 *
 * Without a bi-valued declaration but with at most n indivisible goods, Algorithm 1 alone applies
 * (Theorem 4.3, any additive utilities). Everything before the per-order step is independent of π, so the
 * exact lottery over all n! orders computes it once.
 */
import type { AgentId, Instance } from '../../core/instance';
import type { MixedAllocation } from '../../core/mixed-allocation';
import type { TraceStep } from '../../core/outcome';
import { largeTest, type LargeTest } from './bivalued';
import { fixPartialAllocation } from './partial-allocation';
import { mergeDivisibleGoods, type MergedAllocation, type MergedProblem, type Reduction } from './problem';
import { roundRobinPass } from './round-robin-pass';
import { twoPhaseMatching, type TwoPhaseAblation } from './two-phase-matching';

/** The π-independent part of a run: the reductions and the residual problem the order acts on. */
export type PropEfmPlan = {
  readonly steps: readonly TraceStep[];
  readonly residual: MergedProblem;
  lift(a: MergedAllocation): MixedAllocation;
} & ({ readonly theorem: 'Theorem 4.3' } | { readonly theorem: 'Theorem 4.1'; readonly large: LargeTest });

/** The reductions of the driver; Theorem 4.3 (Algorithm 1 alone) when the instance declares no bi-valued domain. */
export function planPropEfm(inst: Instance): PropEfmPlan {
  const merged = mergeDivisibleGoods(inst);
  if (!inst.bivalued) {
    if (merged.reduced.goods.length > inst.n)
      throw new Error('prop-efm: more than n indivisible goods need a bi-valued declaration (Theorem 4.1)');
    return { theorem: 'Theorem 4.3', steps: [merged.step], residual: merged.reduced, lift: merged.lift };
  }
  const large = largeTest(inst);
  const fixed: Reduction<MergedProblem, MergedAllocation, MergedAllocation> = fixPartialAllocation(
    merged.reduced,
    large,
  );
  return {
    theorem: 'Theorem 4.1',
    steps: [merged.step, fixed.step],
    residual: fixed.reduced,
    large,
    lift: (a) => merged.lift(fixed.lift(a)),
  };
}

export interface PropEfmRun {
  readonly allocation: MixedAllocation;
  readonly route: 'algorithm-1' | 'b3';
  readonly trace: readonly TraceStep[];
}

/** The allocation for one agent order π (Algorithm 1 or B.3 on the residual goods, then the lifts). */
export function propEfmForOrder(plan: PropEfmPlan, order: readonly AgentId[], ablation?: TwoPhaseAblation): PropEfmRun {
  const { residual } = plan;
  if (residual.goods.length <= residual.inst.n) {
    const r = roundRobinPass(residual, order);
    const step: TraceStep = {
      id: 'algorithm-1',
      title: 'Algorithm 1: one round-robin pass in the order π, then water-filling',
      data: { order, picks: r.picks, waterFilling: r.waterFilling },
    };
    return { allocation: plan.lift(r.allocation), route: 'algorithm-1', trace: [...plan.steps, step] };
  }
  if (plan.theorem === 'Theorem 4.3') throw new Error('prop-efm: Theorem 4.3 leaves at most n goods');
  const r = twoPhaseMatching(residual, order, plan.large, ablation);
  const step: TraceStep = {
    id: 'b3',
    title:
      'Appendix B.3 Steps 1-4: first phase by matchings, second goods for the first m - n agents of π, then water-filling',
    data: {
      order,
      T: r.group,
      Y: r.groupGoods,
      F: r.firstPhase,
      L: r.secondGood,
      beforeWaterFilling: r.beforeWaterFilling,
      waterFilling: r.waterFilling,
    },
  };
  return { allocation: plan.lift(r.allocation), route: 'b3', trace: [...plan.steps, step] };
}
