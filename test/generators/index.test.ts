import { strict as assert } from 'node:assert';
import { Rational, generators, rng } from '../../src/index';

describe('generators (seeded)', () => {
  it('are reproducible: the same seed gives the same instance', () => {
    const a = generators.uniformInstance({ n: 3, m: 8, seed: 12 });
    const b = generators.uniformInstance({ n: 3, m: 8, seed: 12 });
    assert.deepEqual(a.toJSON(), b.toJSON());
    assert.notDeepEqual(a.toJSON(), generators.uniformInstance({ n: 3, m: 8, seed: 13 }).toJSON());
  });
  it('uniform values lie in lo..hi', () => {
    const inst = generators.uniformInstance({ n: 4, m: 30, seed: 1, lo: 5, hi: 9 });
    assert.ok(inst.values.flat().every((x) => x.ge(5) && x.le(9) && x.isInteger()));
  });
  it('Spliddit-like rows sum to exactly the budget', () => {
    const inst = generators.splidditInstance({ n: 5, m: 12, seed: 2 });
    for (let i = 0; i < 5; i++) assert.equal(inst.total(i).toString(), '1000');
  });
  it('bi-valued and binary instances use exactly their two values', () => {
    const bi = generators.biValuedInstance({ n: 3, m: 20, seed: 3, a: 1, b: '5/2' });
    assert.deepEqual([...new Set(bi.values.flat().map(String))].sort(), ['1', '5/2']);
    const bin = generators.binaryInstance({ n: 3, m: 20, seed: 3 });
    assert.deepEqual([...new Set(bin.values.flat().map(String))].sort(), ['0', '1']);
  });
  it('identical valuations share one row', () => {
    const inst = generators.identicalInstance({ n: 4, m: 6, seed: 4 });
    assert.ok(inst.values.every((r) => r.every((x, g) => x.eq(inst.values[0][g]))));
  });
  it('ordinal instances carry orders consistent with their Borda values; Mallows phi = 0 is the center', () => {
    const inst = generators.ordinalInstance({ n: 3, m: 6, seed: 5 });
    for (let i = 0; i < 3; i++) {
      const o = inst.order(i);
      for (let k = 1; k < 6; k++) assert.ok(inst.values[i][o[k - 1]].gt(inst.values[i][o[k]]));
    }
    assert.deepEqual(generators.mallowsOrder([3, 1, 2, 0], 0, rng(1)), [3, 1, 2, 0]);
    const m = generators.ordinalInstance({ n: 2, m: 5, seed: 1, phi: 0 });
    assert.deepEqual(m.order(0), [0, 1, 2, 3, 4]);
    assert.ok(Rational.from(m.values[0][0]).eq(5));
  });
});
