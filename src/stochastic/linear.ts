/** Dense linear solve for the small systems of the stochastic layer (Bai–Gölz Newton steps, Hill–Kertz worst case). */

/** Solves A x = b by Gauss–Jordan elimination with partial pivoting; `onSingular` throws on a zero pivot. */
export function solveLinear(
  A: readonly (readonly number[])[],
  b: readonly number[],
  onSingular: () => never,
): number[] {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r][c]) > Math.abs(M[p][c])) p = r;
    [M[c], M[p]] = [M[p], M[c]];
    if (Math.abs(M[c][c]) < 1e-300) onSingular();
    for (let r = 0; r < n; r++)
      if (r !== c) {
        const f = M[r][c] / M[c][c];
        for (let k = c; k <= n; k++) M[r][k] -= f * M[c][k];
      }
  }
  return M.map((row, i) => row[n] / M[i][i]);
}
