/**
 * Paper 001's mechanisms as "plans": for (n, m, options) a plan fixes everything the mechanism needs
 * besides the bids (shares and quotas, agent order, tie rule, virtual-value tables) together with the
 * claims it makes and its analytic (m -> ∞) predictions. `run` (exact Instance) and the simulation
 * allocator (Float64Array values) execute the same plan, so simulations measure the registered mechanism.
 *
 * Options shared by all: `dist` (spec string such as "uniform:0,1" or a Distribution; required where the
 * mechanism depends on D), `seed` (tie-breaking), `tie` ('index' | 'random').
 */
import { DomainError, InvalidInputError } from '../../core/errors';
import type { Claim } from '../../core/outcome';
import type { RationalLike } from '../../core/rational';
import {
  chooseNearEqualEps, dpThresholds, efMargins, nearEqualShares, thm37Share, welfareRatio,
} from '../../stochastic/analytics';
import { baiGolzWeights } from '../../stochastic/bai-golz';
import { C2, hillKertz, R0 } from '../../stochastic/constants';
import { correlatedPickChoice } from '../../stochastic/correlated';
import type { Distribution } from '../../stochastic/distribution';
import { toDistribution } from '../../stochastic/parse';
import { exactShares, floatShares, pickCounts } from '../../stochastic/shares';
import { type TieRule } from './core';

export type PlanKind = 'pick' | 'ranking' | 'weighted-ranking';

export interface Plan {
  readonly kind: PlanKind;
  /** Pick: the integer quotas for this m (in agent order) and the agent order. */
  readonly quotas?: readonly number[];
  readonly agentOrder?: readonly number[];
  /** Weighted ranking: per-agent distributions and weights. */
  readonly dists?: readonly Distribution[];
  readonly weights?: readonly number[];
  readonly tie: TieRule;
  readonly seed: number | string;
  readonly claims: Claim[];
  readonly analytic: { welfareRatio: number | null; efWhp: boolean | null; note?: string };
  readonly parameters: Record<string, unknown>;
}

export type Options = Record<string, unknown>;

function distOpt(id: string, o: Options, required: true): Distribution;
function distOpt(id: string, o: Options, required: false): Distribution | undefined;
function distOpt(id: string, o: Options, required: boolean): Distribution | undefined {
  if (o.dist === undefined) {
    if (required) throw new InvalidInputError('missing-option', `${id}: options.dist is required (a spec such as "uniform:0,1", "exp:1", "beta:2,3", "samples:file.json")`);
    return undefined;
  }
  return toDistribution(o.dist, `${id}: options.dist`);
}

/** What a claim records as the distribution (the spec string when given as one). */
function distParam(o: Options, d: Distribution): unknown {
  return typeof o.dist === 'string' ? o.dist : d;
}

function seedOpt(o: Options): number | string {
  const s = o.seed ?? 0;
  if (typeof s !== 'number' && typeof s !== 'string') throw new InvalidInputError('bad-option', `options.seed: expected a number or string, got ${JSON.stringify(s)}`);
  return s;
}

function tieOpt(o: Options, def: TieRule): TieRule {
  const t = o.tie ?? def;
  if (t !== 'index' && t !== 'random') throw new InvalidInputError('bad-option', `options.tie: expected "index" or "random", got ${JSON.stringify(t)}`);
  return t;
}

function agentOrderOpt(o: Options, n: number): number[] {
  const raw = o.order;
  if (raw === undefined) return Array.from({ length: n }, (_, i) => i);
  if (!Array.isArray(raw) || raw.length !== n || new Set(raw).size !== n || raw.some((a) => !Number.isInteger(a) || a < 0 || a >= n))
    throw new InvalidInputError('bad-order', `options.order: expected a permutation of the agents 0..${n - 1}, got ${JSON.stringify(raw)}`);
  return raw as number[];
}

function requireN(id: string, n: number, want: number): void {
  if (n !== want) throw new DomainError(id, `n-not-${want}`, `needs exactly ${want} agents, got n = ${n}`);
}

function pickClaims(order: number[], quotas: number[]): Claim[] {
  return [
    { id: 'truthful', text: 'DSIC (Pápai 2000; paper 001 Def. 3.4): no cardinal misreport gains (exhaustive audit for m ≤ 4)', params: { space: 'cardinal' } },
    { id: 'quota-serial-dictatorship', text: 'quota serial dictatorship: each agent got a best t_i-subset of the items left to it (complete DSIC certificate, spec C3)', params: { order, quotas } },
  ];
}

function welfareClaim(text: string, shares: number[], bound: number, dist?: unknown): Claim {
  return { id: 'asymptotic-welfare-ratio', text, params: { shares, bound, ...(dist !== undefined ? { dist } : {}) } };
}

function efClaim(text: string, shares: number[], dist: unknown): Claim {
  return { id: 'ef-whp', text, params: { shares, dist } };
}

/** The limit (m -> ∞) predictions of Pick-r with i.i.d. values from D. */
function iidAnalytic(r: readonly number[], d: Distribution): Plan['analytic'] {
  return { welfareRatio: welfareRatio(r, d), efWhp: efMargins(r, d).efWhp };
}

/** options.dists (one per agent, parsed) or options.dist (required, parsed once) for all `n` agents. */
function perAgentDists(id: string, o: Options, n: number): Distribution[] {
  if (Array.isArray(o.dists)) return (o.dists as unknown[]).map((x, k) => toDistribution(x, `${id}: options.dists[${k}]`));
  const d = distOpt(id, o, true);
  return Array.from({ length: n }, () => d);
}

export interface StochasticMechanismSpec {
  readonly id: string;
  readonly name: string;
  readonly source: string;
  readonly guarantees: readonly string[];
  readonly requirements: string;
  readonly dsic: boolean;
  plan(n: number, m: number, o: Options): Plan;
}

/** What a Pick-family mechanism chooses besides the shared scaffolding of `pickSpec`. */
interface PickChoice {
  /** Shares in agent order (exact or float; the quotas are computed exactly). */
  readonly shares: readonly RationalLike[];
  readonly claims: Claim[];
  readonly analytic: Plan['analytic'];
  readonly parameters: Record<string, unknown>;
  /** Fixed agent order; default options.order (else 0..n-1). */
  readonly order?: number[];
}

/**
 * A Pick-r (quota serial dictatorship) spec: DSIC, 'index' ties by default, the quota-serial-dictatorship
 * and truthfulness claims first; `agents` fixes n (a DomainError otherwise).
 */
function pickSpec(s: Omit<StochasticMechanismSpec, 'dsic' | 'plan'> & { agents?: number; choose(n: number, m: number, o: Options): PickChoice }): StochasticMechanismSpec {
  return {
    id: s.id, name: s.name, source: s.source, guarantees: ['DSIC', ...s.guarantees], requirements: s.requirements, dsic: true,
    plan(n, m, o) {
      if (s.agents !== undefined) requireN(s.id, n, s.agents);
      const c = s.choose(n, m, o);
      const agentOrder = c.order ?? agentOrderOpt(o, n);
      const quotas = pickCounts(c.shares, m);
      return {
        kind: 'pick', quotas, agentOrder, tie: tieOpt(o, 'index'), seed: seedOpt(o),
        claims: [...pickClaims(agentOrder, quotas), ...c.claims], analytic: c.analytic,
        parameters: { ...c.parameters, order: agentOrder, quotas },
      };
    },
  };
}

export const specs: StochasticMechanismSpec[] = [
  pickSpec({
    id: 'pick-r',
    name: 'Pick-r (quota serial dictatorship)',
    source: 'paper 001, Definition 3.4 and Lemma 3.6',
    guarantees: ['welfare ratio alpha(r; D) - o(1) (Lemma 3.6(2))', 'EF w.h.p. iff all QT margins > 0 (Lemma 3.6(3))'],
    requirements: 'options.r: n shares summing to 1 (numbers or rational strings; a scalar for n = 2); optional dist, order, tie, seed',
    choose(n, _m, o) {
      if (o.r === undefined) throw new InvalidInputError('missing-option', 'pick-r: options.r is required (n shares summing to 1, e.g. [0.3, 0.7] or ["1/3", "2/3"])');
      const raw = typeof o.r === 'number' ? floatShares(o.r, n, 'pick-r: options.r') : (o.r as RationalLike[]);
      const exact = exactShares(raw, 'pick-r: options.r');
      if (exact.length !== n) throw new InvalidInputError('bad-shares', `pick-r: options.r has ${exact.length} shares for ${n} agents`);
      const r = exact.map((x) => x.toNumber());
      const d = distOpt('pick-r', o, false);
      const claims: Claim[] = [];
      let analytic: Plan['analytic'] = { welfareRatio: null, efWhp: null, note: 'give options.dist for the analytic predictions' };
      if (d) {
        analytic = iidAnalytic(r, d);
        claims.push(welfareClaim(`welfare ratio -> alpha(r; D) = ${analytic.welfareRatio!.toFixed(6)} (Lemma 3.6(2))`, r, analytic.welfareRatio!, distParam(o, d)));
        if (analytic.efWhp) claims.push(efClaim('EF with probability -> 1 (Lemma 3.6(3): all QT margins > 0)', r, distParam(o, d)));
      }
      return { shares: raw, claims, analytic, parameters: { r } };
    },
  }),
  pickSpec({
    id: 'pick-two-agents',
    name: 'Pick-r0, r0 = (2 - sqrt 2)/2 (two agents)',
    source: 'paper 001, Proposition 3.3 (tight by Theorem 3.1)',
    guarantees: ['welfare ratio ≥ (2 + sqrt 2)/4 - o(1) for every D (distribution-free)'],
    requirements: 'n = 2; optional dist (for the exact alpha), tie, seed',
    agents: 2,
    choose(_n, _m, o) {
      const r = [R0, 1 - R0];
      const d = distOpt('pick-two-agents', o, false);
      return {
        shares: r,
        claims: [welfareClaim('welfare ratio ≥ (2 + sqrt 2)/4 - o(1) for every D (Prop. 3.3; worst case g(r0) = (2+sqrt2)/4)', r, C2)],
        analytic: d ? iidAnalytic(r, d) : { welfareRatio: null, efWhp: null, note: `worst case over D: ${C2}` },
        parameters: { r, r0: R0 },
      };
    },
  }),
  pickSpec({
    id: 'pick-ef-selector',
    name: 'Theorem 3.7 selector: Pick-r0 or the fallback share',
    source: 'paper 001, Theorem 3.7 (Appendix E); robust variant spec 3.6',
    guarantees: ['EF w.h.p.', 'welfare ratio ≥ (2 + sqrt 2)/4 - o(1)'],
    requirements: 'n = 2; options.dist required; options.variant "paper" (default: r0 if Top(1-r0) > mu/2 strictly, else 1/2 - m^{-1/4}) or "robust" (else (r_min + 1/2)/2)',
    agents: 2,
    choose(_n, m, o) {
      const d = distOpt('pick-ef-selector', o, true);
      const variant = (o.variant ?? 'paper') as 'paper' | 'robust';
      if (variant !== 'paper' && variant !== 'robust') throw new InvalidInputError('bad-option', `pick-ef-selector: options.variant must be "paper" or "robust", got ${JSON.stringify(o.variant)}`);
      const choice = thm37Share(d, Math.max(1, m), variant);
      const r = [choice.r, 1 - choice.r];
      const fallback = choice.branch === 'fallback';
      const limit = fallback ? [0.5, 0.5] : r;
      return {
        shares: r,
        claims: [
          welfareClaim(`welfare ratio ≥ (2 + sqrt 2)/4 - o(1) (Thm 3.7; limit share ${limit[0].toFixed(6)})`, limit, C2, distParam(o, d)),
          efClaim(`EF w.h.p.: QT margins at the share used for m = ${m} (r = ${choice.r.toFixed(6)}) are > 0${fallback ? ' (the paper fallback needs 1/2 - m^{-1/4} > r_min, pitfall P2)' : ''}`, r, distParam(o, d)),
        ],
        analytic: { welfareRatio: welfareRatio(limit, d), efWhp: fallback ? choice.rMin < 0.5 : efMargins(r, d).efWhp, note: `branch ${choice.branch}; analytic value at the limit share` },
        parameters: { ...choice },
      };
    },
  }),
  pickSpec({
    id: 'pick-prophet-optimal',
    name: 'Prophet-optimal Pick-r (backward induction)',
    source: 'paper 001, Corollary 3.9 via Proposition 3.8',
    guarantees: ['welfare ratio alpha_DP(D, n) ≥ 1/a_n ≥ beta ≈ 0.745 - o(1)'],
    requirements: 'options.dist required; any n',
    choose(n, _m, o) {
      const d = distOpt('pick-prophet-optimal', o, true);
      const dp = dpThresholds(d, n);
      const hk = hillKertz(n).prophetRatio;
      return {
        shares: dp.r,
        claims: [welfareClaim(`welfare ratio -> alpha_DP = ${dp.alpha.toFixed(6)} ≥ 1/a_${n} = ${hk.toFixed(6)} (Cor. 3.9)`, dp.r, hk, distParam(o, d))],
        analytic: { welfareRatio: dp.alpha, efWhp: efMargins(dp.r, d).efWhp },
        parameters: { ...dp, prophetRatio: hk },
        order: Array.from({ length: n }, (_, i) => i),
      };
    },
  }),
  pickSpec({
    id: 'pick-near-equal',
    name: 'Near-equal Pick-r (1/n - eps, ..., 1/n + (n-1) eps)',
    source: 'paper 001, Theorem 3.10',
    guarantees: ['EF w.h.p.', 'welfare ratio ≥ 1/2 - o(1)'],
    requirements: 'options.eps in (0, 1/n) (default: 0.02, or chosen from options.dist when 0.02 fails); optional dist',
    choose(n, _m, o) {
      const d = distOpt('pick-near-equal', o, false);
      let eps: number;
      if (o.eps !== undefined) {
        eps = Number(o.eps);
        if (!(eps > 0 && eps < 1 / n)) throw new InvalidInputError('bad-option', `pick-near-equal: options.eps = ${o.eps} must be in (0, 1/n = ${1 / n})`);
      } else eps = d ? chooseNearEqualEps(d, n).eps : 0.02;
      // reached by the default 0.02 when n ≥ 50 and no dist is given
      if (!(eps < 1 / n)) throw new DomainError('pick-near-equal', 'eps-too-large', `eps = ${eps} ≥ 1/n`);
      const r = nearEqualShares(n, eps);
      const claims: Claim[] = [welfareClaim('welfare ratio ≥ 1/2 - o(1) (Thm 3.10)', r, 0.5, d ? distParam(o, d) : undefined)];
      if (d) claims.push(efClaim('EF w.h.p. (Thm 3.10: all QT margins > 0)', r, distParam(o, d)));
      return { shares: r, claims, analytic: d ? iidAnalytic(r, d) : { welfareRatio: null, efWhp: null }, parameters: { eps, r } };
    },
  }),
  pickSpec({
    id: 'pick-correlated',
    name: 'Appendix B Pick for correlated values (two agents)',
    source: 'paper 001, Appendix B',
    guarantees: ['EF w.h.p. under the correlation assumption (margins depend on the joint)', 'EF ⇒ welfare ≥ OPT/2'],
    requirements: 'n = 2; options.dists: the two marginals (or options.dist for both); options.eps (default 0.02)',
    agents: 2,
    choose(_n, _m, o) {
      const marg = perAgentDists('pick-correlated', o, 2);
      const eps = o.eps === undefined ? 0.02 : Number(o.eps);
      const choice = correlatedPickChoice(marg, eps);
      const r = [choice.r, 1 - choice.r];
      const iid = marg[0].spec === marg[1].spec;
      return {
        shares: r,
        claims: [{ id: 'ef-implies-half-welfare', text: 'if the allocation is EF then sw ≥ OPT/2 (Appendix B)' }],
        analytic: iid
          ? { ...iidAnalytic(r, marg[0]), note: 'analytic values for independent values (rho = 0)' }
          : { welfareRatio: null, efWhp: null, note: 'margins depend on the joint distribution' },
        parameters: { ...choice },
        order: [...choice.order],
      };
    },
  }),
  {
    id: 'ranking',
    name: 'Ranking (each item to the agent ranking it highest)',
    source: 'paper 001, Algorithm 1 and Theorem 4.1',
    guarantees: ['BIC (not DSIC)', 'welfare ratio 1 - o(1)', 'EF w.h.p.', 'prior-independent'],
    requirements: 'any n; uses only the orders of the bids; within-agent ties by a seeded permutation (options.seed)',
    dsic: false,
    plan(n, m, o) {
      return {
        kind: 'ranking', tie: tieOpt(o, 'random'), seed: seedOpt(o),
        claims: [{ id: 'bic-ranking', text: 'BIC: interim win probabilities p_t are non-increasing, so the truthful order maximizes expected utility (Thm 4.1)' }],
        analytic: { welfareRatio: 1, efWhp: true, note: 'limit m -> ∞ (Theorem 4.1)' },
        parameters: { n, m },
      };
    },
  },
  {
    id: 'weighted-ranking',
    name: 'Weighted Ranking with Bai–Gölz weights',
    source: 'paper 001, Algorithm 2 and Theorem A.1 (corrected, spec P9)',
    guarantees: ['BIC', 'EF w.h.p.', '(1 - eps)-PO w.h.p.'],
    requirements: 'options.dists: one continuous distribution per agent (or options.dist for all); optional options.weights',
    dsic: false,
    plan(n, m, o) {
      const dists = perAgentDists('weighted-ranking', o, n);
      if (dists.length !== n) throw new InvalidInputError('bad-option', `weighted-ranking: ${dists.length} distributions for ${n} agents`);
      let weights: number[];
      let residual = 0;
      if (Array.isArray(o.weights)) {
        weights = (o.weights as unknown[]).map((x, k) => {
          const v = Number(x);
          if (!(v > 0)) throw new InvalidInputError('bad-option', `weighted-ranking: options.weights[${k}] = ${x} must be positive`);
          return v;
        });
        if (weights.length !== n) throw new InvalidInputError('bad-option', `weighted-ranking: ${weights.length} weights for ${n} agents`);
      } else {
        const bg = baiGolzWeights(dists);
        weights = bg.w;
        residual = bg.residual;
      }
      const distParams = Array.isArray(o.dists) ? o.dists : dists.map(() => o.dist);
      return {
        kind: 'weighted-ranking', dists, weights, tie: tieOpt(o, 'random'), seed: seedOpt(o),
        claims: [{ id: 'bic-weighted-ranking', text: 'BIC: interim win probabilities (counting formula) are non-increasing in the rank (Thm A.1)', params: { dists: distParams, weights } }],
        analytic: { welfareRatio: null, efWhp: true, note: 'weighted welfare is (1 - o(1))-optimal; the unweighted ratio has no closed form' },
        parameters: { weights, residual },
      };
    },
  },
];

export const specById = new Map(specs.map((s) => [s.id, s]));
