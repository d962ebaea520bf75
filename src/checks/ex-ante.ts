/**
 * Ex-ante checks on a fractional allocation or on the marginals of a lottery (Lemma 3.1 of paper 000:
 * the expected value of a lottery equals the value of the fractional allocation it implements).
 */
import type { FractionalAllocation, Lottery } from '../core/allocation';
import type { Instance } from '../core/instance';
import { Rational } from '../core/rational';
import type { CheckResult } from './result';
import { requireFractional, requireInstance, requireLottery } from '../core/arguments';
import { supportMarginals } from './support-scan';

/** V[i][j] = v_i(f_j) = sum_g f[j][g] v_i(g): agent i's expected value of agent j's share. */
export function expectedValueMatrix(inst: Instance, f: FractionalAllocation): Rational[][] {
  return inst.values.map((row) => f.shares.map((fj) => Rational.sum(row.map((v, g) => v.mul(fj[g])))));
}

/** Agent i's expected value E[v_i(A_i)] under a lottery, computed from the support (not the marginals). */
export function lotteryExpectedValue(inst: Instance, i: number, l: Lottery): Rational {
  return Rational.sum(l.entries.map((e) => e.p.mul(inst.value(i, e.allocation.bundles[i]))));
}

/** Every agent's expected value under a lottery, from the support. */
export function lotteryExpectedValues(inst: Instance, l: Lottery): Rational[] {
  return inst.values.map((_, i) => lotteryExpectedValue(inst, i, l));
}

/** Ex-ante PROP: v_i(f_i) >= v_i(M)/n for every agent. */
export function checkExAntePROP(inst: Instance, f: FractionalAllocation): CheckResult {
  requireInstance(inst, 'checkExAntePROP');
  requireFractional(f, inst, 'checkExAntePROP', 'f');
  // only v_i(f_i) is compared: n sums, not the n x n matrix
  const own = inst.values.map((row, i) => Rational.sum(row.map((v, g) => v.mul(f.shares[i][g]))));
  const perAgent: Record<string, unknown> = {};
  const shares = inst.values.map((_, i) => inst.total(i).div(inst.n));
  let tight = -1;
  for (let i = 0; i < inst.n; i++) {
    const share = shares[i];
    perAgent[inst.agents[i]] = { expected: own[i], prop: share };
    if (own[i].lt(share))
      return {
        holds: false,
        detail: { property: 'ex-ante PROP', agent: inst.agents[i], expected: own[i], prop: share },
        witness: { agent: i },
      };
    // the tightest agent: smallest expected/prop (cross-multiplied; an agent with prop = 0 is never tight)
    if (share.sign() > 0 && (tight < 0 || own[i].mul(shares[tight]).lt(own[tight].mul(share)))) tight = i;
  }
  const worst = tight >= 0 ? { agent: inst.agents[tight], expected: own[tight], prop: shares[tight] } : {};
  return { holds: true, detail: { property: 'ex-ante PROP', ...worst, perAgent } };
}

/** Ex-ante EF: v_i(f_i) >= v_i(f_j) for all i, j. Witness: an envious pair. */
export function checkExAnteEF(inst: Instance, f: FractionalAllocation): CheckResult {
  requireInstance(inst, 'checkExAnteEF');
  requireFractional(f, inst, 'checkExAnteEF', 'f');
  const V = expectedValueMatrix(inst, f);
  let tight: [number, number] | null = null;
  for (let i = 0; i < inst.n; i++)
    for (let j = 0; j < inst.n; j++) {
      if (V[i][j].gt(V[i][i]))
        return {
          holds: false,
          detail: {
            property: 'ex-ante EF',
            envious: inst.agents[i],
            envied: inst.agents[j],
            own: V[i][i],
            other: V[i][j],
          },
          witness: { envious: i, envied: j },
        };
      if (i !== j && (!tight || V[i][i].sub(V[i][j]).lt(V[tight[0]][tight[0]].sub(V[tight[0]][tight[1]]))))
        tight = [i, j];
    }
  const closest = tight
    ? {
        agent: inst.agents[tight[0]],
        other: inst.agents[tight[1]],
        own: V[tight[0]][tight[0]],
        otherValue: V[tight[0]][tight[1]],
      }
    : {};
  return { holds: true, detail: { property: 'ex-ante EF', ...closest, expected: V.map((r, i) => r[i]) } };
}

/**
 * The lottery implements f exactly: its marginals (recomputed from the support, ./support-scan.ts) equal f entry by
 * entry. Witness: the first differing entry.
 */
export function checkImplements(l: Lottery, f: FractionalAllocation): CheckResult {
  requireLottery(l, 'checkImplements', 'l');
  requireFractional(f, l, 'checkImplements', 'f');
  const marg = supportMarginals(l.entries);
  for (let i = 0; i < f.n; i++)
    for (let g = 0; g < f.m; g++)
      if (!marg[i][g].eq(f.shares[i][g]))
        return {
          holds: false,
          detail: { property: 'implements', agent: i, good: g, marginal: marg[i][g], target: f.shares[i][g] },
          witness: { agent: i, good: g },
        };
  return { holds: true, detail: { property: 'implements', supportSize: l.size } };
}

/** Support size at most `bound`. */
export function checkSupportSize(l: Lottery, bound: number): CheckResult {
  requireLottery(l, 'checkSupportSize', 'l');
  return { holds: l.size <= bound, detail: { property: 'support size', size: l.size, bound } };
}
