/**
 * Allocations (integral), fractional allocations and lotteries over allocations, as plain exact data.
 */
import { InvalidInputError } from './errors';
import type { AgentId, Bundle, GoodId } from './instance';
import { Rational, type RationalLike } from './rational';
import type { Rng } from './rng';

/** Marks bundles built from an owner vector (disjoint, covering and sorted by construction); module-private. */
const FROM_OWNERS = Symbol('bundles from an owner vector');

/** An integral allocation: agent i receives `bundles[i]`; every good is allocated exactly once. */
export class Allocation {
  readonly bundles: readonly Bundle[];
  private canonicalKey: string | undefined;

  /** Validates that the bundles are disjoint and cover goods 0..m-1. */
  constructor(
    bundles: readonly (readonly GoodId[])[],
    readonly m: number,
    origin?: typeof FROM_OWNERS,
  ) {
    if (origin === FROM_OWNERS) {
      this.bundles = Object.freeze(bundles.map((b) => Object.freeze(b)));
      return;
    }
    const owner = new Array<number>(m).fill(-1);
    bundles.forEach((b, i) => {
      if (!Array.isArray(b))
        throw new InvalidInputError('bad-shape', `allocation[${i}]: expected an array of good indices`);
      b.forEach((g) => {
        if (!Number.isInteger(g) || g < 0 || g >= m)
          throw new InvalidInputError('unknown-good', `allocation[${i}]: ${g} is not a good index in 0..${m - 1}`);
        if (owner[g] !== -1)
          throw new InvalidInputError(
            'bundle-overlap',
            `allocation: good ${g} is in the bundles of agents ${owner[g]} and ${i}`,
          );
        owner[g] = i;
      });
    });
    const missing = owner.findIndex((o) => o === -1);
    if (missing >= 0)
      throw new InvalidInputError('bundle-coverage', `allocation: good ${missing} is not allocated to any agent`);
    this.bundles = Object.freeze(bundles.map((b) => Object.freeze([...b].sort((x, y) => x - y))));
  }

  /**
   * From `owner[g]` = the agent receiving good g, checked in one pass: the bundles it builds are disjoint, cover every
   * good and come out sorted, so only the agent indices need checking (O(m), the fast path for large lotteries).
   */
  static fromOwners(owner: ArrayLike<AgentId>, n: number): Allocation {
    const bundles: GoodId[][] = Array.from({ length: n }, () => []);
    for (let g = 0; g < owner.length; g++) {
      const i = owner[g];
      if (!Number.isInteger(i) || i < 0 || i >= n)
        throw new InvalidInputError('unknown-agent', `owner[${g}]: ${i} is not an agent index in 0..${n - 1}`);
      bundles[i].push(g);
    }
    return new Allocation(bundles, owner.length, FROM_OWNERS);
  }

  get n(): number {
    return this.bundles.length;
  }
  /** owner[g] for every good. */
  owners(): AgentId[] {
    const o = new Array<number>(this.m);
    this.bundles.forEach((b, i) => b.forEach((g) => (o[g] = i)));
    return o;
  }
  /** A canonical string key (equal allocations have equal keys), computed on first use and kept. */
  key(): string {
    return (this.canonicalKey ??= this.bundles.map((b) => b.join(',')).join('|'));
  }
  equals(o: Allocation): boolean {
    return this.key() === o.key();
  }
  /** The 0/1 fractional allocation of this allocation. */
  toFractional(): FractionalAllocation {
    const shares = this.bundles.map(() => new Array<Rational>(this.m).fill(Rational.ZERO));
    this.bundles.forEach((b, i) => b.forEach((g) => (shares[i][g] = Rational.ONE)));
    return new FractionalAllocation(shares);
  }
  toJSON(): number[][] {
    return this.bundles.map((b) => [...b]);
  }
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `Allocation(${this.bundles.map((b) => `{${b.join(',')}}`).join(' | ')})`;
  }
}

/** A fractional allocation: `shares[i][g]` in [0, 1] is agent i's share of good g; columns sum to 1. */
export class FractionalAllocation {
  readonly shares: readonly (readonly Rational[])[];

  constructor(shares: readonly (readonly RationalLike[])[], opts: { partial?: boolean } = {}) {
    if (!Array.isArray(shares) || shares.length === 0)
      throw new InvalidInputError('bad-shape', 'fractional allocation: expected an n x m matrix');
    const m = shares[0].length;
    const parsed = shares.map((row, i) => {
      if (!Array.isArray(row) || row.length !== m)
        throw new InvalidInputError(
          'non-rectangular',
          `fractional[${i}]: has ${Array.isArray(row) ? row.length : 0} entries, expected ${m}`,
        );
      return row.map((x, g) => {
        const r = Rational.from(x, `fractional[${i}][${g}]`);
        if (r.sign() < 0 || r.gt(1))
          throw new InvalidInputError('fraction-range', `fractional[${i}][${g}]: ${r} is not in [0, 1]`);
        return r;
      });
    });
    for (let g = 0; g < m; g++) {
      const col = Rational.sum(parsed.map((r) => r[g]));
      if (opts.partial ? col.gt(1) : !col.eq(1))
        throw new InvalidInputError(
          'fraction-column-sum',
          `fractional: column of good ${g} sums to ${col}, expected ${opts.partial ? 'at most ' : ''}1`,
        );
    }
    this.shares = Object.freeze(parsed.map((r) => Object.freeze(r)));
  }
  get n(): number {
    return this.shares.length;
  }
  get m(): number {
    return this.shares[0].length;
  }
  /** Exact equality of every entry. */
  equals(o: FractionalAllocation): boolean {
    return this.n === o.n && this.m === o.m && this.shares.every((r, i) => r.every((x, g) => x.eq(o.shares[i][g])));
  }
  toJSON(): string[][] {
    return this.shares.map((r) => r.map((x) => x.toString()));
  }
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `FractionalAllocation\n${this.shares.map((r) => '  ' + r.map((x) => x.toDisplay()).join(' ')).join('\n')}`;
  }
}

/** One support entry of a lottery. */
export interface LotteryEntry {
  readonly p: Rational;
  readonly allocation: Allocation;
}

/**
 * The entries of a lottery (`label` names it in errors): at least one, every p >= 0 and every allocation
 * accepted by `checkAllocation` (which throws), the p summing to exactly 1; entries with p = 0 dropped, equal
 * allocations (same key) merged with their probabilities added, in decreasing p (ties by key).
 */
export function lotteryEntries<A extends { key(): string }>(
  entries: readonly { p: RationalLike; allocation: A }[],
  label: string,
  checkAllocation: (a: unknown, k: number) => void,
): readonly { readonly p: Rational; readonly allocation: A }[] {
  if (!Array.isArray(entries) || entries.length === 0)
    throw new InvalidInputError('empty-lottery', `${label}: needs at least one allocation`);
  const merged = new Map<string, { p: Rational; allocation: A }>();
  let total = Rational.ZERO;
  entries.forEach((e, k) => {
    const p = Rational.from(e.p, `${label}[${k}].p`);
    if (p.sign() < 0)
      throw new InvalidInputError('negative-probability', `${label}[${k}]: probability ${p} is negative`);
    checkAllocation(e.allocation, k);
    total = total.add(p);
    if (p.isZero()) return;
    const key = e.allocation.key();
    const prev = merged.get(key);
    merged.set(key, { p: prev ? prev.p.add(p) : p, allocation: e.allocation });
  });
  if (!total.eq(1))
    throw new InvalidInputError('probabilities-sum', `${label}: probabilities sum to ${total}, expected exactly 1`);
  return Object.freeze(
    [...merged.entries()]
      .sort(([ka, a], [kb, b]) => b.p.cmp(a.p) || (ka < kb ? -1 : ka > kb ? 1 : 0))
      .map(([, e]) => Object.freeze(e)),
  );
}

/**
 * A lottery over integral allocations with exact probabilities: every p > 0, the p sum to exactly 1,
 * and equal allocations are merged (their probabilities added). Entries are kept in decreasing p.
 */
export class Lottery {
  readonly entries: readonly LotteryEntry[];
  private marginalsMemo?: FractionalAllocation;

  constructor(entries: readonly { p: RationalLike; allocation: Allocation }[]) {
    this.entries = lotteryEntries(entries, 'lottery', (a, k) => {
      if (!(a instanceof Allocation))
        throw new InvalidInputError('bad-shape', `lottery[${k}]: allocation is not an Allocation`);
      const { n, m } = entries[0].allocation;
      if (a.n !== n || a.m !== m)
        throw new InvalidInputError(
          'non-rectangular',
          `lottery[${k}]: allocation has ${a.n} agents and ${a.m} goods, expected ${n} and ${m}`,
        );
    });
  }

  /** The lottery putting probability 1 on one allocation. */
  static point(a: Allocation): Lottery {
    return new Lottery([{ p: Rational.ONE, allocation: a }]);
  }
  /** The uniform lottery over a list of allocations (duplicates merged). */
  static uniform(as: readonly Allocation[]): Lottery {
    const p = new Rational(1n, BigInt(as.length));
    return new Lottery(as.map((allocation) => ({ p, allocation })));
  }

  get n(): number {
    return this.entries[0].allocation.n;
  }
  get m(): number {
    return this.entries[0].allocation.m;
  }
  get size(): number {
    return this.entries.length;
  }
  /** The fractional allocation the lottery implements: f[i][g] = P(g in A_i) (computed once). */
  marginals(): FractionalAllocation {
    if (this.marginalsMemo) return this.marginalsMemo;
    const f = Array.from({ length: this.n }, () => new Array<Rational>(this.m).fill(Rational.ZERO));
    for (const { p, allocation } of this.entries)
      allocation.bundles.forEach((b, i) => b.forEach((g) => (f[i][g] = f[i][g].add(p))));
    this.marginalsMemo = new FractionalAllocation(f);
    return this.marginalsMemo;
  }
  /** Draws one allocation (exact inverse-CDF on a 53-bit uniform). */
  sample(r: Rng): Allocation {
    const u = Rational.fromNumber(r.float());
    let acc = Rational.ZERO;
    for (const e of this.entries) {
      acc = acc.add(e.p);
      if (u.lt(acc)) return e.allocation;
    }
    return this.entries[this.entries.length - 1].allocation;
  }
  toJSON(): { p: string; allocation: number[][] }[] {
    return this.entries.map((e) => ({ p: e.p.toString(), allocation: e.allocation.toJSON() }));
  }
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `Lottery(${this.size} allocations)\n${this.entries
      .map(
        (e) => `  ${e.p.toDisplay().padStart(8)}  ${e.allocation.bundles.map((b) => `{${b.join(',')}}`).join(' | ')}`,
      )
      .join('\n')}`;
  }
}
