import { strict as assert } from 'node:assert';
import {
  Allocation,
  DomainError,
  FractionalAllocation,
  InvalidInputError,
  Lottery,
  instance,
  solve,
} from '../../src/index';

function throwsCode(f: () => unknown, code: string, text: RegExp, type: Function = InvalidInputError) {
  assert.throws(f, (e: unknown) => {
    assert.ok(
      e instanceof type,
      `expected ${type.name}, got ${(e as Error)?.constructor?.name}: ${(e as Error)?.message}`,
    );
    assert.equal((e as InvalidInputError).code, code);
    assert.match((e as Error).message, text);
    return true;
  });
}

describe('validation errors name the problem and its position', () => {
  it('non-rectangular matrix', () =>
    throwsCode(() => instance([[1, 2], [3]]), 'non-rectangular', /values\[1\]: has 1 entries, expected 2/));
  it('NaN', () => throwsCode(() => instance([[1, NaN]]), 'not-finite', /values\[0\]\[1\]: NaN is not finite/));
  it('Infinity', () => throwsCode(() => instance([[Infinity]]), 'not-finite', /values\[0\]\[0\]: Infinity/));
  it('negative value', () =>
    throwsCode(
      () =>
        instance([
          [1, 2],
          [3, -4],
        ]),
      'negative-value',
      /values\[1\]\[1\]: -4 is negative/,
    ));
  it('not a number string', () => throwsCode(() => instance([['abc']]), 'not-a-number', /values\[0\]\[0\]: "abc"/));
  it('unknown agent', () =>
    throwsCode(() => instance({ a: { x: 1 } }).agentIndex('zed'), 'unknown-agent', /unknown agent "zed"/));
  it('unknown good (missing in an object row)', () =>
    throwsCode(() => instance({ a: { x: 1, y: 2 }, b: { x: 1 } }), 'unknown-good', /b: no value for good "y"/));
  it('duplicate names', () =>
    throwsCode(
      () => instance({ agents: ['a', 'a'], values: [[1], [2]] }),
      'duplicate-name',
      /agents\[1\]: duplicate name "a"/,
    ));
  it('probabilities not summing to 1', () => {
    const a = new Allocation([[0]], 1);
    throwsCode(
      () =>
        new Lottery([
          { p: '1/3', allocation: a },
          { p: '1/3', allocation: a },
        ]),
      'probabilities-sum',
      /sum to 2\/3, expected exactly 1/,
    );
  });
  it('fractional columns not summing to 1', () =>
    throwsCode(
      () =>
        new FractionalAllocation([
          ['1/2', 1],
          ['1/3', 0],
        ]),
      'fraction-column-sum',
      /column of good 0 sums to 5\/6/,
    ));
  it('bundles overlapping', () =>
    throwsCode(() => new Allocation([[0, 1], [1]], 2), 'bundle-overlap', /good 1 is in the bundles of agents 0 and 1/));
  it('bundles not covering', () =>
    throwsCode(() => new Allocation([[0], []], 2), 'bundle-coverage', /good 1 is not allocated/));
  it('instance outside a mechanism domain (n != 2)', () =>
    throwsCode(
      () => solve('cut-and-choose', [[1], [2], [3]]),
      'n-not-2',
      /cut-and-choose: needs exactly 2 agents, got n = 3/,
      DomainError,
    ));
  it('unknown mechanism', () =>
    throwsCode(() => solve('no-such', [[1]]), 'unknown-mechanism', /unknown mechanism "no-such"/));
  it('bad strict order', () =>
    throwsCode(
      () => instance({ values: [[1, 2]], orders: [[0, 0]] }),
      'bad-order',
      /orders\[0\]\[1\]: good 0 appears twice/,
    ));
});
