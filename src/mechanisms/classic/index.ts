/**
 * The classic baselines, each declared with `defineMechanism`: round robin, picking sequences, unit-quota
 * serial dictatorship and its random version, envy-cycle elimination, cut and choose, the utilitarian
 * maximum, and probabilistic serial implemented as the PS-lottery.
 */
import { Lottery } from '../../core/allocation';
import type { Claim } from '../../core/outcome';
import type { Instance } from '../../core/instance';
import { InvalidInputError } from '../../core/errors';
import { permutations } from '../../core/permutations';
import { Rational } from '../../core/rational';
import { EXACT_LOTTERY_MAX_AGENTS } from '../agent-orders';
import { agentOrderOption, optionPath, type OptionSpec } from '../options';
import { defineMechanism, violation } from '../registry';
import { cutAndChoose } from './cut-and-choose';
import { decompose } from './decomposition';
import { envyCycle } from './envy-cycle';
import { maxWelfare } from './max-welfare';
import { pickingSequence } from './picking-sequence';
import { probabilisticSerial } from './probabilistic-serial';
import { unitQuotaSerialDictatorship } from './serial-dictatorship';

export {
  cutAndChoose,
  decompose,
  envyCycle,
  maxWelfare,
  pickingSequence,
  probabilisticSerial,
  unitQuotaSerialDictatorship,
};

/** The worked instance of the README: two agents, three goods, one rational value. */
const README_INSTANCE = {
  agents: ['alice', 'bob'],
  goods: ['car', 'house', 'boat'],
  values: [
    [3, 7, '5/2'],
    [4, 4, 1],
  ],
};
/** Three agents with ties and a zero, small enough for every audit. */
const THREE_AGENTS = {
  values: [
    [6, 3, 3, 1, 0],
    [2, 5, 4, 4, 1],
    [3, 3, 3, 3, 3],
  ],
};

/** The [ABM16] guarantee of unit-quota serial dictatorship as quoted by paper 000 (spec B2): 1/floor((m-n+2)/2) when m >= n. */
function abmRho(inst: Instance): Rational | null {
  if (inst.m < inst.n) return null;
  return new Rational(1n, BigInt(Math.max(1, Math.floor((inst.m - inst.n + 2) / 2))));
}

/** A picking sequence: agent indices, repeated when shorter than m; default 0..n-1. Code `bad-sequence`. */
function sequenceOption(): OptionSpec<number[]> {
  return {
    describe: 'agent indices in picking order, repeated when shorter than m; default 0..n-1',
    parse(raw, ctx) {
      const n = ctx.instance.n;
      if (raw === undefined) return Array.from({ length: n }, (_, i) => i);
      if (!Array.isArray(raw) || raw.length === 0 || raw.some((a) => !Number.isInteger(a) || a < 0 || a >= n))
        throw new InvalidInputError(
          'bad-sequence',
          `${optionPath(ctx)}: expected a non-empty list of agent indices 0..${n - 1}, got ${JSON.stringify(raw)}`,
        );
      return [...(raw as number[])];
    },
  };
}

defineMechanism({
  id: 'round-robin',
  name: 'Round robin',
  citation: {
    authors: 'Caragiannis, Kurokawa, Moulin, Procaccia, Shah & Wang',
    year: 2019,
    title: 'The unreasonable fairness of maximum Nash welfare',
    venue: 'ACM Transactions on Economics and Computation 7(3)',
    theorem: 'round robin is EF1 (Section 1.2)',
  },
  kind: 'allocation',
  claims: ['ef1'],
  guarantees: ['EF1'],
  requirements: 'any additive instance',
  options: { agentOrder: agentOrderOption() },
  run(inst, { agentOrder }) {
    const { allocation, picks } = pickingSequence(inst, agentOrder);
    return {
      allocation,
      claims: [{ id: 'ef1', text: 'EF1: envy disappears after removing one good' }],
      trace: [{ id: 'picks', title: 'Picks in turn', data: picks }],
    };
  },
  example: { source: 'README', instance: README_INSTANCE, expect: { allocation: [[1, 2], [0]] } },
});

defineMechanism({
  id: 'picking-sequence',
  name: 'Picking sequence',
  citation: {
    authors: 'Kohler & Chandrasekaran',
    year: 1971,
    title: 'A class of sequential games',
    venue: 'Operations Research 19(2)',
    theorem: 'picking sequences (in fair division: Bouveret & Lang, IJCAI 2011)',
  },
  kind: 'allocation',
  claims: [],
  guarantees: ['none in general (a balanced alternating sequence such as round robin is EF1)'],
  requirements: 'any additive instance',
  options: { sequence: sequenceOption() },
  run(inst, { sequence }) {
    const { allocation, picks } = pickingSequence(inst, sequence);
    return { allocation, claims: [], trace: [{ id: 'picks', title: 'Picks in turn', data: picks }] };
  },
  example: {
    source: 'hand-made: agent 0 picks twice first',
    instance: THREE_AGENTS,
    options: { sequence: [0, 0, 1, 2] },
    expect: { allocation: [[0, 1, 4], [2], [3]] },
  },
});

defineMechanism({
  id: 'serial-dictatorship',
  name: 'Unit-quota serial dictatorship',
  citation: {
    authors: 'Amanatidis, Birmpas & Markakis',
    year: 2016,
    title: 'On truthful mechanisms for maximin share allocations (IJCAI 2016)',
    theorem: '1/floor((m-n+2)/2)-MMS, as quoted by Babaioff, Feige & Manaker Morag (spec B2)',
  },
  kind: 'allocation',
  claims: ['truthful', 'rho-mms'],
  guarantees: ['DSIC (ordinal)', '1/floor((m-n+2)/2)-MMS when m >= n'],
  requirements: 'any additive instance',
  options: { agentOrder: agentOrderOption() },
  incentives: { space: 'ordinal', notion: 'DSIC' },
  run(inst, { agentOrder }) {
    const allocation = unitQuotaSerialDictatorship(inst, agentOrder);
    const claims: Claim[] = [
      { id: 'truthful', text: 'DSIC: no strict-order misreport gains', params: { space: 'ordinal' } },
    ];
    const rho = abmRho(inst);
    if (rho) claims.push({ id: 'rho-mms', rho, text: `${rho}-MMS [ABM16]` });
    return { allocation, claims };
  },
  example: { source: 'hand-made', instance: THREE_AGENTS, expect: { allocation: [[0], [1], [2, 3, 4]] } },
});

defineMechanism({
  id: 'random-serial-dictatorship',
  name: 'Random serial dictatorship (unit quota)',
  citation: {
    authors: 'Abdulkadiroglu & Sonmez',
    year: 1998,
    title: 'Random serial dictatorship and the core from random endowments in house allocation problems',
    venue: 'Econometrica 66(3)',
    theorem: 'universal truthfulness; ex-post guarantee of [ABM16]',
  },
  kind: 'lottery',
  claims: ['truthful', 'support-size', 'ex-post-rho-mms'],
  guarantees: ['universally truthful (ordinal)', 'ex-post 1/floor((m-n+2)/2)-MMS when m >= n', 'support <= n!'],
  requirements: `n <= ${EXACT_LOTTERY_MAX_AGENTS} (the lottery lists all n! orders)`,
  options: {},
  incentives: { space: 'ordinal', notion: 'universally truthful' },
  domain: (inst) =>
    violation(
      inst.n <= EXACT_LOTTERY_MAX_AGENTS,
      'too-many-agents',
      `n = ${inst.n} > ${EXACT_LOTTERY_MAX_AGENTS}: the exact lottery over n! orders is too large`,
    ),
  run(inst) {
    const orders = permutations(inst.n);
    const lottery = Lottery.uniform(orders.map((o) => unitQuotaSerialDictatorship(inst, o)));
    const claims: Claim[] = [
      {
        id: 'truthful',
        text: 'TIE (universally truthful): no strict-order misreport gains in expectation',
        params: { space: 'ordinal' },
      },
      { id: 'support-size', text: `support <= n! = ${orders.length}`, params: { bound: orders.length } },
    ];
    const rho = abmRho(inst);
    if (rho) claims.push({ id: 'ex-post-rho-mms', rho, text: `ex-post ${rho}-MMS [ABM16]` });
    return { lottery, claims };
  },
  example: { source: 'README', instance: README_INSTANCE, expect: { supportSize: 2 } },
});

defineMechanism({
  id: 'envy-cycle',
  name: 'Envy-cycle elimination',
  citation: {
    authors: 'Lipton, Markakis, Mossel & Saberi',
    year: 2004,
    title: 'On approximately fair allocations of indivisible goods (EC 2004)',
    theorem: 'envy-cycle elimination is EF1',
  },
  kind: 'allocation',
  claims: ['ef1'],
  guarantees: ['EF1'],
  requirements: 'any additive instance',
  options: {},
  run(inst) {
    const { allocation, rotations } = envyCycle(inst);
    return {
      allocation,
      claims: [{ id: 'ef1', text: 'EF1' }],
      trace: [{ id: 'rotations', title: 'Envy cycles rotated', data: rotations }],
    };
  },
  example: { source: 'hand-made', instance: THREE_AGENTS, expect: { allocation: [[0, 3], [1, 4], [2]] } },
});

defineMechanism({
  id: 'cut-and-choose',
  name: 'Cut and choose (MMS-EFX cut)',
  citation: {
    authors: 'Babaioff & Frosh',
    year: 2026,
    title: 'Best-of-both-worlds fair division for two and three agents',
    theorem: "folklore cut and choose, with the cutter's MMS partition made EFX (REALLOC)",
  },
  kind: 'allocation',
  claims: ['mms', 'efx0'],
  guarantees: ['MMS for both agents', 'EFX0'],
  requirements: 'n = 2',
  options: {},
  domain: (inst) => violation(inst.n === 2, 'n-not-2', `needs exactly 2 agents, got n = ${inst.n}`),
  run(inst) {
    const { allocation, partition, chosen } = cutAndChoose(inst);
    return {
      allocation,
      claims: [
        { id: 'mms', text: 'both agents receive at least their maximin share' },
        { id: 'efx0', text: 'EFX0: the cutter is EFX-satisfied, the chooser envy-free' },
      ],
      trace: [{ id: 'cut', title: "Cutter's MMS-EFX partition", data: { partition, chosen } }],
    };
  },
  example: { source: 'README', instance: README_INSTANCE, expect: { allocation: [[1], [0, 2]] } },
});

defineMechanism({
  id: 'max-welfare',
  name: 'Utilitarian maximum',
  citation: {
    authors: 'classic',
    title: 'utilitarian welfare maximisation',
    theorem: 'each good to an agent who values it most (lowest index on ties)',
  },
  kind: 'allocation',
  claims: ['fpo', 'po'],
  guarantees: ['fPO', 'PO'],
  requirements: 'any additive instance',
  options: {},
  run(inst) {
    return {
      allocation: maxWelfare(inst),
      claims: [
        { id: 'fpo', text: 'fractionally Pareto optimal' },
        { id: 'po', text: 'Pareto optimal' },
      ],
    };
  },
  example: { source: 'README', instance: README_INSTANCE, expect: { allocation: [[1, 2], [0]] } },
});

defineMechanism({
  id: 'probabilistic-serial',
  name: 'Probabilistic serial, implemented as the PS-lottery',
  citation: {
    authors: 'Bogomolnaia & Moulin',
    year: 2001,
    title: 'A new solution to the random assignment problem',
    venue: 'Journal of Economic Theory 100(2)',
    theorem:
      'PS is SD-envy-free; implemented as the PS-lottery of Aziz, Freeman, Shah & Vaish (Operations Research 2023), ex-post EF1',
  },
  kind: 'lottery',
  claims: ['ex-ante-ef', 'ex-ante-prop', 'implements', 'ex-post-ef1'],
  guarantees: ['ex-ante EF (SD-EF)', 'ex-ante PROP', 'implements PS exactly', 'ex-post EF1'],
  requirements: 'any additive instance (uses the strict orders)',
  options: {},
  run(inst) {
    const { fractional, events } = probabilisticSerial(inst);
    const lottery = decompose(
      fractional,
      inst.agents.map((_, i) => inst.order(i)),
    );
    return {
      lottery,
      fractional,
      claims: [
        { id: 'ex-ante-ef', text: 'ex-ante envy-free' },
        { id: 'ex-ante-prop', text: 'ex-ante proportional' },
        { id: 'implements', text: 'the lottery implements the PS fractional allocation exactly' },
        { id: 'ex-post-ef1', text: 'every allocation in the support is EF1' },
      ],
      trace: [
        { id: 'eating', title: 'Eating events (time at which each good is finished)', data: events },
        { id: 'fractional', title: 'PS fractional allocation', data: fractional },
      ],
    };
  },
  example: {
    source: 'README',
    instance: README_INSTANCE,
    expect: {
      fractional: [
        ['0', '1', '1/2'],
        ['1', '0', '1/2'],
      ],
    },
  },
});
