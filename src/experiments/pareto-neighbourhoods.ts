/**
 * Neighbourhoods for the PO integer program (issue 15; seed-004 spec 3.12): before HiGHS searches the whole program,
 * it searches small ones in which every good outside a neighbourhood stays with its owner. A small program is solved in
 * a fraction of the whole one's time, and any allocation it returns is a Pareto improvement of the whole instance (the
 * fixed goods keep their values); an infeasible small program proves nothing, and the whole program follows.
 *
 * The neighbourhoods come from the linear relaxation that maximises the smallest gain z:
 *
 *   max z  s.t.  sum_i x_ig = 1 (every g),  sum_g u_ig x_ig − z ≥ u_i(A_i) (every i),  0 ≤ x ≤ 1.
 *
 * 1. The goods its optimum moves away from their owners (about a quarter of the goods at m = 100).
 * 2. Those, topped up to `WIDE_NEIGHBOURHOOD` goods with the goods of least reduced cost under the optimum's dual
 *    prices beta (the cheapest goods to move: min over other agents k of beta_owner u_owner,g − beta_k u_kg); only
 *    where that is at most half of the goods, else it costs nearly what the whole program costs.
 *
 * [DECISION] The sizes: a Pareto improvement of round robin on the ten peak agents at m = 100 moves 9–28 goods among
 * 5–10 agents (the whole program's answers on the first 20 undecided trials, a development run not kept as a test).
 * Of the 55 of the first 100 trials at m = 100 that exchanges and set trades leave open, the neighbourhoods refuted
 * PO in 40, the whole program in 10 more, it proved PO in 4 and 1 stayed undecided at 60 s: 222 s of compute for the
 * 55, against 0.2–60 s per trial for the whole program alone (development runs on a loaded machine; the bench's PO
 * column shows the effect on whole figures). A third neighbourhood of 55 goods (5 s) refuted 4 of the 8 slowest
 * trials but spent its 5 s on the others, about even, and is not used.
 */

import { MINIMUM_RELATIVE_GAIN } from './pareto-prices';

/** Goods in the second neighbourhood. */
export const WIDE_NEIGHBOURHOOD = 40;

function num(x: number): string {
  return x.toPrecision(17);
}

/** Every agent's value of her bundle under `owner`. */
export function currentValues(U: readonly Float64Array[], owner: ArrayLike<number>): Float64Array {
  const current = new Float64Array(U.length);
  for (let g = 0; g < U[0].length; g++) current[owner[g]] += U[owner[g]][g];
  return current;
}

/** The total gain the PO integer programs ask an improvement for: `MINIMUM_RELATIVE_GAIN` of the current total. */
export function minimumGain(U: readonly Float64Array[], owner: ArrayLike<number>): number {
  return currentValues(U, owner).reduce((a, b) => a + b, 0) * MINIMUM_RELATIVE_GAIN;
}

/** The linear relaxation of the module header in CPLEX LP format (columns y<i>_<g> and z, rows a<g> and v<i>). */
export function smallestGainProgram(U: readonly Float64Array[], owner: ArrayLike<number>): string {
  const n = U.length,
    m = U[0].length;
  const current = currentValues(U, owner);
  const lines = ['Maximize', ' obj: z', 'Subject To'];
  for (let g = 0; g < m; g++)
    lines.push(` a${g}: ${Array.from({ length: n }, (_, i) => `y${i}_${g}`).join(' + ')} = 1`);
  for (let i = 0; i < n; i++) {
    const terms: string[] = [];
    for (let g = 0; g < m; g++) if (U[i][g] > 0) terms.push(`+ ${num(U[i][g])} y${i}_${g}`);
    lines.push(` v${i}: ${terms.join(' ')} - z >= ${num(current[i])}`);
  }
  lines.push('Bounds');
  for (let i = 0; i < n; i++) for (let g = 0; g < m; g++) lines.push(` 0 <= y${i}_${g} <= 1`);
  lines.push(' z free', 'End');
  return lines.join('\n');
}

/** What the relaxation's solution gives the neighbourhoods: x_ig by column name, the dual price of each row v<i>. */
export interface RelaxedSolution {
  readonly value: (i: number, g: number) => number;
  readonly dual: (i: number) => number;
}

/**
 * The two neighbourhoods of the module header (sorted goods), smallest first; the second is omitted when it would hold
 * every good (then it is the whole program).
 */
export function neighbourhoods(
  U: readonly Float64Array[],
  owner: ArrayLike<number>,
  relaxed: RelaxedSolution,
  wide = WIDE_NEIGHBOURHOOD,
): number[][] {
  const n = U.length,
    m = U[0].length;
  const moved = new Set<number>();
  for (let g = 0; g < m; g++) if (relaxed.value(owner[g], g) < 1 - 1e-9) moved.add(g);
  const out: number[][] = [];
  if (moved.size > 0 && moved.size < m) out.push([...moved].sort((a, b) => a - b));
  if (2 * wide > m) return out;
  const beta = Array.from({ length: n }, (_, i) => Math.abs(relaxed.dual(i)));
  const reduced = new Float64Array(m);
  for (let g = 0; g < m; g++) {
    const o = owner[g];
    let least = Infinity;
    for (let k = 0; k < n; k++) if (k !== o) least = Math.min(least, beta[o] * U[o][g] - beta[k] * U[k][g]);
    reduced[g] = least;
  }
  const byCost = Array.from({ length: m }, (_, g) => g).sort((a, b) => reduced[a] - reduced[b] || a - b);
  const widened = new Set(moved);
  for (const g of byCost) {
    if (widened.size >= wide) break;
    widened.add(g);
  }
  if (widened.size > moved.size) out.push([...widened].sort((a, b) => a - b));
  return out;
}

/** The instance restricted to `goods` (columns in that order) and their owners. */
export function restrict(
  U: readonly Float64Array[],
  owner: ArrayLike<number>,
  goods: readonly number[],
): { U: Float64Array[]; owner: Int32Array } {
  return {
    U: U.map((row) => Float64Array.from(goods, (g) => row[g])),
    owner: Int32Array.from(goods, (g) => owner[g]),
  };
}
