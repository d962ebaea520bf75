/**
 * A fair-division instance: agents, goods and an additive valuation matrix of exact rationals.
 */
import { InvalidInputError } from './errors';
import { Rational, type RationalLike } from './rational';

/** Index of an agent (0-based row of the valuation matrix). */
export type AgentId = number;
/** Index of a good (0-based column of the valuation matrix). */
export type GoodId = number;
/** A set of goods, as sorted good indices. */
export type Bundle = readonly GoodId[];

/**
 * A declared bi-valued domain as given: one pair `[a, b]` common to every agent, or one pair per agent.
 * Every indivisible good is worth exactly a_i or b_i to agent i; divisible goods are unrestricted
 * (seed-003 spec 0.2 and the Remark after Theorem 4.1).
 */
export type BivaluedInput = readonly [RationalLike, RationalLike] | readonly (readonly [RationalLike, RationalLike])[];

/** The instance JSON of architecture section 6. */
export interface InstanceJSON {
  agents?: string[];
  goods?: string[];
  values: RationalLike[][];
  orders?: number[][];
  divisible?: number[];
  bivalued?: [RationalLike, RationalLike] | [RationalLike, RationalLike][];
}

/** One agent's pair of values, a < b: a good is "small" (worth a) or "large" (worth b) to her. */
export interface BivaluedPair {
  readonly a: Rational;
  readonly b: Rational;
}

/**
 * A validated bi-valued declaration. The pair is explicit input, never inferred from the values: if every
 * value is 5, nothing says whether 5 is a or b (seed-003 spec 0.2).
 */
export interface BivaluedDomain {
  /** True when one pair is common to every agent (the JSON's `"bivalued": [a, b]`). */
  readonly common: boolean;
  /** The pair of each agent (the common pair repeated when `common`). */
  readonly pairs: readonly BivaluedPair[];
}

/** What `instance(x)` accepts: a matrix, an object of objects, the instance JSON, or an Instance. */
export type InstanceInput =
  | Instance
  | InstanceJSON
  | readonly (readonly RationalLike[])[]
  | Readonly<Record<string, Readonly<Record<string, RationalLike>>>>;

function checkNames(names: readonly string[], what: string): void {
  const seen = new Map<string, number>();
  names.forEach((name, k) => {
    if (typeof name !== 'string' || name.length === 0)
      throw new InvalidInputError('bad-name', `${what}[${k}]: name must be a non-empty string`);
    const prev = seen.get(name);
    if (prev !== undefined)
      throw new InvalidInputError('duplicate-name', `${what}[${k}]: duplicate name "${name}" (also ${what}[${prev}])`);
    seen.set(name, k);
  });
}

function checkOrder(order: readonly number[], m: number, where: string): void {
  if (!Array.isArray(order) || order.length !== m)
    throw new InvalidInputError(
      'bad-order',
      `${where}: a strict order must list all ${m} goods, got ${Array.isArray(order) ? order.length : typeof order}`,
    );
  const seen = new Set<number>();
  order.forEach((g, k) => {
    if (!Number.isInteger(g) || g < 0 || g >= m)
      throw new InvalidInputError('unknown-good', `${where}[${k}]: ${g} is not a good index in 0..${m - 1}`);
    if (seen.has(g)) throw new InvalidInputError('bad-order', `${where}[${k}]: good ${g} appears twice`);
    seen.add(g);
  });
}

function parsePair(raw: unknown, where: string): BivaluedPair {
  if (!Array.isArray(raw) || raw.length !== 2)
    throw new InvalidInputError(
      'bad-bivalued',
      `${where}: expected a pair [a, b] of values, got ${JSON.stringify(raw)}`,
    );
  const a = Rational.from(raw[0] as RationalLike, `${where}[0]`);
  const b = Rational.from(raw[1] as RationalLike, `${where}[1]`);
  if (a.sign() < 0 || !a.lt(b))
    throw new InvalidInputError('bad-bivalued', `${where}: expected 0 <= a < b, got a = ${a}, b = ${b}`);
  return { a, b };
}

/** Parses `"bivalued": [a, b]` or `[[a_0, b_0], ...]` (one pair per agent). */
function parseBivalued(raw: unknown, n: number): BivaluedDomain {
  if (!Array.isArray(raw))
    throw new InvalidInputError(
      'bad-bivalued',
      `bivalued: expected [a, b] or one [a_i, b_i] per agent, got ${JSON.stringify(raw)}`,
    );
  if (!Array.isArray(raw[0])) {
    const pair = parsePair(raw, 'bivalued');
    return { common: true, pairs: Array.from({ length: n }, () => pair) };
  }
  if (raw.length !== n) throw new InvalidInputError('bad-bivalued', `bivalued: ${raw.length} pairs for ${n} agents`);
  return { common: false, pairs: raw.map((p, i) => parsePair(p, `bivalued[${i}]`)) };
}

function isDomain(x: unknown): x is BivaluedDomain {
  return x !== null && typeof x === 'object' && !Array.isArray(x) && Array.isArray((x as BivaluedDomain).pairs);
}

/** A validated domain back in its input form (a copy keeps its declaration through `withReport`). */
function domainInput(d: BivaluedDomain): BivaluedInput {
  return d.common ? [d.pairs[0].a, d.pairs[0].b] : d.pairs.map((p): [Rational, Rational] => [p.a, p.b]);
}

/** The first indivisible value outside the declared domain, as a typed `not-bivalued` error. */
function checkBivalued(
  values: readonly (readonly Rational[])[],
  divisible: ReadonlySet<number>,
  domain: BivaluedDomain,
): void {
  values.forEach((row, i) => {
    const { a, b } = domain.pairs[i];
    row.forEach((v, g) => {
      if (divisible.has(g) || v.eq(a) || v.eq(b)) return;
      const pair = domain.common ? `bivalued [${a}, ${b}]` : `bivalued[${i}] = [${a}, ${b}]`;
      throw new InvalidInputError(
        'not-bivalued',
        `values[${i}][${g}]: ${v} is neither a = ${a} nor b = ${b} (declared ${pair})`,
      );
    });
  });
}

/** A value as the instance JSON writes it: a number when it is a safe integer, else an exact string. */
function jsonValue(x: Rational): RationalLike {
  return x.isInteger() && x.num < 2n ** 53n && x.num > -(2n ** 53n) ? Number(x.num) : x.toString();
}

/** An additive instance. Immutable; rows are agents, columns are goods. */
export class Instance {
  readonly agents: readonly string[];
  readonly goods: readonly string[];
  readonly values: readonly (readonly Rational[])[];
  /** Reported strict orders (best first), when given; otherwise derived by `order(i)`. */
  readonly orders?: readonly (readonly GoodId[])[];
  /** Indices of divisible goods (mixed-goods mechanisms). */
  readonly divisible: readonly GoodId[];
  /** The declared bi-valued domain of the indivisible goods, when given. */
  readonly bivalued?: BivaluedDomain;

  constructor(
    values: readonly (readonly RationalLike[])[],
    opts: {
      agents?: readonly string[];
      goods?: readonly string[];
      orders?: readonly (readonly number[])[];
      divisible?: readonly number[];
      bivalued?: BivaluedInput | BivaluedDomain;
    } = {},
  ) {
    if (!Array.isArray(values))
      throw new InvalidInputError('bad-shape', 'values: expected an array of rows (agents x goods)');
    // lists from files or notebooks: a number, a string or an object here is bad input, never a TypeError
    for (const key of ['agents', 'goods', 'orders', 'divisible'] as const)
      if (opts[key] !== undefined && !Array.isArray(opts[key]))
        throw new InvalidInputError('bad-shape', `${key}: expected a list, got ${typeof opts[key]}`);
    const n = values.length;
    if (n === 0) throw new InvalidInputError('no-agents', 'values: an instance needs at least one agent');
    values.forEach((row, i) => {
      if (!Array.isArray(row))
        throw new InvalidInputError('bad-shape', `values[${i}]: expected an array of goods' values`);
    });
    const m = opts.goods ? opts.goods.length : values[0].length;
    // rows that agree with each other but not with the goods list: the list is what is wrong
    if (opts.goods && values.every((row) => row.length === values[0].length) && values[0].length !== m)
      throw new InvalidInputError('non-rectangular', `goods: ${m} names for ${values[0].length} columns of values`);
    values.forEach((row, i) => {
      if (row.length !== m)
        throw new InvalidInputError(
          'non-rectangular',
          `values[${i}]: has ${row.length} entries, expected ${m} (one per good)`,
        );
    });
    const parsed = values.map((row, i) =>
      row.map((x: RationalLike, g: number) => {
        const where = `values[${i}][${g}]`;
        const r = Rational.from(x, where);
        if (r.sign() < 0) throw new InvalidInputError('negative-value', `${where}: ${r} is negative (goods only)`);
        return r;
      }),
    );
    const agents = opts.agents ? [...opts.agents] : values.map((_, i) => String(i));
    const goods = opts.goods ? [...opts.goods] : Array.from({ length: m }, (_, g) => String(g));
    if (agents.length !== n)
      throw new InvalidInputError('non-rectangular', `agents: ${agents.length} names for ${n} rows of values`);
    checkNames(agents, 'agents');
    checkNames(goods, 'goods');
    if (opts.orders) {
      if (opts.orders.length !== n)
        throw new InvalidInputError('bad-order', `orders: ${opts.orders.length} orders for ${n} agents`);
      opts.orders.forEach((o, i) => checkOrder(o, m, `orders[${i}]`));
    }
    const divisible = opts.divisible ? [...opts.divisible] : [];
    divisible.forEach((g, k) => {
      if (!Number.isInteger(g) || g < 0 || g >= m)
        throw new InvalidInputError('unknown-good', `divisible[${k}]: ${g} is not a good index in 0..${m - 1}`);
    });
    this.agents = Object.freeze(agents);
    this.goods = Object.freeze(goods);
    this.values = Object.freeze(parsed.map((r) => Object.freeze(r)));
    if (opts.orders) this.orders = Object.freeze(opts.orders.map((o) => Object.freeze([...o])));
    this.divisible = Object.freeze([...new Set(divisible)].sort((a, b) => a - b));
    if (opts.bivalued !== undefined) {
      const domain = parseBivalued(isDomain(opts.bivalued) ? domainInput(opts.bivalued) : opts.bivalued, n);
      checkBivalued(this.values, new Set(this.divisible), domain);
      this.bivalued = Object.freeze({
        common: domain.common,
        pairs: Object.freeze(domain.pairs.map((p) => Object.freeze(p))),
      });
    }
  }

  get n(): number {
    return this.values.length;
  }
  get m(): number {
    return this.goods.length;
  }

  /** v_i(S) for a set of goods S. */
  value(i: AgentId, bundle: Iterable<GoodId>): Rational {
    const row = this.values[i];
    let s = Rational.ZERO;
    for (const g of bundle) s = s.add(row[g]);
    return s;
  }
  /** v_i(M). */
  total(i: AgentId): Rational {
    return Rational.sum(this.values[i]);
  }
  /**
   * Agent i's strict order, best first: the reported one, else goods sorted by (-v_i(g), g)
   * (higher value first, ties by smaller good index; seed-000 spec 0.3).
   */
  order(i: AgentId): GoodId[] {
    if (this.orders) return [...this.orders[i]];
    return strictOrder(this.values[i]);
  }
  /** Index of an agent by name (or the index itself); throws `unknown-agent`. */
  agentIndex(a: string | number): AgentId {
    if (typeof a === 'number' && Number.isInteger(a) && a >= 0 && a < this.n) return a;
    const k = this.agents.indexOf(String(a));
    if (k < 0)
      throw new InvalidInputError(
        'unknown-agent',
        `unknown agent ${JSON.stringify(a)} (agents: ${this.agents.join(', ')})`,
      );
    return k;
  }
  /** Index of a good by name (or the index itself); throws `unknown-good`. */
  goodIndex(g: string | number): GoodId {
    if (typeof g === 'number' && Number.isInteger(g) && g >= 0 && g < this.m) return g;
    const k = this.goods.indexOf(String(g));
    if (k < 0)
      throw new InvalidInputError(
        'unknown-good',
        `unknown good ${JSON.stringify(g)} (goods: ${this.goods.join(', ')})`,
      );
    return k;
  }
  /**
   * A copy with agent i's row (and order) replaced: a misreport. The bi-valued declaration is kept when the
   * reported row lies in it and dropped otherwise, so an audit can explore any report (a bi-valued
   * mechanism's domain check then rejects the report it cannot take).
   */
  withReport(i: AgentId, values: readonly RationalLike[] | null, order?: readonly GoodId[]): Instance {
    const rows = this.values.map((r, k) => (k === i && values ? values : r));
    let orders: GoodId[][] | undefined;
    if (order || this.orders) {
      orders = this.values.map((_, k) => (k === i && order ? [...order] : this.order(k)));
    }
    const base = { agents: this.agents, goods: this.goods, orders, divisible: this.divisible };
    const keep =
      this.bivalued && (!values || (Array.isArray(values) && values.every((x, g) => this.inDomain(i, g, x))));
    return new Instance(rows, keep ? { ...base, bivalued: this.bivalued } : base);
  }
  /** Whether `x` may be agent i's value of good g under the declared domain (false when it does not parse). */
  private inDomain(i: AgentId, g: GoodId, x: RationalLike): boolean {
    if (this.divisible.includes(g)) return true;
    const { a, b } = this.bivalued!.pairs[i];
    try {
      const v = Rational.from(x);
      return v.eq(a) || v.eq(b);
    } catch {
      return false;
    }
  }
  toJSON(): InstanceJSON {
    const out: InstanceJSON = {
      agents: [...this.agents],
      goods: [...this.goods],
      values: this.values.map((r) => r.map(jsonValue)),
    };
    if (this.orders) out.orders = this.orders.map((o) => [...o]);
    if (this.divisible.length) out.divisible = [...this.divisible];
    if (this.bivalued) {
      const pairs = this.bivalued.pairs.map((p): [RationalLike, RationalLike] => [jsonValue(p.a), jsonValue(p.b)]);
      out.bivalued = this.bivalued.common ? pairs[0] : pairs;
    }
    return out;
  }
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    const rows = this.values.map((r, i) => `  ${this.agents[i]}: ${r.map((x) => x.toDisplay()).join(' ')}`);
    return `Instance(n=${this.n}, m=${this.m}; goods ${this.goods.join(' ')})\n${rows.join('\n')}`;
  }
}

/** Goods sorted by (-v(g), g): the project's tie-break for strict orders consistent with v. */
export function strictOrder(values: readonly Rational[]): GoodId[] {
  return values.map((_, g) => g).sort((a, b) => values[b].cmp(values[a]) || a - b);
}

/** The keys of the instance JSON (architecture section 6); `$schema` lets an editor find the JSON Schema. */
const INSTANCE_JSON_KEYS = ['agents', 'goods', 'values', 'orders', 'divisible', 'bivalued', '$schema'];

function isMatrix(x: unknown): x is readonly (readonly RationalLike[])[] {
  return Array.isArray(x);
}

/**
 * Builds a validated Instance from a matrix (`[[3, 7], [4, 4]]`), an object of objects
 * (`{alice: {car: 3, house: 7}, bob: {car: 4, house: 4}}`) or the instance JSON.
 * Throws `InvalidInputError` naming the position of the first problem.
 */
export function instance(x: InstanceInput): Instance {
  if (x instanceof Instance) return x;
  if (isMatrix(x)) return new Instance(x);
  if (x === null || typeof x !== 'object')
    throw new InvalidInputError('bad-shape', 'instance: expected a matrix, an object of objects or instance JSON');
  if (!Object.values(x).every((row) => row !== null && typeof row === 'object' && !Array.isArray(row))) {
    // not an object of row objects, so instance JSON: name every key it does not know (a misspelt "values")
    const unknown = Object.keys(x).filter((k) => !INSTANCE_JSON_KEYS.includes(k));
    if (unknown.length)
      throw new InvalidInputError(
        'unknown-key',
        `instance: unknown key ${unknown.map((k) => JSON.stringify(k)).join(', ')}; known: ${INSTANCE_JSON_KEYS.join(', ')}`,
      );
    if (!Array.isArray((x as InstanceJSON).values))
      throw new InvalidInputError(
        'bad-shape',
        (x as InstanceJSON).values === undefined
          ? 'instance: missing "values" (a matrix, one row per agent)'
          : `instance: "values" must be a matrix (one row per agent), got ${JSON.stringify((x as InstanceJSON).values)}`,
      );
  }
  if ('values' in x && Array.isArray((x as InstanceJSON).values)) {
    const j = x as InstanceJSON;
    return new Instance(j.values, {
      agents: j.agents,
      goods: j.goods,
      orders: j.orders,
      divisible: j.divisible,
      bivalued: j.bivalued,
    });
  }
  const obj = x as Readonly<Record<string, Readonly<Record<string, RationalLike>>>>;
  const agents = Object.keys(obj);
  const goods: string[] = [];
  for (const a of agents) {
    const row = obj[a];
    if (row === null || typeof row !== 'object' || Array.isArray(row))
      throw new InvalidInputError('bad-shape', `${a}: expected an object {good: value, ...}`);
    for (const g of Object.keys(row)) if (!goods.includes(g)) goods.push(g);
  }
  const values = agents.map((a) =>
    goods.map((g) => {
      if (!(g in obj[a]))
        throw new InvalidInputError(
          'unknown-good',
          `${a}: no value for good "${g}" (every agent must value every good)`,
        );
      return obj[a][g];
    }),
  );
  return new Instance(values, { agents, goods });
}
