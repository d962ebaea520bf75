/**
 * The limits every exact-MMS entry point (`mms`, `mmsOfIntegers`, `mmsPartition`, `mmsEfxPartition`) checks
 * before it starts (issue 16): the bundle count, the number of goods, and the time budget of a search started
 * from the library outside any call's budget.
 */
import { LIMITS } from '../../core/json-boundary';
import { InvalidInputError } from '../../core/errors';
import { ambientDeadline, DEFAULT_TIME_LIMIT_MS, timeLimitMs } from '../../core/time-budget';
import type { MmsOptions } from './types';

/**
 * Largest bundle count n. [DECISION] The answer holds n bundles, so beyond this it would not fit in memory
 * (`mms(values, 1e9)` died of heap exhaustion). n above the number of goods stays valid (the share is 0, as for
 * agents outnumbering goods); n bundles of at most m goods cost O(n + m) memory, which the cap bounds.
 */
export const MAX_MMS_BUNDLES = 100_000;

/** Largest number of values (goods), the instance boundary's limit. */
export const MAX_MMS_GOODS = LIMITS.goods;

/** `n` of `fn` as a bundle count: an integer in 1..MAX_MMS_BUNDLES, else a typed `bad-n` error naming n. */
export function requireBundleCount(n: unknown, fn: string): number {
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > MAX_MMS_BUNDLES)
    throw new InvalidInputError(
      'bad-n',
      `${fn}: n must be a positive integer of at most ${MAX_MMS_BUNDLES} (the number of bundles), got ${describe(n)}`,
    );
  return n;
}

/** At most MAX_MMS_GOODS values, else a typed `too-large` error naming the values. */
export function requireGoodsCount(m: number, fn: string): void {
  if (m > MAX_MMS_GOODS)
    throw new InvalidInputError('too-large', `${fn}: values has ${m} goods, at most ${MAX_MMS_GOODS} are accepted`);
}

/**
 * The search's time limit from `options` (checked: an object, `timeLimitMs` in (0, 24 days]). [DECISION] Without
 * one, a search inside a call's budget (`solve`, `certify`, the CLI) stops at that budget's deadline, and a search
 * started from the library outside every budget gets the same default as those calls, DEFAULT_TIME_LIMIT_MS
 * (60 s), so that no library call runs forever; it then ends with `status: 'timeout'` and proven bounds.
 */
export function searchLimitMs(options: unknown, fn: string): number | undefined {
  if (options === null || typeof options !== 'object' || Array.isArray(options))
    throw new InvalidInputError(
      'bad-argument',
      `${fn}: options must be an object { timeLimitMs?, signal?, onProgress? }, got ${describe(options)}`,
    );
  const raw = (options as MmsOptions).timeLimitMs;
  if (raw !== undefined) return timeLimitMs(raw, `${fn}: options.timeLimitMs`);
  return ambientDeadline() === Infinity ? DEFAULT_TIME_LIMIT_MS : undefined;
}

function describe(x: unknown): string {
  if (typeof x === 'string') return JSON.stringify(x).slice(0, 40);
  if (x === null || typeof x !== 'object') return String(x);
  return Array.isArray(x) ? 'an array' : 'an object';
}
