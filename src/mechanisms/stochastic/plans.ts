/**
 * Paper 001's mechanisms as plans: for (n, m, parsed options) a plan fixes everything a mechanism needs
 * besides the bids (quotas and agent order, tie rule, distributions and weights) together with the claims
 * it makes and its analytic (m -> ∞) predictions. `run` (exact Instance) and the simulation allocator
 * (Float64Array values) execute the same plan, so simulations measure the registered mechanism; both parse
 * options through the same schema (`PlanSpec.options`) and check the same domain.
 *
 * Tie-breaking: the Pick family breaks an agent's ties between equal bids by item index ('index') by
 * default, as the spec's Pick does, because quota serial dictatorship stays DSIC under any fixed rule;
 * Ranking and Weighted Ranking default to a seeded uniform permutation ('random'), because index ties make
 * low-index items rank better for everyone and break BIC with discrete values (seed-001 §2.9, pitfall P11).
 */
import type { Instance } from '../../core/instance';
import type { Claim } from '../../core/outcome';
import type { RationalLike } from '../../core/rational';
import { agentOrderOption, choiceOption, distributionOption, type OptionsSchema, type ParsedOptions } from '../options';
import { violation, type DomainViolation } from '../registry';
import {
  chooseNearEqualEps,
  dpThresholds,
  efMargins,
  efSelectorShare,
  nearEqualShares,
  welfareRatio,
} from '../../stochastic/analytics';
import { baiGolzWeights } from '../../stochastic/bai-golz';
import { C2, hillKertz, R0 } from '../../stochastic/constants';
import { correlatedPickChoice } from '../../stochastic/correlated';
import type { Distribution } from '../../stochastic/distribution';
import { pickCounts } from '../../stochastic/shares';
import type { TieRule } from './core';
import {
  openIntervalOption,
  optionalDist,
  perAgentDists,
  perAgentDistsOption,
  requiredDist,
  sharedDist,
  sharesOption,
  tieOption,
  tieSeedOption,
  weightsOption,
} from './options';

/** The limit (m -> ∞) predictions a simulation reports beside its estimates. */
export interface Analytic {
  readonly welfareRatio: number | null;
  readonly efWhp: boolean | null;
  readonly note?: string;
}

interface PlanBase {
  readonly tie: TieRule;
  readonly seed: number;
  readonly claims: readonly Claim[];
  readonly analytic: Analytic;
  /** Shown as the Outcome's trace and the simulation's parameters. */
  readonly parameters: Readonly<Record<string, unknown>>;
}

/** Pick-r: agents in `agentOrder` take their `quotas` (same positions) favourite remaining items. */
export interface PickPlan extends PlanBase {
  readonly kind: 'pick';
  readonly quotas: readonly number[];
  readonly agentOrder: readonly number[];
}

/** Ranking (Algorithm 1): each item to the agent ranking it best. */
export interface RankingPlan extends PlanBase {
  readonly kind: 'ranking';
}

/** Weighted Ranking (Algorithm 2): each item to the agent with the largest weighted virtual value. */
export interface WeightedRankingPlan extends PlanBase {
  readonly kind: 'weighted-ranking';
  readonly dists: readonly Distribution[];
  readonly weights: readonly number[];
}

export type Plan = PickPlan | RankingPlan | WeightedRankingPlan;

/** One mechanism of the family: its id, options schema, domain check, and plan for (n, m). */
export interface PlanSpec<S extends OptionsSchema> {
  readonly id: string;
  readonly options: S;
  /** Shared by `run` (through the registry) and by the simulation. */
  domain?(inst: Instance, options: ParsedOptions<S>): DomainViolation | undefined;
  plan(n: number, m: number, options: ParsedOptions<S>): Plan;
}

/** Declares a plan with its option types inferred from the schema. */
function planSpec<S extends OptionsSchema>(spec: PlanSpec<S>): PlanSpec<S> {
  return spec;
}

/** `violation` for mechanisms defined for exactly `want` agents. */
function exactlyAgents(inst: Instance, want: number): DomainViolation | undefined {
  return violation(inst.n === want, `n-not-${want}`, `needs exactly ${want} agents, got n = ${inst.n}`);
}

// ------------------------------------------------------------------------------------------ claims

/**
 * A distribution as a claim parameter: its spec string when `toDistribution` can read it back without a
 * file (so the claim survives JSON), else the object itself (an in-memory outcome still certifies).
 */
function claimDist(d: Distribution): string | Distribution {
  return /^(uniform|exp|exponential|beta|hard|bernoulli-noise|discrete|histogram):[^+]*$/.test(d.spec) ? d.spec : d;
}

function pickClaims(agentOrder: readonly number[], quotas: readonly number[]): Claim[] {
  return [
    {
      id: 'truthful',
      text: 'DSIC (Pápai 2000; paper 001 Def. 3.4): no cardinal misreport gains (exhaustive audit for m ≤ 4)',
      params: { space: 'cardinal' },
    },
    {
      id: 'quota-serial-dictatorship',
      text: 'quota serial dictatorship: each agent got a best t_i-subset of the items left to it (complete DSIC certificate, spec C3)',
      params: { agentOrder, quotas },
    },
  ];
}

function welfareClaim(text: string, shares: readonly number[], bound: number, dist?: Distribution): Claim {
  return {
    id: 'asymptotic-welfare-ratio',
    text,
    params: { shares, bound, ...(dist ? { dist: claimDist(dist) } : {}) },
  };
}

function efClaim(text: string, shares: readonly number[], dist: Distribution): Claim {
  return { id: 'ef-whp', text, params: { shares, dist: claimDist(dist) } };
}

/** The limit (m -> ∞) predictions of Pick-r with i.i.d. values from D. */
function iidAnalytic(r: readonly number[], d: Distribution): Analytic {
  return { welfareRatio: welfareRatio(r, d), efWhp: efMargins(r, d).efWhp };
}

// ------------------------------------------------------------------------------------------ Pick family

/** What a Pick-family mechanism chooses; `pickPlan` adds the quotas, the DSIC claims and the tie rule. */
interface PickChoice {
  /** Shares in agent-order positions (exact or float; the quotas are computed exactly). */
  readonly shares: readonly RationalLike[];
  readonly agentOrder: readonly number[];
  readonly claims: readonly Claim[];
  readonly analytic: Analytic;
  readonly parameters: Readonly<Record<string, unknown>>;
}

function pickPlan(m: number, o: { readonly tie: TieRule; readonly seed: number }, c: PickChoice): PickPlan {
  const quotas = pickCounts(c.shares, m);
  return {
    kind: 'pick',
    quotas,
    agentOrder: c.agentOrder,
    tie: o.tie,
    seed: o.seed,
    claims: [...pickClaims(c.agentOrder, quotas), ...c.claims],
    analytic: c.analytic,
    parameters: { ...c.parameters, agentOrder: c.agentOrder, quotas },
  };
}

function identity(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

export const pickR = planSpec({
  id: 'pick-r',
  options: {
    r: sharesOption(),
    dist: optionalDist(),
    agentOrder: agentOrderOption(),
    tie: tieOption('index'),
    seed: tieSeedOption(),
  },
  plan(_n, m, o) {
    const r = o.r.map((x) => x.toNumber());
    const claims: Claim[] = [];
    let analytic: Analytic = {
      welfareRatio: null,
      efWhp: null,
      note: 'give options.dist for the analytic predictions',
    };
    if (o.dist) {
      const alpha = welfareRatio(r, o.dist);
      const efWhp = efMargins(r, o.dist).efWhp;
      analytic = { welfareRatio: alpha, efWhp };
      claims.push(welfareClaim(`welfare ratio -> alpha(r; D) = ${alpha.toFixed(6)} (Lemma 3.6(2))`, r, alpha, o.dist));
      if (efWhp) claims.push(efClaim('EF with probability -> 1 (Lemma 3.6(3): all QT margins > 0)', r, o.dist));
    }
    return pickPlan(m, o, { shares: o.r, agentOrder: o.agentOrder, claims, analytic, parameters: { r } });
  },
});

export const pickTwoAgents = planSpec({
  id: 'pick-two-agents',
  options: { dist: optionalDist(), agentOrder: agentOrderOption(), tie: tieOption('index'), seed: tieSeedOption() },
  domain: (inst) => exactlyAgents(inst, 2),
  plan(_n, m, o) {
    const r = [R0, 1 - R0];
    return pickPlan(m, o, {
      shares: r,
      agentOrder: o.agentOrder,
      claims: [
        welfareClaim(
          'welfare ratio ≥ (2 + sqrt 2)/4 - o(1) for every D (Prop. 3.3; worst case g(r0) = (2+sqrt2)/4)',
          r,
          C2,
        ),
      ],
      analytic: o.dist ? iidAnalytic(r, o.dist) : { welfareRatio: null, efWhp: null, note: `worst case over D: ${C2}` },
      parameters: { r, r0: R0 },
    });
  },
});

export const pickEfSelector = planSpec({
  id: 'pick-ef-selector',
  options: {
    dist: requiredDist(),
    variant: choiceOption('fallback share when Top(1 - r0) ≤ mu/2 (paper: 1/2 - m^{-1/4}; robust: (r_min + 1/2)/2)', [
      'paper',
      'robust',
    ] as const),
    agentOrder: agentOrderOption(),
    tie: tieOption('index'),
    seed: tieSeedOption(),
  },
  domain: (inst) => exactlyAgents(inst, 2),
  plan(_n, m, o) {
    const d = o.dist;
    const choice = efSelectorShare(d, Math.max(1, m), o.variant);
    const r = [choice.r, 1 - choice.r];
    const fallback = choice.branch === 'fallback';
    const limit = fallback ? [0.5, 0.5] : r;
    return pickPlan(m, o, {
      shares: r,
      agentOrder: o.agentOrder,
      claims: [
        welfareClaim(
          `welfare ratio ≥ (2 + sqrt 2)/4 - o(1) (Thm 3.7; limit share ${limit[0].toFixed(6)})`,
          limit,
          C2,
          d,
        ),
        efClaim(
          `EF w.h.p.: QT margins at the share used for m = ${m} (r = ${choice.r.toFixed(6)}) are > 0${fallback ? ' (the paper fallback needs 1/2 - m^{-1/4} > r_min, pitfall P2)' : ''}`,
          r,
          d,
        ),
      ],
      analytic: {
        welfareRatio: welfareRatio(limit, d),
        efWhp: fallback ? choice.rMin < 0.5 : efMargins(r, d).efWhp,
        note: `branch ${choice.branch}; analytic value at the limit share`,
      },
      parameters: { ...choice },
    });
  },
});

export const pickProphetOptimal = planSpec({
  id: 'pick-prophet-optimal',
  options: { dist: requiredDist(), tie: tieOption('index'), seed: tieSeedOption() },
  plan(n, m, o) {
    const dp = dpThresholds(o.dist, n);
    const hk = hillKertz(n).prophetRatio;
    return pickPlan(m, o, {
      shares: dp.r,
      // the thresholds are a backward induction over positions 1..n, so agents pick in index order
      agentOrder: identity(n),
      claims: [
        welfareClaim(
          `welfare ratio -> alpha_DP = ${dp.alpha.toFixed(6)} ≥ 1/a_${n} = ${hk.toFixed(6)} (Cor. 3.9)`,
          dp.r,
          hk,
          o.dist,
        ),
      ],
      analytic: { welfareRatio: dp.alpha, efWhp: efMargins(dp.r, o.dist).efWhp },
      parameters: { ...dp, prophetRatio: hk },
    });
  },
});

/** Theorem 3.10's default eps (spec 3.8). */
const DEFAULT_EPS = 0.02;

export const pickNearEqual = planSpec({
  id: 'pick-near-equal',
  options: {
    eps: openIntervalOption(
      `eps in (0, 1/n); default ${DEFAULT_EPS}, or chosen from options.dist when ${DEFAULT_EPS} fails`,
      (n) => 1 / n,
    ),
    dist: optionalDist(),
    agentOrder: agentOrderOption(),
    tie: tieOption('index'),
    seed: tieSeedOption(),
  },
  domain: (inst, o) =>
    violation(
      o.eps !== undefined || o.dist !== undefined || DEFAULT_EPS < 1 / inst.n,
      'eps-too-large',
      `the default eps = ${DEFAULT_EPS} is not below 1/n = ${1 / inst.n}; give options.eps or options.dist`,
    ),
  plan(n, m, o) {
    const eps = o.eps ?? (o.dist ? chooseNearEqualEps(o.dist, n, DEFAULT_EPS).eps : DEFAULT_EPS);
    const r = nearEqualShares(n, eps);
    const claims: Claim[] = [welfareClaim('welfare ratio ≥ 1/2 - o(1) (Thm 3.10)', r, 0.5, o.dist)];
    if (o.dist) claims.push(efClaim('EF w.h.p. (Thm 3.10: all QT margins > 0)', r, o.dist));
    return pickPlan(m, o, {
      shares: r,
      agentOrder: o.agentOrder,
      claims,
      analytic: o.dist ? iidAnalytic(r, o.dist) : { welfareRatio: null, efWhp: null },
      parameters: { eps, r },
    });
  },
});

export const pickCorrelated = planSpec({
  id: 'pick-correlated',
  options: {
    dists: perAgentDistsOption(),
    dist: sharedDist(),
    eps: openIntervalOption(
      `eps in (0, tau_first), the first picker's margin; default ${DEFAULT_EPS}`,
      () => 1,
      DEFAULT_EPS,
    ),
    tie: tieOption('index'),
    seed: tieSeedOption(),
  },
  domain: (inst) => exactlyAgents(inst, 2),
  plan(_n, m, o) {
    const marginals = perAgentDists('pick-correlated', o, 2);
    const choice = correlatedPickChoice(marginals, o.eps ?? DEFAULT_EPS);
    const r = [choice.r, 1 - choice.r];
    const iid = marginals[0].spec === marginals[1].spec;
    return pickPlan(m, o, {
      shares: r,
      // Appendix B: the agent with the larger half-value quantile picks first
      agentOrder: [...choice.order],
      claims: [{ id: 'ef-implies-half-welfare', text: 'if the allocation is EF then sw ≥ OPT/2 (Appendix B)' }],
      analytic: iid
        ? { ...iidAnalytic(r, marginals[0]), note: 'analytic values for independent values (rho = 0)' }
        : { welfareRatio: null, efWhp: null, note: 'margins depend on the joint distribution' },
      parameters: { tau: choice.tau, r: choice.r, eps: choice.eps },
    });
  },
});

// ------------------------------------------------------------------------------------------ Ranking

export const ranking = planSpec({
  id: 'ranking',
  options: {
    dist: distributionOption(
      'the prior D; Ranking is prior-independent, so D never changes the allocation (accepted so one options object serves the family)',
    ),
    tie: tieOption('random'),
    seed: tieSeedOption(),
  },
  plan(n, m, o) {
    return {
      kind: 'ranking',
      tie: o.tie,
      seed: o.seed,
      claims: [
        {
          id: 'bic-ranking',
          text: 'BIC: interim win probabilities p_t are non-increasing, so the truthful order maximizes expected utility (Thm 4.1)',
        },
      ],
      analytic: { welfareRatio: 1, efWhp: true, note: 'limit m -> ∞ (Theorem 4.1)' },
      parameters: { n, m },
    };
  },
});

function baiGolz(dists: readonly Distribution[]): { weights: number[]; residual: number } {
  const { w, residual } = baiGolzWeights(dists);
  return { weights: w, residual };
}

export const weightedRanking = planSpec({
  id: 'weighted-ranking',
  options: {
    dists: perAgentDistsOption(),
    dist: sharedDist(),
    weights: weightsOption(),
    tie: tieOption('random'),
    seed: tieSeedOption(),
  },
  plan(n, _m, o) {
    const dists = perAgentDists('weighted-ranking', o, n);
    const { weights, residual } = o.weights ? { weights: o.weights, residual: 0 } : baiGolz(dists);
    return {
      kind: 'weighted-ranking',
      dists,
      weights,
      tie: o.tie,
      seed: o.seed,
      claims: [
        {
          id: 'bic-weighted-ranking',
          text: 'BIC: interim win probabilities (counting formula) are non-increasing in the rank (Thm A.1)',
          params: { dists: dists.map(claimDist), weights },
        },
      ],
      analytic: {
        welfareRatio: null,
        efWhp: true,
        note: 'weighted welfare is (1 - o(1))-optimal; the unweighted ratio has no closed form',
      },
      parameters: { weights, residual },
    };
  },
});

/** Every plan of the family, in registration order. */
export const PLAN_SPECS: readonly PlanSpec<OptionsSchema>[] = [
  pickR,
  pickTwoAgents,
  pickEfSelector,
  pickProphetOptimal,
  pickNearEqual,
  pickCorrelated,
  ranking,
  weightedRanking,
];
