/**
 * Xiaolin Bu, Zihao Li, Shengxin Liu, Xinhang Lu & Biaoshuai Tao, "Best-of-both-worlds fair allocation of
 * indivisible and mixed goods", WINE 2024; extended version arXiv:2410.06877 (spec: seed-003).
 *
 * Randomized allocations that are fair before the coin is tossed (ex-ante EF or PROP) and after (ex-post
 * EFX, EFM or fPO), for indivisible goods and for mixed goods (indivisible goods plus divisible ones):
 * * `ef-efx-two-agents` (Algorithm 3, Theorem 3.2): two agents, indivisible goods;
 * * `ef-efm-two-agents` (Theorem 3.3): two agents, mixed goods;
 * * `prop-efm` (Theorem 4.1, and Theorem 4.3 for at most n indivisible goods): n agents, mixed goods;
 * * `ef-efx-fpo-bivalued` (Algorithm 2, Theorem 5.1): n agents, bi-valued indivisible goods, with Fisher-market
 *   prices that certify fPO.
 * The n-agent mechanisms draw a uniformly random agent order: with at most 8 agents the outcome is the exact
 * lottery over all n! orders (identical allocations merged), otherwise one order drawn from the seed, whose
 * outcome claims only the ex-post properties.
 */
import { Lottery, Allocation } from '../../core/allocation';
import type { Claim, TraceStep } from '../../core/outcome';
import type { AgentId, Instance } from '../../core/instance';
import { MixedLottery } from '../../core/mixed-allocation';
import { permutations } from '../../core/permutations';
import { EXACT_LOTTERY_MAX_AGENTS, sampledAgentOrder } from '../agent-orders';
import { optionalAgentOrderOption, seedOption } from '../options';
import { defineMechanism, violation, type DomainViolation } from '../registry';
import { commonPair, largeTest } from './bivalued';
import { workedInstance } from './instances';
import { marketPrices } from './market-prices';
import { matchAndFreeze } from './match-and-freeze';
import { mergeDivisibleGoods } from './problem';
import { planPropEfm, propEfmForOrder } from './prop-efm';
import { twoAgentEfEfx } from './two-agents';
import { twoAgentEfEfm } from './two-agents-mixed';

export { WORKED_INSTANCES, workedInstance, type WorkedInstance } from './instances';
export { localSearch, type Partition } from './local-search';
export { twoAgentEfEfx, type TwoAgentResult } from './two-agents';
export { twoAgentEfEfm, cakeAsItem, type MixedTwoAgentResult } from './two-agents-mixed';
export { waterFill, type WaterFillingStep } from './water-filling';
export { minimalUnmatchableGroup } from './matching';
export { envyFreePartialAllocation, fixPartialAllocation } from './partial-allocation';
export { roundRobinPass } from './round-robin-pass';
export { twoPhaseMatching } from './two-phase-matching';
export { planPropEfm, propEfmForOrder } from './prop-efm';
export { matchAndFreeze, type MatchAndFreezeResult } from './match-and-freeze';
export { marketPrices } from './market-prices';
export { mergeDivisibleGoods, type MergedProblem, type MergedAllocation, type Reduction } from './problem';

const AUTHORS = 'Bu, Li, Liu, Lu & Tao';
const TITLE = 'Best-of-both-worlds fair allocation of indivisible and mixed goods';
const VENUE = 'WINE 2024; arXiv:2410.06877';

function twoAgents(inst: Instance): DomainViolation | undefined {
  return violation(inst.n === 2, 'n-not-2', `needs exactly 2 agents, got n = ${inst.n}`);
}

function indivisibleOnly(inst: Instance, instead: string): DomainViolation | undefined {
  return violation(
    inst.divisible.length === 0,
    'has-divisible-goods',
    `indivisible goods only (divisible: ${inst.divisible.join(', ')}); use ${instead} for mixed goods`,
  );
}

/**
 * Which agent orders a run covers: the given one, all n! (n <= 8), or one drawn from the seed; and what
 * the outcome can claim ex-ante.
 */
type OrderPlan =
  | { readonly kind: 'exact'; readonly orders: readonly AgentId[][] }
  | { readonly kind: 'given'; readonly order: readonly AgentId[] }
  | { readonly kind: 'sampled'; readonly order: readonly AgentId[]; readonly seed: number };

function planOrders(n: number, agentOrder: readonly AgentId[] | undefined, seed: number): OrderPlan {
  if (agentOrder) return { kind: 'given', order: agentOrder };
  if (n <= EXACT_LOTTERY_MAX_AGENTS) return { kind: 'exact', orders: permutations(n) };
  return { kind: 'sampled', order: sampledAgentOrder(n, seed), seed };
}

/** The options of the n-agent mechanisms: a given agent order, else the exact lottery or a seeded draw. */
const ORDER_OPTIONS = {
  agentOrder: optionalAgentOrderOption(
    `one agent order to run (then only ex-post claims); default: all n! orders when n <= ${EXACT_LOTTERY_MAX_AGENTS}, else one drawn from the seed`,
  ),
  seed: seedOption(`draws the agent order when n > ${EXACT_LOTTERY_MAX_AGENTS}; integer in 0..2^32-1; default 0`),
};

/** The trace step saying why a single-order outcome claims nothing ex-ante. */
function exAnteNote(plan: Exclude<OrderPlan, { kind: 'exact' }>, n: number, exAnte: string): TraceStep {
  const why =
    plan.kind === 'given'
      ? `the agent order ${plan.order.join(', ')} was given, so this is one allocation of the lottery`
      : `n = ${n} > ${EXACT_LOTTERY_MAX_AGENTS}: the lottery over all n! orders is not enumerated; this is the order drawn from seed ${plan.seed}`;
  return {
    id: 'ex-ante',
    title: `${exAnte} is not claimed`,
    text: `${why}. ${exAnte} is a property of the lottery over uniformly random orders (the theorem), which this outcome does not list, so only ex-post properties are claimed and certified.`,
    data: { orders: plan.kind, agentOrder: plan.order },
  };
}

defineMechanism({
  id: 'ef-efx-two-agents',
  name: 'Two agents: ex-ante EF and ex-post EFX by LocalSearch (Algorithm 3)',
  citation: { authors: AUTHORS, year: 2024, title: TITLE, venue: VENUE, theorem: 'Theorem 3.2 (Algorithm 3)' },
  kind: 'lottery',
  claims: ['ex-ante-ef', 'ex-post-efx0', 'support-size'],
  guarantees: ['ex-ante EF', 'ex-post EFX (every good, zero-valued included)', 'support <= 2'],
  requirements: 'n = 2, indivisible goods, any additive values',
  options: {},
  domain: (inst) => twoAgents(inst) ?? indivisibleOnly(inst, 'ef-efm-two-agents'),
  run(inst) {
    const goods = inst.goods.map((_, g) => g);
    const r = twoAgentEfEfx(goods, (i, g) => inst.values[i][g]);
    const allocations = r.case === 'deterministic' ? [r.allocation] : r.allocations;
    const lottery = Lottery.uniform(allocations.map((a) => new Allocation(a, inst.m)));
    return {
      lottery,
      claims: [
        { id: 'ex-ante-ef', text: 'ex-ante envy-free' },
        {
          id: 'ex-post-efx0',
          text: 'every allocation in the support is EFX (removing any good, zero-valued included)',
        },
        { id: 'support-size', text: 'support <= 2', params: { bound: 2 } },
      ],
      trace: [
        { id: 'local-search', title: 'LocalSearch partitions (poorer, richer) under each agent', data: r.steps },
        {
          id: 'ending',
          title:
            r.case === 'deterministic'
              ? `Line ${r.line}: one EF allocation`
              : `Line ${r.line}: a fair coin over two EFX allocations`,
          data: r,
        },
      ],
    };
  },
  example: {
    source: 'Bu et al. 2024, Algorithm 3 on spec instance A3-L10',
    instance: workedInstance('A3-L10'),
    expect: {
      lottery: [
        {
          p: '1/2',
          allocation: [
            [0, 2],
            [1, 3],
          ],
        },
        {
          p: '1/2',
          allocation: [
            [1, 3],
            [0, 2],
          ],
        },
      ],
    },
  },
});

defineMechanism({
  id: 'ef-efm-two-agents',
  name: 'Two agents, mixed goods: ex-ante EF and ex-post EFM',
  citation: {
    authors: AUTHORS,
    year: 2024,
    title: TITLE,
    venue: VENUE,
    theorem: 'Theorem 3.3 (Algorithm 3 with the divisible goods as one item, then a fractional transfer)',
  },
  kind: 'fractional',
  claims: ['ex-ante-ef', 'ex-post-efm', 'ex-post-efxm', 'support-size'],
  guarantees: ['ex-ante EF', 'ex-post EFM and EFXM', 'support <= 2'],
  requirements: 'n = 2; divisible goods in the instance\'s "divisible" list; any additive values',
  options: {},
  domain: twoAgents,
  run(inst) {
    const merged = mergeDivisibleGoods(inst);
    const r = twoAgentEfEfm(merged.reduced);
    const lottery = new MixedLottery(r.support.map((s) => ({ p: s.p, allocation: merged.lift(s.allocation) })));
    const ending =
      r.how.branch === 'transfer'
        ? `Line ${r.how.line}, then a transfer: a fraction ${r.how.alpha} of the divisible goods joins agent ${r.how.agent}'s poorer bundle, making her indifferent; the other agent picks`
        : r.how.branch === 'coin'
          ? `Line ${r.how.line}: a fair coin; the divisible goods stay with the bundle that held them`
          : `Line ${r.how.line}: one EF allocation`;
    return {
      mixed: lottery,
      claims: [
        { id: 'ex-ante-ef', text: 'ex-ante envy-free' },
        { id: 'ex-post-efm', text: 'every allocation in the support is EFM' },
        { id: 'ex-post-efxm', text: 'every allocation in the support is EFXM' },
        { id: 'support-size', text: 'support <= 2', params: { bound: 2 } },
      ],
      trace: [
        merged.step,
        { id: 'local-search', title: 'Algorithm 3 on the goods and d', data: r.algorithm3.steps },
        { id: 'ending', title: ending, data: r.how },
      ],
    };
  },
  example: {
    source: 'Bu et al. 2024, Theorem 3.3 on spec instance M3-TR (the transfer branch)',
    instance: workedInstance('M3-TR'),
    expect: {
      fractional: [
        ['1', '1/3'],
        ['0', '2/3'],
      ],
    },
  },
});

defineMechanism({
  id: 'prop-efm',
  name: 'Mixed goods, bi-valued indivisible goods: ex-ante PROP and ex-post EFM',
  citation: {
    authors: AUTHORS,
    year: 2024,
    title: TITLE,
    venue: VENUE,
    theorem:
      'Theorem 4.1 (Algorithm 5, then Algorithm 1 or Appendix B.3, then water-filling); Theorem 4.3 (Algorithm 1)',
  },
  kind: 'fractional',
  claims: ['ex-ante-prop', 'ex-post-efm', 'support-size'],
  guarantees: ['ex-ante PROP', 'ex-post EFM', 'support <= n!'],
  requirements:
    'a declared bi-valued domain on the indivisible goods ("bivalued": [a, b] or one pair per agent; divisible goods arbitrary), or at most n indivisible goods with any additive values; n <= 8 for the exact lottery',
  options: ORDER_OPTIONS,
  domain(inst) {
    const indivisible = inst.m - inst.divisible.length;
    return violation(
      inst.bivalued !== undefined || indivisible <= inst.n,
      'not-bivalued',
      `${indivisible} indivisible goods for ${inst.n} agents need a declared bi-valued domain ("bivalued": [a, b] or one pair per agent; Theorem 4.1)`,
    );
  },
  run(inst, { agentOrder, seed }) {
    const plan = planPropEfm(inst);
    const orders = planOrders(inst.n, agentOrder, seed);
    const claims: Claim[] = [{ id: 'ex-post-efm', text: 'every allocation in the support is EFM' }];
    if (orders.kind !== 'exact') {
      const run = propEfmForOrder(plan, orders.order);
      return {
        mixed: MixedLottery.point(run.allocation),
        claims,
        trace: [...run.trace, exAnteNote(orders, inst.n, 'Ex-ante PROP')],
        ...(orders.kind === 'sampled' ? { resolved: { agentOrder: orders.order } } : {}),
      };
    }
    const lottery = MixedLottery.uniform(orders.orders.map((o) => propEfmForOrder(plan, o).allocation));
    claims.unshift({ id: 'ex-ante-prop', text: `ex-ante proportional (${plan.theorem})` });
    claims.push({
      id: 'support-size',
      text: `support <= n! = ${orders.orders.length}`,
      params: { bound: orders.orders.length },
    });
    // the π-independent reductions, then the last step for the first order as an example
    const example = propEfmForOrder(plan, orders.orders[0]);
    const perOrder = example.trace[example.trace.length - 1];
    return {
      mixed: lottery,
      claims,
      trace: [
        ...plan.steps,
        {
          id: 'orders',
          title: `All ${orders.orders.length} agent orders, ${lottery.size} distinct allocations`,
          data: { orders: orders.orders.length, support: lottery.size },
        },
        { ...perOrder, title: `${perOrder.title} (order ${orders.orders[0].join(', ')})` },
      ],
    };
  },
  example: {
    source: 'Bu et al. 2024, Theorem 4.1 on spec instance E2E-B3 (Algorithm 5, then B.3 with water-filling)',
    instance: workedInstance('E2E-B3'),
    expect: {
      fractional: [
        ['0', '0', '1', '0', '1/6', '5/6', '1/3', '13/54'],
        ['0', '1', '0', '5/6', '0', '1/6', '2/3', '2/27'],
        ['1', '0', '0', '1/6', '5/6', '0', '0', '37/54'],
      ],
    },
  },
});

defineMechanism({
  id: 'ef-efx-fpo-bivalued',
  name: 'Bi-valued goods: ex-ante EF, ex-post EFX and fPO with Fisher-market prices (Algorithm 2)',
  citation: {
    authors: AUTHORS,
    year: 2024,
    title: TITLE,
    venue: VENUE,
    theorem: 'Theorem 5.1 (Algorithm 2; prices by Lemma 5.5)',
  },
  kind: 'lottery',
  claims: ['ex-ante-ef', 'ex-post-efx0', 'ex-post-fpo', 'ex-post-fpo-prices', 'support-size'],
  guarantees: [
    'ex-ante EF',
    'ex-post EFX (every good, zero-valued included)',
    'ex-post fPO, with market-equilibrium prices',
    'support <= n!',
  ],
  requirements:
    'indivisible goods with a declared common bi-valued pair "bivalued": [a, b], 0 < a < b; n <= 8 for the exact lottery',
  options: ORDER_OPTIONS,
  domain(inst) {
    const d = inst.bivalued;
    if (!d?.common)
      return {
        code: 'not-bivalued',
        message:
          'needs a common bi-valued pair "bivalued": [a, b] (with personalized pairs no lottery is ex-ante EF, ex-post EF1 and fPO: Aziz et al. 2024a)',
      };
    return (
      indivisibleOnly(inst, 'prop-efm') ??
      violation(
        d.pairs[0].a.sign() > 0,
        'binary',
        'needs a > 0 (a = 0 is the binary case of Babaioff et al. 2021, outside Theorem 5.1)',
      )
    );
  },
  run(inst, { agentOrder, seed }) {
    const large = largeTest(inst);
    const { a } = commonPair(inst);
    const orders = planOrders(inst.n, agentOrder, seed);
    const list = orders.kind === 'exact' ? orders.orders : [orders.order];
    const prices = new Map<string, { allocation: number[][]; prices: string[] }>();
    const allocations = list.map((o) => {
      const r = matchAndFreeze(inst, o);
      const allocation = new Allocation(r.bundles, inst.m);
      if (!prices.has(allocation.key())) {
        const p = marketPrices(inst, r.bundles, (i) => r.removedRound[i] !== null, large, a);
        prices.set(allocation.key(), { allocation: allocation.toJSON(), prices: p.prices.map(String) });
      }
      return allocation;
    });
    const lottery = Lottery.uniform(allocations);
    const claims: Claim[] = [
      { id: 'ex-post-efx0', text: 'every allocation in the support is EFX (removing any good)' },
      { id: 'ex-post-fpo', text: 'every allocation in the support is fPO (exchange-cycle test)' },
      {
        id: 'ex-post-fpo-prices',
        text: 'every allocation in the support is a Fisher-market equilibrium at the stated prices, hence fPO (Lemma 5.5)',
        params: { prices: [...prices.values()] },
      },
    ];
    const first = matchAndFreeze(inst, list[0]);
    const trace: TraceStep[] = [
      {
        id: 'rounds',
        title: `Algorithm 2 for the order ${list[0].join(', ')} (freeze length ${first.freezeLength})`,
        data: first,
      },
    ];
    if (orders.kind !== 'exact')
      return {
        lottery,
        claims,
        trace: [...trace, exAnteNote(orders, inst.n, 'Ex-ante EF')],
        ...(orders.kind === 'sampled' ? { resolved: { agentOrder: orders.order } } : {}),
      };
    claims.unshift({ id: 'ex-ante-ef', text: 'ex-ante envy-free (Lemma 5.4)' });
    claims.push({ id: 'support-size', text: `support <= n! = ${list.length}`, params: { bound: list.length } });
    trace.push({
      id: 'orders',
      title: `All ${list.length} agent orders, ${lottery.size} distinct allocations`,
      data: { orders: list.length, support: lottery.size },
    });
    return { lottery, claims, trace };
  },
  example: {
    source: 'Bu et al. 2024, Algorithm 2 on spec instance A2-FREEZE (freeze length 2)',
    instance: workedInstance('A2-FREEZE'),
    expect: {
      lottery: [
        { p: '1/3', allocation: [[0, 2], [1, 4, 5], [3]] },
        { p: '1/3', allocation: [[0, 2], [3], [1, 4, 5]] },
        { p: '1/6', allocation: [[0, 1, 2], [3], [4, 5]] },
        { p: '1/6', allocation: [[0, 1, 2], [4, 5], [3]] },
      ],
    },
  },
});
