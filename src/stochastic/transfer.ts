/**
 * Distributions as plain data, so a simulation can send its value distribution to a worker thread (structured clone
 * keeps data, not classes). The rebuilt distribution samples the same stream as the original: same class, same
 * parameters. Only the library's own samplable classes travel; a subclass or a user-defined quantile function does
 * not (its code cannot be sent), and `distributionData` returns null for it.
 */
import { InvalidInputError } from '../core/errors';
import { Beta, Exponential } from './continuous';
import type { Distribution } from './distribution';
import { PiecewiseQuantile, type QuantilePiece } from './piecewise';

export type DistributionData =
  | {
      readonly kind: 'piecewise';
      readonly name: string;
      readonly spec: string;
      readonly pieces: readonly QuantilePiece[];
    }
  | { readonly kind: 'exponential'; readonly lambda: number }
  | { readonly kind: 'beta'; readonly a: number; readonly b: number };

/** The plain-data form of `d`, or null when `d` is not one of the library's samplable classes. */
export function distributionData(d: Distribution): DistributionData | null {
  const c = (d as object).constructor;
  if (c === PiecewiseQuantile) {
    const p = d as PiecewiseQuantile;
    return { kind: 'piecewise', name: p.name, spec: p.spec, pieces: p.pieces.map((x) => ({ ...x })) };
  }
  if (c === Exponential) return { kind: 'exponential', lambda: (d as Exponential).lambda };
  if (c === Beta) return { kind: 'beta', a: (d as Beta).a, b: (d as Beta).b };
  return null;
}

/** The distribution `distributionData` described. */
export function distributionFromData(data: DistributionData): Distribution {
  switch (data?.kind) {
    case 'piecewise':
      return new PiecewiseQuantile(data.name, data.spec, data.pieces);
    case 'exponential':
      return new Exponential(data.lambda);
    case 'beta':
      return new Beta(data.a, data.b);
    default:
      throw new InvalidInputError(
        'bad-distribution',
        `distributionFromData: unknown kind ${JSON.stringify((data as { kind?: unknown } | null)?.kind)}`,
      );
  }
}
