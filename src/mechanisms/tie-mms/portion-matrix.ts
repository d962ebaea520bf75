/**
 * Portion matrices (Definition 4.1 of Babaioff, Feige & Manaker Morag; spec A5): beta in [0,1]^{n x n}, rows = agents, columns = shifts,
 * row sums <= 1 and column sums <= 1.
 */
import { InvalidInputError } from '../../core/errors';
import { Rational } from '../../core/rational';
import { harmonic } from './constants';
import { shiftPosition, type Ordering } from './cyclic-picking';

/**
 * Theorem 1's harmonic portion matrix: beta_ij = 1/((n - pi^(j)_i + 1) H_n) (1-based positions). Doubly
 * stochastic: every row and column sums to exactly 1. n = 3: positions 1, 2, 3 get 2/11, 3/11, 6/11.
 */
export function harmonicPortions(pi: Ordering): Rational[][] {
  const n = pi.pos.length;
  const H = harmonic(n);
  return Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (__, j) => new Rational(BigInt(n - shiftPosition(pi, i, j))).mul(H).inv()),
  );
}

/** Row and column sums of a portion matrix. */
export function portionSums(beta: readonly (readonly Rational[])[]): { rows: Rational[]; cols: Rational[] } {
  const n = beta.length;
  return {
    rows: beta.map((r) => Rational.sum(r)),
    cols: Array.from({ length: n }, (_, j) => Rational.sum(beta.map((r) => r[j]))),
  };
}

/** Throws unless beta is a portion matrix (Definition 4.1): n x n, entries in [0,1], row and column sums <= 1. */
export function validatePortionMatrix(beta: readonly (readonly Rational[])[], n: number): void {
  if (beta.length !== n || beta.some((r) => r.length !== n))
    throw new InvalidInputError('bad-portion-matrix', `portion matrix: expected ${n} x ${n}`);
  beta.forEach((r, i) =>
    r.forEach((b, j) => {
      if (b.sign() < 0 || b.gt(1))
        throw new InvalidInputError('bad-portion-matrix', `portion matrix [${i}][${j}] = ${b} is not in [0, 1]`);
    }),
  );
  const { rows, cols } = portionSums(beta);
  rows.forEach((s, i) => {
    if (s.gt(1)) throw new InvalidInputError('bad-portion-matrix', `portion matrix: row ${i} sums to ${s} > 1`);
  });
  cols.forEach((s, j) => {
    if (s.gt(1)) throw new InvalidInputError('bad-portion-matrix', `portion matrix: column ${j} sums to ${s} > 1`);
  });
}
