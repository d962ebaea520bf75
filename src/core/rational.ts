/**
 * Exact rational numbers on BigInt.
 *
 * Every value, probability, share and certificate of fairdiv is a `Rational`: numerator and denominator
 * are BigInts, normalised by their gcd, with a positive denominator. A JS number is converted exactly
 * (every finite double is a dyadic rational), so `Rational.from(0.1)` is 3602879701896397/36028797018963968,
 * while the string `"0.1"` means exactly 1/10.
 */
import { InvalidInputError } from './errors';

/** Anything that converts exactly to a rational. */
export type RationalLike = Rational | number | bigint | string | { num: bigint | number; den: bigint | number };

/**
 * Greatest common divisor of |a| and |b| (gcd(0, 0) = 0). Euclid's algorithm; while both numbers exceed 2^100 it
 * runs Lehmer's acceleration (Knuth, TAOCP vol. 2, 4.5.2, Algorithm L): the quotients of the Euclidean sequence are
 * simulated on the leading 50 bits in doubles (exact, since every value stays below 2^51) for as long as both
 * truncations give the same quotient, and then applied to the BigInts as one 2x2 matrix. [DECISION] Added for the
 * support reduction of tie-mms (Lemma 4.15), whose exact probabilities have 8875-bit denominators at (20, 200)
 * (bench/results/tie-mms.md): in a development run (not recorded) one Euclid gcd of two such numbers took 5.7 ms, the
 * Lehmer one 0.6 ms (3421 of them per `Rational` construction pass).
 */
export function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  if (a < b) [a, b] = [b, a];
  if (b >= LEHMER_MIN) [a, b] = lehmerReduce(a, b);
  while (b !== 0n) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

const LEHMER_MIN = 1n << 100n;
const TWO_49 = 2 ** 49;

/** Lehmer steps on a >= b >= 0 while b >= LEHMER_MIN; returns a pair with the same gcd, a >= b. */
function lehmerReduce(a: bigint, b: bigint): [bigint, bigint] {
  let n = a.toString(16).length * 4; // an upper bound on the bit length of a, kept as a decreases
  while (b >= LEHMER_MIN) {
    let sh = n - 50;
    let x = Number(a >> BigInt(sh));
    if (x < TWO_49) {
      n = sh + bitLength(x);
      sh = n - 50;
      x = Number(a >> BigInt(sh));
    }
    let y = Number(b >> BigInt(sh));
    // the cofactors: (a, b) -> (A a + B b, C a + D b); |A|..|D| <= 2^25, so every sum below stays under 2^51
    let A = 1;
    let B = 0;
    let C = 0;
    let D = 1;
    for (;;) {
      const yc = y + C;
      const yd = y + D;
      const xa = x + A;
      const xb = x + B;
      if (yc <= 0 || yd <= 0 || xa < 0 || xb < 0) break;
      const q = floorDiv(xa, yc);
      if (q !== floorDiv(xb, yd)) break;
      const nc = A - q * C;
      const nd = B - q * D;
      if (Math.abs(nc) > 2 ** 25 || Math.abs(nd) > 2 ** 25) break;
      A = C;
      C = nc;
      B = D;
      D = nd;
      const t = x - q * y;
      x = y;
      y = t;
    }
    const na = B === 0 ? -1n : BigInt(A) * a + BigInt(B) * b;
    const nb = B === 0 ? -1n : BigInt(C) * a + BigInt(D) * b;
    if (na < 0n || nb < 0n) {
      // no quotient could be simulated (or, defensively, a sign went wrong): one plain Euclid step
      const t = a % b;
      a = b;
      b = t;
    } else {
      a = na;
      b = nb;
    }
  }
  return [a, b];
}

/** Number of bits of an integer 0 < x < 2^53. */
function bitLength(x: number): number {
  let n = 0;
  while (x >= 4294967296) {
    x = Math.floor(x / 4294967296);
    n += 32;
  }
  return n + 32 - Math.clz32(x);
}

/** floor(n / m) for integers 0 <= n < 2^52, 0 < m < 2^52 (the double quotient corrected to the exact floor). */
function floorDiv(n: number, m: number): number {
  let q = Math.floor(n / m);
  if (q * m > n) q--;
  else if ((q + 1) * m <= n) q++;
  return q;
}

/** Least common multiple of |a| and |b| (0 when either is 0). */
export function lcm(a: bigint, b: bigint): bigint {
  if (a === 0n || b === 0n) return 0n;
  const l = (a / gcd(a, b)) * b;
  return l < 0n ? -l : l;
}

const DECIMAL = /^([+-])?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;
const FRACTION = /^([+-]?\d+)\s*\/\s*([+-]?\d+)$/;

/**
 * Bounds of a parsed rational string: at most MAX_DIGITS digits in each integer written out, and a decimal
 * exponent of at most MAX_EXPONENT in absolute value. [DECISION] Parsing is the boundary where a 15-byte
 * string ("1e999999999") would otherwise ask for a billion-digit BigInt; 10,000 digits is far beyond any
 * valuation or probability fairdiv prints, and keeps every parse under a millisecond (issue 16).
 */
export const MAX_DIGITS = 10_000;
export const MAX_EXPONENT = 10_000;

function boundedDigits(digits: string, s: string, where: string): string {
  const count = digits.replace(/^[+-]/, '').length;
  if (count > MAX_DIGITS)
    throw new InvalidInputError(
      'too-many-digits',
      `${where}: ${preview(s)} has ${count} digits; at most ${MAX_DIGITS} are accepted`,
    );
  return digits;
}

function preview(s: string): string {
  return JSON.stringify(s.length > 40 ? `${s.slice(0, 20)}...${s.slice(-10)}` : s);
}

/** An integer part of `{ num, den }`: a number (exact double), a bigint, or a string of an integer. */
function integerPart(x: unknown, where: string): Rational {
  if (typeof x === 'number') return Rational.fromNumber(x, where);
  if (typeof x === 'bigint') return new Rational(x);
  if (typeof x === 'string' && /^\s*[+-]?\d+\s*$/.test(x))
    return new Rational(BigInt(boundedDigits(x.trim(), x, where)));
  throw new InvalidInputError(
    'not-a-number',
    `${where}: ${describeValue(x)} is not an integer (a number, bigint or string of digits)`,
  );
}

export class Rational {
  readonly num: bigint;
  readonly den: bigint;

  /** Builds num/den normalised (gcd 1, den > 0). Throws on a zero denominator. */
  constructor(num: bigint, den: bigint = 1n) {
    if (den === 0n) throw new InvalidInputError('zero-denominator', 'rational with zero denominator');
    if (den < 0n) {
      num = -num;
      den = -den;
    }
    const g = gcd(num, den);
    this.num = g > 1n ? num / g : num;
    this.den = g > 1n ? den / g : den;
  }

  static readonly ZERO = new Rational(0n);
  static readonly ONE = new Rational(1n);

  /** Exact conversion; `where` names the input position in error messages. */
  static from(x: RationalLike, where = 'value'): Rational {
    if (x instanceof Rational) return x;
    if (typeof x === 'bigint') return new Rational(x);
    if (typeof x === 'number') return Rational.fromNumber(x, where);
    if (typeof x === 'string') return Rational.parse(x, where);
    if (x !== null && typeof x === 'object' && 'num' in x && 'den' in x) {
      const n = integerPart(x.num, `${where}.num`);
      const d = integerPart(x.den, `${where}.den`);
      if (d.isZero()) throw new InvalidInputError('zero-denominator', `${where}: denominator is zero`);
      return n.div(d);
    }
    throw new InvalidInputError('not-a-number', `${where}: ${describeValue(x)} is not a number or rational string`);
  }

  /** The exact dyadic rational of a finite double. */
  static fromNumber(x: number, where = 'value'): Rational {
    if (!Number.isFinite(x)) throw new InvalidInputError('not-finite', `${where}: ${x} is not finite`);
    if (Number.isInteger(x) && Number.isSafeInteger(x)) return new Rational(BigInt(x));
    const buf = new DataView(new ArrayBuffer(8));
    buf.setFloat64(0, x);
    const hi = buf.getUint32(0);
    const lo = buf.getUint32(4);
    const sign = hi >>> 31 ? -1n : 1n;
    const exp = (hi >>> 20) & 0x7ff;
    let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
    let e: number;
    if (exp === 0) e = -1074;
    else {
      mant |= 1n << 52n;
      e = exp - 1075;
    }
    return e >= 0 ? new Rational(sign * (mant << BigInt(e))) : new Rational(sign * mant, 1n << BigInt(-e));
  }

  /** Parses `"5/2"`, `"-3"`, `"0.1"` (exactly 1/10), `"1e-3"`. */
  static parse(s: string, where = 'value'): Rational {
    if (typeof s !== 'string') return Rational.from(s, where);
    const t = s.trim();
    const f = FRACTION.exec(t);
    if (f) {
      const den = BigInt(boundedDigits(f[2], s, where));
      if (den === 0n) throw new InvalidInputError('zero-denominator', `${where}: ${preview(s)} has a zero denominator`);
      return new Rational(BigInt(boundedDigits(f[1], s, where)), den);
    }
    const d = DECIMAL.exec(t);
    if (d && (d[2] || d[3])) {
      const frac = d[3] ?? '';
      boundedDigits((d[2] || '0') + frac, s, where);
      // the exponent is compared as a string of digits first: Number("9".repeat(400)) is Infinity
      const digits = (d[4] ?? '0').replace(/^[+-]?0*/, '');
      const e = digits.length > 6 ? Infinity : Number(digits) * (d[4]?.startsWith('-') ? -1 : 1);
      if (!(Math.abs(e) <= MAX_EXPONENT))
        throw new InvalidInputError(
          'exponent-too-large',
          `${where}: ${preview(s)} has an exponent beyond +-${MAX_EXPONENT}`,
        );
      let num = BigInt((d[2] || '0') + frac);
      let den = 10n ** BigInt(frac.length);
      if (e > 0) num *= 10n ** BigInt(e);
      else if (e < 0) den *= 10n ** BigInt(-e);
      return new Rational(d[1] === '-' ? -num : num, den);
    }
    throw new InvalidInputError('not-a-number', `${where}: ${preview(s)} is not a number or rational string`);
  }

  add(o: RationalLike): Rational {
    const b = Rational.from(o);
    if (this.den === b.den) return new Rational(this.num + b.num, this.den);
    return new Rational(this.num * b.den + b.num * this.den, this.den * b.den);
  }
  sub(o: RationalLike): Rational {
    const b = Rational.from(o);
    if (this.den === b.den) return new Rational(this.num - b.num, this.den);
    return new Rational(this.num * b.den - b.num * this.den, this.den * b.den);
  }
  mul(o: RationalLike): Rational {
    const b = Rational.from(o);
    return new Rational(this.num * b.num, this.den * b.den);
  }
  div(o: RationalLike): Rational {
    const b = Rational.from(o);
    if (b.num === 0n) throw new InvalidInputError('division-by-zero', 'division by zero');
    return new Rational(this.num * b.den, this.den * b.num);
  }
  neg(): Rational {
    return new Rational(-this.num, this.den);
  }
  abs(): Rational {
    return this.num < 0n ? this.neg() : this;
  }
  inv(): Rational {
    return Rational.ONE.div(this);
  }

  /** -1, 0 or 1. */
  cmp(o: RationalLike): number {
    const b = Rational.from(o);
    const l = this.num * b.den;
    const r = b.num * this.den;
    return l < r ? -1 : l > r ? 1 : 0;
  }
  eq(o: RationalLike): boolean {
    const b = Rational.from(o);
    return this.num === b.num && this.den === b.den;
  }
  lt(o: RationalLike): boolean {
    return this.cmp(o) < 0;
  }
  le(o: RationalLike): boolean {
    return this.cmp(o) <= 0;
  }
  gt(o: RationalLike): boolean {
    return this.cmp(o) > 0;
  }
  ge(o: RationalLike): boolean {
    return this.cmp(o) >= 0;
  }
  isZero(): boolean {
    return this.num === 0n;
  }
  isInteger(): boolean {
    return this.den === 1n;
  }
  sign(): number {
    return this.num < 0n ? -1 : this.num > 0n ? 1 : 0;
  }
  floor(): bigint {
    const q = this.num / this.den;
    return this.num < 0n && q * this.den !== this.num ? q - 1n : q;
  }
  ceil(): bigint {
    return -new Rational(-this.num, this.den).floor();
  }

  static min(a: Rational, b: Rational): Rational {
    return a.le(b) ? a : b;
  }
  static max(a: Rational, b: Rational): Rational {
    return a.ge(b) ? a : b;
  }
  static sum(xs: Iterable<RationalLike>): Rational {
    let s = Rational.ZERO;
    for (const x of xs) s = s.add(x);
    return s;
  }

  /** `"5/2"`, `"-3"`: the exact string form used in every JSON output. */
  toString(): string {
    return this.den === 1n ? this.num.toString() : `${this.num}/${this.den}`;
  }
  toJSON(): string {
    return this.toString();
  }
  /** Nearest double (exact for small values; display only, never for certification). */
  toNumber(): number {
    const n = Number(this.num);
    const d = Number(this.den);
    if (Number.isFinite(n) && Number.isFinite(d) && Math.abs(n) < 2 ** 53 && d < 2 ** 53) return n / d;
    const shift = Math.max(0, this.den.toString(2).length - this.num.toString(2).length + 64);
    let x = Number((this.num << BigInt(shift)) / this.den);
    for (let s = shift; s > 0; s -= 1000) x *= 2 ** -Math.min(s, 1000);
    return x;
  }
  /** LaTeX: `\frac{5}{2}`, `-\frac{1}{3}`, `7`. */
  toLatex(): string {
    if (this.den === 1n) return this.num.toString();
    const sign = this.num < 0n ? '-' : '';
    const a = this.num < 0n ? -this.num : this.num;
    return `${sign}\\frac{${a}}{${this.den}}`;
  }
  /** Short human form: exact when the denominator is small, else a 6-digit decimal with `≈`. */
  toDisplay(): string {
    if (this.den === 1n || this.den <= 1000n) return this.toString();
    return `≈${this.toNumber().toPrecision(6)}`;
  }
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `Rational(${this.toString()})`;
  }
}

/** Shorthand for `Rational.from`. */
export function q(x: RationalLike): Rational {
  return Rational.from(x);
}

/** A short description of a value that is not a rational, for error messages (never throws). */
function describeValue(x: unknown): string {
  if (x === undefined) return 'undefined';
  if (typeof x === 'string') return preview(x);
  if (typeof x === 'symbol' || typeof x === 'function') return typeof x;
  try {
    const j = JSON.stringify(x);
    return j === undefined ? typeof x : j.length > 60 ? `${j.slice(0, 57)}...` : j;
  } catch {
    return typeof x;
  }
}
