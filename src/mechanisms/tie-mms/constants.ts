/**
 * The constants of Babaioff, Feige & Manaker Morag, "Truthful-in-Expectation Mechanisms for MMS Approximation", as
 * exact rationals where the spec says they are rational (seed-000 spec T11, M4, P13).
 */
import { InvalidInputError } from '../../core/errors';
import { lcm, Rational } from '../../core/rational';

/** H_k = 1 + 1/2 + ... + 1/k (H_0 = 0), exact, over the one common denominator lcm(1..k). */
export function harmonic(k: number): Rational {
  let L = 1n;
  for (let t = 2; t <= k; t++) L = lcm(L, BigInt(t));
  let s = 0n;
  for (let t = 1; t <= k; t++) s += L / BigInt(t);
  return new Rational(s, L);
}

/**
 * The ex-post ratio of the ordinal mechanism (Theorem 1), rho(n) = 1/(H_{n-1} + 2) (not the abstract's weaker 1/(H_n + 2); spec P1).
 * n = 2: 1/3, n = 3: 2/7, n = 4: 6/23, n = 10: 2520/12169.
 */
export function ordinalRho(n: number): Rational {
  return harmonic(n - 1)
    .add(2)
    .inv();
}

/** Exact log2(log2 n) when it is an integer (n = 2, 4, 16, 256, 65536, ...), else null. */
function exactLogLog(n: number): number | null {
  if (n < 2 || !Number.isInteger(Math.log2(n)) || 2 ** Math.log2(n) !== n) return null;
  const l = Math.log2(n);
  const ll = Math.log2(l);
  return Number.isInteger(ll) && 2 ** ll === l ? ll : null;
}

/**
 * Denominator used to round the paper's irrational alpha(n) down: a rational alpha <= alpha_paper(n) keeps every
 * comparison exact and weakens the guarantee by less than 10^-12 (spec M4).
 */
export const ALPHA_DENOMINATOR = 10n ** 12n;

/**
 * The ex-post ratio of the random-ordering mechanism (Theorem 2), alpha(n) = 1/(25 + 2 log2 log2 n - 1/n), as an exact rational alpha <= alpha_paper(n)
 * (spec M4 / P13): exact when log2 log2 n is an integer (n = 2: 2/49, n = 4: 4/107, n = 16: 16/463),
 * otherwise alpha_paper(n) rounded down to a multiple of 10^-12 with one unit of safety margin (the double
 * evaluation of log log n has relative error ~1e-16, far below the margin). `exact` says which case applies.
 */
export function loglogAlpha(n: number): { alpha: Rational; exact: boolean } {
  if (!Number.isInteger(n) || n < 2)
    throw new InvalidInputError('bad-n', `loglogAlpha: n = ${n} must be an integer >= 2`);
  const ll = exactLogLog(n);
  if (ll !== null)
    return { alpha: new Rational(25n + 2n * BigInt(ll)).sub(new Rational(1n, BigInt(n))).inv(), exact: true };
  const x = 25 + 2 * Math.log2(Math.log2(n)) - 1 / n;
  const num = BigInt(Math.floor(Number(ALPHA_DENOMINATOR) / x)) - 1n;
  return { alpha: new Rational(num, ALPHA_DENOMINATOR), exact: false };
}

/**
 * The good-ordering threshold of Theorem 2 for a rational alpha: pi is good iff W^alpha(pi) <= 1/alpha - 2 + 1/n
 * (spec M4; for the paper's alpha this is 23 + 2 log2 log2 n, and it only grows when alpha is rounded down).
 */
export function goodThreshold(alpha: Rational, n: number): Rational {
  return alpha
    .inv()
    .sub(2)
    .add(new Rational(1n, BigInt(n)));
}

/**
 * The incentive loss of the random-ordering mechanism (Theorem 2), eps(n) = n^{-log2 n} ((1 - eps)-TIE). Exact when log2 n is an integer (n = 2: 1/2, n = 4: 1/16,
 * n = 16: 2^-16); otherwise a rational upper bound (rounded up at relative precision 2^-40), `exact: false`.
 */
export function loglogEps(n: number): { eps: Rational; exact: boolean } {
  if (!Number.isInteger(n) || n < 2)
    throw new InvalidInputError('bad-n', `loglogEps: n = ${n} must be an integer >= 2`);
  const l = Math.log2(n);
  if (Number.isInteger(l) && 2 ** l === n) return { eps: new Rational(1n, 2n ** BigInt(l * l)), exact: true };
  // n^{-log n} = 2^{-(log n)^2}; bound it above by 2^{-floor(e)} * (1 + 2^-40) style rounding via a double mantissa
  const e = l * l;
  const k = Math.floor(e);
  const frac = 2 ** -(e - k); // in (1/2, 1]
  const mant = BigInt(Math.ceil(frac * 2 ** 40)) + 1n;
  return { eps: new Rational(mant, 2n ** BigInt(40 + k)), exact: false };
}
