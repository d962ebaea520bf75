/**
 * Lemma 6.4 (M2) and Proposition 3 (M3, `tie-mms-public-deficiency`) of paper 000: CUQ implemented with the
 * deficiency-based portion matrix beta_ij = w_i(pi^(j)) / W^alpha(pi).
 */
import type { Instance } from '../../core/instance';
import { Rational } from '../../core/rational';
import type { Ordering } from './cyclic-picking';
import { deficiency, deficiencyPortions, deficiencySortedOrdering, lemma64Holds } from './deficiency';
import { lemma42, type Lemma42Options, type Lemma42Result } from './lemma42';

/** True alpha-deficiencies of every agent of the instance (Definition 6.1). */
export function deficiencies(inst: Instance, alpha: Rational): number[] {
  return inst.values.map((row) => deficiency(row as Rational[], inst.n, alpha));
}

export interface Lemma64Result extends Lemma42Result {
  readonly W: Rational;
  readonly weights: readonly Rational[];
  /** alpha <= 1/(2 + W - 1/n): Lemma 6.4's alpha-TPS guarantee applies. */
  readonly guaranteed: boolean;
}

/**
 * Lemma 6.4 (M2): for any ordering pi and deficiencies d, CUQ(v, pi) via Lemma 4.2 with beta = w / W. The result is
 * alpha-TPS ex-post whenever alpha <= 1/(2 + W^alpha(pi) - 1/n) and d are the true alpha-deficiencies.
 */
export function lemma64(inst: Instance, pi: Ordering, d: readonly number[], alpha: Rational, opts: Lemma42Options = {}): Lemma64Result {
  const { beta, W, weights } = deficiencyPortions(pi, d);
  const r = lemma42(inst, pi, beta, opts);
  const guaranteed = lemma64Holds(alpha, W, inst.n);
  r.trace.splice(3, 0, { id: 'deficiencies', title: 'Deficiencies, shift weights and cyclic weight (Definitions 6.1-6.3)', data: { alpha, deficiencies: d, weights, W, guaranteed } });
  return { ...r, W, weights, guaranteed };
}

/**
 * Proposition 3 (M3): pi sorts agents by public deficiency (ties by index, Lemma 6.5: W <= 2), then Lemma 6.4.
 * TIE w.r.t. ordinal reports, ex-ante PROP, alpha-TPS for any alpha <= 1/4.
 */
export function proposition3(inst: Instance, d: readonly number[], alpha: Rational, opts: Lemma42Options = {}): Lemma64Result & { pi: Ordering } {
  const pi = deficiencySortedOrdering(d);
  return { ...lemma64(inst, pi, d, alpha, opts), pi };
}
