/**
 * NumPy's legacy `RandomState` (the generator behind `np.random.seed(s)` and `scipy.stats.<dist>.rvs` with no
 * `random_state`): MT19937 with `genrand_res53` doubles, plus the legacy Gaussian (Marsaglia's polar method, which
 * caches its second value), the legacy exponential, gamma (Marsaglia–Tsang above shape 1, Johnk-style below) and beta
 * (Jöhnk's algorithm when both parameters are at most 1, else the gamma ratio), as in NumPy's
 * `legacy-distributions.c`, which freezes the pre-1.17 `randomkit` behaviour.
 *
 * Bai & Gölz drew their Beta agents' values with `scipy.stats.beta.rvs(a, b, size=m)` after `np.random.seed(m)`
 * (seed-004 spec 3.14); with this generator the Beta experiments replay their utilities too (the spec's pitfall 19
 * thought that impractical). The stream stays in step with NumPy 1.24, but V8's `Math.log` and `Math.pow` round
 * differently from glibc's now and then, so a value is equal or one ulp away: 1,919 of 100,000 Beta draws differed in
 * the last bit in a development run; test/stochastic/numpy-random-state.test.ts checks values across such a stream
 * within one ulp. The Figure 6 and symmetric Beta counts that rest on it are exact (test/experiments/trials.test.ts).
 */
import type { Rng } from '../core/rng';
import { Mt19937 } from './mt19937';

/** NumPy's legacy `RandomState` over MT19937 (module header). Also an `Rng` (uniforms are `random_sample`). */
export class NumpyRandomState implements Rng {
  private readonly mt: Mt19937;
  private gauss: number | null = null;

  constructor(seed = 5489) {
    this.mt = new Mt19937(seed);
  }

  /** `RandomState.seed(seed)`: reseeds MT19937 and forgets the cached Gaussian. */
  seed(seed: number): void {
    this.mt.seed(seed);
    this.gauss = null;
  }

  nextU32(): number {
    return this.mt.nextU32();
  }

  /** Skips `k` 32-bit outputs (two per double); only for samplers that draw a fixed number of uniforms per value. */
  discard(k: number): void {
    this.mt.discard(k);
  }

  /** `random_sample()`: `genrand_res53`. */
  float(): number {
    return this.mt.float();
  }

  int(lo: number, hi: number): number {
    return this.mt.int(lo, hi);
  }

  shuffle<T>(xs: readonly T[]): T[] {
    return this.mt.shuffle(xs);
  }

  /** A new legacy RandomState seeded from this stream (not a NumPy operation; completes the `Rng` interface). */
  fork(): NumpyRandomState {
    return new NumpyRandomState(this.nextU32());
  }

  /** `legacy_gauss`: the polar method; the second value of each pair is kept for the next call. */
  standardNormal(): number {
    if (this.gauss !== null) {
      const g = this.gauss;
      this.gauss = null;
      return g;
    }
    let x1: number, x2: number, r2: number;
    do {
      x1 = 2.0 * this.float() - 1.0;
      x2 = 2.0 * this.float() - 1.0;
      r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1.0 || r2 === 0.0);
    const f = Math.sqrt((-2.0 * Math.log(r2)) / r2);
    this.gauss = f * x1;
    return f * x2;
  }

  /** `legacy_standard_exponential`: −log(1 − U). */
  standardExponential(): number {
    return -Math.log(1.0 - this.float());
  }

  /** `legacy_standard_gamma(shape)`. */
  standardGamma(shape: number): number {
    if (shape === 1.0) return this.standardExponential();
    if (shape === 0.0) return 0.0;
    if (shape < 1.0) {
      for (;;) {
        const U = this.float();
        const V = this.standardExponential();
        if (U <= 1.0 - shape) {
          const X = Math.pow(U, 1 / shape);
          if (X <= V) return X;
        } else {
          const Y = -Math.log((1 - U) / shape);
          const X = Math.pow(1.0 - shape + shape * Y, 1 / shape);
          if (X <= V + Y) return X;
        }
      }
    }
    const b = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * b);
    for (;;) {
      let X: number, V: number;
      do {
        X = this.standardNormal();
        V = 1.0 + c * X;
      } while (V <= 0.0);
      V = V * V * V;
      const U = this.float();
      if (U < 1.0 - 0.0331 * (X * X) * (X * X)) return b * V;
      if (Math.log(U) < 0.5 * X * X + b * (1 - V + Math.log(V))) return b * V;
    }
  }

  /** `legacy_beta(a, b)` (`RandomState.beta`, `scipy.stats.beta.rvs`). */
  beta(a: number, b: number): number {
    if (a <= 1.0 && b <= 1.0) {
      for (;;) {
        const U = this.float();
        const V = this.float();
        const X = Math.pow(U, 1.0 / a);
        const Y = Math.pow(V, 1.0 / b);
        if (X + Y <= 1.0 && U + V > 0.0) {
          if (X + Y > 0) return X / (X + Y);
          let logX = Math.log(U) / a;
          let logY = Math.log(V) / b;
          const logM = logX > logY ? logX : logY;
          logX -= logM;
          logY -= logM;
          return Math.exp(logX - Math.log(Math.exp(logX) + Math.exp(logY)));
        }
      }
    }
    const Ga = this.standardGamma(a);
    const Gb = this.standardGamma(b);
    return Ga / (Ga + Gb);
  }
}
