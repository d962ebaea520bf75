/**
 * The share family: PROP, PROP1, rho-MMS, rho-TPS and alpha-IMMX (seed-002 Def 3.2), per allocation.
 * Each compares v_i(A_i) with rho times agent i's share, exactly, and names the first agent below it.
 */
import type { Allocation } from '../core/allocation';
import type { AgentId, Instance } from '../core/instance';
import { LimitError } from '../core/errors';
import { Rational, type RationalLike } from '../core/rational';
import { mmsShare } from '../shares/share-cache';
import { prop } from '../shares/prop';
import { tps } from '../shares/tps';
import { efxDominates } from './envy';
import type { CheckResult } from './result';
import { requireAllocation, requireInstance } from '../core/arguments';

function perAgent(
  inst: Instance,
  a: Allocation,
  property: string,
  rho: Rational,
  share: (i: AgentId) => { value: Rational; witness?: unknown; lower?: Rational; upper?: Rational },
): CheckResult {
  const ratios: Record<string, unknown> = {};
  let unchecked: string | null = null;
  let tightest: { agent: AgentId; value: Rational; needed: Rational } | null = null;
  for (let i = 0; i < inst.n; i++) {
    const own = inst.value(i, a.bundles[i]);
    const s = share(i);
    const lower = s.lower ?? s.value;
    const upper = s.upper ?? s.value;
    ratios[inst.agents[i]] = { value: own, share: s.value, ...(s.lower ? { lower, upper } : {}) };
    const needed = rho.mul(upper);
    if (own.ge(needed)) {
      // the tightest agent: smallest value/needed (an agent with needed = 0 is never tight)
      if (needed.sign() > 0 && (!tightest || own.mul(tightest.needed).lt(tightest.value.mul(needed))))
        tightest = { agent: i, value: own, needed };
      continue;
    }
    if (own.lt(rho.mul(lower))) {
      return {
        holds: false,
        detail: { property, rho, agent: inst.agents[i], value: own, share: s.value, needed: rho.mul(lower) },
        witness: { agent: i, sharePartition: s.witness },
      };
    }
    unchecked = inst.agents[i];
  }
  if (unchecked !== null)
    return {
      holds: false,
      unchecked: true,
      detail: {
        property,
        rho,
        agent: unchecked,
        reason: 'the share is only bounded (solver time limit) and the value lies between the bounds',
        perAgent: ratios,
      },
    };
  const tight = tightest ? { agent: inst.agents[tightest.agent], value: tightest.value, needed: tightest.needed } : {};
  return { holds: true, detail: { property, rho, ...tight, perAgent: ratios } };
}

/**
 * rho-`property` for a share computed exactly by exhaustive search (MXS, RMMS): v_i(A_i) >= rho * share_i for
 * every agent, with `shareOf(i)` the share; a search refused for its size (`LimitError`) makes the check
 * unchecked, never guessed. Witness of failure: `witness(i, share)`; the detail lists every agent's value and
 * share when the property holds.
 */
export function checkExhaustiveShare<S extends { readonly value: Rational }>(
  inst: Instance,
  a: Allocation,
  rho: Rational,
  property: string,
  shareOf: (i: AgentId) => S,
  witness: (i: AgentId, share: S) => Record<string, unknown>,
): CheckResult {
  const perAgent: Record<string, unknown> = {};
  for (let i = 0; i < inst.n; i++) {
    let share: S;
    try {
      share = shareOf(i);
    } catch (e) {
      if (e instanceof LimitError)
        return { holds: false, unchecked: true, detail: { property, agent: inst.agents[i], reason: e.message } };
      throw e;
    }
    const own = inst.value(i, a.bundles[i]);
    perAgent[inst.agents[i]] = { value: own, share: share.value };
    if (own.lt(rho.mul(share.value)))
      return {
        holds: false,
        detail: {
          property,
          rho,
          agent: inst.agents[i],
          value: own,
          share: share.value,
          needed: rho.mul(share.value),
        },
        witness: witness(i, share),
      };
  }
  return { holds: true, detail: { property, rho, perAgent } };
}

/** PROP: v_i(A_i) >= v_i(M)/n for every agent. */
export function checkPROP(inst: Instance, a: Allocation): CheckResult {
  requireInstance(inst, 'checkPROP');
  requireAllocation(a, inst, 'checkPROP', 'a');
  return perAgent(inst, a, 'PROP', Rational.ONE, (i) => ({ value: prop(inst.values[i], inst.n) }));
}

/** PROP1 (seed-000 D15): v_i(A_i) + max_{g not in A_i} v_i(g) >= v_i(M)/n. */
export function checkPROP1(inst: Instance, a: Allocation): CheckResult {
  requireInstance(inst, 'checkPROP1');
  requireAllocation(a, inst, 'checkPROP1', 'a');
  for (let i = 0; i < inst.n; i++) {
    const own = inst.value(i, a.bundles[i]);
    const mine = new Set(a.bundles[i]);
    let best = Rational.ZERO;
    let bestGood = -1;
    inst.values[i].forEach((v, g) => {
      if (!mine.has(g) && v.gt(best)) [best, bestGood] = [v, g];
    });
    const share = prop(inst.values[i], inst.n);
    if (own.add(best).lt(share))
      return {
        holds: false,
        detail: { property: 'PROP1', agent: inst.agents[i], value: own, bestOutside: best, share },
        witness: { agent: i, good: bestGood },
      };
  }
  return { holds: true, detail: { property: 'PROP1' } };
}

/** rho-TPS: v_i(A_i) >= rho * TPS_n(v_i) for every agent. */
export function checkRhoTPS(inst: Instance, a: Allocation, rho: RationalLike): CheckResult {
  requireInstance(inst, 'checkRhoTPS');
  requireAllocation(a, inst, 'checkRhoTPS', 'a');
  return perAgent(inst, a, 'rho-TPS', Rational.from(rho), (i) => ({ value: tpsOf(inst, i) }));
}

/** Each agent's TPS, computed once per instance: an ex-post check reads it for every allocation of the support. */
const tpsShares = new WeakMap<Instance, Rational[]>();
export function tpsOf(inst: Instance, i: AgentId): Rational {
  let row = tpsShares.get(inst);
  if (!row) tpsShares.set(inst, (row = []));
  return (row[i] ??= tps(inst.values[i], inst.n));
}

/** rho-MMS: v_i(A_i) >= rho * MMS_n(v_i) for every agent; the share comes with its witness partition. */
export function checkRhoMMS(inst: Instance, a: Allocation, rho: RationalLike = 1): CheckResult {
  requireInstance(inst, 'checkRhoMMS');
  requireAllocation(a, inst, 'checkRhoMMS', 'a');
  return perAgent(inst, a, 'rho-MMS', Rational.from(rho), (i) => {
    const r = mmsShare(inst, i);
    return { value: r.value, witness: r.partition, lower: r.lower, upper: r.upper };
  });
}

/**
 * alpha-IMMX (seed-002 Def 3.2): every agent i has v_i(A_i) >= alpha * MMS_i or is EFX0-satisfied.
 * Witness of failure: the agent, an EFX0 violation and the MMS partition.
 */
export function checkIMMX(inst: Instance, a: Allocation, alpha: RationalLike = 1): CheckResult {
  requireInstance(inst, 'checkIMMX');
  requireAllocation(a, inst, 'checkIMMX', 'a');
  const rho = Rational.from(alpha);
  const status: Record<string, string> = {};
  for (let i = 0; i < inst.n; i++) {
    const own = inst.value(i, a.bundles[i]);
    const v = inst.values[i];
    const violated = a.bundles.findIndex((b, j) => j !== i && !efxDominates(v, own, b));
    if (violated < 0) {
      status[inst.agents[i]] = 'EFX-satisfied';
      continue;
    }
    const r = mmsShare(inst, i);
    if (own.ge(rho.mul(r.upper))) {
      status[inst.agents[i]] = 'MMS-satisfied';
      continue;
    }
    if (own.ge(rho.mul(r.lower)))
      return {
        holds: false,
        unchecked: true,
        detail: { property: 'IMMX', agent: inst.agents[i], reason: 'MMS only bounded (time limit)' },
      };
    return {
      holds: false,
      detail: {
        property: 'IMMX',
        alpha: rho,
        agent: inst.agents[i],
        value: own,
        mms: r.value,
        envied: inst.agents[violated],
      },
      witness: { agent: i, envied: violated, mmsPartition: r.partition },
    };
  }
  return { holds: true, detail: { property: 'IMMX', alpha: rho, perAgent: status } };
}
