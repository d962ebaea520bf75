/**
 * alpha-PO certificate (paper 001, Halpern–Psomas–Zhang, Appendix A; seed-001 spec C13).
 *
 * An allocation A is alpha-PO (0 < alpha ≤ 1) if no allocation A' has u_i(A') ≥ u_i(A)/alpha for every
 * agent i with at least one strict inequality. Theorem A.1 claims (1 - eps)-PO w.h.p. for Weighted Ranking.
 * With the targets t_i = u_i(A)/alpha, three methods are tried in order (all comparisons exact, Rational):
 *
 * 1. weighted-sum test (sufficient): weights w ≥ 0 with sum_i w_i t_i ≥ sum_j max_i w_i v_ij and every
 *    w_i > 0, or with strict inequality, certify alpha-PO (a dominating A' would have sum_i w_i u_i(A') >
 *    sum_i w_i t_i ≥ the weighted optimum). Tried with the caller's weights (e.g. the Bai–Gölz weights) and
 *    the Negishi weights w_i = 1/u_i(A) (w_i = 0 when u_i(A) = 0). Witness: the weights.
 * 2. exact search when n^m ≤ 10^6: branch and bound over owners on per-agent integer-scaled values, goods
 *    by decreasing normalised value, pruned when an agent can no longer reach her target with the goods
 *    left. Witness of failure: the dominating allocation.
 * 3. HiGHS (the `highs` WASM package, run synchronously in one child Node process that solves both models
 *    below, each with a time limit, so a stuck solve cannot block or crash the caller; the library stays
 *    synchronous like `certify`):
 *    a. the LP over weights, max_w { sum_i w_i t_i - sum_j max_i w_i v_ij : w ≥ 0, sum w = 1 }. By LP duality
 *       its optimum is > 0 exactly when the LP relaxation of "find a dominating A'" is infeasible; the float
 *       weights are turned into exact rationals (the binary value and continued-fraction roundings) and
 *       re-checked by test 1, so an LP-infeasible relaxation gives an exact certificate;
 *    b. otherwise the integer program "find x ∈ {0,1}^{n×m}, sum_i x_ij = 1, sum_j v_ij x_ij ≥ t_i, one
 *       strict". With per-agent integer scaling (when the integers are moderate) the constraints are modelled
 *       with a margin of 1/2 unit, far above HiGHS's tolerances. Any A' HiGHS returns is re-verified exactly;
 *       "infeasible" from HiGHS means alpha-PO up to HiGHS's floating-point branch and bound
 *       (detail.exact = false; `requireExact` turns such answers into `unchecked`). A time limit, a missing
 *       `highs` package or an A' that does not verify exactly gives `unchecked` with the reason.
 */
import { Allocation } from '../core/allocation';
import { InvalidInputError } from '../core/errors';
import type { GoodId, Instance } from '../core/instance';
import { gcd, lcm, Rational, type RationalLike } from '../core/rational';
import type { CheckResult } from './result';
import { solveInHighsProcess, type HighsAnswer } from './highs-process';

export type AlphaPOMethod = 'auto' | 'weighted-sum' | 'enumeration' | 'ilp';

export interface AlphaPOOptions {
  /**
   * Weights for the weighted-sum test (one per agent, ≥ 0, not all 0), e.g. the Bai–Gölz weights of
   * Weighted Ranking. The Negishi weights 1/u_i(A) are always tried as well.
   */
  readonly weights?: readonly RationalLike[];
  /** Only this method (default 'auto': weighted sum, then enumeration if n^m ≤ limit, else HiGHS). */
  readonly method?: AlphaPOMethod;
  /** Largest n^m searched exactly (default 10^6). */
  readonly enumerationLimit?: number;
  /** HiGHS time limit per solve in milliseconds (default 10000). */
  readonly timeLimitMs?: number;
  /** Largest n·m handed to HiGHS (default 50000); beyond it the result is `unchecked`. */
  readonly maxIlpVariables?: number;
  /** When true, an answer that rests on HiGHS's floating-point search (not re-verifiable) is `unchecked`. */
  readonly requireExact?: boolean;
}

interface Ctx {
  readonly inst: Instance;
  readonly alpha: Rational;
  readonly utilities: Rational[];
  readonly targets: Rational[];
  readonly attempts: Record<string, unknown>[];
}

const PROPERTY = 'alpha-PO (paper 001 App. A; spec C13)';

function parseAlpha(alpha: RationalLike): Rational {
  const a = Rational.from(alpha, 'alpha');
  if (!(a.sign() > 0 && a.le(Rational.ONE))) throw new InvalidInputError('bad-alpha', `alpha: ${a} is not in (0, 1]`);
  return a;
}

function toAllocation(inst: Instance, allocation: Allocation | readonly (readonly GoodId[])[]): Allocation {
  const a =
    allocation instanceof Allocation
      ? allocation
      : new Allocation(allocation as readonly (readonly GoodId[])[], inst.m);
  if (a.m !== inst.m)
    throw new InvalidInputError('bad-shape', `allocation: covers ${a.m} goods, the instance has ${inst.m}`);
  if (a.n !== inst.n)
    throw new InvalidInputError('bad-shape', `allocation: has ${a.n} bundles, the instance has ${inst.n} agents`);
  return a;
}

function parseWeights(inst: Instance, w: readonly RationalLike[]): Rational[] {
  if (!Array.isArray(w) || w.length !== inst.n)
    throw new InvalidInputError(
      'bad-weights',
      `weights: expected ${inst.n} weights (one per agent), got ${Array.isArray(w) ? w.length : typeof w}`,
    );
  const r = w.map((x, i) => Rational.from(x, `weights[${i}]`));
  r.forEach((x, i) => {
    if (x.sign() < 0) throw new InvalidInputError('bad-weights', `weights[${i}]: ${x} is negative`);
  });
  if (r.every((x) => x.isZero())) throw new InvalidInputError('bad-weights', 'weights: all zero');
  return r;
}

/** sum_i w_i t_i - sum_j max_i w_i v_ij, exactly. */
function weightedGap(
  inst: Instance,
  w: readonly Rational[],
  targets: readonly Rational[],
): { lhs: Rational; optimum: Rational; gap: Rational } {
  const lhs = Rational.sum(w.map((wi, i) => wi.mul(targets[i])));
  let optimum = Rational.ZERO;
  for (let g = 0; g < inst.m; g++) {
    let best = Rational.ZERO;
    for (let i = 0; i < inst.n; i++) {
      if (w[i].isZero() || inst.values[i][g].isZero()) continue;
      const x = w[i].mul(inst.values[i][g]);
      if (x.gt(best)) best = x;
    }
    optimum = optimum.add(best);
  }
  return { lhs, optimum, gap: lhs.sub(optimum) };
}

/** Test 1 for one weight vector: the certificate when it applies, else null (attempt recorded). */
function tryWeights(ctx: Ctx, w: readonly Rational[], source: string): CheckResult | null {
  const { lhs, optimum, gap } = weightedGap(ctx.inst, w, ctx.targets);
  const positive = w.every((x) => x.sign() > 0);
  const ok = gap.sign() > 0 || (gap.sign() === 0 && positive);
  ctx.attempts.push({ method: 'weighted-sum', weights: source, holds: ok, gap });
  if (!ok) return null;
  // sum_i w_i u_i(A) ≥ alpha * weighted optimum  <=>  sum_i w_i t_i ≥ weighted optimum
  return {
    holds: true,
    detail: {
      property: PROPERTY,
      alpha: ctx.alpha,
      method: 'weighted-sum',
      exact: true,
      weightsFrom: source,
      utilities: ctx.utilities,
      targets: ctx.targets,
      weightedWelfare: lhs.mul(ctx.alpha),
      weightedOptimum: optimum,
      test: positive
        ? 'sum_i w_i u_i(A) ≥ alpha · sum_j max_i w_i v_ij, w > 0'
        : 'sum_i w_i u_i(A) > alpha · sum_j max_i w_i v_ij, w ≥ 0',
      attempts: ctx.attempts,
    },
    witness: { weights: [...w] },
  };
}

/** Each agent's value under an owner vector. */
function utilitiesOf(inst: Instance, owners: readonly number[]): Rational[] {
  return inst.values.map((row, i) => Rational.sum(owners.flatMap((o, g) => (o === i ? [row[g]] : []))));
}

function failWith(
  ctx: Ctx,
  owners: readonly number[],
  method: string,
  extra: Record<string, unknown> = {},
): CheckResult {
  const dominating = utilitiesOf(ctx.inst, owners);
  return {
    holds: false,
    detail: {
      property: PROPERTY,
      alpha: ctx.alpha,
      method,
      exact: true,
      utilities: ctx.utilities,
      targets: ctx.targets,
      dominating,
      attempts: ctx.attempts,
      ...extra,
    },
    witness: { dominatingOwners: [...owners], utilities: dominating },
  };
}

function unchecked(ctx: Ctx, reason: string, extra: Record<string, unknown> = {}): CheckResult {
  return {
    holds: false,
    unchecked: true,
    detail: {
      property: PROPERTY,
      alpha: ctx.alpha,
      reason,
      utilities: ctx.utilities,
      targets: ctx.targets,
      attempts: ctx.attempts,
      ...extra,
    },
  };
}

/** Exact check that `owners` dominates the targets (all ≥, one >). */
function dominates(ctx: Ctx, owners: readonly number[]): boolean {
  const u = utilitiesOf(ctx.inst, owners);
  return u.every((x, i) => x.ge(ctx.targets[i])) && u.some((x, i) => x.gt(ctx.targets[i]));
}

// ------------------------------------------------------------------------------------ integer scaling

/**
 * Per agent i: integers a_ij = v_ij L_i and b_i = t_i L_i (L_i the lcm of the denominators, divided by
 * the gcd of the row), so that u_i(A') ≥ t_i  <=>  sum_{j in A'_i} a_ij ≥ b_i.
 */
function scaleRows(inst: Instance, targets: readonly Rational[]): { a: bigint[][]; b: bigint[] } {
  const a: bigint[][] = [];
  const b: bigint[] = [];
  for (let i = 0; i < inst.n; i++) {
    let L = targets[i].den;
    for (const v of inst.values[i]) L = lcm(L, v.den);
    const row = inst.values[i].map((v) => (v.num * L) / v.den);
    let bi = (targets[i].num * L) / targets[i].den;
    let g = bi;
    for (const x of row) g = gcd(g, x);
    if (g > 1n) {
      for (let j = 0; j < row.length; j++) row[j] /= g;
      bi /= g;
    }
    a.push(row);
    b.push(bi);
  }
  return { a, b };
}

// ----------------------------------------------------------------------------------- 2. exact search

/**
 * Branch and bound for an allocation giving every agent i at least targets[i] and one agent more (at alpha = 1 with
 * the current utilities: a Pareto improvement, used by `checkPO`). Returns the owners, null when none exists, or
 * 'limit'. Works on numbers when every row sum is a safe integer, else on bigints.
 */
export function findDominating(
  inst: Instance,
  targets: readonly Rational[],
  nodeLimit: number,
): { owners: number[] | null; nodes: number } | 'limit' {
  const { n, m } = inst;
  const { a, b } = scaleRows(inst, targets);
  const safe = a.every((row, i) => row.reduce((s, x) => s + x, 0n) + b[i] < BigInt(Number.MAX_SAFE_INTEGER));
  // goods by decreasing best normalised value (value / target, or / row total when the target is 0)
  const norm = (i: number, g: number) => {
    const tot = a[i].reduce((s, x) => s + x, 0n);
    const den = b[i] > 0n ? b[i] : tot > 0n ? tot : 1n;
    return Number(a[i][g]) / Number(den);
  };
  const goods = Array.from({ length: m }, (_, g) => g);
  const score = goods.map((g) => Math.max(...Array.from({ length: n }, (_, i) => norm(i, g))));
  goods.sort((x, y) => score[y] - score[x] || x - y);
  const agentOrder = goods.map((g) =>
    Array.from({ length: n }, (_, i) => i).sort((x, y) => norm(y, g) - norm(x, g) || x - y),
  );
  if (safe) {
    const A = a.map((row) => goods.map((g) => Number(row[g])));
    const B = b.map(Number);
    return bnb(
      n,
      m,
      A,
      B,
      0,
      agentOrder,
      goods,
      nodeLimit,
      (x, y) => x + y,
      (x, y) => x - y,
    );
  }
  const A = a.map((row) => goods.map((g) => row[g]));
  return bnb(
    n,
    m,
    A,
    b,
    0n,
    agentOrder,
    goods,
    nodeLimit,
    (x, y) => x + y,
    (x, y) => x - y,
  );
}

function bnb<T extends number | bigint>(
  n: number,
  m: number,
  A: T[][],
  B: T[],
  zero: T,
  agentOrder: number[][],
  goods: number[],
  nodeLimit: number,
  add: (x: T, y: T) => T,
  sub: (x: T, y: T) => T,
): { owners: number[] | null; nodes: number } | 'limit' {
  // rem[i][t] = sum of A[i][t..m-1] (positions in the sorted order)
  const rem: T[][] = A.map((row) => {
    const s = new Array<T>(m + 1).fill(zero);
    for (let t = m - 1; t >= 0; t--) s[t] = add(s[t + 1], row[t]);
    return s;
  });
  const have = new Array<T>(n).fill(zero);
  const owner = new Array<number>(m).fill(-1);
  let nodes = 0;
  const finish = (t: number): void => {
    // every remaining good to an agent valuing it most (values are ≥ 0, so nobody loses)
    for (let s = t; s < m; s++) {
      let best = 0;
      for (let i = 1; i < n; i++) if (A[i][s] > A[best][s]) best = i;
      owner[s] = best;
    }
  };
  const dfs = (t: number): boolean | 'limit' => {
    if (++nodes > nodeLimit) return 'limit';
    let allMet = true,
      strict = false;
    for (let i = 0; i < n; i++) {
      if (add(have[i], rem[i][t]) < B[i]) return false;
      if (have[i] < B[i]) allMet = false;
      else if (have[i] > B[i]) strict = true;
    }
    if (allMet && (strict || rem.some((r) => r[t] > zero))) {
      finish(t);
      return true;
    }
    if (t === m) return false;
    for (const i of agentOrder[t]) {
      owner[t] = i;
      have[i] = add(have[i], A[i][t]);
      const r = dfs(t + 1);
      have[i] = sub(have[i], A[i][t]);
      if (r) return r;
    }
    return false;
  };
  const r = dfs(0);
  if (r === 'limit') return 'limit';
  if (!r) return { owners: null, nodes };
  const byGood = new Array<number>(m);
  goods.forEach((g, t) => (byGood[g] = owner[t]));
  return { owners: byGood, nodes };
}

// ----------------------------------------------------------------------------------------- 3. HiGHS

/**
 * Solves LP-format models with HiGHS in one child process (highs-process.ts), each within `timeLimitMs`. One answer
 * per model.
 */
function runHighs(
  models: readonly { lp: string; options?: Record<string, unknown> }[],
  timeLimitMs: number,
): HighsAnswer[] {
  return solveInHighsProcess(
    models.map((m) => ({
      lp: m.lp,
      options: { output_flag: false, threads: 1, ...(m.options ?? {}) },
      seconds: timeLimitMs / 1000,
    })),
    models.length * timeLimitMs,
  );
}

/** A linear expression in LP format, a few terms per line. */
function expr(terms: [number, string][]): string {
  if (terms.length === 0) return '0 x_0_0';
  const parts = terms.map(
    ([c, v], k) => `${k === 0 ? (c < 0 ? '- ' : '') : c < 0 ? ' - ' : ' + '}${fmt(Math.abs(c))} ${v}`,
  );
  const lines: string[] = [];
  for (let k = 0; k < parts.length; k += 8) lines.push(parts.slice(k, k + 8).join(''));
  return lines.join('\n  ');
}

function fmt(x: number): string {
  if (!Number.isFinite(x)) throw new InvalidInputError('not-finite', `alpha-PO: coefficient ${x} is not finite`);
  return Number.isInteger(x) && Math.abs(x) < 1e21 ? x.toFixed(0) : x.toPrecision(17);
}

/** Rational approximations of a non-negative double: exact binary value and continued fractions. */
function rationalCandidates(x: number): Rational[] {
  if (!(x > 0)) return [Rational.ZERO];
  const out: Rational[] = [];
  for (const maxDen of [1000n, 1000000n, 1000000000n]) {
    let [h0, h1, k0, k1] = [0n, 1n, 1n, 0n];
    let y = x;
    for (let it = 0; it < 40; it++) {
      const a = BigInt(Math.floor(y));
      const h2 = a * h1 + h0,
        k2 = a * k1 + k0;
      if (k2 > maxDen) break;
      [h0, h1, k0, k1] = [h1, h2, k1, k2];
      const frac = y - Math.floor(y);
      if (frac < 1e-15) break;
      y = 1 / frac;
    }
    if (k1 > 0n && h1 > 0n) out.push(new Rational(h1, k1));
  }
  out.push(Rational.fromNumber(x));
  return out;
}

interface WeightsModel {
  readonly lp: string;
  /** Row scales c_i = max(t_i, max_j v_ij); the LP's weight for agent i is w_i c_i. */
  readonly c: readonly Rational[];
}

/** 3a: the weights LP, max_w sum_i w_i t_i - sum_j z_j, z_j ≥ w_i v_ij, w ≥ 0, sum w = 1 (rows scaled). */
function weightsModel(ctx: Ctx): WeightsModel | null {
  const { inst, targets } = ctx;
  const { n, m } = inst;
  // scale agent i by c_i = max(t_i, max_j v_ij) so coefficients are in [0, 1]
  const c = inst.values.map((row, i) => row.reduce((mx, v) => Rational.max(mx, v), targets[i]));
  if (c.every((x) => x.isZero())) return null;
  const rows: string[] = [];
  for (let i = 0; i < n; i++) {
    if (c[i].isZero()) continue;
    for (let j = 0; j < m; j++) {
      const v = inst.values[i][j].div(c[i]).toNumber();
      if (v > 0) rows.push(` c_${i}_${j}: z_${j} - ${fmt(v)} w_${i} >= 0`);
    }
  }
  const obj: [number, string][] = [];
  for (let i = 0; i < n; i++) if (!c[i].isZero()) obj.push([targets[i].div(c[i]).toNumber(), `w_${i}`]);
  for (let j = 0; j < m; j++) obj.push([-1, `z_${j}`]);
  const norm = Array.from({ length: n }, (_, i) => i)
    .filter((i) => !c[i].isZero())
    .map((i) => `w_${i}`)
    .join(' + ');
  return { lp: `Maximize\n obj: ${expr(obj)}\nSubject To\n${rows.join('\n')}\n norm: ${norm} = 1\nEnd\n`, c };
}

/** 3a: an exact certificate when the rationalised LP weights pass the weighted-sum test, else null. */
function interpretWeights(ctx: Ctx, model: WeightsModel, ans: HighsAnswer): CheckResult | null {
  const { n } = ctx.inst;
  const { c } = model;
  ctx.attempts.push({
    method: 'highs-weights-lp',
    status: ans.status,
    objective: ans.objective,
    ...(ans.error ? { error: ans.error } : {}),
  });
  if (ans.status !== 'Optimal' || !ans.columns) return null;
  // a clearly negative optimum: the LP relaxation is feasible, no weights can certify
  if (!(ans.objective !== undefined && ans.objective >= -1e-9)) return null;
  const wf = Array.from({ length: n }, (_, i) => (c[i].isZero() ? 0 : Math.max(0, ans.columns![`w_${i}`] ?? 0)));
  const cands = wf.map(rationalCandidates);
  const depth = Math.max(...cands.map((x) => x.length));
  const tried = new Set<string>();
  for (let k = 0; k < depth; k++) {
    const w = cands.map((xs, i) => (c[i].isZero() ? Rational.ZERO : xs[Math.min(k, xs.length - 1)].div(c[i])));
    const key = w.join(',');
    if (w.every((x) => x.isZero()) || tried.has(key)) continue;
    tried.add(key);
    const r = tryWeights(ctx, w, 'HiGHS weights LP (dual of the LP relaxation), rationalised');
    if (r) return { ...r, detail: { ...r.detail, method: 'highs-weights-lp', lpOptimum: ans.objective } };
  }
  return null;
}

interface IlpModel {
  readonly lp: string;
  readonly integerMode: boolean;
  readonly mode: string;
}

/** 3b: the integer program for a dominating allocation. */
function ilpModel(ctx: Ctx): IlpModel {
  const { inst, targets } = ctx;
  const { n, m } = inst;
  const x = (i: number, j: number) => `x_${i}_${j}`;
  const { a, b } = scaleRows(inst, targets);
  const LIMIT = 2n ** 40n;
  const integerMode =
    a.every((row, i) => row.reduce((s, v) => s + v, 0n) + b[i] < LIMIT) &&
    a.reduce((s, row, i) => s + row.reduce((t, v) => t + v, 0n) + b[i], 0n) < 2n ** 50n;
  const cons: string[] = [];
  for (let j = 0; j < m; j++)
    cons.push(` g_${j}: ${expr(Array.from({ length: n }, (_, i) => [1, x(i, j)] as [number, string]))} = 1`);
  let objective: [number, string][];
  if (integerMode) {
    for (let i = 0; i < n; i++) {
      if (b[i] === 0n) continue;
      const terms = a[i].flatMap((v, j) => (v > 0n ? [[Number(v), x(i, j)] as [number, string]] : []));
      cons.push(` r_${i}: ${expr(terms)} >= ${fmt(Number(b[i]) - 0.5)}`);
    }
    const all = a.flatMap((row, i) =>
      row.flatMap((v, j) => (v > 0n ? [[Number(v), x(i, j)] as [number, string]] : [])),
    );
    const total = b.reduce((s, v) => s + v, 0n);
    cons.push(` strict: ${expr(all)} >= ${fmt(Number(total) + 0.5)}`);
    objective = [[0, x(0, 0)]];
  } else {
    // floating mode (huge integers): rows normalised by the target, a relative margin, maximise the sum
    objective = [];
    for (let i = 0; i < n; i++) {
      const scale = targets[i].isZero() ? inst.values[i].reduce((s, v) => s.add(v), Rational.ZERO) : targets[i];
      const terms = inst.values[i].flatMap((v, j) =>
        v.isZero() || scale.isZero() ? [] : [[v.div(scale).toNumber(), x(i, j)] as [number, string]],
      );
      objective.push(...terms);
      if (!targets[i].isZero()) cons.push(` r_${i}: ${expr(terms)} >= ${fmt(1 - 1e-9)}`);
    }
  }
  const bounds = Array.from({ length: n * m }, (_, k) => ` 0 <= ${x(Math.floor(k / m), k % m)} <= 1`).join('\n');
  const ints = Array.from({ length: n * m }, (_, k) => x(Math.floor(k / m), k % m));
  const general: string[] = [];
  for (let k = 0; k < ints.length; k += 10) general.push(' ' + ints.slice(k, k + 10).join(' '));
  const lp = `Maximize\n obj: ${expr(objective)}\nSubject To\n${cons.join('\n')}\nBounds\n${bounds}\nGeneral\n${general.join('\n')}\nEnd\n`;
  return {
    lp,
    integerMode,
    mode: integerMode ? 'integer-scaled rows, margin 1/2 unit' : 'normalised rows, relative margin 1e-9',
  };
}

/** 3b: reads HiGHS's answer to the integer program; a dominating A' is re-verified exactly. */
function interpretIlp(
  ctx: Ctx,
  model: IlpModel,
  ans: HighsAnswer,
  timeLimitMs: number,
  requireExact: boolean,
): CheckResult {
  const { inst, targets } = ctx;
  const { n, m } = inst;
  const x = (i: number, j: number) => `x_${i}_${j}`;
  const { integerMode, mode } = model;
  ctx.attempts.push({ method: 'highs-ilp', status: ans.status, mode, ...(ans.error ? { error: ans.error } : {}) });
  if (ans.status === 'error') return unchecked(ctx, `HiGHS failed: ${ans.error}`);
  const cols = ans.columns ?? {};
  const hasSolution = Object.keys(cols).length > 0 && ans.status !== 'Infeasible';
  if (hasSolution && (ans.status === 'Optimal' || /time limit/i.test(ans.status))) {
    const owners = Array.from({ length: m }, (_, j) => {
      let best = 0;
      for (let i = 1; i < n; i++) if ((cols[x(i, j)] ?? 0) > (cols[x(best, j)] ?? 0)) best = i;
      return best;
    });
    if (dominates(ctx, owners))
      return failWith(ctx, owners, 'highs-ilp', { verified: 'exactly (Rational)', highsStatus: ans.status });
    if (integerMode) {
      if (/time limit/i.test(ans.status))
        return unchecked(ctx, `HiGHS hit the time limit (${timeLimitMs} ms) without a verified answer`);
      return unchecked(
        ctx,
        'HiGHS returned an allocation that does not dominate exactly (solver tolerance); undecided',
      );
    }
    // floating mode: the maximiser meets the targets only with equality, or misses one by the margin
    const u = utilitiesOf(inst, owners);
    if (ans.status === 'Optimal' && u.every((v, i) => v.ge(targets[i])))
      return solverHolds(
        ctx,
        requireExact,
        'HiGHS maximum of the normalised utility sum subject to the targets has no strict improvement',
        mode,
      );
    return unchecked(
      ctx,
      'HiGHS returned an allocation within its tolerance of the targets that does not dominate exactly; undecided',
    );
  }
  if (ans.status === 'Infeasible')
    return solverHolds(ctx, requireExact, 'HiGHS: the integer program for a dominating allocation is infeasible', mode);
  if (/time limit/i.test(ans.status))
    return unchecked(ctx, `HiGHS hit the time limit (${timeLimitMs} ms) without deciding`);
  return unchecked(ctx, `HiGHS status "${ans.status}"`);
}

function solverHolds(ctx: Ctx, requireExact: boolean, basis: string, mode: string): CheckResult {
  if (requireExact)
    return unchecked(ctx, `${basis}; rests on HiGHS floating-point branch and bound (requireExact)`, { mode });
  return {
    holds: true,
    detail: {
      property: PROPERTY,
      alpha: ctx.alpha,
      method: 'highs-ilp',
      exact: false,
      basis,
      mode,
      utilities: ctx.utilities,
      targets: ctx.targets,
      attempts: ctx.attempts,
    },
  };
}

// --------------------------------------------------------------------------------------------- entry

/**
 * Is `allocation` alpha-PO for `inst`? Paper 001 (Halpern–Psomas–Zhang), Appendix A, the (1 - eps)-PO of
 * Theorem A.1; the certificate of seed-001 spec C13. Exact (Rational) throughout; see the module comment
 * for the three methods. `holds` with `detail.exact === false` means the answer rests on HiGHS.
 */
export function checkAlphaPO(
  inst: Instance,
  allocation: Allocation | readonly (readonly GoodId[])[],
  alpha: RationalLike,
  options: AlphaPOOptions = {},
): CheckResult {
  const a = parseAlpha(alpha);
  const alloc = toAllocation(inst, allocation);
  const method = options.method ?? 'auto';
  if (!['auto', 'weighted-sum', 'enumeration', 'ilp'].includes(method))
    throw new InvalidInputError('bad-option', `alpha-PO: unknown method ${JSON.stringify(method)}`);
  const given = options.weights !== undefined ? parseWeights(inst, options.weights) : null;
  const utilities = alloc.bundles.map((bundle, i) => inst.value(i, bundle));
  const ctx: Ctx = { inst, alpha: a, utilities, targets: utilities.map((u) => u.div(a)), attempts: [] };
  const { n, m } = inst;

  if (method === 'auto' || method === 'weighted-sum') {
    if (given) {
      const r = tryWeights(ctx, given, 'given');
      if (r) return r;
    }
    const negishi = utilities.map((u) => (u.isZero() ? Rational.ZERO : u.inv()));
    if (!negishi.every((x) => x.isZero())) {
      const r = tryWeights(ctx, negishi, 'Negishi 1/u_i(A)');
      if (r) return r;
    }
    if (method === 'weighted-sum')
      return unchecked(ctx, 'the weighted-sum test is only sufficient and did not apply to the weights tried');
  }

  const limit = options.enumerationLimit ?? 1e6;
  const tiny = m * Math.log(Math.max(n, 1)) <= Math.log(limit) + 1e-9;
  if (method === 'enumeration' || (method === 'auto' && tiny)) {
    if (!tiny && method === 'enumeration')
      return unchecked(ctx, `n^m = ${n}^${m} exceeds the enumeration limit ${limit}`);
    const r = findDominating(inst, ctx.targets, 3 * limit + 10);
    if (r === 'limit') return unchecked(ctx, 'search budget exhausted');
    ctx.attempts.push({ method: 'enumeration', nodes: r.nodes, dominated: r.owners !== null });
    if (r.owners) return failWith(ctx, r.owners, 'enumeration', { nodes: r.nodes });
    return {
      holds: true,
      detail: {
        property: PROPERTY,
        alpha: a,
        method: 'enumeration',
        exact: true,
        nodes: r.nodes,
        utilities,
        targets: ctx.targets,
        attempts: ctx.attempts,
      },
    };
  }

  const maxVars = options.maxIlpVariables ?? 50_000;
  if (n * m > maxVars) return unchecked(ctx, `n·m = ${n * m} exceeds the integer-program limit ${maxVars}`);
  const timeLimitMs = options.timeLimitMs ?? 10_000;
  // both models in one HiGHS process: when the weights LP certifies, the integer program is infeasible at
  // its root (its LP relaxation is), so solving it too costs little and saves a second process start
  const wm = weightsModel(ctx);
  const im = ilpModel(ctx);
  const answers = runHighs([...(wm ? [{ lp: wm.lp }] : []), { lp: im.lp, options: { mip_rel_gap: 0 } }], timeLimitMs);
  if (wm) {
    const r = interpretWeights(ctx, wm, answers[0]);
    if (r) return r;
  }
  return interpretIlp(ctx, im, answers[answers.length - 1], timeLimitMs, options.requireExact ?? false);
}

/**
 * The `alpha-po` claim of an outcome (e.g. Weighted Ranking's realised alpha, Halpern–Psomas–Zhang Theorem
 * A.1): params {alpha, weights?}, alpha falling back to the claim's rho. The parameters may come from a
 * file, so a malformed alpha or weight list is a typed `bad-claim-params` error naming it. Only exact
 * answers count (`requireExact`): a HiGHS "infeasible" without an exact certificate is `unchecked`.
 */
export function checkAlphaPOClaim(
  inst: Instance,
  allocation: Allocation,
  params: unknown,
  rho?: Rational,
): CheckResult {
  const bad = (message: string): never => {
    throw new InvalidInputError('bad-claim-params', `claim alpha-po: ${message}`);
  };
  if (params !== undefined && (params === null || typeof params !== 'object' || Array.isArray(params)))
    bad(`params must be an object, got ${JSON.stringify(params)}`);
  const p = (params ?? {}) as { alpha?: unknown; weights?: unknown };
  const alpha = p.alpha ?? rho;
  if (alpha === undefined)
    return { holds: false, unchecked: true, detail: { reason: 'alpha-po claim without params.alpha' } };
  if (!(typeof alpha === 'string' || typeof alpha === 'number' || alpha instanceof Rational))
    bad(`params.alpha must be a rational in (0, 1], got ${JSON.stringify(alpha)}`);
  const weights = p.weights;
  if (
    weights !== undefined &&
    (!Array.isArray(weights) || !weights.every((w) => typeof w === 'string' || typeof w === 'number'))
  )
    bad(`params.weights must be a list of numbers or rational strings, got ${JSON.stringify(weights)}`);
  let a: Rational;
  let w: Rational[] | undefined;
  try {
    a = parseAlpha(alpha as RationalLike);
    w = weights === undefined ? undefined : parseWeights(inst, weights as RationalLike[]);
  } catch (e) {
    if (e instanceof InvalidInputError) return bad(e.message);
    throw e;
  }
  return checkAlphaPO(inst, allocation, a, { requireExact: true, ...(w ? { weights: w } : {}) });
}
