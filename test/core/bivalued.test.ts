import { strict as assert } from 'node:assert';
import { InvalidInputError } from '../../src/core/errors';
import { Instance, instance } from '../../src/core/instance';

function code(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    assert.ok(e instanceof InvalidInputError, `expected an InvalidInputError, got ${e}`);
    return `${e.code}: ${e.message}`;
  }
  assert.fail('expected an error');
}

describe('bi-valued declaration and divisible goods in the instance JSON', () => {
  it('reads a common pair and writes it back unchanged', () => {
    const json = {
      agents: ['0', '1'],
      goods: ['0', '1', '2'],
      values: [
        [1, 3, 1],
        [3, 3, 1],
      ],
      bivalued: [1, 3] as [number, number],
    };
    const inst = instance(json);
    assert.equal(inst.bivalued?.common, true);
    assert.deepEqual(
      inst.bivalued?.pairs.map((p) => [String(p.a), String(p.b)]),
      [
        ['1', '3'],
        ['1', '3'],
      ],
    );
    assert.deepEqual(inst.toJSON(), json);
  });
  it('reads one pair per agent and exact rational strings', () => {
    const inst = instance({
      values: [
        [0, '3/2'],
        [4, 7],
      ],
      bivalued: [
        [0, '3/2'],
        [4, 7],
      ],
    });
    assert.equal(inst.bivalued?.common, false);
    assert.deepEqual(inst.toJSON().bivalued, [
      [0, '3/2'],
      [4, 7],
    ]);
  });
  it('names the first value outside the declared pair (a typed not-bivalued error)', () => {
    assert.equal(
      code(() =>
        instance({
          values: [
            [1, 3],
            [3, 2],
          ],
          bivalued: [1, 3],
        }),
      ),
      'not-bivalued: values[1][1]: 2 is neither a = 1 nor b = 3 (declared bivalued [1, 3])',
    );
    assert.match(
      code(() =>
        instance({
          values: [
            [1, 3],
            [4, 2],
          ],
          bivalued: [
            [1, 3],
            [2, 5],
          ],
        }),
      ),
      /^not-bivalued: values\[1\]\[0\]: 4 .*bivalued\[1\] = \[2, 5\]/,
    );
  });
  it('leaves divisible goods unrestricted by the declaration (Remark after Theorem 4.1)', () => {
    const inst = instance({
      values: [
        [1, 3, 17],
        [3, 1, '5/7'],
      ],
      divisible: [2],
      bivalued: [1, 3],
    });
    assert.deepEqual(inst.divisible, [2]);
    assert.deepEqual(instance(JSON.parse(JSON.stringify(inst))).toJSON(), inst.toJSON());
  });
  it('rejects malformed declarations with bad-bivalued', () => {
    assert.match(
      code(() => instance({ values: [[1]], bivalued: [3, 1] as [number, number] })),
      /^bad-bivalued: bivalued: expected 0 <= a < b/,
    );
    assert.match(
      code(() => instance({ values: [[1]], bivalued: [-1, 1] as [number, number] })),
      /^bad-bivalued/,
    );
    assert.match(
      code(() => instance({ values: [[1], [1]], bivalued: [[0, 1]] as [number, number][] })),
      /^bad-bivalued: bivalued: 1 pairs for 2 agents/,
    );
    assert.match(
      code(() => new Instance([[1]], { bivalued: 7 as unknown as [number, number] })),
      /^bad-bivalued/,
    );
    assert.match(
      code(() => instance({ values: [[1]], bivalued: [1, 'x'] as [number, string] })),
      /bivalued\[1\]/,
    );
  });
  it('keeps instances without the new keys exactly as before', () => {
    const json = {
      agents: ['a', 'b'],
      goods: ['x', 'y'],
      values: [
        [1, '5/2'],
        [3, 0],
      ],
    };
    const inst = instance(json);
    assert.equal(inst.bivalued, undefined);
    assert.deepEqual(inst.toJSON(), json);
    assert.equal('bivalued' in inst.toJSON(), false);
  });
  it('keeps the declaration through a misreport inside it and drops it outside', () => {
    const inst = instance({
      values: [
        [1, 3],
        [3, 1],
      ],
      bivalued: [1, 3],
    });
    assert.equal(inst.withReport(0, [3, 3]).bivalued?.common, true);
    assert.equal(inst.withReport(0, [2, 3]).bivalued, undefined);
  });
  it('rejects a divisible index outside the goods (unknown-good)', () => {
    assert.match(
      code(() => instance({ values: [[1, 2]], divisible: [2] })),
      /^unknown-good: divisible\[0\]/,
    );
  });
});
