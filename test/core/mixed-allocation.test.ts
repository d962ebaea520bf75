import { strict as assert } from 'node:assert';
import { Allocation } from '../../src/core/allocation';
import { InvalidInputError } from '../../src/core/errors';
import { instance } from '../../src/core/instance';
import { MixedAllocation, MixedLottery, MixedMarginals } from '../../src/core/mixed-allocation';
import { Outcome } from '../../src/core/outcome';

/** Two agents, goods 0 and 1 indivisible, goods 2 (cake) and 3 (juice) divisible. */
const INST = instance({
  goods: ['g0', 'g1', 'cake', 'juice'],
  values: [
    [2, 1, 6, 0],
    [0, 3, 4, 2],
  ],
  divisible: [2, 3],
});

function errorCode(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    assert.ok(e instanceof InvalidInputError);
    return e.code;
  }
  assert.fail('expected an error');
}

describe('mixed allocations', () => {
  it('values a bundle with its fractions exactly (u_i(A_j) = u_i(M_j) + x_j u_i(D))', () => {
    const a = MixedAllocation.withCake([[0], [1]], ['1/3', '2/3'], INST);
    assert.equal(a.value(INST, 0, 0).toString(), '4');
    assert.equal(a.value(INST, 0, 1).toString(), '5');
    assert.equal(a.value(INST, 1, 1).toString(), '7');
    assert.equal(a.share(1, 2).toString(), '2/3');
    assert.equal(a.share(0, 0).toString(), '1');
    assert.equal(a.hasDivisiblePart(0), true);
    assert.equal(String(a), '{0, 1/3 of 2, 1/3 of 3} | {1, 2/3 of 2, 2/3 of 3}');
  });
  it('writes the n x m fractional allocation with 0/1 indivisible columns', () => {
    const a = MixedAllocation.withCake([[0], [1]], ['1/3', '2/3'], INST);
    assert.deepEqual(a.toFractional().toJSON(), [
      ['1', '0', '1/3', '1/3'],
      ['0', '1', '2/3', '2/3'],
    ]);
  });
  it('round-trips through its JSON', () => {
    const a = new MixedAllocation(
      [[0, 1], []],
      [
        ['1/2', 1],
        ['1/2', 0],
      ],
      INST,
    );
    const json = JSON.parse(JSON.stringify(a));
    assert.deepEqual(json, {
      bundles: [[0, 1], []],
      divisible: [2, 3],
      fractions: [
        ['1/2', '1'],
        ['1/2', '0'],
      ],
    });
    assert.ok(MixedAllocation.fromJSON(json, INST).equals(a));
  });
  it('reads an integral allocation of a mixed instance as fractions 0 and 1', () => {
    const a = MixedAllocation.fromAllocation(
      new Allocation(
        [
          [0, 2],
          [1, 3],
        ],
        4,
      ),
      INST.divisible,
    );
    assert.deepEqual(a.toJSON().fractions, [
      ['1', '0'],
      ['0', '1'],
    ]);
    assert.deepEqual(a.bundles, [[0], [1]]);
  });
  it('rejects every malformed allocation with a typed error', () => {
    assert.equal(
      errorCode(() => MixedAllocation.withCake([[0, 2], [1]], [1, 0], INST)),
      'divisible-in-bundle',
    );
    assert.equal(
      errorCode(() => MixedAllocation.withCake([[0], [0, 1]], [1, 0], INST)),
      'bundle-overlap',
    );
    assert.equal(
      errorCode(() => MixedAllocation.withCake([[0], []], [1, 0], INST)),
      'bundle-coverage',
    );
    assert.equal(
      errorCode(() => MixedAllocation.withCake([[0], [1]], ['1/2', '1/3'], INST)),
      'fraction-column-sum',
    );
    assert.equal(
      errorCode(() => MixedAllocation.withCake([[0], [1]], ['3/2', '-1/2'], INST)),
      'fraction-range',
    );
    assert.equal(
      errorCode(() => new MixedAllocation([[0], [1]], [['1'], ['0']], INST)),
      'non-rectangular',
    );
    assert.equal(
      errorCode(
        () =>
          new MixedAllocation(
            [[0], [9]],
            [
              [1, 1],
              [0, 0],
            ],
            INST,
          ),
      ),
      'unknown-good',
    );
    assert.equal(
      errorCode(() =>
        MixedAllocation.fromJSON({ bundles: [[0], [1]], divisible: [3], fractions: [['1'], ['0']] }, INST),
      ),
      'bad-shape',
    );
  });
});

describe('mixed lotteries', () => {
  const x = MixedAllocation.withCake([[0], [1]], ['1/3', '2/3'], INST);
  const y = MixedAllocation.withCake([[1], [0]], [1, 0], INST);
  it('merges equal allocations and keeps exact probabilities', () => {
    const l = new MixedLottery([
      { p: '1/4', allocation: x },
      { p: '1/4', allocation: y },
      { p: '1/2', allocation: MixedAllocation.fromJSON(x.toJSON(), INST) },
    ]);
    assert.equal(l.size, 2);
    assert.deepEqual(
      l.entries.map((e) => e.p.toString()),
      ['3/4', '1/4'],
    );
  });
  it('implements its marginals: E[share] per agent and good', () => {
    const l = MixedLottery.uniform([x, y]);
    assert.deepEqual(l.marginals().toJSON(), [
      ['1/2', '1/2', '2/3', '2/3'],
      ['1/2', '1/2', '1/3', '1/3'],
    ]);
    assert.ok(l.marginals() instanceof MixedMarginals);
  });
  it('rejects probabilities that do not sum to exactly 1', () => {
    assert.equal(
      errorCode(
        () =>
          new MixedLottery([
            { p: '1/3', allocation: x },
            { p: '1/3', allocation: y },
          ]),
      ),
      'probabilities-sum',
    );
    assert.equal(
      errorCode(() => new MixedLottery([])),
      'empty-lottery',
    );
  });
  it('round-trips through JSON', () => {
    const l = MixedLottery.uniform([x, y]);
    const back = MixedLottery.fromJSON(JSON.parse(JSON.stringify(l)), INST);
    assert.deepEqual(back.toJSON(), l.toJSON());
  });
});

describe('mixed outcomes', () => {
  const l = MixedLottery.uniform([
    MixedAllocation.withCake([[0], [1]], ['1/3', '2/3'], INST),
    MixedAllocation.withCake([[1], [0]], [1, 0], INST),
  ]);
  it('keep the mixed lottery, as kind fractional with its marginals', () => {
    const o = new Outcome({ mechanism: 'test', instance: INST, mixed: l, claims: [] });
    assert.equal(o.kind, 'fractional');
    assert.equal(o.mixed, l);
    assert.deepEqual(o.expectedValues().map(String), ['11/2', '7/2']);
    const json = o.toJSON();
    assert.deepEqual(json.mixed, l.toJSON());
    assert.deepEqual(json.fractional, l.marginals().toJSON());
  });
  it('reject a mixed lottery over another instance', () => {
    const other = instance({
      values: [
        [1, 2, 3],
        [1, 2, 3],
      ],
      divisible: [2],
    });
    assert.equal(
      errorCode(() => new Outcome({ mechanism: 'test', instance: other, mixed: l, claims: [] })),
      'bad-outcome',
    );
  });
  it('leave outcomes without divisible goods unchanged (no mixed key)', () => {
    const inst = instance([
      [1, 2],
      [2, 1],
    ]);
    const o = new Outcome({ mechanism: 'test', instance: inst, allocation: new Allocation([[1], [0]], 2), claims: [] });
    assert.equal(o.mixed, undefined);
    assert.equal('mixed' in o.toJSON(), false);
  });
});
