/** Hostile arguments to the library's entry points are typed errors, never a TypeError (issue 16). */
import { strict as assert } from 'node:assert';
import { certify, FairDivError, instance, solve } from '../../src/index';

function typed(f: () => unknown, code?: string): void {
  assert.throws(f, (e: unknown) => e instanceof FairDivError && (code === undefined || e.code === code));
}

describe('library entry points with hostile arguments (issue 16)', () => {
  it('instance(): lists given as numbers, strings or objects are bad-shape', () => {
    typed(() => instance({ agents: 5 as never, values: [[1]] }), 'bad-shape');
    typed(() => instance({ goods: 'ab' as never, values: [[1, 2]] }), 'bad-shape');
    typed(() => instance({ values: [[1]], orders: 5 as never }), 'bad-shape');
    typed(() => instance({ values: [[1]], divisible: 5 as never }), 'bad-shape');
    typed(() => instance({ agents: { length: 1 } as never, values: [[1]] }), 'bad-shape');
  });

  it('instance(): values that are null, { num: null } or unbounded strings are typed', () => {
    typed(() => instance({ values: [[null as never]] }), 'not-a-number');
    typed(() => instance({ values: [[{ num: null, den: 1 } as never]] }), 'not-a-number');
    typed(() => instance({ values: [['1e999999999']] }), 'exponent-too-large');
  });

  it('certify(): options of the wrong kinds are typed', () => {
    const o = solve('round-robin', [
      [1, 2],
      [2, 1],
    ]);
    typed(() => certify(o, { claims: 'ef1' as never }), 'bad-claims');
    typed(() => certify(o, { claims: [null as never] }), 'bad-claims');
    typed(() => certify(o, { claims: ['__proto__' as never] }), 'unknown-claim');
    typed(() => certify(o, { claims: [{ id: 'ef', params: [1] } as never] }), 'bad-claims');
    typed(() => certify(o, { timeLimitMs: 'soon' as never }), 'bad-time-limit');
    typed(() => certify(o, 5 as never), 'bad-certify-options');
    typed(() => certify(null as never), 'bad-argument');
  });

  it('solve(): limits of the wrong kinds are typed', () => {
    const values = [
      [1, 2],
      [2, 1],
    ];
    typed(() => solve('round-robin', values, {}, null as never), 'bad-argument');
    typed(() => solve('round-robin', values, {}, { timeLimitMs: -1 }), 'bad-time-limit');
    typed(() => solve('__proto__', values));
  });
});
