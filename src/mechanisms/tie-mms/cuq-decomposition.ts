/**
 * The generic ordinal decomposition of Lemma 4.2 of Babaioff, Feige & Manaker Morag (spec A11): given an ordering pi,
 * the strict orders and any portion matrix beta, an explicit lottery D that induces CUQ(v, pi) exactly, with support
 * at most (n-1)m + 1 after reduction, and per-shift lotteries D^(j) whose allocations satisfy
 * v_i(A_i) >= max(v_i(e^(i)_{r_ij}), beta_ij * v_i(M \ top_{2n - r_ij}(i))), r_ij <= pi^(j)_i.
 * `harmonicDecomposition` is Theorem 1's instance of it (the harmonic portion matrix).
 */
import { Allocation, Lottery } from '../../core/allocation';
import type { Instance } from '../../core/instance';
import { checkTimeBudget } from '../../core/time-budget';
import type { TraceStep } from '../../core/outcome';
import { Rational } from '../../core/rational';
import { commonDenominator, type MatchingStrategy, type ScaledEntry, type Slots } from '../classic/decomposition';
import { affineCoordinates } from './affine-coordinates';
import { completeAll } from './completion';
import { cuqCounts, cuqMatrix } from './cuq';
import {
  cyclicData,
  fSet,
  paddedOrders,
  shiftSequence,
  zSet,
  type CyclicData,
  type Ordering,
  type PaddedOrders,
} from './cyclic-picking';
import { faithfulScaled } from './faithful';
import type { GuidedStats } from './guided-reduction';
import { mixShifts, stripDummies, toLottery, type MixedEntry } from './mixing';
import { partialAllocations, toRationalMatrix } from './partial-allocations';
import { harmonicPortions, validatePortionMatrix } from './portion-matrix';
import { GuidedReductionFailed, reduceSupport } from './support-reduction';

export type ReduceMode = 'auto' | 'always' | 'never';

/** What a `LimitError` of the pipeline names when the time budget of its call runs out. */
const BUDGET = 'tie-mms Lemma 4.2 pipeline';

export interface CuqDecompositionOptions {
  /** Birkhoff–von Neumann matching of the faithful step (default `bottleneck`, see classic/decomposition.ts). */
  matching?: MatchingStrategy;
  /**
   * Support reduction (Lemma 4.15): `auto` (default) reduces when the mixture has more than (n-1)m + 1 allocations,
   * `always` reduces to an affinely independent support, `never` returns the mixture D' (TIE and every ex-post
   * guarantee already hold for D'; only the support bound needs the reduction).
   */
  reduce?: ReduceMode;
  /** `full` (default for small instances) puts every matrix in the trace; `summary` only sizes and the lotteries. */
  trace?: 'full' | 'summary';
}

export interface CuqDecomposition {
  readonly padded: PaddedOrders;
  readonly cd: CyclicData;
  readonly beta: readonly (readonly Rational[])[];
  /** Common denominator of every pipeline quantity. */
  readonly D: bigint;
  /** n * CUQ[i][x] on the padded goods. */
  readonly counts: readonly (readonly number[])[];
  /** CUQ on the real goods. */
  readonly cuq: Rational[][];
  /** g[j][i][x] and f[j][i][x], scaled by D, padded goods. */
  readonly g: readonly (readonly (readonly bigint[])[])[];
  readonly f: readonly (readonly (readonly bigint[])[])[];
  readonly completionAdded: readonly { agent: number; shift: number; good: number; delta: bigint }[];
  /** D^(j) over the real goods (weights over D) and the faithful slots of each shift. */
  readonly perShift: readonly (readonly ScaledEntry[])[];
  readonly slots: readonly Slots[];
  readonly bvnRounds: readonly number[];
  /** The mixture D' (weights over n*D) with provenance. */
  readonly mixture: readonly MixedEntry[];
  /** The output lottery D (after reduction when it ran). */
  readonly lottery: Lottery;
  readonly reduced: boolean;
  /** Every step of the pipeline (matrices only with `trace: 'full'`); the mixture step records each allocation's shifts. */
  readonly trace: TraceStep[];
  readonly timings: Record<string, number>;
}

/**
 * `reduce: 'auto'` runs the reduction when the mixture exceeds (n-1)m + 1 allocations and its estimated cost is below
 * these limits (K allocations, d = `reductionSize` coordinates). `reduceSupport` (support-reduction.ts) guesses a basis
 * in floating point (from d = 400 on, the heaviest independent allocations repaired by dual pivots: one dense LU and
 * O(d^2) per pivot; below, a Carathéodory pass or a phase-1 simplex, O(d^2) flops per pivot) and certifies the
 * probabilities on it exactly (LU mod a prime, p-adic lifting, exact check); when a guess cannot be certified it tries
 * the others and then the exact incremental method (about K d^3 / 13 modular operations). Up to AUTO_REDUCE_CELLS
 * (K x d) all of this is cheap, so 'auto' runs the full chain; beyond, while d^3 <= AUTO_REDUCE_WORK, it runs the
 * guesses only and, in the (so far unobserved) case where none is certified, keeps D' (the trace says why). With the
 * default bottleneck matching the mixture is already within the bound at (10, 100) (887 to 891 allocations, bound 901);
 * measured by `npm run bench -- tie-mms` (bench/results/tie-mms.md, CPU): the reduction alone takes 0.7 s there
 * (887 -> 811 allocations, d = 813) and 2.4 s on the canonical matching's 7580 allocations; at (20, 200) (K = 8619,
 * d = 3423) 30 s. [DECISION] 'auto' still stops at d^3 = 1e9 (d <= 1000), so (20, 200) keeps D': `solve` with the
 * default options takes about 1 s there, and the target for it is 5 s, which a 30 s reduction (plus an exact
 * `Lottery` of 3421 probabilities with 8875-bit denominators) would break; the reduction is one option away
 * (`reduce: 'always'`: 36 s CPU for the whole `solve` at (20, 200) in a development run at load 4). Larger mixtures
 * keep D' too (every ex-post guarantee and TIE hold for D'; the outcome then claims its true, larger, support).
 */
export const AUTO_REDUCE_CELLS = 70_000;
export const AUTO_REDUCE_WORK = 1e9;

/** Number of coordinates the reduction works with: 1 + sum over goods of (distinct owners - 1) (`affineCoordinates`). */
export function reductionSize(entries: readonly { owner: Int32Array }[], n: number): number {
  return entries.length ? affineCoordinates(entries, n).d : 1;
}

/** The support bound of Lemma 4.15: (n-1)m + 1 (real goods). */
export function supportBound(n: number, m: number): number {
  return (n - 1) * m + 1;
}

/**
 * CUQ(v, pi) decomposed for the portion matrix beta (Lemma 4.2, spec A11): pad, cyclic data, CUQ, validate beta,
 * partial allocations g, completion f, faithful D^(j), mixture D', dummy removal, reduction. Every intermediate
 * object is returned and recorded in `trace`.
 */
export function decomposeCuq(
  inst: Instance,
  pi: Ordering,
  beta: readonly (readonly Rational[])[],
  opts: CuqDecompositionOptions = {},
): CuqDecomposition {
  const t0 = Date.now();
  const timings: Record<string, number> = {};
  const lap = (name: string, since: number) => (timings[name] = Date.now() - since);
  const n = inst.n;
  const padded = paddedOrders(inst);
  const mReal = inst.m;
  const full = (opts.trace ?? (n * n * padded.m <= 20000 ? 'full' : 'summary')) === 'full';
  let t = Date.now();
  const cd = cyclicData(pi, padded);
  const counts = cuqCounts(cd);
  const cuq = cuqMatrix(counts, mReal);
  lap('cyclic', t);
  validatePortionMatrix(beta, n);
  const D = commonDenominator(beta);
  checkTimeBudget(BUDGET);
  t = Date.now();
  const g = partialAllocations(cd, beta, D);
  lap('partial', t);
  checkTimeBudget(BUDGET);
  t = Date.now();
  const { f, added } = completeAll(cd, g, counts, D);
  lap('completion', t);
  t = Date.now();
  const perShiftRaw = f.map((fj) => {
    checkTimeBudget(BUDGET);
    return faithfulScaled(fj, D, padded.orders, opts.matching ?? 'bottleneck');
  });
  lap('faithful', t);
  const perShift = perShiftRaw.map((r) => stripDummies(r.entries, mReal));
  checkTimeBudget(BUDGET);
  t = Date.now();
  const mixture = mixShifts(perShift);
  lap('mixing', t);
  checkTimeBudget(BUDGET);
  const total = BigInt(n) * D;
  const bound = supportBound(n, mReal);
  const mode = opts.reduce ?? 'auto';
  let lottery: Lottery;
  let reduced = false;
  let reductionInfo: Record<string, unknown> = { ran: false, before: mixture.length, bound };
  t = Date.now();
  const needs = mode === 'auto' && mixture.length > bound;
  const coords = needs ? reductionSize(mixture, n) : 0;
  const cells = mixture.length * coords;
  const affordable = needs && (cells <= AUTO_REDUCE_CELLS || coords ** 3 <= AUTO_REDUCE_WORK);
  let r: { kept: number[]; p: Rational[] } | null = null;
  let skipped = '';
  let method = '';
  if (mode === 'always' || affordable) {
    const weighted = mixture.map((e) => ({ p: new Rational(e.w, total), owner: e.owner }));
    const stats: Partial<GuidedStats> = {};
    try {
      const fullChain = mode === 'always' || cells <= AUTO_REDUCE_CELLS;
      r = reduceSupport(weighted, n, fullChain ? { stats } : { method: 'guided', stats });
      method =
        stats.failure === null
          ? 'float-guided, certified exactly'
          : stats.failure === undefined
            ? 'nothing to reduce'
            : 'exact incremental';
    } catch (e) {
      if (!(e instanceof GuidedReductionFailed)) throw e;
      skipped = `skipped: the float-guided reduction could not certify its guesses (${e.reason}) and the exact fallback over ${coords} coordinates x ${mixture.length} allocations exceeds the auto limit of ${AUTO_REDUCE_CELLS} cells; pass reduce: 'always' to force it`;
    }
  } else if (needs)
    skipped = `skipped: the reduction over ${coords} coordinates x ${mixture.length} allocations (d^3 = ${(coords ** 3).toExponential(1)}) exceeds the auto limit of ${AUTO_REDUCE_WORK.toExponential(0)}; pass reduce: 'always' to force it`;
  lap('reduce', t);
  t = Date.now();
  if (r) {
    const rr = r;
    lottery = new Lottery(
      rr.kept.map((k, idx) => ({ p: rr.p[idx], allocation: Allocation.fromOwners(mixture[k].owner, n) })),
    );
    reduced = true;
    reductionInfo = { ran: true, before: mixture.length, after: lottery.size, bound, method, keptIndices: rr.kept };
  } else {
    lottery = toLottery(mixture, total, n);
    if (skipped) reductionInfo = { ran: false, before: mixture.length, bound, reason: skipped };
  }
  lap('lottery', t);
  timings.total = Date.now() - t0;

  const R = (k: bigint) => new Rational(k, D);
  const trace: TraceStep[] = [
    {
      id: 'orders',
      title: 'Strict orders (best first; dummy goods appended when m < n)',
      data: { orders: padded.orders, realGoods: mReal, paddedGoods: padded.m },
    },
    {
      id: 'cyclic-data',
      title: 'Cyclic picking data (Definitions 4.3, 4.5): picks y_ij, sets Y_j, ranks r_ij, last shifts i+',
      text: "Agents, goods and shifts are 0-based; shift j is the paper's pi^(j+1); positions and ranks r_ij are 1-based as in the paper.",
      data: {
        agentOrder: pi.order,
        shiftOrders: Array.from({ length: n }, (_, j) => shiftSequence(pi, j)),
        y: cd.y,
        Y: cd.Y,
        positions: cd.posShift.map((r) => r.map((p) => p + 1)),
        r: cd.r,
        iPlus: cd.iPlus,
        ...(full
          ? {
              Z: cd.y.map((_, i) => cd.y.map((__, j) => zSet(cd, i, j))),
              F: cd.y.map((_, i) => cd.y.map((__, j) => fSet(cd, i, j))),
            }
          : {}),
      },
    },
    { id: 'cuq', title: 'CUQ(v, pi) (Lemma 4.4)', data: cuq },
    { id: 'portion-matrix', title: 'Portion matrix beta (rows agents, columns shifts; Definition 4.1)', data: beta },
    full
      ? {
          id: 'partial-allocations',
          title: 'Partial allocations g^(j) (Definition 4.6)',
          data: g.map((gj) => toRationalMatrix(gj, D)),
        }
      : {
          id: 'partial-allocations',
          title: 'Partial allocations g^(j) (Definition 4.6)',
          text: 'omitted (summary trace)',
          data: { denominator: D.toString() },
        },
    full
      ? {
          id: 'completion',
          title: 'Completed fractional allocations f^(j) (Lemma 4.9, north-west corner)',
          data: { f: f.map((fj) => toRationalMatrix(fj, D)), added: added.map((a) => ({ ...a, delta: R(a.delta) })) },
        }
      : {
          id: 'completion',
          title: 'Completed fractional allocations f^(j) (Lemma 4.9, north-west corner)',
          text: 'omitted (summary trace)',
          data: { cellsAdded: added.length },
        },
    {
      id: 'faithful',
      title: 'Faithful implementations D^(j) of f^(j) (Lemma 4.11; unit slots + BvN)',
      data: perShift.map((entries, j) => ({
        shift: j,
        rounds: perShiftRaw[j].rounds,
        support: entries.length,
        ...(full
          ? {
              slots: perShiftRaw[j].slots.map((agentSlots) =>
                agentSlots.map((s) => s.map((e) => ({ good: e.good, mass: R(e.mass) }))),
              ),
              lottery: entries.map((e) => ({ p: R(e.w), owner: Array.from(e.owner) })),
            }
          : {}),
      })),
    },
    {
      id: 'mixture',
      title: "Mixture D' = (1/n) sum_j D^(j) with provenance",
      data: {
        support: mixture.length,
        ...(full
          ? {
              entries: mixture.map((e) => ({
                p: new Rational(e.w, total),
                owner: Array.from(e.owner),
                shifts: e.shifts,
              })),
            }
          : {}),
      },
    },
    { id: 'support-reduction', title: 'Support reduction (Lemma 4.15, exact Carathéodory)', data: reductionInfo },
    { id: 'timings', title: 'Timings (ms)', data: timings },
  ];
  return {
    padded,
    cd,
    beta,
    D,
    counts,
    cuq,
    g,
    f,
    completionAdded: added,
    perShift,
    slots: perShiftRaw.map((r) => r.slots),
    bvnRounds: perShiftRaw.map((r) => r.rounds),
    mixture,
    lottery,
    reduced,
    trace,
    timings,
  };
}

/**
 * Theorem 1's lottery (mechanism `tie-mms-ordinal`): CUQ(v, pi) decomposed with the harmonic portion matrix
 * beta_ij = 1/((n - pi^(j)_i + 1) H_n). TIE (ordinal), ex-ante PROP, ex-post 1/(H_{n-1}+2)-TPS (hence -MMS), support
 * <= (n-1)m + 1 once reduced (see `CuqDecompositionOptions.reduce`).
 */
export function harmonicDecomposition(
  inst: Instance,
  pi: Ordering,
  opts: CuqDecompositionOptions = {},
): CuqDecomposition {
  return decomposeCuq(inst, pi, harmonicPortions(pi), opts);
}
