import { strict as assert } from 'node:assert';
import { Allocation } from '../../src/core/allocation';
import { instance } from '../../src/core/instance';
import { checkRMMS } from '../../src/checks/rmms';

describe('checkRMMS', () => {
  const row = [8, 8, 6, 1, 1, 1, 1, 1, 1, 1, 1];
  const inst = instance([row, row, row]);

  it('passes an allocation at RMMS = 8 that is below 9/10 of the MMS (E12)', () => {
    const r = checkRMMS(inst, new Allocation([[0], [1], [2, 3, 4, 5, 6, 7, 8, 9, 10]], 11));
    assert.equal(r.holds, true);
  });

  it('fails an agent at 7 < RMMS = 8 and passes it at rho = 7/8', () => {
    const a = new Allocation(
      [
        [0, 1],
        [2, 3],
        [4, 5, 6, 7, 8, 9, 10],
      ],
      11,
    );
    const r = checkRMMS(inst, a);
    assert.equal(r.holds, false);
    assert.equal(String(r.detail.value), '7');
    assert.equal(checkRMMS(inst, a, '7/8').holds, true);
  });

  it('is unchecked for four agents (only n = 2, 3 are implemented)', () => {
    const four = instance([[1], [1], [1], [1]]);
    assert.equal(checkRMMS(four, new Allocation([[0], [], [], []], 1)).unchecked, true);
  });
});
