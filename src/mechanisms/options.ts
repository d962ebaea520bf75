/**
 * Mechanism options: one parser per concept, shared by every mechanism folder, each with one error code.
 * A mechanism declares its options as a schema (`{ agentOrder: agentOrderOption(), seed: seedOption() }`);
 * `parseOptions` rejects unknown keys (listing the known ones), parses each value or applies its default,
 * and returns the values as the mechanism sees them together with their JSON form, which the registry
 * records on the Outcome so that an Outcome JSON is enough to reproduce the run.
 *
 * Names: an agent permutation is `agentOrder` (never `order`, which means an agent's preference order over
 * goods); a random seed is `seed`.
 *
 * Error codes: `bad-options` (not an object), `unknown-option`, `missing-option`, `bad-agent-order`,
 * `bad-seed`, `bad-rational`, `bad-integer`, `bad-distribution`, `bad-option` (a choice or flag).
 */
import { InvalidInputError } from '../core/errors';
import type { AgentId, Instance } from '../core/instance';
import { Rational, type RationalLike } from '../core/rational';
import type { Distribution } from '../stochastic/distribution';
import { toDistribution } from '../stochastic/parse';

/** Where an option is parsed: for error messages and instance-dependent checks (n, m). */
export interface OptionContext {
  readonly mechanism: string;
  readonly key: string;
  readonly instance: Instance;
}

/** One option: how to parse it (raw `undefined` when absent), its description, and its JSON form. */
export interface OptionSpec<T> {
  /** One line for `fairdiv list` and the README, e.g. "agent permutation (default identity)". */
  readonly describe: string;
  parse(raw: unknown, ctx: OptionContext): T;
  /** The value as recorded in `Outcome.options`; `undefined` leaves the key out. Default: the value itself. */
  record?(value: T): unknown;
}

export type OptionsSchema = Readonly<Record<string, OptionSpec<unknown>>>;

/** The parsed options of a schema, typed per key. */
export type ParsedOptions<S extends OptionsSchema> = {
  readonly [K in keyof S]: S[K] extends OptionSpec<infer T> ? T : never;
};

/** "mechanism: options.key", the prefix of every option error message. */
export function optionPath(ctx: OptionContext): string {
  return `${ctx.mechanism}: options.${ctx.key}`;
}

function isPlainObject(x: unknown): x is Record<string, unknown> {
  if (x === null || typeof x !== 'object' || Array.isArray(x)) return false;
  const proto = Object.getPrototypeOf(x);
  return proto === Object.prototype || proto === null;
}

/**
 * Parses `raw` against `schema` for `mechanism` on `inst`: typed errors for a non-object, an unknown key
 * ("unknown option ordr for round-robin; known: agentOrder") and every bad value.
 */
export function parseOptions<S extends OptionsSchema>(
  mechanism: string,
  schema: S,
  raw: unknown,
  inst: Instance,
): { readonly parsed: ParsedOptions<S>; readonly used: Record<string, unknown> } {
  if (raw === undefined || raw === null) raw = {};
  if (!isPlainObject(raw))
    throw new InvalidInputError('bad-options', `${mechanism}: options must be an object, got ${JSON.stringify(raw)}`);
  const known = Object.keys(schema);
  for (const key of Object.keys(raw))
    if (!Object.prototype.hasOwnProperty.call(schema, key))
      throw new InvalidInputError(
        'unknown-option',
        `unknown option ${key} for ${mechanism}; known: ${known.length ? known.join(', ') : '(none)'}`,
      );
  const parsed: Record<string, unknown> = {};
  const used: Record<string, unknown> = {};
  for (const key of known) {
    const spec = schema[key];
    const value = spec.parse(raw[key], { mechanism, key, instance: inst });
    parsed[key] = value;
    if (value === undefined) continue;
    const recorded = spec.record ? spec.record(value) : value;
    if (recorded !== undefined) used[key] = recorded;
  }
  return { parsed: parsed as ParsedOptions<S>, used };
}

/** The one-line description of each option of a schema: "agentOrder (agent permutation; default identity)". */
export function describeOptions(schema: OptionsSchema): string[] {
  return Object.entries(schema).map(([key, spec]) => `${key} (${spec.describe})`);
}

// ---------------------------------------------------------------------------------------------- parsers

/** A permutation of the agents 0..n-1 (position 0 first); default identity. Code `bad-agent-order`. */
export function agentOrderOption(
  describe = 'agent permutation, position 0 first; default identity',
): OptionSpec<AgentId[]> {
  return {
    describe,
    parse(raw, ctx) {
      const n = ctx.instance.n;
      if (raw === undefined) return Array.from({ length: n }, (_, i) => i);
      if (
        !Array.isArray(raw) ||
        raw.length !== n ||
        raw.some((a) => !Number.isInteger(a) || a < 0 || a >= n) ||
        new Set(raw).size !== n
      )
        throw new InvalidInputError(
          'bad-agent-order',
          `${optionPath(ctx)}: expected a permutation of the agents 0..${n - 1}, got ${JSON.stringify(raw)}`,
        );
      return [...(raw as AgentId[])];
    },
  };
}

/** An optional agent permutation (absent: the mechanism chooses, e.g. by its seed). Code `bad-agent-order`. */
export function optionalAgentOrderOption(describe: string): OptionSpec<AgentId[] | undefined> {
  const inner = agentOrderOption(describe);
  return { describe, parse: (raw, ctx) => (raw === undefined ? undefined : inner.parse(raw, ctx)) };
}

export const MAX_SEED = 2 ** 32 - 1;

/** A random seed: an integer in 0..2^32-1 (the generator's state width); default 0. Code `bad-seed`. */
export function seedOption(describe = 'integer in 0..2^32-1; default 0'): OptionSpec<number> {
  return {
    describe,
    parse(raw, ctx) {
      if (raw === undefined) return 0;
      if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 0 || raw > MAX_SEED)
        throw new InvalidInputError(
          'bad-seed',
          `${optionPath(ctx)}: expected an integer in 0..${MAX_SEED}, got ${JSON.stringify(raw)}`,
        );
      return raw;
    },
  };
}

export interface RationalBounds {
  /** Lower bound; `exclusive` makes it strict. */
  readonly min?: { readonly value: RationalLike; readonly exclusive?: boolean };
  readonly max?: { readonly value: RationalLike; readonly exclusive?: boolean };
}

function checkBounds(x: Rational, b: RationalBounds, ctx: OptionContext): Rational {
  const lo = b.min && Rational.from(b.min.value);
  const hi = b.max && Rational.from(b.max.value);
  const belowLo = lo && (b.min!.exclusive ? x.le(lo) : x.lt(lo));
  const aboveHi = hi && (b.max!.exclusive ? x.ge(hi) : x.gt(hi));
  if (belowLo || aboveHi) {
    const range = `${lo ? `${b.min!.exclusive ? '(' : '['}${lo}` : '(-inf'}, ${hi ? `${hi}${b.max!.exclusive ? ')' : ']'}` : 'inf)'}`;
    throw new InvalidInputError('bad-rational', `${optionPath(ctx)}: ${x} is outside ${range}`);
  }
  return x;
}

function toRational(raw: unknown, ctx: OptionContext): Rational {
  if (typeof raw !== 'number' && typeof raw !== 'string' && !(raw instanceof Rational))
    throw new InvalidInputError(
      'bad-rational',
      `${optionPath(ctx)}: expected a number or an exact rational string such as "1/4", got ${JSON.stringify(raw)}`,
    );
  try {
    return Rational.from(raw, optionPath(ctx));
  } catch (e) {
    throw new InvalidInputError('bad-rational', (e as Error).message);
  }
}

/** An exact rational (number or string such as "1/4"), with a default and bounds. Recorded as a string. Code `bad-rational`. */
export function rationalOption(
  describe: string,
  opts: RationalBounds & { readonly default: RationalLike },
): OptionSpec<Rational>;
export function rationalOption(describe: string, opts?: RationalBounds): OptionSpec<Rational | undefined>;
export function rationalOption(
  describe: string,
  opts: RationalBounds & { readonly default?: RationalLike } = {},
): OptionSpec<Rational | undefined> {
  return {
    describe,
    parse(raw, ctx) {
      if (raw === undefined) return opts.default === undefined ? undefined : Rational.from(opts.default);
      return checkBounds(toRational(raw, ctx), opts, ctx);
    },
    record: (x) => x?.toString(),
  };
}

/** An integer within [min, max]; optional default. Code `bad-integer`. */
export function integerOption(
  describe: string,
  opts: { readonly min?: number; readonly max?: number; readonly default: number },
): OptionSpec<number>;
export function integerOption(
  describe: string,
  opts?: { readonly min?: number; readonly max?: number },
): OptionSpec<number | undefined>;
export function integerOption(
  describe: string,
  opts: { readonly min?: number; readonly max?: number; readonly default?: number } = {},
): OptionSpec<number | undefined> {
  return {
    describe,
    parse(raw, ctx) {
      if (raw === undefined) return opts.default;
      const lo = opts.min ?? Number.MIN_SAFE_INTEGER;
      const hi = opts.max ?? Number.MAX_SAFE_INTEGER;
      if (typeof raw !== 'number' || !Number.isSafeInteger(raw) || raw < lo || raw > hi)
        throw new InvalidInputError(
          'bad-integer',
          `${optionPath(ctx)}: expected an integer in ${lo}..${hi}, got ${JSON.stringify(raw)}`,
        );
      return raw;
    },
  };
}

/** One of a fixed list of strings; default the first unless given. Code `bad-option`. */
export function choiceOption<T extends string>(
  describe: string,
  choices: readonly T[],
  fallback: T = choices[0],
): OptionSpec<T> {
  return {
    describe: `${describe}: ${choices.map((c) => JSON.stringify(c)).join(' | ')}; default ${JSON.stringify(fallback)}`,
    parse(raw, ctx) {
      if (raw === undefined) return fallback;
      if (typeof raw !== 'string' || !(choices as readonly string[]).includes(raw))
        throw new InvalidInputError(
          'bad-option',
          `${optionPath(ctx)}: expected ${choices.map((c) => JSON.stringify(c)).join(' or ')}, got ${JSON.stringify(raw)}`,
        );
      return raw as T;
    },
  };
}

/** A flag; default `false` unless given. Code `bad-option`. */
export function booleanOption(describe: string, fallback = false): OptionSpec<boolean> {
  return {
    describe,
    parse(raw, ctx) {
      if (raw === undefined) return fallback;
      if (typeof raw !== 'boolean')
        throw new InvalidInputError(
          'bad-option',
          `${optionPath(ctx)}: expected true or false, got ${JSON.stringify(raw)}`,
        );
      return raw;
    },
  };
}

/**
 * A value distribution: a spec string ("uniform:0,1", "exp:1", "beta:2,3", "samples:file.json", ...) or a
 * Distribution object; recorded as its spec string. `required` makes absence a `missing-option` error.
 * Code `bad-distribution`.
 */
export function distributionOption(describe: string, required: true): OptionSpec<Distribution>;
export function distributionOption(describe: string, required?: false): OptionSpec<Distribution | undefined>;
export function distributionOption(describe: string, required = false): OptionSpec<Distribution | undefined> {
  return {
    describe,
    parse(raw, ctx) {
      if (raw === undefined) {
        if (required) throw new InvalidInputError('missing-option', `${optionPath(ctx)} is required (${describe})`);
        return undefined;
      }
      return toDistribution(raw, optionPath(ctx));
    },
    record: (d) => d?.spec,
  };
}

/** A list of one distribution per agent (n entries). Code `bad-distribution`. */
export function distributionListOption(describe: string): OptionSpec<Distribution[] | undefined> {
  return {
    describe,
    parse(raw, ctx) {
      if (raw === undefined) return undefined;
      const n = ctx.instance.n;
      if (!Array.isArray(raw) || raw.length !== n)
        throw new InvalidInputError(
          'bad-distribution',
          `${optionPath(ctx)}: expected ${n} distributions (one per agent), got ${JSON.stringify(raw)}`,
        );
      return raw.map((x, k) => toDistribution(x, `${optionPath(ctx)}[${k}]`));
    },
    record: (ds) => ds?.map((d) => d.spec),
  };
}

/** A list of exact rationals (e.g. shares or weights), `length` entries when given. Code `bad-rational`. */
export function rationalListOption(
  describe: string,
  length?: (inst: Instance) => number,
): OptionSpec<Rational[] | undefined> {
  return {
    describe,
    parse(raw, ctx) {
      if (raw === undefined) return undefined;
      const want = length?.(ctx.instance);
      if (!Array.isArray(raw) || (want !== undefined && raw.length !== want))
        throw new InvalidInputError(
          'bad-rational',
          `${optionPath(ctx)}: expected a list of ${want ?? 'some'} numbers or rational strings, got ${JSON.stringify(raw)}`,
        );
      return raw.map((x, k) => toRational(x, { ...ctx, key: `${ctx.key}[${k}]` }));
    },
    record: (xs) => xs?.map((x) => x.toString()),
  };
}
