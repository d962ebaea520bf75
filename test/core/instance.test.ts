import { strict as assert } from 'node:assert';
import { Rational, instance, strictOrder } from '../../src/index';

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
    const a = instance([
      [1, 2],
      [3, 4],
    ]);
    assert.deepEqual(a.agents, ['0', '1']);
    const b = instance({
      agents: ['x', 'y'],
      goods: ['g', 'h'],
      values: [
        [1, '0.1'],
        [3, 4],
      ],
      orders: [
        [1, 0],
        [0, 1],
      ],
    });
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
    const inst = instance({
      agents: ['a', 'b'],
      goods: ['x', 'y'],
      values: [
        [1, '5/2'],
        [3, 0],
      ],
    });
    const back = instance(JSON.parse(JSON.stringify(inst)));
    assert.deepEqual(
      back.values.map((r) => r.map(String)),
      [
        ['1', '5/2'],
        ['3', '0'],
      ],
    );
  });
});

describe('Instance errors that name what the user got wrong', () => {
  it('names a misspelt top-level key of the instance JSON ("vals") and a missing "values"', () => {
    assert.throws(
      () =>
        instance({
          agents: ['a', 'b'],
          goods: ['x', 'y'],
          vals: [
            [1, 2],
            [3, 4],
          ],
        } as never),
      {
        code: 'unknown-key',
        message: 'instance: unknown key "vals"; known: agents, goods, values, orders, divisible, bivalued, $schema',
      },
    );
    assert.throws(() => instance({ agents: ['a'] } as never), {
      message: 'instance: missing "values" (a matrix, one row per agent)',
    });
    assert.equal(instance({ $schema: 'https://example.org/instance.schema.json', values: [[1]] } as never).n, 1);
  });
  it('blames the goods list, not values[0], when every row has another length than the goods', () => {
    assert.throws(
      () =>
        instance({
          goods: ['x', 'y', 'z'],
          values: [
            [1, 2],
            [3, 4],
          ],
        }),
      { message: 'goods: 3 names for 2 columns of values' },
    );
    assert.throws(() => instance({ goods: ['x', 'y'], values: [[1, 2], [3]] }), {
      message: 'values[1]: has 1 entries, expected 2 (one per good)',
    });
  });
});
