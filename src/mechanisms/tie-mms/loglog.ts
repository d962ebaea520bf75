/**
 * Theorem 2 of Babaioff, Feige & Manaker Morag (mechanism M4, `tie-mms-loglog`): a uniformly random ordering pi; if it is good
 * (W^alpha(pi) <= 1/alpha - 2 + 1/n) implement CUQ(v, pi) by Lemma 6.4, else fall back to Proposition 3.
 * (1 - eps(n))-TIE with eps(n) = n^{-log2 n}, ex-ante PROP, ex-post alpha(n)-TPS, alpha(n) = 1/(25 + 2 log log n - 1/n).
 */
import { permutations } from '../../core/permutations';
import { InvalidInputError } from '../../core/errors';
import type { Instance } from '../../core/instance';
import { Rational } from '../../core/rational';
import { sampledAgentOrder } from '../agent-orders';
import { loglogAlpha, goodThreshold } from './constants';
import { orderingFromOrder, type Ordering } from './cyclic-picking';
import { cyclicWeight } from './deficiency';
import type { CuqDecompositionOptions } from './cuq-decomposition';
import {
  deficiencyDecomposition,
  sortedDeficiencyDecomposition,
  type DeficiencyDecomposition,
} from './public-deficiency';

/**
 * The alpha and good-threshold of the random-ordering mechanism (Theorem 2): the paper's (exact rational alpha <= alpha_paper(n), threshold
 * 1/alpha - 2 + 1/n >= 23 + 2 log log n), or the library extension `threshold w`: alpha_w = 1/(2 + w - 1/n), good
 * iff W <= w, requires w >= 2 + 1/n. The extension is NOT from the paper: at the paper's threshold the fallback is
 * unreachable for any practical n, and a smaller w makes it reachable so that it can be run and measured (spec M4).
 */
export function loglogParameters(
  n: number,
  threshold?: Rational,
): { alpha: Rational; threshold: Rational; exactAlpha: boolean; extension: boolean } {
  if (threshold === undefined) {
    const { alpha, exact } = loglogAlpha(n);
    return { alpha, threshold: goodThreshold(alpha, n), exactAlpha: exact, extension: false };
  }
  const min = minThreshold(n);
  if (threshold.lt(min))
    throw new InvalidInputError(
      'bad-threshold',
      `options.threshold: w = ${threshold} must be >= 2 + 1/n = ${min} (so that alpha_w <= 1/4)`,
    );
  return {
    alpha: threshold
      .add(2)
      .sub(new Rational(1n, BigInt(n)))
      .inv(),
    threshold,
    exactAlpha: true,
    extension: true,
  };
}

/** The smallest threshold w of the extension, 2 + 1/n: below it alpha_w > 1/4 and the fallback loses its guarantee. */
export function minThreshold(n: number): Rational {
  return new Rational(2n).add(new Rational(1n, BigInt(n)));
}

/** A uniformly random ordering (seeded Fisher-Yates, spec M4 step 2). */
export function randomOrdering(n: number, seed: number | string): Ordering {
  return orderingFromOrder(sampledAgentOrder(n, seed), n);
}

/** The lottery of the random-ordering mechanism for one ordering pi, and which branch produced it. */
export interface OrderingOrFallback extends DeficiencyDecomposition {
  readonly sampled: Ordering;
  /** The ordering whose CUQ is implemented: pi if good, the deficiency-sorted pi' otherwise. */
  readonly used: Ordering;
  readonly good: boolean;
  readonly sampledW: Rational;
}

/**
 * Theorem 2's step for one sampled ordering pi (spec M4 steps 3-5), with reported deficiencies d: if pi is good
 * (W^alpha(pi) <= threshold) CUQ(v, pi) by `deficiencyDecomposition`, else the deficiency-sorted fallback of
 * Proposition 3.
 */
export function orderingOrFallback(
  inst: Instance,
  pi: Ordering,
  d: readonly number[],
  alpha: Rational,
  threshold: Rational,
  opts: CuqDecompositionOptions = {},
): OrderingOrFallback {
  const { W } = cyclicWeight(pi, d);
  if (W.le(threshold))
    return { ...deficiencyDecomposition(inst, pi, d, alpha, opts), sampled: pi, used: pi, good: true, sampledW: W };
  const r = sortedDeficiencyDecomposition(inst, d, alpha, opts);
  return { ...r, sampled: pi, used: r.pi, good: false, sampledW: W };
}

/** All n! orderings (position 0 first), in lexicographic order. */
export function allOrderings(n: number): Ordering[] {
  return permutations(n).map((p) => orderingFromOrder(p, n));
}
