/**
 * Ex-post share claims on a whole support in one pass (issue 17, item 3): `ex-post-prop`, `ex-post-rho-tps`,
 * `ex-post-mms` and `ex-post-rho-mms` hold iff every agent's least value over the support, min_k v_i(X_i^k), is at
 * least rho times her share. The values come from one exact scan (./support-scan.ts); each agent's share is then
 * compared once, not once per allocation.
 *
 * [DECISION] The MMS is settled by bounds before it is computed. TPS_n(v_i) >= MMS_n(v_i) (Lemma 2.12 of paper
 * 000: truncating every value at the MMS leaves each bundle of an MMS partition worth at least the MMS, so
 * sum_g min(v_i(g), MMS) >= n MMS), so an agent whose least value reaches rho * TPS passes without her MMS; an
 * agent below it gets her exact MMS (`mmsShare`, cached, within the call's budget). A search stopped by the budget
 * still decides with its bounds: below rho * lower fails (its partition is the witness of the lower bound), at or
 * above rho * upper passes, in between is `unchecked` with the bounds reached. At (50, 500) the lottery of
 * `tie-mms-ordinal` passes on the TPS bound for every agent: no MMS search at all.
 */
import type { AllocationClaimId } from '../core/claims';
import type { AgentId, Instance } from '../core/instance';
import type { Claim } from '../core/outcome';
import { Rational } from '../core/rational';
import { checkTimeBudget } from '../core/time-budget';
import { prop } from '../shares/prop';
import { cachedMmsShare, mmsShare } from '../shares/share-cache';
import { tpsOf } from './share';
import type { CheckResult } from './result';
import { SupportValues, type Support } from './support-scan';

/** The allocation claims whose ex-post form this module checks. */
export type ExPostShareId = 'prop' | 'rho-tps' | 'mms' | 'rho-mms';

const SHARE_IDS: ReadonlySet<string> = new Set<ExPostShareId>(['prop', 'rho-tps', 'mms', 'rho-mms']);

/** True for the share claims checked here (`ex-post-<id>`). */
export function isExPostShareId(id: AllocationClaimId): id is ExPostShareId {
  return SHARE_IDS.has(id);
}

/** The per-allocation property name of each claim (as src/checks/share.ts reports it). */
const PROPERTY: { readonly [K in ExPostShareId]: string } = {
  prop: 'PROP',
  'rho-tps': 'rho-TPS',
  mms: 'rho-MMS',
  'rho-mms': 'rho-MMS',
};

/** Agent i's share as far as it is known: exact, or bounded with a partition witnessing the lower bound. */
interface ShareBounds {
  lower: Rational;
  upper: Rational;
  /** How the bounds were obtained ('exact', 'TPS >= MMS', 'MMS search stopped by the time limit'). */
  how: string;
  partition?: number[][];
}

/**
 * `ex-post-<id>` for a share claim: v_i(X_i^k) >= rho * share_i for every agent i and allocation k (rho = 1 for
 * `prop` and `mms`). Fails with the first allocation of the support in which the first failing agent is below,
 * as `checkExPost` does (detail: property, agent, value, share, needed, supportIndex, probability; witness: the
 * allocation, the agent and, for MMS, a partition proving the share at least `needed / rho`).
 */
export function checkExPostShare(inst: Instance, support: Support, id: ExPostShareId, claim: Claim): CheckResult {
  const rho = id === 'prop' || id === 'mms' ? Rational.ONE : (claim.rho ?? Rational.ONE);
  const property = PROPERTY[id];
  const values = SupportValues.of(inst, support);
  const perAgent: Record<string, unknown> = {};
  let undecided: Record<string, unknown> | null = null;
  let tightest: { i: AgentId; k: number; value: Rational; needed: Rational } | null = null;
  let tightestBound: { i: AgentId; k: number; value: Rational; neededAtMost: Rational } | null = null;
  let byBound = 0;
  for (let i = 0; i < inst.n; i++) {
    checkTimeBudget(`ex-post ${id}: agent ${i} of ${inst.n}`);
    const least = values.least(i);
    const share = shareOf(inst, i, id, least.value, rho);
    const name = inst.agents[i];
    if (share.how === 'TPS >= MMS') byBound++;
    const exact = share.lower.eq(share.upper);
    if (least.value.ge(rho.mul(share.upper))) {
      perAgent[name] = exact
        ? { least: least.value, supportIndex: least.k, needed: rho.mul(share.upper) }
        : { least: least.value, supportIndex: least.k, neededAtMost: rho.mul(share.upper), by: share.how };
      const needed = rho.mul(share.upper);
      if (needed.sign() <= 0) continue;
      if (exact && (!tightest || least.value.mul(tightest.needed).lt(tightest.value.mul(needed))))
        tightest = { i, k: least.k, value: least.value, needed };
      if (!exact && (!tightestBound || least.value.mul(tightestBound.neededAtMost).lt(tightestBound.value.mul(needed))))
        tightestBound = { i, k: least.k, value: least.value, neededAtMost: needed };
      continue;
    }
    const below = values.firstBelow(i, rho.mul(share.lower));
    if (below >= 0) {
      const value = values.value(i, below);
      const shareValue = exact ? share.lower : { atLeast: share.lower, atMost: share.upper };
      return {
        holds: false,
        detail: {
          property,
          rho,
          agent: name,
          value,
          share: shareValue,
          needed: rho.mul(share.lower),
          supportIndex: below,
          probability: support[below].p,
        },
        witness: { allocation: support[below].allocation.toJSON(), agent: i, sharePartition: share.partition },
      };
    }
    undecided ??= {
      agent: name,
      value: least.value,
      supportIndex: least.k,
      shareAtLeast: share.lower,
      shareAtMost: share.upper,
      neededBetween: [rho.mul(share.lower), rho.mul(share.upper)],
      reason: `the ${property} share of agent ${name} is only bounded (${share.how}) and her least value lies between rho times the bounds`,
    };
  }
  if (undecided) return { holds: false, unchecked: true, detail: { property: `ex-post ${id}`, ...undecided } };
  const exactCount = inst.n - byBound;
  const via =
    id === 'mms' || id === 'rho-mms'
      ? byBound === inst.n
        ? 'every agent by the bound MMS <= TPS'
        : byBound
          ? `${byBound} agent${byBound > 1 ? 's' : ''} by the bound MMS <= TPS, ${exactCount} by the exact MMS`
          : 'the exact MMS of every agent'
      : undefined;
  // the tightest agent whose share is known exactly; if none, the tightest against the upper bound of her share
  const tight = tightest
    ? { agent: inst.agents[tightest.i], value: tightest.value, needed: tightest.needed, supportIndex: tightest.k }
    : tightestBound
      ? {
          agent: inst.agents[tightestBound.i],
          value: tightestBound.value,
          neededAtMost: tightestBound.neededAtMost,
          supportIndex: tightestBound.k,
        }
      : {};
  return {
    holds: true,
    detail: { property: `ex-post ${id}`, allocations: support.length, ...(via ? { via } : {}), ...tight, perAgent },
  };
}

/**
 * Whether agent i's exact MMS is needed to decide `least >= rho * MMS`: not when `least` reaches rho times her TPS,
 * which bounds the MMS from above (module header). certifyAsync asks the same before searching shares on its pool.
 */
export function needsExactMms(inst: Instance, i: AgentId, least: Rational, rho: Rational): boolean {
  return least.lt(rho.mul(tpsOf(inst, i)));
}

/**
 * Agent i's share for claim `id`, as far as deciding `least >= rho * share` needs it: PROP and TPS exactly; the
 * MMS exactly when it is cached, else TPS as its upper bound when `least` reaches rho * TPS, else searched.
 */
function shareOf(inst: Instance, i: AgentId, id: ExPostShareId, least: Rational, rho: Rational): ShareBounds {
  const row = inst.values[i];
  if (id === 'prop') return exactShare(prop(row, inst.n));
  if (id === 'rho-tps') return exactShare(tpsOf(inst, i));
  const cached = cachedMmsShare(row, inst.n);
  if (cached?.status === 'optimal') return { ...exactShare(cached.value), partition: cached.partition };
  const upper = tpsOf(inst, i);
  if (!needsExactMms(inst, i, least, rho)) return { lower: Rational.ZERO, upper, how: 'TPS >= MMS' };
  const r = mmsShare(inst, i);
  if (r.status === 'optimal') return { ...exactShare(r.value), partition: r.partition };
  return {
    lower: r.lower,
    upper: Rational.min(r.upper, upper),
    how: 'MMS search stopped by the time limit',
    partition: r.partition,
  };
}

function exactShare(value: Rational): ShareBounds {
  return { lower: value, upper: value, how: 'exact' };
}
