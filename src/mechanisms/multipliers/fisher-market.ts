/**
 * The fractional Maximum Nash Welfare allocation as the equilibrium of the linear Fisher market with equal budgets
 * (Eisenberg–Gale; seed-004 spec 3.10), computed so that it can be certified exactly.
 *
 * 1. Newton's method on a smoothed dual approaches the equilibrium multipliers beta (`smoothedDualStage`): the max in
 *    the dual sum_g max_i beta_i u_ig - sum_i ln beta_i becomes a p-norm, and p grows from stage to stage (2, 4, ...,
 *    32, then by factors of 4).
 *    [DECISION] Not proportional response dynamics: in a development run on the peak agents (not kept as a test or
 *    bench) they needed thousands of steps near ties, while the smoothed Newton continuation needs a few per stage.
 * 2. From the current multipliers the structure is guessed (thresholds tau around the smoothing error ln(n)/p): a good whose largest beta_i u_ig beats
 *    every other by a factor 1 + tau is fixed to that agent, the others are split candidates. At the equilibrium the
 *    goods bought by several agents form a forest with the agents (generically at most n - 1 split goods).
 * 3. On that forest the equilibrium is the solution of a square linear system, solved leaf by leaf: along an edge
 *    (i, g), (k, g) the multipliers satisfy beta_i u_ig = beta_k u_kg; each component's budgets equal the prices of its
 *    goods, which fixes the scale; then each agent spends her budget 1. `solveForest` does this in any field.
 * 4. The candidate is checked: shares ≥ 0, and every good is bought only by agents maximising beta_i u_ig (the KKT
 *    conditions of Eisenberg–Gale, i.e. a market equilibrium with prices p_g = max_i beta_i u_ig and budgets 1). In
 *    exact arithmetic (`exactFisherEquilibrium`) a passing check is a proof that the candidate is the fractional MNW
 *    allocation; the float version (`floatFisherEquilibrium`, for the experiments) checks with a relative tolerance.
 *    When no threshold passes the check, p grows.
 *
 * Rounding (spec 3.10, step 2) gives each good to the agent with the largest share, lowest index on ties; it keeps
 * fPO with the same multipliers because only agents with a positive share, all maximisers of beta_i u_ig, can get it.
 */
import { FractionalAllocation } from '../../core/allocation';
import { DomainError, LimitError } from '../../core/errors';
import type { Instance } from '../../core/instance';
import { Rational } from '../../core/rational';

/** The arithmetic `solveForest` needs. */
export interface Field<T> {
  readonly zero: T;
  readonly one: T;
  add(a: T, b: T): T;
  sub(a: T, b: T): T;
  mul(a: T, b: T): T;
  div(a: T, b: T): T;
  fromInt(k: number): T;
  /** True when a > 0. */
  positive(a: T): boolean;
}

export const floatField: Field<number> = {
  zero: 0,
  one: 1,
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  mul: (a, b) => a * b,
  div: (a, b) => a / b,
  fromInt: (k) => k,
  positive: (a) => a > 0,
};

export const rationalField: Field<Rational> = {
  zero: Rational.ZERO,
  one: Rational.ONE,
  add: (a, b) => a.add(b),
  sub: (a, b) => a.sub(b),
  mul: (a, b) => a.mul(b),
  div: (a, b) => a.div(b),
  fromInt: (k) => new Rational(BigInt(k)),
  positive: (a) => a.sign() > 0,
};

/** A guessed equilibrium structure: fixed owners (-1 for split goods) and the agents that may share each split good. */
export interface MarketStructure {
  readonly owner: Int32Array;
  readonly split: readonly { readonly good: number; readonly agents: readonly number[] }[];
}

/** The equilibrium on a structure: multipliers and the shares of the split goods. */
export interface ForestSolution<T> {
  readonly beta: T[];
  /** Shares of split goods: one entry per edge. */
  readonly shares: readonly { readonly agent: number; readonly good: number; readonly x: T }[];
}

/**
 * Solves the equilibrium equations on a forest structure (module header, step 3) with values u(i, g) in field F.
 * Returns null when the split edges contain a cycle or an agent has neither a fixed good nor an edge.
 */
export function solveForest<T>(
  F: Field<T>,
  n: number,
  u: (i: number, g: number) => T,
  fixedUtility: readonly T[],
  s: MarketStructure,
): ForestSolution<T> | null {
  const agentEdges: number[][] = Array.from({ length: n }, () => []);
  s.split.forEach((sg, k) => sg.agents.forEach((i) => agentEdges[i].push(k)));
  const seen = new Array<boolean>(n).fill(false);
  const beta = new Array<T>(n);
  const shares: { agent: number; good: number; x: T }[] = [];
  const visitedGood = new Array<boolean>(s.split.length).fill(false);
  for (let root = 0; root < n; root++) {
    if (seen[root]) continue;
    // BFS: ratios rho_i with beta_i = c rho_i along tie edges
    const rho = new Map<number, T>([[root, F.one]]);
    const agents = [root];
    const goods: number[] = [];
    seen[root] = true;
    let edges = 0;
    for (let h = 0; h < agents.length; h++) {
      const i = agents[h];
      for (const k of agentEdges[i]) {
        if (visitedGood[k]) continue;
        visitedGood[k] = true;
        goods.push(k);
        const g = s.split[k].good;
        const pg = F.mul(rho.get(i)!, u(i, g));
        for (const j of s.split[k].agents) {
          edges++;
          if (j === i) continue;
          if (seen[j]) return null;
          seen[j] = true;
          rho.set(j, F.div(pg, u(j, g)));
          agents.push(j);
        }
      }
    }
    if (edges !== agents.length + goods.length - 1) return null;
    // scale: |A_C| = sum_i c rho_i F_i + sum_g c rho_a u_ag
    let total = F.zero;
    for (const i of agents) total = F.add(total, F.mul(rho.get(i)!, fixedUtility[i]));
    const priceRatio = new Map<number, T>();
    for (const k of goods) {
      const a = s.split[k].agents[0];
      const pr = F.mul(rho.get(a)!, u(a, s.split[k].good));
      priceRatio.set(k, pr);
      total = F.add(total, pr);
    }
    if (!F.positive(total)) return null;
    const c = F.div(F.fromInt(agents.length), total);
    for (const i of agents) beta[i] = F.mul(c, rho.get(i)!);
    // leaf elimination: residual budgets and supplies
    const budget = new Map<number, T>(agents.map((i) => [i, F.sub(F.one, F.mul(beta[i], fixedUtility[i]))]));
    const supply = new Map<number, T>(goods.map((k) => [k, F.one]));
    const live = new Map<string, { i: number; k: number }>();
    const degA = new Map<number, number>(agents.map((i) => [i, 0]));
    const degG = new Map<number, number>(goods.map((k) => [k, 0]));
    for (const k of goods)
      for (const i of s.split[k].agents) {
        live.set(`${i}:${k}`, { i, k });
        degA.set(i, degA.get(i)! + 1);
        degG.set(k, degG.get(k)! + 1);
      }
    while (live.size > 0) {
      let progressed = false;
      for (const [key, { i, k }] of live) {
        const price = F.mul(c, priceRatio.get(k)!);
        let x: T | null = null;
        if (degG.get(k) === 1) {
          x = supply.get(k)!;
          budget.set(i, F.sub(budget.get(i)!, F.mul(x, price)));
          supply.set(k, F.zero);
        } else if (degA.get(i) === 1) {
          x = F.div(budget.get(i)!, price);
          supply.set(k, F.sub(supply.get(k)!, x));
          budget.set(i, F.zero);
        }
        if (x === null) continue;
        shares.push({ agent: i, good: s.split[k].good, x });
        live.delete(key);
        degA.set(i, degA.get(i)! - 1);
        degG.set(k, degG.get(k)! - 1);
        progressed = true;
      }
      if (!progressed) return null;
    }
  }
  return { beta, shares };
}

/**
 * Newton's method on the smoothed Eisenberg–Gale dual (module header, step 1): with s_ig = beta_i u_ig and w = ln beta,
 * phi_p(w) = sum_g ||s_g||_p - sum_i w_i, a smooth strictly convex function that tends to the dual
 * sum_g max_i s_ig - sum_i ln beta_i as p -> ∞. Its gradient is sum_g P_g x_ig - 1 with P_g = ||s_g||_p and soft
 * shares x_ig = s_ig^p / sum_k s_kg^p; its Hessian is sum_g P_g (p diag(x_g) - (p - 1) x_g x_g^T), positive definite.
 * `smoothedDualStage` runs damped Newton steps at one p from w (in place) until the Newton decrement is tiny.
 */
export function smoothedDualStage(
  U: readonly Float64Array[],
  logU: readonly Float64Array[],
  w: Float64Array,
  p: number,
  maxSteps = 30,
): number {
  const n = U.length,
    m = U[0].length;
  const x = new Float64Array(n);
  const idx = new Int32Array(n);
  const grad = new Float64Array(n);
  const H = Array.from({ length: n }, () => new Float64Array(n));
  // soft shares below e^-40 change phi, its gradient and Hessian by less than 1e-17 relative: they are dropped
  const CUT = -40;
  /** phi_p(v); with `derivatives`, also its gradient and Hessian into grad and H. */
  const evaluate = (v: Float64Array, derivatives: boolean): number => {
    let total = 0;
    if (derivatives) {
      grad.fill(-1);
      for (const row of H) row.fill(0);
    }
    for (let g = 0; g < m; g++) {
      let top = -Infinity;
      for (let i = 0; i < n; i++) {
        const l = v[i] + logU[i][g];
        if (l > top) top = l;
      }
      if (top === -Infinity) continue;
      let sum = 0;
      let k = 0;
      for (let i = 0; i < n; i++) {
        const d = p * (v[i] + logU[i][g] - top);
        if (d <= CUT) continue;
        const e = Math.exp(d);
        idx[k] = i;
        x[k++] = e;
        sum += e;
      }
      const P = Math.exp(top + Math.log(sum) / p);
      total += P;
      if (!derivatives) continue;
      for (let a = 0; a < k; a++) {
        const i = idx[a];
        const px = (P * x[a]) / sum;
        grad[i] += px;
        H[i][i] += p * px;
        const c = ((p - 1) * px) / sum;
        const Hi = H[i];
        for (let b = 0; b < k; b++) Hi[idx[b]] -= c * x[b];
      }
    }
    for (let i = 0; i < n; i++) total -= v[i];
    return total;
  };
  let steps = 0;
  let value = evaluate(w, true);
  const trial = new Float64Array(n);
  for (; steps < maxSteps; steps++) {
    const step = choleskySolve(H, grad);
    if (!step) break;
    let decrement = 0;
    for (let i = 0; i < n; i++) decrement += step[i] * grad[i];
    // converged to the precision of phi (further steps only chase rounding)
    if (!(decrement > 1e-13 * Math.max(1, Math.abs(value)))) break;
    let lambda = 1;
    let accepted = false;
    for (let ls = 0; ls < 30; ls++) {
      for (let i = 0; i < n; i++) trial[i] = w[i] - lambda * step[i];
      const v = evaluate(trial, true);
      if (v <= value - 0.25 * lambda * decrement) {
        w.set(trial);
        value = v;
        accepted = true;
        break;
      }
      lambda /= 2;
    }
    if (!accepted) break;
  }
  return steps;
}

/** Solves H s = b for a symmetric positive definite H by Cholesky; null when H is not numerically positive definite. */
function choleskySolve(H: readonly Float64Array[], b: Float64Array): Float64Array | null {
  const n = b.length;
  const L = Array.from({ length: n }, () => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = H[i][j];
      for (let k = 0; k < j; k++) s -= L[i][k] * L[j][k];
      if (i === j) {
        if (!(s > 0)) return null;
        L[i][i] = Math.sqrt(s);
      } else L[i][j] = s / L[j][j];
    }
  }
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= L[i][k] * y[k];
    y[i] = s / L[i][i];
  }
  const out = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i];
    for (let k = i + 1; k < n; k++) s -= L[k][i] * out[k];
    out[i] = s / L[i][i];
  }
  return out;
}

/**
 * Runs the continuation p = 2, 4, 8, 16, 32, then 128, 512, ... (a factor 4 once the multipliers are close) of
 * `smoothedDualStage` and from p = 16 on calls `attempt(beta, p)` after every stage until it returns a result;
 * `LimitError` when p passes 2^40 without one.
 */
export function smoothedDualContinuation<R>(
  U: readonly Float64Array[],
  attempt: (beta: Float64Array, p: number) => R | null,
): { result: R; stages: number } {
  const n = U.length,
    m = U[0].length;
  const logU = U.map((row) => Float64Array.from(row, (v) => (v > 0 ? Math.log(v) : -Infinity)));
  // start from the normalizing multipliers with budgets 1: beta_i = n / u_i(M)
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let tot = 0;
    for (let g = 0; g < m; g++) tot += U[i][g];
    w[i] = Math.log(n / tot);
  }
  let stages = 0;
  for (let p = 2; p <= 2 ** 40; p *= p < 32 ? 2 : 4) {
    smoothedDualStage(U, logU, w, p);
    stages++;
    if (p < 16) continue;
    const r = attempt(Float64Array.from(w, Math.exp), p);
    if (r !== null) return { result: r, stages };
  }
  throw new LimitError('no-equilibrium', `fractional MNW: no equilibrium structure verified (n = ${n}, m = ${m})`);
}

/** The structure guess of module header step 2 at multipliers beta and threshold tau. */
export function guessStructure(U: readonly Float64Array[], beta: ArrayLike<number>, tau: number): MarketStructure {
  const n = U.length,
    m = U[0].length;
  const owner = new Int32Array(m);
  const split: { good: number; agents: number[] }[] = [];
  for (let g = 0; g < m; g++) {
    let top = 0;
    for (let i = 0; i < n; i++) top = Math.max(top, beta[i] * U[i][g]);
    const agents: number[] = [];
    for (let i = 0; i < n; i++) if (top > 0 && beta[i] * U[i][g] >= top / (1 + tau)) agents.push(i);
    if (agents.length === 1) owner[g] = agents[0];
    else {
      owner[g] = -1;
      split.push({ good: g, agents });
    }
  }
  return { owner, split };
}

/** A float equilibrium: multipliers, the split shares and the rounded owners. */
export interface FloatEquilibrium {
  readonly beta: Float64Array;
  readonly structure: MarketStructure;
  readonly shares: readonly { readonly agent: number; readonly good: number; readonly x: number }[];
  /** owner[g] = argmax_i x_ig (lowest index on ties). */
  readonly rounded: Int32Array;
  /** Continuation stages (values of p) run. */
  readonly stages: number;
}

/**
 * The thresholds tau tried at smoothing p: the smoothed prices exceed the maxima by at most a factor n^(1/p), so the
 * multipliers are off by about ln(n)/p; tau brackets that error from above and below.
 */
function thresholds(n: number, p: number): number[] {
  const e = Math.log(Math.max(n, 2)) / p;
  return [8 * e, e, e / 16];
}

/** A key identifying a structure (the split goods with their agents; the fixed owners follow from beta). */
function structureKey(s: MarketStructure): string {
  let h = 0;
  for (let g = 0; g < s.owner.length; g++) h = (Math.imul(h, 31) + s.owner[g] + 2) | 0;
  return `${h}|${s.split.map((e) => `${e.good}:${e.agents.join('.')}`).join(',')}`;
}

/**
 * Runs the continuation and, after each stage, hands every new structure guess (one per threshold, fewer than n
 * split goods, not tried before) to `solve` until it returns a result.
 */
function searchStructures<R>(
  U: readonly Float64Array[],
  solve: (s: MarketStructure) => R | null,
): { result: R; stages: number } {
  const n = U.length;
  const tried = new Set<string>();
  return smoothedDualContinuation(U, (beta, p) => {
    for (const tau of thresholds(n, p)) {
      const s = guessStructure(U, beta, tau);
      if (s.split.length >= n) continue;
      const key = structureKey(s);
      if (tried.has(key)) continue;
      tried.add(key);
      const r = solve(s);
      if (r !== null) return r;
    }
    return null;
  });
}

function fixedUtilities(U: readonly Float64Array[], owner: Int32Array): number[] {
  const f = new Array<number>(U.length).fill(0);
  for (let g = 0; g < owner.length; g++) if (owner[g] >= 0) f[owner[g]] += U[owner[g]][g];
  return f;
}

/** Checks a float candidate (module header step 4) with relative tolerance `tol`. */
function floatCheck(U: readonly Float64Array[], s: MarketStructure, sol: ForestSolution<number>, tol: number): boolean {
  const n = U.length,
    m = U[0].length;
  const price = new Float64Array(m);
  for (let g = 0; g < m; g++) if (s.owner[g] >= 0) price[g] = sol.beta[s.owner[g]] * U[s.owner[g]][g];
  for (const e of sol.shares) {
    if (!(e.x >= -tol)) return false;
    price[e.good] = Math.max(price[e.good], sol.beta[e.agent] * U[e.agent][e.good]);
  }
  for (let g = 0; g < m; g++)
    for (let i = 0; i < n; i++) if (sol.beta[i] * U[i][g] > price[g] * (1 + tol)) return false;
  return sol.beta.every((b) => b > 0 && Number.isFinite(b));
}

/** The fractional MNW equilibrium on doubles (module header), rounded by largest share. */
export function floatFisherEquilibrium(
  U: readonly Float64Array[],
  opts: { tolerance?: number } = {},
): FloatEquilibrium {
  const n = U.length;
  const tol = opts.tolerance ?? 1e-9;
  U.forEach((row, i) => {
    if (!row.some((v) => v > 0))
      throw new DomainError(
        'rounded-mnw',
        'zero-agent',
        `agent ${i} values every good at 0: the Nash welfare is 0 for every allocation`,
      );
  });
  const { result, stages } = searchStructures(U, (s) => {
    const sol = solveForest(floatField, n, (i, g) => U[i][g], fixedUtilities(U, s.owner), s);
    if (!sol || !floatCheck(U, s, sol, tol)) return null;
    const rounded = Int32Array.from(s.owner);
    const best = new Map<number, { agent: number; x: number }>();
    for (const e of sol.shares) {
      const cur = best.get(e.good);
      if (!cur || e.x > cur.x || (e.x === cur.x && e.agent < cur.agent)) best.set(e.good, { agent: e.agent, x: e.x });
    }
    for (const [g, b] of best) rounded[g] = b.agent;
    return { beta: Float64Array.from(sol.beta), structure: s, shares: sol.shares, rounded };
  });
  return { ...result, stages };
}

/** The exact fractional MNW allocation with its certificate. */
export interface ExactEquilibrium {
  readonly beta: Rational[];
  /** p_g = max_i beta_i u_ig. */
  readonly prices: Rational[];
  readonly fractional: FractionalAllocation;
  readonly stages: number;
}

/**
 * The fractional MNW allocation of an instance, exactly: each float structure guess is solved again in Rationals and
 * checked exactly (module header). Needs every agent to value some good positively (else the Nash welfare is 0).
 */
export function exactFisherEquilibrium(inst: Instance): ExactEquilibrium {
  const { n, m } = inst;
  inst.values.forEach((row, i) => {
    if (row.every((v) => v.isZero()))
      throw new DomainError(
        'rounded-mnw',
        'zero-agent',
        `agent ${inst.agents[i]} values every good at 0: the Nash welfare is 0 for every allocation`,
      );
  });
  const U = inst.values.map((row) => Float64Array.from(row, (v) => v.toNumber()));
  const { result, stages } = searchStructures(U, (s) => {
    const fixed = new Array<Rational>(n).fill(Rational.ZERO);
    for (let g = 0; g < m; g++)
      if (s.owner[g] >= 0) fixed[s.owner[g]] = fixed[s.owner[g]].add(inst.values[s.owner[g]][g]);
    const sol = solveForest(rationalField, n, (i, g) => inst.values[i][g], fixed, s);
    return sol && exactCheck(inst, s, sol);
  });
  return { ...result, stages };
}

function exactCheck(
  inst: Instance,
  s: MarketStructure,
  sol: ForestSolution<Rational>,
): { beta: Rational[]; prices: Rational[]; fractional: FractionalAllocation } | null {
  const { n, m } = inst;
  if (sol.beta.some((b) => b.sign() <= 0)) return null;
  if (sol.shares.some((e) => e.x.sign() < 0)) return null;
  const shares: Rational[][] = Array.from({ length: n }, () => new Array<Rational>(m).fill(Rational.ZERO));
  for (let g = 0; g < m; g++) if (s.owner[g] >= 0) shares[s.owner[g]][g] = Rational.ONE;
  for (const e of sol.shares) shares[e.agent][e.good] = e.x;
  const prices = new Array<Rational>(m);
  for (let g = 0; g < m; g++) {
    let top = Rational.ZERO;
    for (let i = 0; i < n; i++) top = Rational.max(top, sol.beta[i].mul(inst.values[i][g]));
    for (let i = 0; i < n; i++) if (shares[i][g].sign() > 0 && sol.beta[i].mul(inst.values[i][g]).lt(top)) return null;
    prices[g] = top;
  }
  for (let g = 0; g < m; g++) if (!Rational.sum(shares.map((r) => r[g])).eq(1)) return null;
  for (let i = 0; i < n; i++) if (!Rational.sum(shares[i].map((x, g) => x.mul(prices[g]))).eq(1)) return null;
  return { beta: sol.beta, prices, fractional: new FractionalAllocation(shares) };
}

/** owner[g] = argmax_i x_ig, lowest index on ties (the rounding of spec 3.10). */
export function roundLargestShare(x: FractionalAllocation): number[] {
  const n = x.shares.length,
    m = x.shares[0]?.length ?? 0;
  const owner = new Array<number>(m);
  for (let g = 0; g < m; g++) {
    let best = 0;
    for (let i = 1; i < n; i++) if (x.shares[i][g].gt(x.shares[best][g])) best = i;
    owner[g] = best;
  }
  return owner;
}
