/**
 * Theorem 2 of paper 000 (mechanism M4, `tie-mms-loglog`): a uniformly random ordering pi; if it is good
 * (W^alpha(pi) <= 1/alpha - 2 + 1/n) implement CUQ(v, pi) by Lemma 6.4, else fall back to Proposition 3.
 * (1 - eps(n))-TIE with eps(n) = n^{-log2 n}, ex-ante PROP, ex-post alpha(n)-TPS, alpha(n) = 1/(25 + 2 log log n - 1/n).
 */
import { permutations } from '../../core/permutations';
import { InvalidInputError } from '../../core/errors';
import type { Instance } from '../../core/instance';
import { Rational } from '../../core/rational';
import { rng } from '../../core/rng';
import { alphaTheorem2, goodThreshold } from './constants';
import { orderingFromOrder, type Ordering } from './cyclic-picking';
import { cyclicWeight } from './deficiency';
import type { Lemma42Options } from './lemma42';
import { lemma64, proposition3, type Lemma64Result } from './public-deficiency';

/**
 * The alpha and good-threshold in use: the paper's (exact rational alpha <= alpha_paper(n), threshold
 * 1/alpha - 2 + 1/n >= 23 + 2 log log n), or the library extension `threshold w` (NOT from the paper, spec M4
 * [DECISION]): alpha_w = 1/(2 + w - 1/n), good iff W <= w, requires w >= 2 + 1/n.
 */
export function theorem2Parameters(n: number, threshold?: Rational): { alpha: Rational; threshold: Rational; exactAlpha: boolean; extension: boolean } {
  if (threshold === undefined) {
    const { alpha, exact } = alphaTheorem2(n);
    return { alpha, threshold: goodThreshold(alpha, n), exactAlpha: exact, extension: false };
  }
  const min = new Rational(2n).add(new Rational(1n, BigInt(n)));
  if (threshold.lt(min)) throw new InvalidInputError('bad-threshold', `options.threshold: w = ${threshold} must be >= 2 + 1/n = ${min} (so that alpha_w <= 1/4)`);
  return { alpha: threshold.add(2).sub(new Rational(1n, BigInt(n))).inv(), threshold, exactAlpha: true, extension: true };
}

/** A uniformly random ordering (seeded Fisher-Yates, spec M4 step 2). */
export function randomOrdering(n: number, seed: number | string): Ordering {
  return orderingFromOrder(rng(seed).shuffle(Array.from({ length: n }, (_, i) => i)), n);
}

export interface Theorem2Branch extends Lemma64Result {
  readonly sampled: Ordering;
  /** The ordering whose CUQ is implemented: pi if good, the deficiency-sorted pi' otherwise. */
  readonly used: Ordering;
  readonly good: boolean;
  readonly sampledW: Rational;
}

/** Theorem 2 for one sampled ordering pi (spec M4 steps 3-5), with reported deficiencies d. */
export function theorem2Branch(inst: Instance, pi: Ordering, d: readonly number[], alpha: Rational, threshold: Rational, opts: Lemma42Options = {}): Theorem2Branch {
  const { W } = cyclicWeight(pi, d);
  if (W.le(threshold)) return { ...lemma64(inst, pi, d, alpha, opts), sampled: pi, used: pi, good: true, sampledW: W };
  const r = proposition3(inst, d, alpha, opts);
  return { ...r, sampled: pi, used: r.pi, good: false, sampledW: W };
}

/** All n! orderings (position 0 first), in lexicographic order. */
export function allOrderings(n: number): Ordering[] {
  return permutations(n).map((p) => orderingFromOrder(p, n));
}
