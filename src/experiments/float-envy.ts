/**
 * EF and EF1 of an allocation of sampled doubles, decided exactly (issue 15): every comparison v_i(A_i) vs v_i(A_j)
 * goes through the filtered float test of exact-sums.ts and, when that cannot decide, an exact BigInt sum. The
 * authors' tolerance test (max envy ≤ 1e-9, Bai & Gölz's code; seed-004 spec 3.12) is computed alongside, so that a
 * run can report how often the two disagree.
 *
 * EF1 removes, from the envied bundle, the good the envious agent values most (the strongest removal, spec 2.1).
 */
import { exactSign, filteredSign } from './exact-sums';

/** The authors' tolerance (spec 6.6). */
export const AUTHORS_TOLERANCE = 1e-9;

/** An exact decision and the authors' tolerance decision. */
export interface EnvyDecision {
  readonly exact: boolean;
  readonly tolerance: boolean;
  /** Comparisons the float filter could not decide (settled exactly). */
  readonly closeCalls: number;
}

/** bundles[i] = the goods owned by i. */
export function bundlesOf(owner: ArrayLike<number>, n: number): number[][] {
  const b: number[][] = Array.from({ length: n }, () => []);
  for (let g = 0; g < owner.length; g++) b[owner[g]].push(g);
  return b;
}

function sums(U: readonly Float64Array[], bundles: readonly number[][]): number[][] {
  return U.map((row) =>
    bundles.map((b) => {
      let s = 0;
      for (const g of b) s += row[g];
      return s;
    }),
  );
}

/** EF: v_i(A_i) ≥ v_i(A_j) for all i, j, exactly; and the authors' max envy ≤ 1e-9. */
export function decideEF(U: readonly Float64Array[], owner: ArrayLike<number>): EnvyDecision {
  return decideEnvy(U, owner, false);
}

/** EF1 (strongest removal), exactly; and the authors' tolerance version. */
export function decideEF1(U: readonly Float64Array[], owner: ArrayLike<number>): EnvyDecision {
  return decideEnvy(U, owner, true);
}

/** EF, or EF1 when `removeTop` (i's most valued good of A_j is removed; an empty A_j is skipped). */
function decideEnvy(U: readonly Float64Array[], owner: ArrayLike<number>, removeTop: boolean): EnvyDecision {
  const n = U.length;
  const bundles = bundlesOf(owner, n);
  const V = sums(U, bundles);
  let exact = true,
    tolerance = true,
    closeCalls = 0;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      if (i === j || (removeTop && bundles[j].length === 0)) continue;
      let top = 0;
      if (removeTop) for (const g of bundles[j]) if (U[i][g] > top) top = U[i][g];
      if (V[i][j] - V[i][i] - top > AUTHORS_TOLERANCE) tolerance = false;
      if (!exact) continue;
      let s = filteredSign(
        { value: V[i][i], terms: bundles[i].length },
        { value: V[i][j], terms: bundles[j].length },
        top,
      );
      if (s === null) {
        closeCalls++;
        s = exactSign(U[i], bundles[i], bundles[j], top);
      }
      if (s < 0) exact = false;
    }
  return { exact, tolerance, closeCalls };
}
