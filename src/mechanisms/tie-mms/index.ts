/**
 * Babaioff, Feige & Manaker Morag (2026), "Truthful-in-Expectation Mechanisms for MMS Approximation",
 * arXiv:2604.27211. Declares `tie-mms-ordinal` (Theorem 1), `tie-mms-public-deficiency` (Proposition 3),
 * `tie-mms-loglog` (Theorem 2), `tie-mms-two-agents` (Theorem 3), `uniform-faithful` (baseline B1, [BT25]) and
 * `cuq-lottery` (Definition 3.5) with `defineMechanism`, and exports the building blocks a notebook calls.
 */
import { Lottery, FractionalAllocation, type Allocation } from '../../core/allocation';
import { InvalidInputError } from '../../core/errors';
import { checkTimeBudget } from '../../core/time-budget';
import type { Instance } from '../../core/instance';
import type { Claim } from '../../core/outcome';
import { Rational } from '../../core/rational';
import {
  booleanOption,
  choiceOption,
  optionalAgentOrderOption,
  agentOrderOption,
  optionPath,
  rationalOption,
  seedOption,
  type OptionSpec,
} from '../options';
import { defineMechanism, violation, type DomainViolation } from '../registry';
import { cuqLottery, emptyLottery, uniformFaithful } from './baselines';
import { loglogEps, ordinalRho } from './constants';
import type { MatchingStrategy } from '../classic/decomposition';
import { harmonicDecomposition, supportBound, type CuqDecomposition, type ReduceMode } from './cuq-decomposition';
import { orderingFromOrder } from './cyclic-picking';
import { allOrderings, loglogParameters, minThreshold, orderingOrFallback, randomOrdering } from './loglog';
import { deficiencies, sortedDeficiencyDecomposition } from './public-deficiency';
import { twoAgentLottery, type TwoAgentProtocol } from './two-agents';
import { FIGURE_1, PROPOSITION_3_BOUNDARY, PROPOSITION_4, proposition1Instance } from './worked-instances';

export { cuqLottery, uniformFaithful } from './baselines';
export { goodThreshold, harmonic, loglogAlpha, loglogEps, ordinalRho } from './constants';
export {
  decomposeCuq,
  harmonicDecomposition,
  supportBound,
  type CuqDecomposition,
  type CuqDecompositionOptions,
  type ReduceMode,
} from './cuq-decomposition';
export { identityOrdering, orderingFromOrder, type Ordering } from './cyclic-picking';
export {
  cyclicWeight,
  deficiency,
  deficiencyGuaranteeHolds,
  deficiencyPortions,
  deficiencySortedOrdering,
  demand,
  weight,
} from './deficiency';
export { faithfulLottery } from './faithful';
export { allOrderings, loglogParameters, orderingOrFallback, randomOrdering, type OrderingOrFallback } from './loglog';
export { harmonicPortions, validatePortionMatrix } from './portion-matrix';
export {
  deficiencies,
  deficiencyDecomposition,
  sortedDeficiencyDecomposition,
  type DeficiencyDecomposition,
} from './public-deficiency';
export { reduceSupport, type WeightedOwner } from './support-reduction';
export {
  auxiliaryValuation,
  classifyTwoAgents,
  hardCase,
  twoAgentCuq,
  twoAgentLottery,
  twoRoundHardCase,
  type TwoAgentCase,
  type TwoAgentClass,
  type TwoAgentProtocol,
  type TwoRoundHardCase,
} from './two-agents';
export {
  cyclicWeightDistribution,
  cyclicWeightTightness,
  loglogThresholdExperiment,
  type CyclicWeightDistribution,
  type CyclicWeightTightnessOptions,
  type CyclicWeightTightnessRow,
  type LoglogThresholdOptions,
  type LoglogThresholdResult,
} from './weight-experiments';
export { FIGURE_1, PROPOSITION_3_BOUNDARY, PROPOSITION_4, proposition1Instance } from './worked-instances';

const CITATION = {
  authors: 'Babaioff, Feige & Manaker Morag',
  year: 2026,
  title: 'Truthful-in-Expectation Mechanisms for MMS Approximation',
  venue: 'arXiv:2604.27211',
};

// ------------------------------------------------------------------------------------------------ options

/** Exact-mode size limits: the pipeline is comfortable up to about n = 100 (spec "Complexity"). */
const MAX_AGENTS = 100;
const MAX_GOODS = 2000;

const allowLargeOption = booleanOption(
  `lift the exact-mode limits n <= ${MAX_AGENTS}, m <= ${MAX_GOODS}; default false`,
);

/** The exact-mode size limits, unless `allowLarge`. */
function sizeLimit(inst: Instance, allowLarge: boolean): DomainViolation | undefined {
  if (allowLarge) return undefined;
  return (
    violation(
      inst.n <= MAX_AGENTS,
      'too-many-agents',
      `n = ${inst.n} > ${MAX_AGENTS} (exact mode; pass allowLarge: true to try anyway)`,
    ) ??
    violation(
      inst.m <= MAX_GOODS,
      'too-many-goods',
      `m = ${inst.m} > ${MAX_GOODS} (exact mode; pass allowLarge: true to try anyway)`,
    )
  );
}

/**
 * The Birkhoff–von Neumann matching of the faithful step. [DECISION] The Lemma 4.2 pipeline defaults to `bottleneck`
 * (the same guarantees with far fewer allocations: 887 instead of 7580 at n = 10, m = 100, within the (n-1)m + 1 bound
 * without any reduction; bench/results/tie-mms.md); `uniform-faithful` keeps `canonical` (spec A8), whose n
 * allocations every strategy gives on a uniform matrix.
 */
function matchingOption(fallback: MatchingStrategy): OptionSpec<MatchingStrategy> {
  return choiceOption<MatchingStrategy>(
    'Birkhoff–von Neumann matching of the faithful step',
    ['bottleneck', 'canonical', 'incremental'],
    fallback,
  );
}

/** `trace`: absent means "full" for small instances (n^2 m <= 20000) and "summary" beyond. */
function traceOption(): OptionSpec<'full' | 'summary' | undefined> {
  const inner = choiceOption<'full' | 'summary'>('trace detail', ['full', 'summary']);
  return {
    describe: 'trace detail: "full" | "summary"; default "full" when n^2 m <= 20000, else "summary"',
    parse: (raw, ctx) => (raw === undefined ? undefined : inner.parse(raw, ctx)),
  };
}

/** The options of the Lemma 4.2 pipeline (matching, support reduction, trace detail) and the size limits. */
const PIPELINE_OPTIONS = {
  matching: matchingOption('bottleneck'),
  reduce: choiceOption<ReduceMode>('support reduction (Lemma 4.15)', ['auto', 'always', 'never']),
  trace: traceOption(),
  allowLarge: allowLargeOption,
};

/** Deficiencies: one integer in 0..n per agent. Code `bad-deficiencies`. */
function deficienciesOption(describe: string): OptionSpec<number[] | undefined> {
  return {
    describe,
    parse(raw, ctx) {
      if (raw === undefined) return undefined;
      const n = ctx.instance.n;
      if (!Array.isArray(raw) || raw.length !== n || raw.some((d) => !Number.isInteger(d) || d < 0 || d > n))
        throw new InvalidInputError(
          'bad-deficiencies',
          `${optionPath(ctx)}: expected ${n} integers in 0..${n}, got ${JSON.stringify(raw)}`,
        );
      return [...(raw as number[])];
    },
  };
}

/** The good-ordering threshold w of the library extension, at least 2 + 1/n. Code `bad-threshold`. */
function thresholdOption(): OptionSpec<Rational | undefined> {
  const inner = rationalOption('threshold');
  return {
    describe: 'library extension, not in the paper: good iff W <= w, alpha_w = 1/(2 + w - 1/n); w >= 2 + 1/n',
    parse(raw, ctx) {
      const w = inner.parse(raw, ctx);
      if (w === undefined) return undefined;
      const min = minThreshold(ctx.instance.n);
      if (w.lt(min))
        throw new InvalidInputError(
          'bad-threshold',
          `${optionPath(ctx)}: w = ${w} must be >= 2 + 1/n = ${min} (so that alpha_w <= 1/4)`,
        );
      return w;
    },
    record: (w) => w?.toString(),
  };
}

// ------------------------------------------------------------------------------------------------ claims

/** Lemma 4.15's bound holds only for a reduced lottery; otherwise the mixture's own support is claimed. */
function supportClaim(r: CuqDecomposition, n: number, m: number): Claim {
  const bound = supportBound(n, m);
  if (r.reduced || r.lottery.size <= bound)
    return { id: 'support-size', text: `support <= (n-1)m + 1 = ${bound} (Lemma 4.15)`, params: { bound } };
  return {
    id: 'support-size',
    text: `support not reduced: the ${r.mixture.length} distinct allocations of the mixture D'`,
    params: { bound: r.mixture.length },
  };
}

function exPost(rho: Rational, what: string): Claim[] {
  return [
    { id: 'ex-post-rho-tps', rho, text: `every allocation in the support is ${rho}-TPS (${what})` },
    { id: 'ex-post-rho-mms', rho, text: `every allocation in the support is ${rho}-MMS (TPS >= MMS, Lemma 2.12)` },
  ];
}

const REDUCED =
  "once reduced (reduce: 'always', or 'auto' within its size limit; otherwise the mixture's own support is claimed)";
const SUPPORT_GUARANTEE = `support <= (n-1)m + 1 ${REDUCED}`;
const SIZE_REQUIREMENT = `any additive instance (exact mode: n <= ${MAX_AGENTS}, m <= ${MAX_GOODS})`;

const TRUTHFUL_ORDINAL: Claim = {
  id: 'truthful',
  text: 'TIE: no strict-order misreport raises the expected value (audited for m <= 5)',
  params: { space: 'ordinal' },
};

function exAnteProp(why = ''): Claim {
  return { id: 'ex-ante-prop', text: `ex-ante proportional${why}` };
}

function supportAtMostN(n: number): Claim {
  return { id: 'support-size', text: `support <= n = ${n}`, params: { bound: n } };
}

/** The reported deficiencies (default: the true ones at alpha) and whether they are the true ones. */
function reportedDeficiencies(
  inst: Instance,
  given: number[] | undefined,
  alpha: Rational,
): { d: number[]; truth: number[]; isTrue: boolean } {
  const truth = deficiencies(inst, alpha);
  const d = given ?? truth;
  return { d, truth, isTrue: d.every((x, i) => x === truth[i]) };
}

// ------------------------------------------------------------------------------------------------ mechanisms

defineMechanism({
  id: 'tie-mms-ordinal',
  name: 'Ordinal TIE mechanism, 1/(H_{n-1}+2)-MMS ex post',
  citation: { ...CITATION, theorem: 'Theorem 1 (Lemma 4.2 with the harmonic portion matrix)' },
  kind: 'lottery',
  claims: [
    'implements-cuq',
    'implements',
    'ex-ante-prop',
    'ex-post-rho-tps',
    'ex-post-rho-mms',
    'support-size',
    'truthful',
  ],
  guarantees: [
    'TIE (ordinal)',
    'ex-ante PROP',
    'ex-post 1/(H_{n-1}+2)-TPS, hence -MMS',
    'implements CUQ(v, pi) exactly',
    SUPPORT_GUARANTEE,
  ],
  requirements: SIZE_REQUIREMENT,
  options: {
    agentOrder: agentOrderOption('the ordering pi, fixed before the reports; default identity'),
    ...PIPELINE_OPTIONS,
  },
  incentives: { space: 'ordinal', notion: 'TIE' },
  domain: (inst, o) => sizeLimit(inst, o.allowLarge),
  run(inst, o) {
    const pi = orderingFromOrder(o.agentOrder, inst.n);
    const r = harmonicDecomposition(inst, pi, o);
    const rho = inst.n >= 2 ? ordinalRho(inst.n) : Rational.ONE;
    return {
      lottery: r.lottery,
      fractional: new FractionalAllocation(r.cuq),
      claims: [
        {
          id: 'implements-cuq',
          text: 'the lottery induces CUQ(v, pi) exactly (Lemma 4.2)',
          params: { agentOrder: [...pi.order] },
        },
        { id: 'implements', text: 'the lottery implements the outcome fractional allocation (CUQ) exactly' },
        exAnteProp(' (Lemma 3.6)'),
        ...exPost(rho, inst.n >= 2 ? `Theorem 1: rho = 1/(H_${inst.n - 1} + 2)` : 'n = 1'),
        supportClaim(r, inst.n, inst.m),
        TRUTHFUL_ORDINAL,
      ],
      trace: r.trace,
    };
  },
  example: {
    source: 'Babaioff, Feige & Manaker Morag, Figure 1 (spec T1)',
    instance: FIGURE_1,
    expect: {
      // 15 allocations before the reduction, 3 after (other 3 with matching: 'canonical', spec T1); ex-ante values
      // 23/3, 23/3, 22/3; worst ex-post value 6 >= (2/7) * 7
      lottery: [
        { p: '1/3', allocation: [[0], [1, 5], [2, 3, 4]] },
        { p: '1/3', allocation: [[1, 3, 4], [0], [2, 5]] },
        { p: '1/3', allocation: [[3, 5], [1, 2, 4], [0]] },
      ],
    },
  },
});

defineMechanism({
  id: 'tie-mms-public-deficiency',
  name: 'TIE mechanism with public deficiencies, alpha-MMS ex post (alpha <= 1/4)',
  citation: { ...CITATION, theorem: 'Proposition 3 (Lemmas 6.4, 6.5)' },
  kind: 'lottery',
  claims: ['implements-cuq', 'ex-ante-prop', 'ex-post-rho-tps', 'ex-post-rho-mms', 'support-size', 'truthful'],
  guarantees: [
    'TIE w.r.t. ordinal reports when the deficiencies are public and true',
    'ex-ante PROP',
    'ex-post alpha-TPS, hence alpha-MMS, for alpha <= 1/4',
    SUPPORT_GUARANTEE,
  ],
  requirements: `${SIZE_REQUIREMENT}; 0 < alpha <= 1/4`,
  options: {
    alpha: rationalOption('alpha in (0, 1/4]; default 1/4', { default: '1/4' }),
    deficiencies: deficienciesOption('the public alpha-deficiencies, n integers in 0..n; default the true ones'),
    ...PIPELINE_OPTIONS,
  },
  incentives: { space: 'ordinal', notion: 'TIE' },
  domain: (inst, o) =>
    violation(
      o.alpha.sign() > 0 && o.alpha.le(new Rational(1n, 4n)),
      'bad-alpha',
      `alpha = ${o.alpha} must be in (0, 1/4]`,
    ) ?? sizeLimit(inst, o.allowLarge),
  run(inst, o) {
    const { d, truth, isTrue } = reportedDeficiencies(inst, o.deficiencies, o.alpha);
    const r = sortedDeficiencyDecomposition(inst, d, o.alpha, o);
    if (!isTrue)
      r.trace.push({
        id: 'warning',
        title: 'Deficiencies differ from the true ones',
        text: 'the alpha-TPS guarantee needs the true deficiencies; it is not claimed',
        data: { given: d, truth },
      });
    return {
      lottery: r.lottery,
      fractional: new FractionalAllocation(r.cuq),
      claims: [
        {
          id: 'implements-cuq',
          text: 'the lottery induces CUQ(v, pi) for pi sorted by deficiency (Lemma 6.4)',
          params: { agentOrder: [...r.pi.order] },
        },
        exAnteProp(' (Lemma 3.6)'),
        ...(isTrue && inst.n >= 2 ? exPost(o.alpha, `Proposition 3 with W = ${r.W} <= 2`) : []),
        supportClaim(r, inst.n, inst.m),
        TRUTHFUL_ORDINAL,
      ],
      trace: r.trace,
      // the public deficiencies are an input of the mechanism, fixed under misreports of the orders (TIE audit)
      resolved: { deficiencies: d },
    };
  },
  example: {
    source: 'Babaioff, Feige & Manaker Morag, Proposition 3 boundary instance (spec T10)',
    instance: PROPOSITION_3_BOUNDARY,
    // both deficiencies are 0; agent 0 gets {x2, x6} worth 3 = (1/4) TPS in one allocation: the bound is attained
    expect: {
      lottery: [
        {
          p: '1/2',
          allocation: [
            [0, 2, 3, 4, 6, 7],
            [1, 5],
          ],
        },
        {
          p: '1/2',
          allocation: [
            [1, 5],
            [0, 2, 3, 4, 6, 7],
          ],
        },
      ],
    },
  },
});

defineMechanism({
  id: 'tie-mms-loglog',
  name: '(1 - n^{-log n})-TIE mechanism, Omega(1/log log n)-MMS ex post',
  citation: { ...CITATION, theorem: 'Theorem 2 (random ordering + Lemma 6.4, fallback Proposition 3)' },
  kind: 'lottery',
  claims: ['implements-cuq', 'ex-ante-prop', 'ex-post-rho-tps', 'ex-post-rho-mms', 'support-size', 'truthful'],
  guarantees: [
    '(1 - eps(n))-TIE, eps(n) = n^{-log2 n}',
    'ex-ante PROP',
    'ex-post alpha(n)-TPS, alpha(n) = 1/(25 + 2 log2 log2 n - 1/n) (rounded down to a rational)',
    `support <= (n-1)m + 1 per sampled ordering ${REDUCED}`,
  ],
  requirements: `n >= 2; ${SIZE_REQUIREMENT}; exactMixture needs n <= 6`,
  options: {
    agentOrder: optionalAgentOrderOption('the ordering pi; default: sampled uniformly with the seed'),
    seed: seedOption(),
    deficiencies: deficienciesOption('the reported deficiencies, n integers in 0..n; default the true ones'),
    threshold: thresholdOption(),
    exactMixture: booleanOption('the exact lottery over all n! orderings instead of one sampled ordering (n <= 6)'),
    ...PIPELINE_OPTIONS,
  },
  incentives: { space: 'ordinal', notion: 'TIE' },
  domain: (inst, o) =>
    violation(inst.n >= 2, 'too-few-agents', `needs n >= 2, got n = ${inst.n}`) ??
    violation(
      !o.exactMixture || inst.n <= 6,
      'too-many-agents',
      `exactMixture enumerates n! orderings; n = ${inst.n} > 6`,
    ) ??
    sizeLimit(inst, o.allowLarge),
  run(inst, o) {
    const params = loglogParameters(inst.n, o.threshold);
    const { d, isTrue } = reportedDeficiencies(inst, o.deficiencies, params.alpha);
    const eps = params.extension ? undefined : loglogEps(inst.n);
    const base = {
      alpha: params.alpha,
      threshold: params.threshold,
      alphaExact: params.exactAlpha,
      extension: params.extension,
      deficiencies: d,
      eps: eps?.eps,
      epsExact: eps?.exact,
    };
    const truthfulClaim: Claim = eps
      ? {
          id: 'truthful',
          text: `(1 - eps)-TIE with eps = n^{-log n}${eps.exact ? '' : ' (rational upper bound)'} (audited for m <= 5)`,
          params: { space: 'ordinal', eps: eps.eps.toString() },
        }
      : {
          id: 'truthful',
          text: 'TIE audit (threshold extension: only (1 - eps)-TIE in general; fails when the fallback is reachable)',
          params: { space: 'ordinal' },
        };
    if (o.exactMixture) {
      const all = allOrderings(inst.n);
      const w = new Rational(1n, BigInt(all.length));
      const entries: { p: Rational; allocation: Allocation }[] = [];
      const mixture: { p: string; agentOrder: number[] }[] = [];
      let bad = 0;
      let usedAll = true;
      for (const pi of all) {
        checkTimeBudget('tie-mms-loglog exact mixture');
        const b = orderingOrFallback(inst, pi, d, params.alpha, params.threshold, { ...o, trace: 'summary' });
        if (!b.good) bad++;
        usedAll &&= b.guaranteed;
        for (const e of b.lottery.entries) entries.push({ p: e.p.mul(w), allocation: e.allocation });
        mixture.push({ p: w.toString(), agentOrder: [...b.used.order] });
      }
      return {
        lottery: new Lottery(entries),
        claims: [
          {
            id: 'implements-cuq',
            text: "the lottery induces the average over all orderings pi of CUQ(v, pi) (good) or CUQ(v, pi') (fallback)",
            params: { mixture },
          },
          exAnteProp(),
          ...(isTrue && usedAll ? exPost(params.alpha, 'Theorem 2 / Lemma 6.4') : []),
          truthfulClaim,
        ],
        trace: [
          {
            id: 'theorem2-exact',
            title: 'Theorem 2, exact mixture over all n! orderings',
            data: {
              ...base,
              orderings: all.length,
              badOrderings: bad,
              badProbability: new Rational(BigInt(bad), BigInt(all.length)),
            },
          },
        ],
      };
    }
    const pi = o.agentOrder ? orderingFromOrder(o.agentOrder, inst.n) : randomOrdering(inst.n, o.seed);
    const b = orderingOrFallback(inst, pi, d, params.alpha, params.threshold, o);
    return {
      lottery: b.lottery,
      fractional: new FractionalAllocation(b.cuq),
      claims: [
        {
          id: 'implements-cuq',
          text: b.good
            ? 'good ordering: the lottery induces CUQ(v, pi) exactly'
            : "bad ordering (fallback): the lottery induces CUQ(v, pi') for pi' sorted by deficiency",
          params: { agentOrder: [...b.used.order] },
        },
        exAnteProp(),
        ...(isTrue && b.guaranteed ? exPost(params.alpha, `Theorem 2: W = ${b.W}`) : []),
        supportClaim(b, inst.n, inst.m),
        truthfulClaim,
      ],
      trace: [
        {
          id: 'theorem2',
          title: 'Theorem 2: sampled ordering and branch',
          data: { ...base, agentOrder: pi.order, sampledW: b.sampledW, good: b.good, used: b.used.order },
        },
        ...b.trace,
      ],
      resolved: { agentOrder: [...pi.order] },
    };
  },
  example: {
    source: 'Babaioff, Feige & Manaker Morag, Figure 1 (spec T1), ordering sampled with seed 0',
    instance: FIGURE_1,
    options: { seed: 0 },
    // pi = (1, 2, 0), a rotation of the identity (same CUQ); alpha(3) < 1/25 makes every deficiency 0, so beta = 0
    // and the lottery is the cyclic unit-quota one
    expect: {
      lottery: [
        { p: '1/3', allocation: [[0], [1], [2, 3, 4, 5]] },
        { p: '1/3', allocation: [[1, 3, 4, 5], [0], [2]] },
        { p: '1/3', allocation: [[3], [1, 2, 4, 5], [0]] },
      ],
    },
  },
});

defineMechanism({
  id: 'tie-mms-two-agents',
  name: 'Two-agent TIE mechanism, 2/3-MMS ex post',
  citation: { ...CITATION, theorem: 'Theorem 3 (Definition 7.3, Lemma 7.5)' },
  kind: 'lottery',
  claims: [
    'implements-cuq',
    'ex-ante-prop',
    'ex-ante-ef',
    'ex-post-rho-tps',
    'ex-post-rho-mms',
    'support-size',
    'two-agent-cases',
    'truthful',
  ],
  guarantees: [
    'TIE',
    'ex-ante PROP and ex-ante EF',
    'ex-post 2/3-TPS, hence 2/3-MMS (best possible, Proposition 4)',
    'support <= 2',
  ],
  requirements: `n = 2; m <= ${MAX_GOODS} in exact mode`,
  options: {
    protocol: choiceOption<TwoAgentProtocol>(
      'how the hard case is run: Lemma 7.5, or Appendix C.1 with log log m + O(1) bits',
      ['one-round', 'two-round'],
    ),
    allowLarge: allowLargeOption,
  },
  incentives: { space: 'ordinal', notion: 'TIE' },
  domain: (inst, o) =>
    violation(inst.n === 2, 'n-not-2', `needs exactly 2 agents, got n = ${inst.n}`) ?? sizeLimit(inst, o.allowLarge),
  run(inst, o) {
    if (inst.m === 0) return { lottery: emptyLottery(2), claims: [exAnteProp()] };
    const r = twoAgentLottery(inst, o.protocol);
    const rho = new Rational(2n, 3n);
    return {
      lottery: r.lottery,
      fractional: new FractionalAllocation(r.cuq),
      claims: [
        {
          id: 'implements-cuq',
          text: 'the lottery induces the two-agent CUQ exactly (Observation 7.2)',
          params: { agentOrder: [0, 1] },
        },
        exAnteProp(),
        { id: 'ex-ante-ef', text: 'ex-ante envy-free (n = 2)' },
        ...exPost(rho, `Theorem 3, ${r.kase}`),
        { id: 'support-size', text: 'support <= 2', params: { bound: 2 } },
        {
          id: 'two-agent-cases',
          text: "Definition 7.3 case recomputed; in the hard case Lemma 7.5's bundle facts hold",
        },
        TRUTHFUL_ORDINAL,
        {
          id: 'truthful',
          text: 'TIE under cardinal misreports (the marginals depend only on the orders; audited for m <= 4)',
          params: { space: 'cardinal' },
        },
      ],
      trace: [
        { id: 'cuq', title: 'Two-agent CUQ (Observation 7.2)', data: r.cuq },
        { id: 'case', title: 'Definition 7.3 classification and construction', data: r.details },
      ],
    };
  },
  example: {
    source: 'Babaioff, Feige & Manaker Morag, Proposition 4 instance (spec T3): the hard case, exactly 2/3-MMS',
    instance: PROPOSITION_4,
    // hard case with h = 0: A1 = {x1, x4}; agent 0 gets 4/3 or 2/3, agent 1 gets 1 in both
    expect: {
      lottery: [
        {
          p: '1/2',
          allocation: [
            [0, 3],
            [1, 2],
          ],
        },
        {
          p: '1/2',
          allocation: [
            [1, 2],
            [0, 3],
          ],
        },
      ],
    },
  },
});

defineMechanism({
  id: 'uniform-faithful',
  name: 'Uniform fractional allocation, faithfully implemented (1/n baseline)',
  citation: {
    ...CITATION,
    theorem: 'baseline B1 ([BT25], Bu & Tao 2025); Proposition 1 / Corollary 3.2 for its limit',
  },
  kind: 'lottery',
  claims: [
    'implements-uniform',
    'ex-ante-prop',
    'ex-post-prop1',
    'ex-post-rho-tps',
    'ex-post-rho-mms',
    'support-size',
    'truthful',
  ],
  guarantees: [
    'TIE',
    'ex-ante PROP',
    'ex-post PROP1',
    'ex-post 1/n-MMS (and 1/n-TPS)',
    'support exactly n when m >= 1',
  ],
  requirements: SIZE_REQUIREMENT,
  options: { matching: matchingOption('canonical'), allowLarge: allowLargeOption },
  incentives: { space: 'ordinal', notion: 'TIE' },
  domain: (inst, o) => sizeLimit(inst, o.allowLarge),
  run(inst, o) {
    const { lottery, uniform, slots } = uniformFaithful(inst, o.matching);
    return {
      lottery,
      fractional: inst.m ? new FractionalAllocation(uniform) : undefined,
      claims: [
        { id: 'implements-uniform', text: 'every marginal is exactly 1/n' },
        exAnteProp(),
        { id: 'ex-post-prop1', text: 'every allocation in the support is PROP1' },
        ...exPost(new Rational(1n, BigInt(inst.n)), '[BT25]'),
        supportAtMostN(inst.n),
        TRUTHFUL_ORDINAL,
      ],
      trace: [
        { id: 'slots', title: 'Faithful implementation: unit slots per agent (masses scaled by n)', data: slots },
      ],
    };
  },
  example: {
    source: 'Babaioff, Feige & Manaker Morag, Proposition 1 instance for n = 3 (spec T5): exactly 1/3-MMS',
    instance: proposition1Instance(3),
    // agent 0 gets only y1 (worth 1/3) in the third allocation
    expect: {
      lottery: [
        { p: '1/3', allocation: [[0, 4], [3], [1, 2]] },
        { p: '1/3', allocation: [[1, 3], [0, 2], [4]] },
        { p: '1/3', allocation: [[2], [1, 4], [0, 3]] },
      ],
    },
  },
});

defineMechanism({
  id: 'cuq-lottery',
  name: 'Cyclic-unit-quota lottery',
  citation: { ...CITATION, theorem: 'Definition 3.5 (baseline B3)' },
  kind: 'lottery',
  claims: ['implements-cuq', 'ex-ante-prop', 'support-size', 'truthful'],
  guarantees: ['universally truthful (ordinal)', 'ex-ante PROP', 'implements CUQ(v, pi) exactly', 'support <= n'],
  requirements: SIZE_REQUIREMENT,
  options: { agentOrder: agentOrderOption('the ordering pi; default identity'), allowLarge: allowLargeOption },
  incentives: { space: 'ordinal', notion: 'universally truthful' },
  domain: (inst, o) => sizeLimit(inst, o.allowLarge),
  run(inst, o) {
    const pi = orderingFromOrder(o.agentOrder, inst.n);
    const { lottery, allocations } = cuqLottery(inst, pi);
    return {
      lottery,
      claims: [
        {
          id: 'implements-cuq',
          text: 'the lottery induces CUQ(v, pi) exactly (Definition 3.5)',
          params: { agentOrder: [...pi.order] },
        },
        exAnteProp(' (Lemma 3.6)'),
        supportAtMostN(inst.n),
        TRUTHFUL_ORDINAL,
      ],
      trace: [
        { id: 'unit-quota', title: 'The n cyclic unit-quota allocations (owner of each good)', data: allocations },
      ],
    };
  },
  example: {
    source: 'Babaioff, Feige & Manaker Morag, Figure 1 (spec T1)',
    instance: FIGURE_1,
    // the three cyclic picking orders of the figure; the last agent of each takes every unpicked good
    expect: {
      lottery: [
        { p: '1/3', allocation: [[0], [1], [2, 3, 4, 5]] },
        { p: '1/3', allocation: [[1, 3, 4, 5], [0], [2]] },
        { p: '1/3', allocation: [[3], [1, 2, 4, 5], [0]] },
      ],
    },
  },
});
