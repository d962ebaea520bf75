/**
 * Claim checkers of paper 001 (Halpern, Psomas, Zhang: truthful fair division under stochastic valuations),
 * entries of the claim table in `./claims`. Each reads only the instance, the allocation and the claim's
 * parameters. `checkBicRanking` enumerates the other agents' rankings through the Ranking kernel itself
 * (`rankingFromOrders`, a pure function of the orders): the enumeration is the independent part, the kernel
 * is the object under test.
 */
import type { Allocation } from '../core/allocation';
import { InvalidInputError } from '../core/errors';
import type { Instance } from '../core/instance';
import type { Outcome } from '../core/outcome';
import { permutations } from '../core/permutations';
import { Rational } from '../core/rational';
import { rankingFromOrders } from '../mechanisms/stochastic/core';
import { efMargins, welfareRatio, worstCaseGuarantee } from '../stochastic/analytics';
import { isNonIncreasing, rankingWinProbabilitiesExact, weightedRankingWinProbabilities } from '../stochastic/bic';
import { toDistribution } from '../stochastic/parse';
import { checkEF } from './envy';
import type { CheckResult } from './result';

/** `quota-serial-dictatorship` {order, quotas}: each agent's bundle has its quota and is a best subset of the goods left to it under its true values (paper 001 spec C3: a complete DSIC certificate). */
export function checkQuotaSerialDictatorship(inst: Instance, a: Allocation, params: Readonly<Record<string, unknown>> | undefined): CheckResult {
  const order = params?.order;
  const quotas = params?.quotas;
  const isIndexList = (x: unknown, bound: number): x is number[] => Array.isArray(x) && x.every((k) => Number.isInteger(k) && k >= 0 && k <= bound);
  if (!isIndexList(order, inst.n - 1) || !isIndexList(quotas, inst.m) || order.length !== quotas.length)
    throw new InvalidInputError('bad-claim-params', 'quota-serial-dictatorship: params.order (agent indices) and params.quotas (integers) must be lists of equal length');
  const taken = new Array<boolean>(inst.m).fill(false);
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    const bundle = a.bundles[i];
    if (bundle.length !== quotas[k]) return { holds: false, detail: { property: 'quota serial dictatorship', agent: inst.agents[i], size: bundle.length, quota: quotas[k] } };
    const mine = new Set(bundle);
    let worstKept: Rational | null = null, worstItem = -1;
    for (const g of bundle) if (!worstKept || inst.values[i][g].lt(worstKept)) { worstKept = inst.values[i][g]; worstItem = g; }
    for (let g = 0; g < inst.m; g++) {
      if (taken[g] || mine.has(g)) continue;
      if (worstKept && inst.values[i][g].gt(worstKept))
        return { holds: false, detail: { property: 'quota serial dictatorship', agent: inst.agents[i], kept: worstItem, keptValue: worstKept, skipped: g, skippedValue: inst.values[i][g] }, witness: { agent: i, kept: worstItem, better: g } };
    }
    bundle.forEach((g) => (taken[g] = true));
  }
  return { holds: true, detail: { property: 'quota serial dictatorship (DSIC certificate, spec C3)', order, quotas } };
}

/** `asymptotic-welfare-ratio` {shares, bound, dist?}: alpha(r; D) >= bound, or without D the worst case g(r) >= bound (spec C11). */
export function checkAsymptoticWelfareRatio(params: Readonly<Record<string, unknown>> | undefined): CheckResult {
  const p = (params ?? {}) as { shares: number[]; bound: number; dist?: unknown };
  if (p.dist !== undefined) {
    const d = toDistribution(p.dist);
    const alpha = welfareRatio(p.shares, d);
    return { holds: alpha >= p.bound - 1e-9, detail: { property: 'alpha(r; D) ≥ bound (quantile formula, Lemma 3.6(2))', alpha, bound: p.bound, dist: d.name } };
  }
  const g = worstCaseGuarantee(p.shares);
  return { holds: g.value >= p.bound - 1e-9, detail: { property: 'worst case over D: g(r) ≥ bound (spec C11)', g: g.value, attainedAt: g.t, bound: p.bound } };
}

/** `ef-whp` {shares, dist}: every QT margin of Lemma 3.6(3) is > 0. */
export function checkEfWhp(params: Readonly<Record<string, unknown>> | undefined): CheckResult {
  const p = (params ?? {}) as { shares: number[]; dist: unknown };
  const d = toDistribution(p.dist);
  const m = efMargins(p.shares, d);
  return { holds: m.efWhp, detail: { property: 'all QT EF margins > 0 (Lemma 3.6(3))', minNormalizedMargin: m.min, pair: m.argmin, dist: d.name }, ...(m.efWhp ? {} : { witness: { envious: m.argmin[0], envied: m.argmin[1] } }) };
}

/** `bic-ranking`: Ranking's p_t non-increasing (exact); the truthful order maximizes interim utility (m <= 6); exact enumeration reproduces p_t (m <= 4, n <= 3) (spec C5). */
export function checkBicRanking(o: Outcome): CheckResult {
  const inst = o.instance;
  const { n, m } = inst;
  for (let i = 0; i < n; i++) {
    const p = rankingWinProbabilitiesExact(n, m, i).map(([a, b]) => new Rational(a, b));
    const mono = p.every((x, t) => t === 0 || x.le(p[t - 1]));
    if (!mono) return { holds: false, detail: { property: 'p_t non-increasing', agent: i } };
    if (m <= 6) {
      const truthOrder = inst.order(i);
      const eu = (ord: readonly number[]) => Rational.sum(ord.map((g, t) => p[t].mul(inst.values[i][g])));
      const truth = eu(truthOrder);
      for (const perm of permutations(m)) {
        const v = eu(perm);
        if (v.gt(truth)) return { holds: false, detail: { property: 'truthful order maximizes interim utility', agent: i, truthful: truth, misreport: v }, witness: { agent: i, order: perm } };
      }
    }
  }
  if (m <= 4 && n <= 3) {
    // Exact enumeration: other agents' rankings uniform over permutations (i.i.d. continuous model).
    const perms = permutations(m).map((p) => Int32Array.from(p));
    for (let i = 0; i < n; i++) {
      const wins = new Array<number>(m).fill(0);
      let total = 0;
      const rec = (k: number, acc: Int32Array[]): void => {
        if (k === n) {
          const owner = rankingFromOrders(acc);
          acc[i].forEach((g, t) => { if (owner[g] === i) wins[t]++; });
          total++;
          return;
        }
        if (k === i) return rec(k + 1, [...acc, Int32Array.from({ length: m }, (_, t) => t)]);
        for (const p of perms) rec(k + 1, [...acc, p]);
      };
      rec(0, []);
      const exact = rankingWinProbabilitiesExact(n, m, i);
      for (let t = 0; t < m; t++) {
        if (!new Rational(BigInt(wins[t]), BigInt(total)).eq(new Rational(exact[t][0], exact[t][1])))
          return { holds: false, detail: { property: 'enumeration reproduces p_t', agent: i, rank: t + 1, enumerated: `${wins[t]}/${total}`, formula: `${exact[t][0]}/${exact[t][1]}` } };
      }
    }
  }
  return { holds: true, detail: { property: 'BIC of Ranking (spec C5)', exhaustiveOrders: m <= 6, enumeration: m <= 4 && n <= 3 } };
}

/** `bic-weighted-ranking` {dists, weights}: the counting-formula p_t is non-increasing (spec C6). */
export function checkBicWeightedRanking(o: Outcome, params: Readonly<Record<string, unknown>> | undefined): CheckResult {
  const p = (params ?? {}) as { dists: unknown[]; weights: number[] };
  const dists = p.dists.map((x) => toDistribution(x));
  for (let i = 0; i < dists.length; i++) {
    const pt = weightedRankingWinProbabilities(dists, p.weights, o.instance.m, i);
    if (!isNonIncreasing(pt, 1e-15)) return { holds: false, detail: { property: 'weighted p_t non-increasing', agent: i, p: pt } };
  }
  return { holds: true, detail: { property: 'BIC of Weighted Ranking (spec C6)' } };
}

/** `ef-implies-half-welfare`: if the allocation is EF then its welfare is at least OPT/2 (spec C14, Appendix B). */
export function checkEfImpliesHalfWelfare(inst: Instance, a: Allocation): CheckResult {
  const ef = checkEF(inst, a).holds;
  const sw = Rational.sum(a.bundles.map((b, i) => inst.value(i, b)));
  const opt = Rational.sum(inst.goods.map((_, g) => inst.values.reduce((best, row) => (row[g].gt(best) ? row[g] : best), Rational.ZERO)));
  return { holds: !ef || sw.mul(2).ge(opt), detail: { property: 'EF ⇒ sw ≥ OPT/2 (Appendix B)', ef, sw, opt } };
}
