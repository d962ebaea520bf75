/**
 * Paper 000 (Babaioff, Feige, Manaker Morag, "Truthful-in-Expectation Mechanisms for MMS Approximation"): registers
 * `tie-mms-ordinal` (Theorem 1), `tie-mms-public-deficiency` (Proposition 3), `tie-mms-loglog` (Theorem 2),
 * `tie-mms-two-agents` (Theorem 3), `uniform-faithful` ([BT25] baseline) and `cuq-lottery` (Definition 3.5).
 */
import { Allocation, FractionalAllocation, Lottery } from '../../core/allocation';
import { Outcome, type Claim } from '../../core/outcome';
import { Rational } from '../../core/rational';
import { registerMechanism, requireDomain } from '../registry';
import './claims';
import { cuqLottery, uniformFaithful } from './baselines';
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

const SOURCE = 'paper 000 (Babaioff, Feige, Manaker Morag 2026)';

function supportClaim(r: Lemma42Result, n: number, m: number): Claim {
  const bound = supportBound(n, m);
  if (r.reduced || r.lottery.size <= bound) return { id: 'support-size', text: `support <= (n-1)m + 1 = ${bound} <= n*m (Lemma 4.15)`, params: { bound } };
  return { id: 'support-size', text: `support reduction disabled: support <= sum of the per-shift supports = ${r.mixture.length}`, params: { bound: r.mixture.length } };
}

function exPost(rho: Rational, what: string): Claim[] {
  return [
    { id: 'ex-post-rho-tps', rho, text: `every allocation in the support is ${rho}-TPS (${what})` },
    { id: 'ex-post-rho-mms', rho, text: `every allocation in the support is ${rho}-MMS (TPS >= MMS, Lemma 2.12)` },
  ];
}

const TRUTHFUL_ORDINAL: Claim = { id: 'truthful', text: 'TIE: no strict-order misreport raises the expected value (audited for m <= 5)', params: { space: 'ordinal' } };

registerMechanism({
  id: 'tie-mms-ordinal',
  name: 'Ordinal TIE mechanism, 1/(H_{n-1}+2)-MMS ex post',
  source: `${SOURCE}, Theorem 1 (Lemma 4.2 with the harmonic portion matrix)`,
  kind: 'lottery',
  guarantees: ['TIE (ordinal)', 'ex-ante PROP', 'ex-post 1/(H_{n-1}+2)-TPS, hence -MMS', 'implements CUQ(v, pi) exactly', 'support <= (n-1)m + 1'],
  requirements: 'any additive instance (exact mode: n <= 100, m <= 2000); options: ordering (report-independent, default identity), matching, reduce, trace',
  incentives: { space: 'ordinal', notion: 'TIE' },
  run(inst, options = {}) {
    const id = 'tie-mms-ordinal';
    checkSize(id, inst, options);
    const pi = orderingOption(inst, options);
    const r = theorem1(inst, pi, pipelineOptions(options));
    const rho = inst.n >= 2 ? rhoTheorem1(inst.n) : Rational.ONE;
    const claims: Claim[] = [
      { id: 'implements-cuq', text: 'the lottery induces CUQ(v, pi) exactly (Lemma 4.2)', params: { ordering: [...pi.order] } },
      { id: 'implements', text: 'the lottery implements the outcome fractional allocation (CUQ) exactly' },
      { id: 'ex-ante-prop', text: 'ex-ante proportional (Lemma 3.6)' },
      ...exPost(rho, inst.n >= 2 ? `Theorem 1: rho = 1/(H_${inst.n - 1} + 2)` : 'n = 1'),
      supportClaim(r, inst.n, inst.m),
      TRUTHFUL_ORDINAL,
    ];
    return new Outcome({ mechanism: id, instance: inst, lottery: r.lottery, fractional: new FractionalAllocation(r.cuq), options, claims, trace: r.trace });
  },
});

registerMechanism({
  id: 'tie-mms-public-deficiency',
  name: 'TIE mechanism with public deficiencies, alpha-MMS ex post (alpha <= 1/4)',
  source: `${SOURCE}, Proposition 3 (Lemmas 6.4, 6.5)`,
  kind: 'lottery',
  guarantees: ['TIE w.r.t. ordinal reports when the deficiencies are public and true', 'ex-ante PROP', 'ex-post alpha-TPS, hence alpha-MMS, for alpha <= 1/4', 'support <= (n-1)m + 1'],
  requirements: 'any additive instance; options: alpha in (0, 1/4] (default 1/4), deficiencies (public; default: the true ones at alpha), matching, reduce, trace',
  incentives: { space: 'ordinal', notion: 'TIE' },
  run(inst, options = {}) {
    const id = 'tie-mms-public-deficiency';
    checkSize(id, inst, options);
    const alpha = rationalOption(options, 'alpha') ?? new Rational(1n, 4n);
    requireDomain(alpha.sign() > 0 && alpha.le(new Rational(1n, 4n)), id, 'bad-alpha', `alpha = ${alpha} must be in (0, 1/4]`);
    const truth = deficiencies(inst, alpha);
    const d = deficienciesOption(inst, options) ?? truth;
    const isTrue = d.every((x, i) => x === truth[i]);
    const r = proposition3(inst, d, alpha, pipelineOptions(options));
    // the public deficiencies are part of the mechanism's input, fixed under misreports of the orders (TIE audit)
    const opts = { ...options, deficiencies: d, alpha: alpha.toString() };
    const claims: Claim[] = [
      { id: 'implements-cuq', text: 'the lottery induces CUQ(v, pi) for pi sorted by deficiency (Lemma 6.4)', params: { ordering: [...r.pi.order] } },
      { id: 'ex-ante-prop', text: 'ex-ante proportional (Lemma 3.6)' },
      ...(isTrue && inst.n >= 2 ? exPost(alpha, `Proposition 3 with W = ${r.W} <= 2`) : []),
      supportClaim(r, inst.n, inst.m),
      TRUTHFUL_ORDINAL,
    ];
    if (!isTrue) r.trace.push({ id: 'warning', title: 'Deficiencies differ from the true ones', text: 'the alpha-TPS guarantee needs the true deficiencies; it is not claimed', data: { given: d, truth } });
    return new Outcome({ mechanism: id, instance: inst, lottery: r.lottery, fractional: new FractionalAllocation(r.cuq), options: opts, claims, trace: r.trace });
  },
});

registerMechanism({
  id: 'tie-mms-loglog',
  name: '(1 - n^{-log n})-TIE mechanism, Omega(1/log log n)-MMS ex post',
  source: `${SOURCE}, Theorem 2 (random ordering + Lemma 6.4, fallback Proposition 3)`,
  kind: 'lottery',
  guarantees: ['(1 - eps(n))-TIE, eps(n) = n^{-log2 n}', 'ex-ante PROP', 'ex-post alpha(n)-TPS, alpha(n) = 1/(25 + 2 log2 log2 n - 1/n) (rounded down to a rational)', 'support <= (n-1)m + 1 per sampled ordering'],
  requirements: 'n >= 2; options: seed or ordering (the sampled pi), deficiencies (reported; default true), threshold (library extension, not in the paper), exactMixture (n <= 6: the exact lottery over all n! orderings), matching, reduce, trace',
  incentives: { space: 'ordinal', notion: 'TIE' },
  run(inst, options = {}) {
    const id = 'tie-mms-loglog';
    checkSize(id, inst, options);
    requireDomain(inst.n >= 2, id, 'too-few-agents', `needs n >= 2, got n = ${inst.n}`);
    const params = theorem2Parameters(inst.n, rationalOption(options, 'threshold'));
    const d = deficienciesOption(inst, options) ?? deficiencies(inst, params.alpha);
    const truth = deficiencies(inst, params.alpha);
    const isTrue = d.every((x, i) => x === truth[i]);
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
        { id: 'ex-ante-prop', text: 'ex-ante proportional' },
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
      { id: 'ex-ante-prop', text: 'ex-ante proportional' },
      ...(isTrue && b.guaranteed ? exPost(params.alpha, `Theorem 2: W = ${b.W}`) : []),
      supportClaim(b, inst.n, inst.m),
      truthfulClaim,
    ];
    const trace = [{ id: 'theorem2', title: 'Theorem 2: sampled ordering and branch', data: { ...base, sampled: pi.order, sampledW: b.sampledW, good: b.good, used: b.used.order } }, ...b.trace];
    return new Outcome({ mechanism: id, instance: inst, lottery: b.lottery, fractional: new FractionalAllocation(b.cuq), options: { ...options, ordering: [...pi.order] }, claims, trace });
  },
});

registerMechanism({
  id: 'tie-mms-two-agents',
  name: 'Two-agent TIE mechanism, 2/3-MMS ex post',
  source: `${SOURCE}, Theorem 3 (Definition 7.3, Lemma 7.5)`,
  kind: 'lottery',
  guarantees: ['TIE', 'ex-ante PROP and ex-ante EF', 'ex-post 2/3-TPS, hence 2/3-MMS (best possible, Proposition 4)', 'support <= 2'],
  requirements: 'n = 2',
  incentives: { space: 'ordinal', notion: 'TIE' },
  run(inst, options = {}) {
    const id = 'tie-mms-two-agents';
    requireDomain(inst.n === 2, id, 'n-not-2', `needs exactly 2 agents, got n = ${inst.n}`);
    checkSize(id, inst, options);
    if (inst.m === 0) {
      const lottery = Lottery.point(new Allocation([[], []], 0));
      return new Outcome({ mechanism: id, instance: inst, lottery, options, claims: [{ id: 'ex-ante-prop', text: 'ex-ante proportional' }] });
    }
    const r = theorem3(inst);
    const rho = new Rational(2n, 3n);
    const claims: Claim[] = [
      { id: 'implements-cuq', text: 'the lottery induces the two-agent CUQ exactly (Observation 7.2)', params: { ordering: [0, 1] } },
      { id: 'ex-ante-prop', text: 'ex-ante proportional' },
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

registerMechanism({
  id: 'uniform-faithful',
  name: 'Uniform fractional allocation, faithfully implemented (1/n baseline)',
  source: `${SOURCE}, baseline B1 ([BT25]); Proposition 1 / Corollary 3.2 for its limit`,
  kind: 'lottery',
  guarantees: ['TIE', 'ex-ante PROP', 'ex-post PROP1', 'ex-post 1/n-MMS (and 1/n-TPS)', 'support exactly n when m >= 1'],
  requirements: 'any additive instance',
  incentives: { space: 'ordinal', notion: 'TIE' },
  run(inst, options = {}) {
    const id = 'uniform-faithful';
    checkSize(id, inst, options);
    const { lottery, uniform, slots } = uniformFaithful(inst, pipelineOptions(options).matching);
    const rho = new Rational(1n, BigInt(inst.n));
    const claims: Claim[] = [
      { id: 'implements-uniform', text: 'every marginal is exactly 1/n' },
      { id: 'ex-ante-prop', text: 'ex-ante proportional' },
      { id: 'ex-post-prop1', text: 'every allocation in the support is PROP1' },
      ...exPost(rho, '[BT25]'),
      { id: 'support-size', text: `support <= n = ${inst.n}`, params: { bound: inst.n } },
      TRUTHFUL_ORDINAL,
    ];
    return new Outcome({
      mechanism: id, instance: inst, lottery, fractional: inst.m ? new FractionalAllocation(uniform) : undefined, options, claims,
      trace: [{ id: 'slots', title: 'Faithful implementation: unit slots per agent (masses scaled by n)', data: slots }],
    });
  },
});

registerMechanism({
  id: 'cuq-lottery',
  name: 'Cyclic-unit-quota lottery',
  source: `${SOURCE}, Definition 3.5 (baseline B3)`,
  kind: 'lottery',
  guarantees: ['universally truthful (ordinal)', 'ex-ante PROP', 'implements CUQ(v, pi) exactly', 'support <= n'],
  requirements: 'any additive instance; option ordering (default identity)',
  incentives: { space: 'ordinal', notion: 'universally truthful' },
  run(inst, options = {}) {
    const id = 'cuq-lottery';
    checkSize(id, inst, options);
    const pi = orderingOption(inst, options);
    const { lottery, allocations } = cuqLottery(inst, pi);
    const claims: Claim[] = [
      { id: 'implements-cuq', text: 'the lottery induces CUQ(v, pi) exactly (Definition 3.5)', params: { ordering: [...pi.order] } },
      { id: 'ex-ante-prop', text: 'ex-ante proportional (Lemma 3.6)' },
      { id: 'support-size', text: `support <= n = ${inst.n}`, params: { bound: inst.n } },
      TRUTHFUL_ORDINAL,
    ];
    return new Outcome({ mechanism: id, instance: inst, lottery, options, claims, trace: [{ id: 'unit-quota', title: 'The n cyclic unit-quota allocations (owner of each good)', data: allocations }] });
  },
});

