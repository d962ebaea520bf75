/**
 * The cyclic-unit-quota fractional allocation CUQ(v, pi) (Definitions 3.3-3.5, Lemma 4.4 of Babaioff, Feige & Manaker Morag; spec A4, D17).
 */
import { Rational } from '../../core/rational';
import type { CyclicData } from './cyclic-picking';

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

/** CUQ(v, pi) as exact rationals from the Lemma 4.4 counts of `cuqCounts`, restricted to the first `mReal` goods (dummies dropped). */
export function cuqMatrix(counts: readonly (readonly number[])[], mReal = counts[0]?.length ?? 0): Rational[][] {
  const nn = BigInt(counts.length);
  return counts.map((row) => row.slice(0, mReal).map((c) => new Rational(BigInt(c), nn)));
}
