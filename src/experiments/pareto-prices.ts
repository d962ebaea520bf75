/**
 * PO of an allocation of sampled doubles proved by prices (issue 15): the dual of the configuration LP, as
 * src/checks/po-prices.ts does for `certify` on exact integers, here on the experiments' doubles with a covering
 * knapsack solved by branch and bound instead of a table.
 *
 * With prices p >= 0 on the goods and agent i's best surplus pi_i = max { u_i(S) - p(S) : u_i(S) >= b_i } (b_i her
 * value of her bundle A_i), every allocation A' that keeps each agent at her value has
 *
 *   sum_i u_i(A'_i) <= sum_i pi_i + sum_g p_g = B + sum_i r_i,   r_i = pi_i - (b_i - p(A_i)) >= 0 (her regret),
 *
 * B = sum_i b_i, since the bundles A_i cover every good. So when the regrets sum to less than delta = 1e-6 B, no
 * Pareto improvement gains delta in total value: exactly the question the integer program of highs.ts asks (its
 * total-value row), answered by a certificate instead of HiGHS's "infeasible".
 *
 * [DECISION] Prices from a cutting-plane method on their Chebyshev centre (as po-prices.ts, whose header reports far
 * fewer rounds than Kelley's method in development prototypes it did not record): an LP over p >= floor (floor_g: the
 * largest value of g to a non-owner, below which that agent would add g to her bundle) maximising the least normalised
 * margin t of the cuts p(S \ A_i) - p(A_i \ S) >= u_i(S) - b_i, one per bundle S the knapsacks returned with a positive
 * regret. When t < -delta no prices can certify (each cut has norm >= 1, so some regret stays above delta at any
 * prices) and the search stops.
 * [DECISION] One persistent HiGHS model for the whole search: each round adds its cuts as rows and HiGHS's dual
 * simplex starts from the last round's basis, where rebuilding the LP as text solved every round from scratch. On
 * Figure 3 at m = 100 (trials 1, 9, 18, 43, 45, 50, 89, 167, 189 and 197; a development run, not kept as a test) it
 * took 0.3-2.3 s per search against 1.3-3.6 s, with the same answers (a certificate for trial 9, none for the others)
 * after 71-112 rounds against 78-109 (the LP's optimum is not unique, so the two may take different prices).
 *
 * [DECISION] The regrets are bounded rigorously in doubles: every sum of at most m + 2 terms is within
 * (m + 2) 2^-52 of its exact value relative to the sum of the magnitudes involved, so the knapsack counts a bundle
 * feasible when its computed value reaches b_i minus twice that, prunes a branch whose fractional cost comes within
 * twice that of the best, and adds four times that to the best it returns. Relative to the summed
 * magnitudes each margin is (m + 2) 2^-52 (below 3 * 10^-12 at m <= 10^4), against delta = 10^-6 of the total value
 * (test: every certificate of 300 small instances checked against all n^m allocations).
 */
import type { Highs } from 'highs';

/**
 * The LP solver this module needs: the `highs` package as src/experiments/highs.ts loads it. Its persistent model keeps
 * the cutting-plane LP between rounds (module header).
 */
export type LpSolver = Pick<Highs, 'createModel' | 'infinity' | 'constants'>;

/** The relative total gain a Pareto improvement must reach (the integer program's total-value row, highs.ts). */
export const MINIMUM_RELATIVE_GAIN = 1e-6;

/** Rounds of the cutting-plane method before it gives up (deterministic, unlike a time limit). */
export const MAX_PRICE_ROUNDS = 150;

const EPS = 2 ** -52;

/**
 * A best covering bundle: an upper bound on max { sum_S c : sum_S u >= need } and a bundle reaching it up to margins.
 */
export interface Cover {
  /** Upper bound on the maximum (the rigorous margins of the module header included). */
  readonly bound: number;
  /** The bundle found (goods, ascending). */
  readonly bundle: number[];
  /**
   * false when the search stopped at its node budget: then `bound` is the fractional (linear relaxation) bound, still
   * an upper bound, and `bundle` the best cover found so far.
   */
  readonly exact?: false;
}

/**
 * max { sum_{g in S} c_g : sum_{g in S} u_g >= need } by depth-first branch and bound: every good with c_g > 0 is taken
 * (it only helps the value and the cover), the rest is a covering knapsack over the cost -c_g, searched in order of
 * cost per unit of value with the fractional bound. `slack` is the rounding margin of the module header: a bundle
 * counts as covering at need - 2 slack, a branch is pruned when its fractional cost comes within 2 slack of the best
 * (so a pruned branch is at most 3 slack cheaper than the best found), and `bound` adds 4 slack.
 * Null when even all goods do not cover.
 */
export function bestCover(
  c: Float64Array,
  u: Float64Array,
  need: number,
  slack: number,
  maxNodes = Infinity,
): Cover | null {
  const m = c.length;
  let value = 0;
  let covered = 0;
  const taken: number[] = [];
  const rest: number[] = [];
  for (let g = 0; g < m; g++) {
    if (c[g] > 0) {
      value += c[g];
      covered += u[g];
      taken.push(g);
    } else if (u[g] > 0) rest.push(g);
  }
  const target = need - 2 * slack;
  if (covered >= target) return { bound: value + 4 * slack, bundle: taken.sort((a, b) => a - b) };
  rest.sort((a, b) => -c[a] * u[b] - -c[b] * u[a] || a - b);
  const k = rest.length;
  const cost = new Float64Array(k);
  const weight = new Float64Array(k);
  const suffix = new Float64Array(k + 1);
  rest.forEach((g, j) => {
    cost[j] = -c[g];
    weight[j] = u[g];
  });
  for (let j = k - 1; j >= 0; j--) suffix[j] = suffix[j + 1] + weight[j];
  const missing = target - covered;
  if (suffix[0] < missing) return null;
  let best = Infinity;
  let bestSet: number[] = [];
  const chosen: number[] = [];
  let nodes = 0;
  let rootLower = -Infinity;
  const visit = (j: number, spent: number, left: number): void => {
    if (nodes++ > maxNodes) return;
    if (left <= 0) {
      if (spent < best) {
        best = spent;
        bestSet = chosen.slice();
      }
      return;
    }
    if (j === k || suffix[j] < left - slack) return;
    // fractional bound: the cheapest goods per unit of value, the last one in part
    let lower = spent;
    let need2 = left;
    let t = j;
    while (t < k && weight[t] < need2) {
      lower += cost[t];
      need2 -= weight[t];
      t++;
    }
    if (t < k) lower += (cost[t] * need2) / weight[t];
    if (j === 0 && spent === 0) rootLower = lower;
    if (lower >= best - 2 * slack) return;
    chosen.push(j);
    visit(j + 1, spent + cost[j], left - weight[j]);
    chosen.pop();
    visit(j + 1, spent, left);
  };
  visit(0, 0, missing);
  if (nodes > maxNodes) {
    const found = best === Infinity ? rest.map((_, j) => j) : bestSet;
    const bundle = taken.concat(found.map((j) => rest[j])).sort((a, b) => a - b);
    return { bound: value - (rootLower - 3 * slack) + 4 * slack, bundle, exact: false };
  }
  if (best === Infinity) return null;
  const bundle = taken.concat(bestSet.map((j) => rest[j])).sort((a, b) => a - b);
  return { bound: value - best + 4 * slack, bundle };
}

/** Why the price search ended without a certificate, or the certificate it found. */
export type PriceSearch =
  | {
      readonly po: true;
      readonly prices: Float64Array;
      /** Upper bound on the sum of the agents' regrets at these prices. */
      readonly regret: number;
      /** delta: the total gain a Pareto improvement would need. */
      readonly delta: number;
      readonly rounds: number;
    }
  | { readonly po: null; readonly reason: string; readonly rounds: number };

/**
 * The agents' regrets at prices p, bounded rigorously (module header), and for each agent with a positive regret the
 * bundle that shows it.
 */
export function regretsAt(
  U: readonly Float64Array[],
  owner: ArrayLike<number>,
  p: Float64Array,
): { total: number; bundles: (number[] | null)[] } {
  const n = U.length,
    m = p.length;
  let total = 0;
  const bundles: (number[] | null)[] = [];
  const c = new Float64Array(m);
  for (let i = 0; i < n; i++) {
    const u = U[i];
    let b = 0;
    let own = 0;
    let size = 0;
    for (let g = 0; g < m; g++) {
      c[g] = u[g] - p[g];
      size += u[g] + p[g];
      if (owner[g] === i) {
        b += u[g];
        own += c[g];
      }
    }
    const slack = (m + 2) * EPS * size;
    const cover = bestCover(c, u, b, slack);
    const regret = cover ? Math.max(0, cover.bound - (own - slack)) : 0;
    total += regret;
    bundles.push(cover && regret > 6 * slack ? cover.bundle : null);
  }
  return { total: total * (1 + (n + 1) * EPS), bundles };
}

/**
 * Looks for prices proving that `owner` has no Pareto improvement gaining MINIMUM_RELATIVE_GAIN of the total value
 * (module header), within MAX_PRICE_ROUNDS rounds and until `deadline` (performance.now() milliseconds).
 */
export function searchPriceCertificate(
  lp: LpSolver,
  U: readonly Float64Array[],
  owner: ArrayLike<number>,
  deadline: number,
): PriceSearch {
  const n = U.length,
    m = owner.length;
  const own: number[][] = Array.from({ length: n }, () => []);
  for (let g = 0; g < m; g++) own[owner[g]].push(g);
  const b = own.map((S, i) => S.reduce((s, g) => s + U[i][g], 0));
  const B = b.reduce((x, y) => x + y, 0);
  const delta = MINIMUM_RELATIVE_GAIN * B * (1 - (m + n + 2) * EPS);
  const floor = priceFloor(U, owner);
  const seen = new Set<string>();
  const model = lp.createModel();
  try {
    // columns p_0 ... p_{m-1} (at least their floor) and t = column m, maximised
    model.addVars([...floor, -1e6], [...Array.from(floor, () => lp.infinity), 1]);
    model.changeColCost(m, 1);
    model.changeObjectiveSense(lp.constants.objectiveSense.maximize);
    model.options.set({ output_flag: false });
    let p = Float64Array.from(floor);
    for (let round = 1; round <= MAX_PRICE_ROUNDS; round++) {
      const r = regretsAt(U, owner, p);
      if (r.total < delta) return { po: true, prices: p, regret: r.total, delta, rounds: round };
      r.bundles.forEach((S, i) => {
        if (!S) return;
        const key = `${i}:${S.join(',')}`;
        if (seen.has(key)) return;
        seen.add(key);
        const inS = new Set(S);
        const indices = S.filter((g) => owner[g] !== i);
        const values = indices.map(() => 1);
        for (const g of own[i])
          if (!inS.has(g)) {
            indices.push(g);
            values.push(-1);
          }
        values.push(-Math.sqrt(indices.length));
        indices.push(m);
        const gain = S.reduce((s, g) => s + U[i][g], 0) - b[i];
        model.addRow(gain, lp.infinity, { indices, values });
      });
      const left = deadline - performance.now();
      if (left <= 0) return { po: null, reason: `time limit after ${round} price rounds`, rounds: round };
      model.options.set({ time_limit: left / 1000 });
      model.run();
      const status = model.getModelStatus();
      if (status !== lp.constants.modelStatus.optimal)
        return { po: null, reason: `HiGHS model status ${status} at price round ${round}`, rounds: round };
      const x = model.getSolution().colValue;
      if (x[m] < -delta)
        return {
          po: null,
          reason: `no certifying prices: the cuts of ${round} rounds leave a regret at any prices`,
          rounds: round,
        };
      p = Float64Array.from(floor, (f, g) => Math.max(f, x[g]));
    }
    return { po: null, reason: `no certificate within ${MAX_PRICE_ROUNDS} price rounds`, rounds: MAX_PRICE_ROUNDS };
  } finally {
    model.dispose();
  }
}

/**
 * The least price of each good at which no other agent would add it to her bundle: its largest value to a non-owner.
 * Where the price searches start (this module and pareto-tree.ts).
 */
export function priceFloor(U: readonly Float64Array[], owner: ArrayLike<number>): Float64Array {
  return Float64Array.from({ length: owner.length }, (_, g) => {
    let top = 0;
    for (let k = 0; k < U.length; k++) if (k !== owner[g] && U[k][g] > top) top = U[k][g];
    return top;
  });
}
