/** Portion matrices (Definition 4.1 of Babaioff, Feige & Manaker Morag). */
import { strict as assert } from 'node:assert';
import { Rational } from '../../../src/core/rational';
import { identityOrdering, orderingFromOrder } from '../../../src/mechanisms/tie-mms/cyclic-picking';
import { harmonicPortions } from '../../../src/mechanisms/tie-mms/portion-matrix';
import { s } from '../../helpers/tie-mms';

describe('tie-mms portion matrices', () => {
  it('gives the harmonic portions 2/11, 3/11, 6/11 for n = 3, doubly stochastic for every n (T11)', () => {
    const beta = harmonicPortions(identityOrdering(3));
    assert.deepEqual(s(beta), [
      ['2/11', '6/11', '3/11'],
      ['3/11', '2/11', '6/11'],
      ['6/11', '3/11', '2/11'],
    ]);
    for (const n of [2, 5, 7]) {
      const b = harmonicPortions(orderingFromOrder([...Array(n).keys()].reverse(), n));
      for (let i = 0; i < n; i++) assert.ok(Rational.sum(b[i]).eq(1) && Rational.sum(b.map((r) => r[i])).eq(1));
    }
  });
});
