/**
 * Pick-r share vectors (paper 001, Definition 3.4) and their QT-s acceptance probabilities (Definition
 * 3.5), seed-001 spec sections 3.1–3.2:
 *   r_i = s_i prod_{k<i} (1 - s_k),  P_i = 1 - R_{i-1},  s_i = r_i / P_i (s_n = 1),
 * and the integer counts t_i = floor(m R_i) - floor(m R_{i-1}) of Pick-r, computed EXACTLY (pitfall P6):
 * every share is converted to a rational through its shortest decimal string (0.7 -> 7/10, 0.1 -> 1/10), or
 * given directly as a rational string ("7/10"), so the cumulative sums carry no float error; K_n = m.
 */
import { InvalidInputError } from '../core/errors';
import { Rational, type RationalLike } from '../core/rational';

/** Validates a share vector (r_i ≥ 0, |sum - 1| ≤ 1e-9) and returns it renormalized to sum exactly 1. */
export function exactShares(r: readonly RationalLike[], where = 'r'): Rational[] {
  if (!Array.isArray(r) || r.length === 0)
    throw new InvalidInputError('bad-shares', `${where}: expected a non-empty array of shares`);
  const q = r.map((x, i) => {
    if (typeof x === 'number' && !Number.isFinite(x))
      throw new InvalidInputError('bad-shares', `${where}[${i}]: ${x} is not finite`);
    const v = typeof x === 'number' ? Rational.parse(String(x), `${where}[${i}]`) : Rational.from(x, `${where}[${i}]`);
    if (v.sign() < 0) throw new InvalidInputError('bad-shares', `${where}[${i}]: share ${v} is negative`);
    return v;
  });
  const sum = Rational.sum(q);
  if (Math.abs(sum.toNumber() - 1) > 1e-9)
    throw new InvalidInputError('bad-shares', `${where}: shares sum to ${sum.toNumber()}, expected 1`);
  return sum.eq(1) ? q : q.map((x) => x.div(sum));
}

/**
 * Pick-r counts: t_i = floor(m R_i) - floor(m R_{i-1}) with R_n forced to 1, so t_i ∈ {floor(r_i m),
 * ceil(r_i m)} and sum t_i = m. Exact (see module header).
 */
export function pickCounts(r: readonly RationalLike[], m: number): number[] {
  if (!Number.isInteger(m) || m < 0)
    throw new InvalidInputError('bad-count', `pickCounts: m = ${m} must be a non-negative integer`);
  const q = exactShares(r);
  const M = BigInt(m);
  const t: number[] = [];
  let R = Rational.ZERO;
  let prev = 0n;
  q.forEach((x, i) => {
    R = R.add(x);
    let K = i === q.length - 1 ? M : new Rational(R.num * M, R.den).floor();
    if (K < prev) K = prev;
    if (K > M) K = M;
    t.push(Number(K - prev));
    prev = K;
  });
  return t;
}

/** R_TO_S of spec 3.2: s_i = r_i / P_i (s_i = 1 for the last agent or when P_i ≈ 0). */
export function rToS(r: readonly number[]): number[] {
  let P = 1;
  return r.map((ri, i) => {
    const s = i === r.length - 1 || P <= 1e-15 ? 1 : Math.min(1, Math.max(0, ri / P));
    P -= ri;
    return s;
  });
}

/** S_TO_R of spec 3.2 (requires s_n = 1). */
export function sToR(s: readonly number[]): number[] {
  if (s.length === 0 || Math.abs(s[s.length - 1] - 1) > 1e-12)
    throw new InvalidInputError(
      'bad-shares',
      `sToR: the last acceptance probability must be 1, got ${s[s.length - 1]}`,
    );
  s.forEach((x, i) => {
    if (!(x >= 0 && x <= 1)) throw new InvalidInputError('bad-shares', `sToR: s[${i}] = ${x} is not in [0, 1]`);
  });
  let P = 1;
  return s.map((si) => {
    const r = P * si;
    P *= 1 - si;
    return r;
  });
}

/** Float share vector from any share input (validated, renormalized). */
export function floatShares(r: readonly RationalLike[] | number, n: number, where = 'r'): number[] {
  if (typeof r === 'number') {
    if (n !== 2)
      throw new InvalidInputError(
        'bad-shares',
        `${where}: a scalar share needs n = 2 agents (got n = ${n}); pass an array of n shares`,
      );
    if (!(r >= 0 && r <= 1)) throw new InvalidInputError('bad-shares', `${where}: scalar share ${r} is not in [0, 1]`);
    return [r, 1 - r];
  }
  const q = exactShares(r, where);
  if (q.length !== n) throw new InvalidInputError('bad-shares', `${where}: ${q.length} shares for ${n} agents`);
  return q.map((x) => x.toNumber());
}
