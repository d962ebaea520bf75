/**
 * Paper 000 (Babaioff, Feige, Manaker Morag, "Truthful-in-Expectation Mechanisms for MMS Approximation"): registers
 * `tie-mms-ordinal` (Theorem 1), `tie-mms-public-deficiency` (Proposition 3), `tie-mms-loglog` (Theorem 2),
 * `tie-mms-two-agents` (Theorem 3), `uniform-faithful` ([BT25] baseline) and `cuq-lottery` (Definition 3.5).
 */
import { Allocation, FractionalAllocation, Lottery } from '../../core/allocation';
import { InvalidInputError } from '../../core/errors';
import type { Instance } from '../../core/instance';
import { Outcome, type Claim } from '../../core/outcome';
import { Rational } from '../../core/rational';
import { registerMechanism, requireDomain, type MechanismInfo } from '../registry';
import './claims';
import { cuqLottery, emptyLottery, uniformFaithful } from './baselines';
import { epsTheorem2, rhoTheorem1 } from './constants';
import { supportBound, type Lemma42Result } from './lemma42';
import { allOrderings, randomOrdering, theorem2Branch, theorem2Parameters } from './loglog';
import { checkSize, deficienciesOption, orderingOption, pipelineOptions, rationalOption } from './options';
import { deficiencies, proposition3 } from './public-deficiency';
import { theorem1 } from './theorem1';
import { theorem3 } from './two-agents';

export * from './constants';
export * from './cyclic-picking';
export * from './cuq';
export * from './portion-matrix';
export * from './deficiency';
export * from './partial-allocations';
export * from './completion';
export * from './faithful';
export * from './mixing';
export * from './support-reduction';
export * from './scaled';
export * from './lemma42';
export * from './theorem1';
export * from './public-deficiency';
export * from './loglog';
export * from './two-agents';
export * from './baselines';
export { checkImplementsCuq, checkImplementsUniform, checkTwoAgentCases, independentCuq } from './claims';
export * from './weight-experiments';

const SOURCE = 'paper 000 (Babaioff, Feige, Manaker Morag 2026)';

function supportClaim(r: Lemma42Result, n: number, m: number): Claim {
  const bound = supportBound(n, m);
  if (r.reduced || r.lottery.size <= bound) return { id: 'support-size', text: `support <= (n-1)m + 1 = ${bound} (Lemma 4.15)`, params: { bound } };
  return { id: 'support-size', text: `support not reduced: the ${r.mixture.length} distinct allocations of the mixture D'`, params: { bound: r.mixture.length } };
}

function exPost(rho: Rational, what: string): Claim[] {
  return [
    { id: 'ex-post-rho-tps', rho, text: `every allocation in the support is ${rho}-TPS (${what})` },
    { id: 'ex-post-rho-mms', rho, text: `every allocation in the support is ${rho}-MMS (TPS >= MMS, Lemma 2.12)` },
  ];
}

/** Lemma 4.15's bound holds only for a reduced lottery; `supportClaim` states the support actually claimed. */
const REDUCED = "once reduced (reduce: 'always', or 'auto' within its size limit; otherwise the mixture's own support is claimed)";
const SUPPORT_GUARANTEE = `support <= (n-1)m + 1 ${REDUCED}`;

const TRUTHFUL_ORDINAL: Claim = { id: 'truthful', text: 'TIE: no strict-order misreport raises the expected value (audited for m <= 5)', params: { space: 'ordinal' } };

function exAnteProp(why = ''): Claim {
  return { id: 'ex-ante-prop', text: `ex-ante proportional${why}` };
}

function supportAtMostN(n: number): Claim {
  return { id: 'support-size', text: `support <= n = ${n}`, params: { bound: n } };
}

/** The reported (public) deficiencies, default the true ones at alpha, and whether they are the true ones. */
function reportedDeficiencies(inst: Instance, options: Record<string, unknown>, alpha: Rational): { d: number[]; truth: number[]; isTrue: boolean } {
  const truth = deficiencies(inst, alpha);
  const d = deficienciesOption(inst, options) ?? truth;
  return { d, truth, isTrue: d.every((x, i) => x === truth[i]) };
}

/**
 * Registers a lottery mechanism of this paper: `requires` (domain checks) runs first, then the exact-mode size limit
 * (`checkSize`, lifted by `allowLarge`), then `run`. Incentives default to TIE over strict-order reports.
 */
function registerLottery(
  info: Omit<MechanismInfo, 'kind' | 'incentives' | 'run'> & {
    incentives?: MechanismInfo['incentives'];
    requires?: (inst: Instance) => void;
    run: (inst: Instance, options: Record<string, unknown>) => Outcome;
  },
): void {
  const { requires, run, ...rest } = info;
  registerMechanism({
    ...rest,
    kind: 'lottery',
    incentives: info.incentives ?? { space: 'ordinal', notion: 'TIE' },
    run(inst, options = {}) {
      requires?.(inst);
      checkSize(info.id, inst, options);
      return run(inst, options);
    },
  });
}

registerLottery({
  id: 'tie-mms-ordinal',
  name: 'Ordinal TIE mechanism, 1/(H_{n-1}+2)-MMS ex post',
  source: `${SOURCE}, Theorem 1 (Lemma 4.2 with the harmonic portion matrix)`,
  guarantees: ['TIE (ordinal)', 'ex-ante PROP', 'ex-post 1/(H_{n-1}+2)-TPS, hence -MMS', 'implements CUQ(v, pi) exactly', SUPPORT_GUARANTEE],
  requirements: 'any additive instance (exact mode: n <= 100, m <= 2000); options: ordering (report-independent, default identity), matching, reduce, trace',
  run(inst, options) {
    const pi = orderingOption(inst, options);
    const r = theorem1(inst, pi, pipelineOptions(options));
    const rho = inst.n >= 2 ? rhoTheorem1(inst.n) : Rational.ONE;
    const claims: Claim[] = [
      { id: 'implements-cuq', text: 'the lottery induces CUQ(v, pi) exactly (Lemma 4.2)', params: { ordering: [...pi.order] } },
      { id: 'implements', text: 'the lottery implements the outcome fractional allocation (CUQ) exactly' },
      exAnteProp(' (Lemma 3.6)'),
      ...exPost(rho, inst.n >= 2 ? `Theorem 1: rho = 1/(H_${inst.n - 1} + 2)` : 'n = 1'),
      supportClaim(r, inst.n, inst.m),
      TRUTHFUL_ORDINAL,
    ];
    return new Outcome({ mechanism: 'tie-mms-ordinal', instance: inst, lottery: r.lottery, fractional: new FractionalAllocation(r.cuq), options, claims, trace: r.trace });
  },
});

registerLottery({
  id: 'tie-mms-public-deficiency',
  name: 'TIE mechanism with public deficiencies, alpha-MMS ex post (alpha <= 1/4)',
  source: `${SOURCE}, Proposition 3 (Lemmas 6.4, 6.5)`,
  guarantees: ['TIE w.r.t. ordinal reports when the deficiencies are public and true', 'ex-ante PROP', 'ex-post alpha-TPS, hence alpha-MMS, for alpha <= 1/4', SUPPORT_GUARANTEE],
  requirements: 'any additive instance; options: alpha in (0, 1/4] (default 1/4), deficiencies (public; default: the true ones at alpha), matching, reduce, trace',
  run(inst, options) {
    const id = 'tie-mms-public-deficiency';
    const alpha = rationalOption(options, 'alpha') ?? new Rational(1n, 4n);
    requireDomain(alpha.sign() > 0 && alpha.le(new Rational(1n, 4n)), id, 'bad-alpha', `alpha = ${alpha} must be in (0, 1/4]`);
    const { d, truth, isTrue } = reportedDeficiencies(inst, options, alpha);
    const r = proposition3(inst, d, alpha, pipelineOptions(options));
    // the public deficiencies are part of the mechanism's input, fixed under misreports of the orders (TIE audit)
    const opts = { ...options, deficiencies: d, alpha: alpha.toString() };
    const claims: Claim[] = [
      { id: 'implements-cuq', text: 'the lottery induces CUQ(v, pi) for pi sorted by deficiency (Lemma 6.4)', params: { ordering: [...r.pi.order] } },
      exAnteProp(' (Lemma 3.6)'),
      ...(isTrue && inst.n >= 2 ? exPost(alpha, `Proposition 3 with W = ${r.W} <= 2`) : []),
      supportClaim(r, inst.n, inst.m),
      TRUTHFUL_ORDINAL,
    ];
    if (!isTrue) r.trace.push({ id: 'warning', title: 'Deficiencies differ from the true ones', text: 'the alpha-TPS guarantee needs the true deficiencies; it is not claimed', data: { given: d, truth } });
    return new Outcome({ mechanism: id, instance: inst, lottery: r.lottery, fractional: new FractionalAllocation(r.cuq), options: opts, claims, trace: r.trace });
  },
});

registerLottery({
  id: 'tie-mms-loglog',
  name: '(1 - n^{-log n})-TIE mechanism, Omega(1/log log n)-MMS ex post',
  source: `${SOURCE}, Theorem 2 (random ordering + Lemma 6.4, fallback Proposition 3)`,
  guarantees: ['(1 - eps(n))-TIE, eps(n) = n^{-log2 n}', 'ex-ante PROP', 'ex-post alpha(n)-TPS, alpha(n) = 1/(25 + 2 log2 log2 n - 1/n) (rounded down to a rational)', `support <= (n-1)m + 1 per sampled ordering ${REDUCED}`],
  requirements: 'n >= 2; options: seed or ordering (the sampled pi), deficiencies (reported; default true), threshold (library extension, not in the paper), exactMixture (n <= 6: the exact lottery over all n! orderings), matching, reduce, trace',
  requires: (inst) => requireDomain(inst.n >= 2, 'tie-mms-loglog', 'too-few-agents', `needs n >= 2, got n = ${inst.n}`),
  run(inst, options) {
    const id = 'tie-mms-loglog';
    const params = theorem2Parameters(inst.n, rationalOption(options, 'threshold'));
    const { d, isTrue } = reportedDeficiencies(inst, options, params.alpha);
    const po = pipelineOptions(options);
    const eps = params.extension ? undefined : epsTheorem2(inst.n);
    const base = { alpha: params.alpha, threshold: params.threshold, alphaExact: params.exactAlpha, extension: params.extension, deficiencies: d, eps: eps?.eps, epsExact: eps?.exact };
    const truthfulClaim: Claim = eps
      ? { id: 'truthful', text: `(1 - eps)-TIE with eps = n^{-log n}${eps.exact ? '' : ' (rational upper bound)'} (audited for m <= 5)`, params: { space: 'ordinal', eps: eps.eps.toString() } }
      : { id: 'truthful', text: 'TIE audit (threshold extension: only (1 - eps)-TIE in general; fails when the fallback is reachable)', params: { space: 'ordinal' } };
    if (options.exactMixture === true) {
      requireDomain(inst.n <= 6, id, 'too-many-agents', `exactMixture enumerates n! orderings; n = ${inst.n} > 6`);
      const all = allOrderings(inst.n);
      const w = new Rational(1n, BigInt(all.length));
      const entries: { p: Rational; allocation: Allocation }[] = [];
      const mixture: { p: string; ordering: number[] }[] = [];
      let bad = 0;
      let usedAll = true;
      for (const pi of all) {
        const b = theorem2Branch(inst, pi, d, params.alpha, params.threshold, { ...po, trace: 'summary' });
        if (!b.good) bad++;
        usedAll &&= b.guaranteed;
        for (const e of b.lottery.entries) entries.push({ p: e.p.mul(w), allocation: e.allocation });
        mixture.push({ p: w.toString(), ordering: [...b.used.order] });
      }
      const lottery = new Lottery(entries);
      const claims: Claim[] = [
        { id: 'implements-cuq', text: 'the lottery induces the average over all orderings pi of CUQ(v, pi) (good) or CUQ(v, pi\') (fallback)', params: { mixture } },
        exAnteProp(),
        ...(isTrue && usedAll ? exPost(params.alpha, 'Theorem 2 / Lemma 6.4') : []),
        truthfulClaim,
      ];
      return new Outcome({
        mechanism: id, instance: inst, lottery, options, claims,
        trace: [{ id: 'theorem2-exact', title: 'Theorem 2, exact mixture over all n! orderings', data: { ...base, orderings: all.length, badOrderings: bad, badProbability: new Rational(BigInt(bad), BigInt(all.length)) } }],
      });
    }
    const pi = options.ordering !== undefined ? orderingOption(inst, options) : randomOrdering(inst.n, (options.seed as number | string | undefined) ?? 0);
    const b = theorem2Branch(inst, pi, d, params.alpha, params.threshold, po);
    const claims: Claim[] = [
      { id: 'implements-cuq', text: b.good ? 'good ordering: the lottery induces CUQ(v, pi) exactly' : "bad ordering (fallback): the lottery induces CUQ(v, pi') for pi' sorted by deficiency", params: { ordering: [...b.used.order] } },
      exAnteProp(),
      ...(isTrue && b.guaranteed ? exPost(params.alpha, `Theorem 2: W = ${b.W}`) : []),
      supportClaim(b, inst.n, inst.m),
      truthfulClaim,
    ];
    const trace = [{ id: 'theorem2', title: 'Theorem 2: sampled ordering and branch', data: { ...base, sampled: pi.order, sampledW: b.sampledW, good: b.good, used: b.used.order } }, ...b.trace];
    return new Outcome({ mechanism: id, instance: inst, lottery: b.lottery, fractional: new FractionalAllocation(b.cuq), options: { ...options, ordering: [...pi.order] }, claims, trace });
  },
});

registerLottery({
  id: 'tie-mms-two-agents',
  name: 'Two-agent TIE mechanism, 2/3-MMS ex post',
  source: `${SOURCE}, Theorem 3 (Definition 7.3, Lemma 7.5)`,
  guarantees: ['TIE', 'ex-ante PROP and ex-ante EF', 'ex-post 2/3-TPS, hence 2/3-MMS (best possible, Proposition 4)', 'support <= 2'],
  requirements: "n = 2; option protocol: 'one-round' (default, Lemma 7.5) or 'two-round' (Appendix C.1: the hard case with log log m + O(1) bits)",
  requires: (inst) => requireDomain(inst.n === 2, 'tie-mms-two-agents', 'n-not-2', `needs exactly 2 agents, got n = ${inst.n}`),
  run(inst, options) {
    const id = 'tie-mms-two-agents';
    const protocol = options.protocol ?? 'one-round';
    if (protocol !== 'one-round' && protocol !== 'two-round')
      throw new InvalidInputError('bad-option', `options.protocol: expected "one-round" or "two-round", got ${JSON.stringify(protocol)}`);
    if (inst.m === 0) return new Outcome({ mechanism: id, instance: inst, lottery: emptyLottery(2), options, claims: [exAnteProp()] });
    const r = theorem3(inst, protocol);
    const rho = new Rational(2n, 3n);
    const claims: Claim[] = [
      { id: 'implements-cuq', text: 'the lottery induces the two-agent CUQ exactly (Observation 7.2)', params: { ordering: [0, 1] } },
      exAnteProp(),
      { id: 'ex-ante-ef', text: 'ex-ante envy-free (n = 2)' },
      ...exPost(rho, `Theorem 3, ${r.kase}`),
      { id: 'support-size', text: 'support <= 2', params: { bound: 2 } },
      { id: 'two-agent-cases', text: 'Definition 7.3 case recomputed; in the hard case Lemma 7.5\'s bundle facts hold' },
      TRUTHFUL_ORDINAL,
      { id: 'truthful', text: 'TIE under cardinal misreports (the marginals depend only on the orders; audited for m <= 4)', params: { space: 'cardinal' } },
    ];
    return new Outcome({
      mechanism: id, instance: inst, lottery: r.lottery, fractional: new FractionalAllocation(r.cuq), options, claims,
      trace: [
        { id: 'cuq', title: 'Two-agent CUQ (Observation 7.2)', data: r.cuq },
        { id: 'case', title: 'Definition 7.3 classification and construction', data: r.details },
      ],
    });
  },
});

registerLottery({
  id: 'uniform-faithful',
  name: 'Uniform fractional allocation, faithfully implemented (1/n baseline)',
  source: `${SOURCE}, baseline B1 ([BT25]); Proposition 1 / Corollary 3.2 for its limit`,
  guarantees: ['TIE', 'ex-ante PROP', 'ex-post PROP1', 'ex-post 1/n-MMS (and 1/n-TPS)', 'support exactly n when m >= 1'],
  requirements: 'any additive instance',
  run(inst, options) {
    const { lottery, uniform, slots } = uniformFaithful(inst, pipelineOptions(options).matching);
    const claims: Claim[] = [
      { id: 'implements-uniform', text: 'every marginal is exactly 1/n' },
      exAnteProp(),
      { id: 'ex-post-prop1', text: 'every allocation in the support is PROP1' },
      ...exPost(new Rational(1n, BigInt(inst.n)), '[BT25]'),
      supportAtMostN(inst.n),
      TRUTHFUL_ORDINAL,
    ];
    return new Outcome({
      mechanism: 'uniform-faithful', instance: inst, lottery, fractional: inst.m ? new FractionalAllocation(uniform) : undefined, options, claims,
      trace: [{ id: 'slots', title: 'Faithful implementation: unit slots per agent (masses scaled by n)', data: slots }],
    });
  },
});

registerLottery({
  id: 'cuq-lottery',
  name: 'Cyclic-unit-quota lottery',
  source: `${SOURCE}, Definition 3.5 (baseline B3)`,
  guarantees: ['universally truthful (ordinal)', 'ex-ante PROP', 'implements CUQ(v, pi) exactly', 'support <= n'],
  requirements: 'any additive instance; option ordering (default identity)',
  incentives: { space: 'ordinal', notion: 'universally truthful' },
  run(inst, options) {
    const pi = orderingOption(inst, options);
    const { lottery, allocations } = cuqLottery(inst, pi);
    const claims: Claim[] = [
      { id: 'implements-cuq', text: 'the lottery induces CUQ(v, pi) exactly (Definition 3.5)', params: { ordering: [...pi.order] } },
      exAnteProp(' (Lemma 3.6)'),
      supportAtMostN(inst.n),
      TRUTHFUL_ORDINAL,
    ];
    return new Outcome({ mechanism: 'cuq-lottery', instance: inst, lottery, options, claims, trace: [{ id: 'unit-quota', title: 'The n cyclic unit-quota allocations (owner of each good)', data: allocations }] });
  },
});
