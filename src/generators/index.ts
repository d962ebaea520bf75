/**
 * Seeded instance families. Every generator takes a seed (number or string) and gives the same instance
 * on every platform (xoshiro128**, src/core/rng.ts).
 */
import { Instance } from '../core/instance';
import { Rational, type RationalLike } from '../core/rational';
import { rng, type Rng } from '../core/rng';

export interface Size {
  n: number;
  m: number;
  seed?: number | string;
}

function build(
  n: number,
  m: number,
  cell: (r: Rng, i: number, g: number) => RationalLike,
  seed: number | string = 0,
  r = rng(seed),
): Instance {
  return new Instance(Array.from({ length: n }, (_, i) => Array.from({ length: m }, (__, g) => cell(r, i, g))));
}

/** Values uniform in {lo, ..., hi} (default 1..100). */
export function uniformInstance({ n, m, seed, lo = 1, hi = 100 }: Size & { lo?: number; hi?: number }): Instance {
  return build(n, m, (r) => r.int(lo, hi), seed);
}

/** Spliddit-like: each agent distributes `budget` (default 1000) points over the goods (integers, sum exactly budget). */
export function splidditInstance({ n, m, seed, budget = 1000 }: Size & { budget?: number }): Instance {
  const r = rng(seed ?? 0);
  const rows = Array.from({ length: n }, () => {
    const cuts = Array.from({ length: m - 1 }, () => r.int(0, budget)).sort((a, b) => a - b);
    return Array.from({ length: m }, (_, g) => (g === m - 1 ? budget : cuts[g]) - (g === 0 ? 0 : cuts[g - 1]));
  });
  return new Instance(m === 0 ? rows.map(() => []) : rows);
}

/** Bi-valued: every value is a or b (default 1 and 3), b with probability pHigh (default 1/2). */
export function biValuedInstance({
  n,
  m,
  seed,
  a = 1,
  b = 3,
  pHigh = 0.5,
}: Size & { a?: RationalLike; b?: RationalLike; pHigh?: number }): Instance {
  const A = Rational.from(a);
  const B = Rational.from(b);
  return build(n, m, (r) => (r.float() < pHigh ? B : A), seed);
}

/** Binary: values in {0, 1}, 1 with probability p (default 1/2). */
export function binaryInstance({ n, m, seed, p = 0.5 }: Size & { p?: number }): Instance {
  return build(n, m, (r) => (r.float() < p ? 1 : 0), seed);
}

/** Identical valuations: one uniform row (lo..hi) shared by every agent. */
export function identicalInstance({ n, m, seed, lo = 1, hi = 100 }: Size & { lo?: number; hi?: number }): Instance {
  const r = rng(seed ?? 0);
  const row = Array.from({ length: m }, () => r.int(lo, hi));
  return new Instance(Array.from({ length: n }, () => row));
}

/** A uniformly random strict order of m goods. */
export function randomOrder(m: number, r: Rng): number[] {
  return r.shuffle(Array.from({ length: m }, (_, g) => g));
}

/**
 * Mallows order around `center` with dispersion phi in [0, 1] (phi = 1 uniform, phi = 0 the center), by
 * the repeated insertion model: the k-th good of the center is inserted at position k - j (j >= 0 steps up)
 * with probability proportional to phi^j.
 */
export function mallowsOrder(center: readonly number[], phi: number, r: Rng): number[] {
  const out: number[] = [];
  center.forEach((g, k) => {
    const weights = Array.from({ length: k + 1 }, (_, j) => phi ** j);
    const total = weights.reduce((s, w) => s + w, 0);
    let u = r.float() * total;
    let j = 0;
    while (j < k && u >= weights[j]) u -= weights[j++];
    out.splice(k - j, 0, g);
  });
  return out;
}

/**
 * Ordinal instance: strict orders (uniform, or Mallows around the identity with dispersion phi); the values
 * are Borda scores (m - position), so the values and the orders agree.
 */
export function ordinalInstance({ n, m, seed, phi }: Size & { phi?: number }): Instance {
  const r = rng(seed ?? 0);
  const center = Array.from({ length: m }, (_, g) => g);
  const orders = Array.from({ length: n }, () =>
    phi === undefined ? randomOrder(m, r) : mallowsOrder(center, phi, r),
  );
  const values = orders.map((o) => {
    const row = new Array<number>(m);
    o.forEach((g, pos) => (row[g] = m - pos));
    return row;
  });
  return new Instance(values, { orders });
}
