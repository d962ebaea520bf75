/**
 * Claim checkers of paper 001 (Halpern, Psomas & Zhang, "Truthful Fair Division under Stochastic
 * Valuations"), entries of the claim table in `./claims`. Each reads only the instance, the allocation and
 * the claim's parameters; the parameters come from an outcome that may have been read from a file, so each
 * is validated first (a typed `bad-claim-params` error naming the parameter). `checkBicRanking` enumerates
 * the other agents' rankings through the Ranking kernel itself (`rankingFromOrders`, a pure function of the
 * orders): the enumeration is the independent part, the kernel is the object under test.
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
import type { Distribution } from '../stochastic/distribution';
import { toDistribution } from '../stochastic/parse';
import { checkEF } from './envy';
import type { CheckResult } from './result';

type Params = Readonly<Record<string, unknown>> | undefined;

function badParams(claim: string, message: string): never {
  throw new InvalidInputError('bad-claim-params', `claim ${claim}: ${message}`);
}

/** params.<key> of a claim, when params is an object. */
function param(params: unknown, key: string): unknown {
  return params !== null && typeof params === 'object' && !Array.isArray(params)
    ? (params as Record<string, unknown>)[key]
    : undefined;
}

function isFiniteNumber(x: unknown): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}

/** params.shares: a share vector (finite numbers ≥ 0 summing to 1 within 1e-9). */
function sharesParam(claim: string, params: Params): number[] {
  const r = param(params, 'shares');
  if (
    !Array.isArray(r) ||
    r.length === 0 ||
    !r.every((x) => isFiniteNumber(x) && x >= 0) ||
    Math.abs(r.reduce((a: number, b: number) => a + b, 0) - 1) > 1e-9
  )
    badParams(claim, `params.shares must be a list of non-negative numbers summing to 1, got ${JSON.stringify(r)}`);
  return r as number[];
}

/** A distribution parameter (spec string or Distribution), read through `toDistribution`. */
function distParam(claim: string, raw: unknown, key: string): Distribution {
  try {
    return toDistribution(raw, `claim ${claim}: params.${key}`);
  } catch (e) {
    if (e instanceof InvalidInputError) badParams(claim, `params.${key}: ${e.message}`);
    throw e;
  }
}

/**
 * `quota-serial-dictatorship` {agentOrder, quotas}: each agent's bundle has its quota and is a best subset of
 * the goods left to it under its true values (paper 001 spec C3: a complete DSIC certificate).
 */
export function checkQuotaSerialDictatorship(inst: Instance, a: Allocation, params: Params): CheckResult {
  const claim = 'quota-serial-dictatorship';
  const order = param(params, 'agentOrder');
  const quotas = param(params, 'quotas');
  const { n, m } = inst;
  if (
    !Array.isArray(order) ||
    order.length !== n ||
    !order.every((i) => Number.isInteger(i) && i >= 0 && i < n) ||
    new Set(order).size !== n
  )
    badParams(claim, `params.agentOrder must be a permutation of the agents 0..${n - 1}, got ${JSON.stringify(order)}`);
  if (
    !Array.isArray(quotas) ||
    quotas.length !== n ||
    !quotas.every((t) => Number.isInteger(t) && t >= 0) ||
    quotas.reduce((x: number, y: number) => x + y, 0) !== m
  )
    badParams(
      claim,
      `params.quotas must be ${n} non-negative integers summing to m = ${m}, got ${JSON.stringify(quotas)}`,
    );
  const agentOrder = order as number[];
  const quota = quotas as number[];
  const taken = new Array<boolean>(m).fill(false);
  for (let k = 0; k < n; k++) {
    const i = agentOrder[k];
    const bundle = a.bundles[i];
    if (bundle.length !== quota[k])
      return {
        holds: false,
        detail: { property: 'quota serial dictatorship', agent: inst.agents[i], size: bundle.length, quota: quota[k] },
      };
    const mine = new Set(bundle);
    let worstKept: Rational | null = null,
      worstItem = -1;
    for (const g of bundle)
      if (!worstKept || inst.values[i][g].lt(worstKept)) {
        worstKept = inst.values[i][g];
        worstItem = g;
      }
    for (let g = 0; g < m; g++) {
      if (taken[g] || mine.has(g)) continue;
      if (worstKept && inst.values[i][g].gt(worstKept))
        return {
          holds: false,
          detail: {
            property: 'quota serial dictatorship',
            agent: inst.agents[i],
            kept: worstItem,
            keptValue: worstKept,
            skipped: g,
            skippedValue: inst.values[i][g],
          },
          witness: { agent: i, kept: worstItem, better: g },
        };
    }
    bundle.forEach((g) => (taken[g] = true));
  }
  return {
    holds: true,
    detail: { property: 'quota serial dictatorship (DSIC certificate, spec C3)', agentOrder, quotas: quota },
  };
}

/** `asymptotic-welfare-ratio` {shares, bound, dist?}: alpha(r; D) >= bound, or without D the worst case g(r) >= bound (spec C11). */
export function checkAsymptoticWelfareRatio(params: Params): CheckResult {
  const claim = 'asymptotic-welfare-ratio';
  const shares = sharesParam(claim, params);
  const bound = param(params, 'bound');
  if (!isFiniteNumber(bound)) badParams(claim, `params.bound must be a number, got ${JSON.stringify(bound)}`);
  const dist = param(params, 'dist');
  if (dist !== undefined) {
    const d = distParam(claim, dist, 'dist');
    const alpha = welfareRatio(shares, d);
    return {
      holds: alpha >= bound - 1e-9,
      detail: { property: 'alpha(r; D) ≥ bound (quantile formula, Lemma 3.6(2))', alpha, bound, dist: d.name },
    };
  }
  const g = worstCaseGuarantee(shares);
  return {
    holds: g.value >= bound - 1e-9,
    detail: { property: 'worst case over D: g(r) ≥ bound (spec C11)', g: g.value, attainedAt: g.t, bound },
  };
}

/** `ef-whp` {shares, dist}: every QT margin of Lemma 3.6(3) is > 0. */
export function checkEfWhp(params: Params): CheckResult {
  const claim = 'ef-whp';
  const shares = sharesParam(claim, params);
  const d = distParam(claim, param(params, 'dist'), 'dist');
  const m = efMargins(shares, d);
  return {
    holds: m.efWhp,
    detail: {
      property: 'all QT EF margins > 0 (Lemma 3.6(3))',
      minNormalizedMargin: m.min,
      pair: m.argmin,
      dist: d.name,
    },
    ...(m.efWhp ? {} : { witness: { envious: m.argmin[0], envied: m.argmin[1] } }),
  };
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
        if (v.gt(truth))
          return {
            holds: false,
            detail: { property: 'truthful order maximizes interim utility', agent: i, truthful: truth, misreport: v },
            witness: { agent: i, order: perm },
          };
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
          acc[i].forEach((g, t) => {
            if (owner[g] === i) wins[t]++;
          });
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
          return {
            holds: false,
            detail: {
              property: 'enumeration reproduces p_t',
              agent: i,
              rank: t + 1,
              enumerated: `${wins[t]}/${total}`,
              formula: `${exact[t][0]}/${exact[t][1]}`,
            },
          };
      }
    }
  }
  return {
    holds: true,
    detail: { property: 'BIC of Ranking (spec C5)', exhaustiveOrders: m <= 6, enumeration: m <= 4 && n <= 3 },
  };
}

/** `bic-weighted-ranking` {dists, weights}: the counting-formula p_t is non-increasing (spec C6). */
export function checkBicWeightedRanking(o: Outcome, params: Params): CheckResult {
  const claim = 'bic-weighted-ranking';
  const n = o.instance.n;
  const rawDists = param(params, 'dists');
  const weights = param(params, 'weights');
  if (!Array.isArray(rawDists) || rawDists.length !== n)
    badParams(claim, `params.dists must list ${n} distributions (one per agent), got ${JSON.stringify(rawDists)}`);
  if (!Array.isArray(weights) || weights.length !== n || !weights.every((w) => isFiniteNumber(w) && w > 0))
    badParams(claim, `params.weights must be ${n} positive numbers, got ${JSON.stringify(weights)}`);
  const dists = rawDists.map((x, k) => distParam(claim, x, `dists[${k}]`));
  for (let i = 0; i < n; i++) {
    const pt = weightedRankingWinProbabilities(dists, weights as number[], o.instance.m, i);
    if (!isNonIncreasing(pt, 1e-15))
      return { holds: false, detail: { property: 'weighted p_t non-increasing', agent: i, p: pt } };
  }
  return { holds: true, detail: { property: 'BIC of Weighted Ranking (spec C6)' } };
}

/** `ef-implies-half-welfare`: if the allocation is EF then its welfare is at least OPT/2 (spec C14, Appendix B). */
export function checkEfImpliesHalfWelfare(inst: Instance, a: Allocation): CheckResult {
  const ef = checkEF(inst, a).holds;
  const sw = Rational.sum(a.bundles.map((b, i) => inst.value(i, b)));
  const opt = Rational.sum(
    inst.goods.map((_, g) => inst.values.reduce((best, row) => (row[g].gt(best) ? row[g] : best), Rational.ZERO)),
  );
  return { holds: !ef || sw.mul(2).ge(opt), detail: { property: 'EF ⇒ sw ≥ OPT/2 (Appendix B)', ef, sw, opt } };
}
