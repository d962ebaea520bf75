/**
 * Exact MMS on rational values: the values are scaled to integers exactly (multiplied by the lcm of their
 * denominators, then divided by the gcd of the resulting integers, which keeps them small enough for the
 * safe-integer kernel whenever possible), solved by `mmsOfIntegers`, and the answer is scaled back.
 */
import { InvalidInputError } from '../../core/errors';
import { Rational, gcd, lcm, type RationalLike } from '../../core/rational';
import { mmsOfIntegers } from './solver';
import type { MmsOptions, MmsResult } from './types';
import { requireList } from '../../core/arguments';
import { requireBundleCount, requireGoodsCount, searchLimitMs } from './limits';

/** Integers proportional to `values`, and the factor: values[i] = ints[i] * unit. */
export function toIntegers(values: readonly RationalLike[]): { ints: bigint[]; unit: Rational } {
  const qs = values.map((v, i) => {
    const r = Rational.from(v, `values[${i}]`);
    if (r.num < 0n) throw new InvalidInputError('negative-value', `values[${i}]: ${r.toString()} is negative`);
    return r;
  });
  const den = qs.reduce((l, r) => lcm(l, r.den), 1n);
  const scaled = qs.map((r) => r.num * (den / r.den));
  const g = scaled.reduce(gcd, 0n) || 1n;
  return { ints: scaled.map((x) => x / g), unit: new Rational(g, den) };
}

/**
 * Exact MMS of `values` (numbers, bigints, rational strings or Rationals; non-negative) for n bundles, with a
 * witness partition and anytime bounds. Numbers are converted exactly (0.1 is the double nearest 1/10; pass
 * "0.1" for one tenth). Algorithm: `mmsOfIntegers` on the exactly scaled values. n is an integer in 1..100,000
 * (`bad-n` otherwise); without `timeLimitMs` the search gets the running call's budget, or 60 s outside every
 * budget, and then returns `status: 'timeout'` with proven bounds.
 */
export function mms(values: readonly RationalLike[], n: number, options: MmsOptions = {}): MmsResult {
  requireList(values, 'mms', 'values');
  requireBundleCount(n, 'mms');
  requireGoodsCount(values.length, 'mms');
  const timeLimitMs = searchLimitMs(options, 'mms');
  const { ints, unit } = toIntegers(values);
  const r = mmsOfIntegers(ints, n, timeLimitMs === undefined ? options : { ...options, timeLimitMs });
  return {
    value: unit.mul(r.value),
    partition: r.partition,
    bundleValues: r.partition.map((b) => unit.mul(b.reduce((t, g) => t + ints[g], 0n))),
    status: r.status,
    lower: unit.mul(r.lower),
    upper: unit.mul(r.upper),
    stats: r.stats,
  };
}
