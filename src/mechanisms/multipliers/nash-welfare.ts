/**
 * Integral Maximum Nash Welfare (Caragiannis, Kurokawa, Moulin, Procaccia, Shah & Wang 2019; the baseline of Bai &
 * Gölz's Figure 6, seed-004 spec 3.11): maximise prod_i u_i(A_i) over integral allocations, with the standard
 * convention for instances where some agent must get 0: first maximise the number of agents with positive utility,
 * then the product over them. Every MNW allocation is PO and EF1 (Caragiannis et al., Theorem 3.2).
 *
 * Two methods:
 * * `exactMaxNashWelfare`: depth-first branch and bound over the owners of the goods, in doubles for speed. When some
 *   allocation gives every agent positive utility, the search starts from the rounded fractional MNW allocation
 *   (fisher-market.ts) polished by local search, branches on the goods by decreasing equilibrium price and on their
 *   agents by decreasing beta_i u_ig, and prunes with the Lagrangian price bound of nash-bound.ts (equilibrium prices
 *   of the root, rescaled at each node) together with sum_i ln(u_i(A_i) + u_i(goods left)); otherwise only with the
 *   latter, lexicographically after the number of agents that can still get positive utility. It prunes only below
 *   the best float value minus 1e-9 (relative), keeps every allocation within that tolerance and chooses the winner
 *   among them in exact Rationals, so the answer is an exact maximiser (the first in the order of `precedes`). It
 *   runs within a node budget and throws a `LimitError` when the budget runs out, so an answer is always proven.
 * * `highsMaxNashWelfare`: the mixed-integer program max sum_i t_i with t_i ≤ ln a + (u_i - a)/a at tangent points a
 *   (a geometric grid from u_i(M)/2000 to u_i(M), ratio 1.05), solved by HiGHS in a child process under a time
 *   limit. The tangents lie above ln, so a proven optimum of the program bounds ln MNW from above; `gap` is that bound
 *   minus the exact log Nash welfare of the returned allocation (a multiplicative gap e^gap on the product). It is not a
 *   proof of optimality, so the mechanism claims nothing from it.
 */
import { spawnSync } from 'node:child_process';
import { Allocation } from '../../core/allocation';
import { DomainError, FairDivError, LimitError } from '../../core/errors';
import type { Instance } from '../../core/instance';
import { Rational } from '../../core/rational';
import { floatFisherEquilibrium } from './fisher-market';
import { scaledDualBound } from './nash-bound';

/** Default node budget of `exactMaxNashWelfare`. */
export const DEFAULT_MAX_NODES = 10_000_000;

/** Options of `exactMaxNashWelfare`. */
export interface ExactNashOptions {
  /** Most search nodes before the search gives up with a `LimitError` (code `node-budget`); default 10^7. */
  readonly maxNodes?: number;
}

/** An exact MNW allocation. */
export interface ExactNashResult {
  readonly allocation: Allocation;
  /** Agents with positive utility. */
  readonly positive: number;
  /** The product of the positive utilities, exactly. */
  readonly product: Rational;
  /** Search nodes visited. */
  readonly nodes: number;
  /** Whether the search pruned with the price bound (nash-bound.ts), i.e. some allocation gives everyone positive utility. */
  readonly priceBound: boolean;
}

/** The exact comparison key of an allocation (module header). */
interface NashKey {
  readonly owner: Int32Array;
  readonly positive: number;
  readonly product: Rational;
}

function nashKey(inst: Instance, owner: Int32Array): NashKey {
  const u = new Array<Rational>(inst.n).fill(Rational.ZERO);
  owner.forEach((i, g) => (u[i] = u[i].add(inst.values[i][g])));
  let positive = 0;
  let product = Rational.ONE;
  for (const x of u)
    if (x.sign() > 0) {
      positive++;
      product = product.mul(x);
    }
  return { owner, positive, product };
}

/**
 * a before b: more agents with positive utility, then a larger product, then the owner vector lexicographically
 * smaller. [DECISION] The last rule picks one of several exact maximisers independently of the search order, so the
 * answer does not change when the search is tuned.
 */
function precedes(a: NashKey, b: NashKey): boolean {
  if (a.positive !== b.positive) return a.positive > b.positive;
  const c = a.product.cmp(b.product);
  if (c !== 0) return c > 0;
  for (let g = 0; g < a.owner.length; g++) if (a.owner[g] !== b.owner[g]) return a.owner[g] < b.owner[g];
  return false;
}

/**
 * Utilities as doubles, all divided by the largest value. One common factor for all agents: it multiplies the product
 * over k positive agents by the same factor for every allocation with k positive agents, so the order stays.
 */
function scaledUtilities(inst: Instance): Float64Array[] {
  const top = inst.values.flat().reduce((a, b) => Rational.max(a, b), Rational.ZERO);
  return inst.values.map((row, i) =>
    Float64Array.from(row, (v, g) => {
      if (v.isZero()) return 0;
      const x = v.div(top).toNumber();
      if (!(x > 0 && Number.isFinite(x)))
        throw new LimitError(
          'float-range',
          `max-nash-welfare: value ${v.toDisplay()} of agent ${i} for good ${g} is out of the range of doubles ` +
            `relative to the largest value`,
        );
      return x;
    }),
  );
}

/**
 * Prices for the bound and a first allocation: the fractional MNW (Fisher) equilibrium on doubles, p_g = max_i beta_i
 * u_ig, and its rounding polished by `improveNashWelfare`. Should the equilibrium search fail, the prices of the
 * normalizing multipliers beta_i = 1 / u_i(M) (any positive prices give a valid bound) and no first allocation.
 */
function startingPoint(U: readonly Float64Array[]): { beta: Float64Array; price: Float64Array; first?: Int32Array } {
  const n = U.length,
    m = U[0].length;
  let beta: Float64Array;
  let first: Int32Array | undefined;
  try {
    const eq = floatFisherEquilibrium(U);
    beta = eq.beta;
    // the equilibrium leaves goods nobody values unowned (-1); agent 0 takes them
    first = improveNashWelfare(
      U,
      eq.rounded.map((i) => Math.max(i, 0)),
    );
  } catch (e) {
    if (!(e instanceof FairDivError)) throw e;
    beta = Float64Array.from(U, (row) => 1 / row.reduce((a, b) => a + b, 0));
  }
  const price = new Float64Array(m);
  for (let g = 0; g < m; g++) for (let i = 0; i < n; i++) price[g] = Math.max(price[g], beta[i] * U[i][g]);
  return { beta, price, first };
}

/**
 * Exact integral MNW (module header) by depth-first branch and bound within `maxNodes` nodes (default 10^7); a
 * `LimitError` with code `node-budget` when the budget runs out, so a returned allocation is always proven optimal.
 */
export function exactMaxNashWelfare(inst: Instance, opts: ExactNashOptions = {}): ExactNashResult {
  const { n, m } = inst;
  const maxNodes = opts.maxNodes ?? DEFAULT_MAX_NODES;
  const U = scaledUtilities(inst);
  const start = hasPositiveMatching(inst) ? startingPoint(U) : undefined;
  const weight = (i: number, g: number) => (start ? start.beta[i] * U[i][g] : U[i][g]);
  // goods by decreasing price (or largest value), so that the goods that decide most come first
  const size = (g: number) => (start ? start.price[g] : Math.max(...U.map((row) => row[g])));
  const order = Array.from({ length: m }, (_, g) => g).sort((a, b) => size(b) - size(a) || a - b);
  // an optimum gives every good someone values to such an agent (giving it elsewhere instead loses); a good nobody
  // values goes to agent 0, as the tie-break of `precedes` would choose
  const branches = order.map((g) => {
    const takers = Array.from({ length: n }, (_, i) => i).filter((i) => U[i][g] > 0);
    return takers.length === 0 ? [0] : takers.sort((a, b) => weight(b, g) - weight(a, g) || a - b);
  });
  // suffix data at depth t (goods order[t..] left): values left, best bang per buck, price sum
  const rest = new Float64Array((m + 1) * n);
  const buck = new Float64Array((m + 1) * n);
  const priceLeft = new Float64Array(m + 1);
  for (let t = m - 1; t >= 0; t--) {
    const g = order[t];
    const p = start ? start.price[g] : 0;
    priceLeft[t] = priceLeft[t + 1] + p;
    for (let i = 0; i < n; i++) {
      rest[t * n + i] = rest[(t + 1) * n + i] + U[i][g];
      buck[t * n + i] = Math.max(buck[(t + 1) * n + i], p > 0 ? U[i][g] / p : 0);
    }
  }
  const TOL = 1e-9;
  const cutBelow = (log: number) => log - TOL * Math.max(1, Math.abs(log));
  let bestPos = -1;
  let bestLog = -Infinity;
  // every allocation found with the best positive count and a log within the tolerance of the best
  let candidates: { owner: Int32Array; pos: number; log: number }[] = [];
  const offer = (owner: Int32Array, pos: number, log: number) => {
    if (pos > bestPos || (pos === bestPos && log > bestLog)) {
      bestPos = pos;
      bestLog = log;
      const cut = cutBelow(log);
      candidates = candidates.filter((c) => c.pos === pos && c.log >= cut);
    }
    if (pos < bestPos || log < cutBelow(bestLog)) return;
    candidates.push({ owner, pos, log });
    if (candidates.length > 64) {
      // keep the first of them in the order of `precedes`: it precedes every one dropped
      let top = candidates[0];
      let topKey = nashKey(inst, top.owner);
      for (const c of candidates.slice(1)) {
        const k = nashKey(inst, c.owner);
        if (precedes(k, topKey)) [top, topKey] = [c, k];
      }
      candidates = [top];
    }
  };
  const score = (u: ArrayLike<number>): [number, number] => {
    let pos = 0,
      log = 0;
    for (let i = 0; i < n; i++)
      if (u[i] > 0) {
        pos++;
        log += Math.log(u[i]);
      }
    return [pos, log];
  };
  if (start?.first) {
    const u = new Float64Array(n);
    for (let g = 0; g < m; g++) u[start.first[g]] += U[start.first[g]][g];
    offer(start.first, ...score(u));
  }
  const owner = new Int32Array(m);
  // the values held at depth t are haves[t * n ..]: copied down, never subtracted, so no rounding drift makes a zero
  // utility look positive
  const haves = new Float64Array((m + 1) * n);
  const reach = new Float64Array(n);
  const scratch = new Int32Array(n);
  let nodes = 0;
  const pruned = (t: number, have: Float64Array): boolean => {
    for (let i = 0; i < n; i++) reach[i] = have[i] + rest[t * n + i];
    const [pos, log] = score(reach);
    if (pos !== bestPos) return pos < bestPos;
    const cut = cutBelow(bestLog);
    if (log < cut) return true;
    // once some allocation gives everyone positive utility, only such completions can be better, and for those the
    // price bound holds (nash-bound.ts)
    return (
      bestPos === n &&
      start !== undefined &&
      scaledDualBound(have, buck.subarray(t * n, t * n + n), priceLeft[t], scratch) < cut
    );
  };
  // depth-first with an explicit stack (m may exceed the call stack): branch[t] is the next branch to try at depth t
  const branch = new Int32Array(m + 1);
  for (let t = 0, entering = true; t >= 0;) {
    const have = haves.subarray(t * n, t * n + n);
    if (entering) {
      if (++nodes > maxNodes)
        throw new LimitError(
          'node-budget',
          `max-nash-welfare: the exact search needs more than ${maxNodes} nodes (n = ${n}, m = ${m})`,
        );
      if (t === m) {
        const byGood = new Int32Array(m);
        order.forEach((g, k) => (byGood[g] = owner[k]));
        offer(byGood, ...score(have));
      }
      if (t === m || pruned(t, have)) {
        t--;
        entering = false;
        continue;
      }
      branch[t] = 0;
    }
    if (branch[t] === branches[t].length) {
      t--;
      entering = false;
      continue;
    }
    const i = branches[t][branch[t]++];
    owner[t] = i;
    const next = haves.subarray((t + 1) * n, (t + 2) * n);
    next.set(have);
    next[i] += U[i][order[t]];
    t++;
    entering = true;
  }
  let win = nashKey(inst, candidates[0].owner);
  for (const c of candidates.slice(1)) {
    const k = nashKey(inst, c.owner);
    if (precedes(k, win)) win = k;
  }
  return {
    allocation: Allocation.fromOwners(win.owner, n),
    positive: win.positive,
    product: win.product,
    nodes,
    priceBound: start !== undefined,
  };
}

/** The HiGHS answer of `highsMaxNashWelfare`. */
export interface HighsNashResult {
  readonly allocation: Allocation;
  /** HiGHS's model status, e.g. "Optimal" or "Time limit reached". */
  readonly status: string;
  /** The program's objective (an upper bound on ln MNW when status is "Optimal"). */
  readonly bound: number;
  /** sum_i ln u_i(A_i) of the returned allocation, from exact utilities. */
  readonly logNashWelfare: number;
  /** bound - logNashWelfare when status is "Optimal", else undefined. */
  readonly gap?: number;
}

const CHILD = `
const fs = require('node:fs');
const input = JSON.parse(fs.readFileSync(0, 'utf8'));
const done = (x) => process.stdout.write('\\n@@HIGHS@@' + JSON.stringify(x));
Promise.resolve().then(() => require(input.path)()).then((h) => {
  try {
    const s = h.solve(input.lp, input.options);
    const columns = {};
    for (const [k, c] of Object.entries(s.Columns || {})) columns[k] = c.Primal;
    done({ status: s.Status, objective: s.ObjectiveValue, columns });
  } catch (e) {
    done({ status: 'error', error: String((e && e.message) || e) });
  }
}, (e) => done({ status: 'error', error: 'loading HiGHS: ' + String((e && e.message) || e) }));
`;

/** Every agent can get a distinct positively valued good (so some allocation gives all positive utility). */
function hasPositiveMatching(inst: Instance): boolean {
  const match = new Array<number>(inst.m).fill(-1);
  const tryAgent = (i: number, seen: boolean[]): boolean => {
    for (let g = 0; g < inst.m; g++) {
      if (inst.values[i][g].sign() <= 0 || seen[g]) continue;
      seen[g] = true;
      if (match[g] < 0 || tryAgent(match[g], seen)) {
        match[g] = i;
        return true;
      }
    }
    return false;
  };
  return inst.values.every((_, i) => tryAgent(i, new Array<boolean>(inst.m).fill(false)));
}

/**
 * The mixed-integer program of `highsMaxNashWelfare` in CPLEX LP format for utilities U (agents × goods): binary x,
 * u_i = sum_g U_ig x_ig, and t_i ≤ ln a - 1 + u_i / a at tangent points a from u_i(M)/2000 to u_i(M) (ratio 1.05).
 */
export function nashWelfareProgram(U: readonly (readonly number[])[] | readonly Float64Array[]): string {
  const n = U.length,
    m = U[0].length;
  const lines: string[] = [
    'Maximize',
    ` obj: ${Array.from({ length: n }, (_, i) => `t${i}`).join(' + ')}`,
    'Subject To',
  ];
  for (let g = 0; g < m; g++)
    lines.push(` a${g}: ${Array.from({ length: n }, (_, i) => `x${i}_${g}`).join(' + ')} = 1`);
  for (let i = 0; i < n; i++) {
    const row = Array.from(U[i]);
    const total = row.reduce((a, b) => a + b, 0);
    const terms = row.map((v, g) => (v > 0 ? ` - ${v.toPrecision(17)} x${i}_${g}` : '')).join('');
    lines.push(` d${i}: u${i}${terms} = 0`);
    for (let a = total / 2000, k = 0; a <= total * 1.0000001; a *= 1.05, k++)
      lines.push(` l${i}_${k}: t${i} - ${(1 / a).toPrecision(17)} u${i} <= ${(Math.log(a) - 1).toPrecision(17)}`);
  }
  lines.push('Bounds');
  for (let i = 0; i < n; i++) lines.push(` -1e6 <= t${i} <= 1e6`, ` 0 <= u${i} <= 1e12`);
  lines.push(
    'Binary',
    ...Array.from({ length: n }, (_, i) => ' ' + Array.from({ length: m }, (__, g) => `x${i}_${g}`).join(' ')),
    'End',
  );
  return lines.join('\n');
}

/** owner[g] = the agent with the largest x_ig in a solution of `nashWelfareProgram`. */
export function ownersFromColumns(columns: Readonly<Record<string, number>>, n: number, m: number): number[] {
  return Array.from({ length: m }, (_, g) => {
    let best = 0;
    for (let i = 1; i < n; i++) if ((columns[`x${i}_${g}`] ?? 0) > (columns[`x${best}_${g}`] ?? 0)) best = i;
    return best;
  });
}

/** MNW by HiGHS with a piecewise-linear log (module header), under `timeLimitMs` (default 20 s). */
export function highsMaxNashWelfare(inst: Instance, timeLimitMs = 20_000): HighsNashResult {
  const { n, m } = inst;
  if (!hasPositiveMatching(inst))
    throw new DomainError(
      'max-nash-welfare',
      'no-positive-allocation',
      'no allocation gives every agent positive utility; use the exact search (small instances)',
    );
  const U = inst.values.map((row) => row.map((v) => v.toNumber()));
  const lp = nashWelfareProgram(U);
  let path: string;
  try {
    path = require.resolve('highs');
  } catch {
    throw new LimitError('no-solver', 'max-nash-welfare: the `highs` package is not installed');
  }
  const r = spawnSync(process.execPath, ['-e', CHILD], {
    input: JSON.stringify({
      path,
      lp,
      options: { time_limit: timeLimitMs / 1000, output_flag: false, mip_rel_gap: 0 },
    }),
    encoding: 'utf8',
    timeout: timeLimitMs + 20_000,
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
  });
  const k = (r.stdout ?? '').lastIndexOf('@@HIGHS@@');
  if (r.error || k < 0)
    throw new LimitError(
      'solver-failed',
      `max-nash-welfare: the HiGHS process gave no answer (${r.error?.message ?? (r.stderr ?? '').slice(0, 200)})`,
    );
  const ans = JSON.parse(r.stdout.slice(k + 9)) as {
    status: string;
    objective?: number;
    columns?: Record<string, number>;
    error?: string;
  };
  if (!ans.columns || (ans.status !== 'Optimal' && ans.status !== 'Time limit reached'))
    throw new LimitError(
      'solver-failed',
      `max-nash-welfare: HiGHS status ${ans.status}${ans.error ? ` (${ans.error})` : ''}`,
    );
  const allocation = Allocation.fromOwners(ownersFromColumns(ans.columns, n, m), n);
  const logNashWelfare = inst.values.reduce(
    (s, _, i) => s + Math.log(inst.value(i, allocation.bundles[i]).toNumber()),
    0,
  );
  const bound = ans.objective ?? NaN;
  return {
    allocation,
    status: ans.status,
    bound,
    logNashWelfare,
    ...(ans.status === 'Optimal' ? { gap: Math.max(0, bound - logNashWelfare) } : {}),
  };
}

/**
 * Local search on doubles for the Nash welfare: moves of one good and swaps of two goods between two agents while
 * sum_i ln u_i(A_i) increases by more than 1e-12 (relative). Polishes the allocation of the piecewise-linear program,
 * whose tangents leave a gap of about 3e-4 per agent; the result is a local optimum, not a proof.
 */
export function improveNashWelfare(U: readonly Float64Array[], owner: ArrayLike<number>): Int32Array {
  const n = U.length,
    m = U[0].length;
  const o = Int32Array.from(owner);
  const u = new Float64Array(n);
  for (let g = 0; g < m; g++) u[o[g]] += U[o[g]][g];
  const gain = (i: number, before: number, after: number) => Math.log(after) - Math.log(before);
  for (let improved = true, rounds = 0; improved && rounds < 100; rounds++) {
    improved = false;
    for (let g = 0; g < m; g++) {
      const i = o[g];
      for (let j = 0; j < n; j++) {
        if (j === i || U[j][g] <= 0) continue;
        const ui = u[i] - U[i][g],
          uj = u[j] + U[j][g];
        if (ui <= 0) continue;
        if (gain(i, u[i], ui) + gain(j, u[j], uj) > 1e-12) {
          u[i] = ui;
          u[j] = uj;
          o[g] = j;
          improved = true;
          break;
        }
      }
    }
    for (let g = 0; g < m; g++)
      for (let h = g + 1; h < m; h++) {
        const i = o[g],
          j = o[h];
        if (i === j) continue;
        const ui = u[i] - U[i][g] + U[i][h],
          uj = u[j] - U[j][h] + U[j][g];
        if (ui <= 0 || uj <= 0) continue;
        if (gain(i, u[i], ui) + gain(j, u[j], uj) > 1e-12) {
          u[i] = ui;
          u[j] = uj;
          o[g] = j;
          o[h] = i;
          improved = true;
        }
      }
  }
  return o;
}
