import { strict as assert } from 'node:assert';
import { Allocation, Lottery, rng } from '../../src/index';

describe('Lottery', () => {
  const a = new Allocation([[0], [1]], 2);
  const b = new Allocation([[1], [0]], 2);
  it('three equal outcomes have probabilities summing to exactly 1, merged', () => {
    const l = Lottery.uniform([a, a, a]);
    assert.equal(l.size, 1);
    assert.equal(l.entries[0].p.toString(), '1');
  });
  it('merges duplicates and computes exact marginals', () => {
    const l = new Lottery([
      { p: '1/3', allocation: a },
      { p: '1/3', allocation: b },
      { p: '1/3', allocation: a },
    ]);
    assert.equal(l.size, 2);
    assert.equal(l.entries[0].p.toString(), '2/3');
    assert.deepEqual(l.marginals().toJSON(), [
      ['2/3', '1/3'],
      ['1/3', '2/3'],
    ]);
  });
  it('samples with a seed, reproducibly and with the right frequencies', () => {
    const l = new Lottery([
      { p: '1/4', allocation: a },
      { p: '3/4', allocation: b },
    ]);
    const r = rng(7);
    let hits = 0;
    for (let k = 0; k < 4000; k++) if (l.sample(r).equals(b)) hits++;
    assert.ok(hits > 2850 && hits < 3150, `hits ${hits}`);
    assert.equal(l.sample(rng(1)).key(), l.sample(rng(1)).key());
  });
});
