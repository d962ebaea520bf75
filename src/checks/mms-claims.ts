/**
 * The claims whose checkers read every agent's MMS share (`mmsShare`, src/shares/share-cache.ts): rho-MMS and MMS
 * (./share.ts), alpha-IMMX (./share.ts, for the agents that are not EFX-satisfied), the role triple of seed-002
 * (./bobw-roles.ts) and the probability of falling below the MMS (./lottery-bounds.ts), each also as `ex-post-<id>`
 * on a lottery's support (the same shares: they depend on the valuations only). `certifyAsync` computes those shares
 * on the worker pool before checking such claims.
 */
import type { AllocationClaimId, ClaimId, OutcomeClaimId } from '../core/claims';

const ALLOCATION_CLAIMS: ReadonlySet<string> = new Set<AllocationClaimId>(['mms', 'rho-mms', 'immx', 'role-triple']);
const OUTCOME_CLAIMS: ReadonlySet<string> = new Set<OutcomeClaimId>(['probability-below-mms']);

/** True when checking claim `id` reads every agent's MMS share. */
export function readsMmsShares(id: ClaimId): boolean {
  const base = id.startsWith('ex-post-') ? id.slice(8) : id;
  return ALLOCATION_CLAIMS.has(base) || OUTCOME_CLAIMS.has(id);
}
