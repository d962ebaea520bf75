/**
 * Completion of the partial allocations to full fractional allocations f^(1..n) (Claim 4.8, Lemma 4.9 of Babaioff, Feige & Manaker Morag;
 * spec A7, P4).
 */
import { InvalidInputError } from '../../core/errors';
import { checkTimeBudget } from '../../core/time-budget';
import type { CyclicData } from './cyclic-picking';

/**
 * MATRIX_COMPLETE (Claim 4.8). The paper adds mass at any unsaturated (row, column) pair; this takes the smallest row and
 * column first (north-west corner), so the completion, and with it the lottery, is deterministic (spec A7.1).
 * B is r x c with entries in [0, one],
 * row sums <= s_u, column sums <= one, sum s = c * one. Returns B' >= B with rows summing to s and columns to one, and
 * the cells that received mass. At most r + c iterations.
 */
export function matrixComplete(
  B: readonly (readonly bigint[])[],
  s: readonly bigint[],
  one: bigint,
): { B: bigint[][]; added: { row: number; col: number; delta: bigint }[] } {
  const r = B.length;
  const c = r ? B[0].length : 0;
  const out = B.map((row) => [...row]);
  const a = out.map((row) => row.reduce((x, y) => x + y, 0n));
  const b = Array.from({ length: c }, (_, v) => out.reduce((x, row) => x + row[v], 0n));
  a.forEach((x, u) => {
    if (x > s[u])
      throw new InvalidInputError('completion-precondition', `matrixComplete: row ${u} sums to more than its target`);
  });
  b.forEach((x, v) => {
    if (x > one)
      throw new InvalidInputError('completion-precondition', `matrixComplete: column ${v} sums to more than 1`);
  });
  const R = a.map((x, u) => u).filter((u) => a[u] < s[u]);
  const C = b.map((x, v) => v).filter((v) => b[v] < one);
  const added: { row: number; col: number; delta: bigint }[] = [];
  let ri = 0;
  let ci = 0;
  while (ri < R.length && ci < C.length) {
    const u = R[ri];
    const v = C[ci];
    const du = s[u] - a[u];
    const dv = one - b[v];
    const delta = du < dv ? du : dv;
    out[u][v] += delta;
    a[u] += delta;
    b[v] += delta;
    added.push({ row: u, col: v, delta });
    if (a[u] === s[u]) ri++;
    if (b[v] === one) ci++;
  }
  if (ri < R.length || ci < C.length)
    throw new InvalidInputError('completion-precondition', 'matrixComplete: targets do not balance (sum s != c)');
  return { B: out, added };
}

/**
 * COMPLETE_ALL (Lemma 4.9, as restated by spec A7.2): for each good x independently, complete the agents x shifts
 * matrix B[i][j] = g^(j)[i][x] to row targets n * CUQ[i][x] (times D) and column targets D. Results: f^(j) >= g^(j),
 * each f^(j) a full fractional allocation, (1/n) sum_j f^(j) = CUQ, and mass is only added on cells with x in F_ij.
 * Returns f[j][i][x] (scaled by D) and the added cells (agent, shift, good, delta).
 */
export function completeAll(
  cd: CyclicData,
  g: readonly (readonly (readonly bigint[])[])[],
  counts: readonly (readonly number[])[],
  D: bigint,
): { f: bigint[][][]; added: { agent: number; shift: number; good: number; delta: bigint }[] } {
  const { n, m } = cd;
  const f = g.map((shift) => shift.map((row) => [...row]));
  const added: { agent: number; shift: number; good: number; delta: bigint }[] = [];
  for (let x = 0; x < m; x++) {
    if ((x & 63) === 0) checkTimeBudget('tie-mms completion');
    const B = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (__, j) => g[j][i][x]));
    const s = Array.from({ length: n }, (_, i) => BigInt(counts[i][x]) * D);
    const res = matrixComplete(B, s, D);
    for (const { row, col, delta } of res.added) {
      f[col][row][x] += delta;
      added.push({ agent: row, shift: col, good: x, delta });
    }
  }
  return { f, added };
}
