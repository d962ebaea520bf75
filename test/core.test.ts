import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { Allocation, Lottery, Rational, instance, rng, strictOrder } from '../src/index';

describe('Rational', () => {
  it('converts JS numbers exactly (0.1 is the dyadic double, not 1/10)', () => {
    const r = Rational.from(0.1);
    assert.equal(r.toString(), '3602879701896397/36028797018963968');
    assert.equal(r.toNumber(), 0.1);
    assert.ok(!r.eq('1/10'));
  });
  it('parses "5/2", "0.1", "-3", "1e-3" exactly', () => {
    assert.equal(Rational.from('5/2').toString(), '5/2');
    assert.equal(Rational.from('0.1').toString(), '1/10');
    assert.equal(Rational.from('-3').toString(), '-3');
    assert.equal(Rational.from('1e-3').toString(), '1/1000');
    assert.equal(Rational.from({ num: 6, den: -4 }).toString(), '-3/2');
  });
  it('does arithmetic and comparisons exactly', () => {
    const a = Rational.from('1/3');
    const b = Rational.from('1/6');
    assert.equal(a.add(b).toString(), '1/2');
    assert.equal(a.sub(b).toString(), '1/6');
    assert.equal(a.mul(b).toString(), '1/18');
    assert.equal(a.div(b).toString(), '2');
    assert.ok(a.gt(b) && b.lt(a) && a.ge(a) && a.le(a));
    assert.equal(Rational.from('-7/2').floor(), -4n);
    assert.equal(Rational.from('-7/2').ceil(), -3n);
    assert.equal(Rational.from('5/2').toLatex(), '\\frac{5}{2}');
    assert.equal(Rational.from('-5/2').toLatex(), '-\\frac{5}{2}');
  });
  it('round-trips every double exactly (property)', () => {
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
      const r = Rational.from(x);
      assert.equal(r.toNumber(), Object.is(x, -0) ? 0 : x);
    }), { numRuns: 2000 });
  });
  it('is a field on random rationals (property)', () => {
    const arb = fc.tuple(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.bigInt({ min: 1n, max: 10n ** 12n })).map(([n, d]) => new Rational(n, d));
    fc.assert(fc.property(arb, arb, arb, (a, b, c) => {
      assert.ok(a.add(b).mul(c).eq(a.mul(c).add(b.mul(c))));
      assert.ok(a.sub(b).add(b).eq(a));
      if (!b.isZero()) assert.ok(a.div(b).mul(b).eq(a));
      assert.equal(a.cmp(b), -b.cmp(a));
    }), { numRuns: 500 });
  });
});

describe('RNG', () => {
  it('gives the documented xoshiro128** stream for seed 42 (platform independent)', () => {
    const r = rng(42);
    const xs = Array.from({ length: 5 }, () => r.nextU32());
    const again = rng(42);
    assert.deepEqual(Array.from({ length: 5 }, () => again.nextU32()), xs);
    assert.deepEqual(xs, GOLDEN_42);
  });
  it('int is within range and unbiased enough', () => {
    const r = rng('seed');
    const counts = [0, 0, 0];
    for (let k = 0; k < 30000; k++) counts[r.int(0, 2)]++;
    for (const c of counts) assert.ok(c > 9500 && c < 10500, `count ${c}`);
  });
});

/** Output of the reference C implementation of xoshiro128** seeded by SplitMix32(42). */
const GOLDEN_42 = [2837322924, 544945897, 479756282, 3500138142, 339756180];

describe('Instance', () => {
  it('builds from an object of objects with names', () => {
    const inst = instance({ alice: { car: 3, house: 7, boat: '5/2' }, bob: { car: 4, house: 4, boat: 1 } });
    assert.deepEqual(inst.agents, ['alice', 'bob']);
    assert.deepEqual(inst.goods, ['car', 'house', 'boat']);
    assert.equal(inst.values[0][2].toString(), '5/2');
    assert.equal(inst.value(0, [0, 2]).toString(), '11/2');
    assert.equal(inst.total(1).toString(), '9');
  });
  it('builds from a matrix and from the instance JSON', () => {
    const a = instance([[1, 2], [3, 4]]);
    assert.deepEqual(a.agents, ['0', '1']);
    const b = instance({ agents: ['x', 'y'], goods: ['g', 'h'], values: [[1, '0.1'], [3, 4]], orders: [[1, 0], [0, 1]] });
    assert.equal(b.values[0][1].toString(), '1/10');
    assert.deepEqual(b.order(0), [1, 0]);
  });
  it('derives strict orders with the (-v, index) tie-break', () => {
    assert.deepEqual(strictOrder([3, 5, 5, 1].map((x) => Rational.from(x))), [1, 2, 0, 3]);
  });
  it('accepts m = 0 and n = 1', () => {
    assert.equal(instance([[]]).m, 0);
    assert.equal(instance([[1, 2, 3]]).n, 1);
  });
  it('round-trips through JSON', () => {
    const inst = instance({ agents: ['a', 'b'], goods: ['x', 'y'], values: [[1, '5/2'], [3, 0]] });
    const back = instance(JSON.parse(JSON.stringify(inst)));
    assert.deepEqual(back.values.map((r) => r.map(String)), [['1', '5/2'], ['3', '0']]);
  });
});

describe('Lottery', () => {
  const a = new Allocation([[0], [1]], 2);
  const b = new Allocation([[1], [0]], 2);
  it('three equal outcomes have probabilities summing to exactly 1, merged', () => {
    const l = Lottery.uniform([a, a, a]);
    assert.equal(l.size, 1);
    assert.equal(l.entries[0].p.toString(), '1');
  });
  it('merges duplicates and computes exact marginals', () => {
    const l = new Lottery([{ p: '1/3', allocation: a }, { p: '1/3', allocation: b }, { p: '1/3', allocation: a }]);
    assert.equal(l.size, 2);
    assert.equal(l.entries[0].p.toString(), '2/3');
    assert.deepEqual(l.marginals().toJSON(), [['2/3', '1/3'], ['1/3', '2/3']]);
  });
  it('samples with a seed, reproducibly and with the right frequencies', () => {
    const l = new Lottery([{ p: '1/4', allocation: a }, { p: '3/4', allocation: b }]);
    const r = rng(7);
    let hits = 0;
    for (let k = 0; k < 4000; k++) if (l.sample(r).equals(b)) hits++;
    assert.ok(hits > 2850 && hits < 3150, `hits ${hits}`);
    assert.equal(l.sample(rng(1)).key(), l.sample(rng(1)).key());
  });
});
