/**
 * The Mersenne Twister MT19937 (Matsumoto & Nishimura 1998) exactly as NumPy's legacy `RandomState` uses it, so that
 * experiments written against `np.random.seed(m)` / `np.random.rand(m, 3)` can be replayed bit for bit (seed-004
 * spec 3.14; Bai & Gölz's experiments seed the generator with m before each m).
 *
 * * `seed(s)` is `init_genrand(s)`: key[0] = s, key[k] = 1812433253 (key[k-1] ^ (key[k-1] >>> 30)) + k (mod 2^32),
 *   which is what `RandomState.seed(int)` does for an integer seed in 0..2^32-1.
 * * `float()` is `genrand_res53`: a = next32() >>> 5, b = next32() >>> 6, (a 2^26 + b) / 2^53, NumPy's
 *   `random_sample`. `rand(m, 3)` fills row-major, i.e. three consecutive `float()` calls per row.
 * * `int`, `shuffle` and `fork` complete the `Rng` interface of src/core/rng.ts; they are not NumPy-compatible.
 *
 * Test vectors (spec 3.14): seed 10 gives 0.771320643266746, 0.0207519493594015, 0.6336482349262754,
 * 0.7488038825386119.
 */
import { InvalidInputError } from '../core/errors';
import type { Rng } from '../core/rng';

const N = 624;
const M = 397;
const MATRIX_A = 0x9908b0df;
const UPPER = 0x80000000;
const LOWER = 0x7fffffff;

/** MT19937 with NumPy's legacy integer seeding and 53-bit doubles. */
export class Mt19937 implements Rng {
  private readonly mt = new Uint32Array(N);
  private index = N;

  constructor(seed = 5489) {
    this.seed(seed);
  }

  /** `init_genrand(seed)` (NumPy `RandomState.seed(seed)` for an integer seed in 0..2^32-1). */
  seed(seed: number): void {
    if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff)
      throw new InvalidInputError('bad-seed', `mt19937: seed must be an integer in 0..2^32-1, got ${seed}`);
    const mt = this.mt;
    mt[0] = seed >>> 0;
    for (let k = 1; k < N; k++) {
      const prev = mt[k - 1] ^ (mt[k - 1] >>> 30);
      // 1812433253 * prev mod 2^32, split in 16-bit halves to stay exact in doubles
      mt[k] = ((((prev & 0xffff0000) >>> 16) * 1812433253) << 16) + (prev & 0x0000ffff) * 1812433253 + k;
    }
    this.index = N;
  }

  private twist(): void {
    const mt = this.mt;
    let k = 0;
    for (; k < N - M; k++) {
      const y = (mt[k] & UPPER) | (mt[k + 1] & LOWER);
      mt[k] = mt[k + M] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    }
    for (; k < N - 1; k++) {
      const y = (mt[k] & UPPER) | (mt[k + 1] & LOWER);
      mt[k] = mt[k + M - N] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    }
    const y = (mt[N - 1] & UPPER) | (mt[0] & LOWER);
    mt[N - 1] = mt[M - 1] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    this.index = 0;
  }

  /** `genrand_int32`. */
  nextU32(): number {
    if (this.index >= N) this.twist();
    let y = this.mt[this.index++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** Skips the next `k` 32-bit outputs (two per `float()`), twisting whole blocks without tempering them. */
  discard(k: number): void {
    if (!Number.isSafeInteger(k) || k < 0)
      throw new InvalidInputError('bad-count', `mt19937.discard: expected a non-negative integer, got ${k}`);
    let rest = k;
    const avail = N - this.index;
    if (rest <= avail) {
      this.index += rest;
      return;
    }
    rest -= avail;
    while (rest > N) {
      this.twist();
      rest -= N;
    }
    this.twist();
    this.index = rest;
  }

  /** `genrand_res53`: a uniform double in [0, 1) with 53 random bits (NumPy `random_sample`). */
  float(): number {
    const a = this.nextU32() >>> 5;
    const b = this.nextU32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }

  /** NumPy `rand(rows, cols)`: row-major doubles, `rows * cols` consecutive `float()` calls. */
  rand(rows: number, cols: number): Float64Array {
    if (!Number.isInteger(rows) || rows < 0 || !Number.isInteger(cols) || cols < 0)
      throw new InvalidInputError(
        'bad-shape',
        `mt19937.rand: expected non-negative integer dimensions, got ${rows} x ${cols}`,
      );
    const out = new Float64Array(rows * cols);
    for (let k = 0; k < out.length; k++) out[k] = this.float();
    return out;
  }

  /** A uniform integer in [lo, hi] by rejection on 32-bit outputs (not NumPy's `randint`). */
  int(lo: number, hi: number): number {
    const range = hi - lo + 1;
    if (!Number.isSafeInteger(range) || range <= 0)
      throw new InvalidInputError('bad-range', `mt19937.int(${lo}, ${hi}): empty range`);
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
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }

  fork(): Rng {
    return new Mt19937(this.nextU32());
  }
}
