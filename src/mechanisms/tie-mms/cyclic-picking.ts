/**
 * Orderings, padding and cyclic picking data of Babaioff, Feige & Manaker Morag (Definitions 3.3-3.5, 4.3, 4.5; spec 0.4, 0.6, A2, A3).
 * Everything is 0-based here: agents 0..n-1, goods 0..m-1, positions 0..n-1, shifts 0..n-1 (shift j0 is the
 * paper's pi^(j0+1)).
 */
import { InvalidInputError } from '../../core/errors';
import type { AgentId, GoodId, Instance } from '../../core/instance';
import { checkTimeBudget } from '../../core/time-budget';

/** An ordering pi of the agents: `pos[i]` = position of agent i (0 picks first), `order[k]` = agent at position k. */
export interface Ordering {
  readonly pos: readonly number[];
  readonly order: readonly AgentId[];
}

/** The ordering listing agents in `order` (position 0 first). Validates the permutation. */
export function orderingFromOrder(order: readonly number[], n: number): Ordering {
  if (
    !Array.isArray(order) ||
    order.length !== n ||
    new Set(order).size !== n ||
    order.some((a) => !Number.isInteger(a) || a < 0 || a >= n)
  )
    throw new InvalidInputError(
      'bad-agent-order',
      `agent order: expected a permutation of the agents 0..${n - 1}, got ${JSON.stringify(order)}`,
    );
  const pos = new Array<number>(n);
  order.forEach((a, k) => (pos[a] = k));
  return { pos, order: [...order] };
}

/**
 * The identity ordering (agent 0 first). Theorem 1 needs an ordering fixed before the reports; the identity is the
 * default because it is the simplest such choice (spec M1).
 */
export function identityOrdering(n: number): Ordering {
  return orderingFromOrder(
    Array.from({ length: n }, (_, i) => i),
    n,
  );
}

/** Position of agent i in shift j0 (0-based Definition 3.4): (pos[i] - j0) mod n. */
export function shiftPosition(pi: Ordering, i: AgentId, j0: number): number {
  const n = pi.pos.length;
  return (((pi.pos[i] - j0) % n) + n) % n;
}

/** The agent sequence of shift j0: order[j0], ..., order[n-1], order[0], ..., order[j0-1]. */
export function shiftSequence(pi: Ordering, j0: number): AgentId[] {
  const n = pi.order.length;
  return Array.from({ length: n }, (_, k) => pi.order[(j0 + k) % n]);
}

/** i+ (the paper's i^{+1}, spec P2): the shift in which agent i picks last, (pos[i] + 1) mod n. */
export function lastShift(pi: Ordering, i: AgentId): number {
  const n = pi.pos.length;
  return (pi.pos[i] + 1) % n;
}

/**
 * Strict orders padded with dummy goods: the paper assumes m >= n (every shift picks n goods), so if m < n, goods
 * m..n-1 are zero-valued dummies ranked last by every agent in index order; deleting them afterwards leaves exactly
 * the CUQ of the real goods, and zero-valued goods change no TPS or MMS (spec 0.6). `orders[i]` is agent i's strict order (best first),
 * the same in every shift and sub-step (spec 0.3); `rank[i][x]` its 0-based position.
 */
export interface PaddedOrders {
  readonly n: number;
  /** Number of real goods. */
  readonly mReal: number;
  /** Number of goods after padding, max(m, n). */
  readonly m: number;
  readonly orders: readonly (readonly GoodId[])[];
  readonly rank: readonly Int32Array[];
}

/** Agent i's strict order from the instance (reported order or (-v, index), spec 0.3), padded to max(m, n) goods. */
export function paddedOrders(inst: Instance, minGoods = inst.n): PaddedOrders {
  const n = inst.n;
  const mReal = inst.m;
  const m = Math.max(mReal, minGoods);
  const orders: GoodId[][] = [];
  const rank: Int32Array[] = [];
  for (let i = 0; i < n; i++) {
    const o = inst.order(i);
    for (let d = mReal; d < m; d++) o.push(d);
    const r = new Int32Array(m);
    o.forEach((x, k) => (r[x] = k));
    orders.push(o);
    rank.push(r);
  }
  return { n, mReal, m, orders, rank };
}

/**
 * PICK (spec A2): agents of `sequence` pick in turn their best available good (by their strict order).
 * Returns picks[k] = the good taken by sequence[k], or -1 when nothing is left.
 */
export function pick(orders: readonly (readonly GoodId[])[], sequence: readonly AgentId[], m: number): number[] {
  const taken = new Uint8Array(m);
  return sequence.map((a) => {
    for (const x of orders[a])
      if (!taken[x]) {
        taken[x] = 1;
        return x;
      }
    return -1;
  });
}

/**
 * The pi^(j)-unit-quota allocation (Definition 3.3; baseline B2): the first n-1 agents of the sequence each take
 * their best available good, the last agent takes every remaining good. Returns owner[x].
 */
export function unitQuotaOwners(
  orders: readonly (readonly GoodId[])[],
  sequence: readonly AgentId[],
  m: number,
): number[] {
  const owner = new Array<number>(m).fill(sequence[sequence.length - 1]);
  const picks = pick(orders, sequence.slice(0, -1), m);
  picks.forEach((x, k) => {
    if (x >= 0) owner[x] = sequence[k];
  });
  return owner;
}

/**
 * CYCLIC_DATA (spec A3; Definitions 4.3 and 4.5 of Babaioff, Feige & Manaker Morag): in each cyclic shift j every agent picks exactly one
 * good. y[i][j] = agent i's pick in shift j, Y[j] = the n picks of shift j (in pick order), inY[j][x] = 1 iff x in Y_j,
 * posShift[i][j] = pi^(j)_i (0-based), iPlus[i] = the shift where i is last, r[i][j] = rank_i(y_ij) (1-based, as in
 * the paper). Z_ij = (Y_j u Y_{i+}) \ {y_ij} and F_ij = M \ (Y_j u Y_{i+}) are derived by `zSet` / `inF`.
 * Requires m >= n (pad first). Cost O(n^2 m).
 */
export interface CyclicData {
  readonly n: number;
  readonly m: number;
  readonly pi: Ordering;
  readonly y: readonly (readonly GoodId[])[];
  readonly Y: readonly (readonly GoodId[])[];
  readonly inY: readonly Uint8Array[];
  readonly posShift: readonly (readonly number[])[];
  readonly iPlus: readonly number[];
  readonly r: readonly (readonly number[])[];
}

export function cyclicData(pi: Ordering, po: PaddedOrders): CyclicData {
  const { n, m } = po;
  if (m < n)
    throw new InvalidInputError('too-few-goods', `cyclicData: needs m >= n after padding (m = ${m}, n = ${n})`);
  const y = Array.from({ length: n }, () => new Array<number>(n));
  const posShift = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (__, j) => shiftPosition(pi, i, j)));
  const Y: GoodId[][] = [];
  const inY: Uint8Array[] = [];
  for (let j = 0; j < n; j++) {
    checkTimeBudget('tie-mms cyclic picking');
    const seq = shiftSequence(pi, j);
    const picks = pick(po.orders, seq, m);
    const mark = new Uint8Array(m);
    picks.forEach((x, k) => {
      y[seq[k]][j] = x;
      mark[x] = 1;
    });
    Y.push(picks);
    inY.push(mark);
  }
  const iPlus = Array.from({ length: n }, (_, i) => lastShift(pi, i));
  const r = y.map((row, i) => row.map((x) => po.rank[i][x] + 1));
  return { n, m, pi, y, Y, inY, posShift, iPlus, r };
}

/** True iff x in F_ij = M \ (Y_j u Y_{i+}) (Definition 4.5). */
export function inF(cd: CyclicData, i: AgentId, j: number, x: GoodId): boolean {
  return !cd.inY[j][x] && !cd.inY[cd.iPlus[i]][x];
}

/** Z_ij = (Y_j u Y_{i+}) \ {y_ij}, sorted (Definition 4.5). */
export function zSet(cd: CyclicData, i: AgentId, j: number): GoodId[] {
  const s = new Set<number>([...cd.Y[j], ...cd.Y[cd.iPlus[i]]]);
  s.delete(cd.y[i][j]);
  return [...s].sort((a, b) => a - b);
}

/** F_ij as a sorted list. */
export function fSet(cd: CyclicData, i: AgentId, j: number): GoodId[] {
  const out: GoodId[] = [];
  for (let x = 0; x < cd.m; x++) if (inF(cd, i, j, x)) out.push(x);
  return out;
}
