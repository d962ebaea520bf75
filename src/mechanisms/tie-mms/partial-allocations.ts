/**
 * Partial fractional allocations g^(1..n) (Definition 4.6, Lemma 4.7 of Babaioff, Feige & Manaker Morag; spec A6).
 */
import { Rational } from '../../core/rational';
import { type CyclicData } from './cyclic-picking';
import { scaleUp } from '../classic/decomposition';
import { checkTimeBudget } from '../../core/time-budget';

/**
 * Definition 4.6, scaled by D: g[j][i][x] = D if x = y_ij, 0 if x in Z_ij, beta_ij * D if x in F_ij.
 * Lemma 4.7: every g^(j) is a partial fractional allocation (column sums <= D; = D on Y_j).
 */
export function partialAllocations(cd: CyclicData, beta: readonly (readonly Rational[])[], D: bigint): bigint[][][] {
  const { n, m } = cd;
  const g: bigint[][][] = [];
  for (let j = 0; j < n; j++) {
    checkTimeBudget('tie-mms partial allocations');
    const shift: bigint[][] = [];
    const Yj = cd.inY[j];
    for (let i = 0; i < n; i++) {
      const b = scaleUp(beta[i][j], D);
      const Yl = cd.inY[cd.iPlus[i]];
      const row = new Array<bigint>(m);
      for (let x = 0; x < m; x++) row[x] = Yj[x] || Yl[x] ? 0n : b;
      row[cd.y[i][j]] = D;
      shift.push(row);
    }
    g.push(shift);
  }
  return g;
}

/** A scaled matrix as exact rationals (for traces and checks). */
export function toRationalMatrix(
  f: readonly (readonly bigint[])[],
  D: bigint,
  mReal = f[0]?.length ?? 0,
): Rational[][] {
  return f.map((row) => row.slice(0, mReal).map((k) => new Rational(k, D)));
}
