/**
 * Deficiencies, demands and cyclic weights (Definitions 6.1-6.3, Lemmas 6.4-6.5 of Babaioff, Feige & Manaker Morag; spec A1.4, A5, M2, D12-D14).
 */
import type { AgentId } from '../../core/instance';
import { Rational } from '../../core/rational';
import { tps } from '../../shares/tps';
import { orderingFromOrder, shiftPosition, type Ordering } from './cyclic-picking';

/**
 * alpha-deficiency (Definition 6.1): d_i = max(n - #{x : v_i(x) >= alpha * TPS_n(v_i)}, 0), in 0..n.
 * With TPS = 0 every good is satisfactory (spec P26).
 */
export function deficiency(values: readonly Rational[], n: number, alpha: Rational): number {
  const t = alpha.mul(tps(values, n));
  const s = values.filter((v) => v.ge(t)).length;
  return Math.max(n - s, 0);
}

/** Demand w^alpha_i(pi) (Definition 6.2): 1/d_i if agent i sits in the last d_i positions, else 0. */
export function demand(pi: Ordering, d: readonly number[], i: AgentId, shift = 0): Rational {
  const n = pi.pos.length;
  const p = shiftPosition(pi, i, shift); // 0-based; paper's pi_i = p + 1
  return d[i] > 0 && p + 1 > n - d[i] ? new Rational(1n, BigInt(d[i])) : Rational.ZERO;
}

/** Weight w^alpha(pi^(j)) = sum_i w_i(pi^(j)) (Definition 6.2), for shift j0 (0 = pi itself). Always <= H_n. */
export function weight(pi: Ordering, d: readonly number[], shift = 0): Rational {
  return Rational.sum(d.map((_, i) => demand(pi, d, i, shift)));
}

/** Cyclic weight W^alpha(pi) = max(max_j w(pi^(j)), 1) (Definition 6.3) and the per-shift weights. */
export function cyclicWeight(pi: Ordering, d: readonly number[]): { W: Rational; weights: Rational[] } {
  const weights = d.map((_, j) => weight(pi, d, j));
  return { W: weights.reduce((a, b) => Rational.max(a, b), Rational.ONE), weights };
}

/**
 * Lemma 6.4's portion matrix: beta_ij = w_i(pi^(j)) / W. Column j sums to w(pi^(j))/W <= 1, row i to 1/W if
 * d_i >= 1 (else 0).
 */
export function deficiencyPortions(
  pi: Ordering,
  d: readonly number[],
): { beta: Rational[][]; w: Rational[][]; W: Rational; weights: Rational[] } {
  const n = pi.pos.length;
  const w = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (__, j) => demand(pi, d, i, j)));
  const { W, weights } = cyclicWeight(pi, d);
  return { beta: w.map((r) => r.map((x) => x.div(W))), w, W, weights };
}

/**
 * Lemma 6.5's ordering: agents by non-decreasing deficiency. Ties go to the lower agent index: the paper allows any
 * order among equal deficiencies, and a fixed one keeps the ordering (hence the lottery) a function of the public
 * deficiencies alone (spec M3, P10). Then w(pi) <= 1 and W(pi) <= 2.
 */
export function deficiencySortedOrdering(d: readonly number[]): Ordering {
  const order = d.map((_, i) => i).sort((a, b) => d[a] - d[b] || a - b);
  return orderingFromOrder(order, d.length);
}

/** Whether Lemma 6.4's alpha-TPS guarantee applies: alpha <= 1/(2 + W - 1/n). */
export function deficiencyGuaranteeHolds(alpha: Rational, W: Rational, n: number): boolean {
  return alpha.le(
    W.add(2)
      .sub(new Rational(1n, BigInt(n)))
      .inv(),
  );
}
