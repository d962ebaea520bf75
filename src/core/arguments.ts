/**
 * Argument guards for public functions: a wrong argument (a number where an instance belongs, swapped
 * arguments of a checker, an allocation for another instance) is an `InvalidInputError` with code
 * `bad-argument` naming the function and the parameter, never a raw TypeError from deep inside.
 * The tests are structural, so values built by another copy of the library (e.g. the kernel's bundle) pass.
 */
import { InvalidInputError } from './errors';
import type { Allocation, FractionalAllocation, Lottery } from './allocation';
import type { Instance } from './instance';

function describe(x: unknown): string {
  if (x === null) return 'null';
  if (Array.isArray(x)) return 'an array';
  if (typeof x !== 'object') return `${typeof x} ${JSON.stringify(x) ?? String(x)}`.slice(0, 60);
  return `a ${(x as object).constructor?.name ?? 'plain object'}`;
}

function bad(fn: string, param: string, expected: string, got: unknown): never {
  throw new InvalidInputError('bad-argument', `${fn}: ${param} must be ${expected}, got ${describe(got)}`);
}

function isInstance(x: unknown): x is Instance {
  if (x === null || typeof x !== 'object') return false;
  const o = x as Partial<Instance>;
  return Array.isArray(o.values) && Array.isArray(o.agents) && Array.isArray(o.goods) && typeof o.value === 'function';
}

/** `x` is an Instance (from `instance(...)`). */
export function requireInstance(x: unknown, fn: string, param = 'inst'): asserts x is Instance {
  if (!isInstance(x)) bad(fn, param, 'an Instance (build one with instance(...))', x);
}

/** `x` is an integral Allocation of `inst`'s goods with one bundle per agent. */
export function requireAllocation(
  x: unknown,
  inst: Instance,
  fn: string,
  param = 'allocation',
): asserts x is Allocation {
  if (
    x === null ||
    typeof x !== 'object' ||
    !Array.isArray((x as Allocation).bundles) ||
    typeof (x as Allocation).m !== 'number'
  )
    bad(fn, param, 'an Allocation', x);
  const a = x as Allocation;
  if (a.bundles.length !== inst.n)
    throw new InvalidInputError(
      'bad-argument',
      `${fn}: ${param} has ${a.bundles.length} bundles for an instance with ${inst.n} agents`,
    );
  if (a.m !== inst.m)
    throw new InvalidInputError(
      'bad-argument',
      `${fn}: ${param} is over ${a.m} goods for an instance with ${inst.m} goods`,
    );
}

/** `x` is a FractionalAllocation with one row per agent and one column per good (`dims`: an instance or lottery). */
export function requireFractional(
  x: unknown,
  dims: { readonly n: number; readonly m: number },
  fn: string,
  param = 'fractional',
): asserts x is FractionalAllocation {
  if (x === null || typeof x !== 'object' || !Array.isArray((x as FractionalAllocation).shares))
    bad(fn, param, 'a FractionalAllocation', x);
  const f = x as FractionalAllocation;
  if (f.shares.length !== dims.n || f.shares.some((row) => row.length !== dims.m))
    throw new InvalidInputError('bad-argument', `${fn}: ${param} is not ${dims.n} x ${dims.m} (agents x goods)`);
}

/** `x` is a Lottery. */
export function requireLottery(x: unknown, fn: string, param = 'lottery'): asserts x is Lottery {
  if (x === null || typeof x !== 'object' || !Array.isArray((x as Lottery).entries)) bad(fn, param, 'a Lottery', x);
}

/** `x` is a positive integer (a number of agents or bundles). */
export function requirePositiveInteger(x: unknown, fn: string, param: string): asserts x is number {
  if (typeof x !== 'number' || !Number.isSafeInteger(x) || x < 1) bad(fn, param, 'a positive integer', x);
}

/** `x` is a list (of values, goods, ...). */
export function requireList(x: unknown, fn: string, param: string): asserts x is readonly unknown[] {
  if (!Array.isArray(x)) bad(fn, param, 'a list', x);
}
