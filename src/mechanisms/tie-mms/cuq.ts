/**
 * The cyclic-unit-quota fractional allocation CUQ(v, pi) (Definitions 3.3-3.5, Lemma 4.4 of paper 000; spec A4, D17).
 */
import type { AgentId, GoodId } from '../../core/instance';
import { Rational } from '../../core/rational';
import { shiftSequence, unitQuotaOwners, type CyclicData, type Ordering } from './cyclic-picking';

/**
 * Lemma 4.4: n * CUQ[i][x] = 1[x not in Y_{i+}] + #{j : y_ij = x}, an integer in 0..n. Returns these counts
 * (the completion row targets of Lemma 4.9). Depends only on the strict orders (so CUQ is ordinal).
 */
export function cuqCounts(cd: CyclicData): number[][] {
  const { n, m } = cd;
  return Array.from({ length: n }, (_, i) => {
    const row = new Array<number>(m);
    const last = cd.inY[cd.iPlus[i]];
    for (let x = 0; x < m; x++) row[x] = last[x] ? 0 : 1;
    for (let j = 0; j < n; j++) row[cd.y[i][j]]++;
    return row;
  });
}

/** CUQ(v, pi) as exact rationals (Lemma 4.4), restricted to the first `mReal` goods (dummies dropped). */
export function cuqMatrix(cd: CyclicData, mReal = cd.m): Rational[][] {
  const nn = BigInt(cd.n);
  return cuqCounts(cd).map((row) => row.slice(0, mReal).map((c) => new Rational(BigInt(c), nn)));
}

/**
 * CUQ by its definition (Definition 3.5): the average of the n pi^(j)-unit-quota allocations (baseline B3).
 * An independent cross-check of `cuqMatrix` (spec C2); works for any m >= 0 without padding (an agent who finds
 * nothing left gets nothing).
 */
export function cuqByAveraging(orders: readonly (readonly GoodId[])[], pi: Ordering, m: number): Rational[][] {
  const n = pi.order.length;
  const counts = Array.from({ length: n }, () => new Array<number>(m).fill(0));
  for (let j = 0; j < n; j++) unitQuotaOwners(orders, shiftSequence(pi, j), m).forEach((i: AgentId, x) => counts[i][x]++);
  const nn = BigInt(n);
  return counts.map((row) => row.map((c) => new Rational(BigInt(c), nn)));
}
