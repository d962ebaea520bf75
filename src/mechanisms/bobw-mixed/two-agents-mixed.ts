/**
 * The two-agent procedure for mixed goods of Bu et al. 2024 (Theorem 3.3; Section 3 and Appendix A.3,
 * seed-003 spec 3.3): ex-ante EF and ex-post EFM (indeed EFXM).
 *
 * It is a reduction: the merged divisible good d is treated as one more indivisible item and Algorithm 3
 * runs on M ∪ {d}. Lifting back: a deterministic outcome gives all of D to whoever holds d (EF, hence EFM).
 * A coin outcome where d lies in the richer bundle of some A^i becomes one deterministic EF allocation: a
 * fraction alpha = (u_i(richer) - u_i(poorer)) / (2 u_i(d)) <= 1/2 of d moves to the poorer bundle, which
 * makes agent i indifferent, and the other agent picks. Otherwise d lies in the poorer bundle of both
 * partitions and the coin lottery is kept, D going wholly with d: the picker's bundle is then purely
 * indivisible, so EFM towards it needs only EFX.
 */
import type { GoodId } from '../../core/instance';
import { Rational } from '../../core/rational';
import type { MergedAllocation, MergedProblem, Reduction } from './problem';
import {
  twoAgentEfEfx,
  type TwoAgentAllocation,
  type TwoAgentResult,
  type TwoAgents,
  type TwoAgentUtility,
} from './two-agents';

/** One allocation of the result, with its probability. */
export interface WeightedAllocation {
  readonly p: Rational;
  readonly allocation: MergedAllocation;
}

/** How the procedure ended (for the trace and the tests). */
export type MixedTwoAgentBranch =
  | { readonly branch: 'deterministic'; readonly line: 3 | 7 }
  | { readonly branch: 'transfer'; readonly agent: TwoAgents; readonly alpha: Rational; readonly line: 10 | 11 }
  | { readonly branch: 'coin'; readonly line: 10 | 11 };

export interface MixedTwoAgentResult {
  readonly support: readonly WeightedAllocation[];
  readonly how: MixedTwoAgentBranch;
  readonly algorithm3: TwoAgentResult;
}

const HALF = new Rational(1n, 2n);

/**
 * Treats d as an indivisible item for Algorithm 3. d takes the index of the first divisible good, so in
 * LocalSearch's ties (smallest id first) it ranks where that good stands among the instance's goods.
 */
/** Algorithm 3's input: the items (goods and possibly d) and the utilities over them. */
export interface ItemProblem {
  readonly items: readonly number[];
  readonly cakeItem: number | null;
  readonly u: TwoAgentUtility;
}

export function cakeAsItem(problem: MergedProblem): Reduction<ItemProblem, TwoAgentResult, MixedTwoAgentResult> {
  const { inst, goods, cake } = problem;
  const cakeItem = cake ? inst.divisible[0] : null;
  const items = cakeItem === null ? [...goods] : [...goods, cakeItem].sort((x, y) => x - y);
  const u = (i: TwoAgents, item: number): Rational => (item === cakeItem ? cake![i] : inst.values[i][item]);
  const whole = (a: TwoAgentAllocation): MergedAllocation => ({
    bundles: a.map((b) => b.filter((g) => g !== cakeItem)),
    cake: a.map((b) => (b.includes(cakeItem ?? -1) ? Rational.ONE : Rational.ZERO)),
  });
  const lift = (r: TwoAgentResult): MixedTwoAgentResult => {
    if (r.case === 'deterministic')
      return {
        support: [{ p: Rational.ONE, allocation: whole(r.allocation) }],
        how: { branch: 'deterministic', line: r.line },
        algorithm3: r,
      };
    const i = cakeItem === null ? undefined : ([0, 1] as const).find((k) => r.partitions[k].richer.includes(cakeItem));
    if (i === undefined || cakeItem === null)
      return {
        support: r.allocations.map((a) => ({ p: HALF, allocation: whole(a) })),
        how: { branch: 'coin', line: r.line },
        algorithm3: r,
      };
    const P = r.partitions[i];
    const vi = (items: readonly number[]) => Rational.sum(items.map((g) => u(i, g)));
    // u_i(d) > 0 here: the partition is EFX under u_i and strictly unbalanced (line 2 failed)
    const alpha = vi(P.richer).sub(vi(P.poorer)).div(u(i, cakeItem).mul(2));
    const x = { goods: P.poorer, cake: alpha };
    const y = { goods: P.richer.filter((g) => g !== cakeItem), cake: Rational.ONE.sub(alpha) };
    const picker: TwoAgents = i === 0 ? 1 : 0;
    const val = (j: TwoAgents, b: { goods: readonly GoodId[]; cake: Rational }) =>
      Rational.sum(b.goods.map((g) => u(j, g))).add(b.cake.mul(cake![j]));
    // the same Pick rule as Algorithm 3: strict preference, then the bundle agent i values less, then X
    const byPicker = val(picker, y).cmp(val(picker, x));
    const takesY = byPicker > 0 || (byPicker === 0 && val(i, y).lt(val(i, x)));
    const [mine, theirs] = takesY ? [y, x] : [x, y];
    const [b0, b1] = picker === 0 ? [mine, theirs] : [theirs, mine];
    return {
      support: [{ p: Rational.ONE, allocation: { bundles: [b0.goods, b1.goods], cake: [b0.cake, b1.cake] } }],
      how: { branch: 'transfer', agent: i, alpha, line: r.line },
      algorithm3: r,
    };
  };
  return {
    reduced: { items, cakeItem, u },
    lift,
    step: {
      id: 'cake-as-item',
      title: 'The merged divisible good d joins Algorithm 3 as one indivisible item',
      text: cakeItem === null ? 'no divisible goods: Algorithm 3 on the indivisible goods' : `d is item ${cakeItem}`,
      data: { items, cakeItem },
    },
  };
}

/** The two-agent mixed procedure (Theorem 3.3) on a merged problem. */
export function twoAgentEfEfm(problem: MergedProblem): MixedTwoAgentResult {
  const reduction = cakeAsItem(problem);
  return reduction.lift(twoAgentEfEfx(reduction.reduced.items, reduction.reduced.u));
}
