/**
 * Exact scaled-integer arithmetic for the Lemma 4.2 pipeline. Every quantity of the pipeline is a multiple of 1/D
 * where D is the lcm of the portion-matrix denominators (spec 0.2: CUQ entries are multiples of 1/n, completion only
 * uses +, -, min), so the hot loops run on BigInt numerators over one common denominator and stay exact.
 */
import { lcm, Rational } from '../../core/rational';

/** lcm of the denominators of a rational matrix (1 for an empty matrix). */
export function commonDenominator(xs: readonly (readonly Rational[])[]): bigint {
  let D = 1n;
  for (const r of xs) for (const x of r) if (D % x.den !== 0n) D = lcm(D, x.den);
  return D;
}

/** x * D as a BigInt (x must be a multiple of 1/D). */
export function scaleUp(x: Rational, D: bigint): bigint {
  const v = x.num * D;
  if (v % x.den !== 0n) throw new Error(`scaleUp: ${x} is not a multiple of 1/${D} (internal error)`);
  return v / x.den;
}

/** The rational k/D. */
export function scaleDown(k: bigint, D: bigint): Rational {
  return new Rational(k, D);
}
