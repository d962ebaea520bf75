import { strict as assert } from 'node:assert';
import { checkMarketEquilibrium } from '../../../src/checks/fisher-prices';
import { Allocation } from '../../../src/core/allocation';
import { permutations } from '../../../src/core/permutations';

import { largeTest } from '../../../src/mechanisms/bobw-mixed/bivalued';
import { marketPrices } from '../../../src/mechanisms/bobw-mixed/market-prices';
import { matchAndFreeze } from '../../../src/mechanisms/bobw-mixed/match-and-freeze';
import { worked } from './helpers';

function pricesOf(label: string, order: number[]) {
  const inst = worked(label);
  const r = matchAndFreeze(inst, order);
  const p = marketPrices(
    inst,
    r.bundles,
    (i) => r.removedRound[i] !== null,
    largeTest(inst),
    inst.bivalued!.pairs[0].a,
  );
  return { inst, r, p };
}

describe('Fisher-market prices for Algorithm 2 (Lemma 5.5)', () => {
  it("prices every good at its owner's value when all agents were in a group (A2-FREEZE row (0, 1, 2))", () => {
    const { p } = pricesOf('A2-FREEZE', [0, 1, 2]);
    assert.deepEqual(p.prices.map(String), ['1', '1', '3', '3', '1', '1']);
  });
  it('prices everything at a = 1 when nobody was in a group and all goods are large for their owners (A2-NOSWAP)', () => {
    const { p } = pricesOf('A2-NOSWAP', [0, 1]);
    assert.deepEqual(p.prices.map(String), ['1', '1', '1', '1']);
    assert.deepEqual(p.priced, []);
  });
  it('makes every allocation of A2-FREEZE, A2-FWD, A2-NOSWAP and A2-MLTN a market equilibrium (m >= n and m < n)', () => {
    for (const label of ['A2-FREEZE', 'A2-FWD', 'A2-NOSWAP', 'A2-MLTN']) {
      const inst = worked(label);
      for (const o of permutations(inst.n)) {
        const { r, p } = pricesOf(label, o);
        const check = checkMarketEquilibrium(inst, new Allocation(r.bundles, inst.m).toFractional(), p.prices);
        assert.equal(check.holds, true, `${label} ${o}: ${JSON.stringify(check.detail)}`);
        for (const x of p.prices) assert.ok(x.eq(inst.bivalued!.pairs[0].a) || x.eq(inst.bivalued!.pairs[0].b));
      }
    }
  });
});
