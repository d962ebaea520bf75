import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { InvalidInputError, LimitError } from '../../src/core/errors';
import { mms } from '../../src/shares/mms';
import { mxs } from '../../src/shares/mxs';
import { rmms } from '../../src/shares/rmms';

describe('the residual maximin share RMMS (Def. F.1)', () => {
  it('is 8 on E12, where 9/10 of the MMS is 9: removing the eight 1s leaves {8, 8, 6}, best split 6 < t (E12)', () => {
    const r = rmms([8, 8, 6, 1, 1, 1, 1, 1, 1, 1, 1], 3);
    assert.equal(r.value.toString(), '8');
    assert.equal(r.blocking?.t.toString(), '9');
  });

  it('equals the MMS with three agents and three goods (the converse of E12)', () => {
    assert.equal(rmms([5, 3, 1], 3).value.toString(), '1');
    assert.equal(rmms([7, 7, 7], 3).value.toString(), '7');
  });

  it('lies between MXS and MMS (300 random value lists, n = 2, 3)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 12 }), { maxLength: 9 }), fc.constantFrom(2, 3), (v, n) => {
        const r = rmms(v, n).value;
        assert.ok(mxs(v, n).value.le(r), 'MXS <= RMMS');
        assert.ok(r.le(mms(v, n).value), 'RMMS <= MMS');
      }),
      { numRuns: 300, seed: 52 },
    );
  });

  it('works on rational values and refuses other n or too many goods with typed errors', () => {
    assert.equal(rmms(['1/2', '1/2', '1/2'], 3).value.toString(), '1/2');
    assert.throws(() => rmms([1, 2], 4), InvalidInputError);
    assert.throws(() => rmms(new Array(14).fill(1), 3), LimitError);
  });
});
