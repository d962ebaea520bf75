/**
 * The vocabulary of claims: every claim id a mechanism may make and `certify` can check. A claim id is a
 * value of the `ClaimId` union, so a typo is a compile error in the library and a typed error
 * (`unknown-claim`) when it comes from a file, the CLI or a notebook. The checkers live in one exhaustive
 * table in `src/checks/claims.ts`, keyed by these ids.
 */
import { InvalidInputError } from './errors';

/** Properties of one integral allocation; `ex-post-<id>` checks one on every allocation of a support. */
export const ALLOCATION_CLAIM_IDS = [
  'ef',
  'ef1',
  'efx',
  'efx0',
  'eefx',
  'prop',
  'prop1',
  'mms',
  'rho-mms',
  'rho-tps',
  'immx',
  'po',
  'fpo',
  'alpha-po',
  'quota-serial-dictatorship',
  'ef-implies-half-welfare',
  'efm',
  'efxm',
  'fpo-prices',
  'mxs',
  'rmms',
  'role-triple',
] as const;

/** Properties of a whole outcome (its lottery, fractional allocation or the mechanism that produced it). */
export const OUTCOME_CLAIM_IDS = [
  'ex-ante-prop',
  'ex-ante-ef',
  'implements',
  'support-size',
  'truthful',
  'implements-cuq',
  'implements-uniform',
  'two-agent-cases',
  'asymptotic-welfare-ratio',
  'ef-whp',
  'bic-ranking',
  'bic-weighted-ranking',
  'ex-ante-rho-prop',
  'probability-below-mms',
  'probability-prop',
  'equal-treatment',
] as const;

export type AllocationClaimId = (typeof ALLOCATION_CLAIM_IDS)[number];

/**
 * The allocation properties defined on mixed allocations (indivisible bundles plus fractions of divisible
 * goods, seed-003 spec section 2); `ex-post-<id>` of any other id on a mixed outcome is unchecked.
 */
export const MIXED_CLAIM_IDS = [
  'ef',
  'efx',
  'efx0',
  'prop',
  'efm',
  'efxm',
  'fpo',
  'fpo-prices',
] as const satisfies readonly AllocationClaimId[];
export type MixedClaimId = (typeof MIXED_CLAIM_IDS)[number];
const MIXED_SET: ReadonlySet<string> = new Set(MIXED_CLAIM_IDS);

export function isMixedClaimId(id: string): id is MixedClaimId {
  return MIXED_SET.has(id);
}
export type OutcomeClaimId = (typeof OUTCOME_CLAIM_IDS)[number];
export type ExPostClaimId = `ex-post-${AllocationClaimId}`;
export type ClaimId = AllocationClaimId | OutcomeClaimId | ExPostClaimId;

const ALLOCATION_SET: ReadonlySet<string> = new Set(ALLOCATION_CLAIM_IDS);
const OUTCOME_SET: ReadonlySet<string> = new Set(OUTCOME_CLAIM_IDS);

export function isAllocationClaimId(id: string): id is AllocationClaimId {
  return ALLOCATION_SET.has(id);
}

export function isOutcomeClaimId(id: string): id is OutcomeClaimId {
  return OUTCOME_SET.has(id);
}

/** True for every id of the `ClaimId` union (and nothing else: `__proto__`, `valueOf` are not ids). */
export function isClaimId(id: unknown): id is ClaimId {
  if (typeof id !== 'string') return false;
  return (
    isAllocationClaimId(id) || isOutcomeClaimId(id) || (id.startsWith('ex-post-') && isAllocationClaimId(id.slice(8)))
  );
}

/** Every claim id, in table order (allocation properties, their ex-post forms, outcome properties). */
export function allClaimIds(): ClaimId[] {
  return [...ALLOCATION_CLAIM_IDS, ...ALLOCATION_CLAIM_IDS.map((id) => `ex-post-${id}` as const), ...OUTCOME_CLAIM_IDS];
}

/** `raw` as a claim id, or a typed `unknown-claim` error at `where` listing the known ids. */
export function toClaimId(raw: unknown, where = 'claim id'): ClaimId {
  if (isClaimId(raw)) return raw;
  throw new InvalidInputError(
    'unknown-claim',
    `${where}: unknown claim id ${JSON.stringify(raw)}; known: ${allClaimIds().join(', ')}`,
  );
}
