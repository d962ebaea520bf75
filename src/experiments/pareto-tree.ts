/**
 * PO of an allocation of sampled doubles decided by a tree of price certificates (issue 15): Lagrangian branch and
 * bound on the question the integer program of highs.ts asks, "is there an allocation that keeps every agent at her
 * value b_i and gains delta = 1e-6 of the total B?".
 *
 * A node fixes the owners of some goods. Its bound at prices p >= 0 on the free goods is
 *
 *   L(p) = sum_{g free} p_g + sum_i ( u_i(F_i) + max { u_i(S) - p(S) : S free, u_i(S) >= b_i - u_i(F_i) } ),
 *
 * F_i the goods fixed to agent i: every allocation of the node that keeps each agent at her value has total value at
 * most L(p) (pareto-prices.ts proves the same at the root, where it is the configuration LP's dual). The node is closed
 * when L(p) < B + delta, or when some agent cannot reach her value. Otherwise the prices descend by a deflected
 * subgradient (Polyak steps towards B), and at every step the agents' best bundles at those prices, with their
 * conflicts resolved (`improvement`), form an allocation that is checked exactly as a Pareto improvement. A node that
 * neither closes nor yields an improvement branches on a good that several agents' bundles want (or none does), one
 * child per agent that may receive it, each starting from its parent's prices. The children partition the node's
 * allocations, so a search that closes every node proves that no improvement gains delta: the same answer as the
 * integer program's infeasibility, with a certificate (the prices of every leaf) instead of HiGHS's word.
 *
 * [DECISION] The bounds are rigorous in doubles: each knapsack bound carries the margins of pareto-prices.ts
 * (`bestCover`, whose node budget falls back on the linear relaxation's bound, still an upper bound), and a node is
 * closed only when L(p) plus 4 (m + n + 2) 2^-52 times the summed magnitudes stays below B + delta.
 * [DECISION] Where it runs (highs.ts): its root alone first, up to `ROOT_FIRST` goods; the whole tree in turns with
 * the whole integer program (`TURNS`: a tenth of HiGHS's time after HiGHS's first 15 s; `priceTreeSearch` pauses and
 * goes on). On the 23 trials of Figure 3 at m = 100 that HiGHS left undecided after 60 s in the run of 2026-12-05, a
 * development run of this search (90 s each, not kept as a test) decided 9 of the first 10 in 4-77 s (two PO, seven
 * improvements).
 * [DECISION] Conflicts resolved, not only disjoint bundles: on trials 43, 45, 89, 167 and 189 at m = 100 (60 s each) it
 * found improvements in 45, 167 and 189 in 4.5, 0.27 and 44 s, where disjoint bundles alone found neither 45 nor 167
 * (a development run; test below for 167).
 * Deflection 0.3 and 300 steps per node: in a development prototype of the root's descent (not kept as a test), trial
 * 9 at m = 100 was certified PO in 0.07 s, where the Chebyshev search of pareto-prices.ts takes 2.4 s, and a deflection
 * of 0.6 did not certify it in 2000 steps.
 */
import { bestCover, priceFloor } from './pareto-prices';
import { currentValues } from './pareto-neighbourhoods';
import { isParetoImprovement } from './pareto';

/** Subgradient steps per node before it branches. */
const TREE_STEPS = 300;
/** Weight of the new subgradient in the deflected direction. */
const DEFLECTION = 0.3;
/**
 * Nodes of one knapsack search before it falls back on its linear-relaxation bound. [DECISION] In development runs
 * (not kept as tests) a budget of 2,000 during the descent found the improvement of trial 1 at m = 100 in 0.2 s, while
 * 20,000 during the descent, with one bound at 10^6 before branching, found it in no 90 s and did not prove trial 18 in
 * 60 s; 10^6 throughout proves trial 18 in 21-22 s. The search is heavy-tailed either way, hence its place after the
 * whole program in highs.ts.
 */
const KNAPSACK_NODES = 1_000_000;

const EPS = 2 ** -52;

/** What the tree search decided. */
export type TreeSearch =
  | { readonly po: true; readonly nodes: number }
  | { readonly po: false; readonly owners: Int32Array; readonly nodes: number }
  | { readonly po: null; readonly reason: string; readonly nodes: number };

interface Bound {
  /** Upper bound on the total value of the node's allocations that keep every agent at her value. */
  readonly L: number;
  /** Each agent's best free bundle at the prices. */
  readonly bundles: number[][];
  /** How many bundles want each good. */
  readonly wanted: Int32Array;
}

/**
 * Decides whether `owner` has a Pareto improvement gaining 1e-6 of the total value (module header), until `deadline`
 * (performance.now() milliseconds) or until `maxNodes` nodes have been searched (`maxNodes = 1`: the root's descent
 * alone, a price certificate or an improvement found at the root). An improvement it returns is checked exactly and
 * may gain less than that.
 */
export function searchPriceTree(
  U: readonly Float64Array[],
  owner: ArrayLike<number>,
  deadline: number,
  maxNodes = Infinity,
): TreeSearch {
  return priceTreeSearch(U, owner, maxNodes).advance(deadline);
}

/** A tree search that stops at a deadline and can go on from there. */
export interface PriceTreeSearch {
  /**
   * Searches until the decision or until `deadline` (performance.now() milliseconds), whichever comes first; at the
   * deadline it answers "time limit", and a later call goes on from the same subgradient step.
   */
  advance(deadline: number): TreeSearch;
  /** false once the search has ended (decided, or stopped by its node limit). */
  readonly resumable: boolean;
}

/** The search of `searchPriceTree`, resumable (highs.ts runs it in turns with HiGHS). */
export function priceTreeSearch(
  U: readonly Float64Array[],
  owner: ArrayLike<number>,
  maxNodes = Infinity,
): PriceTreeSearch {
  const n = U.length,
    m = owner.length;
  const b = currentValues(U, owner);
  const B = b.reduce((x, y) => x + y, 0);
  const delta = 1e-6 * B;
  const c = new Float64Array(m);
  const u = new Float64Array(m);
  let nodes = 0;

  /** L at prices p for the node `fixed` (owner per good, -1 free), or null when some agent cannot reach her value. */
  const bound = (fixed: Int32Array, p: Float64Array): Bound | null => {
    const wanted = new Int32Array(m);
    let L = 0;
    let magnitude = B;
    for (let g = 0; g < m; g++) if (fixed[g] < 0) L += p[g];
    magnitude += L;
    const bundles: number[][] = [];
    for (let i = 0; i < n; i++) {
      let own = 0;
      let size = 0;
      for (let g = 0; g < m; g++) {
        if (fixed[g] < 0) {
          c[g] = U[i][g] - p[g];
          u[g] = U[i][g];
          size += U[i][g] + p[g];
        } else {
          c[g] = 0;
          u[g] = 0;
          if (fixed[g] === i) own += U[i][g];
        }
      }
      const cover = bestCover(c, u, b[i] - own, (m + 2) * EPS * (size + own + b[i]), KNAPSACK_NODES);
      if (!cover) return null;
      L += cover.bound + own;
      magnitude += Math.abs(cover.bound) + own + size;
      bundles.push(cover.bundle);
      for (const g of cover.bundle) wanted[g]++;
    }
    return { L: L + 4 * (m + n + 2) * EPS * magnitude, bundles, wanted };
  };

  /**
   * An allocation from the agents' bundles at some prices, if it is an exact Pareto improvement: a good several
   * bundles want goes to the one of them who values it most, an agent left below her value tops up from the goods no
   * bundle wants (those she values most first), and the goods still unwanted go to whoever values them most.
   */
  const improvement = (fixed: Int32Array, at: Bound): Int32Array | null => {
    const next = Int32Array.from(fixed);
    for (let i = 0; i < n; i++) for (const g of at.bundles[i]) if (next[g] < 0 || U[i][g] > U[next[g]][g]) next[g] = i;
    const value = new Float64Array(n);
    const pool: number[] = [];
    for (let g = 0; g < m; g++) {
      if (next[g] >= 0) value[next[g]] += U[next[g]][g];
      else pool.push(g);
    }
    for (let i = 0; i < n; i++) {
      if (value[i] >= b[i]) continue;
      pool.sort((x, y) => U[i][y] - U[i][x] || x - y);
      while (value[i] < b[i] && pool.length > 0 && U[i][pool[0]] > 0) {
        const g = pool.shift()!;
        next[g] = i;
        value[i] += U[i][g];
      }
      if (value[i] < b[i] * (1 - 1e-12)) return null;
    }
    for (const g of pool) {
      let k = owner[g];
      for (let i = 0; i < n; i++) if (U[i][g] > U[k][g]) k = i;
      next[g] = k;
    }
    return isParetoImprovement(U, owner, next) ? next : null;
  };

  type NodeAnswer = 'closed' | Int32Array | { prices: Float64Array; at: Bound };

  /** Subgradient descent on the node's bound (module header); it pauses before every step. */
  function* solveNode(fixed: Int32Array, start: Float64Array): Generator<void, NodeAnswer> {
    let p = start;
    let best: Bound | null = null;
    let bestPrices = p;
    let step = 1;
    let stalled = 0;
    let direction = new Float64Array(m);
    for (let s = 0; s < TREE_STEPS; s++) {
      yield;
      const at = bound(fixed, p);
      if (!at || at.L < B + delta) return 'closed';
      const found = improvement(fixed, at);
      if (found) return found;
      if (!best || at.L < best.L - 1e-13 * B) {
        best = at;
        bestPrices = p;
        stalled = 0;
        step = Math.min(2, step * 1.05);
      } else if (++stalled > 10) {
        step /= 2;
        stalled = 0;
        if (step < 1e-4) break;
      }
      const next = new Float64Array(m);
      let norm = 0;
      for (let g = 0; g < m; g++) {
        if (fixed[g] >= 0) continue;
        next[g] = DEFLECTION * (1 - at.wanted[g]) + (1 - DEFLECTION) * direction[g];
        norm += next[g] * next[g];
      }
      direction = next;
      if (norm === 0) break;
      const length = (step * (at.L - B)) / norm;
      p = Float64Array.from(p, (x, g) => (fixed[g] >= 0 ? x : Math.max(0, x - length * direction[g])));
    }
    return { prices: bestPrices, at: best! };
  }

  /** The node `fixed` and its subtree: a decision, or null when every node of it closed. */
  function* visit(fixed: Int32Array, start: Float64Array): Generator<void, TreeSearch | null> {
    if (nodes >= maxNodes) return { po: null, reason: `node limit of ${maxNodes} price-tree nodes`, nodes };
    nodes++;
    const r = yield* solveNode(fixed, start);
    if (r === 'closed') return null;
    if (r instanceof Int32Array) return { po: false, owners: r, nodes };
    const { prices, at } = r;
    let good = -1;
    let score = -Infinity;
    for (let g = 0; g < m; g++) {
      if (fixed[g] >= 0 || at.wanted[g] === 1) continue;
      const s = (at.wanted[g] > 1 ? 1e300 : 0) + prices[g] * Math.abs(at.wanted[g] - 1);
      if (s > score) {
        score = s;
        good = g;
      }
    }
    if (good < 0) good = fixed.indexOf(-1);
    if (good < 0) return { po: null, reason: 'a node fixed every good without closing', nodes };
    const wants = (k: number) => (at.bundles[k].includes(good) ? 1 : 0);
    const order = Array.from({ length: n }, (_, k) => k).sort(
      (x, y) => wants(y) - wants(x) || U[y][good] - U[x][good] || x - y,
    );
    for (const k of order) {
      const child = Int32Array.from(fixed);
      child[good] = k;
      const answer = yield* visit(child, prices);
      if (answer) return answer;
    }
    return null;
  }

  const search = (function* (): Generator<void, TreeSearch> {
    return (yield* visit(new Int32Array(m).fill(-1), priceFloor(U, owner))) ?? { po: true, nodes };
  })();
  let decided: TreeSearch | null = null;
  return {
    advance(deadline: number): TreeSearch {
      while (!decided) {
        if (performance.now() > deadline)
          return { po: null, reason: `time limit after ${nodes} price-tree nodes`, nodes };
        const step = search.next();
        if (step.done) decided = step.value;
      }
      return decided;
    },
    get resumable() {
      return decided === null;
    },
  };
}
