/**
 * One entry point for equalizing multipliers (Bai & Gölz, Theorems 4 and 5; seed-004 spec 3.15): the refinement
 * schedule the authors ran (default), Algorithm 1, two-agent bisection, the Sperner grid (n ≤ 4), or Newton/Broyden
 * verified by the exact oracle. Results are cached per (distributions, method, delta, q), because a mechanism that is
 * solved again on the same population should not equalize again.
 */
import { InvalidInputError } from '../../core/errors';
import type { DensityDistribution } from '../../stochastic/density';
import { algorithm1, refinedAlgorithm1, type EqualizationResult } from './algorithm1';
import { equalizeTwoAgents } from './bisection';
import { newtonMultipliers } from './newton';
import { spernerMultipliers } from './sperner';

export const EQUALIZATION_METHODS = ['refined', 'algorithm1', 'bisection', 'sperner', 'newton', 'broyden'] as const;
export type EqualizationMethod = (typeof EQUALIZATION_METHODS)[number];

export interface EqualizeOptions {
  readonly method?: EqualizationMethod;
  /** Accuracy (default 1e-5, the authors' choice). */
  readonly delta?: number;
  /** The density bound q of Algorithm 1 and the Sperner grid. */
  readonly q: number;
}

const cache = new Map<string, EqualizationResult>();

/** Equalizing multipliers by the chosen method (module header); the result says whether it reached delta. */
export function equalizeMultipliers(
  dists: readonly DensityDistribution[],
  opts: EqualizeOptions,
): EqualizationResult & { readonly method: EqualizationMethod } {
  const method = opts.method ?? 'refined';
  const delta = opts.delta ?? 1e-5;
  if (!(EQUALIZATION_METHODS as readonly string[]).includes(method))
    throw new InvalidInputError(
      'bad-option',
      `equalizeMultipliers: unknown method ${JSON.stringify(method)} (known: ${EQUALIZATION_METHODS.join(', ')})`,
    );
  const key = JSON.stringify([dists.map((d) => d.spec), method, delta, opts.q]);
  let r = cache.get(key);
  if (!r) {
    switch (method) {
      case 'refined':
        r = refinedAlgorithm1(dists, { delta, q: opts.q });
        break;
      case 'algorithm1':
        r = algorithm1(dists, { delta, q: opts.q });
        break;
      case 'bisection':
        r = equalizeTwoAgents(dists, { tolerance: delta });
        break;
      case 'sperner':
        r = spernerMultipliers(dists, { delta, q: opts.q });
        break;
      case 'newton':
      case 'broyden':
        r = newtonMultipliers(dists, { delta, q: opts.q, update: method });
        break;
    }
    cache.set(key, r);
  }
  return { ...r, method };
}
