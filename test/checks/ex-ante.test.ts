import { strict as assert } from 'node:assert';
import {
  Allocation,
  FractionalAllocation,
  Lottery,
  checkExAnteEF,
  checkExAntePROP,
  checkImplements,
  instance,
} from '../../src/index';

const A = (b: number[][], m: number) => new Allocation(b, m);

describe('ex-ante checkers', () => {
  const inst = instance([
    [1, 0],
    [0, 1],
  ]);
  const f = new FractionalAllocation([
    ['1/2', '1/2'],
    ['1/2', '1/2'],
  ]);
  it('ex-ante PROP and EF on a symmetric fractional allocation', () => {
    assert.ok(checkExAntePROP(inst, f).holds);
    assert.ok(checkExAnteEF(inst, f).holds);
    const g = new FractionalAllocation([
      ['1/4', '3/4'],
      ['3/4', '1/4'],
    ]);
    assert.ok(!checkExAntePROP(inst, g).holds);
    assert.ok(!checkExAnteEF(inst, g).holds);
  });
  it('lottery implements fractional exactly, witness on mismatch', () => {
    const l = new Lottery([
      { p: '1/2', allocation: A([[0], [1]], 2) },
      { p: '1/2', allocation: A([[1], [0]], 2) },
    ]);
    assert.ok(checkImplements(l, f).holds);
    const r = checkImplements(
      l,
      new FractionalAllocation([
        [1, '1/2'],
        [0, '1/2'],
      ]),
    );
    assert.ok(!r.holds);
    assert.deepEqual(r.witness, { agent: 0, good: 0 });
  });
});
