import { Rational, type RationalLike } from '../core/rational';

/** Proportional share PROP_n(v) = v(M)/n (seed-000 spec D1). */
export function prop(values: readonly RationalLike[], n: number): Rational {
  return Rational.sum(values).div(n);
}
