/**
 * Lottery-level checks of Babaioff & Frosh (spec section 4): ex-ante rho-PROP (Theorem 3.2 has rho = 1 - eps),
 * the per-agent probability bounds of Theorem 1.1 (Pr[v_i(X_i) < MMS_i] <= 1/3 and Pr[v_i(X_i) >= PROP_i] >=
 * 1/3), and ex-ante equal treatment of equals (v_i = v_j implies E[v_i(X_i)] = E[v_j(X_j)]). All exact, on the
 * support with its probabilities.
 */
import type { Allocation } from '../core/allocation';
import { InvalidInputError } from '../core/errors';
import type { Instance } from '../core/instance';
import { Rational, type RationalLike } from '../core/rational';
import { mmsShare } from '../shares/share-cache';
import type { CheckResult } from './result';

/** A support: (probability, allocation) pairs whose probabilities sum to 1. */
export type Support = readonly { readonly p: Rational; readonly allocation: Allocation }[];

function expected(inst: Instance, support: Support, i: number): Rational {
  return Rational.sum(support.map((e) => e.p.mul(inst.value(i, e.allocation.bundles[i]))));
}

/** Ex-ante rho-PROP: E[v_i(X_i)] >= rho * v_i(M) / n for every agent. Witness: the first agent below. */
export function checkExAnteRhoProp(inst: Instance, support: Support, rho: RationalLike): CheckResult {
  const r = Rational.from(rho);
  const perAgent: Record<string, unknown> = {};
  for (let i = 0; i < inst.n; i++) {
    const e = expected(inst, support, i);
    const needed = r.mul(inst.total(i)).div(inst.n);
    perAgent[inst.agents[i]] = { expected: e, needed };
    if (e.lt(needed))
      return {
        holds: false,
        detail: { property: 'ex-ante rho-PROP', rho: r, agent: inst.agents[i], expected: e, needed },
        witness: { agent: i },
      };
  }
  return { holds: true, detail: { property: 'ex-ante rho-PROP', rho: r, perAgent } };
}

/**
 * Pr[v_i(X_i) < MMS_i] <= bound for every agent. An allocation whose value lies within the bounds of an MMS
 * that the solver only bounded counts as undecided: the check holds if it holds even when those count as
 * below, fails if it fails when they do not, and is unchecked otherwise.
 */
export function checkProbabilityBelowMms(inst: Instance, support: Support, bound: RationalLike): CheckResult {
  const b = Rational.from(bound);
  const perAgent: Record<string, unknown> = {};
  let undecided = false;
  for (let i = 0; i < inst.n; i++) {
    const share = mmsShare(inst, i);
    let surely = Rational.ZERO;
    let maybe = Rational.ZERO;
    const below: number[] = [];
    support.forEach((e, k) => {
      const own = inst.value(i, e.allocation.bundles[i]);
      if (own.lt(share.lower)) {
        surely = surely.add(e.p);
        below.push(k);
      } else if (own.lt(share.upper)) maybe = maybe.add(e.p);
    });
    perAgent[inst.agents[i]] = { probabilityBelow: surely, mms: share.value };
    if (surely.gt(b))
      return {
        holds: false,
        detail: { property: 'Pr[below MMS]', bound: b, agent: inst.agents[i], probability: surely },
        witness: { agent: i, supportIndices: below },
      };
    if (surely.add(maybe).gt(b)) undecided = true;
  }
  if (undecided)
    return {
      holds: false,
      unchecked: true,
      detail: { property: 'Pr[below MMS]', reason: 'an MMS is only bounded (solver time limit)', perAgent },
    };
  return { holds: true, detail: { property: 'Pr[below MMS]', bound: b, perAgent } };
}

/** Pr[v_i(X_i) >= v_i(M) / n] >= bound for every agent. Witness: the first agent short of it. */
export function checkProbabilityProp(inst: Instance, support: Support, bound: RationalLike): CheckResult {
  const b = Rational.from(bound);
  const perAgent: Record<string, unknown> = {};
  for (let i = 0; i < inst.n; i++) {
    const total = inst.total(i);
    const p = Rational.sum(
      support.filter((e) => inst.value(i, e.allocation.bundles[i]).mul(inst.n).ge(total)).map((e) => e.p),
    );
    perAgent[inst.agents[i]] = { probabilityProp: p };
    if (p.lt(b))
      return {
        holds: false,
        detail: { property: 'Pr[at least PROP]', bound: b, agent: inst.agents[i], probability: p },
        witness: { agent: i },
      };
  }
  return { holds: true, detail: { property: 'Pr[at least PROP]', bound: b, perAgent } };
}

/** Ex-ante equal treatment of equals: agents with identical values have equal expected values. Witness: an unequal pair. */
export function checkEqualTreatment(inst: Instance, support: Support): CheckResult {
  const E = inst.values.map((_, i) => expected(inst, support, i));
  const groups: string[][] = [];
  for (let i = 0; i < inst.n; i++)
    for (let j = i + 1; j < inst.n; j++) {
      if (!inst.values[i].every((x, g) => x.eq(inst.values[j][g]))) continue;
      groups.push([inst.agents[i], inst.agents[j]]);
      if (!E[i].eq(E[j]))
        return {
          holds: false,
          detail: { property: 'equal treatment', agents: [inst.agents[i], inst.agents[j]], expected: [E[i], E[j]] },
          witness: { agents: [i, j] },
        };
    }
  return { holds: true, detail: { property: 'equal treatment', identicalPairs: groups, expected: E } };
}

/** A probability-bound claim's `params.bound` (a rational string such as "1/3"); typed error otherwise. */
export function probabilityBound(id: string, params: Readonly<Record<string, unknown>> | undefined): Rational {
  const raw = params?.bound;
  if (typeof raw !== 'string' && typeof raw !== 'number')
    throw new InvalidInputError(
      'bad-claim-params',
      `claim ${id}: params.bound must be a probability such as "1/3", got ${JSON.stringify(raw)}`,
    );
  const b = Rational.from(raw, `claim ${id}: params.bound`);
  if (b.sign() < 0 || b.gt(1))
    throw new InvalidInputError('bad-claim-params', `claim ${id}: params.bound must be in [0, 1], got ${b}`);
  return b;
}
