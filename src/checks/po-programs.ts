/**
 * A Pareto improvement by integer programs (refutes PO; issue 17, item 3), as the experiments of paper 004 search for
 * one (src/experiments/highs.ts, pareto-neighbourhoods.ts): first programs over neighbourhoods of a few goods, every
 * other good kept by its owner, then the whole program; HiGHS in one child process (`certify` is synchronous), any
 * allocation it returns checked exactly here.
 *
 * The program, on the per-agent integer units a_i, b_i = a_i(A_i) of po-prices.ts (over the goods G of a
 * neighbourhood, the rest fixed):
 *
 *   max sum_i sum_g a_ig y_ig  s.t.  sum_i y_ig = 1 (g in G),  sum_g a_ig y_ig >= b_i(G) - 1/2 (every i),
 *                                    sum_i sum_g a_ig y_ig >= sum_i b_i(G) + 1/2,  y binary,
 *
 * b_i(G) = a_i(A_i within G). An integral point within HiGHS's tolerances of it is a Pareto improvement exactly (the
 * sums are integers: each agent keeps at least b_i, and the total gains at least 1). [DECISION] The experiments'
 * settings until 2026-12-06: the total as the objective with a relative gap of 1/2 (the first incumbent answers the
 * question) and a heuristic effort of 0.3, HiGHS's default tolerances, neighbourhood programs of 2 s and 5 s (their
 * module comments give the development numbers). The experiments now maximise the smallest gain and stop at HiGHS's
 * first feasible point (src/experiments/highs.ts), which the one-shot `solve` of the child process reports as status
 * "Unknown"; this search keeps the total until it reads solutions off a persistent model. The neighbourhoods come from
 * the linear relaxation that maximises the smallest gain (`smallestGainProgram`, solved in the price search's process,
 * po-prices.ts) through `neighbourhoods`.
 */
import { neighbourhoods, type RelaxedSolution } from '../experiments/pareto-neighbourhoods';
import { solveInHighsProcess } from './highs-process';

/** Time limits of the neighbourhood programs, in seconds (as the experiments'). */
const NEIGHBOURHOOD_SECONDS = [2, 5];

/** A number in LP format: the shortest decimal that reads back as the same double (the sums here are below 2^41). */
function num(x: number): string {
  return String(x);
}

/** The program of the module header over the goods `goods` (sorted), in CPLEX LP format; columns y<i>_<t>. */
export function improvementProgram(
  rows: readonly number[][],
  owner: ArrayLike<number>,
  goods: readonly number[],
): string {
  const n = rows.length;
  const b = new Array<number>(n).fill(0);
  for (const g of goods) b[owner[g]] += rows[owner[g]][g];
  const value = (i: number) => goods.flatMap((g, t) => (rows[i][g] > 0 ? [`+ ${num(rows[i][g])} y${i}_${t}`] : []));
  const all = Array.from({ length: n }, (_, i) => value(i)).flat();
  const lines = ['Maximize', ` obj: ${all.join(' ') || '0 y0_0'}`, 'Subject To'];
  lines.push(` total: ${all.join(' ') || '0 y0_0'} >= ${num(b.reduce((x, y) => x + y, 0) + 0.5)}`);
  goods.forEach((_, t) => lines.push(` a${t}: ${Array.from({ length: n }, (_, i) => `y${i}_${t}`).join(' + ')} = 1`));
  for (let i = 0; i < n; i++) lines.push(` v${i}: ${value(i).join(' ') || '0 y0_0'} >= ${num(b[i] - 0.5)}`);
  lines.push('Binary');
  for (let i = 0; i < n; i++) lines.push(' ' + goods.map((_, t) => `y${i}_${t}`).join(' '));
  lines.push('End');
  return lines.join('\n');
}

/** What the program search found: new owners (to be verified exactly), no improvement, or why it is undecided. */
export type ProgramResult =
  { owners: number[]; via: string } | { infeasible: true } | { reason: string; tried: string[] };

/**
 * Searches a Pareto improvement of `owner` by the programs of the module header within `timeLimitMs`: the
 * neighbourhoods of `relaxed` (when given) first, then the whole program. `owners` is HiGHS's answer, not yet verified;
 * `infeasible` means HiGHS (floating point) found the whole program infeasible, which proves nothing exactly.
 */
export function searchImprovement(
  rows: readonly number[][],
  owner: readonly number[],
  relaxed: RelaxedSolution | null,
  timeLimitMs: number,
): ProgramResult {
  const m = owner.length;
  const U = rows.map((r) => Float64Array.from(r));
  const sets = relaxed ? neighbourhoods(U, owner, relaxed, 40) : [];
  const options = { output_flag: false, threads: 1, mip_rel_gap: 0.5, mip_heuristic_effort: 0.3 };
  const all = Array.from({ length: m }, (_, g) => g);
  const programs = [
    ...sets.map((goods, k) => ({
      goods,
      label: `neighbourhood of ${goods.length} goods`,
      seconds: NEIGHBOURHOOD_SECONDS[k] ?? 5,
    })),
    { goods: all, label: 'whole program', seconds: timeLimitMs / 1000 },
  ];
  const answers = solveInHighsProcess(
    programs.map((p) => ({ lp: improvementProgram(rows, owner, p.goods), options, seconds: p.seconds })),
    timeLimitMs,
    true,
  );
  const tried: string[] = [];
  for (const [t, ans] of answers.entries()) {
    const p = programs[t];
    tried.push(`${p.label}: ${ans.status}${ans.error ? ` (${ans.error})` : ''}`);
    if (ans.status === 'Optimal' && ans.columns) {
      const owners = [...owner];
      p.goods.forEach((g, s) => {
        let best = owner[g];
        let top = -Infinity;
        for (let i = 0; i < rows.length; i++) {
          const v = ans.columns![`y${i}_${s}`] ?? 0;
          if (v > top) [top, best] = [v, i];
        }
        owners[g] = best;
      });
      return { owners, via: p.label };
    }
    if (ans.status === 'Infeasible' && p.goods.length === m) return { infeasible: true };
  }
  return { reason: tried.join('; '), tried };
}
