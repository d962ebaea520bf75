/**
 * HiGHS inside an experiment worker: the WASM solver is loaded once per worker (asynchronously) and then solves
 * synchronously, unlike src/checks/alpha-po.ts, which starts a child process per call because `certify` must stay
 * synchronous in the main thread. Used for step 3 of the PO decision (pareto.ts): the integer program
 *
 *   max z  s.t.  sum_i y_ig = 1 (every g),  sum_g u_ig y_ig − z ≥ u_i(A_i) (every i),  z ≥ 0,
 *                sum_i sum_g u_ig y_ig ≥ (1 + 1e-6) sum_i u_i(A_i),  y binary,
 *
 * which is feasible exactly when a Pareto improvement gaining more than a relative 1e-6 in total value exists (seed-004
 * spec 3.12; the authors' threshold was an absolute 1e-3 on the gain). HiGHS stops at its first feasible point
 * (`mip_max_improving_sols` 1): any one answers the question, and infeasibility is proved as with any objective.
 * [DECISION] The total-value row: in a development run on the peak agents at m = 50 (not kept as a test or bench) it
 * halved HiGHS's time against maximising the total without it; 1e-6 and not less, so that the current allocation
 * cannot pass the row within HiGHS's tolerances.
 * [DECISION] The objective is the smallest gain z, not the total value (the choice until 2026-12-06, stopped by a
 * relative gap of 1/2 at the first incumbent; the relative gap cannot stop a search whose objective is near 0, hence
 * the solution limit). Our reading, not measured: HiGHS's dives then look for allocations that leave every agent some
 * slack instead of the largest total. Development runs of 2026-12-06 (two at a time on two cores, not kept as tests),
 * heuristic effort 0.05:
 * - the 38 of Figure 3's trials 0-399 at m = 100 that reach the whole program: 430 s in all against 485 s. The 31
 *   improvements took 245 s; trials 43, 45, 50, 89 and 167 took 2.5-5.5 s each against 27-48 s (effort 0.3), while
 *   trials 234 and 328 took 34 and 33 s against 1.3 and 1.2 s. The 7 PO trials took 185 s against 232 s (effort 0.3).
 * - trial 596 at m = 200: an improvement in 70.5 s, where the total objective found none in 150 s.
 * - the two neighbourhood programs on trials 0-199 at m = 100: 92 s against 108 s, 76 improvements against 75.
 * Without any objective (pure feasibility) HiGHS found none of five improvements at m = 100 in 60 s (an earlier
 * development run) and left 13 of 15 PO trials at m = 100 undecided at 120 s, which take 3-90 s with z (a development
 * run of 2026-12-06, second session). The gain relative to each agent's value (rows u_i(y) - u_i(A_i) z >= u_i(A_i)),
 * whole program alone (same run): 267 s against 310 s on 42 of Figure 3's trials at m = 100 that reach the whole
 * program (0-199 and 400-784), but 900 s against 722 s on 48 others (470-999); not used. HiGHS's heuristic effort 0.3
 * and 0.8 in the whole program took 326 and 461 s on the 42. Columns are read from the persistent model's solution
 * (`getSolution`), which was a dominating allocation on all 31 (the one-shot `solve` of the `highs` package reports
 * the solution limit as status "Unknown").
 * [DECISION] Heuristic effort 0.3 (HiGHS's default 0.05) in the neighbourhood programs, the default in the whole
 * program (and in its polish), measured with the total-value objective. On five round-robin allocations at m = 100 that
 * no exchange refutes, 0.3 at gap 1/2 took 2.0–33 s against 9.4–50 s at gap 0 and the default effort (a development
 * run, not kept as a test). With gap 1/2 on both sides, on the 38 of Figure 3's trials 0-399 at m = 100 that reach the
 * whole program (development runs of 2026-12-05, two at a time, not kept as tests): the whole program took 485 s at the
 * default against 572 s at 0.3 (one trial's time varies by a factor of up to 3.6 with HiGHS's random seed, so only the
 * sum says anything), while the neighbourhood programs of trials 0-99 took 55 s at the default against 54 s and refuted
 * one trial fewer. Without reliability branching as well (`mip_pscost_minreliable` 0; strong branching took 94,179 of
 * 167,936 LP iterations on trial 43) the 38 took 346 s, but in a whole-figure run (with a tree share of 0.5, `TURNS`)
 * m = 100 took 2462 s of compute (all four columns) against 2428 s with these options, and m = 200 867 s against 605 s,
 * where the unit of trials 700-719 took 435 s. With the smallest-gain objective it is used up to 10 goods per agent
 * (`UNRELIABLE_GOODS_PER_AGENT`). Whole-figure runs of 2026-12-05 (night): bench/results/multipliers.md.
 * [DECISION] HiGHS's default feasibility tolerances, tightened to 1e-10 only to polish a returned allocation that fails
 * the exact check. At 1e-10 throughout (the choice until 2026-12-05) HiGHS called one program infeasible that has an
 * improvement gaining 0.24 (trial 77 of Figure 3 at m = 50, a regression test); on the 85 programs of the first 100
 * trials at m = 50 the default tolerances gave the same 50 infeasible programs otherwise and 35 exact improvements, in
 * the same time (a development run).
 * Before the whole program, programs over neighbourhoods of the goods (pareto-neighbourhoods.ts) look for an
 * improvement more cheaply; each asks for the whole program's total gain, so that both count the same improvements.
 * The whole program takes turns with the tree of price certificates (pareto-tree.ts) until the time limit
 * (`programInTurnsWithTree`, `TURNS`).
 */
import { improveNashWelfare, nashWelfareProgram, ownersFromColumns } from '../mechanisms/multipliers/nash-welfare';
import { isParetoImprovement, type ParetoSolver } from './pareto';
import { searchPriceCertificate, type LpSolver } from './pareto-prices';
import { searchImprovement } from './pareto-local-search';
import { priceTreeSearch, searchPriceTree, type TreeSearch } from './pareto-tree';
import {
  WIDE_NEIGHBOURHOOD,
  currentValues,
  minimumGain,
  neighbourhoods,
  restrict,
  smallestGainProgram,
} from './pareto-neighbourhoods';

interface LegacySolution {
  Status: string;
  ObjectiveValue: number;
  Columns: Record<string, { Primal: number }>;
  Rows?: { Name: string; Dual: number }[];
}

/** The `highs` package: the one-shot `solve` on CPLEX LP text, and the persistent models pareto-prices.ts uses. */
interface HighsSolver extends LpSolver {
  solve(lp: string, options?: Record<string, unknown>): LegacySolution;
}

let loading: Promise<HighsSolver | null> | undefined;

/** The HiGHS solver of this thread (null when the package is missing or fails to load). */
export function loadHighs(): Promise<HighsSolver | null> {
  loading ??= (async () => {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const factory = require('highs') as () => Promise<HighsSolver>;
      return await factory();
    } catch {
      return null;
    }
  })();
  return loading;
}

function num(x: number): string {
  return x.toPrecision(17);
}

/**
 * The integer program of the module header in CPLEX LP format; `minimumGain` is the total gain it asks for (default
 * a relative 1e-6 of the current total; a neighbourhood's program asks for the whole instance's).
 */
export function paretoProgram(U: readonly Float64Array[], owner: ArrayLike<number>, minimumGain?: number): string {
  const n = U.length,
    m = U[0].length;
  const current = currentValues(U, owner);
  const lines: string[] = ['Maximize', ' obj: z', 'Subject To'];
  const total = current.reduce((a, b) => a + b, 0);
  const all: string[] = [];
  for (let i = 0; i < n; i++) for (let g = 0; g < m; g++) if (U[i][g] > 0) all.push(`+ ${num(U[i][g])} y${i}_${g}`);
  lines.push(` total: ${all.join(' ')} >= ${num(total + (minimumGain ?? total * 1e-6))}`);
  for (let g = 0; g < m; g++)
    lines.push(` a${g}: ${Array.from({ length: n }, (_, i) => `y${i}_${g}`).join(' + ')} = 1`);
  for (let i = 0; i < n; i++) {
    const terms: string[] = [];
    for (let g = 0; g < m; g++) if (U[i][g] > 0) terms.push(`+ ${num(U[i][g])} y${i}_${g}`);
    lines.push(` v${i}: ${terms.join(' ')} - z >= ${num(current[i])}`);
  }
  lines.push('Bounds', ' z >= 0', 'Binary');
  for (let i = 0; i < n; i++) lines.push(' ' + Array.from({ length: m }, (_, g) => `y${i}_${g}`).join(' '));
  lines.push('End');
  return lines.join('\n');
}

/** A program's model in HiGHS (`createModel`). */
type ProgramModel = ReturnType<HighsSolver['createModel']>;

/**
 * Reads a dominating allocation off the columns y<i>_<g> of the solution HiGHS stopped at: each good to its largest
 * column.
 */
function ownersOf(model: ProgramModel, n: number, m: number): Int32Array {
  const x = model.getSolution().colValue;
  const column = (i: number, g: number) => x[model.getColByName(`y${i}_${g}`)];
  const owners = new Int32Array(m);
  for (let g = 0; g < m; g++) {
    let best = 0,
      top = -Infinity;
    for (let i = 0; i < n; i++) {
      const v = column(i, g);
      if (v > top) {
        top = v;
        best = i;
      }
    }
    owners[g] = best;
  }
  return owners;
}

/**
 * Goods per agent up to which HiGHS branches without reliability branching (`mip_pscost_minreliable` 0: pseudocosts
 * from the start, no strong branching to initialise them).
 * [DECISION] With the smallest-gain objective (module header), development runs of 2026-12-06 (two at a time on two
 * cores, heuristic effort 0.05, not kept as tests): on the 38 of Figure 3's trials 0-399 at m = 100 that reach the
 * whole program it took 253 s against 430 s (the 7 PO trials 127 s against 185 s, the 31 improvements 126 s against
 * 245 s); on the first 11 of those of trials 400-999 it was as fast or faster on every one (trial 427: 7.4 s against
 * 25.6 s); the neighbourhood programs of trials 0-199 took 83 s against 92 s, with one improvement more. But trial 596
 * at m = 200 (20 goods per agent) found no improvement in 150 s against 70.5 s with it, as with the total-value
 * objective (bench/results/multipliers.md, 2026-12-05, night: m = 200 took 867 s against 605 s), so it stays on beyond
 * 10 goods per agent.
 */
const UNRELIABLE_GOODS_PER_AGENT = 10;

/**
 * HiGHS's options for one integer program (module header) of an instance with `goodsPerAgent` goods per agent:
 * `whole` for the whole program (searched or polished), else a neighbourhood's. The WASM build runs one thread, so
 * none is set.
 */
function mipOptions(
  seconds: number,
  tight: boolean,
  whole: boolean,
  goodsPerAgent: number,
): Record<string, number | boolean> {
  return {
    time_limit: Math.max(0.001, seconds),
    output_flag: false,
    mip_max_improving_sols: 1,
    mip_heuristic_effort: whole ? 0.05 : 0.3,
    ...(goodsPerAgent <= UNRELIABLE_GOODS_PER_AGENT ? { mip_pscost_minreliable: 0 } : {}),
    ...(tight ? { primal_feasibility_tolerance: 1e-10, mip_feasibility_tolerance: 1e-10 } : {}),
  };
}

/** Time limits of the two neighbourhood programs (pareto-neighbourhoods.ts), in seconds. */
const NEIGHBOURHOOD_SECONDS = [2, 5];

type ProgramAnswer = Int32Array | 'infeasible' | { error: string };

/** Whether HiGHS stopped at a feasible point: its first (`mip_max_improving_sols` 1) or an optimum. */
function isSolution(highs: HighsSolver, status: number): boolean {
  const { optimal, solutionLimit } = highs.constants.modelStatus;
  return status === optimal || status === solutionLimit;
}

/**
 * One integer program over the goods `goods` of the instance (all when omitted), the rest fixed: an exactly verified
 * improvement of the whole instance, 'infeasible', or an error. A solution that fails the exact check is solved again
 * at tight tolerances (module header).
 */
function solveProgram(
  highs: HighsSolver,
  U: readonly Float64Array[],
  owner: ArrayLike<number>,
  goods: readonly number[] | null,
  seconds: () => number,
  tolerances: readonly boolean[] = [false, true],
): ProgramAnswer {
  const n = U.length;
  const small = goods ? restrict(U, owner, goods) : { U, owner };
  const program = paretoProgram(small.U, small.owner, minimumGain(U, owner));
  for (const tight of tolerances) {
    const model = highs.createModel({ format: 'lp', data: program });
    try {
      model.options.set(mipOptions(seconds(), tight, goods === null, owner.length / n));
      model.run();
      const status = model.getModelStatus();
      if (status === highs.constants.modelStatus.infeasible) return 'infeasible';
      if (!isSolution(highs, status)) return { error: `HiGHS model status ${status}` };
      const found = ownersOf(model, n, small.owner.length);
      const owners = Int32Array.from(owner);
      if (goods) goods.forEach((g, t) => (owners[g] = found[t]));
      else owners.set(found);
      if (isParetoImprovement(U, owner, owners)) return owners;
    } finally {
      model.dispose();
    }
  }
  return { error: 'HiGHS returned allocations that do not dominate exactly, at default and at tight tolerances' };
}

/**
 * The whole program and the tree of price certificates (pareto-tree.ts) in turns on one core, until `deadline`: HiGHS
 * alone for `turns.first` seconds, then, from HiGHS's callback, the tree until it has had `turns.treeShare` times
 * HiGHS's time so far, then HiGHS for as long again as it has had, and so on (`TURNS`). A longer limit lets both go on
 * where they stopped, where a retry (retry.ts) starts both again. Answers 'none' (infeasible), 'price-tree', an
 * exactly verified improvement (`via: 'tree'` when the tree found it), or an error.
 * [DECISION] Turns by HiGHS's `mipInterrupt` callback, which HiGHS calls about every millisecond (every 1.3 ms at the
 * median, at most 1.4 s apart on trials 43, 45 and 89 of Figure 3 at m = 100, a development run): HiGHS waits inside
 * its own search while the tree runs, so neither starts again.
 */
function programInTurnsWithTree(
  highs: HighsSolver,
  U: readonly Float64Array[],
  owner: ArrayLike<number>,
  deadline: number,
  turns: Turns,
): Exclude<ReturnType<ParetoSolver>, 'prices'> {
  const n = U.length,
    m = U[0].length;
  const { infeasible } = highs.constants.modelStatus;
  const tree = priceTreeSearch(U, owner);
  let last: TreeSearch | null = null;
  let highsSeconds = 0;
  let treeSeconds = 0;
  let slice = turns.first;
  let sliceStart = performance.now();
  const model = highs.createModel({ format: 'lp', data: paretoProgram(U, owner) });
  try {
    model.options.set(mipOptions((deadline - performance.now()) / 1000, false, true, m / n));
    model.run({
      [highs.constants.callbackType.mipInterrupt]: (event): undefined => {
        const now = performance.now();
        if (now - sliceStart < slice * 1000 || !tree.resumable) return undefined;
        highsSeconds += (now - sliceStart) / 1000;
        last = tree.advance(Math.min(deadline, now + (turns.treeShare * highsSeconds - treeSeconds) * 1000));
        treeSeconds += (performance.now() - now) / 1000;
        if (last.po !== null) event.interrupt();
        slice = highsSeconds;
        sliceStart = performance.now();
      },
    });
    const status = model.getModelStatus();
    let decided = last as TreeSearch | null;
    if (decided?.po == null && !isSolution(highs, status) && status !== infeasible && tree.resumable)
      decided = tree.advance(deadline);
    if (decided?.po === true) return 'price-tree';
    if (decided?.po === false) return { owners: decided.owners, via: 'tree' };
    if (status === infeasible) return 'none';
    if (!isSolution(highs, status))
      return { error: `HiGHS model status ${status}${decided ? `; ${decided.reason}` : ''}` };
    const owners = ownersOf(model, n, m);
    if (isParetoImprovement(U, owner, owners)) return { owners };
    const polished = solveProgram(highs, U, owner, null, () => (deadline - performance.now()) / 1000, [true]);
    if (polished instanceof Int32Array) return { owners: polished };
    return polished === 'infeasible' ? 'none' : polished;
  } finally {
    model.dispose();
  }
}

/**
 * Where the price search (pareto-prices.ts) runs, by goods per agent: before the neighbourhood programs up to
 * `PRICES_FIRST`, after them up to `PRICES_LAST`, not at all beyond (the whole integer program decides). [DECISION]
 * Round robin is PO less often the more goods each agent gets (Figure 3: 548 of 1000 trials at 5 goods per agent, 103
 * at 10, none at 20), while a price search that finds no certificate cost about 0.2 s at m = 50, 1.5 s at m = 100
 * and over 10 s (its whole round budget) at m = 200 when it solved every round's LP from scratch (0.3-2.3 s at m = 100
 * on one persistent model, pareto-prices.ts; not measured again at m = 50 and 200). On the first 40 trials at
 * m = 100, the neighbourhood programs first took 86 s against 113 s for the prices first (a development run, two at a
 * time on two cores; not kept as a test).
 * Before both, up to `ROOT_FIRST` goods, the root of the tree of price certificates runs; beyond it the tabu search
 * runs, and the price search comes first up to `PRICES_LAST` (`LOCAL_SEARCH_RUNS`).
 */
const PRICES_FIRST = 5;
const PRICES_LAST = 10;

/**
 * Goods up to which the root of the tree of price certificates (pareto-tree.ts, one node: its descent alone) runs
 * first, before the Chebyshev search and the neighbourhood programs; its improvements count as the tree's.
 * [DECISION] The root's cost grows with the goods (one covering knapsack over them per agent and step), not with the
 * goods per agent. Development runs of 2026-12-05 (two at a time on two cores, 60 s per trial; not kept as tests):
 * - Figure 3, m = 50 (ten agents), first 200 trials: 42 s against 73 s without the root. It certified all 98 PO
 *   answers the Chebyshev search had (3.6 s against 18.5 s) and found 59 improvements in 2.8 s in all, where the
 *   neighbourhood and whole programs had taken 44 s; the same 100 PO answers.
 * - Figure 5, m = 53 (ten agents), first 150 trials: 68 s against 98 s, the same 70 PO answers.
 * - Figure 6, m = 50 (five Beta agents, 10 goods per agent), first 200 trials: 4.7 s against 18.2 s, the same 7 PO
 *   answers.
 * - Figure 3, m = 100 (ten agents), first 100 trials: 329 s against 270 s. Each trial the root does not decide costs
 *   1-4 s there, while the neighbourhood programs settle most of them in under a second. In place of the Chebyshev
 *   search after the neighbourhood programs it was even (236 s against 236 s on the 14 trials that reach it), and
 *   with a knapsack budget of 2,000 nodes before them 267 s against 270 s (and 15.3 s against 14.9 s on the first 100
 *   trials at m = 200), so it does not run there.
 * Full runs at T = 1000 with it (bench/results/multipliers.md, "third run"): Figure 3 PO at m = 10, 20, 50 took 53 s
 * wall against 231 s, with the same counts.
 */
const ROOT_FIRST = 60;

/**
 * Runs of the tabu search for an improvement (pareto-local-search.ts) beyond `ROOT_FIRST` goods, before the price
 * search and the integer programs: the first number up to `PRICES_LAST` goods per agent, the second beyond (where
 * round robin is rarely PO: none of Figure 3's 1000 trials at 20 goods per agent). Where it runs, the price search
 * comes before the neighbourhood programs up to `PRICES_LAST` goods per agent, since most trials the search leaves open
 * are PO.
 * [DECISION] Development runs of 2026-12-06 (third session, `decidePareto` with this solver, two at a time on two
 * cores; not kept as tests), Figure 3 at m = 100: trials 0-199 took 194 s without the search (88.6 + 105.6), 92 s with
 * 10 runs and the price search first, 99 s with the neighbourhood programs first, 101 s without the neighbourhood
 * programs; 5 runs against 10 found the same improvements in trials 100-199 (89 s, neighbourhoods first), 20 runs 3
 * more and took 110 s. It found 87 of the 91 improvements of trials 0-199 (6.3 s in all) and 59 of 73 on the 90 hard
 * trials of the module header (the 42 and the 48): those took 172 s and 522 s, against 310 s and 722 s for HiGHS's
 * whole program alone; what is left there is mostly PO proofs (17 trials, 421 s). At m = 200 trials 0-99 took 10.8 s
 * (set trades 77, the search 10, exchanges 12, a neighbourhood 1) against about 20 s. In the whole-figure run with 10
 * runs everywhere (892 s wall, bench/results/multipliers.md) 19 trials at m = 200 went past the search to HiGHS, and
 * the units holding two of them (596, 712) took 84 and 82 s of m = 200's 351 s; 50 runs find 16 of the 19 (2.3-6.8 s
 * each; 10 s for the other three). With 50 there, two whole-figure runs took 784 and 764 s wall (m = 200 207 and
 * 201 s of compute). Rejected in development runs: HiGHS's heuristic effort 0 in the whole program once the search has
 * run (10 PO trials 138 s against 149 s, but 11 improvements it misses 132 s against 117 s); no neighbourhood programs
 * after it on 18 such trials (203 s against 201 s); kicks along the smallest-gain LP's moves (2 of 14 missed
 * improvements in 10 runs, at 0.6 s a trial). 7 runs instead of 10: runs 8-10 found none of trials 0-399 at m = 100
 * that runs 1-7 miss, but 3 of the 90 hard trials (about 24 s of compute saved per 1000 trials against seconds of
 * HiGHS for each of those), so 10 stay. (The 5-against-10 comparison above was with a tabu tenure of 7-16 steps.)
 */
const LOCAL_SEARCH_RUNS = [10, 50] as const;

/** How the whole integer program and the tree of price certificates share a trial's time (`programInTurnsWithTree`). */
export interface Turns {
  /** Seconds HiGHS searches alone before the first turn of the tree. */
  readonly first: number;
  /** The tree's time as a multiple of HiGHS's time so far, at the end of each of its turns. */
  readonly treeShare: number;
}

/**
 * HiGHS alone for 15 s, then the tree until it has had a tenth of HiGHS's time: at 60 s per trial HiGHS has had
 * 57 s and the tree 3 s, at 600 s 552 s and 48 s.
 * [DECISION] The share, from the whole program and the tree each run alone on the 38 of Figure 3's trials 0-399 at
 * m = 100 that reach the whole program (development runs of 2026-12-05, 60-90 s each, two at a time; not kept as
 * tests): HiGHS alone (total-value objective) decided every one, in 572 s in all at heuristic effort 0.3 (0.2-53 s
 * each) and 485 s at 0.05 (`mipOptions`), the tree 32 of them (0.1-48 s). Replaying the turns on those times (effort
 * 0.3; 0.05 in brackets), a tree share of 3 (the choice until then: HiGHS 15 s, then the tree three times HiGHS's time)
 * costs 808 s (744 s), a share of 1 668 s (616 s), 0.5 619 s (556 s) and 0.1 570 s (505 s); the better of the two
 * solvers for each trial sums to 346 s (307 s). Starting the turns after 1-5 s instead of 15 s (effort 0.3) changes the
 * shares 0.1-1 by under 5 % and the share 3 by 9 %. The tree keeps a tenth for the trials it decides far sooner than
 * HiGHS (PO of trial 218 in 12.6 s against 52.5 s; the improvement of trial 167 in 0.3 s against 48 s). Its cost: trial
 * 596 at m = 200, refuted by the tree alone in 36.5 s and by HiGHS in 99 s at effort 0.3, took about 280 s in the
 * whole-figure run (1670 s wall; a share of 0.5 with HiGHS without reliability branching took 1833 s,
 * bench/results/multipliers.md). With the smallest-gain objective (module header) its unit of 20 trials took 72 s in
 * the whole-figure run of 2026-12-06 (1215 s wall). The share was not measured again with that objective, under which
 * HiGHS alone takes 253 s on the 38 (`UNRELIABLE_GOODS_PER_AGENT`). The tree alone for a few seconds before HiGHS
 * starts (development runs of 2026-12-06, second session, turns as here, two at a time): leads of 0, 0.5, 1, 2, 3
 * and 4 s took 306, 277, 279, 257, 277 and 284 s on the 42 trials of the module header, but a lead of 2 s took 738 s
 * against 698 s on its 48 others, so there is none.
 */
const TURNS: Turns = { first: 15, treeShare: 0.1 };

/**
 * A `ParetoSolver` on a loaded HiGHS: up to `ROOT_FIRST` goods the root of the tree of price certificates
 * ('price-tree', or an improvement with `via: 'tree'`), beyond it the tabu search of pareto-local-search.ts (an
 * improvement with `via: 'local-search'`; `localSearchRuns` runs, by default `LOCAL_SEARCH_RUNS`, 0 to skip it), then
 * the price search and the neighbourhood programs of pareto-neighbourhoods.ts (an improvement found there is returned
 * with `via: 'neighbourhood'`), in the order `PRICES_FIRST`, `PRICES_LAST` and `LOCAL_SEARCH_RUNS` give, then the
 * whole program in turns with the tree of price certificates (`turns`, `TURNS` by default): 'none' when it is
 * infeasible, the owners of an exactly verified improvement when it finds one, 'price-tree' or an improvement with
 * `via: 'tree'` when the tree decides first, or an error (time limit, solver failure).
 */
export function highsParetoSolver(
  highs: HighsSolver,
  timeLimitMs: number,
  turns: Turns = TURNS,
  localSearchRuns?: number,
): ParetoSolver {
  return (U, owner) => {
    const n = U.length,
      m = U[0].length;
    const deadline = performance.now() + timeLimitMs;
    const left = () => (deadline - performance.now()) / 1000;
    const runs = localSearchRuns ?? LOCAL_SEARCH_RUNS[m <= PRICES_LAST * n ? 0 : 1];
    const searched = m > ROOT_FIRST && runs > 0;
    const pricesFirst = m <= (searched ? PRICES_LAST : PRICES_FIRST) * n;
    const pricesLast = !pricesFirst && m <= PRICES_LAST * n;
    try {
      if (m <= ROOT_FIRST) {
        const root = searchPriceTree(U, owner, deadline, 1);
        if (root.po) return 'price-tree';
        if (root.po === false) return { owners: root.owners, via: 'tree' };
      }
      if (searched) {
        const verify = (next: Int32Array) => isParetoImprovement(U, owner, next);
        const found = searchImprovement(U, owner, minimumGain(U, owner), runs, deadline, verify);
        if (found) return { owners: found, via: 'local-search' };
      }
      if (pricesFirst && searchPriceCertificate(highs, U, owner, deadline).po) return 'prices';
      if (m > WIDE_NEIGHBOURHOOD / 2) {
        const lp = highs.solve(smallestGainProgram(U, owner), { output_flag: false, time_limit: left() });
        if (lp.Status === 'Optimal' && (lp.Columns.z?.Primal ?? 0) > 0) {
          const rows = new Map((lp.Rows ?? []).map((r) => [r.Name, r.Dual]));
          const relaxed = {
            value: (i: number, g: number) => lp.Columns[`y${i}_${g}`]?.Primal ?? 0,
            dual: (i: number) => rows.get(`v${i}`) ?? 0,
          };
          for (const [k, goods] of neighbourhoods(U, owner, relaxed).entries()) {
            const r = solveProgram(highs, U, owner, goods, () => Math.min(NEIGHBOURHOOD_SECONDS[k], left()));
            if (r instanceof Int32Array) return { owners: r, via: 'neighbourhood' };
          }
        }
      }
      if (pricesLast && searchPriceCertificate(highs, U, owner, deadline).po) return 'prices';
      return programInTurnsWithTree(highs, U, owner, deadline, turns);
    } catch (e) {
      return { error: `HiGHS: ${(e as Error).message}` };
    }
  };
}

/**
 * Integral MNW beyond the exact search: the piecewise-linear program of src/mechanisms/multipliers/nash-welfare.ts on
 * this thread's HiGHS, polished by local search. Not a proof of optimality (the unit counts such trials as unproven);
 * null when HiGHS does not return an optimum within the time limit.
 */
export function highsNashSolver(
  highs: HighsSolver,
  timeLimitMs: number,
): (U: readonly Float64Array[]) => Int32Array | null {
  return (U) => {
    const n = U.length,
      m = U[0].length;
    let s: LegacySolution;
    try {
      s = highs.solve(nashWelfareProgram(U), {
        time_limit: timeLimitMs / 1000,
        output_flag: false,
        mip_rel_gap: 0,
      });
    } catch {
      return null;
    }
    if (s.Status !== 'Optimal') return null;
    const columns: Record<string, number> = {};
    for (const [k, c] of Object.entries(s.Columns)) columns[k] = c.Primal;
    return improveNashWelfare(U, ownersFromColumns(columns, n, m));
  };
}
