/** Registers the classic baselines. */
import { Lottery } from '../../core/allocation';
import { InvalidInputError } from '../../core/errors';
import type { AgentId, Instance } from '../../core/instance';
import { Outcome, type Claim } from '../../core/outcome';
import { permutations } from '../../core/permutations';
import { Rational } from '../../core/rational';
import { registerMechanism, requireDomain } from '../registry';
import { cutAndChoose } from './cut-and-choose';
import { decompose } from './decomposition';
import { envyCycle } from './envy-cycle';
import { maxWelfare } from './max-welfare';
import { pickingSequence } from './picking-sequence';
import { probabilisticSerial } from './probabilistic-serial';
import { unitQuotaSerialDictatorship } from './serial-dictatorship';

export { cutAndChoose, decompose, envyCycle, maxWelfare, pickingSequence, probabilisticSerial, unitQuotaSerialDictatorship };

function agentOrder(inst: Instance, options: Record<string, unknown> | undefined, key = 'order'): AgentId[] {
  const raw = options?.[key];
  if (raw === undefined) return inst.agents.map((_, i) => i);
  if (!Array.isArray(raw) || raw.length !== inst.n || new Set(raw).size !== inst.n || raw.some((a) => !Number.isInteger(a) || a < 0 || a >= inst.n))
    throw new InvalidInputError('bad-order', `options.${key}: expected a permutation of the agents 0..${inst.n - 1}, got ${JSON.stringify(raw)}`);
  return raw as AgentId[];
}

function abmRho(inst: Instance): Rational | null {
  if (inst.m < inst.n) return null;
  return new Rational(1n, BigInt(Math.max(1, Math.floor((inst.m - inst.n + 2) / 2))));
}

registerMechanism({
  id: 'round-robin',
  name: 'Round robin',
  source: 'classic (Caragiannis et al. 2019 for EF1)',
  kind: 'allocation',
  guarantees: ['EF1'],
  requirements: 'any additive instance; option order (agent permutation)',
  run(inst, options) {
    const order = agentOrder(inst, options);
    const { allocation, picks } = pickingSequence(inst, order);
    return new Outcome({
      mechanism: 'round-robin', instance: inst, allocation, options: options ?? {},
      claims: [{ id: 'ef1', text: 'EF1: envy disappears after removing one good' }],
      trace: [{ id: 'picks', title: 'Picks in turn', data: picks }],
    });
  },
});

registerMechanism({
  id: 'picking-sequence',
  name: 'Picking sequence',
  source: 'classic (Kohler & Chandrasekaran 1971; Bouveret & Lang 2011)',
  kind: 'allocation',
  guarantees: ['none in general (a balanced alternating sequence such as round robin is EF1)'],
  requirements: 'option sequence: agent indices, repeated when shorter than m',
  run(inst, options) {
    const seq = (options?.sequence as AgentId[] | undefined) ?? inst.agents.map((_, i) => i);
    if (!Array.isArray(seq)) throw new InvalidInputError('bad-sequence', 'options.sequence: expected an array of agent indices');
    const { allocation, picks } = pickingSequence(inst, seq);
    return new Outcome({ mechanism: 'picking-sequence', instance: inst, allocation, options: options ?? {}, claims: [], trace: [{ id: 'picks', title: 'Picks in turn', data: picks }] });
  },
});

registerMechanism({
  id: 'serial-dictatorship',
  name: 'Unit-quota serial dictatorship',
  source: 'classic; guarantee [ABM16] as quoted by paper 000 (spec B2)',
  kind: 'allocation',
  guarantees: ['DSIC (ordinal)', '1/floor((m-n+2)/2)-MMS when m >= n'],
  requirements: 'any additive instance; option order (agent permutation)',
  incentives: { space: 'ordinal', notion: 'DSIC' },
  run(inst, options) {
    const allocation = unitQuotaSerialDictatorship(inst, agentOrder(inst, options));
    const claims: Claim[] = [{ id: 'truthful', text: 'DSIC: no strict-order misreport gains', params: { space: 'ordinal' } }];
    const rho = abmRho(inst);
    if (rho) claims.push({ id: 'rho-mms', rho, text: `${rho}-MMS [ABM16]` });
    return new Outcome({ mechanism: 'serial-dictatorship', instance: inst, allocation, options: options ?? {}, claims });
  },
});

registerMechanism({
  id: 'random-serial-dictatorship',
  name: 'Random serial dictatorship (unit quota)',
  source: 'classic (Abdulkadiroglu & Sonmez 1998)',
  kind: 'lottery',
  guarantees: ['universally truthful (ordinal)', 'ex-post 1/floor((m-n+2)/2)-MMS when m >= n', 'support <= n!'],
  requirements: 'n <= 8 (the lottery lists all n! orders)',
  incentives: { space: 'ordinal', notion: 'universally truthful' },
  run(inst, options) {
    requireDomain(inst.n <= 8, 'random-serial-dictatorship', 'too-many-agents', `n = ${inst.n} > 8: the exact lottery over n! orders is too large`);
    const orders = permutations(inst.n);
    const lottery = Lottery.uniform(orders.map((o) => unitQuotaSerialDictatorship(inst, o)));
    const claims: Claim[] = [
      { id: 'truthful', text: 'TIE (universally truthful): no strict-order misreport gains in expectation', params: { space: 'ordinal' } },
      { id: 'support-size', text: `support <= n! = ${orders.length}`, params: { bound: orders.length } },
    ];
    const rho = abmRho(inst);
    if (rho) claims.push({ id: 'ex-post-rho-mms', rho, text: `ex-post ${rho}-MMS [ABM16]` });
    return new Outcome({ mechanism: 'random-serial-dictatorship', instance: inst, lottery, options: options ?? {}, claims });
  },
});

registerMechanism({
  id: 'envy-cycle',
  name: 'Envy-cycle elimination',
  source: 'classic (Lipton, Markakis, Mossel & Saberi 2004)',
  kind: 'allocation',
  guarantees: ['EF1'],
  requirements: 'any additive instance',
  run(inst, options) {
    const { allocation, rotations } = envyCycle(inst);
    return new Outcome({
      mechanism: 'envy-cycle', instance: inst, allocation, options: options ?? {},
      claims: [{ id: 'ef1', text: 'EF1' }],
      trace: [{ id: 'rotations', title: 'Envy cycles rotated', data: rotations }],
    });
  },
});

registerMechanism({
  id: 'cut-and-choose',
  name: 'Cut and choose (MMS-EFX cut)',
  source: 'classic; cut = MMS partition made EFX (seed-002 spec, REALLOC)',
  kind: 'allocation',
  guarantees: ['MMS for both agents', 'EFX0'],
  requirements: 'n = 2',
  run(inst, options) {
    requireDomain(inst.n === 2, 'cut-and-choose', 'n-not-2', `needs exactly 2 agents, got n = ${inst.n}`);
    const { allocation, partition, chosen } = cutAndChoose(inst);
    return new Outcome({
      mechanism: 'cut-and-choose', instance: inst, allocation, options: options ?? {},
      claims: [
        { id: 'mms', text: 'both agents receive at least their maximin share' },
        { id: 'efx0', text: 'EFX0: the cutter is EFX-satisfied, the chooser envy-free' },
      ],
      trace: [{ id: 'cut', title: "Cutter's MMS-EFX partition", data: { partition, chosen } }],
    });
  },
});

registerMechanism({
  id: 'max-welfare',
  name: 'Utilitarian maximum',
  source: 'classic',
  kind: 'allocation',
  guarantees: ['fPO', 'PO'],
  requirements: 'any additive instance',
  run(inst, options) {
    return new Outcome({
      mechanism: 'max-welfare', instance: inst, allocation: maxWelfare(inst), options: options ?? {},
      claims: [{ id: 'fpo', text: 'fractionally Pareto optimal' }, { id: 'po', text: 'Pareto optimal' }],
    });
  },
});

registerMechanism({
  id: 'probabilistic-serial',
  name: 'Probabilistic serial, implemented as the PS-lottery',
  source: 'Bogomolnaia & Moulin 2001; lottery: Aziz, Freeman, Shah & Vaish 2023',
  kind: 'lottery',
  guarantees: ['ex-ante EF (SD-EF)', 'ex-ante PROP', 'implements PS exactly', 'ex-post EF1'],
  requirements: 'any additive instance (uses the strict orders)',
  run(inst, options) {
    const { fractional, events } = probabilisticSerial(inst);
    const lottery = decompose(fractional, inst.agents.map((_, i) => inst.order(i)));
    return new Outcome({
      mechanism: 'probabilistic-serial', instance: inst, lottery, fractional, options: options ?? {},
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
    });
  },
});
