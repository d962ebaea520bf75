import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { checkFPO } from '../../src/checks/efficiency';
import { checkExchangeCycleFPO, checkMarketEquilibrium } from '../../src/checks/fisher-prices';
import { checkEF, checkEF1 } from '../../src/checks/envy';
import { checkPROP } from '../../src/checks/share';
import { Allocation } from '../../src/core/allocation';
import { instance } from '../../src/core/instance';
import { MixedAllocation } from '../../src/core/mixed-allocation';
import { q } from '../../src/core/rational';

/** A2-NOSWAP (spec 5.4): a = 1, b = 2; agent 0 finds every good large, agent 1 only goods 0 and 1. */
const NOSWAP = instance({
  values: [
    [2, 2, 2, 2],
    [2, 2, 1, 1],
  ],
  bivalued: [1, 2],
});

describe('fPO by exchange cycles', () => {
  it('accepts the A2-NOSWAP spec allocation and rejects its no-swap ablation with the improving cycle (FPO-CYCLE)', () => {
    assert.equal(
      checkExchangeCycleFPO(
        NOSWAP,
        new Allocation(
          [
            [2, 3],
            [0, 1],
          ],
          4,
        ).toFractional(),
      ).holds,
      true,
    );
    const r = checkExchangeCycleFPO(
      NOSWAP,
      new Allocation(
        [
          [1, 2],
          [0, 3],
        ],
        4,
      ).toFractional(),
    );
    assert.equal(r.holds, false);
    assert.equal(String(r.detail.product), '2');
    const cycle = (r.witness as { cycle: { from: number; to: number; good: number }[] }).cycle;
    assert.deepEqual(cycle.map((s) => s.from).sort(), [0, 1]);
    assert.ok(cycle.some((s) => s.from === 1 && s.good === 3));
  });
  it('confirms the X1 impossibility analysis: the one EF1 allocation that is fPO (Aziz et al. 2024a, spec 5.4)', () => {
    const x1 = instance([
      [3, 1],
      [2, 1],
    ]);
    const owners = [
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
    ];
    const ef1 = owners.filter((o) => checkEF1(x1, Allocation.fromOwners(o, 2)).holds);
    assert.deepEqual(ef1, [
      [0, 1],
      [1, 0],
    ]);
    assert.equal(checkExchangeCycleFPO(x1, Allocation.fromOwners([0, 1], 2).toFractional()).holds, true);
    assert.equal(checkExchangeCycleFPO(x1, Allocation.fromOwners([1, 0], 2).toFractional()).holds, false);
    // the improving trade of the spec: agent 0 gives eps = 5/2 delta of good 1 for delta of good 0
    const delta = q('1/10');
    const eps = delta.mul('5/2');
    const u0 = delta.mul(3).add(q(1).sub(eps).mul(1));
    const u1 = q(1).sub(delta).mul(2).add(eps.mul(1));
    assert.ok(u0.gt(1) && u1.gt(2));
    // so every ex-post EF1 + fPO lottery is the point mass on it, where agent 1 is below PROP and envies agent 0
    const only = Allocation.fromOwners([0, 1], 2);
    assert.equal((checkPROP(x1, only).witness as { agent: number }).agent, 1);
    assert.deepEqual(checkEF(x1, only).witness, { envious: 1, envied: 0, removed: undefined });
  });
  it('rejects a split divisible good that another exchange improves (mixed allocation)', () => {
    const inst = instance({
      values: [
        [2, 1],
        [1, 1],
      ],
      divisible: [1],
    });
    const split = MixedAllocation.withCake([[], [0]], ['1/2', '1/2'], inst);
    const r = checkExchangeCycleFPO(inst, split.toFractional());
    assert.equal(r.holds, false);
    assert.equal(String(r.detail.product), '2');
    assert.equal(
      checkExchangeCycleFPO(inst, MixedAllocation.withCake([[0], []], ['1/4', '3/4'], inst).toFractional()).holds,
      true,
    );
  });
  it('flags a good held by an agent who values it 0 while another values it', () => {
    const inst = instance([
      [0, 1],
      [1, 1],
    ]);
    const r = checkExchangeCycleFPO(inst, new Allocation([[0, 1], []], 2).toFractional());
    assert.equal(r.holds, false);
    assert.deepEqual(r.witness, { cycle: [{ from: 0, to: 1, good: 0 }] });
  });
  it('agrees with the integral fPO checker on 300 random allocations', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 6 }),
        fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 24, maxLength: 24 }),
        fc.array(fc.nat(), { minLength: 6, maxLength: 6 }),
        (n, m, vals, own) => {
          const inst = instance(
            Array.from({ length: n }, (_, i) => Array.from({ length: m }, (_, g) => vals[i * 6 + g])),
          );
          const a = Allocation.fromOwners(
            own.slice(0, m).map((o) => o % n),
            n,
          );
          assert.equal(checkExchangeCycleFPO(inst, a.toFractional()).holds, checkFPO(inst, a).holds);
        },
      ),
      { numRuns: 300, seed: 3 },
    );
  });
});

describe('fPO by Fisher-market price certificates', () => {
  it('certifies A2-FREEZE row (0,1,2) with prices u_owner: (1, 1, 3, 3, 1, 1) (spec 5.4)', () => {
    const inst = instance({
      values: [
        [1, 1, 3, 3, 1, 1],
        [1, 1, 1, 3, 1, 1],
        [1, 1, 1, 3, 1, 1],
      ],
      bivalued: [1, 3],
    });
    const a = new Allocation([[0, 1, 2], [4, 5], [3]], 6);
    const r = checkMarketEquilibrium(inst, a.toFractional(), [1, 1, 3, 3, 1, 1]);
    assert.equal(r.holds, true);
    assert.deepEqual((r.detail.alpha as unknown[]).map(String), ['1', '1', '1']);
    assert.deepEqual((r.detail.budgets as unknown[]).map(String), ['5', '2', '3']);
  });
  it('certifies the A2-NOSWAP allocation with all prices a = 1, and no price vector saves the ablation', () => {
    assert.equal(
      checkMarketEquilibrium(
        NOSWAP,
        new Allocation(
          [
            [2, 3],
            [0, 1],
          ],
          4,
        ).toFractional(),
        [1, 1, 1, 1],
      ).holds,
      true,
    );
    const ablation = new Allocation(
      [
        [1, 2],
        [0, 3],
      ],
      4,
    ).toFractional();
    const r = checkMarketEquilibrium(NOSWAP, ablation, [1, 1, 1, 1]);
    assert.equal(r.holds, false);
    assert.deepEqual(r.witness, { agent: 1, good: 3, betterGood: 0 });
    for (const p of [
      [1, 1, 2, 2],
      [2, 2, 1, 1],
      [2, 1, 2, 1],
      [1, 2, 1, 2],
      [2, 2, 2, 1],
    ])
      assert.equal(checkMarketEquilibrium(NOSWAP, ablation, p).holds, false);
  });
  it('certifies a mixed allocation with a fraction of a divisible good', () => {
    const inst = instance({
      values: [
        [2, 1],
        [1, 1],
      ],
      divisible: [1],
    });
    const a = MixedAllocation.withCake([[0], []], ['1/4', '3/4'], inst);
    const r = checkMarketEquilibrium(inst, a.toFractional(), [2, 1]);
    assert.equal(r.holds, true);
    assert.deepEqual((r.detail.budgets as unknown[]).map(String), ['9/4', '3/4']);
  });
  it('rejects a non-positive price and a spender who values everything at 0', () => {
    assert.equal(
      checkMarketEquilibrium(
        NOSWAP,
        new Allocation(
          [
            [2, 3],
            [0, 1],
          ],
          4,
        ).toFractional(),
        [1, 0, 1, 1],
      ).holds,
      false,
    );
    const inst = instance([
      [0, 0],
      [1, 1],
    ]);
    const r = checkMarketEquilibrium(inst, new Allocation([[0], [1]], 2).toFractional(), [1, 1]);
    assert.equal(r.holds, false);
    assert.deepEqual(r.witness, { agent: 0 });
  });
});
