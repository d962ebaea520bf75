/**
 * Dense LU factorizations of 0/1 column sets, for the support reduction (Lemma 4.15 of Babaioff, Feige & Manaker
 * Morag): the columns are the allocations' affine coordinates (affine-coordinates.ts), d rows. The matrices of the
 * tie-mms mixtures are sparse (about m + 1 ones in d = (n-1)m rows) but their LU factors are not (95 % of the dense
 * size at (10, 100) in a development run, not recorded), so both factorizations here are dense, blocked right-looking Gaussian eliminations
 * with partial pivoting, stored by columns in one typed array: a panel of PANEL accepted columns is factored
 * left-looking, then the rest of the candidates get the panel's update as one rank-PANEL product (four panel columns and
 * four candidates per pass of the inner loop, so that each loaded value serves several multiply-adds: 5.0 s for an LU of
 * 3421 columns, against 6.3 s with two candidates per pass, in a development run not recorded; the bench's LU mod Q
 * column has the current figure).
 *
 * `FloatBasis` (doubles) chooses a basis greedily among candidates in a preference order (a candidate whose remaining
 * part is negligible is skipped as dependent) and then solves with it and with its basis changes (product form).
 * `ModularBasis` (ModularLu) factors given columns modulo a prime and solves modulo it (for p-adic lifting).
 */
import { checkTimeBudget } from '../../core/time-budget';
import { invmod } from './modular';

/**
 * [DECISION] The largest number of rows the guided reduction factors densely: a d x d matrix of doubles takes 8 d^2
 * bytes, 1.15 GB at d = 12000 (and the float and modular factors are alive one after the other); beyond, the guided
 * reduction declines (d = 3423 at (20, 200), about 24000 at (50, 500)).
 */
export const DENSE_MAX_D = 12000;

/** Columns per panel of the blocked elimination. */
const PANEL = 32;

/** `FloatBasis.greedy`: candidates factored at first beyond d, and per further chunk. */
const FIRST_EXTRA = 16;
const CHUNK = 256;

/**
 * The trailing update of one candidate column at offset `co` of F (rows lo..hi-1): F[co + i] -= sum_t u[t] F[L[t] + i],
 * t < nt, for the panel columns at offsets L. Four panel columns per pass.
 */
function panelUpdate(F: Float64Array, co: number, u: Float64Array, L: Int32Array, nt: number, lo: number, hi: number) {
  let t = 0;
  for (; t + 4 <= nt; t += 4) {
    const u0 = u[t];
    const u1 = u[t + 1];
    const u2 = u[t + 2];
    const u3 = u[t + 3];
    if (u0 === 0 && u1 === 0 && u2 === 0 && u3 === 0) continue;
    const l0 = L[t];
    const l1 = L[t + 1];
    const l2 = L[t + 2];
    const l3 = L[t + 3];
    for (let i = lo; i < hi; i++) F[co + i] -= u0 * F[l0 + i] + u1 * F[l1 + i] + u2 * F[l2 + i] + u3 * F[l3 + i];
  }
  for (; t < nt; t++) {
    const u0 = u[t];
    if (u0 === 0) continue;
    const l0 = L[t];
    for (let i = lo; i < hi; i++) F[co + i] -= u0 * F[l0 + i];
  }
}

/**
 * `panelUpdate` of two candidate columns at once (offsets ca, cb, coefficients u[t] and v[t]): each panel value
 * loaded serves both.
 */
function panelUpdate2(
  F: Float64Array,
  ca: number,
  cb: number,
  u: Float64Array,
  v: Float64Array,
  L: Int32Array,
  nt: number,
  lo: number,
  hi: number,
) {
  let t = 0;
  for (; t + 4 <= nt; t += 4) {
    const u0 = u[t];
    const u1 = u[t + 1];
    const u2 = u[t + 2];
    const u3 = u[t + 3];
    const v0 = v[t];
    const v1 = v[t + 1];
    const v2 = v[t + 2];
    const v3 = v[t + 3];
    const l0 = L[t];
    const l1 = L[t + 1];
    const l2 = L[t + 2];
    const l3 = L[t + 3];
    for (let i = lo; i < hi; i++) {
      const x0 = F[l0 + i];
      const x1 = F[l1 + i];
      const x2 = F[l2 + i];
      const x3 = F[l3 + i];
      F[ca + i] -= u0 * x0 + u1 * x1 + u2 * x2 + u3 * x3;
      F[cb + i] -= v0 * x0 + v1 * x1 + v2 * x2 + v3 * x3;
    }
  }
  for (; t < nt; t++) {
    const u0 = u[t];
    const v0 = v[t];
    const l0 = L[t];
    for (let i = lo; i < hi; i++) {
      const x0 = F[l0 + i];
      F[ca + i] -= u0 * x0;
      F[cb + i] -= v0 * x0;
    }
  }
}

/** `panelUpdate` of four candidate columns at once (offsets c[0..3], coefficients u[j * PANEL + t]). */
function panelUpdate4(
  F: Float64Array,
  c: Int32Array,
  u: Float64Array,
  L: Int32Array,
  nt: number,
  lo: number,
  hi: number,
) {
  const ca = c[0];
  const cb = c[1];
  const cc = c[2];
  const cd = c[3];
  let t = 0;
  for (; t + 4 <= nt; t += 4) {
    const a0 = u[t];
    const a1 = u[t + 1];
    const a2 = u[t + 2];
    const a3 = u[t + 3];
    const b0 = u[PANEL + t];
    const b1 = u[PANEL + t + 1];
    const b2 = u[PANEL + t + 2];
    const b3 = u[PANEL + t + 3];
    const c0 = u[2 * PANEL + t];
    const c1 = u[2 * PANEL + t + 1];
    const c2 = u[2 * PANEL + t + 2];
    const c3 = u[2 * PANEL + t + 3];
    const d0 = u[3 * PANEL + t];
    const d1 = u[3 * PANEL + t + 1];
    const d2 = u[3 * PANEL + t + 2];
    const d3 = u[3 * PANEL + t + 3];
    const l0 = L[t];
    const l1 = L[t + 1];
    const l2 = L[t + 2];
    const l3 = L[t + 3];
    for (let i = lo; i < hi; i++) {
      const x0 = F[l0 + i];
      const x1 = F[l1 + i];
      const x2 = F[l2 + i];
      const x3 = F[l3 + i];
      F[ca + i] -= a0 * x0 + a1 * x1 + a2 * x2 + a3 * x3;
      F[cb + i] -= b0 * x0 + b1 * x1 + b2 * x2 + b3 * x3;
      F[cc + i] -= c0 * x0 + c1 * x1 + c2 * x2 + c3 * x3;
      F[cd + i] -= d0 * x0 + d1 * x1 + d2 * x2 + d3 * x3;
    }
  }
  for (; t < nt; t++) {
    const a0 = u[t];
    const b0 = u[PANEL + t];
    const c0 = u[2 * PANEL + t];
    const d0 = u[3 * PANEL + t];
    const l0 = L[t];
    for (let i = lo; i < hi; i++) {
      const x0 = F[l0 + i];
      F[ca + i] -= a0 * x0;
      F[cb + i] -= b0 * x0;
      F[cc + i] -= c0 * x0;
      F[cd + i] -= d0 * x0;
    }
  }
}

/**
 * z <- L^-1 z for the unit lower triangular L whose column k is F[off[k] + i], k < i < r, extended to the rows below r
 * (i < rows) when rows > r. Eight columns per pass (then four, then one).
 */
function lowerSolve(z: Float64Array, F: ArrayLike<number>, off: Int32Array, r: number, rows = r): void {
  let k = 0;
  for (; k + 8 <= r; k += 8) {
    const o0 = off[k];
    const o1 = off[k + 1];
    const o2 = off[k + 2];
    const o3 = off[k + 3];
    const o4 = off[k + 4];
    const o5 = off[k + 5];
    const o6 = off[k + 6];
    const o7 = off[k + 7];
    const z0 = z[k];
    const z1 = z[k + 1] - z0 * F[o0 + k + 1];
    const z2 = z[k + 2] - z0 * F[o0 + k + 2] - z1 * F[o1 + k + 2];
    const z3 = z[k + 3] - z0 * F[o0 + k + 3] - z1 * F[o1 + k + 3] - z2 * F[o2 + k + 3];
    for (let i = k + 4; i < k + 8; i++) z[i] -= z0 * F[o0 + i] + z1 * F[o1 + i] + z2 * F[o2 + i] + z3 * F[o3 + i];
    const z4 = z[k + 4];
    const z5 = z[k + 5] - z4 * F[o4 + k + 5];
    const z6 = z[k + 6] - z4 * F[o4 + k + 6] - z5 * F[o5 + k + 6];
    const z7 = z[k + 7] - z4 * F[o4 + k + 7] - z5 * F[o5 + k + 7] - z6 * F[o6 + k + 7];
    z[k + 1] = z1;
    z[k + 2] = z2;
    z[k + 3] = z3;
    z[k + 5] = z5;
    z[k + 6] = z6;
    z[k + 7] = z7;
    for (let i = k + 8; i < rows; i++)
      z[i] -=
        z0 * F[o0 + i] +
        z1 * F[o1 + i] +
        z2 * F[o2 + i] +
        z3 * F[o3 + i] +
        z4 * F[o4 + i] +
        z5 * F[o5 + i] +
        z6 * F[o6 + i] +
        z7 * F[o7 + i];
  }
  for (; k + 4 <= r; k += 4) {
    const o0 = off[k];
    const o1 = off[k + 1];
    const o2 = off[k + 2];
    const o3 = off[k + 3];
    const z0 = z[k];
    const z1 = z[k + 1] - z0 * F[o0 + k + 1];
    const z2 = z[k + 2] - z0 * F[o0 + k + 2] - z1 * F[o1 + k + 2];
    const z3 = z[k + 3] - z0 * F[o0 + k + 3] - z1 * F[o1 + k + 3] - z2 * F[o2 + k + 3];
    z[k + 1] = z1;
    z[k + 2] = z2;
    z[k + 3] = z3;
    if (z0 === 0 && z1 === 0 && z2 === 0 && z3 === 0) continue;
    for (let i = k + 4; i < rows; i++) z[i] -= z0 * F[o0 + i] + z1 * F[o1 + i] + z2 * F[o2 + i] + z3 * F[o3 + i];
  }
  for (; k < r; k++) {
    const zk = z[k];
    if (zk === 0) continue;
    const o = off[k];
    for (let i = k + 1; i < rows; i++) z[i] -= zk * F[o + i];
  }
}

/** x <- U^-1 z for the upper triangular U whose column k is F[off[k] + i], i <= k (z is consumed). Eight per pass. */
function upperSolve(z: Float64Array, F: ArrayLike<number>, off: Int32Array, r: number, x: Float64Array): void {
  let k = r - 1;
  for (; k >= 7; k -= 8) {
    const o0 = off[k];
    const o1 = off[k - 1];
    const o2 = off[k - 2];
    const o3 = off[k - 3];
    const o4 = off[k - 4];
    const o5 = off[k - 5];
    const o6 = off[k - 6];
    const o7 = off[k - 7];
    const x0 = z[k] / F[o0 + k];
    const x1 = (z[k - 1] - x0 * F[o0 + k - 1]) / F[o1 + k - 1];
    const x2 = (z[k - 2] - x0 * F[o0 + k - 2] - x1 * F[o1 + k - 2]) / F[o2 + k - 2];
    const x3 = (z[k - 3] - x0 * F[o0 + k - 3] - x1 * F[o1 + k - 3] - x2 * F[o2 + k - 3]) / F[o3 + k - 3];
    for (let i = k - 7; i < k - 3; i++) z[i] -= x0 * F[o0 + i] + x1 * F[o1 + i] + x2 * F[o2 + i] + x3 * F[o3 + i];
    const x4 = z[k - 4] / F[o4 + k - 4];
    const x5 = (z[k - 5] - x4 * F[o4 + k - 5]) / F[o5 + k - 5];
    const x6 = (z[k - 6] - x4 * F[o4 + k - 6] - x5 * F[o5 + k - 6]) / F[o6 + k - 6];
    const x7 = (z[k - 7] - x4 * F[o4 + k - 7] - x5 * F[o5 + k - 7] - x6 * F[o6 + k - 7]) / F[o7 + k - 7];
    x[k] = x0;
    x[k - 1] = x1;
    x[k - 2] = x2;
    x[k - 3] = x3;
    x[k - 4] = x4;
    x[k - 5] = x5;
    x[k - 6] = x6;
    x[k - 7] = x7;
    const lim = k - 7;
    for (let i = 0; i < lim; i++)
      z[i] -=
        x0 * F[o0 + i] +
        x1 * F[o1 + i] +
        x2 * F[o2 + i] +
        x3 * F[o3 + i] +
        x4 * F[o4 + i] +
        x5 * F[o5 + i] +
        x6 * F[o6 + i] +
        x7 * F[o7 + i];
  }
  for (; k >= 3; k -= 4) {
    const o0 = off[k];
    const o1 = off[k - 1];
    const o2 = off[k - 2];
    const o3 = off[k - 3];
    const x0 = z[k] / F[o0 + k];
    const x1 = (z[k - 1] - x0 * F[o0 + k - 1]) / F[o1 + k - 1];
    const x2 = (z[k - 2] - x0 * F[o0 + k - 2] - x1 * F[o1 + k - 2]) / F[o2 + k - 2];
    const x3 = (z[k - 3] - x0 * F[o0 + k - 3] - x1 * F[o1 + k - 3] - x2 * F[o2 + k - 3]) / F[o3 + k - 3];
    x[k] = x0;
    x[k - 1] = x1;
    x[k - 2] = x2;
    x[k - 3] = x3;
    if (x0 === 0 && x1 === 0 && x2 === 0 && x3 === 0) continue;
    const lim = k - 3;
    for (let i = 0; i < lim; i++) z[i] -= x0 * F[o0 + i] + x1 * F[o1 + i] + x2 * F[o2 + i] + x3 * F[o3 + i];
  }
  for (; k >= 0; k--) {
    const o = off[k];
    const xk = z[k] / F[o + k];
    x[k] = xk;
    if (xk === 0) continue;
    for (let i = 0; i < k; i++) z[i] -= xk * F[o + i];
  }
}

/**
 * w <- U^-T w, then w <- L^-T w, for the factors of `lowerSolve` and `upperSolve` (a row of the inverse): dot products
 * down the columns, eight columns per pass (then four, then one).
 */
function transposedSolve(w: Float64Array, F: ArrayLike<number>, off: Int32Array, r: number): void {
  // U^T y = w: y_j = (w_j - sum_{i<j} U_ij y_i) / U_jj
  let j = 0;
  for (; j + 8 <= r; j += 8) {
    const o0 = off[j];
    const o1 = off[j + 1];
    const o2 = off[j + 2];
    const o3 = off[j + 3];
    const o4 = off[j + 4];
    const o5 = off[j + 5];
    const o6 = off[j + 6];
    const o7 = off[j + 7];
    let s0 = w[j];
    let s1 = w[j + 1];
    let s2 = w[j + 2];
    let s3 = w[j + 3];
    let s4 = w[j + 4];
    let s5 = w[j + 5];
    let s6 = w[j + 6];
    let s7 = w[j + 7];
    for (let i = 0; i < j; i++) {
      const wi = w[i];
      s0 -= F[o0 + i] * wi;
      s1 -= F[o1 + i] * wi;
      s2 -= F[o2 + i] * wi;
      s3 -= F[o3 + i] * wi;
      s4 -= F[o4 + i] * wi;
      s5 -= F[o5 + i] * wi;
      s6 -= F[o6 + i] * wi;
      s7 -= F[o7 + i] * wi;
    }
    const s = [s0, s1, s2, s3, s4, s5, s6, s7];
    const o = [o0, o1, o2, o3, o4, o5, o6, o7];
    for (let a = 0; a < 8; a++) {
      let t = s[a];
      for (let b = 0; b < a; b++) t -= F[o[a] + j + b] * w[j + b];
      w[j + a] = t / F[o[a] + j + a];
    }
  }
  for (; j + 4 <= r; j += 4) {
    const o0 = off[j];
    const o1 = off[j + 1];
    const o2 = off[j + 2];
    const o3 = off[j + 3];
    let s0 = w[j];
    let s1 = w[j + 1];
    let s2 = w[j + 2];
    let s3 = w[j + 3];
    for (let i = 0; i < j; i++) {
      const wi = w[i];
      s0 -= F[o0 + i] * wi;
      s1 -= F[o1 + i] * wi;
      s2 -= F[o2 + i] * wi;
      s3 -= F[o3 + i] * wi;
    }
    const y0 = s0 / F[o0 + j];
    const y1 = (s1 - F[o1 + j] * y0) / F[o1 + j + 1];
    const y2 = (s2 - F[o2 + j] * y0 - F[o2 + j + 1] * y1) / F[o2 + j + 2];
    const y3 = (s3 - F[o3 + j] * y0 - F[o3 + j + 1] * y1 - F[o3 + j + 2] * y2) / F[o3 + j + 3];
    w[j] = y0;
    w[j + 1] = y1;
    w[j + 2] = y2;
    w[j + 3] = y3;
  }
  for (; j < r; j++) {
    const o = off[j];
    let s = w[j];
    for (let i = 0; i < j; i++) s -= F[o + i] * w[i];
    w[j] = s / F[o + j];
  }
  // L^T x = y: x_j = y_j - sum_{i>j} L_ij x_i
  j = r - 1;
  for (; j >= 7; j -= 8) {
    const o0 = off[j];
    const o1 = off[j - 1];
    const o2 = off[j - 2];
    const o3 = off[j - 3];
    const o4 = off[j - 4];
    const o5 = off[j - 5];
    const o6 = off[j - 6];
    const o7 = off[j - 7];
    let s0 = w[j];
    let s1 = w[j - 1];
    let s2 = w[j - 2];
    let s3 = w[j - 3];
    let s4 = w[j - 4];
    let s5 = w[j - 5];
    let s6 = w[j - 6];
    let s7 = w[j - 7];
    for (let i = j + 1; i < r; i++) {
      const wi = w[i];
      s0 -= F[o0 + i] * wi;
      s1 -= F[o1 + i] * wi;
      s2 -= F[o2 + i] * wi;
      s3 -= F[o3 + i] * wi;
      s4 -= F[o4 + i] * wi;
      s5 -= F[o5 + i] * wi;
      s6 -= F[o6 + i] * wi;
      s7 -= F[o7 + i] * wi;
    }
    const s = [s0, s1, s2, s3, s4, s5, s6, s7];
    const o = [o0, o1, o2, o3, o4, o5, o6, o7];
    for (let a = 0; a < 8; a++) {
      let t = s[a];
      for (let b = 0; b < a; b++) t -= F[o[a] + j - b] * w[j - b];
      w[j - a] = t;
    }
  }
  for (; j >= 3; j -= 4) {
    const o0 = off[j];
    const o1 = off[j - 1];
    const o2 = off[j - 2];
    const o3 = off[j - 3];
    let s0 = w[j];
    let s1 = w[j - 1];
    let s2 = w[j - 2];
    let s3 = w[j - 3];
    for (let i = j + 1; i < r; i++) {
      const wi = w[i];
      s0 -= F[o0 + i] * wi;
      s1 -= F[o1 + i] * wi;
      s2 -= F[o2 + i] * wi;
      s3 -= F[o3 + i] * wi;
    }
    const x0 = s0;
    const x1 = s1 - F[o1 + j] * x0;
    const x2 = s2 - F[o2 + j] * x0 - F[o2 + j - 1] * x1;
    const x3 = s3 - F[o3 + j] * x0 - F[o3 + j - 1] * x1 - F[o3 + j - 2] * x2;
    w[j] = x0;
    w[j - 1] = x1;
    w[j - 2] = x2;
    w[j - 3] = x3;
  }
  for (; j >= 0; j--) {
    const o = off[j];
    let s = w[j];
    for (let i = j + 1; i < r; i++) s -= F[o + i] * w[i];
    w[j] = s;
  }
}

/** Swaps rows a and b in the columns at the given offsets. */
function swapRows(F: Float64Array, offs: ArrayLike<number>, from: number, to: number, a: number, b: number) {
  for (let q = from; q < to; q++) {
    const o = offs[q];
    const x = F[o + a];
    F[o + a] = F[o + b];
    F[o + b] = x;
  }
}

/**
 * A basis of 0/1 columns in doubles: P B = L U over its r pivot rows, with basis changes kept as eta factors (product
 * form). Slot s of the basis holds `slotEntry[s]` (an index into the caller's column list). Solves are with the left
 * inverse through the pivot rows, exact for right-hand sides in the span of the basis.
 */
export class FloatBasis {
  /** Columns in the basis, by slot. */
  readonly slotEntry: number[];
  /** Basis changes so far. */
  etaCount = 0;
  private readonly etaSlot: number[] = [];
  private readonly etaCol: Float64Array[] = [];
  private readonly z: Float64Array;

  private constructor(
    readonly d: number,
    readonly r: number,
    private readonly F: Float64Array,
    private readonly off: Int32Array,
    private readonly perm: Int32Array,
    accepted: number[],
  ) {
    this.slotEntry = accepted;
    this.z = new Float64Array(d);
  }

  /**
   * Greedy basis: the candidates are taken in the given order and each is kept when it is independent of those kept
   * before (its pivot, after elimination, exceeds `tol`; the columns are 0/1, so a dependent one leaves rounding
   * noise of order 1e-13). The candidates are factored in chunks: the first d + FIRST_EXTRA, then CHUNK more at a time
   * while a random combination of the candidates not yet factored is not in the span of the basis (at (20, 200) the
   * first 3421 of 8619 are independent and span the rest, so no candidate beyond the first 3439 is factored).
   */
  static greedy(d: number, supports: readonly Int32Array[], candidates: readonly number[], tol = 1e-8): FloatBasis {
    const K = candidates.length;
    let C = Math.min(K, d + FIRST_EXTRA); // candidates loaded
    let F = new Float64Array(d * C);
    for (let c = 0; c < C; c++) {
      const s = supports[candidates[c]];
      for (let q = 0; q < s.length; q++) F[c * d + s[q]] = 1;
    }
    const perm = Int32Array.from({ length: d }, (_, i) => i);
    const accOff: number[] = [];
    const accepted: number[] = [];
    let live = Int32Array.from({ length: C }, (_, c) => c * d); // candidate offsets, in order
    let next = 0; // first candidate not yet examined
    let r = 0;
    const u = new Float64Array(PANEL);
    const v = new Float64Array(PANEL);
    const u4 = new Float64Array(4 * PANEL);
    const c4 = new Int32Array(4);
    const panelL = new Int32Array(PANEL);
    for (;;) {
      while (r < d && next < C) {
        checkTimeBudget('support reduction (basis factorization)');
        const k0 = r;
        let nt = 0;
        // panel: left-looking over the next candidates until PANEL are accepted
        while (nt < PANEL && r < d && next < C) {
          const co = live[next];
          const cand = candidates[next];
          next++;
          // left-looking within the panel: the U entries on the panel's rows, then one rank-nt update below them
          for (let t = 0; t < nt; t++) {
            const k = k0 + t;
            let a = F[co + k];
            for (let s = 0; s < t; s++) a -= u[s] * F[panelL[s] + k];
            u[t] = a;
            F[co + k] = a;
          }
          panelUpdate(F, co, u, panelL, nt, r, d);
          let best = 0;
          let p = -1;
          for (let i = r; i < d; i++) {
            const a = Math.abs(F[co + i]);
            if (a > best) {
              best = a;
              p = i;
            }
          }
          if (best <= tol) continue; // dependent on the columns kept so far
          if (p !== r) {
            swapRows(F, accOff, 0, accOff.length, r, p);
            swapRows(F, live, next - 1, C, r, p);
            const tp = perm[r];
            perm[r] = perm[p];
            perm[p] = tp;
          }
          const inv = 1 / F[co + r];
          for (let i = r + 1; i < d; i++) F[co + i] *= inv;
          accOff.push(co);
          accepted.push(cand);
          panelL[nt++] = co;
          r++;
        }
        if (nt === 0) break;
        // trailing update of the candidates not yet examined: U12 by forward substitution in the panel, then rank-nt
        const u12 = (co: number, out: Float64Array) => {
          for (let t = 0; t < nt; t++) {
            const k = k0 + t;
            let a = F[co + k];
            for (let s = 0; s < t; s++) a -= out[s] * F[panelL[s] + k];
            out[t] = a;
            F[co + k] = a;
          }
        };
        let q = next;
        for (; q + 4 <= C; q += 4) {
          for (let j = 0; j < 4; j++) {
            u12(live[q + j], u);
            u4.set(u, j * PANEL);
            c4[j] = live[q + j];
          }
          panelUpdate4(F, c4, u4, panelL, nt, r, d);
        }
        for (; q + 2 <= C; q += 2) {
          u12(live[q], u);
          u12(live[q + 1], v);
          panelUpdate2(F, live[q], live[q + 1], u, v, panelL, nt, r, d);
        }
        if (q < C) {
          u12(live[q], u);
          panelUpdate(F, live[q], u, panelL, nt, r, d);
        }
      }
      if (r >= d || C >= K) break;
      // do the candidates not loaded add rank? A combination of them with weights in [1/2, 3/2), eliminated
      const z = new Float64Array(d);
      for (let c = C; c < K; c++) {
        const g = 0.5 + ((c * 0.6180339887498949) % 1);
        const s = supports[candidates[c]];
        for (let t = 0; t < s.length; t++) z[s[t]] += g;
      }
      let zmax = 0;
      for (let i = 0; i < d; i++) zmax = Math.max(zmax, z[i]);
      const zp = Float64Array.from(perm, (row) => z[row]);
      const acc = Int32Array.from(accOff);
      lowerSolve(zp, F, acc, r, d);
      let rest = 0;
      for (let i = r; i < d; i++) rest = Math.max(rest, Math.abs(zp[i]));
      if (rest <= 1e-9 * zmax) break;
      // load the next chunk, in the current row order, with every pivot so far applied (left-looking)
      const C2 = Math.min(K, C + CHUNK);
      const F2 = new Float64Array(d * C2);
      F2.set(F);
      F = F2;
      const pos = new Int32Array(d);
      for (let i = 0; i < d; i++) pos[perm[i]] = i;
      const col = new Float64Array(d);
      const live2 = new Int32Array(C2);
      live2.set(live);
      for (let c = C; c < C2; c++) {
        col.fill(0);
        const s = supports[candidates[c]];
        for (let t = 0; t < s.length; t++) col[pos[s[t]]] = 1;
        lowerSolve(col, F, acc, r, d);
        F.set(col, c * d);
        live2[c] = c * d;
      }
      live = live2;
      C = C2;
    }
    return new FloatBasis(d, r, F, Int32Array.from(accOff), perm, accepted);
  }

  /** x = B^-1 v (r entries by slot) for a dense right-hand side v over the d rows (v is not modified). */
  solve(v: Float64Array): Float64Array {
    const { r, F, off, perm, z } = this;
    for (let i = 0; i < r; i++) z[i] = v[perm[i]];
    lowerSolve(z, F, off, r);
    const x = new Float64Array(r);
    upperSolve(z, F, off, r, x);
    for (let e = 0; e < this.etaCount; e++) {
      const p = this.etaSlot[e];
      const a = this.etaCol[e];
      const xp = x[p] / a[p];
      if (xp !== 0) for (let i = 0; i < r; i++) x[i] -= a[i] * xp;
      x[p] = xp;
    }
    return x;
  }

  /** solve() of a 0/1 column given by its support. */
  solveSupport(s: Int32Array): Float64Array {
    const v = new Float64Array(this.d);
    for (let q = 0; q < s.length; q++) v[s[q]] = 1;
    return this.solve(v);
  }

  /** rho over the d rows with rho . a = (B^-1 a)_slot for every a in the span of the basis (row `slot` of B^-1). */
  row(slot: number): Float64Array {
    const { r, F, off, perm, d } = this;
    // u^T = e_slot^T E_k ... E_1 (only the etas' slots change)
    const w = new Float64Array(r);
    w[slot] = 1;
    for (let e = this.etaCount - 1; e >= 0; e--) {
      const p = this.etaSlot[e];
      const a = this.etaCol[e];
      let s = w[p];
      for (let i = 0; i < r; i++) if (i !== p) s -= w[i] * a[i];
      w[p] = s / a[p];
    }
    transposedSolve(w, F, off, r);
    const rho = new Float64Array(d);
    for (let j = 0; j < r; j++) rho[perm[j]] = w[j];
    return rho;
  }

  /**
   * Basis change: `entry` (whose column's solve() is `alpha`, with alpha[slot] != 0) replaces the column in `slot`.
   */
  exchange(slot: number, entry: number, alpha: Float64Array): void {
    this.etaSlot.push(slot);
    this.etaCol.push(alpha);
    this.etaCount++;
    this.slotEntry[slot] = entry;
  }
}

/**
 * How many products of two residues modulo q may be added to a reduced entry before it must be reduced again: every
 * intermediate value then stays below 2^53, an exact double.
 */
function delayBudget(q: number): number {
  return Math.floor((2 ** 53 - q) / (q * q));
}

/**
 * LU factorization modulo a prime q < 2^23 of the d x r 0/1 matrix with the given column supports (row pivoting: the
 * first nonzero residue), with delayed reduction: entries are reduced only when they become pivot data and otherwise
 * every `delayBudget(q)` products (for q < 2^22, every 15 panels). The factors are then kept as residues in 32-bit
 * floats (exact below 2^24). Null when the columns are dependent modulo q.
 */
export class ModularLu {
  private readonly z: Float64Array;
  private readonly invDiag: Float64Array;
  private readonly budget: number;

  private constructor(
    readonly d: number,
    readonly r: number,
    readonly q: number,
    private readonly G: Float32Array, // r x r, by columns: L below the diagonal (unit), U on and above
    private readonly perm: Int32Array,
  ) {
    this.z = new Float64Array(r);
    this.invDiag = new Float64Array(r);
    for (let k = 0; k < r; k++) this.invDiag[k] = invmod(G[k * r + k], q);
    this.budget = delayBudget(q);
  }

  static factor(d: number, columns: readonly Int32Array[], q: number): ModularLu | null {
    if (q >= 2 ** 23) throw new RangeError('ModularLu: the prime must be below 2^23');
    const invQ = 1 / q;
    const mod = (v: number): number => {
      let x = v - Math.floor(v * invQ) * q;
      if (x < 0) x += q;
      else if (x >= q) x -= q;
      return x;
    };
    const r = columns.length;
    const F = new Float64Array(d * r);
    for (let c = 0; c < r; c++) {
      const s = columns[c];
      for (let t = 0; t < s.length; t++) F[c * d + s[t]] = 1;
    }
    const offs = Int32Array.from({ length: r }, (_, c) => c * d);
    const perm = Int32Array.from({ length: d }, (_, i) => i);
    const u = new Float64Array(PANEL);
    const v = new Float64Array(PANEL);
    const u4 = new Float64Array(4 * PANEL);
    const c4 = new Int32Array(4);
    const panelL = new Int32Array(PANEL);
    const panelsPerReduction = Math.floor(delayBudget(q) / PANEL) - 1; // the next panel adds up to PANEL - 1 more
    if (panelsPerReduction < 1) throw new RangeError('ModularLu: the prime is too large for delayed reduction');
    for (let k0 = 0, panel = 1; k0 < r; k0 += PANEL, panel++) {
      checkTimeBudget('support reduction (modular LU)');
      const nt = Math.min(PANEL, r - k0);
      const reduce = panel % panelsPerReduction === 0;
      for (let t = 0; t < nt; t++) {
        const k = k0 + t;
        const co = offs[k];
        for (let s = 0; s < t; s++) {
          const ks = k0 + s;
          let a = F[co + ks];
          for (let s2 = 0; s2 < s; s2++) a -= u[s2] * F[panelL[s2] + ks];
          a = mod(a);
          u[s] = a;
          F[co + ks] = a;
        }
        panelUpdate(F, co, u, panelL, t, k, d);
        let p = -1;
        for (let i = k; i < d; i++) {
          const a = mod(F[co + i]);
          F[co + i] = a;
          if (p < 0 && a !== 0) p = i;
        }
        if (p < 0) return null;
        if (p !== k) {
          swapRows(F, offs, 0, r, k, p);
          const tp = perm[k];
          perm[k] = perm[p];
          perm[p] = tp;
        }
        const inv = invmod(F[co + k], q);
        for (let i = k + 1; i < d; i++) {
          const a = F[co + i];
          if (a !== 0) F[co + i] = mod(a * inv);
        }
        panelL[t] = co;
      }
      const rEnd = k0 + nt;
      const u12 = (co: number, out: Float64Array) => {
        for (let t = 0; t < nt; t++) {
          const k = k0 + t;
          let a = F[co + k];
          for (let s = 0; s < t; s++) a -= out[s] * F[panelL[s] + k];
          a = mod(a);
          out[t] = a;
          F[co + k] = a;
        }
      };
      const reduceBelow = (co: number) => {
        for (let i = rEnd; i < d; i++) {
          const a = F[co + i];
          if (a !== 0) F[co + i] = mod(a);
        }
      };
      let c = rEnd;
      for (; c + 4 <= r; c += 4) {
        for (let j = 0; j < 4; j++) {
          u12(offs[c + j], u);
          u4.set(u, j * PANEL);
          c4[j] = offs[c + j];
        }
        panelUpdate4(F, c4, u4, panelL, nt, rEnd, d);
        if (reduce) for (let j = 0; j < 4; j++) reduceBelow(offs[c + j]);
      }
      for (; c + 2 <= r; c += 2) {
        u12(offs[c], u);
        u12(offs[c + 1], v);
        panelUpdate2(F, offs[c], offs[c + 1], u, v, panelL, nt, rEnd, d);
        if (reduce) {
          reduceBelow(offs[c]);
          reduceBelow(offs[c + 1]);
        }
      }
      if (c < r) {
        u12(offs[c], u);
        panelUpdate(F, offs[c], u, panelL, nt, rEnd, d);
        if (reduce) reduceBelow(offs[c]);
      }
    }
    const G = new Float32Array(r * r);
    for (let c = 0; c < r; c++) G.set(F.subarray(c * d, c * d + r), c * r);
    return new ModularLu(d, r, q, G, perm);
  }

  /**
   * x (r residues) with B x = b modulo q on the r pivot rows, for an integer vector b over the d rows (|b_i| < 2^52).
   * Column-oriented substitutions, eight columns per pass (18 % faster than four at r = 3421 in a development run, not recorded; the lifting's inner loop);
   * the partial sums are reduced before they could exceed `delayBudget(q)` products.
   */
  solve(b: Float64Array): Float64Array {
    const { r, q, G, perm, z, budget, invDiag } = this;
    const invQ = 1 / q;
    const mod = (v: number): number => {
      let x = v - Math.floor(v * invQ) * q;
      if (x < 0) x += q;
      else if (x >= q) x -= q;
      return x;
    };
    for (let i = 0; i < r; i++) z[i] = mod(b[perm[i]]);
    // forward: L z' = z (unit lower triangular)
    let since = 0;
    let k = 0;
    for (; k + 8 <= r; k += 8) {
      if (since + 16 > budget) {
        for (let i = k; i < r; i++) z[i] = mod(z[i]);
        since = 0;
      }
      const o0 = k * r;
      const o1 = o0 + r;
      const o2 = o1 + r;
      const o3 = o2 + r;
      const o4 = o3 + r;
      const o5 = o4 + r;
      const o6 = o5 + r;
      const o7 = o6 + r;
      const z0 = mod(z[k]);
      const z1 = mod(z[k + 1] - z0 * G[o0 + k + 1]);
      const z2 = mod(z[k + 2] - z0 * G[o0 + k + 2] - z1 * G[o1 + k + 2]);
      const z3 = mod(z[k + 3] - z0 * G[o0 + k + 3] - z1 * G[o1 + k + 3] - z2 * G[o2 + k + 3]);
      for (let i = k + 4; i < k + 8; i++) z[i] -= z0 * G[o0 + i] + z1 * G[o1 + i] + z2 * G[o2 + i] + z3 * G[o3 + i];
      const z4 = mod(z[k + 4]);
      const z5 = mod(z[k + 5] - z4 * G[o4 + k + 5]);
      const z6 = mod(z[k + 6] - z4 * G[o4 + k + 6] - z5 * G[o5 + k + 6]);
      const z7 = mod(z[k + 7] - z4 * G[o4 + k + 7] - z5 * G[o5 + k + 7] - z6 * G[o6 + k + 7]);
      z[k] = z0;
      z[k + 1] = z1;
      z[k + 2] = z2;
      z[k + 3] = z3;
      z[k + 4] = z4;
      z[k + 5] = z5;
      z[k + 6] = z6;
      z[k + 7] = z7;
      since += 8;
      for (let i = k + 8; i < r; i++)
        z[i] -=
          z0 * G[o0 + i] +
          z1 * G[o1 + i] +
          z2 * G[o2 + i] +
          z3 * G[o3 + i] +
          z4 * G[o4 + i] +
          z5 * G[o5 + i] +
          z6 * G[o6 + i] +
          z7 * G[o7 + i];
    }
    for (; k + 4 <= r; k += 4) {
      if (since + 8 > budget) {
        for (let i = k; i < r; i++) z[i] = mod(z[i]);
        since = 0;
      }
      const o0 = k * r;
      const o1 = o0 + r;
      const o2 = o1 + r;
      const o3 = o2 + r;
      const z0 = mod(z[k]);
      const z1 = mod(z[k + 1] - z0 * G[o0 + k + 1]);
      const z2 = mod(z[k + 2] - z0 * G[o0 + k + 2] - z1 * G[o1 + k + 2]);
      const z3 = mod(z[k + 3] - z0 * G[o0 + k + 3] - z1 * G[o1 + k + 3] - z2 * G[o2 + k + 3]);
      z[k] = z0;
      z[k + 1] = z1;
      z[k + 2] = z2;
      z[k + 3] = z3;
      since += 4;
      if (z0 === 0 && z1 === 0 && z2 === 0 && z3 === 0) continue;
      for (let i = k + 4; i < r; i++) z[i] -= z0 * G[o0 + i] + z1 * G[o1 + i] + z2 * G[o2 + i] + z3 * G[o3 + i];
    }
    for (; k < r; k++) {
      const zk = mod(z[k]);
      z[k] = zk;
      if (zk === 0) continue;
      const o = k * r;
      for (let i = k + 1; i < r; i++) z[i] -= zk * G[o + i];
    }
    // backward: U x = z'
    const x = new Float64Array(r);
    since = 0;
    k = r - 1;
    for (; k >= 7; k -= 8) {
      if (since + 16 > budget) {
        for (let i = 0; i <= k; i++) z[i] = mod(z[i]);
        since = 0;
      }
      const o0 = k * r;
      const o1 = o0 - r;
      const o2 = o1 - r;
      const o3 = o2 - r;
      const o4 = o3 - r;
      const o5 = o4 - r;
      const o6 = o5 - r;
      const o7 = o6 - r;
      const x0 = mod(mod(z[k]) * invDiag[k]);
      const x1 = mod(mod(z[k - 1] - x0 * G[o0 + k - 1]) * invDiag[k - 1]);
      const x2 = mod(mod(z[k - 2] - x0 * G[o0 + k - 2] - x1 * G[o1 + k - 2]) * invDiag[k - 2]);
      const x3 = mod(mod(z[k - 3] - x0 * G[o0 + k - 3] - x1 * G[o1 + k - 3] - x2 * G[o2 + k - 3]) * invDiag[k - 3]);
      for (let i = k - 7; i < k - 3; i++) z[i] -= x0 * G[o0 + i] + x1 * G[o1 + i] + x2 * G[o2 + i] + x3 * G[o3 + i];
      const x4 = mod(mod(z[k - 4]) * invDiag[k - 4]);
      const x5 = mod(mod(z[k - 5] - x4 * G[o4 + k - 5]) * invDiag[k - 5]);
      const x6 = mod(mod(z[k - 6] - x4 * G[o4 + k - 6] - x5 * G[o5 + k - 6]) * invDiag[k - 6]);
      const x7 = mod(mod(z[k - 7] - x4 * G[o4 + k - 7] - x5 * G[o5 + k - 7] - x6 * G[o6 + k - 7]) * invDiag[k - 7]);
      x[k] = x0;
      x[k - 1] = x1;
      x[k - 2] = x2;
      x[k - 3] = x3;
      x[k - 4] = x4;
      x[k - 5] = x5;
      x[k - 6] = x6;
      x[k - 7] = x7;
      since += 8;
      const lim = k - 7;
      for (let i = 0; i < lim; i++)
        z[i] -=
          x0 * G[o0 + i] +
          x1 * G[o1 + i] +
          x2 * G[o2 + i] +
          x3 * G[o3 + i] +
          x4 * G[o4 + i] +
          x5 * G[o5 + i] +
          x6 * G[o6 + i] +
          x7 * G[o7 + i];
    }
    for (; k >= 3; k -= 4) {
      if (since + 8 > budget) {
        for (let i = 0; i <= k; i++) z[i] = mod(z[i]);
        since = 0;
      }
      const o0 = k * r;
      const o1 = o0 - r;
      const o2 = o1 - r;
      const o3 = o2 - r;
      const x0 = mod(mod(z[k]) * invDiag[k]);
      const x1 = mod(mod(z[k - 1] - x0 * G[o0 + k - 1]) * invDiag[k - 1]);
      const x2 = mod(mod(z[k - 2] - x0 * G[o0 + k - 2] - x1 * G[o1 + k - 2]) * invDiag[k - 2]);
      const x3 = mod(mod(z[k - 3] - x0 * G[o0 + k - 3] - x1 * G[o1 + k - 3] - x2 * G[o2 + k - 3]) * invDiag[k - 3]);
      x[k] = x0;
      x[k - 1] = x1;
      x[k - 2] = x2;
      x[k - 3] = x3;
      since += 4;
      if (x0 === 0 && x1 === 0 && x2 === 0 && x3 === 0) continue;
      const lim = k - 3;
      for (let i = 0; i < lim; i++) z[i] -= x0 * G[o0 + i] + x1 * G[o1 + i] + x2 * G[o2 + i] + x3 * G[o3 + i];
    }
    for (; k >= 0; k--) {
      const xk = mod(mod(z[k]) * invDiag[k]);
      x[k] = xk;
      if (xk === 0) continue;
      const o = k * r;
      for (let i = 0; i < k; i++) z[i] -= xk * G[o + i];
    }
    return x;
  }
}
