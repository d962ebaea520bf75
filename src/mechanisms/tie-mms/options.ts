/** Option parsing shared by the tie-mms mechanisms (typed errors on bad input). */
import { DomainError, InvalidInputError } from '../../core/errors';
import type { Instance } from '../../core/instance';
import { Rational, type RationalLike } from '../../core/rational';
import { identityOrdering, orderingFromOrder, type Ordering } from './cyclic-picking';
import type { MatchingStrategy } from './faithful';
import type { Lemma42Options, ReduceMode } from './lemma42';

/** Exact-mode size limits (spec "Complexity": comfortable for n <= ~100); `allowLarge: true` lifts them. */
export const MAX_AGENTS = 100;
export const MAX_GOODS = 2000;

export function checkSize(id: string, inst: Instance, options: Record<string, unknown> | undefined): void {
  if (options?.allowLarge === true) return;
  if (inst.n > MAX_AGENTS) throw new DomainError(id, 'too-many-agents', `n = ${inst.n} > ${MAX_AGENTS} (exact mode; pass allowLarge: true to try anyway)`);
  if (inst.m > MAX_GOODS) throw new DomainError(id, 'too-many-goods', `m = ${inst.m} > ${MAX_GOODS} (exact mode; pass allowLarge: true to try anyway)`);
}

/** options.ordering: a permutation of the agents (position 0 first); default identity. */
export function orderingOption(inst: Instance, options: Record<string, unknown> | undefined, key = 'ordering'): Ordering {
  const raw = options?.[key];
  if (raw === undefined) return identityOrdering(inst.n);
  if (!Array.isArray(raw)) throw new InvalidInputError('bad-ordering', `options.${key}: expected an array of agent indices`);
  return orderingFromOrder(raw as number[], inst.n);
}

export function pipelineOptions(options: Record<string, unknown> | undefined): Lemma42Options {
  const matching = options?.matching as MatchingStrategy | undefined;
  if (matching !== undefined && matching !== 'canonical' && matching !== 'incremental')
    throw new InvalidInputError('bad-option', `options.matching: expected "canonical" or "incremental", got ${JSON.stringify(matching)}`);
  const reduce = options?.reduce as ReduceMode | undefined;
  if (reduce !== undefined && reduce !== 'auto' && reduce !== 'always' && reduce !== 'never')
    throw new InvalidInputError('bad-option', `options.reduce: expected "auto", "always" or "never", got ${JSON.stringify(reduce)}`);
  const trace = options?.trace as 'full' | 'summary' | undefined;
  if (trace !== undefined && trace !== 'full' && trace !== 'summary')
    throw new InvalidInputError('bad-option', `options.trace: expected "full" or "summary", got ${JSON.stringify(trace)}`);
  return { matching, reduce, trace };
}

export function rationalOption(options: Record<string, unknown> | undefined, key: string): Rational | undefined {
  const raw = options?.[key];
  if (raw === undefined) return undefined;
  return Rational.from(raw as RationalLike, `options.${key}`);
}

/** options.deficiencies: integers in 0..n, one per agent. */
export function deficienciesOption(inst: Instance, options: Record<string, unknown> | undefined): number[] | undefined {
  const raw = options?.deficiencies;
  if (raw === undefined) return undefined;
  if (!Array.isArray(raw) || raw.length !== inst.n || raw.some((d) => !Number.isInteger(d) || d < 0 || d > inst.n))
    throw new InvalidInputError('bad-deficiencies', `options.deficiencies: expected ${inst.n} integers in 0..${inst.n}, got ${JSON.stringify(raw)}`);
  return raw as number[];
}
