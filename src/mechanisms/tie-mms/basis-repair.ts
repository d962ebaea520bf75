/**
 * The float guess of the support reduction (Lemma 4.15 of Babaioff, Feige & Manaker Morag) that scales to (20, 200):
 * a basis chosen greedily by weight, then repaired by pivots that keep a feasible point of
 * {p >= 0 : sum_k p_k phi(A_k) = b}, b = sum_k w_k phi(A_k), until the basic solution itself is >= 0. Doubles only:
 * guided-reduction.ts computes the probabilities on the returned basis exactly and checks them.
 *
 * Method. The candidates in decreasing weight are factored greedily (dense-lu.ts, `FloatBasis.greedy`): each joins the
 * basis B when it is independent of the ones before, so B holds the heaviest independent allocations (at (20, 200) the
 * 3421 heaviest of 8619 carry 98.5 % of the mass in a development run). Its basic solution q = B^-1 b is the point reached by moving all the
 * other allocations' weight onto B, but a sixth (at (20, 200)) to a third (at (10, 100)) of its entries are negative.
 * The repair keeps a feasible point p (p = w at the start) and repeats: move p towards q, p <- (1 - l) p + l q with the
 * largest l keeping p >= 0 (A p = b still holds, as A q = b); the basic allocation that reaches 0 there leaves B and is
 * never used again; the nonbasic allocation j that replaces it is one whose coefficient alpha_j in the leaving row of
 * B^-1 is negative (a dual simplex pivot with zero costs: alpha_j < 0 makes j's new basic value q_leaving / alpha_j
 * positive), and q is updated along j's column. Each step retires one allocation and moves one nonbasic allocation into
 * B, so there are at most K - r steps (with no nonbasic allocation left, q = p >= 0); the repair ends when q >= 0, and
 * then q is a vertex. Cost per step: one row and one column of B^-1 (two dense triangular solves with the LU factors
 * and the eta file, O(d^2)) and the row's coefficients on the nonbasic allocations (one sparse product).
 * [DECISION] Among the negative alpha_j, the entering allocation maximises -alpha_j * sqrt(p_j): at (20, 200) this
 * took 352 steps, against 746 for the most negative alpha_j alone, 401 for -alpha_j * p_j, 402 for -alpha_j * p_j^2
 * and 367 / 379 for the exponents 1/4 and 3/4 (development runs on the bench's mixture, not kept as a test); at
 * (10, 100) all of them take 9. The Carathéodory pass needs 7091 pivots of an explicit d x d inverse at (20, 200).
 */
import { checkTimeBudget } from '../../core/time-budget';
import { FloatBasis } from './dense-lu';

/** Statistics of the repair (filled in place). */
interface RepairStats {
  rank: number;
  pivots: number;
}

/** Coefficients of B^-1 (of order 1 here) below this are treated as zero when choosing a pivot. */
const PIVOT_TOL = 1e-9;

/**
 * The repaired basis (entry indices by slot) and its float basic solution, or a reason when the guess is unusable
 * (the greedy basis does not span the target, or a pivot is numerically zero).
 */
export function repairedBasis(
  d: number,
  supports: readonly Int32Array[],
  weights: readonly number[],
  st: Partial<RepairStats>,
): { slotEntry: number[]; q: Float64Array } | { failure: string } {
  const K = supports.length;
  const order = Array.from({ length: K }, (_, k) => k).sort((a, b) => weights[b] - weights[a] || a - b);
  const basis = FloatBasis.greedy(d, supports, order);
  const r = basis.r;
  st.rank = r;
  const b = new Float64Array(d);
  let scale = 0;
  for (let k = 0; k < K; k++) {
    const s = supports[k];
    for (let t = 0; t < s.length; t++) b[s[t]] += weights[k];
  }
  for (let i = 0; i < d; i++) scale = Math.max(scale, Math.abs(b[i]));
  const q = basis.solve(b);
  if (residual(d, supports, basis.slotEntry, q, b) > 1e-9 * scale)
    return { failure: 'the greedy basis does not span the target' };

  // p: basic part pB (by slot), nonbasic part weights[k] * nScale (one factor for the common shrink)
  const pB = Float64Array.from(basis.slotEntry, (k) => weights[k]);
  let nScale = 1;
  const alive = Uint8Array.from(weights, (w) => (w > 0 ? 1 : 0));
  for (const k of basis.slotEntry) alive[k] = 0;
  const sqrtWeight = Float64Array.from(weights, Math.sqrt);
  let pivots = 0;
  for (;;) {
    checkTimeBudget('support reduction (basis repair)');
    let qmax = 0;
    for (let s = 0; s < r; s++) qmax = Math.max(qmax, Math.abs(q[s]));
    const negTol = 1e-14 * qmax;
    let lambda = Infinity;
    let leave = -1;
    for (let s = 0; s < r; s++) {
      if (q[s] >= -negTol) continue;
      const l = pB[s] / (pB[s] - q[s]);
      if (l < lambda) {
        lambda = l;
        leave = s;
      }
    }
    if (leave < 0) break;
    // move p towards q; the leaving allocation drops out of the support
    for (let s = 0; s < r; s++) pB[s] += lambda * (q[s] - pB[s]);
    nScale *= 1 - lambda;
    pB[leave] = 0;
    const rho = basis.row(leave);
    let enter = -1;
    let best = 0;
    let anyEnter = -1;
    let anyBest = 0;
    for (let k = 0; k < K; k++) {
      if (!alive[k]) continue;
      const s = supports[k];
      let a = 0;
      for (let t = 0; t < s.length; t++) a += rho[s[t]];
      const score = -a * sqrtWeight[k]; // the common factor nScale does not change the choice
      if (a < -PIVOT_TOL && score > best) {
        best = score;
        enter = k;
      }
      if (Math.abs(a) > anyBest) {
        anyBest = Math.abs(a);
        anyEnter = k;
      }
    }
    if (enter < 0) enter = anyEnter;
    if (enter < 0 || anyBest < PIVOT_TOL) return { failure: 'the support lost rank during the repair' };
    const alpha = basis.solveSupport(supports[enter]);
    const ap = alpha[leave];
    if (Math.abs(ap) < PIVOT_TOL) return { failure: 'numerically zero pivot in the repair' };
    const theta = q[leave] / ap;
    for (let s = 0; s < r; s++) q[s] -= theta * alpha[s];
    q[leave] = theta;
    pB[leave] = weights[enter] * nScale;
    alive[enter] = 0;
    basis.exchange(leave, enter, alpha);
    pivots++;
  }
  st.pivots = pivots;
  return { slotEntry: basis.slotEntry.slice(), q };
}

/** max_i |(sum_s q_s phi(slot s) - b)_i| */
function residual(
  d: number,
  supports: readonly Int32Array[],
  slotEntry: readonly number[],
  q: Float64Array,
  b: Float64Array,
): number {
  const res = Float64Array.from(b);
  for (let s = 0; s < slotEntry.length; s++) {
    const sp = supports[slotEntry[s]];
    for (let t = 0; t < sp.length; t++) res[sp[t]] -= q[s];
  }
  let m = 0;
  for (let i = 0; i < d; i++) m = Math.max(m, Math.abs(res[i]));
  return m;
}
