/**
 * Seeded random numbers, identical on every platform.
 *
 * Algorithm: xoshiro128** (Blackman & Vigna, 2018) on four 32-bit words, seeded by running SplitMix32 on
 * the seed (a 32-bit integer; strings are hashed with FNV-1a). Only 32-bit integer operations
 * (`Math.imul`, shifts, `>>> 0`) are used, so the stream is the same in every JS engine.
 * `float()` uses 53 bits from two outputs; `int(lo, hi)` is unbiased (rejection sampling).
 * [DECISION] The state lives in a Uint32Array: in a closure's context variables every update of a word above 2^30
 * allocates a heap number (in a development run, not kept as a bench, a float cost 60-90 ns there and 14 ns here).
 */
import { InvalidInputError } from './errors';

export interface Rng {
  /** Next 32-bit unsigned integer. */
  nextU32(): number;
  /** Uniform double in [0, 1). */
  float(): number;
  /** Uniform integer in [lo, hi] (inclusive). */
  int(lo: number, hi: number): number;
  /** Fisher–Yates shuffle of a copy. */
  shuffle<T>(xs: readonly T[]): T[];
  /** An independent generator derived from this one. */
  fork(): Rng;
}

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** The seeded xoshiro128** stream, with a `reseed` that reuses the object (the simulation's hot loop). */
export class SeededStream implements Rng {
  private readonly s = new Uint32Array(4);

  constructor(seed: number | string = 0) {
    this.reseed(seed);
  }

  /** Restarts the stream as `rng(seed)` would start it. */
  reseed(seed: number | string): this {
    let x = (typeof seed === 'string' ? fnv1a(seed) : seed) >>> 0;
    const s = this.s;
    for (let k = 0; k < 4; k++) {
      // SplitMix32
      x = (x + 0x9e3779b9) >>> 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
      s[k] = z ^ (z >>> 16);
    }
    if ((s[0] | s[1] | s[2] | s[3]) === 0) s[0] = 1;
    return this;
  }

  nextU32(): number {
    const s = this.s;
    const b = s[1];
    const x = Math.imul(b, 5);
    const result = Math.imul((x << 7) | (x >>> 25), 9) >>> 0;
    const t = b << 9;
    s[2] ^= s[0];
    s[3] ^= b;
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    const d = s[3];
    s[3] = (d << 11) | (d >>> 21);
    return result;
  }

  float(): number {
    return ((this.nextU32() >>> 5) * 67108864 + (this.nextU32() >>> 6)) / 9007199254740992;
  }

  int(lo: number, hi: number): number {
    const range = hi - lo + 1;
    if (!(range > 0))
      throw new InvalidInputError('bad-range', `rng.int(lo, hi): lo = ${lo} > hi = ${hi} is an empty range`);
    if (range > 2 ** 32) return lo + Math.floor(this.float() * range);
    const limit = 2 ** 32 - (2 ** 32 % range);
    let x: number;
    do x = this.nextU32();
    while (x >= limit);
    return lo + (x % range);
  }

  shuffle<T>(xs: readonly T[]): T[] {
    const out = xs.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      const x = out[i];
      out[i] = out[j];
      out[j] = x;
    }
    return out;
  }

  /** Writes the permutation `shuffle([0, ..., out.length - 1])` would return into `out`. */
  shuffleIdentity(out: Int32Array): Int32Array {
    const m = out.length;
    for (let j = 0; j < m; j++) out[j] = j;
    for (let i = m - 1; i > 0; i--) {
      const range = i + 1;
      // the same numbers as int(0, i), with a mod b as a - b floor(a / b): exact for a < 2^32 (the quotient's rounding
      // error is below 1/b), and it avoids the slow floating-point remainder
      const limit = range * Math.floor(4294967296 / range);
      let x: number;
      do x = this.nextU32();
      while (x >= limit);
      const j = x - range * Math.floor(x / range);
      const y = out[i];
      out[i] = out[j];
      out[j] = y;
    }
    return out;
  }

  fork(): Rng {
    return new SeededStream(this.nextU32());
  }
}

/** A seeded xoshiro128** generator. The same seed gives the same stream everywhere. */
export function rng(seed: number | string = 0): Rng {
  return new SeededStream(seed);
}
