/**
 * Exact MMS on rational values: the values are scaled to integers exactly (multiplied by the lcm of their
 * denominators, then divided by the gcd of the resulting integers, which keeps them small enough for the
 * safe-integer kernel whenever possible), solved by `mmsOfIntegers`, and the answer is scaled back.
 */
import { InvalidInputError } from '../../core/errors';
import { Rational, type RationalLike } from '../../core/rational';
import { mmsOfIntegers } from './solver';
import type { MmsOptions, MmsResult } from './types';

const gcd = (a: bigint, b: bigint): bigint => {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
};

/** Integers proportional to `values`, and the factor: values[i] = ints[i] * unit. */
export function toIntegers(values: readonly RationalLike[]): { ints: bigint[]; unit: Rational } {
  const qs = values.map((v, i) => {
    const r = Rational.from(v, `values[${i}]`);
    if (r.num < 0n) throw new InvalidInputError('negative-value', `values[${i}]: ${r.toString()} is negative`);
    return r;
  });
  const lcm = qs.reduce((l, r) => (l / gcd(l, r.den)) * r.den, 1n);
  const scaled = qs.map((r) => r.num * (lcm / r.den));
  const g = scaled.reduce((a, b) => gcd(a, b), 0n) || 1n;
  return { ints: scaled.map((x) => x / g), unit: new Rational(g, lcm) };
}

/**
 * Exact MMS of `values` (numbers, bigints, rational strings or Rationals; non-negative) for n bundles, with a
 * witness partition and anytime bounds. Numbers are converted exactly (0.1 is the double nearest 1/10; pass
 * "0.1" for one tenth). Algorithm: `mmsOfIntegers` on the exactly scaled values.
 */
export function mms(values: readonly RationalLike[], n: number, options: MmsOptions = {}): MmsResult {
  const { ints, unit } = toIntegers(values);
  const r = mmsOfIntegers(ints, n, options);
  return {
    value: unit.mul(r.value),
    partition: r.partition,
    status: r.status,
    lower: unit.mul(r.lower),
    upper: unit.mul(r.upper),
    stats: r.stats,
  };
}
