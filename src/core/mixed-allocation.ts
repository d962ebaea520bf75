/**
 * Mixed allocations (indivisible bundles plus exact fractions of each divisible good) and lotteries over
 * them, as plain exact data (seed-003 spec 0.2: A_i = (M_i, x_i)).
 *
 * An instance marks its divisible goods (`inst.divisible`); every other good is indivisible. A mixed
 * allocation gives each indivisible good to one agent and splits each divisible good into fractions that sum
 * to exactly 1. Written as a fractional allocation (`toFractional`), the indivisible columns are 0/1.
 *
 * A mixed outcome reaches `Outcome` through the registry's `fractional` slot: a mechanism returns
 * `lottery.marginals()`, a `MixedMarginals`, which is the fractional allocation the lottery implements and
 * carries the lottery itself; `Outcome` keeps that lottery as `mixed`.
 */
import { Allocation, FractionalAllocation, lotteryEntries } from './allocation';
import { InvalidInputError } from './errors';
import type { AgentId, Bundle, GoodId, Instance } from './instance';
import { Rational, type RationalLike } from './rational';

/** The goods of an instance as a mixed allocation needs them: how many, and which are divisible. */
export interface MixedGoods {
  readonly m: number;
  readonly divisible: readonly GoodId[];
}

/** The JSON of a mixed allocation: bundles of indivisible goods, and fractions[i][k] of divisible[k]. */
export interface MixedAllocationJSON {
  bundles: number[][];
  divisible: number[];
  fractions: string[][];
}

/** A mixed allocation: `bundles[i]` are agent i's indivisible goods, `fractions[i][k]` her share of `divisible[k]`. */
export class MixedAllocation {
  readonly bundles: readonly Bundle[];
  readonly divisible: readonly GoodId[];
  readonly fractions: readonly (readonly Rational[])[];
  readonly m: number;
  private canonicalKey: string | undefined;

  /**
   * Validates that the bundles are disjoint, hold no divisible good and cover every indivisible good, and
   * that each divisible good's fractions lie in [0, 1] and sum to exactly 1.
   */
  constructor(
    bundles: readonly (readonly GoodId[])[],
    fractions: readonly (readonly RationalLike[])[],
    goods: MixedGoods,
  ) {
    const { m } = goods;
    const divisible = [...goods.divisible].sort((x, y) => x - y);
    const isDivisible = new Set(divisible);
    if (!Array.isArray(bundles) || bundles.length === 0)
      throw new InvalidInputError('bad-shape', 'mixed allocation: expected one bundle per agent');
    const n = bundles.length;
    const owner = new Array<number>(m).fill(-1);
    bundles.forEach((b, i) => {
      if (!Array.isArray(b))
        throw new InvalidInputError('bad-shape', `mixed allocation bundles[${i}]: expected an array of good indices`);
      b.forEach((g) => {
        if (!Number.isInteger(g) || g < 0 || g >= m)
          throw new InvalidInputError(
            'unknown-good',
            `mixed allocation bundles[${i}]: ${g} is not a good index in 0..${m - 1}`,
          );
        if (isDivisible.has(g))
          throw new InvalidInputError(
            'divisible-in-bundle',
            `mixed allocation bundles[${i}]: good ${g} is divisible; give it as fractions, not in a bundle`,
          );
        if (owner[g] !== -1)
          throw new InvalidInputError(
            'bundle-overlap',
            `mixed allocation: good ${g} is in the bundles of agents ${owner[g]} and ${i}`,
          );
        owner[g] = i;
      });
    });
    const missing = owner.findIndex((o, g) => o === -1 && !isDivisible.has(g));
    if (missing >= 0)
      throw new InvalidInputError(
        'bundle-coverage',
        `mixed allocation: indivisible good ${missing} is not allocated to any agent`,
      );
    if (!Array.isArray(fractions) || fractions.length !== n)
      throw new InvalidInputError(
        'non-rectangular',
        `mixed allocation fractions: expected ${n} rows (one per agent), got ${Array.isArray(fractions) ? fractions.length : typeof fractions}`,
      );
    const parsed = fractions.map((row, i) => {
      if (!Array.isArray(row) || row.length !== divisible.length)
        throw new InvalidInputError(
          'non-rectangular',
          `mixed allocation fractions[${i}]: expected ${divisible.length} entries (one per divisible good)`,
        );
      return row.map((x, k) => {
        const r = Rational.from(x, `mixed allocation fractions[${i}][${k}]`);
        if (r.sign() < 0 || r.gt(1))
          throw new InvalidInputError(
            'fraction-range',
            `mixed allocation fractions[${i}][${k}]: ${r} is not in [0, 1]`,
          );
        return r;
      });
    });
    divisible.forEach((d, k) => {
      const col = Rational.sum(parsed.map((row) => row[k]));
      if (!col.eq(1))
        throw new InvalidInputError(
          'fraction-column-sum',
          `mixed allocation: the fractions of divisible good ${d} sum to ${col}, expected 1`,
        );
    });
    this.bundles = Object.freeze(bundles.map((b) => Object.freeze([...b].sort((x, y) => x - y))));
    this.divisible = Object.freeze(divisible);
    this.fractions = Object.freeze(parsed.map((r) => Object.freeze(r)));
    this.m = m;
  }

  /** The same fraction `cake[i]` of every divisible good for agent i (the merged-good convention, spec P1). */
  static withCake(
    bundles: readonly (readonly GoodId[])[],
    cake: readonly RationalLike[],
    goods: MixedGoods,
  ): MixedAllocation {
    return new MixedAllocation(
      bundles,
      cake.map((x) => goods.divisible.map(() => x)),
      goods,
    );
  }

  /** An integral allocation of a mixed instance: a divisible good in A_i is the fraction 1 for agent i. */
  static fromAllocation(a: Allocation, divisible: readonly GoodId[]): MixedAllocation {
    const isDivisible = new Set(divisible);
    const sorted = [...isDivisible].sort((x, y) => x - y);
    const bundles = a.bundles.map((b) => b.filter((g) => !isDivisible.has(g)));
    const fractions = a.bundles.map((b) => sorted.map((d) => (b.includes(d) ? Rational.ONE : Rational.ZERO)));
    return new MixedAllocation(bundles, fractions, { m: a.m, divisible: sorted });
  }

  /** Rebuilds a mixed allocation from its JSON for an instance (typed errors name the field). */
  static fromJSON(json: unknown, inst: MixedGoods, where = 'mixed allocation'): MixedAllocation {
    if (json === null || typeof json !== 'object' || Array.isArray(json))
      throw new InvalidInputError(
        'bad-shape',
        `${where}: expected { bundles, fractions }, got ${JSON.stringify(json)}`,
      );
    const j = json as Partial<MixedAllocationJSON>;
    if (
      j.divisible !== undefined &&
      JSON.stringify(j.divisible) !== JSON.stringify([...inst.divisible].sort((x, y) => x - y))
    )
      throw new InvalidInputError(
        'bad-shape',
        `${where}.divisible: ${JSON.stringify(j.divisible)} are not the instance's divisible goods ${JSON.stringify(inst.divisible)}`,
      );
    return new MixedAllocation(j.bundles as number[][], j.fractions as string[][], inst);
  }

  get n(): number {
    return this.bundles.length;
  }

  /** Agent i's share of good g: 0 or 1 for an indivisible good, her fraction for a divisible one. */
  share(i: AgentId, g: GoodId): Rational {
    const k = this.divisible.indexOf(g);
    if (k >= 0) return this.fractions[i][k];
    return this.bundles[i].includes(g) ? Rational.ONE : Rational.ZERO;
  }

  /** True when agent j holds a positive fraction of some divisible good (EFM then asks for plain EF towards j). */
  hasDivisiblePart(j: AgentId): boolean {
    return this.fractions[j].some((x) => x.sign() > 0);
  }

  /** u_i(A_j) = sum of u_i over M_j plus sum over D of x_{j,d} u_i(d). */
  value(inst: Instance, i: AgentId, j: AgentId): Rational {
    const row = inst.values[i];
    let s = Rational.ZERO;
    for (const g of this.bundles[j]) s = s.add(row[g]);
    this.divisible.forEach((d, k) => {
      if (!this.fractions[j][k].isZero()) s = s.add(row[d].mul(this.fractions[j][k]));
    });
    return s;
  }

  /** The n x m fractional allocation: 0/1 on indivisible goods, the fractions on divisible ones. */
  toFractional(): FractionalAllocation {
    const shares = this.bundles.map(() => new Array<Rational>(this.m).fill(Rational.ZERO));
    this.bundles.forEach((b, i) => b.forEach((g) => (shares[i][g] = Rational.ONE)));
    this.divisible.forEach((d, k) => this.fractions.forEach((row, i) => (shares[i][d] = row[k])));
    return new FractionalAllocation(shares);
  }

  /** A canonical string key (equal allocations have equal keys), computed on first use. */
  key(): string {
    return (this.canonicalKey ??= this.bundles
      .map((b, i) => `${b.join(',')}+${this.fractions[i].map(String).join(',')}`)
      .join('|'));
  }
  equals(o: MixedAllocation): boolean {
    return this.key() === o.key();
  }
  toJSON(): MixedAllocationJSON {
    return {
      bundles: this.bundles.map((b) => [...b]),
      divisible: [...this.divisible],
      fractions: this.fractions.map((r) => r.map(String)),
    };
  }
  /** `{0, 2, 1/3 of 4} | {1, 2/3 of 4}`: each bundle with its fractions of divisible goods. */
  toString(): string {
    const part = (i: number) => {
      const cake = this.divisible
        .map((d, k) => (this.fractions[i][k].isZero() ? '' : `${this.fractions[i][k]} of ${d}`))
        .filter(Boolean);
      return `{${[...this.bundles[i].map(String), ...cake].join(', ')}}`;
    };
    return this.bundles.map((_, i) => part(i)).join(' | ');
  }
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `MixedAllocation(${this.toString()})`;
  }
}

/** One support entry of a mixed lottery. */
export interface MixedLotteryEntry {
  readonly p: Rational;
  readonly allocation: MixedAllocation;
}

/**
 * A lottery over mixed allocations with exact probabilities: every p > 0, the p sum to exactly 1, equal
 * allocations are merged (probabilities added), entries in decreasing p (ties by key).
 */
export class MixedLottery {
  readonly entries: readonly MixedLotteryEntry[];
  private marginalsMemo?: MixedMarginals;

  constructor(entries: readonly { p: RationalLike; allocation: MixedAllocation }[]) {
    this.entries = lotteryEntries(entries, 'mixed lottery', (a, k) => {
      if (!(a instanceof MixedAllocation))
        throw new InvalidInputError('bad-shape', `mixed lottery[${k}]: allocation is not a MixedAllocation`);
      const first = entries[0].allocation;
      if (a.n !== first.n || a.m !== first.m || a.divisible.join() !== first.divisible.join())
        throw new InvalidInputError(
          'non-rectangular',
          `mixed lottery[${k}]: allocation does not have the agents and goods of entry 0`,
        );
    });
  }

  /** The lottery putting probability 1 on one mixed allocation. */
  static point(a: MixedAllocation): MixedLottery {
    return new MixedLottery([{ p: Rational.ONE, allocation: a }]);
  }
  /** The uniform lottery over a list of mixed allocations (duplicates merged). */
  static uniform(as: readonly MixedAllocation[]): MixedLottery {
    const p = new Rational(1n, BigInt(as.length));
    return new MixedLottery(as.map((allocation) => ({ p, allocation })));
  }
  /** Rebuilds a mixed lottery from its JSON (`[{ p, allocation: { bundles, fractions } }]`) for an instance. */
  static fromJSON(json: unknown, inst: MixedGoods): MixedLottery {
    if (!Array.isArray(json))
      throw new InvalidInputError(
        'bad-shape',
        `mixed lottery: expected a list of { p, allocation }, got ${JSON.stringify(json)}`,
      );
    return new MixedLottery(
      json.map((e, k) => {
        if (e === null || typeof e !== 'object')
          throw new InvalidInputError('bad-shape', `mixed lottery[${k}]: expected { p, allocation }`);
        const { p, allocation } = e as { p: RationalLike; allocation: unknown };
        return {
          p: Rational.from(p, `mixed lottery[${k}].p`),
          allocation: MixedAllocation.fromJSON(allocation, inst, `mixed lottery[${k}].allocation`),
        };
      }),
    );
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
  /** The divisible goods of the instance. */
  get divisible(): readonly GoodId[] {
    return this.entries[0].allocation.divisible;
  }
  /** The fractional allocation the lottery implements, carrying the lottery (computed once). */
  marginals(): MixedMarginals {
    return (this.marginalsMemo ??= new MixedMarginals(this));
  }
  toJSON(): { p: string; allocation: MixedAllocationJSON }[] {
    return this.entries.map((e) => ({ p: e.p.toString(), allocation: e.allocation.toJSON() }));
  }
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `MixedLottery(${this.size} allocations)\n${this.entries.map((e) => `  ${e.p.toDisplay().padStart(8)}  ${e.allocation}`).join('\n')}`;
  }
}

/**
 * The fractional allocation a mixed lottery implements (f[i][g] = E[share of g in A_i]), together with the
 * lottery: what a mixed mechanism hands to the registry, and how `Outcome` finds its mixed support.
 */
export class MixedMarginals extends FractionalAllocation {
  constructor(readonly lottery: MixedLottery) {
    const { n, m } = lottery;
    const f = Array.from({ length: n }, () => new Array<Rational>(m).fill(Rational.ZERO));
    for (const { p, allocation } of lottery.entries) {
      allocation.bundles.forEach((b, i) => b.forEach((g) => (f[i][g] = f[i][g].add(p))));
      allocation.divisible.forEach((d, k) =>
        allocation.fractions.forEach((row, i) => (f[i][d] = f[i][d].add(p.mul(row[k])))),
      );
    }
    super(f);
  }
}
