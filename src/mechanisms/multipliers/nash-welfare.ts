/**
 * Integral Maximum Nash Welfare (Caragiannis, Kurokawa, Moulin, Procaccia, Shah & Wang 2019; the baseline of Bai &
 * Gölz's Figure 6, seed-004 spec 3.11): maximise prod_i u_i(A_i) over integral allocations, with the standard
 * convention for instances where some agent must get 0: first maximise the number of agents with positive utility,
 * then the product over them. Every MNW allocation is PO and EF1 (Caragiannis et al., Theorem 3.2).
 *
 * Two methods:
 * * `exactMaxNashWelfare`: depth-first branch and bound over owners, in doubles for speed with the bound
 *   sum_i ln(u_i(A_i) + u_i(goods left)); every allocation within 1e-9 (relative) of the best float value is kept and
 *   the winner is chosen among them in exact Rationals, so the answer is an exact maximiser. For n^m up to a limit.
 * * `highsMaxNashWelfare`: the mixed-integer program max sum_i t_i with t_i ≤ ln a + (u_i - a)/a at tangent points a
 *   (a geometric grid from u_i(M)/2000 to u_i(M), ratio 1.05), solved by HiGHS in a child process under a time
 *   limit. The tangents lie above ln, so a proven optimum of the program bounds ln MNW from above; `gap` is that bound
 *   minus the exact log Nash welfare of the returned allocation (a multiplicative gap e^gap on the product). It is not a
 *   proof of optimality, so the mechanism claims nothing from it.
 */
import { spawnSync } from 'node:child_process';
import { Allocation } from '../../core/allocation';
import { DomainError, LimitError } from '../../core/errors';
import type { Instance } from '../../core/instance';
import { Rational } from '../../core/rational';

/** An exact MNW allocation. */
export interface ExactNashResult {
  readonly allocation: Allocation;
  /** Agents with positive utility. */
  readonly positive: number;
  /** The product of the positive utilities, exactly. */
  readonly product: Rational;
  readonly nodes: number;
}

/** (agents with positive utility, product over them), compared lexicographically. */
function nashKey(inst: Instance, owner: readonly number[]): { positive: number; product: Rational } {
  const u = new Array<Rational>(inst.n).fill(Rational.ZERO);
  owner.forEach((i, g) => (u[i] = u[i].add(inst.values[i][g])));
  let positive = 0;
  let product = Rational.ONE;
  for (const x of u)
    if (x.sign() > 0) {
      positive++;
      product = product.mul(x);
    }
  return { positive, product };
}

/** Exact MNW by branch and bound when n^m ≤ `limit` (default 10^7); `LimitError` otherwise. */
export function exactMaxNashWelfare(inst: Instance, limit = 1e7): ExactNashResult {
  const { n, m } = inst;
  if (m * Math.log(n) > Math.log(limit))
    throw new LimitError('too-large', `max-nash-welfare: n^m = ${n}^${m} exceeds the exact search limit ${limit}`);
  const U = inst.values.map((row) => row.map((v) => v.toNumber()));
  // goods by decreasing largest value, so good allocations come first
  const order = Array.from({ length: m }, (_, g) => g).sort(
    (a, b) => Math.max(...U.map((r) => r[b])) - Math.max(...U.map((r) => r[a])) || a - b,
  );
  const rest = U.map((row) => {
    const s = new Array<number>(m + 1).fill(0);
    for (let t = m - 1; t >= 0; t--) s[t] = s[t + 1] + row[order[t]];
    return s;
  });
  const have = new Array<number>(n).fill(0);
  const owner = new Array<number>(m).fill(0);
  const score = (u: readonly number[]): [number, number] => {
    let pos = 0,
      log = 0;
    for (const x of u)
      if (x > 0) {
        pos++;
        log += Math.log(x);
      }
    return [pos, log];
  };
  let best: [number, number] = [-1, -Infinity];
  let candidates: { owner: number[]; score: [number, number] }[] = [];
  let nodes = 0;
  const TOL = 1e-9;
  const better = (a: [number, number], b: [number, number]) =>
    a[0] > b[0] || (a[0] === b[0] && a[1] > b[1] + TOL * Math.max(1, Math.abs(b[1])));
  const near = (a: [number, number], b: [number, number]) =>
    a[0] === b[0] && Math.abs(a[1] - b[1]) <= TOL * Math.max(1, Math.abs(b[1]));
  const dfs = (t: number): void => {
    nodes++;
    if (better(best, score(have.map((h, i) => h + rest[i][t])))) return;
    if (t === m) {
      const s = score(have);
      const byGood = new Array<number>(m);
      order.forEach((g, k) => (byGood[g] = owner[k]));
      if (better(s, best)) {
        best = s;
        candidates = [...candidates.filter((c) => near(c.score, s)), { owner: byGood, score: s }];
      } else if (near(s, best)) candidates.push({ owner: byGood, score: s });
      return;
    }
    const g = order[t];
    for (let i = 0; i < n; i++) {
      owner[t] = i;
      have[i] += U[i][g];
      dfs(t + 1);
      have[i] -= U[i][g];
    }
  };
  dfs(0);
  let winner = candidates[0].owner;
  let key = nashKey(inst, winner);
  for (const c of candidates.slice(1)) {
    const k = nashKey(inst, c.owner);
    if (k.positive > key.positive || (k.positive === key.positive && k.product.gt(key.product))) {
      winner = c.owner;
      key = k;
    }
  }
  return { allocation: Allocation.fromOwners(winner, n), positive: key.positive, product: key.product, nodes };
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
