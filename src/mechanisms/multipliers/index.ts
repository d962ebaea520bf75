/**
 * Yushi Bai & Paul Gölz, "Envy-Free and Pareto-Optimal Allocations for Agents with Asymmetric Random Valuations",
 * IJCAI 2022 (arXiv:2109.08971; spec: seed-004).
 *
 * Agents draw their utilities from their own distributions. Multipliers beta that give every agent the same chance
 * 1/n of having the largest scaled utility beta_i u_i(g) ("equalizing multipliers", Theorem 4) yield the multiplier
 * allocation, which is fPO for any beta (Negishi) and envy-free with high probability when m ∈ Ω(n log n) (Theorem 3).
 * Algorithm 1 finds delta-equalizing multipliers in polynomial time (Theorem 5). Registered here:
 * * `multiplier`: the multiplier allocation for given or equalized multipliers (claims fPO, certified by prices);
 * * `max-percentile`: Kurokawa, Procaccia & Wang's rule (EF w.h.p., not PO; Appendix B);
 * * `normalizing-multipliers`: beta_i = 1/u_i(M) (fPO, not EF w.h.p.; Appendix C);
 * * `rounded-mnw`: the fractional Maximum Nash Welfare allocation, exactly, rounded to the largest share (fPO);
 * * `max-nash-welfare`: the integral Maximum Nash Welfare allocation (PO and EF1 when proven optimal).
 * Round robin and welfare maximization are the classic mechanisms `round-robin` and `max-welfare`.
 */
import { Allocation } from '../../core/allocation';
import { InvalidInputError, LimitError } from '../../core/errors';
import type { Instance } from '../../core/instance';
import type { Claim, TraceStep } from '../../core/outcome';
import { Rational } from '../../core/rational';
import { choiceOption, integerOption, rationalListOption } from '../options';
import { defineMechanism, violation } from '../registry';
import { argmaxOwners, multiplierAllocation, pricesClaim } from './allocation';
import { EQUALIZATION_METHODS, equalizeMultipliers } from './equalize';
import { exactFisherEquilibrium, roundLargestShare } from './fisher-market';
import { APPENDIX_B_ITEMS, APPENDIX_C_SMALL } from './instances';
import { DEFAULT_MAX_NODES, exactMaxNashWelfare, highsMaxNashWelfare } from './nash-welfare';
import { agentDistributionsOption, positiveNumberOption } from './options';

export {
  resultingProbabilities,
  probabilityJacobian,
  conditionalExpectations,
  type ProbabilityVector,
  type ConditionalExpectations,
} from './oracle';
export {
  algorithm1,
  refinedAlgorithm1,
  roundCap,
  type EqualizationResult,
  type Algorithm1Result,
  type RefinementResult,
  type Algorithm1Options,
} from './algorithm1';
export { equalizeTwoAgents } from './bisection';
export { spernerMultipliers, type SpernerResult } from './sperner';
export { newtonMultipliers, type NewtonResult } from './newton';
export { equalizeMultipliers, EQUALIZATION_METHODS, type EqualizationMethod, type EqualizeOptions } from './equalize';
export { argmaxOwners, multiplierAllocation, floatMultiplierOwners } from './allocation';
export {
  exactFisherEquilibrium,
  floatFisherEquilibrium,
  roundLargestShare,
  type ExactEquilibrium,
  type FloatEquilibrium,
} from './fisher-market';
export {
  exactMaxNashWelfare,
  highsMaxNashWelfare,
  type ExactNashOptions,
  type ExactNashResult,
  type HighsNashResult,
} from './nash-welfare';
export { WORKED_INSTANCES, APPENDIX_B_ITEMS, PO_NOT_FPO, APPENDIX_C_SMALL, type WorkedInstance } from './instances';
export {
  distributionPreset,
  presetIds,
  summarizeAgents,
  baiGolzPeakAgents,
  baiGolzBetaAgents,
  appendixBAgents,
  type DistributionPreset,
  type AgentSummary,
} from '../../stochastic/presets';
export { toDensity, BetaDensity, type DensityDistribution, type PdfBounds } from '../../stochastic/density';
export { peak, PiecewiseLinearDensity } from '../../stochastic/piecewise-density';
export {
  AUTHORS_PEAK_MULTIPLIERS,
  AUTHORS_BETA_MULTIPLIERS,
  PEAK_EQUALIZER,
  BETA_EQUALIZER,
  MATHEMATICA_PEAK_MULTIPLIERS,
  PEAK_WELFARE_PROBABILITIES,
  BETA_WELFARE_PROBABILITIES,
  APPENDIX_B_RATIO,
} from './reference';

const AUTHORS = 'Bai & Gölz';
const TITLE = 'Envy-Free and Pareto-Optimal Allocations for Agents with Asymmetric Random Valuations';
const VENUE = 'IJCAI 2022; arXiv:2109.08971';

function fpoClaims(allocation: Allocation, prices: readonly Rational[], why: string): Claim[] {
  return [
    pricesClaim(allocation, prices, `fPO, certified by the prices p_g = max_i beta_i u_i(g) (${why})`),
    { id: 'fpo', text: 'fractionally Pareto optimal' },
    { id: 'po', text: 'Pareto optimal (fPO implies PO)' },
  ];
}

function multipliersTrace(beta: readonly Rational[]): TraceStep {
  return { id: 'multipliers', title: 'Multipliers beta (exact)', data: beta.map((b) => b.toString()) };
}

function positiveRows(inst: Instance): ReturnType<typeof violation> {
  const zero = inst.values.findIndex((row) => row.every((v) => v.isZero()));
  return violation(zero < 0, 'zero-agent', `agent ${inst.agents[zero]} values every good at 0`);
}

defineMechanism({
  id: 'multiplier',
  name: 'Multiplier allocation (equalizing multipliers)',
  citation: {
    authors: AUTHORS,
    year: 2022,
    title: TITLE,
    venue: VENUE,
    theorem: 'Theorem 3 (multiplier allocation), Theorem 5 (Algorithm 1)',
  },
  kind: 'allocation',
  claims: ['fpo-prices', 'fpo', 'po'],
  guarantees: [
    'fPO for any multipliers (certified by prices)',
    'EF with high probability when m ∈ Ω(n log n) for equalizing multipliers (not claimed per instance)',
  ],
  requirements:
    "multipliers, or the agents' utility distributions with densities (equalized by Algorithm 1 or another method)",
  options: {
    multipliers: rationalListOption(
      'one positive multiplier per agent (exact); omit to equalize from distributions',
      (inst) => inst.n,
    ),
    distributions: agentDistributionsOption(
      "the agents' utility distributions, equalized when multipliers are not given",
    ),
    method: choiceOption('equalization method', EQUALIZATION_METHODS),
    delta: positiveNumberOption('equalization accuracy delta; default 1e-5', { max: 1, default: 1e-5 }),
    q: positiveNumberOption("density bound q of Algorithm 1; default the preset's q or the largest density"),
  },
  domain(inst, o) {
    if (o.multipliers)
      return violation(
        o.multipliers.every((b) => b.sign() > 0),
        'bad-multipliers',
        'every multiplier must be positive',
      );
    return undefined;
  },
  run(inst, o) {
    const trace: TraceStep[] = [];
    let beta: Rational[];
    let resolved: Record<string, unknown> | undefined;
    if (o.multipliers) beta = o.multipliers;
    else {
      if (!o.distributions)
        throw new InvalidInputError('missing-option', 'multiplier: give options.multipliers or options.distributions');
      const q = o.q ?? o.distributions.q ?? Math.max(...o.distributions.agents.map((d) => d.pdfBounds.upper));
      if (!Number.isFinite(q))
        throw new InvalidInputError('missing-option', 'multiplier: options.q is required (a density is unbounded)');
      const eq = equalizeMultipliers(o.distributions.agents, { method: o.method, delta: o.delta, q });
      beta = eq.beta.map((b, i) => Rational.fromNumber(b, `multipliers[${i}]`));
      resolved = { q };
      trace.push({
        id: 'equalization',
        title: `Equalizing multipliers (${eq.method})`,
        text: `max_i |p_i - 1/n| = ${eq.deviation.toExponential(3)} after ${eq.rounds} oracle rounds${eq.converged ? '' : ' (did not reach delta)'}`,
        data: {
          method: eq.method,
          beta: eq.beta,
          p: eq.p,
          deviation: eq.deviation,
          delta: eq.delta,
          rounds: eq.rounds,
          converged: eq.converged,
          oracleError: eq.oracleError,
        },
      });
    }
    const { allocation, prices } = multiplierAllocation(inst, beta);
    trace.push(multipliersTrace(beta));
    return { allocation, claims: fpoClaims(allocation, prices, 'the multipliers'), trace, resolved };
  },
  example: {
    source: 'Bai & Gölz 2022, Appendix B (spec 5.4): the equalizing ratio 2√6 - 3 gives A the top item',
    instance: APPENDIX_B_ITEMS.instance,
    options: { distributions: 'appendix-b', method: 'bisection', delta: 1e-12 },
    expect: { allocation: [[2], [0, 1]] },
  },
});

defineMechanism({
  id: 'max-percentile',
  name: 'Maximum percentile',
  citation: {
    authors: 'Kurokawa, Procaccia & Wang',
    year: 2016,
    title: 'When can the maximin share guarantee be guaranteed?',
    venue: 'AAAI 2016',
    theorem:
      'each item to the agent in whose distribution it ranks highest (EF w.h.p.; not PO by Bai & Gölz, Appendix B)',
  },
  kind: 'allocation',
  claims: [],
  guarantees: [
    'each agent gets each random item with probability 1/n; EF with high probability (not claimed per instance); not PO in general',
  ],
  requirements: "the agents' utility distributions (continuous CDFs)",
  options: { distributions: agentDistributionsOption("the agents' utility distributions", true) },
  run(inst, { distributions }) {
    const F = distributions.agents;
    // [DECISION] Percentiles are doubles (CDFs are computed in floating point); ties go to the lowest index, as in the
    // authors' notebook where A wins when F_A(u_A) ≥ F_B(u_B).
    const owner = argmaxOwners(
      inst.n,
      inst.m,
      (i, g) => F[i].cdf(inst.values[i][g].toNumber()),
      (a, b) => a > b,
    );
    const allocation = Allocation.fromOwners(owner, inst.n);
    return {
      allocation,
      claims: [],
      trace: [
        {
          id: 'percentiles',
          title: 'F_i(u_i(g))',
          data: inst.values.map((row, i) => row.map((v) => F[i].cdf(v.toNumber()))),
        },
      ],
    };
  },
  example: {
    source: 'Bai & Gölz 2022, Appendix B (spec 5.4): the median items go to A, the top item to B',
    instance: APPENDIX_B_ITEMS.instance,
    options: { distributions: 'appendix-b' },
    expect: { allocation: [[0, 1], [2]] },
  },
});

defineMechanism({
  id: 'normalizing-multipliers',
  name: 'Normalizing multipliers',
  citation: {
    authors: AUTHORS,
    year: 2022,
    title: TITLE,
    venue: VENUE,
    theorem: 'Appendix C (fPO, but not EF with high probability)',
  },
  kind: 'allocation',
  claims: ['fpo-prices', 'fpo', 'po'],
  guarantees: ['fPO (certified by prices)', 'not EF with high probability (Appendix C)'],
  requirements: 'every agent values some good positively',
  options: {},
  domain: (inst) => positiveRows(inst),
  run(inst) {
    const beta = inst.values.map((_, i) =>
      inst
        .value(
          i,
          inst.goods.map((__, g) => g),
        )
        .inv(),
    );
    const { allocation, prices } = multiplierAllocation(inst, beta);
    return { allocation, claims: fpoClaims(allocation, prices, 'beta_i = 1/u_i(M)'), trace: [multipliersTrace(beta)] };
  },
  example: {
    source: APPENDIX_C_SMALL.source,
    instance: APPENDIX_C_SMALL.instance,
    expect: {
      allocation: [
        [1, 4],
        [0, 2],
        [3, 5],
      ],
    },
  },
});

defineMechanism({
  id: 'rounded-mnw',
  name: 'Rounded fractional Maximum Nash Welfare',
  citation: {
    authors: AUTHORS,
    year: 2022,
    title: TITLE,
    venue: VENUE,
    theorem: 'Appendix F.3 (rounding an fPO fractional allocation keeps fPO)',
  },
  kind: 'allocation',
  claims: ['fpo-prices', 'fpo', 'po'],
  guarantees: [
    'the exact fractional MNW (Fisher-market equilibrium) rounded to the largest share',
    'fPO (certified by the equilibrium prices)',
  ],
  requirements: 'every agent values some good positively',
  options: {},
  domain: (inst) => positiveRows(inst),
  run(inst) {
    const eq = exactFisherEquilibrium(inst);
    const allocation = Allocation.fromOwners(roundLargestShare(eq.fractional), inst.n);
    // an agent with a positive share maximises beta_i u_i(g), so the equilibrium prices still certify the rounding
    const prices = allocation.owners().map((i, g) => eq.beta[i].mul(inst.values[i][g]));
    return {
      allocation,
      claims: fpoClaims(allocation, prices, 'the equilibrium multipliers beta_i = 1/u_i(x_i)'),
      trace: [
        { id: 'fractional', title: 'Fractional MNW allocation (exact market equilibrium)', data: eq.fractional },
        multipliersTrace(eq.beta),
        { id: 'prices', title: 'Equilibrium prices', data: eq.prices.map((p) => p.toString()) },
      ],
    };
  },
  example: {
    source: APPENDIX_B_ITEMS.source,
    instance: APPENDIX_B_ITEMS.instance,
    expect: { allocation: [[2], [0, 1]] },
  },
});

defineMechanism({
  id: 'max-nash-welfare',
  name: 'Maximum Nash Welfare (integral)',
  citation: {
    authors: 'Caragiannis, Kurokawa, Moulin, Procaccia, Shah & Wang',
    year: 2019,
    title: 'The unreasonable fairness of maximum Nash welfare',
    venue: 'ACM Transactions on Economics and Computation 7(3)',
    theorem: 'Theorem 3.2 (MNW is EF1 and PO); the baseline of Bai & Gölz, Figure 6',
  },
  kind: 'allocation',
  claims: ['po', 'ef1'],
  guarantees: [
    'PO and EF1 when the exact search proves optimality within its node budget',
    'otherwise HiGHS with a piecewise-linear log: allocation and gap, no claims',
  ],
  requirements: 'any additive instance; HiGHS needs an allocation giving everyone positive utility',
  options: {
    nodeBudget: integerOption(
      'most nodes of the exact branch and bound before HiGHS takes over (no claims then); default 10^7',
      { min: 1, max: 1e9, default: DEFAULT_MAX_NODES },
    ),
    timeLimitMs: integerOption('HiGHS time limit in ms beyond the node budget; default 20000', {
      min: 100,
      max: 3_600_000,
      default: 20_000,
    }),
  },
  run(inst, { nodeBudget, timeLimitMs }) {
    try {
      const r = exactMaxNashWelfare(inst, { maxNodes: nodeBudget });
      return {
        allocation: r.allocation,
        claims: [
          { id: 'po', text: 'Pareto optimal (an exact MNW allocation)' },
          { id: 'ef1', text: 'EF1 (an exact MNW allocation, Caragiannis et al. Theorem 3.2)' },
        ],
        trace: [
          {
            id: 'search',
            title: 'Exact search',
            data: {
              positiveAgents: r.positive,
              product: r.product.toString(),
              nodes: r.nodes,
              priceBound: r.priceBound,
            },
          },
        ],
      };
    } catch (e) {
      if (!(e instanceof LimitError && e.code === 'node-budget')) throw e;
    }
    const r = highsMaxNashWelfare(inst, timeLimitMs);
    return {
      allocation: r.allocation,
      claims: [],
      trace: [
        {
          id: 'highs',
          title:
            'HiGHS with a piecewise-linear log after the exact search ran out of nodes (not a proof of optimality)',
          data: {
            exactNodeBudget: nodeBudget,
            status: r.status,
            bound: r.bound,
            logNashWelfare: r.logNashWelfare,
            gap: r.gap ?? null,
          },
        },
      ],
    };
  },
  example: {
    source: APPENDIX_B_ITEMS.source,
    instance: APPENDIX_B_ITEMS.instance,
    expect: { allocation: [[2], [0, 1]] },
  },
});
