/**
 * Lottery-level checks of Babaioff & Frosh (spec section 4): ex-ante rho-PROP (Theorem 3.2 has rho = 1 - eps),
 * the per-agent probability bounds of Theorem 1.1 (Pr[v_i(X_i) < MMS_i] <= 1/3 and Pr[v_i(X_i) >= PROP_i] >=
 * 1/3), and ex-ante equal treatment of equals (v_i = v_j implies E[v_i(X_i)] = E[v_j(X_j)]). All exact, on the
 * support with its probabilities, read through one scan of the support (./support-scan.ts: expected values from
 * the exact marginals, bundle values as exact integers).
 */
import { InvalidInputError } from '../core/errors';
import type { Instance } from '../core/instance';
import { Rational, type RationalLike } from '../core/rational';
import { cachedMmsShare, mmsShare } from '../shares/share-cache';
import { tpsOf } from './share';
import type { CheckResult } from './result';
import { probabilityOf, SupportValues, supportMarginals, type Support } from './support-scan';

export type { Support } from './support-scan';

/** E[v_i(X_i)] for every agent: sum_g P(g in X_i) v_i(g), on the exact marginals of the support. */
function expectedValues(inst: Instance, support: Support): Rational[] {
  const f = supportMarginals(support, inst);
  return inst.values.map((row, i) => Rational.sum(row.map((v, g) => v.mul(f[i][g]))));
}

/** Ex-ante rho-PROP: E[v_i(X_i)] >= rho * v_i(M) / n for every agent. Witness: the first agent below. */
export function checkExAnteRhoProp(inst: Instance, support: Support, rho: RationalLike): CheckResult {
  const r = Rational.from(rho);
  const perAgent: Record<string, unknown> = {};
  const E = expectedValues(inst, support);
  for (let i = 0; i < inst.n; i++) {
    const e = E[i];
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
 * Pr[v_i(X_i) < MMS_i] <= bound for every agent. [DECISION] The MMS is searched only when a bound does not
 * decide: MMS_i <= TPS_i (Lemma 2.12 of paper 000), so when Pr[v_i(X_i) < TPS_i] <= bound the agent holds without
 * her MMS. An allocation whose value lies within the bounds of an MMS that the solver only bounded counts as
 * undecided: the check holds if it holds even when those count as below, fails if it fails when they do not, and
 * is unchecked otherwise.
 */
export function checkProbabilityBelowMms(inst: Instance, support: Support, bound: RationalLike): CheckResult {
  const b = Rational.from(bound);
  const perAgent: Record<string, unknown> = {};
  const values = SupportValues.of(inst, support);
  let undecided = false;
  for (let i = 0; i < inst.n; i++) {
    const cached = cachedMmsShare(inst.values[i], inst.n);
    if (cached?.status !== 'optimal') {
      const upper = tpsOf(inst, i);
      const atMost = probabilityOf(support, values.indicesBelow(i, upper));
      if (atMost.le(b)) {
        perAgent[inst.agents[i]] = { probabilityBelowAtMost: atMost, mmsAtMost: upper, by: 'TPS >= MMS' };
        continue;
      }
    }
    const share = cached?.status === 'optimal' ? cached : mmsShare(inst, i);
    const below = values.indicesBelow(i, share.lower);
    const surely = probabilityOf(support, below);
    const maybe = probabilityOf(support, values.indicesBelow(i, share.upper)).sub(surely);
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
  const values = SupportValues.of(inst, support);
  for (let i = 0; i < inst.n; i++) {
    const p = Rational.ONE.sub(probabilityOf(support, values.indicesBelow(i, inst.total(i).div(inst.n))));
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
  const E = expectedValues(inst, support);
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
