/**
 * The shape every algorithm of this folder works on, and the reductions that connect them (style: reductions
 * as values). A mixed instance becomes indivisible goods plus one merged divisible good d with
 * u_i(d) = u_i(D) (spec P1: every algorithm here splits all divisible goods in the same proportions).
 */
import type { TraceStep } from '../../core/outcome';
import type { GoodId, Instance } from '../../core/instance';
import { MixedAllocation } from '../../core/mixed-allocation';
import { Rational } from '../../core/rational';

/** Indivisible goods (instance ids) and the merged divisible good's value w_i per agent, or null when D = ∅. */
export interface MergedProblem {
  readonly inst: Instance;
  readonly goods: readonly GoodId[];
  readonly cake: readonly Rational[] | null;
}

/** Indivisible bundles (instance ids) and each agent's fraction of the merged divisible good. */
export interface MergedAllocation {
  readonly bundles: readonly (readonly GoodId[])[];
  readonly cake: readonly Rational[];
}

/**
 * A reduction (Allocations.jl style): the smaller problem, the map from its solutions back to solutions of
 * the original problem, and one trace step saying what was done.
 */
export interface Reduction<Reduced, ReducedSolution, Solution> {
  readonly reduced: Reduced;
  lift(solution: ReducedSolution): Solution;
  readonly step: TraceStep;
}

/**
 * Merges the divisible goods into one good d with u_i(d) = u_i(D) (spec P1); the lift gives agent i the
 * same fraction x_i of every divisible good. Without divisible goods there is no d (and no water-filling).
 */
export function mergeDivisibleGoods(inst: Instance): Reduction<MergedProblem, MergedAllocation, MixedAllocation> {
  const divisible = new Set(inst.divisible);
  const goods = inst.goods.map((_, g) => g).filter((g) => !divisible.has(g));
  const cake = inst.divisible.length ? inst.values.map((row) => Rational.sum(inst.divisible.map((d) => row[d]))) : null;
  return {
    reduced: { inst, goods, cake },
    lift: (a) => MixedAllocation.withCake(a.bundles, a.cake, inst),
    step: {
      id: 'merge-divisible',
      title: 'Divisible goods merged into one good d',
      text: cake
        ? `u_i(d) = u_i(D) = ${cake.join(', ')}; every divisible good is split in the same proportions`
        : 'no divisible goods',
      data: { indivisible: goods, divisible: [...inst.divisible], cakeValues: cake },
    },
  };
}

/** The allocation with no cake for anyone (when D = ∅). */
export function noCake(n: number): Rational[] {
  return new Array<Rational>(n).fill(Rational.ZERO);
}
