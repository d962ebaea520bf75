/**
 * Support reduction (Lemma 4.15 of Babaioff, Feige & Manaker Morag), "guess with floats, certify exactly": a
 * floating-point guess proposes a basis of allocations (the repaired greedy basis of basis-repair.ts, a phase-1
 * simplex or a Carathéodory pass, see `defaultGuesses`); exact modular arithmetic (`probabilitiesOnBasis`: LU modulo a
 * 22-bit prime in dense-lu.ts, p-adic lifting and rational reconstruction in lifting.ts) computes the probabilities on
 * it; exact checks accept or reject the result (independent columns mod the prime, hence over Q; every probability >=
 * 0, the zeros dropped; the same vector sum_k p_k phi(A_k) in integers, i.e. the same total and the same marginals).
 * Used by `reduceSupport` (support-reduction.ts), which falls back to its exact incremental method whenever this
 * returns null. Floats only choose which allocations to keep: a wrong guess is rejected, never returned.
 */
import { gcd, lcm, Rational } from '../../core/rational';
import { checkTimeBudget } from '../../core/time-budget';
import * as affine from './affine-coordinates';
import { repairedBasis } from './basis-repair';
import { DENSE_MAX_D, ModularLu } from './dense-lu';
import { liftedSolve } from './lifting';

// module-level copies: hot loops must not go through the (getter-based) CommonJS import bindings
const { affineCoordinates, affineSupport, sumColumns } = affine;

/** An allocation with its probability (same shape as support-reduction's WeightedOwner). */
interface Weighted {
  p: Rational;
  owner: Int32Array;
}

/** Statistics of one guided run (bench and tests). */
export interface GuidedStats {
  /** Coordinates of phi (1 + varying (agent, good) pairs). */
  d: number;
  /** Rank found (basis slots at the end of the float phase). */
  rank: number;
  /** Basis changes (pivots) of the float phase. */
  pivots: number;
  /** p-adic lifting steps of the exact solve. */
  liftSteps: number;
  /** Bit length of the common denominator of the reduced probabilities. */
  denBits: number;
  /** Milliseconds: float phase, exact phase (LU mod Q and lifting), of which the LU mod Q, exact check. */
  msFloat: number;
  msExact: number;
  msModularLu: number;
  msCheck: number;
  /** Why the guided run gave up (null when it succeeded). */
  failure: string | null;
  /** Phase-1 simplex iterations (simplex guess). */
  simplexIterations: number;
  /** Float guesses tried (1, or 2 when the first could not be certified), and the last one. */
  attempts: number;
  guess: Guess;
}

export interface GuidedResult {
  kept: number[];
  p: Rational[];
  removed: number;
}

/**
 * The guided reduction. Returns null (and sets stats.failure) when the float guess cannot be certified; the caller
 * then runs an exact method. A non-null result is exact: every probability > 0, the same total and the same marginals
 * as `entries` (checked in integers), indices of original entries only, affinely independent vectors (independent
 * modulo a prime, hence over Q), so at most (n-1)m + 1 of them.
 */
export function reduceSupportGuided(
  entries: readonly Weighted[],
  n: number,
  stats?: Partial<GuidedStats>,
  guesses: readonly Guess[] = defaultGuesses(entries, n),
): GuidedResult | null {
  const st: Partial<GuidedStats> = stats ?? {};
  const failures: string[] = [];
  for (let a = 0; a < guesses.length; a++) {
    checkTimeBudget('support reduction');
    const res = guidedOnce(entries, n, guesses[a], st);
    st.attempts = a + 1;
    st.guess = guesses[a];
    if (res) return res;
    failures.push(`${guesses[a]}: ${st.failure}`);
    if (st.failure?.startsWith('not applicable')) break;
  }
  st.failure = failures.join('; ');
  return null;
}

/**
 * [DECISION] The guesses in turn. From d = REPAIR_MIN_D coordinates on, the repaired greedy basis (basis-repair.ts: one
 * LU of about d x d plus O(d^2) per repair pivot; 9 pivots at (10, 100), 352 at (20, 200)) comes first. Below,
 * and as fallbacks, the two older guesses: the Carathéodory pass (about K pivots of O(d^2)) first when K < 4d, the
 * phase-1 simplex (4d to 8d pivots) otherwise; they take at most 0.15 s up to d = 169 and keep the lotteries of the
 * worked examples (and of every small instance) as they were. Measured by `npm run bench -- tie-mms`.
 */
const REPAIR_MIN_D = 400;

function defaultGuesses(entries: readonly Weighted[], n: number): Guess[] {
  const d = entries.length ? affineCoordinates(entries, n).d : 1;
  const older: Guess[] = entries.length < 4 * d ? ['caratheodory', 'simplex'] : ['simplex', 'caratheodory'];
  return d >= REPAIR_MIN_D ? ['repair', ...older] : [...older, 'repair'];
}

/**
 * How the float phase guesses a basis (`defaultGuesses` orders them): the repaired greedy basis (basis-repair.ts: 9
 * repair pivots at (10, 100), 352 at (20, 200)), a phase-1 simplex (4.4d to 4.9d pivots at (10, 100), 8d at (20, 200)
 * on the canonical matching's mixtures) or an incremental Carathéodory pass (one pivot per eliminated allocation, about
 * K; less robust to ties).
 */
export type Guess = 'repair' | 'simplex' | 'caratheodory';

function guidedOnce(
  entries: readonly Weighted[],
  n: number,
  guess: Guess,
  st: Partial<GuidedStats>,
): GuidedResult | null {
  st.failure = null;
  const fail = (why: string): null => {
    st.failure = why;
    return null;
  };
  const K = entries.length;
  if (K < 2 || entries.some((e) => e.p.sign() <= 0)) return fail('not applicable');
  let t0 = Date.now();
  const ac = affineCoordinates(entries, n);
  const d = ac.d;
  st.d = d;
  if (d > DENSE_MAX_D) return fail(`not applicable: ${d} coordinates, beyond the dense factorizations' ${DENSE_MAX_D}`);
  const supp: Int32Array[] = new Array(K);
  for (let k = 0; k < K; k++) supp[k] = affineSupport(entries[k].owner, ac);

  // ---- float phase: a basis guess, doubles only ----
  const wf = entries.map((e) => e.p.toNumber());
  let slotEntry: number[];
  if (guess === 'repair') {
    const g = repairedBasis(d, supp, wf, st);
    if ('failure' in g) return fail(g.failure);
    slotEntry = g.slotEntry;
  } else {
    const f = guess === 'simplex' ? simplexPhase(d, supp, wf, st) : floatPhase(d, supp, wf, st);
    if (!f) return fail(guess === 'simplex' ? 'the simplex did not reach a feasible basis' : 'unusable pivot');
    slotEntry = f.slotEntry;
  }
  st.msFloat = Date.now() - t0;
  return probabilitiesOnBasis(entries, d, supp, slotEntry, st);
}

/**
 * The exact phase of the guided reduction: the probabilities on a proposed basis (`slotEntry`, indices into `entries`,
 * whose affine coordinates are `supp`, d of them), computed exactly (LU modulo Q, p-adic lifting) and accepted only
 * when the basis is independent modulo Q (hence over Q), the probabilities reproduce the input's total and marginals
 * exactly, and none is negative; otherwise null, with the reason in st.failure. Entries of probability 0 are dropped.
 */
export function probabilitiesOnBasis(
  entries: readonly { p: Rational }[],
  d: number,
  supp: readonly Int32Array[],
  slotEntry: readonly number[],
  st: Partial<GuidedStats>,
): GuidedResult | null {
  st.failure = null;
  const fail = (why: string): null => {
    st.failure = why;
    return null;
  };
  const K = entries.length;
  const r = slotEntry.length;
  // ---- the probabilities on the r basis slots, by p-adic lifting on an LU factorization mod Q ----
  let t0 = Date.now();
  // target b = T * (sum_k p_k phi(A_k)), integers; T = common denominator of the input probabilities
  let T = 1n;
  for (const e of entries) T = lcm(T, e.p.den);
  const target = new Array<bigint>(d).fill(0n);
  for (let k = 0; k < K; k++) {
    const p = entries[k].p;
    const a = p.num * (T / p.den);
    for (const z of supp[k]) target[z] += a;
  }
  const LIM = BigInt(2 ** 50);
  for (const v of target) if (v > LIM || v < -LIM) return fail('target too large for the double-based lifting');
  const columns = slotEntry.map((k) => supp[k]);
  const lu = ModularLu.factor(d, columns, Q);
  st.msModularLu = Date.now() - t0;
  if (!lu) return fail('float basis dependent mod Q');
  const lifted = liftedSolve(lu, columns, target);
  st.liftSteps = lifted.steps;
  st.msExact = Date.now() - t0;
  if ('failure' in lifted) return fail(lifted.failure);

  // ---- exact check: positivity (the equations were checked by the lifting, independence by the LU mod Q) ----
  t0 = Date.now();
  const { a, L } = lifted;
  const kept: number[] = [];
  const num: bigint[] = [];
  let negatives = 0;
  for (let q = 0; q < r; q++) {
    if (a[q] < 0n) negatives++;
    else if (a[q] > 0n) {
      kept.push(q);
      num.push(a[q]);
    }
  }
  if (negatives) return fail(`${negatives} negative probabilities on the float basis`);
  const LT = L * T; // a / L solves B c = target = T * (the marginal vector), so p = a / (L T)
  // the common denominator of the reduced probabilities: LT / gcd(LT, every numerator) (the gcd is 1 after a few steps)
  let g = LT;
  for (const x of num) if (g !== 1n) g = gcd(g, x);
  st.denBits = (LT / g).toString(2).length;
  const out = kept.map((q, z) => [slotEntry[q], new Rational(num[z], LT)] as [number, Rational]);
  out.sort((x, y) => x[0] - y[0]);
  st.msCheck = Date.now() - t0;
  return { kept: out.map((e) => e[0]), p: out.map((e) => e[1]), removed: K - out.length };
}

/**
 * The float guess: incremental Carathéodory in doubles. The kept vectors' inverse G (G B = [I; 0] up to a row
 * permutation, only the columns of pivot coordinates stored) is updated by one pivot per basis change; for each new
 * vector v, y = G phi(v) is either independent (a non-basis row of y is clearly nonzero) or gives the dependency
 * phi(v) = sum_b y_b phi(b), along which the weight moves with a Harris ratio test. Returns the basis (entry indices)
 * with float weights, or null when a pivot is numerically unusable.
 */
function floatPhase(
  d: number,
  supp: readonly Int32Array[],
  wIn: readonly number[],
  st: Partial<GuidedStats>,
): { slotEntry: number[]; w: number[] } | null {
  const slotEntry: number[] = [];
  const slotRow: number[] = [];
  const rowSlot = new Int32Array(d).fill(-1);
  const w: number[] = [];
  const cols: (Float64Array | undefined)[] = new Array(d);
  const pivotCols: number[] = [];
  const y = new Float64Array(d);
  let scale = 0;
  for (const x of wIn) if (x > scale) scale = x;
  const tol = 1e-12 * scale;
  let pivots = 0;
  for (let k = 0; k < supp.length; k++) {
    if ((k & 63) === 0) checkTimeBudget('support reduction (Carathéodory guess)');
    const wv = wIn[k];
    if (!(wv > 0)) return null;
    sumColumns(y, supp[k], cols, d);
    let best = 0;
    let j = -1;
    let ymax = 0;
    for (let i = 0; i < d; i++) {
      const a = Math.abs(y[i]);
      if (a > ymax) ymax = a;
      if (rowSlot[i] < 0 && a > best) {
        best = a;
        j = i;
      }
    }
    if (best > 1e-8 * Math.max(1, ymax)) {
      if (best < 1e-6) return null;
      pivotInverse(cols, pivotCols, y, j, d);
      pivots++;
      rowSlot[j] = slotEntry.length;
      slotEntry.push(k);
      slotRow.push(j);
      w.push(wv);
      continue;
    }
    // dependent: phi(v) = sum_b c_b phi(b), c_b = y[row of b]; move t along it (Harris ratio test)
    const r = slotEntry.length;
    let tmin = wv + tol;
    for (let b = 0; b < r; b++) {
      const c = y[slotRow[b]];
      if (c >= 0) continue;
      const rt = (Math.max(w[b], 0) + tol) / -c;
      if (rt < tmin) tmin = rt;
    }
    let leave = -1;
    let bestC = 0;
    for (let b = 0; b < r; b++) {
      const c = y[slotRow[b]];
      if (c >= 0) continue;
      if (Math.max(w[b], 0) / -c <= tmin && -c > bestC) {
        bestC = -c;
        leave = b;
      }
    }
    let t = wv;
    if (leave >= 0) {
      const rt = Math.max(w[leave], 0) / bestC;
      if (rt < wv) t = rt;
      else leave = -1;
    }
    for (let b = 0; b < r; b++) {
      const c = y[slotRow[b]];
      if (c !== 0) w[b] += t * c;
    }
    if (leave < 0) continue;
    pivotInverse(cols, pivotCols, y, slotRow[leave], d);
    pivots++;
    slotEntry[leave] = k;
    w[leave] = wv - t;
  }
  st.rank = slotEntry.length;
  st.pivots = pivots;

  return { slotEntry, w };
}

/**
 * One pivot of the explicit inverse G (d x d, stored by columns: `cols[c]` undefined is the unit column e_c, `pivotCols`
 * lists the stored ones) on row j for the entering vector's y = G v: row j /= y_j, row i -= y_i * row j, in doubles.
 * Clobbers y[j].
 */
function pivotInverse(
  cols: (Float64Array | undefined)[],
  pivotCols: number[],
  y: Float64Array,
  j: number,
  d: number,
): void {
  if (!cols[j]) {
    const c = new Float64Array(d);
    c[j] = 1;
    cols[j] = c;
    pivotCols.push(j);
  }
  const inv = 1 / y[j];
  y[j] = 0;
  for (let q = 0; q < pivotCols.length; q++) {
    const C = cols[pivotCols[q]]!;
    const g = C[j];
    if (g === 0) continue;
    const gj = g * inv;
    for (let i = 0; i < d; i++) C[i] -= y[i] * gj;
    C[j] = gj;
  }
}

/**
 * The lifting prime: the largest prime below 2^22, so that the LU factors fit 32-bit floats and `delayBudget(Q)` = 512
 * products of residues add up exactly in a double (dense-lu.ts).
 */
export const Q = 4194301;

/**
 * The float guess by a phase-1 simplex: minimize the sum of d artificial variables subject to
 * sum_k p_k phi(A_k) + art = b, p, art >= 0, where b = sum_k w_k phi(A_k) (feasible with art = 0). Starts from the
 * artificial basis (G = I), Dantzig pricing over windows of columns, Harris ratio test, explicit inverse G updated by one
 * pivot per iteration (same layout as `floatPhase`), duals updated from the leaving row of G. At the optimum (sum of
 * artificials ~ 0) the structural basic columns are a basis guess for the exact phase. 4.4d iterations at (10, 100), 8d at
 * (20, 200), instead of one per eliminated allocation (K - d). Null when it stalls or ends infeasible (numerically).
 */
function simplexPhase(
  d: number,
  supp: readonly Int32Array[],
  wIn: readonly number[],
  st: Partial<GuidedStats>,
): { slotEntry: number[] } | null {
  const K = supp.length;
  const b = new Float64Array(d);
  let scale = 0;
  for (let k = 0; k < K; k++) {
    const s = supp[k];
    for (let q = 0; q < s.length; q++) b[s[q]] += wIn[k];
  }
  for (let i = 0; i < d; i++) if (b[i] > scale) scale = b[i];
  const tolP = 1e-11 * scale; // primal feasibility (Harris)
  const tolD = 1e-9; // reduced costs (costs are 0/1)
  const rowVar = new Int32Array(d).fill(-1); // structural variable basic at this pivot row, -1 = the row's artificial
  const inBasis = new Uint8Array(K);
  const x = Float64Array.from(b);
  const pi = new Float64Array(d).fill(1);
  const cols: (Float64Array | undefined)[] = new Array(d);
  const pivotCols: number[] = [];
  const y = new Float64Array(d);
  const rowL = new Float64Array(d);
  let pivots = 0;
  const objective = (): number => {
    let o = 0;
    for (let i = 0; i < d; i++) if (rowVar[i] < 0) o += x[i];
    return o;
  };
  const refresh = (): void => {
    // x = G b and pi = sum over artificial rows of row_i(G), from scratch (drift control)
    x.fill(0);
    for (let col = 0; col < d; col++) {
      const bc = b[col];
      if (bc === 0) continue;
      const C = cols[col];
      if (!C) x[col] += bc;
      else for (let i = 0; i < d; i++) x[i] += C[i] * bc;
    }
    pi.fill(0);
    for (let col = 0; col < d; col++) {
      const C = cols[col];
      if (!C) {
        if (rowVar[col] < 0) pi[col] = 1;
        continue;
      }
      let v = 0;
      for (let i = 0; i < d; i++) if (rowVar[i] < 0) v += C[i];
      pi[col] = v;
    }
  };
  const window = Math.max(64, Math.ceil(K / 8));
  let start = 0;
  const maxIter = 20 * d + 1000;
  let iter = 0;
  for (; iter < maxIter; iter++) {
    checkTimeBudget('support reduction (simplex guess)');
    if (iter % 200 === 199) refresh();
    if (objective() <= tolP) break;
    // pricing: reduced cost of structural k is -pi . phi(A_k); the most negative within a window, moving on when none
    let enter = -1;
    let bestD = -tolD;
    for (let scanned = 0; scanned < K && enter < 0; scanned += window) {
      for (let q = 0; q < window && scanned + q < K; q++) {
        const k = (start + scanned + q) % K;
        if (inBasis[k]) continue;
        const s = supp[k];
        let dk = 0;
        for (let z = 0; z < s.length; z++) dk -= pi[s[z]];
        if (dk < bestD) {
          bestD = dk;
          enter = k;
        }
      }
      if (enter >= 0) start = (start + scanned + window) % K;
    }
    if (enter < 0) break; // optimal for phase 1
    sumColumns(y, supp[enter], cols, d);
    // Harris ratio test over rows with y_i > 0 (artificial rows first on ties: prefer driving artificials out)
    let thMax = Infinity;
    for (let i = 0; i < d; i++) {
      const yi = y[i];
      if (yi <= 1e-9) continue;
      const t = (Math.max(x[i], 0) + tolP) / yi;
      if (t < thMax) thMax = t;
    }
    if (thMax === Infinity) return null;
    let leave = -1;
    let bestY = 0;
    for (let i = 0; i < d; i++) {
      const yi = y[i];
      if (yi <= 1e-9) continue;
      if (Math.max(x[i], 0) / yi <= thMax) {
        const score = rowVar[i] < 0 ? yi * 2 : yi;
        if (score > bestY) {
          bestY = score;
          leave = i;
        }
      }
    }
    const yl = y[leave];
    const theta = Math.max(x[leave], 0) / yl;
    for (let i = 0; i < d; i++) if (y[i] !== 0) x[i] -= theta * y[i];
    x[leave] = theta;
    // duals: pi += (d_enter / y_l) * row_l(G)  (row of G before the pivot)
    for (let col = 0; col < d; col++) {
      const C = cols[col];
      rowL[col] = C ? C[leave] : col === leave ? 1 : 0;
    }
    const f = bestD / yl;
    for (let col = 0; col < d; col++) if (rowL[col] !== 0) pi[col] += f * rowL[col];
    // pivot G on row `leave`
    pivots++;
    pivotInverse(cols, pivotCols, y, leave, d);
    if (rowVar[leave] >= 0) inBasis[rowVar[leave]] = 0;
    rowVar[leave] = enter;
    inBasis[enter] = 1;
  }
  refresh();
  st.pivots = pivots;
  st.simplexIterations = iter;
  if (objective() > 1e-9 * scale) return null;
  const slotEntry: number[] = [];
  for (let i = 0; i < d; i++) if (rowVar[i] >= 0 && x[i] > -tolP) slotEntry.push(rowVar[i]);
  st.rank = slotEntry.length;
  return { slotEntry };
}
