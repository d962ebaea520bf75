/**
 * Support reduction (Lemma 4.15 of Babaioff, Feige & Manaker Morag). The paper leaves the method open; this is an exact
 * Carathéodory elimination rather than an LP solver, so every probability stays an exact rational and no solver is
 * needed (spec A10).
 * `reduceSupport` first tries the float-guided, exactly certified reduction (guided-reduction.ts) and falls back to
 * the exact incremental method below when the guess cannot be certified.
 */
import { lcm, Rational } from '../../core/rational';
import { checkTimeBudget } from '../../core/time-budget';
import * as affine from './affine-coordinates';
import { reduceSupportGuided, type GuidedStats, type Guess } from './guided-reduction';
import * as modular from './modular';

// module-level copies: hot loops must not go through the (getter-based) CommonJS import bindings
const P = modular.P;
const INV_P = 1 / P;
const { gcdNum, invmod, liftedCommonDenominator, ratRecon, ratReconBig } = modular;
const { affineCoordinates, affineSupport, sumColumns } = affine;

/** An allocation with its probability. */
export interface WeightedOwner {
  p: Rational;
  owner: Int32Array;
}

class UnluckyPrime extends Error {}

/** An exact dependency phi(v) = sum_q (a_q / L) phi(basis slot q), L > 0. */
interface Dependency {
  slots: number[];
  a: bigint[];
  L: bigint;
}

/**
 * REDUCE (Lemma 4.15): a lottery with the same marginals, support contained in the old support and affinely
 * independent allocation vectors, hence at most (n-1)m + 1 allocations. Exact. Returns the indices kept (ascending),
 * their new probabilities and the number of allocations removed.
 *
 * Default method ("guess with floats, certify exactly", guided-reduction.ts): a floating-point guess of a basis of
 * {p >= 0 : sum_k p_k phi(A_k) = sum_k w_k phi(A_k)}. From d = 400 coordinates on (`REPAIR_MIN_D`): the heaviest
 * independent allocations, found by one blocked dense LU (dense-lu.ts), repaired by dual pivots until the basic
 * solution is >= 0 (basis-repair.ts; two dense triangular solves per pivot). Below, an incremental Carathéodory pass
 * when K < 4d (about K pivots) or a phase-1 simplex otherwise (4d to 8d pivots), O(d^2) flops per pivot. The
 * probabilities on the basis are computed exactly (LU modulo a 22-bit prime with 32-bit float factors, p-adic lifting
 * with rational reconstruction, lifting.ts) and accepted only after exact checks: the columns are independent mod the
 * prime (hence over Q), no probability is negative (zeros are dropped), and sum_q p_q phi(A_q) equals the input's
 * vector in integers (same total, same marginals). If a guess fails, the next one is tried, then the exact incremental
 * method below (`reduceSupportExact`). Floats only choose which allocations to keep; no float ever reaches a
 * probability. Measured by `npm run bench -- tie-mms` ("Support reduction" table of bench/results/tie-mms.md, CPU
 * seconds, on the mixtures of the default bottleneck matching, load average about 4.5): (5, 20) 0.02 s, (8, 32)
 * 0.03 s (exact incremental 2.4 s), (10, 100) 0.67 s (887 -> 811 allocations, d = 813, 9 repair pivots; the canonical
 * matching's 7580 -> 811 in 2.4 s, 663 pivots), (20, 200) 8619 -> 3421 allocations (d = 3423) in 30 s (352 repair
 * pivots, 824 lifting steps; the Carathéodory guess before took 226 s, 7091 pivots of an explicit inverse). The exact
 * probabilities on a basis are B^-1 b, so their common denominator grows with the basis determinant: 46 bits at
 * (5, 20), 212 at (8, 32), 1689 at (10, 100), 8875 at (20, 200) (the mixture's own: 10, 15, 17 and 34 bits); the exact
 * incremental method's vertices have denominators of the same order (46 and 212 bits at (5, 20) and (8, 32)).
 *
 * Exact incremental method (`reduceSupportExact`; the fallback, and the only method before): phi(A) = (1,
 * [owner[x] = i] for the (i, x) coordinates that vary over the support, one agent per good implied), d coordinates. The allocations are scanned once, in input order, keeping a basis B of
 * affinely independent kept vectors with exact weights w_B. For a new vector v with weight w_v:
 *  - mod P (a prime < 2^26, `modular.ts`) a matrix G with G B = [I; 0] (rows: one pivot coordinate per basis slot, the
 *    other coordinates) gives y = G v as a sum of |supp v| <= m + 1 columns of G (v is 0/1): y = (c, u);
 *  - u != 0 (mod P): v is independent (over Q as well); it joins B with its weight; G is updated by one pivot;
 *  - u == 0: v = B c; c is recovered exactly as a / L (common denominator L) and VERIFIED exactly
 *    (sum_b a_b phi(b) == L phi(v) in integers): first by rational reconstruction of each c_b mod P (small
 *    coefficients); otherwise by p-adic (Dixon) lifting on the same G, x_i = G r_i mod P, r_{i+1} = (r_i - B x_i) / P,
 *    reconstructing sum_i x_i P^i modulo P^k with a growing common denominator until it verifies; as a last resort by
 *    exact rational elimination on the support of c. Then the probability moves along the dependency, w_v -= t, w_b += t c_b, with the largest t keeping every
 *    weight >= 0 (exact Rational ratio test, ties keep the basis): either v drops out (t = w_v), or a basis vector b
 *    with c_b < 0 reaches 0 and v takes its slot (one pivot of G on the slot's row, c_b != 0).
 * Every decision (independence, coefficients, ratio test, weights) is exact; the prime only proposes. If the prime is
 * unlucky (a vector independent over Q but dependent mod P, or a zero pivot mod P) the whole reduction falls back to
 * `reduceSupportDense`. Marginals are preserved step by step; at the end the positive weights sit on basis vectors,
 * hence on affinely independent ones.
 *
 * Cost, with K allocations, d coordinates, r <= d the rank and s = |supp v| <= m + 1: per allocation O(d s) additions
 * (y) plus O(|c| s) for the exact check and |c| Rational updates (cross-multiplied ratio test); per basis change one
 * pivot, O(|y| r) modular multiplications; per dependency whose coefficients exceed sqrt(P/2), O(d^2) modular
 * multiplications per Dixon step, about bits(c)/26 steps. On the tie-mms mixtures the coefficients c are dense in the
 * basis with about 2 bits per coordinate, so the total is about (K - r) d^3 / 13 modular operations plus
 * (K - r) d Rational updates of growing size: this dominates beyond d ~ 200. Measured by `npm run bench -- tie-mms`
 * ("Support reduction" table of bench/results/tie-mms.md, CPU, canonical matching's mixtures): (5, 20) 0.15 s against
 * 7.90 s for the dense tableau (`reduceSupportDense`) on the same mixture, (6, 24) 0.73 s, (8, 32) 10.1 s.
 */
export function reduceSupport(
  entries: readonly WeightedOwner[],
  n: number,
  opts: ReduceSupportOptions = {},
): { kept: number[]; p: Rational[]; removed: number } {
  const K = entries.length;
  if (K <= 1) return { kept: entries.map((_, k) => k), p: entries.map((e) => e.p), removed: 0 };
  if (opts.method !== 'exact') {
    const g = reduceSupportGuided(entries, n, opts.stats, opts.guesses);
    if (g) return g;
    if (opts.method === 'guided') throw new GuidedReductionFailed(opts.stats?.failure ?? 'guided reduction failed');
  }
  return reduceSupportExact(entries, n);
}

/** Options of `reduceSupport`. */
export interface ReduceSupportOptions {
  /**
   * `auto` (default): the float-guided reduction, certified exactly, then the exact incremental method if the guess
   * could not be certified; `guided`: the guided reduction only (throws `GuidedReductionFailed` when it cannot certify
   * its guess); `exact`: the incremental method only.
   */
  method?: 'auto' | 'guided' | 'exact';
  /** Filled with the guided run's statistics (sizes, timings, denominator bits, failure reason). */
  stats?: Partial<GuidedStats>;
  /** Float guesses tried in turn by the guided reduction (default: simplex, then Carathéodory). */
  guesses?: readonly Guess[];
}

/** The guided reduction could not certify its float guess (only with `method: 'guided'`). */
export class GuidedReductionFailed extends Error {
  constructor(readonly reason: string) {
    super(`guided support reduction: ${reason}`);
    this.name = 'GuidedReductionFailed';
  }
}

/** The exact incremental reduction alone (the fallback of `reduceSupport`; its documentation above). */
export function reduceSupportExact(
  entries: readonly WeightedOwner[],
  n: number,
): { kept: number[]; p: Rational[]; removed: number } {
  const K = entries.length;
  if (K <= 1) return { kept: entries.map((_, k) => k), p: entries.map((e) => e.p), removed: 0 };
  try {
    return incremental(entries, n);
  } catch (e) {
    if (!(e instanceof UnluckyPrime)) throw e;
    return reduceSupportDense(entries, n);
  }
}

function incremental(entries: readonly WeightedOwner[], n: number): { kept: number[]; p: Rational[]; removed: number } {
  const K = entries.length;
  const ac = affineCoordinates(entries, n);
  const d = ac.d;

  // basis state
  const slotEntry = new Int32Array(d);
  const slotRow = new Int32Array(d);
  const slotSupp: Int32Array[] = [];
  const rowSlot = new Int32Array(d).fill(-1);
  const w: Rational[] = [];
  let r = 0;
  const cols: (Float64Array | undefined)[] = new Array(d); // columns of G for pivot coordinates; others are unit
  const pivotCols: number[] = [];
  const y = new Float64Array(d);
  const yNz: number[] = [];
  const acc = new Float64Array(d);
  const rec = new Float64Array(2);
  const cNum: number[] = [];
  const cDen: number[] = [];
  const cSlots: number[] = [];

  const pivot = (j: number): void => {
    // row operation making y = e_j: row j /= y_j, row i -= y_i * row j
    if (!cols[j]) {
      const c = new Float64Array(d);
      c[j] = 1;
      cols[j] = c;
      pivotCols.push(j);
    }
    const inv = invmod(y[j]);
    const others = yNz.filter((i) => i !== j);
    const ys = others.map((i) => y[i]);
    for (const col of pivotCols) {
      const G = cols[col]!;
      const g = G[j];
      if (g === 0) continue;
      const gj = modular.mulmod(g, inv);
      G[j] = gj;
      for (let q = 0; q < others.length; q++) {
        const i = others[q];
        const x = ys[q] * gj; // exact (< 2^52)
        let v = G[i] - (x - Math.floor(x * INV_P) * P);
        if (v < 0) v += P;
        else if (v >= P) v -= P;
        G[i] = v;
      }
    }
  };

  for (let k = 0; k < K; k++) {
    if ((k & 63) === 0) checkTimeBudget('support reduction (exact incremental)');
    const wv0 = entries[k].p;
    if (wv0.sign() <= 0) continue;
    const s = affineSupport(entries[k].owner, ac);
    // y = G phi(v) mod P (reduced below)
    sumColumns(y, s, cols, d);
    yNz.length = 0;
    let j = -1;
    for (let i = 0; i < d; i++) {
      let v = y[i];
      if (v === 0) continue;
      if (v >= P) {
        v %= P;
        y[i] = v;
        if (v === 0) continue;
      }
      yNz.push(i);
      if (j < 0 && rowSlot[i] < 0) j = i;
    }
    if (j >= 0) {
      // independent: new slot
      pivot(j);
      slotEntry[r] = k;
      slotRow[r] = j;
      slotSupp[r] = s;
      rowSlot[j] = r;
      w[r] = wv0;
      r++;
      continue;
    }
    // dependent mod P: c_b = y[row of b]; exact c = ca / cL on the slots cs, verified
    cSlots.length = 0;
    cNum.length = 0;
    cDen.length = 0;
    let ok = true;
    for (const i of yNz) {
      const b = rowSlot[i];
      cSlots.push(b);
      if (ok && ratRecon(y[i], rec)) {
        cNum.push(rec[0]);
        cDen.push(rec[1]);
      } else ok = false;
    }
    let dep: Dependency | null = null;
    if (ok) {
      const L = verify(s);
      if (L > 0) dep = { slots: cSlots.slice(), a: cNum.map((x, q) => BigInt(x * (L / cDen[q]))), L: BigInt(L) };
    }
    if (!dep) {
      dep = dixon(s);
      if (!dep) {
        const c = exactSolve(
          cSlots.map((b) => slotSupp[b]),
          s,
        );
        if (!c) throw new UnluckyPrime(); // independent over Q although dependent mod P
        let L = 1n;
        for (const x of c) L = lcm(L, x.den);
        dep = { slots: cSlots.slice(), a: c.map((x) => x.num * (L / x.den)), L };
      }
    }
    // ratio test (exact, cross-multiplied): w_v - t >= 0, w_b + t c_b >= 0 with c_b = a_b / L
    let tn = wv0.num;
    let td = wv0.den;
    let leave = -1;
    const { slots: cs, a: ca, L: cL } = dep;
    for (let q = 0; q < cs.length; q++) {
      const aq = ca[q];
      if (aq >= 0n) continue;
      const wb = w[cs[q]];
      // ratio = wb.num * L / (wb.den * -aq) < tn / td
      const rn = wb.num * cL;
      const rd = wb.den * -aq;
      if (rn * td < tn * rd) {
        tn = rn;
        td = rd;
        leave = q;
      }
    }
    if (tn !== 0n) {
      const tdL = td * cL;
      for (let q = 0; q < cs.length; q++) {
        const aq = ca[q];
        if (aq === 0n) continue;
        const wb = w[cs[q]];
        w[cs[q]] = new Rational(wb.num * tdL + tn * aq * wb.den, wb.den * tdL);
      }
    }
    const t = new Rational(tn, td);
    if (leave < 0) {
      continue;
    }
    const b = cs[leave];
    const row = slotRow[b];
    if (y[row] === 0) throw new UnluckyPrime();
    pivot(row);
    slotEntry[b] = k;
    slotSupp[b] = s;
    w[b] = wv0.sub(t);
  }
  const out: [number, Rational][] = [];
  for (let b = 0; b < r; b++) if (w[b].sign() > 0) out.push([slotEntry[b], w[b]]);
  out.sort((a, b) => a[0] - b[0]);
  return { kept: out.map((e) => e[0]), p: out.map((e) => e[1]), removed: K - out.length };

  /**
   * Exact c with B c = phi(v) by p-adic (Dixon) lifting on G: x_i = G r_i mod P, r_{i+1} = (r_i - B x_i) / P, c = rational
   * reconstruction of sum_i x_i P^i, accepted only after an exact check. Null when it does not converge in time.
   */
  function dixon(s: Int32Array): Dependency | null {
    const res = new Float64Array(d); // r_i, small integers
    for (const z of s) res[z] = 1;
    const digits: Float64Array[] = []; // x_i (per slot), c = sum_i x_i P^i
    const PB = BigInt(P);
    let pk = 1n;
    let probe = -1;
    let probeX = 0n;
    let last: { num: bigint; den: bigint } | null = null;
    const yy = new Float64Array(d);
    const assemble = (): bigint[] => {
      const X = new Array<bigint>(r).fill(0n);
      for (let b = 0; b < r; b++) {
        let x = 0n;
        for (let i = digits.length - 1; i >= 0; i--) x = x * PB + BigInt(digits[i][b]);
        X[b] = x;
      }
      return X;
    };
    let exactInteger = false;
    for (let it = 0; it < 4000; it++) {
      checkTimeBudget('support reduction (p-adic lifting)');
      // yy = G res mod P
      yy.fill(0);
      let any = false;
      for (let col = 0; col < d; col++) {
        const a0 = res[col];
        if (a0 === 0) continue;
        any = true;
        let a = a0 % P;
        if (a < 0) a += P;
        const G = cols[col];
        if (!G) {
          yy[col] = (yy[col] + a) % P;
          continue;
        }
        for (let i = 0; i < d; i++) {
          const g = G[i];
          if (g === 0) continue;
          const x = a * g;
          let v = yy[i] + (x - Math.floor(x * INV_P) * P);
          if (v >= P) v -= P;
          else if (v < 0) v += P;
          yy[i] = v;
        }
      }
      if (!any) {
        exactInteger = true; // res = 0: c = sum_i x_i P^i is an exact integer solution
        break;
      }
      for (let i = 0; i < d; i++) if (yy[i] !== 0 && rowSlot[i] < 0) return null; // not in the span mod P
      // res = (res - B x) / P ; record x
      const xs = new Float64Array(r);
      for (let b = 0; b < r; b++) {
        const xb = yy[slotRow[b]];
        if (xb === 0) continue;
        xs[b] = xb;
        const sb = slotSupp[b];
        for (let z = 0; z < sb.length; z++) res[sb[z]] -= xb;
      }
      digits.push(xs);
      for (let col = 0; col < d; col++) if (res[col] !== 0) res[col] /= P; // exact: res = 0 mod P
      if (probe < 0) probe = xs.findIndex((x) => x !== 0);
      if (probe < 0) {
        pk *= PB;
        continue;
      }
      probeX += BigInt(xs[probe]) * pk;
      pk *= PB;
      const q = ratReconBig(probeX, pk);
      if (!q || !last || q.num !== last.num || q.den !== last.den) {
        last = q;
        continue;
      }
      const c = liftedCommonDenominator(assemble(), pk, q.den);
      if (c) {
        const dep = sparseDependency(c.a, c.L);
        if (verifyExact(dep, s)) return dep;
      }
    }
    if (!exactInteger) return null;
    const dep = sparseDependency(assemble(), 1n);
    return verifyExact(dep, s) ? dep : null;
  }

  function verifyExact(dep: Dependency, s: Int32Array): boolean {
    const accB = new Map<number, bigint>();
    for (const z of s) accB.set(z, -dep.L);
    for (let q = 0; q < dep.slots.length; q++) {
      const e = dep.a[q];
      for (const z of slotSupp[dep.slots[q]]) accB.set(z, (accB.get(z) ?? 0n) + e);
    }
    for (const v of accB.values()) if (v !== 0n) return false;
    return true;
  }

  /** Exact check of phi(v) = sum_b c_b phi(b) for the reconstructed c (scaled to integers; exact in doubles): the common denominator, or 0. */
  function verify(s: Int32Array): number {
    let L = 1;
    for (const den of cDen) {
      L = (L / gcdNum(L, den)) * den;
      if (L > 2 ** 30) return 0;
    }
    let total = L * s.length;
    const coef = cNum.map((a, q) => a * (L / cDen[q]));
    for (let q = 0; q < coef.length; q++) total += Math.abs(coef[q]) * slotSupp[cSlots[q]].length;
    if (total >= 2 ** 52) return 0;
    for (let q = 0; q < coef.length; q++) {
      const e = coef[q];
      if (e === 0) continue;
      const sb = slotSupp[cSlots[q]];
      for (let z = 0; z < sb.length; z++) acc[sb[z]] += e;
    }
    for (let z = 0; z < s.length; z++) acc[s[z]] -= L;
    let good = true;
    for (let q = 0; q < coef.length; q++) {
      const sb = slotSupp[cSlots[q]];
      for (let z = 0; z < sb.length; z++) {
        if (acc[sb[z]] !== 0) good = false;
        acc[sb[z]] = 0;
      }
    }
    for (let z = 0; z < s.length; z++) {
      if (acc[s[z]] !== 0) good = false;
      acc[s[z]] = 0;
    }
    return good ? L : 0;
  }
}

/** The dependency (a / L on the slots where a != 0) of a dense coefficient vector a over the basis slots. */
function sparseDependency(a: readonly bigint[], L: bigint): Dependency {
  const slots: number[] = [];
  const nz: bigint[] = [];
  for (let b = 0; b < a.length; b++) {
    if (a[b] !== 0n) {
      slots.push(b);
      nz.push(a[b]);
    }
  }
  return { slots, a: nz, L };
}

/**
 * Exact solution c of sum_q c_q phi(B_q) = phi(v) (0/1 vectors given by their supports), or null when there is none.
 * Rational Gauss-Jordan on the coordinates touched; the columns are independent, so a solution is unique.
 */
function exactSolve(basis: readonly Int32Array[], v: Int32Array): Rational[] | null {
  const rowsMap = new Map<number, number>();
  const rowOf = (c: number) => {
    let r = rowsMap.get(c);
    if (r === undefined) {
      r = rowsMap.size;
      rowsMap.set(c, r);
    }
    return r;
  };
  for (const b of basis) for (const c of b) rowOf(c);
  for (const c of v) rowOf(c);
  const R = rowsMap.size;
  const C = basis.length;
  const A: Rational[][] = Array.from({ length: R }, () => new Array<Rational>(C + 1).fill(Rational.ZERO));
  basis.forEach((b, q) => {
    for (const c of b) A[rowOf(c)][q] = Rational.ONE;
  });
  for (const c of v) A[rowOf(c)][C] = Rational.ONE;
  const pivRow: number[] = [];
  let row = 0;
  for (let q = 0; q < C && row < R; q++) {
    checkTimeBudget('support reduction (exact elimination)');
    let piv = -1;
    for (let i = row; i < R; i++)
      if (!A[i][q].isZero()) {
        piv = i;
        break;
      }
    if (piv < 0) return null; // dependent basis: cannot happen
    [A[row], A[piv]] = [A[piv], A[row]];
    const inv = A[row][q].inv();
    for (let z = q; z <= C; z++) if (!A[row][z].isZero()) A[row][z] = A[row][z].mul(inv);
    for (let i = 0; i < R; i++) {
      if (i === row) continue;
      const f = A[i][q];
      if (f.isZero()) continue;
      for (let z = q; z <= C; z++) if (!A[row][z].isZero()) A[i][z] = A[i][z].sub(f.mul(A[row][z]));
    }
    pivRow[q] = row;
    row++;
  }
  for (let i = row; i < R; i++) if (!A[i][C].isZero()) return null;
  return pivRow.map((rw) => A[rw][C]);
}

/**
 * The original dense reduction, kept as the exact fallback of `reduceSupport` (and as a reference in the tests).
 * Cost about (coordinates x allocations x rank) exact operations with growing denominators.
 *
 * Method: phi(A) = (1, [owner[x] = i] for the (i, x) coordinates that vary over the support, one agent per good
 * implied). One exact RREF of the coordinates x allocations matrix gives every free column as a combination of the
 * pivot columns; each free column c in turn is a dependency lambda (lambda_c = 1, lambda_b = -R[b][c]); moving
 * probability along it, p <- p - t * lambda with the largest t keeping p >= 0, zeroes c or a basic column; in the latter
 * case c enters the basis by one pivot. At the end the positive columns are basic, hence independent. Returns the
 * indices kept (ascending) and their new probabilities.
 */
export function reduceSupportDense(
  entries: readonly WeightedOwner[],
  n: number,
): { kept: number[]; p: Rational[]; removed: number } {
  const K = entries.length;
  if (K <= 1) return { kept: entries.map((_, k) => k), p: entries.map((e) => e.p), removed: 0 };
  const m = entries[0].owner.length;
  // coordinates: for each good, the agents owning it somewhere in the support except the largest (implied)
  const coords: [number, number][] = [];
  for (let x = 0; x < m; x++) {
    const owners = new Set<number>();
    for (const e of entries) owners.add(e.owner[x]);
    if (owners.size < 2) continue;
    const sorted = [...owners].sort((a, b) => a - b);
    sorted.pop();
    for (const i of sorted) coords.push([i, x]);
  }
  void n;
  const d = coords.length + 1;
  // dense tableau rows = coordinates, columns = allocations
  const T: Rational[][] = [];
  T.push(new Array<Rational>(K).fill(Rational.ONE));
  for (const [i, x] of coords) T.push(entries.map((e) => (e.owner[x] === i ? Rational.ONE : Rational.ZERO)));
  // RREF
  const pivotCol: number[] = []; // pivotCol[row] = column
  const isBasic = new Int32Array(K).fill(-1); // column -> row
  let row = 0;
  for (let c = 0; c < K && row < d; c++) {
    checkTimeBudget('support reduction (dense elimination)');
    let piv = -1;
    for (let r = row; r < d; r++)
      if (!T[r][c].isZero()) {
        piv = r;
        break;
      }
    if (piv < 0) continue;
    [T[row], T[piv]] = [T[piv], T[row]];
    pivotRow(T, row, c);
    pivotCol.push(c);
    isBasic[c] = row;
    row++;
  }
  const rank = row;
  T.length = rank;
  const p = entries.map((e) => e.p);
  const alive = new Uint8Array(K).fill(1);
  for (let c = 0; c < K; c++) {
    checkTimeBudget('support reduction (dense elimination)');
    if (isBasic[c] >= 0 || !alive[c]) continue;
    // dependency: phi_c - sum_r T[r][c] phi_{pivotCol[r]} = 0
    let t = p[c];
    let argRow = -1;
    for (let r = 0; r < rank; r++) {
      const coef = T[r][c];
      if (coef.sign() >= 0) continue; // lambda_b = -coef > 0 only when coef < 0
      const b = pivotCol[r];
      const ratio = p[b].div(coef.neg());
      if (ratio.lt(t)) {
        t = ratio;
        argRow = r;
      }
    }
    if (t.isZero() && argRow < 0) {
      alive[c] = 0;
      continue;
    }
    p[c] = p[c].sub(t);
    for (let r = 0; r < rank; r++) {
      const coef = T[r][c];
      if (coef.isZero()) continue;
      const b = pivotCol[r];
      p[b] = p[b].add(t.mul(coef));
    }
    if (argRow < 0) {
      p[c] = Rational.ZERO;
      alive[c] = 0;
      continue;
    }
    // basic column pivotCol[argRow] leaves (p = 0), c enters
    const leaving = pivotCol[argRow];
    p[leaving] = Rational.ZERO;
    alive[leaving] = 0;
    isBasic[leaving] = -1;
    pivotRow(T, argRow, c);
    pivotCol[argRow] = c;
    isBasic[c] = argRow;
  }
  const kept: number[] = [];
  const pk: Rational[] = [];
  for (let k = 0; k < K; k++)
    if (alive[k] && p[k].sign() > 0) {
      kept.push(k);
      pk.push(p[k]);
    }
  return { kept, p: pk, removed: K - kept.length };
}

function pivotRow(T: Rational[][], row: number, c: number): void {
  const K = T[row].length;
  const inv = T[row][c].inv();
  if (!inv.eq(1)) for (let k = 0; k < K; k++) if (!T[row][k].isZero()) T[row][k] = T[row][k].mul(inv);
  const pr = T[row];
  const nz: number[] = [];
  for (let k = 0; k < K; k++) if (!pr[k].isZero()) nz.push(k);
  for (let r = 0; r < T.length; r++) {
    if (r === row) continue;
    const f = T[r][c];
    if (f.isZero()) continue;
    const tr = T[r];
    for (const k of nz) tr[k] = tr[k].sub(f.mul(pr[k]));
  }
}
export type { GuidedStats, Guess } from './guided-reduction';
