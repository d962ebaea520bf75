import { strict as assert } from 'node:assert';
import { instanceFromCSV, parseCSV } from '../../src/core/csv';
import { InvalidInputError } from '../../src/core/errors';
import { ParseError } from '../../src/core/parse-error';

/** The ParseError the function throws (fails the test when it returns). */
function parseErrorOf(f: () => unknown): ParseError {
  try {
    f();
  } catch (e) {
    assert.ok(e instanceof ParseError, `expected a ParseError, got ${String(e)}`);
    return e;
  }
  assert.fail('expected a ParseError');
}

describe('instanceFromCSV', () => {
  it('reads agents as rows, goods as columns and exact values from the header table', () => {
    const inst = instanceFromCSV('agent,car,house,boat\nalice,3,7,5/2\nbob,4,4,0.1\n');
    assert.deepEqual(inst.agents, ['alice', 'bob']);
    assert.deepEqual(inst.goods, ['car', 'house', 'boat']);
    assert.deepEqual(
      inst.values.map((r) => r.map(String)),
      [
        ['3', '7', '5/2'],
        ['4', '4', '1/10'],
      ],
    );
  });

  it('takes quoted names with commas and quotes, CRLF line ends, a byte-order mark and blank lines', () => {
    const inst = instanceFromCSV('\ufeff"",x,"the ""big"" one"\r\n\r\n"Smith, J",1,2\r\nLee,3,4\r\n');
    assert.deepEqual(inst.agents, ['Smith, J', 'Lee']);
    assert.deepEqual(inst.goods, ['x', 'the "big" one']);
  });

  it('detects a semicolon or tab separator from the header row', () => {
    assert.deepEqual(instanceFromCSV('a;x;y\nal;1;2\n').goods, ['x', 'y']);
    assert.deepEqual(instanceFromCSV('a\tx\ty\nal\t1\t2\n').values[0].map(String), ['1', '2']);
  });

  it('names the line and column of a value that is not a number', () => {
    const e = parseErrorOf(() => instanceFromCSV('agent,car,house\nalice,3,7\nbob,4,lots\n', { source: 'inst.csv' }));
    assert.equal(e.code, 'not-a-number');
    assert.deepEqual([e.line, e.column], [3, 7]);
    assert.match(e.message, /^inst\.csv:3:7: value of good "house" for agent "bob": "lots" is not a number/);
    assert.ok(e instanceof InvalidInputError);
  });

  it('names the row with too few or too many values, a negative value, an empty cell and duplicate names', () => {
    let e = parseErrorOf(() => instanceFromCSV('agent,x,y\nal,1\n'));
    assert.equal(e.code, 'non-rectangular');
    assert.deepEqual([e.line, e.column], [2, 4]);
    e = parseErrorOf(() => instanceFromCSV('agent,x,y\nal,1,2,3\n'));
    assert.deepEqual([e.line, e.column], [2, 8]);
    e = parseErrorOf(() => instanceFromCSV('agent,x\nal,-1\n'));
    assert.equal(e.code, 'negative-value');
    e = parseErrorOf(() => instanceFromCSV('agent,x,y\nal,,2\n'));
    assert.match(e.message, /csv:2:4: value of good "x" for agent "al" is empty/);
    e = parseErrorOf(() => instanceFromCSV('agent,x,x\nal,1,2\n'));
    assert.equal(e.code, 'duplicate-name');
    assert.deepEqual([e.line, e.column], [1, 9]);
    e = parseErrorOf(() => instanceFromCSV('agent,x\nal,1\nal,2\n'));
    assert.match(e.message, /duplicate agent name "al" \(also at line 2, column 1\)/);
  });

  it('refuses an empty file, a header without goods, no agent rows and an unclosed quote', () => {
    assert.match(parseErrorOf(() => instanceFromCSV('')).message, /empty/);
    assert.match(parseErrorOf(() => instanceFromCSV('agent\nal\n')).message, /names no goods/);
    assert.equal(parseErrorOf(() => instanceFromCSV('agent,x\n')).code, 'no-agents');
    const e = parseErrorOf(() => instanceFromCSV('agent,x\n"al,1\n'));
    assert.deepEqual([e.line, e.column, e.reason], [2, 1, 'a quoted field is never closed']);
  });
});

describe('parseCSV', () => {
  it('gives every field with the line and column where it starts', () => {
    const rows = parseCSV('a,"b\nc",d\ne,f');
    assert.deepEqual(
      rows.map((r) => r.map((f) => [f.text, f.line, f.column])),
      [
        [
          ['a', 1, 1],
          ['b\nc', 1, 3],
          ['d', 2, 4],
        ],
        [
          ['e', 3, 1],
          ['f', 3, 3],
        ],
      ],
    );
  });
});
