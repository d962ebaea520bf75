/**
 * The seeded generator of src/core/rng.ts (xoshiro128** seeded by SplitMix32; string seeds hashed with FNV-1a) with
 * its state in a Uint32Array and a `reseed` that reuses the object, for the simulation's hot loop: the same numbers,
 * draw for draw, for every seed, from `nextU32`, `float`, `int`, `shuffle` and `fork`.
 * [DECISION] A second implementation of the one stream, because core's closure keeps its four words in context
 * variables, where every update of a word above 2^30 allocates a heap number: a float cost 60-90 ns there and
 * 14 ns here, which was a third of a simulation trial. The test suite compares the two streams.
 */
import type { Rng } from '../core/rng';

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** A seeded stream equal to `rng(seed)` of src/core/rng.ts. */
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
    if (range <= 0) throw new RangeError(`int(${lo}, ${hi}): empty range`);
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
