/**
 * PO by prices: an exact certificate that an allocation has no Pareto improvement, from the dual of the
 * configuration LP (issue 17, item 3; a proof where the experiments of paper 004 settle for HiGHS calling the integer
 * program infeasible).
 *
 * Scale every agent's values to integers a_i (per agent: the row times the lcm of its denominators, divided by the
 * gcd), with b_i = a_i(A_i) and B = sum_i b_i. A Pareto improvement A' has a_i(A'_i) >= b_i for every i and, the gains
 * being integers, sum_i a_i(A'_i) >= B + 1. Prices p >= 0 on the goods rule that out when
 *
 *   sum_g p_g + sum_i pi_i < B + 1,   pi_i = max { a_i(S) - p(S) : a_i(S) >= b_i }
 *
 * since then sum_i a_i(A'_i) = sum_i (a_i(A'_i) - p(A'_i)) + sum_i p(A'_i) <= sum_i pi_i + sum_g p_g < B + 1 for every
 * A' that keeps each agent at her value. Each pi_i is a covering knapsack, exactly solvable by dynamic programming over
 * the values up to b_i (goods priced below a_ig are always taken). Such prices exist exactly when the configuration LP
 * (bundles worth at least b_i per agent, each good at most once) cannot raise the total value to B + 1; for round robin
 * on uniform values at (10, 50) and (20, 100) the certificate passes (bench/results/certify.md).
 *
 * [DECISION] HiGHS proposes, integers decide. The prices are found by a cutting-plane method in a child process
 * (HiGHS is asynchronous WASM, `certify` synchronous; src/checks/alpha-po.ts does the same): an LP over the prices with
 * one cut p(S) - p(A_i) >= a_i(S) - b_i per bundle S found so far, solved for its Chebyshev centre (the largest margin
 * t over the cuts, each normalised) because the plain cutting plane (Kelley) and the column generation of the primal
 * took 176-1007 LPs in development prototypes, against 28 and 40 for the centre at (10, 50) and (20, 100) (not
 * recorded; a certificate reports its rounds in detail.rounds); the separation is the same dynamic program on doubles. It stops at a total regret
 * below 1/2. The proposed prices are rounded to multiples of 2^-20 and checked here on exact integers; nothing the
 * child computes is trusted.
 */
import type { Allocation } from '../core/allocation';
import type { Instance } from '../core/instance';
import { gcd, lcm, Rational } from '../core/rational';
import { remainingMs } from '../core/time-budget';
import { smallestGainProgram, type RelaxedSolution } from '../experiments/pareto-neighbourhoods';
import { runWithHighs } from './highs-process';

/** Prices are rounded to multiples of 2^-PRICE_BITS before the exact check. */
const PRICE_BITS = 20;

/** Largest knapsack table (goods x value levels, summed over the agents) the exact check builds. */
const MAX_DP_CELLS = 50_000_000;

/** Every agent's values as integers (module header) and the factor s_i with a_ig = s_i v_ig. */
export function integerUnits(inst: Instance): { rows: bigint[][]; scale: Rational[] } {
  const rows: bigint[][] = [];
  const scale: Rational[] = [];
  for (const values of inst.values) {
    let L = 1n;
    for (const v of values) L = lcm(L, v.den);
    const row = values.map((v) => (v.num * L) / v.den);
    let g = 0n;
    for (const x of row) g = gcd(g, x);
    if (g > 1n) for (let j = 0; j < row.length; j++) row[j] /= g;
    rows.push(row);
    scale.push(new Rational(L, g > 0n ? g : 1n));
  }
  return { rows, scale };
}

/** The exact check of a price certificate: each agent's pi_i and whether the total stays below B + 1. */
export interface PriceCheck {
  readonly holds: boolean;
  /** pi_i, in the price unit. */
  readonly bounds: Rational[];
  /** sum_g p_g + sum_i pi_i. */
  readonly total: Rational;
  /** B + 1: a Pareto improvement would reach it. */
  readonly needed: Rational;
}

/**
 * pi_i = max { a_i(S) - p(S) : a_i(S) >= b_i } on integers: D a_ig for the values and P_g for the prices (both in units
 * of 1/D). Returns D pi_i. Goods with P_g < D a_ig are in every best S; the rest is a covering knapsack over the value
 * still needed, solved by dynamic programming (exact: every sum stays below 2^53, checked by the caller).
 */
function agentBound(a: readonly number[], need0: number, P: readonly number[], D: number): number {
  let gain = 0;
  let need = need0;
  const rest: number[] = [];
  for (let g = 0; g < a.length; g++) {
    const c = P[g] - D * a[g];
    if (c < 0) {
      gain -= c;
      need -= a[g];
    } else if (a[g] > 0) rest.push(g);
  }
  if (need <= 0) return gain;
  // f[v]: least price of goods in `rest` worth at least v (v = 0..need)
  const f = new Float64Array(need + 1).fill(Infinity);
  f[0] = 0;
  for (const g of rest) {
    const w = a[g];
    const c = P[g] - D * a[g];
    for (let v = need; v >= 1; v--) {
      const x = f[v > w ? v - w : 0] + c;
      if (x < f[v]) f[v] = x;
    }
  }
  return gain - f[need];
}

/**
 * Checks prices (multiples of 1/D, integers P_g >= 0) exactly against the integer rows and the owners (module
 * header). Null when the check would leave exact doubles or exceed `MAX_DP_CELLS`.
 */
export function checkPrices(
  rows: readonly (readonly bigint[])[],
  owner: ArrayLike<number>,
  P: readonly number[],
  D: number,
): PriceCheck | null {
  const n = rows.length;
  const m = P.length;
  const b = rows.map((row, i) => {
    let s = 0n;
    for (let g = 0; g < m; g++) if (owner[g] === i) s += row[g];
    return s;
  });
  const totalP = P.reduce((x, y) => x + y, 0);
  const widest = Math.max(...rows.map((row) => Number(row.reduce((t, x) => t + x, 0n))));
  const cells = b.reduce((s, x) => s + Number(x) * m, 0);
  // every cost P_g - D a_ig and every sum of up to m of them, n + 1 times, stays below 2^53
  if (
    P.some((x) => !Number.isSafeInteger(x) || x < 0) ||
    cells > MAX_DP_CELLS ||
    (widest * D + totalP) * (m + 1) * (n + 1) >= 2 ** 53
  )
    return null;
  const A = rows.map((row) => row.map(Number));
  const bounds = A.map((a, i) => agentBound(a, Number(b[i]), P, D));
  const sum = bounds.reduce((x, y) => x + y, totalP);
  const B = b.reduce((x, y) => x + y, 0n);
  const den = BigInt(D);
  return {
    holds: BigInt(sum) < (B + 1n) * den,
    bounds: bounds.map((x) => new Rational(BigInt(x), den)),
    total: new Rational(BigInt(sum), den),
    needed: new Rational(B + 1n),
  };
}

/** What the child process returns: proposed prices (doubles), or why there are none. */
type Proposal = { prices: number[]; iterations: number } | { reason: string; iterations?: number };

/** The interface of the `highs` package the child uses. */
interface HighsLike {
  solve(
    lp: string,
    options?: Record<string, unknown>,
  ): {
    Status: string;
    Columns: Record<string, { Primal: number }>;
  };
}

/**
 * The child's cutting-plane search for prices (module header), self-contained: it runs in another process from its
 * source text, so it reads nothing outside its body.
 */
function proposePrices(
  input: { rows: number[][]; owner: number[]; deadline: number; maxIterations: number },
  highs: HighsLike,
): Proposal {
  const { rows, owner } = input;
  const n = rows.length;
  const m = owner.length;
  const own: number[][] = rows.map((_, i) => owner.flatMap((o, g) => (o === i ? [g] : [])));
  const b = own.map((S, i) => S.reduce((s, g) => s + rows[i][g], 0));
  // zero regret needs p_g >= every non-owner's value (S = A_i plus g)
  const floor = owner.map((o, g) => rows.reduce((mx, row, k) => (k !== o && row[g] > mx ? row[g] : mx), 0));
  const demand = (i: number, p: number[]): { value: number; S: number[] } => {
    const a = rows[i];
    const S: number[] = [];
    const rest: number[] = [];
    let gain = 0;
    let need = b[i];
    for (let g = 0; g < m; g++) {
      if (p[g] < a[g]) {
        S.push(g);
        gain += a[g] - p[g];
        need -= a[g];
      } else if (a[g] > 0) rest.push(g);
    }
    if (need <= 0) return { value: gain, S };
    const f = new Float64Array(need + 1).fill(Infinity);
    f[0] = 0;
    const took = rest.map(() => new Uint8Array(need + 1));
    rest.forEach((g, k) => {
      const w = a[g];
      const c = p[g] - a[g];
      for (let v = need; v >= 1; v--) {
        const x = f[v > w ? v - w : 0] + c;
        if (x < f[v]) {
          f[v] = x;
          took[k][v] = 1;
        }
      }
    });
    for (let k = rest.length - 1, v = need; k >= 0 && v > 0; k--)
      if (took[k][v]) {
        S.push(rest[k]);
        v -= a[rest[k]];
      }
    return { value: gain - f[need], S };
  };
  const cuts: string[] = [];
  const seen = new Set<string>();
  let p = floor.slice();
  for (let it = 1; it <= input.maxIterations; it++) {
    let regret = 0;
    for (let i = 0; i < n; i++) {
      const d = demand(i, p);
      const r = d.value - own[i].reduce((s, g) => s + rows[i][g] - p[g], 0);
      regret += Math.max(0, r);
      const key = `${i}:${d.S.sort((x, y) => x - y).join(',')}`;
      if (r <= 1e-9 || seen.has(key)) continue;
      seen.add(key);
      const inS = new Set(d.S);
      const inA = new Set(own[i]);
      const terms = [...d.S.filter((g) => !inA.has(g)).map((g) => `+ p${g}`)];
      terms.push(...own[i].filter((g) => !inS.has(g)).map((g) => `- p${g}`));
      const rhs = d.S.reduce((s, g) => s + rows[i][g], 0) - b[i];
      cuts.push(` c${cuts.length}: ${terms.join(' ')} - ${Math.sqrt(terms.length).toPrecision(17)} t >= ${rhs}`);
    }
    if (regret < 0.5) return { prices: p, iterations: it };
    const left = input.deadline - Date.now();
    if (left <= 0) return { reason: `time limit after ${it} cutting-plane rounds (regret ${regret})`, iterations: it };
    const bounds = floor.map((x, g) => ` p${g} >= ${x}`);
    const lp = ['Maximize', ' obj: t', 'Subject To', ...cuts, 'Bounds', ...bounds, ' -1e6 <= t <= 1', 'End'].join('\n');
    const s = highs.solve(lp, { output_flag: false, time_limit: left / 1000 });
    if (s.Status !== 'Optimal') return { reason: `HiGHS status ${s.Status} at round ${it}`, iterations: it };
    // every cut has a norm of at least 1: at t < -1 all prices leave some agent a regret above 1
    const t = s.Columns.t?.Primal ?? 0;
    if (t < -1)
      return {
        reason: `no prices: the ${cuts.length} cuts found leave a regret above 1 at any prices`,
        iterations: it,
      };
    p = floor.map((x, g) => s.Columns[`p${g}`]?.Primal ?? x);
  }
  return { reason: `no prices within ${input.maxIterations} cutting-plane rounds`, iterations: input.maxIterations };
}

/** The smallest-gain relaxation's answer (po-programs.ts reads its neighbourhoods): columns and row duals by name. */
interface Relaxation {
  status: string;
  columns?: Record<string, number>;
  duals?: Record<string, number>;
}

/**
 * Runs `proposePrices` in a child process with HiGHS (synchronous; killed 20 s past its deadline); when it finds no
 * prices and `relaxation` is given, the same process solves that LP too (for po-programs.ts).
 */
function runProposal(
  rows: number[][],
  owner: number[],
  timeLimitMs: number,
  relaxation: string | null,
): Proposal & { relaxation?: Relaxation } {
  const work = [
    '(input, h) => {',
    `  const propose = ${proposePrices.toString()};`,
    '  const relax = (h) => {',
    '    const s = h.solve(input.relaxation, { output_flag: false, time_limit: Math.max(0.001, (input.deadline - Date.now()) / 1000) });',
    '    const columns = {}, duals = {};',
    '    for (const [k, c] of Object.entries(s.Columns || {})) columns[k] = c.Primal;',
    '    for (const r of s.Rows || []) duals[r.Name] = r.Dual;',
    '    return { status: s.Status, columns, duals };',
    '  };',
    '  const out = propose(input, h);',
    '  if (!out.prices && input.relaxation) {',
    "    try { out.relaxation = relax(h); } catch (e) { out.relaxation = { status: 'error' }; }",
    '  }',
    '  return out;',
    '}',
  ].join('\n');
  const r = runWithHighs<Proposal & { relaxation?: Relaxation }>(
    work,
    { rows, owner, maxIterations: 500, relaxation },
    timeLimitMs,
  );
  return 'error' in r ? { reason: `price search: ${r.error}` } : r.answer;
}

/** A price certificate of PO (module header), or the reason there is none. */
export type PriceResult =
  | { holds: true; prices: Rational[]; scale: Rational[]; check: PriceCheck; iterations: number }
  | { holds: false; reason: string; relaxed?: RelaxedSolution };

/**
 * Looks for prices proving `a` Pareto-optimal (module header) within `timeLimitMs` (and the running call's budget):
 * proposed by HiGHS in a child process, checked exactly here. `holds: false` proves nothing; with `relaxation`, it
 * carries the solution of the smallest-gain relaxation (pareto-neighbourhoods.ts) when that LP moves some good, for the
 * neighbourhood programs of po-programs.ts.
 */
export function findPriceCertificate(
  inst: Instance,
  a: Allocation,
  timeLimitMs = 20_000,
  options: { relaxation?: boolean } = {},
): PriceResult {
  const { rows, scale } = integerUnits(inst);
  const owner = a.owners();
  if (rows.some((row) => row.some((x) => x > 2n ** 40n)))
    return { holds: false, reason: 'values too wide for the knapsack tables (integer units above 2^40)' };
  const cells = rows.reduce((s, row, i) => {
    let b = 0n;
    owner.forEach((o, g) => {
      if (o === i) b += row[g];
    });
    return s + Number(b) * inst.m;
  }, 0);
  if (cells > MAX_DP_CELLS) return { holds: false, reason: `knapsack tables of ${cells} cells exceed ${MAX_DP_CELLS}` };
  const limit = Math.min(timeLimitMs, remainingMs());
  if (limit < 200) return { holds: false, reason: 'no time left for the price search' };
  const numbers = rows.map((row) => row.map(Number));
  const relaxation = options.relaxation
    ? smallestGainProgram(
        numbers.map((row) => Float64Array.from(row)),
        owner,
      )
    : null;
  const proposal = runProposal(numbers, owner, limit, relaxation);
  if ('reason' in proposal) return { holds: false, reason: proposal.reason, ...relaxedOf(proposal.relaxation) };
  const D = 2 ** PRICE_BITS;
  const P = proposal.prices.map((x) => Math.max(0, Math.round(x * D)));
  const check = checkPrices(rows, owner, P, D);
  if (!check) return { holds: false, reason: 'the proposed prices are too wide for an exact check in doubles' };
  if (!check.holds)
    return {
      holds: false,
      reason: `the proposed prices do not certify exactly: total ${check.total.toDisplay()} is not below ${check.needed}`,
    };
  const prices = P.map((x) => new Rational(BigInt(x), BigInt(D)));
  return { holds: true, prices, scale, check, iterations: proposal.iterations };
}

/** The relaxation's solution as `neighbourhoods` reads it, when it is optimal with a positive smallest gain. */
function relaxedOf(r: Relaxation | undefined): { relaxed?: RelaxedSolution } {
  if (r?.status !== 'Optimal' || !r.columns || !((r.columns.z ?? 0) > 0)) return {};
  const { columns, duals = {} } = r;
  return { relaxed: { value: (i, g) => columns[`y${i}_${g}`] ?? 0, dual: (i) => duals[`v${i}`] ?? 0 } };
}
