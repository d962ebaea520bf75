import { strict as assert } from 'node:assert';
import { checkEF, checkExAntePROP, checkPROP, checkRhoMMS } from '../../src/checks';
import { Allocation, FractionalAllocation } from '../../src/core/allocation';
import { instance } from '../../src/core/instance';
import { mms, mmsPartition, mmsShare, prop, tps } from '../../src/shares';

const inst = instance({
  values: [
    [1, 2, 3],
    [3, 2, 1],
  ],
});
const a = new Allocation([[2], [0, 1]], 3);
const badArg = (msg: RegExp) => (e: Error & { code?: string }) => e.code === 'bad-argument' && msg.test(e.message);

describe('public functions given the wrong argument', () => {
  it('name the parameter of a share function instead of throwing a TypeError', () => {
    assert.throws(() => mms(inst as never, 2), badArg(/^mms: values must be a list/));
    assert.throws(() => mmsPartition(3 as never, 2), badArg(/^mmsPartition: values/));
    assert.throws(() => prop([1, 2], 0), badArg(/^prop: n must be a positive integer/));
    assert.throws(() => tps(null as never, 2), badArg(/^tps: values/));
    assert.throws(() => mmsShare([1, 2] as never, 0), badArg(/^mmsShare: inst must be an Instance/));
    assert.throws(
      () => mms([1, 2], 0),
      (e: Error & { code?: string }) => e.code === 'bad-n',
    );
  });

  it('name the parameter of a checker given swapped or mismatched arguments', () => {
    assert.throws(() => checkEF(a as never, inst as never), badArg(/^checkEF: inst must be an Instance/));
    assert.throws(() => checkPROP(inst, null as never), badArg(/^checkPROP: a must be an Allocation/));
    assert.throws(
      () => checkRhoMMS(inst, new Allocation([[0], [1], [2]], 3)),
      badArg(/3 bundles for an instance with 2 agents/),
    );
    assert.throws(() => checkEF(inst, new Allocation([[0], [1]], 2)), badArg(/over 2 goods/));
    assert.throws(
      () => checkExAntePROP(inst, new FractionalAllocation([[1, 1, 1]], { partial: true })),
      badArg(/not 2 x 3/),
    );
  });

  it('still answers on right arguments', () => {
    assert.equal(checkEF(inst, a).holds, true);
    assert.equal(mms([1, 2, 3], 2).value.toString(), '3');
  });
});
