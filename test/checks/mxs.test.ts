import { strict as assert } from 'node:assert';
import { Allocation } from '../../src/core/allocation';
import { instance } from '../../src/core/instance';
import { checkMXS } from '../../src/checks/mxs';

describe('checkMXS', () => {
  const inst = instance([
    [8, 8, 6, 1, 1, 1, 1, 1, 1, 1, 1],
    [8, 8, 6, 1, 1, 1, 1, 1, 1, 1, 1],
    [8, 8, 6, 1, 1, 1, 1, 1, 1, 1, 1],
  ]);

  it('passes an allocation giving everyone at least MXS = 8, with each share in the detail (E12)', () => {
    const r = checkMXS(inst, new Allocation([[0], [1], [2, 3, 4, 5, 6, 7, 8, 9, 10]], 11));
    assert.equal(r.holds, true);
  });

  it('fails an agent below her MXS with the allocation attaining her share as witness', () => {
    const r = checkMXS(
      inst,
      new Allocation(
        [
          [0, 1, 2],
          [3, 4, 5, 6],
          [7, 8, 9, 10],
        ],
        11,
      ),
    );
    assert.equal(r.holds, false);
    assert.equal(String(r.detail.agent), '1');
    assert.equal(String(r.detail.share), '8');
    assert.ok((r.witness as { shareAllocation: number[][] }).shareAllocation.length === 3);
  });

  it('is unchecked beyond 16 goods instead of guessing', () => {
    const big = instance([new Array(17).fill(1), new Array(17).fill(1)]);
    const r = checkMXS(big, new Allocation([[0], Array.from({ length: 16 }, (_, g) => g + 1)], 17));
    assert.equal(r.unchecked, true);
  });
});
