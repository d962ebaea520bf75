/**
 * The claim table: one checker per claim id of `src/core/claims.ts`, keyed by the `ClaimId` union so that a
 * claim id without a checker (or a checker without an id) is a compile error. `certify` (src/certify.ts) is the
 * only caller; it supplies what a checker cannot know from the outcome alone (how to re-run the mechanism for
 * a truthfulness audit).
 *
 * * An allocation checker judges one integral allocation; `ex-post-<id>` runs it on every allocation of a
 *   lottery's support (`checkExPost`).
 * * An outcome checker judges the whole outcome: its lottery, fractional allocation, or the mechanism behind it.
 */
import type { Allocation, FractionalAllocation } from '../core/allocation';
import type { AllocationClaimId, OutcomeClaimId } from '../core/claims';
import { isMixedClaimId, type MixedClaimId } from '../core/claims';
import { MixedAllocation } from '../core/mixed-allocation';
import { InvalidInputError } from '../core/errors';
import type { Instance } from '../core/instance';
import type { Claim, Outcome } from '../core/outcome';
import { Rational } from '../core/rational';
import { checkTimeBudget } from '../core/time-budget';
import { checkAlphaPOClaim } from './alpha-po';
import { checkRoleTriple, roleParams } from './bobw-roles';
import { checkImplementsCuq, checkImplementsUniform, checkTwoAgentCases } from './cuq';
import { checkFPO, checkPO } from './efficiency';
import { checkExchangeCycleFPO, checkStatedPricesOf } from './fisher-prices';
import { checkEFM, checkEFXM, checkMixedEF, checkMixedEFX, checkMixedPROP } from './mixed-envy';
import { checkEEFX, checkEF, checkEF1, checkEFX, checkEFX0 } from './envy';
import { checkExAnteEF, checkExAntePROP, checkImplements, checkSupportSize } from './ex-ante';
import { checkExPostShare, isExPostShareId } from './ex-post-shares';
import { lotteryMarginals } from './support-scan';
import { auditTruthfulness, type MisreportSpace } from './incentives';
import {
  checkEqualTreatment,
  checkExAnteRhoProp,
  checkProbabilityBelowMms,
  checkProbabilityProp,
  probabilityBound,
} from './lottery-bounds';
import { checkMXS } from './mxs';
import { checkRMMS } from './rmms';
import type { CheckResult } from './result';
import { checkIMMX, checkPROP, checkPROP1, checkRhoMMS, checkRhoTPS } from './share';
import {
  checkAsymptoticWelfareRatio,
  checkBicRanking,
  checkBicWeightedRanking,
  checkEfImpliesHalfWelfare,
  checkEfWhp,
  checkQuotaSerialDictatorship,
} from './stochastic';

/** What `certify` knows beyond the outcome: how to re-run its mechanism on a misreported instance. */
export interface ClaimContext {
  /** Re-runs the outcome's mechanism with the outcome's options (for truthfulness audits). */
  readonly rerun?: (inst: Instance) => Outcome;
  /** The misreport space the mechanism's registry entry declares for its truthfulness claim. */
  readonly incentiveSpace?: MisreportSpace;
}

export type AllocationChecker = (inst: Instance, a: Allocation, claim: Claim) => CheckResult;
export type OutcomeChecker = (o: Outcome, claim: Claim, ctx: ClaimContext) => CheckResult;

function rhoOf(claim: Claim): Rational {
  return claim.rho ?? Rational.ONE;
}

/** A claim parameter that must be a string from a fixed list (typed error otherwise: params come from files). */
function enumParam<T extends string>(claim: Claim, key: string, allowed: readonly T[]): T | undefined {
  const raw = claim.params?.[key];
  if (raw === undefined) return undefined;
  if (typeof raw === 'string' && (allowed as readonly string[]).includes(raw)) return raw as T;
  throw new InvalidInputError(
    'bad-claim-params',
    `claim ${claim.id}: params.${key} must be one of ${allowed.join(', ')}, got ${JSON.stringify(raw)}`,
  );
}

function boundParam(claim: Claim): number {
  const raw = claim.params?.bound;
  if (typeof raw === 'number' && Number.isSafeInteger(raw) && raw >= 0) return raw;
  throw new InvalidInputError(
    'bad-claim-params',
    `claim ${claim.id}: params.bound must be a non-negative integer, got ${JSON.stringify(raw)}`,
  );
}

export const allocationCheckers: { readonly [K in AllocationClaimId]: AllocationChecker } = {
  ef: (i, a) => checkEF(i, a),
  ef1: (i, a) => checkEF1(i, a),
  efx: (i, a) => checkEFX(i, a),
  efx0: (i, a) => checkEFX0(i, a),
  eefx: (i, a) => checkEEFX(i, a),
  prop: (i, a) => checkPROP(i, a),
  prop1: (i, a) => checkPROP1(i, a),
  mms: (i, a) => checkRhoMMS(i, a, Rational.ONE),
  'rho-mms': (i, a, c) => checkRhoMMS(i, a, rhoOf(c)),
  'rho-tps': (i, a, c) => checkRhoTPS(i, a, rhoOf(c)),
  immx: (i, a, c) => checkIMMX(i, a, rhoOf(c)),
  po: (i, a) => checkPO(i, a),
  fpo: (i, a) => checkFPO(i, a),
  'alpha-po': (i, a, c) => checkAlphaPOClaim(i, a, c.params, c.rho),
  'quota-serial-dictatorship': (i, a, c) => checkQuotaSerialDictatorship(i, a, c.params),
  'ef-implies-half-welfare': (i, a) => checkEfImpliesHalfWelfare(i, a),
  // an integral allocation of a mixed instance gives each divisible good wholly to one agent
  efm: (i, a) => checkEFM(i, MixedAllocation.fromAllocation(a, i.divisible)),
  efxm: (i, a) => checkEFXM(i, MixedAllocation.fromAllocation(a, i.divisible)),
  'fpo-prices': (i, a, c) => checkStatedPricesOf(i, a, c.params),
  mxs: (i, a, c) => checkMXS(i, a, rhoOf(c)),
  rmms: (i, a, c) => checkRMMS(i, a, rhoOf(c)),
  'role-triple': (i, a, c) => {
    const { theorem, eps } = roleParams(c.params);
    return checkRoleTriple(i, a, theorem, eps);
  },
};

function exAnteFractional(o: Outcome): FractionalAllocation | undefined {
  return o.lottery ? lotteryMarginals(o.lottery, o.instance) : o.fractional;
}

function notApplicable(reason: string): CheckResult {
  return { holds: false, detail: { reason } };
}

export const outcomeCheckers: { readonly [K in OutcomeClaimId]: OutcomeChecker } = {
  'ex-ante-prop': (o) => {
    const f = exAnteFractional(o);
    return f ? checkExAntePROP(o.instance, f) : notApplicable('no allocation to check');
  },
  'ex-ante-ef': (o) => {
    const f = exAnteFractional(o);
    return f ? checkExAnteEF(o.instance, f) : notApplicable('no allocation to check');
  },
  implements: (o) =>
    o.lottery && o.fractional
      ? checkImplements(o.lottery, o.fractional)
      : notApplicable('not a lottery with a fractional target'),
  'support-size': (o, c) => {
    const bound = boundParam(c);
    if (o.lottery) return checkSupportSize(o.lottery, bound);
    if (o.mixed)
      return { holds: o.mixed.size <= bound, detail: { property: 'support size', size: o.mixed.size, bound } };
    if (o.allocation) return { holds: 1 <= bound, detail: { property: 'support size', size: 1, bound } };
    // a fractional allocation alone lists no allocations to count (a bound of 1 would otherwise pass unseen)
    return {
      holds: false,
      unchecked: true,
      detail: { property: 'support size', reason: 'a fractional allocation without its lottery: no support to count' },
    };
  },
  truthful: (o, c, ctx) => {
    if (!ctx.rerun)
      return { holds: false, unchecked: true, detail: { reason: `no registered mechanism "${o.mechanism}" to audit` } };
    const space = enumParam(c, 'space', ['ordinal', 'cardinal'] as const) ?? ctx.incentiveSpace ?? 'cardinal';
    const eps =
      c.params?.eps !== undefined ? Rational.from(c.params.eps as string, `claim ${c.id}: params.eps`) : undefined;
    // the audit's size is the checker's own (never read from the outcome: an outcome file is untrusted input)
    return auditTruthfulness(ctx.rerun, o.instance, { space, eps });
  },
  'implements-cuq': (o, c) => checkImplementsCuq(o, c.params),
  'implements-uniform': (o) => checkImplementsUniform(o),
  'two-agent-cases': (o) => checkTwoAgentCases(o),
  'asymptotic-welfare-ratio': (_o, c) => checkAsymptoticWelfareRatio(c.params),
  'ef-whp': (_o, c) => checkEfWhp(c.params),
  'bic-ranking': (o) => checkBicRanking(o),
  'bic-weighted-ranking': (o, c) => checkBicWeightedRanking(o, c.params),
  'ex-ante-rho-prop': (o, c) => checkExAnteRhoProp(o.instance, o.support(), rhoOf(c)),
  'probability-below-mms': (o, c) =>
    checkProbabilityBelowMms(o.instance, o.support(), probabilityBound(c.id, c.params)),
  'probability-prop': (o, c) => checkProbabilityProp(o.instance, o.support(), probabilityBound(c.id, c.params)),
  'equal-treatment': (o) => checkEqualTreatment(o.instance, o.support()),
};

/** An allocation property on every allocation of the support; fails at the first allocation that violates it. */
export function checkExPost(o: Outcome, id: AllocationClaimId, claim: Claim): CheckResult {
  if (o.mixed) return checkMixedExPost(o, id, claim);
  const check = allocationCheckers[id];
  const support = o.support();
  if (support.length === 0)
    return {
      holds: false,
      unchecked: true,
      detail: { reason: 'the outcome lists no allocations to check (a fractional allocation without its support)' },
    };
  // share claims: one exact scan of the support, each agent's share compared once (./ex-post-shares.ts)
  if (isExPostShareId(id)) return checkExPostShare(o.instance, support, id, claim);
  let unchecked: CheckResult | null = null;
  let worst: { k: number; value: Rational; needed: Rational; agent: unknown } | null = null;
  // the envy family reports its tightest pair (src/checks/envy.ts): the least margin over the support is kept
  let tightestPair: { k: number; pair: unknown; margin: Rational } | null = null;
  for (let k = 0; k < support.length; k++) {
    checkTimeBudget(`ex-post ${id}: ${k} of ${support.length} allocations checked`);
    const r = check(o.instance, support[k].allocation, claim);
    if (r.unchecked) unchecked ??= r;
    else if (!r.holds)
      return {
        holds: false,
        detail: { ...r.detail, supportIndex: k, probability: support[k].p },
        witness: { allocation: support[k].allocation.toJSON(), ...(r.witness as object) },
      };
    const { value, needed, agent } = r.detail as { value?: unknown; needed?: unknown; agent?: unknown };
    if (
      value instanceof Rational &&
      needed instanceof Rational &&
      (!worst || value.mul(worst.needed).lt(worst.value.mul(needed)))
    )
      worst = { k, value, needed, agent };
    const pair = (r.detail as { tightest?: { own?: unknown; other?: unknown; afterRemoval?: unknown } }).tightest;
    const against = pair?.afterRemoval ?? pair?.other;
    if (pair?.own instanceof Rational && against instanceof Rational) {
      const margin = pair.own.sub(against);
      if (!tightestPair || margin.lt(tightestPair.margin)) tightestPair = { k, pair, margin };
    }
  }
  if (unchecked) return unchecked;
  const tightest = worst
    ? { agent: worst.agent, value: worst.value, needed: worst.needed, supportIndex: worst.k }
    : tightestPair
      ? { tightest: tightestPair.pair, supportIndex: tightestPair.k, probability: support[tightestPair.k].p }
      : {};
  return { holds: true, detail: { property: `ex-post ${id}`, allocations: support.length, ...tightest } };
}

export type MixedChecker = (inst: Instance, a: MixedAllocation, claim: Claim) => CheckResult;

/** The allocation properties defined on mixed allocations (src/checks/mixed-envy.ts, src/checks/fisher-prices.ts). */
export const mixedCheckers: { readonly [K in MixedClaimId]: MixedChecker } = {
  ef: (i, a) => checkMixedEF(i, a),
  efx: (i, a) => checkMixedEFX(i, a, { zeroValued: false }),
  efx0: (i, a) => checkMixedEFX(i, a, { zeroValued: true }),
  prop: (i, a) => checkMixedPROP(i, a),
  efm: (i, a) => checkEFM(i, a),
  efxm: (i, a) => checkEFXM(i, a),
  fpo: (i, a) => checkExchangeCycleFPO(i, a.toFractional()),
  'fpo-prices': (i, a, c) => checkStatedPricesOf(i, a, c.params),
};

/** An allocation property on every mixed allocation of a mixed outcome's support; fails at the first violation. */
function checkMixedExPost(o: Outcome, id: AllocationClaimId, claim: Claim): CheckResult {
  const support = o.mixed!.entries;
  if (!isMixedClaimId(id))
    return {
      holds: false,
      unchecked: true,
      detail: {
        reason: `${id} is not defined on mixed allocations (defined: ${Object.keys(mixedCheckers).join(', ')})`,
      },
    };
  for (let k = 0; k < support.length; k++) {
    const r = mixedCheckers[id](o.instance, support[k].allocation, claim);
    if (r.unchecked) return r;
    if (!r.holds)
      return {
        holds: false,
        detail: { ...r.detail, supportIndex: k, probability: support[k].p },
        witness: { allocation: support[k].allocation.toJSON(), ...(r.witness as object) },
      };
  }
  return { holds: true, detail: { property: `ex-post ${id}`, allocations: support.length } };
}
