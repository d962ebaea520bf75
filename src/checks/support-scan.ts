/**
 * Exact scans of a lottery's support for the checks that read every allocation of it (issue 17, item 3): the
 * marginals f[i][g] = P(g in X_i) and every agent's value of her bundle in every allocation. A lottery of
 * `tie-mms-ordinal` at (n, m) = (50, 500) has about 155,000 allocations: with one `Rational` addition (a BigInt gcd)
 * per (allocation, good), certify spent 68 s CPU there and checked nothing; with one pass here every claim takes
 * 3.3-5.5 s from cold, most of it reading the allocations' bundles (bench/results/certify.md, "The lottery of
 * tie-mms-ordinal").
 *
 * [DECISION] Exact integers in doubles instead of Rationals. The probabilities are written over their common
 * denominator D (exact BigInt numerators), each numerator split into limbs of `limbBits` bits; a marginal sums
 * the limbs of at most K allocations in doubles, exact because K limbs below 2^limbBits stay below 2^53. Each
 * agent's values are scaled by the lcm of her row's denominators; when the scaled total is below 2^53 every
 * bundle sum is an exact integer in a double, otherwise the row is summed in BigInt (exact, slower).
 *
 * [DECISION] One pass computes both (the cost is reading the bundles), and it is kept for the support, so the
 * claims of one certify call (implements, implements-cuq, ex-ante PROP, the ex-post shares) read the support once.
 * The memo is a WeakMap keyed by the first allocation; a hit needs the same instance and the same allocation and
 * probability objects at every position (both immutable), so a different support never reads a stale scan.
 */
import { FractionalAllocation, type Allocation, type Lottery } from '../core/allocation';
import type { AgentId, Instance } from '../core/instance';
import { lcm, Rational } from '../core/rational';

/** A support: (probability, allocation) pairs whose probabilities sum to 1. */
export type Support = readonly { readonly p: Rational; readonly allocation: Allocation }[];

/** Number of bits of a non-negative BigInt (0 for 0). */
function bitLength(x: bigint): number {
  return x === 0n ? 0 : x.toString(2).length;
}

/**
 * The probabilities over their common denominator, numerators cut into limbs: `limbs[k * width + l]` is bits
 * [l * limbBits, (l + 1) * limbBits) of allocation k's numerator.
 */
function probabilityLimbs(support: Support): { den: bigint; limbBits: number; width: number; limbs: Float64Array } {
  let den = 1n;
  for (const e of support) if (den % e.p.den !== 0n) den = lcm(den, e.p.den);
  // K summands below 2^limbBits sum below K * 2^limbBits <= 2^53
  const limbBits = Math.min(32, 53 - bitLength(BigInt(support.length)));
  const width = Math.max(1, Math.ceil(bitLength(den) / limbBits));
  const limbs = new Float64Array(support.length * width);
  const mask = (1n << BigInt(limbBits)) - 1n;
  const shift = BigInt(limbBits);
  support.forEach((e, k) => {
    let x = e.p.num * (den / e.p.den);
    for (let l = 0; l < width; l++, x >>= shift) limbs[k * width + l] = Number(x & mask);
  });
  return { den, limbBits, width, limbs };
}

/** Agent i's values as integers: scale[i] * v_i(g), in doubles when the row's total is below 2^53. */
function scaledRows(inst: Instance): { scale: bigint[]; ints: bigint[][]; small: (Float64Array | null)[] } {
  const scale: bigint[] = [];
  const ints: bigint[][] = [];
  const small: (Float64Array | null)[] = [];
  for (const row of inst.values) {
    let s = 1n;
    for (const v of row) if (s % v.den !== 0n) s = lcm(s, v.den);
    const w = row.map((v) => v.num * (s / v.den));
    scale.push(s);
    ints.push(w);
    small.push(w.reduce((a, b) => a + b, 0n) < 2n ** 53n ? Float64Array.from(w, Number) : null);
  }
  return { scale, ints, small };
}

interface Scan {
  readonly allocations: readonly Allocation[];
  readonly probabilities: readonly Rational[];
  marginals?: Rational[][];
  /** The marginals as a checked FractionalAllocation, built once for every claim that asks. */
  fractional?: FractionalAllocation;
  /** The bundle values, per instance that asked. */
  readonly values: Map<Instance, SupportValues>;
}

let scans = new WeakMap<Allocation, Scan>();

/** Forgets every kept scan (benchmarks that measure a cold certify call). */
export function clearSupportScans(): void {
  scans = new WeakMap();
}

/**
 * The memoised scan of `support` with its marginals and, given an instance, its values on that instance (see the
 * module comment): what is missing is computed in one pass.
 */
function scanOf(support: Support, inst: Instance | null): Scan {
  const hit = support.length ? scans.get(support[0].allocation) : undefined;
  const scan: Scan =
    hit &&
    hit.allocations.length === support.length &&
    support.every((e, k) => e.allocation === hit.allocations[k] && e.p === hit.probabilities[k])
      ? hit
      : { allocations: support.map((e) => e.allocation), probabilities: support.map((e) => e.p), values: new Map() };
  if (scan !== hit && support.length) scans.set(support[0].allocation, scan);
  const needValues = inst !== null && !scan.values.has(inst);
  if (scan.marginals && !needValues) return scan;
  const r = scanSupport(support, scan.marginals ? null : marginalShape(support), needValues ? inst : null);
  if (r.marginals) scan.marginals = r.marginals;
  if (r.values && inst) scan.values.set(inst, r.values);
  return scan;
}

/** Agents and goods of a support's allocations. */
function marginalShape(support: Support): { n: number; m: number } {
  return support.length ? { n: support[0].allocation.n, m: support[0].allocation.m } : { n: 0, m: 0 };
}

/**
 * One pass over the bundles of every allocation: the limb sums of the marginals (given their shape) and every
 * agent's bundle values (given an instance).
 */
function scanSupport(
  support: Support,
  shape: { n: number; m: number } | null,
  inst: Instance | null,
): { marginals?: Rational[][]; values?: SupportValues } {
  const K = support.length;
  const n = shape?.n ?? inst?.n ?? 0;
  const m = shape?.m ?? 0;
  const { den, limbBits, width, limbs } = shape
    ? probabilityLimbs(support)
    : { den: 1n, limbBits: 1, width: 0, limbs: new Float64Array(0) };
  const { scale, ints, small } = inst ? scaledRows(inst) : { scale: [], ints: [], small: [] };
  const acc = new Float64Array(n * m * width);
  const scaled = small.map((w) => (w ? new Float64Array(K) : new Array<bigint>(K)));
  for (let k = 0; k < K; k++) {
    const bundles = support[k].allocation.bundles;
    const base = k * width;
    for (let i = 0; i < n; i++) {
      const row = i * m;
      const w = small[i];
      let sum = 0;
      let big = 0n;
      for (const g of bundles[i]) {
        const at = (row + g) * width;
        for (let l = 0; l < width; l++) acc[at + l] += limbs[base + l];
        if (w) sum += w[g];
        else if (inst) big += ints[i][g];
      }
      if (inst) scaled[i][k] = w ? sum : big;
    }
  }
  const shift = BigInt(limbBits);
  const marginals = shape
    ? Array.from({ length: n }, (_, i) =>
        Array.from({ length: m }, (_, g) => {
          const at = (i * m + g) * width;
          let num = 0n;
          for (let l = width - 1; l >= 0; l--) num = (num << shift) + BigInt(acc[at + l]);
          return num === 0n ? Rational.ZERO : new Rational(num, den);
        }),
      )
    : undefined;
  return { marginals, values: inst ? new SupportValues(scale, scaled) : undefined };
}

/**
 * The marginals of a support, exactly: f[i][g] = the sum of p over the allocations that give good g to agent i
 * (n x m of the support's allocations). Independent of `Lottery.marginals` (a checker recomputes what it
 * certifies). The rows are the memo's own: read, never modify them. Given the instance, the same pass also
 * computes the bundle values (`SupportValues.of`).
 */
export function supportMarginals(support: Support, inst?: Instance): Rational[][] {
  return scanOf(support, inst ?? null).marginals!;
}

/** The fractional allocation a lottery implements, recomputed exactly from its support (`supportMarginals`). */
export function lotteryMarginals(l: Lottery, inst?: Instance): FractionalAllocation {
  const scan = scanOf(l.entries, inst ?? null);
  return (scan.fractional ??= new FractionalAllocation(scan.marginals!));
}

/**
 * Every agent's value of her own bundle in every allocation of a support, exact. `scale[i]` is a positive
 * integer with scale[i] * v_i(g) an integer for every good g; `scaled[i][k]` = scale[i] * v_i(X_i^k), in a
 * Float64Array of exact integers when agent i's scaled total is below 2^53, else in BigInts.
 */
export class SupportValues {
  constructor(
    readonly scale: readonly bigint[],
    readonly scaled: readonly (Float64Array | bigint[])[],
  ) {}

  /** The values of `support` on `inst` (one scan, kept for the support: see the module comment). */
  static of(inst: Instance, support: Support): SupportValues {
    return scanOf(support, inst).values.get(inst)!;
  }

  /** v_i(X_i^k), exactly. */
  value(i: AgentId, k: number): Rational {
    return new Rational(BigInt(this.scaled[i][k]), this.scale[i]);
  }

  /** The least integer c with c >= scale_i * t: v_i(X_i^k) >= t iff scaled[i][k] >= c (scaled values are integers). */
  private threshold(i: AgentId, t: Rational): bigint {
    return t.mul(new Rational(this.scale[i])).ceil();
  }

  /** The allocations k with v_i(X_i^k) < t, in support order (at most `limit` of them). */
  indicesBelow(i: AgentId, t: Rational, limit = Infinity): number[] {
    const c = this.threshold(i, t);
    const row = this.scaled[i];
    const out: number[] = [];
    // a double row holds integers below 2^53: a threshold beyond that is above all of them
    const x = row instanceof Float64Array ? (c > 2n ** 53n ? Infinity : Number(c)) : c;
    for (let k = 0; k < row.length && out.length < limit; k++) if (row[k] < x) out.push(k);
    return out;
  }

  /** The first allocation k with v_i(X_i^k) < t, or -1. */
  firstBelow(i: AgentId, t: Rational): number {
    return this.indicesBelow(i, t, 1)[0] ?? -1;
  }

  /** The first allocation with agent i's least value, and that value. */
  least(i: AgentId): { k: number; value: Rational } {
    const row = this.scaled[i];
    let best = 0;
    for (let k = 1; k < row.length; k++) if (row[k] < row[best]) best = k;
    return { k: best, value: this.value(i, best) };
  }
}

/** The sum of the probabilities of the allocations `indices` of a support, exactly. */
export function probabilityOf(support: Support, indices: readonly number[]): Rational {
  if (!indices.length) return Rational.ZERO;
  let den = 1n;
  for (const k of indices) if (den % support[k].p.den !== 0n) den = lcm(den, support[k].p.den);
  let num = 0n;
  for (const k of indices) num += support[k].p.num * (den / support[k].p.den);
  return new Rational(num, den);
}
