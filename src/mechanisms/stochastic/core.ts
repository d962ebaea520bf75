/**
 * Allocation kernels of paper 001's mechanisms, on preference orders (best first) so that the exact
 * (Rational Instance) path and the fast simulation path (Float64Array values) share one implementation.
 * Every mechanism here is deterministic given the bids; the only randomness is seeded tie-breaking
 * (seed-001 spec 2.9):
 * * `pickFromOrders`: Pick-r = quota serial dictatorship (Definition 3.4): agents in the fixed order each
 *   take their t_i favourite remaining items.
 * * `rankingFromOrders`: Algorithm 1: item j goes to the agent ranking it best, ties -> lowest agent index.
 * * `weightedRankingFromOrders`: Algorithm 2 (corrected, pitfall P9): virtual value
 *   vhat_ij = Q_i(1 - rank_i(j)/(m + 1)); j goes to the lowest index maximizing w_i vhat_ij.
 * * `qtOwners` / `qtpIndex`: QT-s and the prophet rule QTP-s (Definition 3.5, section 3.2): ANALYSIS TOOLS,
 *   NOT TRUTHFUL (pitfall P3: an agent could over-report to be accepted). Never registered.
 * Within-agent ties: 'index' (lower item index first, the spec's Pick default) or 'random' (a seeded
 * uniform permutation, fixed independently of the bids; required for Ranking with discrete values, P11).
 */
import { InvalidInputError } from '../../core/errors';
import type { Instance } from '../../core/instance';
import { rng as makeRng, type Rng } from '../../core/rng';
import type { Distribution } from '../../stochastic/distribution';

export type TieRule = 'index' | 'random';

/**
 * Per-agent tie keys (smaller = preferred among equal bids), one seeded uniform permutation of the items
 * per agent, drawn before and independently of the bids; null for the index rule.
 */
export function tieKeys(n: number, m: number, rule: TieRule, seed: number | Rng = 0): Int32Array[] | null {
  if (rule === 'index') return null;
  const r = typeof seed === 'number' ? makeRng(seed) : seed;
  const identity = Array.from({ length: m }, (_, j) => j);
  return Array.from({ length: n }, () => Int32Array.from(r.shuffle(identity)));
}

/** Orders (best first) from float values: bid descending, then tie key (or item index) ascending. */
export function ordersFromFloats(values: readonly ArrayLike<number>[], keys: Int32Array[] | null): Int32Array[] {
  return values.map((row, i) => {
    const m = row.length;
    const idx = new Int32Array(m);
    for (let j = 0; j < m; j++) idx[j] = j;
    const key = keys?.[i];
    return idx.sort(key ? (a, b) => row[b] - row[a] || key[a] - key[b] : (a, b) => row[b] - row[a] || a - b);
  });
}

/** Orders from an exact Instance (Rational comparisons; no float rounding). */
export function ordersFromInstance(inst: Instance, keys: Int32Array[] | null): Int32Array[] {
  return inst.values.map((row, i) => {
    const idx = Array.from({ length: inst.m }, (_, j) => j);
    const key = keys?.[i];
    idx.sort((a, b) => row[b].cmp(row[a]) || (key ? key[a] - key[b] : a - b));
    return Int32Array.from(idx);
  });
}

/** Pick-r: in `agentOrder`, each agent takes its `counts[k]` favourite remaining items. Returns owners. */
export function pickFromOrders(
  orders: readonly Int32Array[],
  counts: readonly number[],
  agentOrder?: readonly number[],
): Int32Array {
  const n = orders.length;
  const m = n ? orders[0].length : 0;
  const seq = agentOrder ?? Array.from({ length: n }, (_, i) => i);
  if (counts.length !== seq.length)
    throw new InvalidInputError('bad-counts', `pick: ${counts.length} counts for ${seq.length} agents`);
  if (counts.reduce((a, b) => a + b, 0) !== m)
    throw new InvalidInputError(
      'bad-counts',
      `pick: counts sum to ${counts.reduce((a, b) => a + b, 0)}, expected m = ${m}`,
    );
  const owner = new Int32Array(m).fill(-1);
  seq.forEach((i, k) => {
    let need = counts[k];
    const ord = orders[i];
    for (let p = 0; p < m && need > 0; p++) {
      const j = ord[p];
      if (owner[j] === -1) {
        owner[j] = i;
        need--;
      }
    }
  });
  return owner;
}

/** rank_i[j] in 1..m (1 = best) from orders. */
function ranksFromOrders(orders: readonly Int32Array[]): Int32Array[] {
  return orders.map((ord) => {
    const rank = new Int32Array(ord.length);
    for (let p = 0; p < ord.length; p++) rank[ord[p]] = p + 1;
    return rank;
  });
}

/** Ranking (Algorithm 1): owner[j] = min{i : rank_i[j] = min_k rank_k[j]}. */
export function rankingFromOrders(orders: readonly Int32Array[]): Int32Array {
  const ranks = ranksFromOrders(orders);
  const m = orders[0].length;
  const owner = new Int32Array(m);
  for (let j = 0; j < m; j++) {
    let best = 0;
    for (let i = 1; i < ranks.length; i++) if (ranks[i][j] < ranks[best][j]) best = i;
    owner[j] = best;
  }
  return owner;
}

/** Virtual-value tables vhat_i[rank-1] = w_i Q_i(1 - rank/(m+1)). */
export function virtualValueTables(dists: readonly Distribution[], w: readonly number[], m: number): Float64Array[] {
  return dists.map((d, i) => {
    const t = new Float64Array(m);
    for (let r = 1; r <= m; r++) t[r - 1] = w[i] * d.quantile(1 - r / (m + 1));
    return t;
  });
}

/** Weighted Ranking (Algorithm 2, corrected): owner[j] = min{i : w_i vhat_ij = max_k w_k vhat_kj}. */
export function weightedRankingFromOrders(orders: readonly Int32Array[], tables: readonly Float64Array[]): Int32Array {
  const ranks = ranksFromOrders(orders);
  const m = orders[0].length;
  const owner = new Int32Array(m);
  for (let j = 0; j < m; j++) {
    let best = 0;
    let bv = tables[0][ranks[0][j] - 1];
    for (let i = 1; i < ranks.length; i++) {
      const v = tables[i][ranks[i][j] - 1];
      if (v > bv) {
        bv = v;
        best = i;
      }
    }
    owner[j] = best;
  }
  return owner;
}

/** Quantile of a value under D; the randomized PIT F(x-) + V (F(x) - F(x-)) when x is an atom (spec 3.3). */
function quantileOf(d: Distribution, x: number, r: Rng): number {
  const F = d.cdf(x);
  if (d.kind === 'continuous') return F;
  const Fl = d.cdfLeft(x);
  return F > Fl ? Fl + r.float() * (F - Fl) : F;
}

/**
 * QT-s (Definition 3.5) — NOT TRUTHFUL, analysis only: item j goes to the first i with q_ij ≥ 1 - s_i
 * (s_n = 1, so the last agent takes the rest).
 */
export function qtOwners(
  values: readonly ArrayLike<number>[],
  s: readonly number[],
  d: Distribution,
  r: Rng,
): Int32Array {
  const n = values.length;
  const m = values[0].length;
  const owner = new Int32Array(m);
  for (let j = 0; j < m; j++) {
    let o = n - 1;
    for (let i = 0; i < n - 1; i++)
      if (quantileOf(d, values[i][j], r) >= 1 - s[i]) {
        o = i;
        break;
      }
    owner[j] = o;
  }
  return owner;
}

/** QTP-s (prophet stopping rule) — NOT TRUTHFUL: the index at which the gambler stops on x_1..x_n. */
export function qtpIndex(xs: readonly number[], s: readonly number[], d: Distribution, r: Rng): number {
  for (let i = 0; i < xs.length - 1; i++) if (quantileOf(d, xs[i], r) >= 1 - s[i]) return i;
  return xs.length - 1;
}
