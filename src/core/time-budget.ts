/**
 * One wall-clock budget per top-level call (`solve`, `certify`, the CLI's `mms`): every long computation inside
 * it (exact MMS searches, truthfulness audits, claim checks) reads the same deadline, so a call ends within its
 * budget however many claims or agents it checks. Budgets nest: an inner budget never outlives the outer one.
 *
 * [DECISION] The budget is ambient (a stack of deadlines) rather than a parameter threaded through every
 * checker and mechanism: a search anywhere below a call stops at the call's deadline without changing the
 * signatures of the checkers, mechanisms and share solvers it passes through (issue 16, "one time budget per
 * solve / certify / mms call").
 */
import { InvalidInputError, LimitError } from './errors';

/** Default budget of one `solve`, `certify` or CLI `mms` call: 60 s. */
export const DEFAULT_TIME_LIMIT_MS = 60_000;

/**
 * Largest accepted budget: 24 days in milliseconds, just below 2^31 ms, the longest delay Node's timers take
 * (a longer one fires at once, so a larger limit would interrupt instead of waiting).
 */
export const MAX_TIME_LIMIT_MS = 2_073_600_000;

const deadlines: number[] = [];

/** The deadline (ms since the epoch) of the innermost running budget, Infinity outside every budget. */
export function ambientDeadline(): number {
  return deadlines.length ? deadlines[deadlines.length - 1] : Infinity;
}

/** Milliseconds left in the innermost budget (Infinity outside every budget, never negative). */
export function remainingMs(): number {
  const d = ambientDeadline();
  return d === Infinity ? Infinity : Math.max(0, d - Date.now());
}

/** True when a running budget has no time left. */
export function budgetExpired(): boolean {
  return Date.now() > ambientDeadline();
}

/** Throws a `LimitError` (`time-limit`) naming `what` when the running budget has no time left. */
export function checkTimeBudget(what: string): void {
  if (budgetExpired()) throw new LimitError('time-limit', `${what}: stopped by the time limit`);
}

/**
 * Runs `fn` within a budget of `limitMs` milliseconds (clipped to any enclosing budget). The budget is
 * cooperative: searches that read it stop at the deadline (MMS searches return bounds, audits and claim
 * checks report `unchecked`, mechanisms throw `LimitError`).
 */
export function withTimeBudget<T>(limitMs: number, fn: () => T): T {
  deadlines.push(Math.min(ambientDeadline(), Date.now() + limitMs));
  try {
    return fn();
  } finally {
    deadlines.pop();
  }
}

/**
 * A time limit from a caller or a file: a number of milliseconds in (0, MAX_TIME_LIMIT_MS]; undefined gives
 * `fallback`. Anything else is a typed `bad-time-limit` error naming `where`.
 */
export function timeLimitMs(raw: unknown, where: string, fallback = DEFAULT_TIME_LIMIT_MS): number {
  if (raw === undefined) return fallback;
  if (typeof raw !== 'number' || !Number.isFinite(raw) || raw <= 0)
    throw new InvalidInputError('bad-time-limit', `${where}: expected a positive number of milliseconds, got ${describe(raw)}`);
  if (raw > MAX_TIME_LIMIT_MS)
    throw new InvalidInputError('bad-time-limit', `${where}: ${raw} ms is more than the largest limit, ${MAX_TIME_LIMIT_MS} ms (24 days)`);
  return raw;
}

function describe(x: unknown): string {
  if (typeof x === 'string') return JSON.stringify(x).slice(0, 40);
  if (typeof x === 'number' || typeof x === 'boolean' || x === null || x === undefined) return String(x);
  return typeof x;
}
