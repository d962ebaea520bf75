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
import * as vm from 'node:vm';
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

/** Time a computation gets past its deadline to stop by itself before it is terminated: 10%, 1 to 10 s. */
export function graceMs(limitMs: number): number {
  return Math.min(10_000, Math.max(1_000, limitMs / 10));
}

const GUARD = new vm.Script('run()', { filename: 'fairdiv-time-budget.js' });
const guardContext = vm.createContext({ run: null as unknown });

/**
 * Runs the synchronous `fn` and terminates it after `ms` milliseconds however it loops, through the watchdog of
 * `vm`'s `timeout` (V8's TerminateExecution); a terminated run is a `LimitError` (`time-limit`) naming `what`.
 * [DECISION] The hard stop backs up the cooperative deadline: code that reads the budget stops with a useful
 * answer at the deadline, and code that does not (a mechanism's own loops) still ends, `graceMs` later.
 */
export function withHardStop<T>(ms: number, what: string, fn: () => T): T {
  const depth = deadlines.length;
  guardContext.run = fn;
  try {
    return GUARD.runInContext(guardContext, { timeout: Math.max(1, Math.min(MAX_TIME_LIMIT_MS, Math.ceil(ms))) }) as T;
  } catch (e) {
    if ((e as { code?: unknown } | null)?.code !== 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw e;
    // a terminated run skips its finally blocks: drop the budgets it had opened
    deadlines.length = depth;
    throw new LimitError('time-limit', `${what}: stopped by the time limit (terminated after ${Math.round(ms)} ms)`);
  }
}

/**
 * Runs `fn` within a budget of `limitMs` milliseconds (clipped to any enclosing budget). Searches that read the
 * budget stop at the deadline (MMS searches return bounds, audits and claim checks report `unchecked`); code
 * that does not read it is terminated `graceMs` later with a `LimitError` naming `what`. With
 * `hardStop: false` the caller stops its own parts (as `certify` does claim by claim, keeping the others).
 */
export function withTimeBudget<T>(
  limitMs: number,
  fn: () => T,
  what = 'computation',
  opts: { readonly hardStop?: boolean } = {},
): T {
  const deadline = Math.min(ambientDeadline(), Date.now() + limitMs);
  deadlines.push(deadline);
  try {
    if (opts.hardStop === false) return fn();
    const ms = deadline - Date.now();
    return withHardStop(ms + graceMs(ms), what, fn);
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
    throw new InvalidInputError(
      'bad-time-limit',
      `${where}: expected a positive number of milliseconds, got ${describe(raw)}`,
    );
  if (raw > MAX_TIME_LIMIT_MS)
    throw new InvalidInputError(
      'bad-time-limit',
      `${where}: ${raw} ms is more than the largest limit, ${MAX_TIME_LIMIT_MS} ms (24 days)`,
    );
  return raw;
}

function describe(x: unknown): string {
  if (typeof x === 'string') return JSON.stringify(x).slice(0, 40);
  if (typeof x === 'number' || typeof x === 'boolean' || x === null || x === undefined) return String(x);
  return typeof x;
}
