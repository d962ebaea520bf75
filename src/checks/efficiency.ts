/**
 * Efficiency: fPO (exact, polynomial, via the Negishi characterisation) and PO (fPO first, then cheap
 * exchange searches, then an exact search, a price certificate and an integer program for what remains).
 *
 * fPO (seed-004 spec 3.12, seed-003 spec 4.4 C-FPO-CYCLE): A is fPO iff some weights beta_i > 0 make every
 * good go to an agent maximising beta_i v_i(g). With r[i][k] = max_{g in A_i, v_i(g) > 0} v_k(g)/v_i(g) the
 * condition is beta_i >= r[i][k] beta_k; it is feasible iff no cycle i1 -> i2 -> ... -> i1 has a product of
 * r greater than 1, and a good g held by i with v_i(g) = 0 < v_k(g) is a violation by itself. Witness:
 * the weights beta (exact rationals), or the improving exchange cycle.
 *
 * Computation, exact and polynomial: each agent's values are scaled to integers (row times the lcm of its
 * denominators), r is taken over the goods by integer cross-multiplication, and the longest-path problem
 * in log space (p_i >= log r[i][k] + p_k) is solved by Bellman–Ford on doubles, O(n^3). Doubles only
 * propose: a proposed cycle counts only if its exact product exceeds 1, and proposed weights (exact products
 * of r along the Bellman–Ford tree, integers of at most n factors) count only if every constraint holds
 * exactly. Near-ties the doubles cannot separate fall back to exact Bellman–Ford from the proposed weights.
 */
import type { Allocation } from '../core/allocation';
import type { GoodId, Instance } from '../core/instance';
import { Rational, lcm } from '../core/rational';
import { remainingMs } from '../core/time-budget';
import { checkAlphaPO, findDominating } from './alpha-po';
import { findPriceCertificate, integerUnits } from './po-prices';
import { searchImprovement } from './po-programs';
import { findSetTrade } from './set-trade';
import type { CheckResult } from './result';
import { requireAllocation, requireInstance } from '../core/arguments';

/** A ratio of two non-negative integers (not normalised). */
interface Ratio {
  num: bigint;
  den: bigint;
}

interface Edge extends Ratio {
  good: GoodId;
}

/** Every agent's values scaled to integers: v_i(g) = V[i][g] / L[i]. */
function integerRows(inst: Instance): { V: bigint[][]; L: bigint[] } {
  const V: bigint[][] = [];
  const L: bigint[] = [];
  for (let i = 0; i < inst.n; i++) {
    let l = 1n;
    for (const v of inst.values[i]) l = lcm(l, v.den);
    V.push(inst.values[i].map((v) => (v.num * l) / v.den));
    L.push(l);
  }
  return { V, L };
}

const SAFE_FACTOR = 2n ** 26n;
const gt = (a: Ratio, b: Ratio) => a.num * b.den > b.num * a.den;

/** Natural log of a positive bigint (exact enough to propose; never used to decide). */
function logOf(x: bigint): number {
  const bits = x.toString(2).length;
  if (bits <= 1000) return Math.log(Number(x));
  const shift = BigInt(bits - 60);
  return Math.log(Number(x >> shift)) + Number(shift) * Math.LN2;
}

/** fPO, exact; polynomial (see the module header). */
export function checkFPO(inst: Instance, a: Allocation): CheckResult {
  requireInstance(inst, 'checkFPO');
  requireAllocation(a, inst, 'checkFPO', 'a');
  return fpoByExchangeCycles(inst, a.bundles);
}

/**
 * The exchange-cycle fPO test (module header) of any allocation, given the goods each agent holds some of
 * (`held[i]`): the whole goods of an integral allocation, or the goods with a positive share of a fractional
 * one (`fractional`, which also names the test in the detail).
 */
export function fpoByExchangeCycles(
  inst: Instance,
  held: readonly (readonly GoodId[])[],
  fractional = false,
): CheckResult {
  const n = inst.n;
  const { V, L } = integerRows(inst);
  const small = V.every((row) => row.every((x) => x < SAFE_FACTOR));
  const Vn = small ? V.map((row) => row.map(Number)) : null;
  const via = fractional ? { via: 'exchange cycles' } : {};
  const edge: (Edge | null)[][] = Array.from({ length: n }, () => new Array<Edge | null>(n).fill(null));
  for (let i = 0; i < n; i++) {
    for (const g of held[i]) {
      for (let k = 0; k < n; k++) {
        if (k === i || V[k][g] === 0n) continue;
        if (V[i][g] === 0n)
          return {
            holds: false,
            detail: {
              property: 'fPO',
              reason: `${inst.agents[i]} holds ${fractional ? 'a share of ' : ''}${inst.goods[g]} worth 0 to them and ${inst.values[k][g]} to ${inst.agents[k]}`,
            },
            witness: { cycle: [{ from: i, to: k, good: g }] },
          };
        const e = edge[i][k];
        const better =
          !e || (Vn ? Vn[k][g] * Number(e.den) > Number(e.num) * Vn[i][g] : V[k][g] * e.den > e.num * V[i][g]);
        if (better) edge[i][k] = { num: V[k][g], den: V[i][g], good: g };
      }
    }
  }
  const r = ratioPotentials(edge);
  if ('gamma' in r) {
    // beta_i = gamma_i * L_i turns the integer rows' weights into weights of the given values
    const beta = r.gamma.map((q, i) => new Rational(q.num * L[i], q.den));
    return { holds: true, detail: { property: 'fPO', ...via, weights: beta }, witness: { weights: beta } };
  }
  const cycle = r.cycle.map(([y, k]) => {
    const e = edge[y][k] as Edge;
    return { from: y, to: k, good: e.good, ratio: inst.values[k][e.good].div(inst.values[y][e.good]) };
  });
  const product = cycle.reduce((p, c) => p.mul(c.ratio), Rational.ONE);
  return {
    holds: false,
    detail: {
      property: 'fPO',
      ...via,
      reason: 'an exchange cycle in which every agent passes a good on and the product of value ratios exceeds 1',
      product,
    },
    witness: { cycle },
  };
}

/**
 * Weights gamma > 0 with gamma_i >= w[i][k] gamma_k for every edge, or a cycle of edges (pairs [i, k]) whose
 * product exceeds 1. Doubles propose (log-space Bellman–Ford), exact integer arithmetic decides.
 */
function ratioPotentials(w: (Ratio | null)[][]): { gamma: Ratio[] } | { cycle: [number, number][] } {
  const n = w.length;
  const lw = w.map((row) => row.map((e) => (e ? logOf(e.num) - logOf(e.den) : 0)));
  const p = new Float64Array(n);
  const parent = new Int32Array(n).fill(-1);
  let last = -1;
  for (let round = 0; round <= n; round++) {
    last = -1;
    for (let i = 0; i < n; i++) {
      for (let k = 0; k < n; k++) {
        if (!w[i][k]) continue;
        const cand = p[k] + lw[i][k];
        if (cand > p[i] + 1e-9 * Math.max(1, Math.abs(p[i]))) {
          p[i] = cand;
          parent[i] = k;
          last = i;
        }
      }
    }
    if (last < 0) break;
  }
  if (last >= 0) {
    const cycle = parentCycle(parent, last);
    if (cycle && gt(product(w, cycle), { num: 1n, den: 1n })) return { cycle };
  } else {
    const gamma = treeWeights(w, parent);
    if (gamma && violated(w, gamma) < 0) return { gamma };
  }
  return exactPotentials(w, parent);
}

/** The cycle reached by following parents from `start` (pairs [i, parent[i]]), or null if none. */
function parentCycle(parent: Int32Array, start: number): [number, number][] | null {
  let x = start;
  for (let s = 0; s < parent.length; s++) {
    if (parent[x] < 0) return null;
    x = parent[x];
  }
  const cycle: [number, number][] = [];
  let y = x;
  do {
    if (parent[y] < 0) return null;
    cycle.push([y, parent[y]]);
    y = parent[y];
  } while (y !== x && cycle.length <= parent.length);
  return y === x ? cycle : null;
}

function product(w: (Ratio | null)[][], cycle: readonly [number, number][]): Ratio {
  let num = 1n;
  let den = 1n;
  for (const [i, k] of cycle) {
    const e = w[i][k] as Ratio;
    num *= e.num;
    den *= e.den;
  }
  return { num, den };
}

/** gamma_i = product of w along the parent path of i (1 at a root); null when the parents close a cycle. */
function treeWeights(w: (Ratio | null)[][], parent: Int32Array): Ratio[] | null {
  const n = w.length;
  const gamma: (Ratio | null)[] = new Array(n).fill(null);
  for (let s = 0; s < n; s++) {
    const path: number[] = [];
    let x = s;
    while (gamma[x] === null && parent[x] >= 0) {
      path.push(x);
      x = parent[x];
      if (path.length > n) return null;
    }
    if (gamma[x] === null) gamma[x] = { num: 1n, den: 1n };
    for (let j = path.length - 1; j >= 0; j--) {
      const i = path[j];
      const e = w[i][parent[i]] as Ratio;
      const g = gamma[parent[i]] as Ratio;
      gamma[i] = { num: e.num * g.num, den: e.den * g.den };
    }
  }
  return gamma as Ratio[];
}

/** The first agent i with an edge whose constraint gamma_i >= w[i][k] gamma_k fails, or -1. */
function violated(w: (Ratio | null)[][], gamma: readonly Ratio[]): number {
  for (let i = 0; i < w.length; i++) {
    for (let k = 0; k < w.length; k++) {
      const e = w[i][k];
      if (e && e.num * gamma[k].num * gamma[i].den > gamma[i].num * e.den * gamma[k].den) return i;
    }
  }
  return -1;
}

/** Exact Bellman–Ford (max product) from the proposed tree: weights, or a cycle of product > 1. */
function exactPotentials(
  w: (Ratio | null)[][],
  proposed: Int32Array,
): { gamma: Ratio[] } | { cycle: [number, number][] } {
  const n = w.length;
  const parent = Int32Array.from(proposed);
  const tree = treeWeights(w, parent);
  if (!tree) parent.fill(-1);
  const gamma = tree ?? Array.from({ length: n }, () => ({ num: 1n, den: 1n }));
  for (let round = 0; round <= n; round++) {
    let last = -1;
    for (let i = 0; i < n; i++) {
      for (let k = 0; k < n; k++) {
        const e = w[i][k];
        if (!e) continue;
        const cand = { num: e.num * gamma[k].num, den: e.den * gamma[k].den };
        if (gt(cand, gamma[i])) {
          gamma[i] = reduce(cand);
          parent[i] = k;
          last = i;
        }
      }
    }
    if (last < 0) return { gamma };
    if (round === n) {
      const cycle = parentCycle(parent, last);
      if (cycle) return { cycle };
    }
  }
  throw new Error('fPO: exact Bellman–Ford did not settle (internal error)');
}

function reduce(q: Ratio): Ratio {
  let a = q.num;
  let b = q.den;
  while (b) [a, b] = [b, a % b];
  return a > 1n ? { num: q.num / a, den: q.den / a } : q;
}

/**
 * A Pareto-improving exchange along a cycle of single goods, or null (a cheap test; no answer proves
 * nothing). Goods graph: g -> h when the owner of h, receiving g for h, is no worse off; strict when better.
 * A virtual node stands for "nobody": g -> nobody (some other agent receives g for nothing; strict when one
 * values it) and nobody -> h when h is worth 0 to its owner (or h is unallocated). A cycle with a strict edge is an exchange
 * in which every agent is no worse off (an agent on several edges gains the sum) and one is better off: it
 * is found by strongly connected components (Tarjan) and a path back through the component. O(m^2).
 */
export function findImprovingExchange(inst: Instance, a: Allocation): number[] | null {
  const m = inst.m;
  const { V } = integerRows(inst);
  const owner = new Int32Array(m).fill(-1);
  a.bundles.forEach((b, i) => b.forEach((g) => (owner[g] = i)));
  const nobody = m;
  /** An agent other than `not` who values g, else any other agent (-1 when there is none). */
  const taker = (g: number, not: number) => {
    let any = -1;
    for (let j = 0; j < inst.n; j++) {
      if (j === not) continue;
      if (V[j][g] > 0n) return j;
      if (any < 0) any = j;
    }
    return any;
  };
  // an unallocated good is held by nobody: giving it up costs nothing
  const edgeKind = (u: number, v: number): 0 | 1 | 2 => {
    if (u === nobody) return v !== nobody && (owner[v] < 0 || V[owner[v]][v] === 0n) ? 1 : 0;
    if (v === nobody) {
      const j = taker(u, owner[u]);
      return j < 0 ? 0 : V[j][u] > 0n ? 2 : 1;
    }
    const o = owner[v];
    if (u === v || o < 0 || o === owner[u]) return 0;
    return V[o][u] > V[o][v] ? 2 : V[o][u] === V[o][v] ? 1 : 0;
  };
  const comp = components(m + 1, edgeKind);
  for (let u = 0; u <= m; u++) {
    for (let v = 0; v <= m; v++) {
      if (comp[u] !== comp[v] || edgeKind(u, v) !== 2) continue;
      const path = pathWithin(m + 1, v, u, comp, edgeKind);
      if (!path) continue;
      const cycle = [v, ...path];
      const owners = Array.from(owner);
      for (let s = 0; s < cycle.length; s++) {
        const x = cycle[s];
        const y = cycle[(s + 1) % cycle.length];
        if (x === nobody) continue;
        owners[x] = y === nobody ? taker(x, owner[x]) : owner[y];
      }
      return owners;
    }
  }
  return null;
}

/** Strongly connected component of every node (iterative Tarjan) of the graph with edges kind > 0. */
function components(N: number, kind: (u: number, v: number) => number): Int32Array {
  const index = new Int32Array(N).fill(-1);
  const low = new Int32Array(N);
  const comp = new Int32Array(N).fill(-1);
  const onStack = new Uint8Array(N);
  const stack: number[] = [];
  const next = new Int32Array(N);
  let counter = 0;
  let comps = 0;
  for (let root = 0; root < N; root++) {
    if (index[root] >= 0) continue;
    const call: number[] = [root];
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (call.length) {
      const u = call[call.length - 1];
      let v = next[u];
      while (v < N && !(kind(u, v) > 0 && (index[v] < 0 || onStack[v]))) v++;
      next[u] = v + 1;
      if (v < N) {
        if (index[v] < 0) {
          index[v] = low[v] = counter++;
          stack.push(v);
          onStack[v] = 1;
          call.push(v);
        } else if (index[v] < low[u]) low[u] = index[v];
        continue;
      }
      call.pop();
      if (call.length && low[u] < low[call[call.length - 1]]) low[call[call.length - 1]] = low[u];
      if (low[u] === index[u]) {
        let x: number;
        do {
          x = stack.pop() as number;
          onStack[x] = 0;
          comp[x] = comps;
        } while (x !== u);
        comps++;
      }
    }
  }
  return comp;
}

/** A path from s to t inside one component (breadth-first), as the nodes after s up to t; null if none. */
function pathWithin(
  N: number,
  s: number,
  t: number,
  comp: Int32Array,
  kind: (u: number, v: number) => number,
): number[] | null {
  const prev = new Int32Array(N).fill(-2);
  prev[s] = -1;
  const queue = [s];
  for (let q = 0; q < queue.length; q++) {
    const u = queue[q];
    if (u === t) break;
    for (let v = 0; v < N; v++) {
      if (prev[v] !== -2 || comp[v] !== comp[s] || kind(u, v) === 0) continue;
      prev[v] = u;
      queue.push(v);
    }
  }
  if (prev[t] === -2) return null;
  const path: number[] = [];
  for (let x = t; x !== s; x = prev[x]) path.push(x);
  return path.reverse();
}

/** Largest knapsack table (capacity x items) the one-for-a-bundle trade search builds for one pair of agents. */
const TRADE_CELLS = 1 << 21;

/**
 * A Pareto-improving trade of one good for a bundle between two agents, or null (a cheap test; no answer
 * proves nothing): agent i gives g to agent j for S within j's bundle, with v_i(S) >= v_i(g) and
 * v_j(S) <= v_j(g), one of them strict. For each ordered pair (i, j) one 0/1 knapsack over j's goods (weight
 * V_j, profit V_i, in per-agent integers) answers every g of i at once: best[c] = most profit within weight c;
 * a trade exists for g iff best[V_j(g)] > V_i(g) or best[V_j(g) - 1] >= V_i(g). Pairs whose table would exceed
 * `TRADE_CELLS` cells (wide values) or whose profits exceed 2^53 are skipped. O(n m C) for integer values up
 * to C.
 */
export function findImprovingTrade(inst: Instance, a: Allocation): number[] | null {
  const { V } = integerRows(inst);
  const n = inst.n;
  const owner = new Array<number>(inst.m).fill(-1);
  a.bundles.forEach((b, i) => b.forEach((g) => (owner[g] = i)));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j || a.bundles[i].length === 0) continue;
      let cap = 0n;
      for (const g of a.bundles[i]) if (V[j][g] > cap) cap = V[j][g];
      const items = a.bundles[j];
      if ((Number(cap) + 1) * (items.length + 1) > TRADE_CELLS) continue;
      const C = Number(cap);
      let profits = 0n;
      for (const h of items) profits += V[i][h];
      if (profits > BigInt(Number.MAX_SAFE_INTEGER)) continue;
      // layers[t][c]: most profit from the first t goods of j within weight c (safe integers: exact)
      const layers: Float64Array[] = [new Float64Array(C + 1)];
      for (const h of items) {
        const prev = layers[layers.length - 1];
        const next = prev.slice();
        if (V[j][h] <= cap) {
          const w = Number(V[j][h]);
          const p = Number(V[i][h]);
          for (let c = C; c >= w; c--) if (prev[c - w] + p > next[c]) next[c] = prev[c - w] + p;
        }
        layers.push(next);
      }
      const best = layers[items.length];
      for (const g of a.bundles[i]) {
        const c = Number(V[j][g]);
        const give = Number(V[i][g]);
        const at = best[c] > give ? c : c > 0 && best[c - 1] >= give ? c - 1 : -1;
        if (at < 0) continue;
        const owners = owner.slice();
        owners[g] = j;
        let cc = at;
        for (let t = items.length; t > 0; t--) {
          if (layers[t][cc] !== layers[t - 1][cc]) {
            owners[items[t - 1]] = i;
            cc -= Number(V[j][items[t - 1]]);
          }
        }
        return owners;
      }
    }
  }
  return null;
}

/**
 * A set-for-set trade between two agents (set-trade.ts), proposed on doubles of the per-agent integer rows and
 * verified exactly on the integers: every agent weakly better, one strictly.
 */
function findSetForSetTrade(inst: Instance, a: Allocation): number[] | null {
  const { V } = integerRows(inst);
  const owner = new Int32Array(inst.m);
  a.bundles.forEach((b, i) => b.forEach((g) => (owner[g] = i)));
  const U = V.map((row) => row.map((v) => Number(v)));
  const verify = (next: Int32Array) => {
    let strict = false;
    for (let i = 0; i < inst.n; i++) {
      let d = 0n;
      for (let g = 0; g < inst.m; g++) {
        if (next[g] === i) d += V[i][g];
        if (owner[g] === i) d -= V[i][g];
      }
      if (d < 0n) return false;
      if (d > 0n) strict = true;
    }
    return strict;
  };
  const next = findSetTrade(U, owner, verify);
  return next && Array.from(next);
}

/**
 * PO, exact. In order: fPO implies PO (the fPO weights are the witness); a Pareto-improving exchange along a
 * cycle of single goods (`findImprovingExchange`, O(m^2)), a trade of one good for a bundle between two
 * agents (`findImprovingTrade`, knapsacks) or of a set for a set (`findSetForSetTrade`) refutes it; otherwise the alpha-PO checker's branch
 * and bound at alpha = 1 searches an integral allocation that Pareto-dominates A (`findDominating`: prune when
 * some agent can no longer reach her current value). Witness of failure: the dominating allocation (owner of
 * each good). When the search exceeds `nodeLimit`, prices checked exactly may prove PO (`findPriceCertificate`,
 * po-prices.ts: the dual of the configuration LP; witness: the prices), and integer programs over neighbourhoods of
 * goods and over all goods (po-programs.ts, HiGHS) may still find a dominating allocation, accepted only after an exact
 * re-check; otherwise the result is `unchecked`. `options.exchanges: false` skips the three exchange stages,
 * `options.prices: false` the price and program stages (the alpha-PO integer program instead, as before issue 17).
 */
export function checkPO(
  inst: Instance,
  a: Allocation,
  nodeLimit = 5_000_000,
  options: { exchanges?: boolean; prices?: boolean } = {},
): CheckResult {
  requireInstance(inst, 'checkPO');
  requireAllocation(a, inst, 'checkPO', 'a');
  const f = checkFPO(inst, a);
  if (f.holds) return { holds: true, detail: { property: 'PO', via: 'fPO' }, witness: f.witness };
  const target = inst.values.map((_, i) => inst.value(i, a.bundles[i]));
  const valuesOf = (owners: readonly number[]) =>
    inst.values.map((_, i) =>
      inst.value(
        i,
        owners.flatMap((o, g) => (o === i ? [g] : [])),
      ),
    );
  if (options.exchanges !== false) {
    const stages = [
      ['exchange cycle of single goods', findImprovingExchange],
      ['trade of one good for a bundle', findImprovingTrade],
    ] as const;
    for (const [via, find] of [...stages, ['set-for-set trade between two agents', findSetForSetTrade] as const]) {
      const owners = find(inst, a);
      if (!owners) continue;
      const values = valuesOf(owners);
      // re-checked exactly: every agent weakly better, one strictly (true by construction)
      if (values.every((v, i) => v.ge(target[i])) && values.some((v, i) => v.gt(target[i])))
        return {
          holds: false,
          detail: { property: 'PO', via, current: target, dominating: values },
          witness: { dominatingOwners: owners },
        };
    }
  }
  const r = findDominating(inst, target, nodeLimit);
  if (r === 'limit') return beyondSearch(inst, a, target, nodeLimit, options.prices !== false);
  if (!r.owners)
    return { holds: true, detail: { property: 'PO', via: 'exhaustive search', nodes: r.nodes, notFPO: f.witness } };
  return {
    holds: false,
    detail: { property: 'PO', current: target, dominating: valuesOf(r.owners) },
    witness: { dominatingOwners: r.owners },
  };
}

/** Integer units wider than this are left to the alpha-PO integer program (normalised rows). */
const PROGRAM_UNITS = 2n ** 40n;

/**
 * PO beyond the exact search's node budget. With `prices`: prices checked exactly prove PO (po-prices.ts), then
 * integer programs over neighbourhoods of goods and over all goods (po-programs.ts) look for a dominating allocation,
 * re-verified exactly; the price search gets at most half the time left (20 s), the programs the rest (30 s). Without
 * (the checker before issue 17): the alpha-PO checker's integer program alone.
 */
function beyondSearch(
  inst: Instance,
  a: Allocation,
  target: readonly Rational[],
  nodeLimit: number,
  prices: boolean,
): CheckResult {
  const budget = `search budget of ${nodeLimit} nodes exhausted`;
  const { rows } = integerUnits(inst);
  const narrow = rows.every((row) => row.reduce((s, x) => s + x, 0n) < PROGRAM_UNITS);
  const valuesOf = (owners: readonly number[]) =>
    inst.values.map((_, i) =>
      inst.value(
        i,
        owners.flatMap((o, g) => (o === i ? [g] : [])),
      ),
    );
  const dominates = (values: readonly Rational[]) =>
    values.every((v, i) => v.ge(target[i])) && values.some((v, i) => v.gt(target[i]));
  if (!prices || !narrow) {
    const ilp = checkAlphaPO(inst, a, 1, { method: 'ilp', requireExact: true });
    if (!ilp.holds && !ilp.unchecked)
      return {
        holds: false,
        detail: { property: 'PO', via: 'integer program, re-verified exactly', ...(ilp.detail as object) },
        witness: ilp.witness,
      };
    const why = narrow ? 'price stage off' : 'integer units too wide for the price and program stages';
    return {
      holds: false,
      unchecked: true,
      detail: {
        property: 'PO',
        reason: `${budget}; ${why}; the integer program found no exactly verified dominating allocation`,
      },
    };
  }
  const p = findPriceCertificate(inst, a, Math.min(20_000, remainingMs() / 2), { relaxation: inst.m > 20 });
  if (p.holds)
    return {
      holds: true,
      detail: {
        property: 'PO',
        via: 'price certificate (configuration LP dual), checked exactly',
        total: p.check.total,
        needed: p.check.needed,
        rounds: p.iterations,
      },
      witness: { prices: p.prices, agentScale: p.scale, bounds: p.check.bounds },
    };
  const owners = a.owners();
  const found = searchImprovement(
    rows.map((row) => row.map(Number)),
    owners,
    p.relaxed ?? null,
    Math.min(30_000, remainingMs()),
  );
  if ('owners' in found) {
    const values = valuesOf(found.owners);
    if (dominates(values))
      return {
        holds: false,
        detail: {
          property: 'PO',
          via: 'integer program, re-verified exactly',
          program: found.via,
          current: target,
          dominating: values,
        },
        witness: { dominatingOwners: found.owners },
      };
  }
  const programs =
    'infeasible' in found
      ? 'HiGHS calls the whole integer program infeasible (floating point, not an exact proof)'
      : 'owners' in found
        ? `HiGHS's allocation (${found.via}) does not dominate exactly`
        : `the integer programs found no improvement (${found.reason})`;
  return {
    holds: false,
    unchecked: true,
    detail: { property: 'PO', reason: `${budget}; no price certificate (${p.reason}); ${programs}` },
  };
}
