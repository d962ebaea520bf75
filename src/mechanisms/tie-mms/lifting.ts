/**
 * The exact probabilities on a guessed basis (support reduction, Lemma 4.15 of Babaioff, Feige & Manaker Morag): the
 * solution c = a / L of B c = target for a d x r 0/1 matrix B of full column rank and an integer target, by p-adic
 * (Dixon) lifting on an LU factorization modulo a prime (dense-lu.ts), rational reconstruction, and an exact check.
 *
 * Lifting: res_0 = target; x_i = B^-1 res_i mod q, res_{i+1} = (res_i - B x_i) / q (exact: B x_i = res_i mod q on every
 * row, checked by the division), so c = sum_i x_i q^i modulo q^k. The digits are kept as 32-bit floats. A probe, the
 * combination sum_c g_c c_c with small fixed weights g_c (whose denominator is the common denominator L of c unless the
 * weights are unlucky), is accumulated as it goes and reconstructed every RETRY steps; when two attempts in a row
 * agree, every entry is assembled (pairs of digits, then a product tree) and reconstructed from the probe's denominator
 * (growing it where an entry does not fit), and the result is accepted only if sum_q a_q B_q = L * target holds exactly
 * in integers; after a failed attempt the next one waits a quarter of the steps so far. A zero residual ends the
 * lifting with an integer solution. The digits are below 2^22, so res stays below 2^53 for r < 2^30 columns.
 */
import { checkTimeBudget } from '../../core/time-budget';
import type { ModularLu } from './dense-lu';
import { liftedCommonDenominator, ratReconBig } from './modular';

/** Steps between two reconstructions of the probe. */
const RETRY = 8;

export type LiftResult = { a: bigint[]; L: bigint; steps: number } | { failure: string; steps: number };

/**
 * c = a / L (L > 0) with sum_q c_q column_q = target exactly, for the columns (supports) factored in `lu` (same order),
 * or a failure: the target is not in their span modulo q, or the lifting did not converge within `maxSteps`.
 */
export function liftedSolve(
  lu: ModularLu,
  columns: readonly Int32Array[],
  target: readonly bigint[],
  maxSteps = 1 << 16,
): LiftResult {
  const { d, r, q } = lu;
  const QB = BigInt(q);
  const res = Float64Array.from(target, (v) => Number(v));
  const digits: Float32Array[] = [];
  let pk = 1n;
  const weight = Float64Array.from({ length: r }, (_, c) => 1 + ((c * 2654435761) % 15)); // 1..15
  let probeX = 0n;
  let last: { num: bigint; den: bigint } | null = null;
  let steps = 0;
  let nextFull = 0;
  for (; steps < maxSteps;) {
    checkTimeBudget('support reduction (p-adic lifting)');
    let any = false;
    for (let z = 0; z < d; z++)
      if (res[z] !== 0) {
        any = true;
        break;
      }
    if (!any) {
      const sol = { a: assemble(digits, r, q), L: 1n };
      return solves(columns, target, sol) ? { ...sol, steps } : { failure: 'integer lifting result fails', steps };
    }
    const x = lu.solve(res);
    for (let c = 0; c < r; c++) {
      const xc = x[c];
      if (xc === 0) continue;
      const s = columns[c];
      for (let t = 0; t < s.length; t++) res[s[t]] -= xc;
    }
    for (let z = 0; z < d; z++) {
      const v = res[z];
      if (v === 0) continue;
      const w = v / q;
      if (!Number.isInteger(w)) return { failure: 'target not in the span of the basis (mod q)', steps };
      res[z] = w;
    }
    digits.push(Float32Array.from(x));
    steps++;
    let g = 0; // sum_c weight_c x_c < 2^26 r, exact
    for (let c = 0; c < r; c++) g += weight[c] * x[c];
    probeX += BigInt(g) * pk;
    pk *= QB;
    if (steps % RETRY !== 0 || steps < nextFull) continue;
    const rec = ratReconBig(probeX, pk);
    const same = rec !== null && last !== null && rec.num === last.num && rec.den === last.den;
    last = rec;
    if (!same) continue;
    const sol = liftedCommonDenominator(assemble(digits, r, q), pk, rec.den);
    if (sol && solves(columns, target, sol)) return { ...sol, steps };
    nextFull = steps + Math.max(RETRY, steps >> 2);
  }
  return { failure: 'p-adic lifting did not converge', steps };
}

/** X_c = sum_i digits[i][c] q^i for every column c: pairs of digits as doubles (below 2^44), then a product tree. */
function assemble(digits: readonly Float32Array[], r: number, q: number): bigint[] {
  const n = digits.length;
  const half = Math.ceil(n / 2);
  // powers[l] = (q^2)^(2^l)
  const powers: bigint[] = [BigInt(q) * BigInt(q)];
  while (1 << powers.length < half) powers.push(powers[powers.length - 1] * powers[powers.length - 1]);
  const X = new Array<bigint>(r);
  const level = new Array<bigint>(half);
  for (let c = 0; c < r; c++) {
    for (let h = 0; h < half; h++) {
      const lo = digits[2 * h][c];
      const hi = 2 * h + 1 < n ? digits[2 * h + 1][c] : 0;
      level[h] = BigInt(lo + hi * q);
    }
    let len = half;
    for (let l = 0; len > 1; l++) {
      const p = powers[l];
      const next = Math.ceil(len / 2);
      for (let h = 0; h < next; h++) {
        const a = level[2 * h];
        level[h] = 2 * h + 1 < len ? a + level[2 * h + 1] * p : a;
      }
      len = next;
    }
    X[c] = n ? level[0] : 0n;
  }
  return X;
}

/** Exact check: sum_c a_c column_c == L * target on every row (L > 0). */
function solves(columns: readonly Int32Array[], target: readonly bigint[], c: { a: bigint[]; L: bigint }): boolean {
  if (c.L <= 0n) return false;
  const acc = new Array<bigint>(target.length).fill(0n);
  for (let k = 0; k < columns.length; k++) {
    const x = c.a[k];
    if (x === 0n) continue;
    const s = columns[k];
    for (let t = 0; t < s.length; t++) acc[s[t]] += x;
  }
  for (let z = 0; z < target.length; z++) if (acc[z] !== target[z] * c.L) return false;
  return true;
}
