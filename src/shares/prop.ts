import { Rational, type RationalLike } from '../core/rational';
import { requireList, requirePositiveInteger } from '../core/arguments';

/** Proportional share PROP_n(v) = v(M)/n (seed-000 spec D1). */
export function prop(values: readonly RationalLike[], n: number): Rational {
  requireList(values, 'prop', 'values');
  requirePositiveInteger(n, 'prop', 'n');
  return Rational.sum(values).div(n);
}
