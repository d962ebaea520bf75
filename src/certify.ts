/**
 * `certify(outcome)`: checks every claim of an Outcome with the independent checkers of src/checks and
 * returns a CertificateReport. It reads only the instance and the outcome's allocation / fractional
 * allocation / lottery, never a mechanism's intermediate bookkeeping.
 *
 * Claim ids are the `ClaimId` union of src/core/claims.ts and their checkers one exhaustive table
 * (src/checks/claims.ts): allocation properties (`ef`, `ef1`, `efx`, `efx0`, `eefx`, `prop`, `prop1`, `mms`,
 * `rho-mms`, `rho-tps`, `immx`, `po`, `fpo`, `alpha-po`, ...) on the allocation of a deterministic outcome,
 * `ex-post-<property>` on every allocation of a lottery's support, and outcome properties (`ex-ante-prop`,
 * `ex-ante-ef`, `implements`, `support-size`, `truthful`, and the papers' own). An unknown claim id is bad
 * input (`unknown-claim`), never silently unchecked.
 *
 * `certify(outcome, { claims: ['ef1', 'prop'] })` checks chosen properties of any allocation instead of the
 * outcome's own claims; `{ skip: ['truthful'] }` leaves the named claims out (e.g. slow audits in tests).
 * Every call has one time budget (`{ timeLimitMs }`, default 60 s) shared by all its claim checks in fair shares
 * (`checkAll`): a check the budget stops is `unchecked`, never `pass` (issue 16). `certifyAsync` computes the MMS shares such claims need on
 * worker threads first, under the same budget (issue 17).
 */
import { isAllocationClaimId, toClaimId, type ClaimId } from './core/claims';
import { InvalidInputError, LimitError } from './core/errors';
import type { Instance } from './core/instance';
import type { Claim, Outcome } from './core/outcome';
import { Rational, type RationalLike } from './core/rational';
import { budgetExpired, remainingMs, timeLimitMs, withTimeBudget } from './core/time-budget';
import { allocationCheckers, checkExPost, outcomeCheckers, type ClaimContext } from './checks/claims';
import type { CheckResult } from './checks/result';
import { agentsNeedingMms } from './checks/mms-claims';
import { findMechanism } from './mechanisms/registry';
import { defaultWorkers, requireWorkers } from './core/thread-pool';
import { computeMmsShares } from './shares/mms-pool';
import { VERDICTS } from './display/verdict';

export type ClaimStatus = 'pass' | 'fail' | 'unchecked';

/** The mark of each claim status in one-line summaries. */
const CLAIM_MARK: { readonly [S in ClaimStatus]: string } = { pass: '✓', fail: '✗', unchecked: '?' };

/**
 * The report's verdict: `certified` (every claim checked and holds), `failed` (some claim fails),
 * `partly-checked` (none fails, some could not be decided), `nothing-checked` (every claim undecided) or
 * `nothing-claimed` (no claims). Only `certified` and `partly-checked` reports are `ok`.
 */
export type Verdict = 'certified' | 'failed' | 'partly-checked' | 'nothing-checked' | 'nothing-claimed';

export interface ClaimResult {
  readonly id: ClaimId;
  readonly text: string;
  readonly rho?: Rational;
  readonly status: ClaimStatus;
  readonly holds: boolean;
  readonly detail: Readonly<Record<string, unknown>>;
  readonly witness?: unknown;
}

/**
 * The certificate of an outcome: one result per claim. `ok` when no claim fails and at least one claim was
 * checked and holds: a report with nothing claimed or nothing decided is never `ok`.
 */
export class CertificateReport {
  constructor(
    readonly mechanism: string,
    readonly instance: Instance,
    readonly claims: readonly ClaimResult[],
    /** The outcome that was certified (displays read its allocations to show the tightest comparisons). */
    readonly outcome?: Outcome,
  ) {}
  get verdict(): Verdict {
    if (!this.claims.length) return 'nothing-claimed';
    if (this.failed) return 'failed';
    if (!this.passed) return 'nothing-checked';
    return this.unchecked ? 'partly-checked' : 'certified';
  }
  get ok(): boolean {
    return this.verdict === 'certified' || this.verdict === 'partly-checked';
  }
  get passed(): number {
    return this.claims.filter((c) => c.status === 'pass').length;
  }
  get failed(): number {
    return this.claims.filter((c) => c.status === 'fail').length;
  }
  get unchecked(): number {
    return this.claims.filter((c) => c.status === 'unchecked').length;
  }
  toJSON(): Record<string, unknown> {
    return {
      ok: this.ok,
      verdict: this.verdict,
      claims: this.claims.map((c) => ({
        id: c.id,
        ...(c.rho ? { rho: c.rho.toString() } : {}),
        status: c.status,
        holds: c.holds,
        text: c.text,
        detail: c.detail,
        witness: c.witness,
      })),
    };
  }
  /**
   * One line for `String(report)` and template literals: the verdict as the displays show it, the claims that
   * hold out of all, and each claim's mark (`round-robin: CERTIFIED 3/3 claims hold (ef1 ✓ prop ✓ po ✓)`).
   */
  toString(): string {
    const marks = this.claims.map((c) => `${c.id}${c.rho ? `(${c.rho})` : ''} ${CLAIM_MARK[c.status]}`).join(' ');
    const n = this.claims.length;
    const label = `${this.mechanism}: ${VERDICTS[this.verdict].label}`;
    return n ? `${label} ${this.passed}/${n} ${n === 1 ? 'claim holds' : 'claims hold'} (${marks})` : label;
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    const lines = this.claims.map((c) => `  ${CLAIM_MARK[c.status]} ${c.id}${c.rho ? `(${c.rho})` : ''}: ${c.text}`);
    return `CertificateReport(${this.mechanism}: ${this.verdict}, ${this.passed} pass, ${this.failed} fail, ${this.unchecked} unchecked)\n${lines.join('\n')}`;
  }
}

/** A claim chosen by the caller: an id, or an id with its factor (`{ id: 'rho-mms', rho: '2/3' }`). */
export type ClaimChoice =
  ClaimId | { readonly id: ClaimId; readonly rho?: RationalLike; readonly params?: Readonly<Record<string, unknown>> };

export interface CertifyOptions {
  /** Check these claims instead of the outcome's own (any allocation, from anywhere). */
  readonly claims?: readonly ClaimChoice[];
  /** Leave these claim ids out (e.g. a slow truthfulness audit). */
  readonly skip?: readonly ClaimId[];
  /**
   * One budget in milliseconds for every claim check of this call (default DEFAULT_TIME_LIMIT_MS, 60 s): a
   * claim whose check runs out of it is `unchecked`, never `pass`.
   */
  readonly timeLimitMs?: number;
}

const CERTIFY_OPTION_KEYS = ['claims', 'skip', 'timeLimitMs'];

function chosenClaim(choice: unknown, k: number): Claim {
  const where = `certify options.claims[${k}]`;
  if (typeof choice === 'string') {
    const id = toClaimId(choice, where);
    return { id, text: `${id} (chosen by the caller)` };
  }
  if (choice === null || typeof choice !== 'object' || Array.isArray(choice))
    throw new InvalidInputError(
      'bad-claims',
      `${where}: expected a claim id or { id, rho? }, got ${JSON.stringify(choice)}`,
    );
  const c = choice as { id?: unknown; rho?: unknown; params?: unknown };
  const id = toClaimId(c.id, `${where}.id`);
  const rho = c.rho === undefined ? undefined : Rational.from(c.rho as RationalLike, `${where}.rho`);
  if (rho && rho.sign() <= 0) throw new InvalidInputError('bad-claims', `${where}.rho: must be positive, got ${rho}`);
  if (c.params !== undefined && (c.params === null || typeof c.params !== 'object' || Array.isArray(c.params)))
    throw new InvalidInputError('bad-claims', `${where}.params: expected an object, got ${JSON.stringify(c.params)}`);
  const params = c.params === undefined ? undefined : (c.params as Readonly<Record<string, unknown>>);
  return {
    id,
    text: `${id}${rho ? ` (${rho})` : ''} (chosen by the caller)`,
    ...(rho ? { rho } : {}),
    ...(params ? { params } : {}),
  };
}

function claimsToCheck(o: Outcome, options: CertifyOptions | undefined): readonly Claim[] {
  if (options === undefined) return o.claims;
  if (options === null || typeof options !== 'object' || Array.isArray(options))
    throw new InvalidInputError(
      'bad-certify-options',
      `certify: options must be an object { claims?, skip? }, got ${JSON.stringify(options)}`,
    );
  for (const key of Object.keys(options))
    if (!CERTIFY_OPTION_KEYS.includes(key))
      throw new InvalidInputError(
        'unknown-option',
        `unknown option ${key} for certify; known: ${CERTIFY_OPTION_KEYS.join(', ')}`,
      );
  let claims: readonly Claim[] = o.claims;
  if (options.claims !== undefined) {
    if (!Array.isArray(options.claims))
      throw new InvalidInputError(
        'bad-claims',
        `certify options.claims: expected a list of claim ids, got ${JSON.stringify(options.claims)}`,
      );
    claims = options.claims.map(chosenClaim);
  }
  if (options.skip !== undefined) {
    if (!Array.isArray(options.skip))
      throw new InvalidInputError(
        'bad-claims',
        `certify options.skip: expected a list of claim ids, got ${JSON.stringify(options.skip)}`,
      );
    const skip = new Set<string>(options.skip.map((id, k) => toClaimId(id, `certify options.skip[${k}]`)));
    claims = claims.filter((c) => !skip.has(c.id));
  }
  return claims;
}

function checkClaim(o: Outcome, claim: Claim, ctx: ClaimContext): CheckResult {
  const id = toClaimId(claim.id, 'claim');
  if (isAllocationClaimId(id)) {
    if (!o.allocation)
      return {
        holds: false,
        detail: { reason: `claim ${id} needs an integral allocation; use ex-post-${id} for lotteries` },
      };
    return allocationCheckers[id](o.instance, o.allocation, claim);
  }
  if (id.startsWith('ex-post-')) return checkExPost(o, id.slice(8) as Parameters<typeof checkExPost>[1], claim);
  return outcomeCheckers[id as keyof typeof outcomeCheckers](o, claim, ctx);
}

/**
 * A claim check within `shareMs` of the call's budget: a check that its share stops (a `LimitError` from an MMS
 * search, an audit, a re-run of the mechanism) is `unchecked`, and a claim reached after the budget ran out is not
 * started. `stopped` tells whether the share's deadline ended the check (a candidate for a second try).
 */
function checkWithinShare(
  o: Outcome,
  claim: Claim,
  ctx: ClaimContext,
  limitMs: number,
  shareMs: number,
): { result: CheckResult; stopped: boolean } {
  if (budgetExpired())
    return {
      result: {
        holds: false,
        unchecked: true,
        detail: { reason: `the time limit of this certify call (${limitMs} ms) ran out before this claim was checked` },
      },
      stopped: false,
    };
  const deadline = Date.now() + shareMs;
  try {
    const result = withTimeBudget(shareMs, () => checkClaim(o, claim, ctx), `claim ${claim.id}`);
    return { result, stopped: result.unchecked === true && Date.now() >= deadline };
  } catch (e) {
    if (e instanceof LimitError)
      return {
        result: {
          holds: false,
          unchecked: true,
          detail: { reason: `stopped by the time limit of this certify call (${limitMs} ms): ${e.message}` },
        },
        stopped: true,
      };
    throw e;
  }
}

/**
 * Every claim's check within one budget. [DECISION] Fair shares, then a second try: claim k of K first gets the budget
 * left divided by the K - k claims not yet checked (a slow claim can no longer leave the claims after it unstarted:
 * the issue-17 certificate of a 155,000-allocation lottery spent the whole budget on its first claim), and the claims
 * their share stopped are tried again, in order, with fair shares of what the others left.
 */
function checkAll(o: Outcome, claims: readonly Claim[], ctx: ClaimContext, limitMs: number): CheckResult[] {
  const results: CheckResult[] = [];
  const again: number[] = [];
  claims.forEach((claim, k) => {
    const r = checkWithinShare(o, claim, ctx, limitMs, remainingMs() / (claims.length - k));
    results.push(r.result);
    if (r.stopped) again.push(k);
  });
  again.forEach((k, j) => {
    // a second try with the time the others left over, when there is at least 100 ms per claim left to retry
    if (remainingMs() / (again.length - j) < 100) return;
    results[k] = checkWithinShare(o, claims[k], ctx, limitMs, remainingMs() / (again.length - j)).result;
  });
  return results;
}

/**
 * Checks every claim of the outcome (or the chosen ones) independently, within one time budget
 * (`timeLimitMs`, default 60 s) shared by all its claims; see the module comment.
 */
export function certify(o: Outcome, options?: CertifyOptions): CertificateReport {
  requireOutcome(o, 'certify');
  const claims = claimsToCheck(o, options);
  const limitMs = timeLimitMs(options?.timeLimitMs, 'certify options.timeLimitMs');
  return checkClaims(o, claims, limitMs, limitMs);
}

export interface CertifyAsyncOptions extends CertifyOptions {
  /**
   * Worker threads for the MMS shares (default: the machine's cores, at most 8); 0 computes them in this thread,
   * as `certify` does.
   */
  readonly workers?: number;
}

/**
 * `certify` with the MMS shares its claims need (rho-MMS, IMMX, ...: src/checks/mms-claims.ts) computed first, in
 * parallel on worker threads (src/shares/mms-pool.ts), only for the agents the TPS bound does not already settle
 * (`agentsNeedingMms`), then the claims checked as `certify` does, reading the
 * shares from the cache. One budget (`timeLimitMs`, default 60 s) covers both. [DECISION] The shares get the budget
 * but its last tenth (at most 5 s), which the checks keep: a share stopped by the budget is then reported `unchecked`
 * with its bounds instead of every claim being cut off unstarted (issue 17, item 3).
 */
export async function certifyAsync(o: Outcome, options?: CertifyAsyncOptions): Promise<CertificateReport> {
  requireOutcome(o, 'certifyAsync');
  let rest: CertifyOptions | undefined = options;
  let workers: unknown;
  if (options !== null && typeof options === 'object' && !Array.isArray(options)) ({ workers, ...rest } = options);
  const claims = claimsToCheck(o, rest);
  const limitMs = timeLimitMs(rest?.timeLimitMs, 'certify options.timeLimitMs');
  const threads = workers === undefined ? defaultWorkers() : requireWorkers(workers, 'certifyAsync options.workers');
  const deadline = Date.now() + limitMs;
  // the support scan that picks the agents is the one the checks read afterwards (cached with the support)
  const agents = threads > 0 ? agentsNeedingMms(o, claims) : [];
  if (agents.length > 0)
    await computeMmsShares(o.instance, {
      agents,
      workers: threads,
      deadline: deadline - Math.min(5000, limitMs / 10),
      keepUntil: deadline,
    });
  return checkClaims(o, claims, limitMs, Math.max(1, deadline - Date.now()));
}

/** Checks `claims` within a budget of `budgetMs` (`limitMs`: the call's limit, as the reports name it). */
function checkClaims(o: Outcome, claims: readonly Claim[], limitMs: number, budgetMs: number): CertificateReport {
  const info = findMechanism(o.mechanism);
  const ctx: ClaimContext = info
    ? { rerun: (inst) => info.run(inst, o.options as Record<string, unknown>), incentiveSpace: info.incentives?.space }
    : {};
  const checked = withTimeBudget(budgetMs, () => checkAll(o, claims, ctx, limitMs), 'certify', { hardStop: false });
  const results = claims.map((claim, k): ClaimResult => {
    const r = checked[k];
    const status: ClaimStatus = r.unchecked ? 'unchecked' : r.holds ? 'pass' : 'fail';
    return {
      id: claim.id,
      text: claim.text,
      rho: claim.rho,
      status,
      holds: r.holds && !r.unchecked,
      detail: r.detail,
      witness: r.witness,
    };
  });
  return new CertificateReport(o.mechanism, o.instance, results, o);
}

/** `o` is an Outcome, else a typed `bad-argument` error naming `fn`. */
function requireOutcome(o: unknown, fn: string): asserts o is Outcome {
  if (!isOutcome(o))
    throw new InvalidInputError(
      'bad-argument',
      `${fn}: the first argument must be an Outcome (from solve or outcomeFromJson), got ${describe(o)}`,
    );
}

/** Structural test (an Outcome may come from another copy of the library, e.g. the kernel's bundle). */
function isOutcome(x: unknown): x is Outcome {
  if (x === null || typeof x !== 'object') return false;
  const o = x as Partial<Outcome>;
  return (
    typeof o.mechanism === 'string' &&
    Array.isArray(o.claims) &&
    typeof o.support === 'function' &&
    typeof o.instance === 'object' &&
    o.instance !== null
  );
}

function describe(x: unknown): string {
  if (x === null) return 'null';
  if (typeof x !== 'object') return typeof x;
  return (x as object).constructor?.name ?? 'object';
}
