/**
 * An upper bound on the log Nash welfare of every completion of a partial allocation, by Lagrangian duality of the
 * fractional relaxation (used by the exact integral MNW search, nash-welfare.ts).
 *
 * Agents hold values x_i ≥ 0 and the goods G are left. Relax the goods to be divisible (y_ig ≥ 0, sum_i y_ig ≤ 1) and
 * price them: for any prices p_g > 0,
 *   max_y sum_i ln(x_i + sum_g u_ig y_ig) ≤ sum_g p_g + sum_i max_{y_i ≥ 0} [ln(x_i + sum_g u_ig y_ig) - sum_g p_g y_ig]
 * (weak duality: the price term sum_g p_g (1 - sum_i y_ig) is ≥ 0 on the feasible set). An agent who spends s buys at
 * most r_i s utility, r_i = max_{g ∈ G} u_ig / p_g (its best bang per buck), so its term is
 *   h_i = max_{s ≥ 0} ln(x_i + r_i s) - s = ln x_i if r_i ≤ x_i, else ln r_i - 1 + x_i / r_i
 * (the derivative r_i / (x_i + r_i s) - 1 vanishes at s = 1 - x_i / r_i). Every integral completion is a point of the
 * relaxation, so ln NW ≤ sum_g p_g + sum_i h_i for every completion, whatever the prices; better prices only make the
 * bound tighter. At the root (x = 0) with the prices of the fractional MNW (Fisher) equilibrium the bound equals the
 * fractional optimum. Goods nobody values (p_g = 0) add nothing and are left out of r_i.
 */

/** An agent's term h(x, r) = max_{s ≥ 0} ln(x + r s) - s (module header); -Infinity when x = r = 0. */
export function agentDualTerm(x: number, r: number): number {
  return r <= x ? Math.log(x) : Math.log(r) - 1 + x / r;
}

/**
 * The Lagrangian bound sum_g p_g + sum_i h(x_i, r_i) for the prices p scaled by the best of the factors lambda tried
 * (module header): scaling the prices by lambda scales their sum and divides each r_i by lambda, and the bound is
 * convex in lambda; the factors tried are 1 and, for each k, the stationary point k / (P + sum x_i / r_i) of the k
 * agents with the largest r_i / x_i (those that still spend at that factor). Any lambda > 0 gives a valid bound, so
 * taking the least over the factors tried is valid too. `priceSum` is P = sum_g p_g over the goods left; `scratch`
 * (length ≥ n) avoids an allocation per call.
 */
export function scaledDualBound(
  x: ArrayLike<number>,
  r: ArrayLike<number>,
  priceSum: number,
  scratch: Int32Array = new Int32Array(x.length),
): number {
  const n = x.length;
  let bound = priceSum;
  for (let i = 0; i < n; i++) bound += agentDualTerm(x[i], r[i]);
  if (!(bound > -Infinity)) return bound;
  // agents by decreasing r_i / x_i (insertion sort; n is small): the order in which they stop spending as lambda grows
  const key = (i: number) => (r[i] <= 0 ? -1 : x[i] <= 0 ? Infinity : r[i] / x[i]);
  for (let i = 0; i < n; i++) {
    let k = i;
    while (k > 0 && key(scratch[k - 1]) < key(i)) {
      scratch[k] = scratch[k - 1];
      k--;
    }
    scratch[k] = i;
  }
  let spentShare = 0;
  for (let k = 1; k <= n; k++) {
    const i = scratch[k - 1];
    if (r[i] <= 0) break;
    spentShare += x[i] / r[i];
    const lambda = k / (priceSum + spentShare);
    if (!(lambda > 0 && Number.isFinite(lambda))) continue;
    let b = lambda * priceSum;
    for (let j = 0; j < n; j++) b += agentDualTerm(x[j], r[j] / lambda);
    if (b < bound) bound = b;
  }
  return bound;
}
