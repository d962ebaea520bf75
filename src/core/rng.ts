/**
 * Seeded random numbers, identical on every platform.
 *
 * Algorithm: xoshiro128** (Blackman & Vigna, 2018) on four 32-bit words, seeded by running SplitMix32 on
 * the seed (a 32-bit integer; strings are hashed with FNV-1a). Only 32-bit integer operations
 * (`Math.imul`, shifts, `>>> 0`) are used, so the stream is the same in every JS engine.
 * `float()` uses 53 bits from two outputs; `int(lo, hi)` is unbiased (rejection sampling).
 */
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

function splitmix32(state: { s: number }): number {
  state.s = (state.s + 0x9e3779b9) >>> 0;
  let z = state.s;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
  return (z ^ (z >>> 16)) >>> 0;
}

/** A seeded xoshiro128** generator. The same seed gives the same stream everywhere. */
export function rng(seed: number | string = 0): Rng {
  const st = { s: (typeof seed === 'string' ? fnv1a(seed) : seed) >>> 0 };
  let a = splitmix32(st),
    b = splitmix32(st),
    c = splitmix32(st),
    d = splitmix32(st);
  if ((a | b | c | d) === 0) a = 1;
  const rotl = (x: number, k: number) => ((x << k) | (x >>> (32 - k))) >>> 0;
  const nextU32 = (): number => {
    const result = Math.imul(rotl(Math.imul(b, 5) >>> 0, 7), 9) >>> 0;
    const t = (b << 9) >>> 0;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    return result;
  };
  const float = (): number => ((nextU32() >>> 5) * 67108864 + (nextU32() >>> 6)) / 9007199254740992;
  const int = (lo: number, hi: number): number => {
    const range = hi - lo + 1;
    if (range <= 0) throw new RangeError(`int(${lo}, ${hi}): empty range`);
    if (range > 2 ** 32) return lo + Math.floor(float() * range);
    const limit = 2 ** 32 - (2 ** 32 % range);
    let x: number;
    do x = nextU32();
    while (x >= limit);
    return lo + (x % range);
  };
  const self: Rng = {
    nextU32,
    float,
    int,
    shuffle<T>(xs: readonly T[]): T[] {
      const out = xs.slice();
      for (let i = out.length - 1; i > 0; i--) {
        const j = int(0, i);
        [out[i], out[j]] = [out[j], out[i]];
      }
      return out;
    },
    fork: () => rng(nextU32()),
  };
  return self;
}
