/**
 * Mixed-goods display fixtures (shared by test/display/mixed.test.ts and test/media/mixed.test.ts): real
 * outcomes of the bobw-mixed mechanisms, bare mixed values, a mixed instance, and a hostile mixed payload
 * whose every string is markup.
 */
import { instance, mechanism, MixedAllocation, solve, type Instance, type Outcome } from '../../src/index';
import { schemaOf, type MixedPayload } from '../../src/display';

/** The bakery of notebook 40: a book and a cake (divisible). */
export function bakery(): Instance {
  return instance({
    agents: ['alice', 'bob'],
    goods: ['book', 'cake'],
    values: [
      [1, 6],
      [1, 4],
    ],
    divisible: [1],
  });
}

/** Notebook 40's four agents: values 1 or 3 on six goods, and a cake (good 6). */
export function fourAgents(): Instance {
  return instance({
    agents: ['ann', 'ben', 'cat', 'dan'],
    goods: ['pen', 'mug', 'hat', 'map', 'cup', 'kit', 'cake'],
    values: [
      [3, 3, 1, 3, 3, 1, 9],
      [1, 3, 1, 1, 1, 1, 4],
      [3, 1, 3, 3, 3, 3, 11],
      [1, 3, 1, 1, 1, 1, 12],
    ],
    divisible: [6],
    bivalued: [1, 3],
  });
}

/** A mechanism's registry example, solved. */
export function solveExample(id: string): Outcome {
  const ex = mechanism(id).example;
  return solve(id, ex.instance, ex.options);
}

export interface MixedFixtures {
  /** Theorem 3.3 on M3-TR: one allocation, agent 0 gets g0 and 1/3 of the cake, agent 1 the other 2/3. */
  twoAgents: Outcome;
  /** Theorem 4.1 on E2E-B3: a lottery over 5 allocations (marginal 13/54 of the cake for agent 0). */
  propEfm: Outcome;
  /** prop-efm on the four agents for one order (3, 0, 1, 2): water-filling with additions and rotations. */
  waterFilling: Outcome;
  /** The bakery with the whole cake to bob (alice's cake cell is blank). */
  cakeToBob: MixedAllocation;
  /** The four agents' instance (divisible cake, bi-valued (1, 3)). */
  mixedInstance: Instance;
}

export function mixedFixtures(): MixedFixtures {
  const four = fourAgents();
  return {
    twoAgents: solveExample('ef-efm-two-agents'),
    propEfm: solveExample('prop-efm'),
    waterFilling: solve('prop-efm', four, { agentOrder: [3, 0, 1, 2] }),
    cakeToBob: MixedAllocation.withCake([[0], []], [0, 1], bakery()),
    mixedInstance: four,
  };
}

export const MIXED_MARKUP = '<img class="pwned" src=x onerror="window.__pwned=1">';

/** A mixed payload whose every string (names, numbers, claims, trace, water-filling) is markup. */
export function hostileMixedPayload(): MixedPayload {
  const x = MIXED_MARKUP;
  return {
    schema: schemaOf('mixed'),
    kind: 'mixed',
    title: x,
    mechanism: x,
    agents: [x, x],
    goods: [x, x, x],
    values: [
      [x, x, x],
      [x, x, x],
    ],
    divisible: [2],
    bivalued: {
      common: false,
      pairs: [
        [x, x],
        [x, x],
      ],
    },
    support: [
      {
        p: x,
        bundles: [[0], [1]],
        fractions: [[x], [x]],
        rows: [
          { value: x, propRatio: x },
          { value: x, propRatio: x },
        ],
      },
      {
        p: x,
        bundles: [[1], [0]],
        fractions: [[x], [x]],
        rows: [
          { value: x, propRatio: x },
          { value: x, propRatio: x },
        ],
      },
    ],
    expected: [{ value: x, propRatio: x }, { value: x }],
    marginals: [
      [x, x, x],
      [x, x, x],
    ],
    shares: [
      { total: x, prop: x, mmsStatus: 'skipped' },
      { total: x, prop: x, mmsStatus: 'skipped' },
    ],
    claims: [{ id: x, text: x, rho: x }],
    trace: [{ id: x, title: x, text: x, data: { t: 'text', value: x } }],
    waterFilling: [
      {
        step: x,
        order: [0, 1],
        steps: [
          { kind: 'add', agents: [0], delta: x, each: x, remaining: x },
          { kind: 'rotate', cycle: [0, 1], envyEdge: [0, 1] },
        ],
      },
    ],
    omitted: x as unknown as number,
  };
}
