import { strict as assert } from 'node:assert';
import { ParseError } from '../../src/core/parse-error';
import { instanceFromPrefLib, parsePrefLib } from '../../src/core/preflib';

function parseErrorOf(f: () => unknown): ParseError {
  try {
    f();
  } catch (e) {
    assert.ok(e instanceof ParseError, `expected a ParseError, got ${String(e)}`);
    return e;
  }
  assert.fail('expected a ParseError');
}

const SOC = `# FILE NAME: 00000-00000001.soc
# DATA TYPE: soc
# NUMBER ALTERNATIVES: 3
# NUMBER VOTERS: 3
# NUMBER UNIQUE ORDERS: 2
# ALTERNATIVE NAME 1: car
# ALTERNATIVE NAME 2: house
# ALTERNATIVE NAME 3: boat
2: 1,2,3
1: 3,1,2
`;

describe('instanceFromPrefLib', () => {
  it('gives one agent per voter, goods named as in the file, the orders and Borda values (soc)', () => {
    const inst = instanceFromPrefLib(SOC);
    assert.equal(inst.n, 3);
    assert.deepEqual(inst.goods, ['car', 'house', 'boat']);
    assert.deepEqual(inst.orders, [
      [0, 1, 2],
      [0, 1, 2],
      [2, 0, 1],
    ]);
    assert.deepEqual(
      inst.values.map((r) => r.map(Number)),
      [
        [3, 2, 1],
        [3, 2, 1],
        [2, 1, 3],
      ],
    );
    for (let i = 0; i < inst.n; i++) assert.deepEqual(inst.order(i), [...inst.orders![i]]);
  });

  it('gives tied alternatives one value and breaks the tie by alternative number in the order (toc)', () => {
    const inst = instanceFromPrefLib('# NUMBER ALTERNATIVES: 4\n1: 3,{4,1},2\n', { source: 'x.toc' });
    assert.deepEqual(inst.goods, ['1', '2', '3', '4']);
    assert.deepEqual(inst.orders, [[2, 0, 3, 1]]);
    assert.deepEqual(inst.values[0].map(Number), [2, 1, 4, 2]);
  });

  it('puts unranked alternatives last, in number order, worth 0 (soi)', () => {
    const inst = instanceFromPrefLib('# DATA TYPE: soi\n# NUMBER ALTERNATIVES: 4\n1: 3,1\n');
    assert.deepEqual(inst.orders, [[2, 0, 1, 3]]);
    assert.deepEqual(inst.values[0].map(Number), [1, 0, 2, 0]);
  });

  it('names the line and column of a bad alternative, a repeat, a missing one and a tie in a strict file', () => {
    let e = parseErrorOf(() =>
      instanceFromPrefLib('# NUMBER ALTERNATIVES: 3\n1: 1,2,3\n1: 1,4,2\n', { source: 'a.soc' }),
    );
    assert.equal(e.message, 'a.soc:3:6: alternative 4 is not in 1..3');
    e = parseErrorOf(() => instanceFromPrefLib('# NUMBER ALTERNATIVES: 3\n1: 1,2,1\n', { source: 'a.soc' }));
    assert.deepEqual([e.line, e.column], [2, 8]);
    assert.match(e.reason, /appears twice in this order \(also at column 4\)/);
    e = parseErrorOf(() => instanceFromPrefLib('# NUMBER ALTERNATIVES: 3\n1: 1,2\n', { source: 'a.soc' }));
    assert.match(e.reason, /must rank all 3 alternatives; missing 3/);
    e = parseErrorOf(() => instanceFromPrefLib('# NUMBER ALTERNATIVES: 3\n1: 1,{2,3}\n', { source: 'a.soi' }));
    assert.deepEqual([e.line, e.column], [2, 6]);
    assert.match(e.reason, /ties belong in \.toc files/);
  });

  it('checks the metadata: type, number of alternatives, number of voters', () => {
    assert.match(
      parseErrorOf(() => instanceFromPrefLib('# NUMBER ALTERNATIVES: 2\n1: 1,2\n')).reason,
      /unknown data type/,
    );
    assert.match(
      parseErrorOf(() => instanceFromPrefLib('1: 1,2\n', { type: 'soc' })).reason,
      /missing "# NUMBER ALTERNATIVES/,
    );
    assert.match(
      parseErrorOf(() => instanceFromPrefLib('2\n1,a\n2,b\n', { type: 'soc' })).reason,
      /format before 2022/,
    );
    const e = parseErrorOf(() =>
      instanceFromPrefLib('# DATA TYPE: soc\n# NUMBER ALTERNATIVES: 2\n# NUMBER VOTERS: 5\n2: 1,2\n'),
    );
    assert.deepEqual([e.line, e.reason], [3, 'NUMBER VOTERS says 5, the multiplicities add up to 2']);
    assert.match(
      parseErrorOf(() => instanceFromPrefLib('# DATA TYPE: soc\n# NUMBER ALTERNATIVES: 2\n0: 1,2\n')).reason,
      /multiplicity/,
    );
    assert.match(
      parseErrorOf(() => instanceFromPrefLib('# DATA TYPE: wmd\n# NUMBER ALTERNATIVES: 2\n')).reason,
      /not an ordinal type/,
    );
  });
});

describe('parsePrefLib', () => {
  it('keeps the tie classes of every voter as read', () => {
    const p = parsePrefLib('# DATA TYPE: toc\n# NUMBER ALTERNATIVES: 3\n2: {1,2},3\n');
    assert.equal(p.type, 'toc');
    assert.deepEqual(p.orders, [
      [[0, 1], [2]],
      [[0, 1], [2]],
    ]);
  });
});
