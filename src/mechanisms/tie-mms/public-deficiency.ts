/**
 * Lemma 6.4 (M2) and Proposition 3 (M3, `tie-mms-public-deficiency`) of Babaioff, Feige & Manaker Morag: CUQ
 * implemented with the deficiency-based portion matrix beta_ij = w_i(pi^(j)) / W^alpha(pi).
 */
import type { Instance } from '../../core/instance';
import { Rational } from '../../core/rational';
import { decomposeCuq, type CuqDecomposition, type CuqDecompositionOptions } from './cuq-decomposition';
import type { Ordering } from './cyclic-picking';
import { deficiency, deficiencyGuaranteeHolds, deficiencyPortions, deficiencySortedOrdering } from './deficiency';

/** True alpha-deficiencies of every agent of the instance (Definition 6.1). */
export function deficiencies(inst: Instance, alpha: Rational): number[] {
  return inst.values.map((row) => deficiency(row as Rational[], inst.n, alpha));
}

export interface DeficiencyDecomposition extends CuqDecomposition {
  readonly W: Rational;
  readonly weights: readonly Rational[];
  /** alpha <= 1/(2 + W - 1/n): Lemma 6.4's alpha-TPS guarantee applies. */
  readonly guaranteed: boolean;
}

/**
 * CUQ(v, pi) decomposed with the deficiency portions beta = w / W (Lemma 6.4), for any ordering pi and deficiencies
 * d. The result is alpha-TPS ex-post whenever alpha <= 1/(2 + W^alpha(pi) - 1/n) and d are the true
 * alpha-deficiencies.
 */
export function deficiencyDecomposition(
  inst: Instance,
  pi: Ordering,
  d: readonly number[],
  alpha: Rational,
  opts: CuqDecompositionOptions = {},
): DeficiencyDecomposition {
  const { beta, W, weights } = deficiencyPortions(pi, d);
  const r = decomposeCuq(inst, pi, beta, opts);
  const guaranteed = deficiencyGuaranteeHolds(alpha, W, inst.n);
  r.trace.splice(3, 0, {
    id: 'deficiencies',
    title: 'Deficiencies, shift weights and cyclic weight (Definitions 6.1-6.3)',
    data: { alpha, deficiencies: d, weights, W, guaranteed },
  });
  return { ...r, W, weights, guaranteed };
}

/**
 * Proposition 3's lottery: pi sorts the agents by public deficiency (ties by index; Lemma 6.5: W <= 2), then
 * `deficiencyDecomposition`. TIE w.r.t. ordinal reports, ex-ante PROP, alpha-TPS for any alpha <= 1/4.
 */
export function sortedDeficiencyDecomposition(
  inst: Instance,
  d: readonly number[],
  alpha: Rational,
  opts: CuqDecompositionOptions = {},
): DeficiencyDecomposition & { pi: Ordering } {
  const pi = deficiencySortedOrdering(d);
  return { ...deficiencyDecomposition(inst, pi, d, alpha, opts), pi };
}
