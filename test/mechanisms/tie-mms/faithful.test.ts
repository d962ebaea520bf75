/**
 * FAITHFUL (Lemma 4.11 of Babaioff, Feige & Manaker Morag): the library's one Birkhoff–von Neumann decomposition
 * with goods of share 1 given outright (classic/decomposition.ts).
 */
import { strict as assert } from 'node:assert';
import { FractionalAllocation } from '../../../src/core/allocation';
import { Rational } from '../../../src/core/rational';
import { decompose, decomposeScaled } from '../../../src/mechanisms/classic/decomposition';
import { faithfulLottery, faithfulScaled } from '../../../src/mechanisms/tie-mms/faithful';

const q = (x: string) => Rational.from(x);

describe('tie-mms FAITHFUL', () => {
  // agent 0 ranks goods 0, 1, 2 and owns good 1 outright; goods 0 and 2 are split 1/2, 1/2
  const f = [
    [q('1/2'), q('1'), q('1/2')],
    [q('1/2'), q('0'), q('1/2')],
  ];
  const orders = [
    [0, 1, 2],
    [0, 1, 2],
  ];

  it('gives goods of share 1 outright and implements f exactly, one fractional good per slot (Lemma 4.11)', () => {
    const { lottery } = faithfulLottery(f, orders);
    assert.ok(lottery.marginals().equals(new FractionalAllocation(f)));
    for (const e of lottery.entries) {
      assert.ok(e.allocation.bundles[0].includes(1), 'share-1 good kept');
      assert.equal(e.allocation.bundles[0].filter((x) => x !== 1).length, 1, 'one good of the one full slot');
    }
  });

  it('is the shared kernel with fixIntegral, while decompose slots every positive share (same marginals)', () => {
    const D = 2n;
    const scaled = f.map((row) => row.map((x) => (x.num * D) / x.den));
    assert.deepEqual(faithfulScaled(scaled, D, orders), decomposeScaled(scaled, D, orders, { fixIntegral: true }));
    const slotted = decomposeScaled(scaled, D, orders);
    assert.equal(slotted.slots[0].length, 2, "agent 0's share-1 good fills slots with the others");
    assert.ok(decompose(new FractionalAllocation(f), orders).marginals().equals(new FractionalAllocation(f)));
  });
});
