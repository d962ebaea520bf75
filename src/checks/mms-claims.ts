/**
 * The claims whose checkers read every agent's MMS share (`mmsShare`, src/shares/share-cache.ts): rho-MMS and MMS
 * (./share.ts), alpha-IMMX (./share.ts, for the agents that are not EFX-satisfied), the role triple of seed-002
 * (./bobw-roles.ts) and the probability of falling below the MMS (./lottery-bounds.ts), each also as `ex-post-<id>`
 * on a lottery's support (the same shares: they depend on the valuations only). `certifyAsync` computes those shares
 * on the worker pool before checking such claims.
 */
import { toClaimId, type AllocationClaimId, type ClaimId, type OutcomeClaimId } from '../core/claims';
import type { AgentId } from '../core/instance';
import type { Claim, Outcome } from '../core/outcome';
import { Rational } from '../core/rational';
import { needsExactMms } from './ex-post-shares';
import { SupportValues } from './support-scan';

const ALLOCATION_CLAIMS: ReadonlySet<string> = new Set<AllocationClaimId>(['mms', 'rho-mms', 'immx', 'role-triple']);
const OUTCOME_CLAIMS: ReadonlySet<string> = new Set<OutcomeClaimId>(['probability-below-mms']);

/** True when checking claim `id` reads every agent's MMS share. */
export function readsMmsShares(id: ClaimId): boolean {
  const base = id.startsWith('ex-post-') ? id.slice(8) : id;
  return ALLOCATION_CLAIMS.has(base) || OUTCOME_CLAIMS.has(id);
}

/**
 * The agents whose MMS share checking `claims` of outcome `o` will search: for `ex-post-mms` and `ex-post-rho-mms` on
 * a lottery's support only the agents whose least value over the support is below rho times their TPS (the rest pass
 * on the bound MMS <= TPS without a search, ./ex-post-shares.ts); for every other claim that reads MMS shares, every
 * agent. `certifyAsync` computes just these on the worker pool.
 */
export function agentsNeedingMms(o: Outcome, claims: readonly Claim[]): AgentId[] {
  const inst = o.instance;
  const needed = new Set<AgentId>();
  for (const claim of claims) {
    const id = toClaimId(claim.id, 'claim');
    if (!readsMmsShares(id)) continue;
    const base = id.startsWith('ex-post-') ? id.slice(8) : null;
    const support = base === 'mms' || base === 'rho-mms' ? (o.mixed ? [] : o.support()) : [];
    if (support.length === 0) return inst.agents.map((_, i) => i);
    const rho = base === 'mms' ? Rational.ONE : (claim.rho ?? Rational.ONE);
    const values = SupportValues.of(inst, support);
    for (let i = 0; i < inst.n; i++) if (needsExactMms(inst, i, values.least(i).value, rho)) needed.add(i);
  }
  return [...needed].sort((a, b) => a - b);
}
