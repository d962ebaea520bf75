import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { Allocation, checkPO, instance } from '../../src/index';
import { findSetTrade } from '../../src/checks/set-trade';

/** Exact check on integer rows: every agent weakly better, one strictly. */
function improves(U: number[][], owner: number[], next: Int32Array): boolean {
  let strict = false;
  for (let i = 0; i < U.length; i++) {
    let d = 0;
    next.forEach((o, g) => (d += o === i ? U[i][g] : 0));
    owner.forEach((o, g) => (d -= o === i ? U[i][g] : 0));
    if (d < 0) return false;
    if (d > 0) strict = true;
  }
  return strict;
}

describe('set-for-set trades', () => {
  it('finds a two-for-two trade between two agents', () => {
    const U = [
      [2, 4, 5, 1],
      [7, 3, 8, 1],
    ];
    const next = findSetTrade(U, [0, 0, 1, 1], (x) => improves(U, [0, 0, 1, 1], x));
    assert.deepEqual(next && [...next], [1, 1, 0, 0]);
  });

  it('returns only trades the caller verifies', () => {
    const U = [
      [2, 4, 5, 1],
      [7, 3, 8, 1],
    ];
    assert.equal(
      findSetTrade(U, [0, 0, 1, 1], () => false),
      null,
    );
  });

  it('lets checkPO refute PO by a set trade where the exact search has no budget', () => {
    const inst = instance([
      [2, 4, 5, 1],
      [7, 3, 8, 1],
    ]);
    const a = Allocation.fromOwners([0, 0, 1, 1], 2);
    const r = checkPO(inst, a, 1);
    assert.equal(r.holds, false);
    assert.equal(r.unchecked, undefined);
    assert.equal((r.detail as { via: string }).via, 'set-for-set trade between two agents');
    assert.deepEqual((r.witness as { dominatingOwners: number[] }).dominatingOwners, [1, 1, 0, 0]);
  });

  it('every trade it returns on two agents is a Pareto improvement that checkPO confirms (200 runs)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 20 }), fc.boolean()), {
          minLength: 2,
          maxLength: 8,
        }),
        (goods) => {
          const U = [goods.map((g) => g[0]), goods.map((g) => g[1])];
          const owner = goods.map((g) => (g[2] ? 1 : 0));
          const next = findSetTrade(U, owner, (x) => improves(U, owner, x));
          if (next === null) return;
          assert.ok(improves(U, owner, next));
          const inst = instance(U);
          assert.equal(checkPO(inst, Allocation.fromOwners(owner, 2)).holds, false);
        },
      ),
      { numRuns: 200, seed: 17 },
    );
  });
});
