import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { Instance } from '../../../src/core/instance';
import {
  E10_CUTS,
  exactMmsOracle,
  integerValuations,
  runAlgorithm4,
  twoAgentLottery,
  WORKED_INSTANCES,
  type Bipartition,
  type TwoAgentResult,
} from '../../../src/mechanisms/bobw-few-agents';
import { efxSatisfied, valueOf, worstValue, type Valuation } from '../../../src/mechanisms/bobw-few-agents/valuation';

/** The allocations of a result with their probabilities (1, or 1/2 each). */
function allocationsOf(r: TwoAgentResult): Bipartition[] {
  return r.kind === 'envy-free' ? [r.allocation] : [...r.realizations];
}

function exactSeeds(vals: readonly Valuation[], m: number): [Bipartition, Bipartition] {
  const M = Array.from({ length: m }, (_, g) => g);
  return [0, 1].map((i) => {
    const p = exactMmsOracle()(vals[i], M, 2).partition;
    return [p[0], p[1]] as const;
  }) as unknown as [Bipartition, Bipartition];
}

/** A random bipartition of m goods from a bit mask list. */
function bipartition(bits: readonly boolean[]): Bipartition {
  return [bits.flatMap((b, g) => (b ? [g] : [])), bits.flatMap((b, g) => (b ? [] : [g]))];
}

describe('Algorithm 4: two agents (Proposition 4.1, spec 3.8)', () => {
  it('splits 101 identical goods 50/51 with a coin flip for the last one (E2)', () => {
    const inst = new Instance(WORKED_INSTANCES.E2.instance.values);
    const vals = integerValuations(inst);
    const r = twoAgentLottery([vals[0], vals[1]], exactSeeds(vals, inst.m));
    for (const A of allocationsOf(r)) assert.deepEqual(A.map((b) => b.length).sort(), [50, 51]);
  });

  it('splits four identical goods 2/2 (E4)', () => {
    const inst = new Instance(WORKED_INSTANCES.E4.instance.values);
    const vals = integerValuations(inst);
    const r = twoAgentLottery([vals[0], vals[1]], exactSeeds(vals, inst.m));
    for (const A of allocationsOf(r))
      assert.deepEqual(
        A.map((b) => b.length),
        [2, 2],
      );
  });

  it('seeded with MMS partitions gives both identical agents at least their MMS 20 where [Bu+24] gives 17 (E8)', () => {
    const inst = new Instance(WORKED_INSTANCES.E8.instance.values);
    const vals = integerValuations(inst);
    const r = twoAgentLottery([vals[0], vals[1]], exactSeeds(vals, inst.m));
    for (const A of allocationsOf(r)) for (const i of [0, 1]) assert.ok(valueOf(vals[i], A[i]) >= 20n);
    const bu = twoAgentLottery(
      [vals[0], vals[1]],
      [
        [[0, 1, 2, 3], []],
        [[0, 1, 2, 3], []],
      ],
      'bu24',
    );
    assert.equal(bu.kind, 'lottery');
    assert.deepEqual(
      allocationsOf(bu).map((A) => A.map((b) => valueOf(vals[0], b)).sort()),
      [
        [17n, 24n],
        [17n, 24n],
      ],
    );
  });

  it("returns the envy-free allocation on E10's approximate cuts: {g1, g2, g6} (9) to agent 0, the rest (4) to agent 1 (E10)", () => {
    const inst = new Instance(WORKED_INSTANCES.E10.instance.values);
    const r = runAlgorithm4(inst, E10_CUTS);
    assert.equal(r.kind, 'envy-free');
    if (r.kind === 'envy-free') {
      assert.deepEqual(r.allocation, [
        [0, 1, 5],
        [2, 3, 4, 6],
      ]);
      assert.deepEqual(
        r.allocation.map((b, i) => inst.value(i, b).toString()),
        ['9', '4'],
      );
    }
  });

  it("is ex-ante EF, ex-post EFX and keeps each agent at her seed's worst value from arbitrary seeds (2000 instances)", () => {
    let maxSteps = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 12 }).chain((m) =>
          fc.record({
            v: fc.tuple(
              fc.array(fc.integer({ min: 0, max: 15 }), { minLength: m, maxLength: m }),
              fc.array(fc.integer({ min: 0, max: 15 }), { minLength: m, maxLength: m }),
            ),
            seeds: fc.tuple(
              fc.array(fc.boolean(), { minLength: m, maxLength: m }),
              fc.array(fc.boolean(), { minLength: m, maxLength: m }),
            ),
          }),
        ),
        ({ v, seeds }) => {
          const vals: [Valuation, Valuation] = [v[0].map(BigInt), v[1].map(BigInt)];
          const P: [Bipartition, Bipartition] = [bipartition(seeds[0]), bipartition(seeds[1])];
          const r = twoAgentLottery(vals, P);
          maxSteps = Math.max(maxSteps, r.steps.length);
          const As = allocationsOf(r);
          for (const i of [0, 1]) {
            const own = As.reduce((s, A) => s + valueOf(vals[i], A[i]), 0n);
            const other = As.reduce((s, A) => s + valueOf(vals[i], A[1 - i]), 0n);
            assert.ok(own >= other, 'ex-ante EF');
            for (const A of As) {
              assert.ok(efxSatisfied(vals[i], A, i), 'ex-post EFX');
              assert.ok(valueOf(vals[i], A[i]) >= worstValue(vals[i], P[i]), 'value floor mu_i(P^i)');
            }
          }
        },
      ),
      { numRuns: 2000, seed: 41 },
    );
    assert.ok(maxSteps <= 3, `the loop ran at most ${maxSteps} iterations`);
  });
});
