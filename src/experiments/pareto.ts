/**
 * Pareto optimality of an allocation of sampled doubles, decided exactly where possible (issue 15; seed-004 spec
 * 3.12, 4.3), in the order of cost:
 *
 * 1. fPO certificate: multipliers beta with beta_i u_ig ≥ beta_k u_kg for every good g of agent i (Negishi), found by a
 *    longest-path Bellman–Ford on c_ik = max_{g in A_i} ln(u_kg / u_ig) and checked with a rigorous float margin (the
 *    rare close call is checked in exact Rationals). fPO implies PO.
 * 2. Improving exchanges between two agents: one good for a set of goods chosen greedily as a knapsack, then a set for
 *    a set among the goods each would most readily give up (`findSetTrade`). An exchange found in doubles is
 *    re-verified exactly (every agent weakly better, one strictly, by exact sums).
 * 2c. Beyond a few dozen goods (highs.ts), a tabu search over moves and swaps of single goods (pareto-local-search.ts)
 *    proposes improvements, each re-verified exactly; it finds most improvements the integer programs below would find.
 * 3. Prices: the dual of the configuration LP (pareto-prices.ts) proves, with rigorous rounding bounds, that no
 *    improvement gains the total the integer program below asks for; it settles most PO answers without HiGHS's word.
 *    It runs before the neighbourhood programs of step 4 or after them, by goods per agent (highs.ts).
 * 4. The integer program of the spec (binary y, every agent at least her current value, total value larger by a
 *    relative 1e-6), solved by HiGHS under a time limit (`ParetoSolver`, highs.ts), first over neighbourhoods of a few
 *    goods (pareto-neighbourhoods.ts), then over all. An allocation it returns is
 *    re-verified exactly; infeasibility is "PO by the integer program", which rests on HiGHS's floating-point search
 *    and ignores improvements of less than 1e-6 in total value, and is counted separately from the exact answers.
 *    When the whole program runs out of its first share of the time, a tree of price certificates (pareto-tree.ts)
 *    takes the rest: it proves PO with prices at every leaf, or finds an improvement that is checked exactly.
 *
 * The verdict says which step decided it, so a run can report how many PO answers are exact.
 */
import { Rational } from '../core/rational';
import { exactSign, filteredSign } from './exact-sums';
import { SET_TRADE_GOODS, findSetTrade as findVerifiedSetTrade } from '../checks/set-trade';
import { bundlesOf } from './float-envy';

/** How a PO question was settled. */
export type ParetoVia =
  | 'fpo-certificate'
  | 'price-certificate'
  | 'price-tree'
  | 'exchange'
  | 'set-trade'
  | 'integer-program'
  | 'neighbourhood-improvement'
  | 'integer-program-improvement'
  | 'tree-improvement'
  | 'local-search-improvement'
  | 'undecided';

export interface ParetoDecision {
  /** true: PO; false: a Pareto improvement exists (verified exactly); null: undecided. */
  readonly po: boolean | null;
  readonly via: ParetoVia;
  /** Why the decision is missing, when it is. */
  readonly reason?: string;
}

/**
 * Decides steps 3 and 4: returns 'prices' when prices prove that no improvement gains the program's total
 * (pareto-prices.ts), 'price-tree' when a tree of price certificates proves it (pareto-tree.ts), the owners of a
 * dominating allocation (`via: 'neighbourhood'` when a program over some of the goods found it,
 * pareto-neighbourhoods.ts; `via: 'tree'` when the tree search did), 'none' when the integer program is infeasible, or
 * an error reason.
 */
export type ParetoSolver = (
  U: readonly Float64Array[],
  owner: ArrayLike<number>,
) => { owners: Int32Array; via?: keyof typeof IMPROVEMENT_VIA } | 'none' | 'prices' | 'price-tree' | { error: string };

/** The route of an improvement by the part of the solver that found it (the whole integer program when unnamed). */
const IMPROVEMENT_VIA = {
  neighbourhood: 'neighbourhood-improvement',
  tree: 'tree-improvement',
  'local-search': 'local-search-improvement',
} as const satisfies Record<string, ParetoVia>;

const U53 = 2 ** -53;

/** Step 1: fPO multipliers (log scale) when they exist in doubles, else null. */
function fpoLogMultipliers(U: readonly Float64Array[], bundles: readonly number[][]): Float64Array | null {
  const n = U.length;
  const c = Array.from({ length: n }, () => new Float64Array(n).fill(-Infinity));
  for (let i = 0; i < n; i++)
    for (const g of bundles[i]) {
      const ui = U[i][g];
      for (let k = 0; k < n; k++) {
        if (k === i || U[k][g] === 0) continue;
        if (ui === 0) return null;
        const r = Math.log(U[k][g] / ui);
        if (r > c[i][k]) c[i][k] = r;
      }
    }
  // w_i ≥ w_k + c_ik for all edges: longest paths from a virtual source (all zero)
  const w = new Float64Array(n);
  for (let round = 0; round <= n; round++) {
    let changed = false;
    for (let i = 0; i < n; i++)
      for (let k = 0; k < n; k++) {
        const cand = w[k] + c[i][k];
        if (cand > w[i] + 1e-12) {
          w[i] = cand;
          changed = true;
        }
      }
    if (!changed) return w;
  }
  return null;
}

/** Checks beta_i u_ig ≥ beta_k u_kg for every good of every agent, in doubles with a margin or else exactly. */
function certifiesFpo(U: readonly Float64Array[], bundles: readonly number[][], logBeta: Float64Array): boolean {
  const n = U.length;
  const beta = Array.from(logBeta, (x) => Math.exp(x));
  let exactBeta: Rational[] | null = null;
  for (let i = 0; i < n; i++)
    for (const g of bundles[i]) {
      const own = beta[i] * U[i][g];
      for (let k = 0; k < n; k++) {
        if (k === i) continue;
        const other = beta[k] * U[k][g];
        if (own - other > 4 * U53 * (own + other)) continue;
        exactBeta ??= beta.map((b) => Rational.fromNumber(b));
        if (exactBeta[i].mul(Rational.fromNumber(U[i][g])).lt(exactBeta[k].mul(Rational.fromNumber(U[k][g]))))
          return false;
      }
    }
  return true;
}

/** Exactly: every agent's new bundle is worth at least her old one, one strictly more. */
export function isParetoImprovement(
  U: readonly Float64Array[],
  owner: ArrayLike<number>,
  next: ArrayLike<number>,
): boolean {
  const n = U.length;
  const before = bundlesOf(owner, n);
  const after = bundlesOf(next, n);
  let strict = false;
  for (let i = 0; i < n; i++) {
    let a = 0,
      b = 0;
    for (const g of after[i]) a += U[i][g];
    for (const g of before[i]) b += U[i][g];
    let s = filteredSign({ value: a, terms: after[i].length }, { value: b, terms: before[i].length });
    if (s === null) s = exactSign(U[i], after[i], before[i]);
    if (s < 0) return false;
    if (s > 0) strict = true;
  }
  return strict;
}

/**
 * Step 2: agent i gives one good g to agent j and receives a set T of j's goods with u_j(T) ≤ u_j(g) and
 * u_i(T) ≥ u_i(g). Choosing T is a knapsack (capacity u_j(g), weights u_j, values u_i); it is filled greedily by the
 * ratio u_i(h)/u_j(h), skipping goods that do not fit. This covers one-for-one and one-for-two trades (Appendix E's
 * trade is one of them) and longer compensations. Returns the new owners of an exactly verified improvement, or null.
 */
export function findPairExchange(U: readonly Float64Array[], owner: ArrayLike<number>): Int32Array | null {
  const n = U.length;
  const bundles = bundlesOf(owner, n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      if (i === j || bundles[j].length === 0) continue;
      const ui = U[i],
        uj = U[j];
      const byRatio = bundles[j].slice().sort((a, b) => ui[b] * uj[a] - ui[a] * uj[b] || a - b);
      for (const g of bundles[i]) {
        const cap = uj[g];
        let weight = 0,
          value = 0;
        const take: number[] = [];
        for (const h of byRatio) {
          if (weight + uj[h] > cap * (1 + 1e-12)) continue;
          weight += uj[h];
          value += ui[h];
          take.push(h);
          if (value >= ui[g] * (1 - 1e-12)) break;
        }
        if (take.length === 0 || value < ui[g] * (1 - 1e-12)) continue;
        const next = Int32Array.from(owner);
        next[g] = j;
        for (const h of take) next[h] = i;
        if (isParetoImprovement(U, owner, next)) return next;
      }
    }
  return null;
}

/**
 * Step 2b: a set-for-set trade between two agents (src/checks/set-trade.ts), verified exactly on the doubles. On the
 * peak agents at m = 500 it refutes PO of round robin on each of the first four Figure 3 trials (test), where one good
 * for a set finds few. Returns the new owners, or null (which proves nothing).
 */
export function findSetTrade(
  U: readonly Float64Array[],
  owner: ArrayLike<number>,
  perSide = SET_TRADE_GOODS,
): Int32Array | null {
  return findVerifiedSetTrade(U, owner, (next) => isParetoImprovement(U, owner, next), perSide);
}

/** Decides PO of `owner` on the doubles U (module header). */
export function decidePareto(
  U: readonly Float64Array[],
  owner: ArrayLike<number>,
  solver?: ParetoSolver,
): ParetoDecision {
  const bundles = bundlesOf(owner, U.length);
  const logBeta = fpoLogMultipliers(U, bundles);
  if (logBeta && certifiesFpo(U, bundles, logBeta)) return { po: true, via: 'fpo-certificate' };
  if (findPairExchange(U, owner)) return { po: false, via: 'exchange' };
  if (findSetTrade(U, owner)) return { po: false, via: 'set-trade' };
  if (!solver) return { po: null, via: 'undecided', reason: 'no integer-program solver' };
  const r = solver(U, owner);
  if (r === 'none') return { po: true, via: 'integer-program' };
  if (r === 'prices') return { po: true, via: 'price-certificate' };
  if (r === 'price-tree') return { po: true, via: 'price-tree' };
  if ('error' in r) return { po: null, via: 'undecided', reason: r.error };
  if (isParetoImprovement(U, owner, r.owners))
    return {
      po: false,
      via: r.via ? IMPROVEMENT_VIA[r.via] : 'integer-program-improvement',
    };
  return {
    po: null,
    via: 'undecided',
    reason: 'the integer program returned an allocation that does not dominate exactly',
  };
}
