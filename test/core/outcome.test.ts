import { strict as assert } from 'node:assert';
import { Allocation, Lottery } from '../../src/core/allocation';
import { instance } from '../../src/core/instance';
import { Outcome } from '../../src/core/outcome';
import { Rational } from '../../src/core/rational';

const inst = instance({
  agents: ['alice', 'bob'],
  goods: ['car', 'house', 'boat'],
  values: [
    [3, 7, '5/2'],
    [4, 4, 1],
  ],
});

describe('Outcome summary line', () => {
  it('String(outcome) names the mechanism, the kind, the size and the claims on one line', () => {
    const o = new Outcome({
      mechanism: 'round-robin',
      instance: inst,
      allocation: new Allocation([[1, 2], [0]], inst.m),
      claims: [
        { id: 'ef1', text: 'EF1' },
        { id: 'rho-mms', text: 'half MMS', rho: Rational.from('1/2') },
      ],
    });
    assert.equal(String(o), 'Outcome(round-robin, allocation, 2 agents × 3 goods): claims ef1, rho-mms(1/2)');
    assert.equal(`${o}`, String(o));
    assert.doesNotMatch(String(o), /\n|\[object/);
  });

  it('a lottery counts its allocations, and an outcome without claims says so', () => {
    const half = Rational.from('1/2');
    const lottery = new Lottery([
      { p: half, allocation: new Allocation([[1, 2], [0]], inst.m) },
      { p: half, allocation: new Allocation([[0], [1, 2]], inst.m) },
    ]);
    const o = new Outcome({ mechanism: 'coin', instance: inst, lottery, claims: [] });
    assert.equal(String(o), 'Outcome(coin, lottery of 2 allocations, 2 agents × 3 goods): no claims');
  });
});
