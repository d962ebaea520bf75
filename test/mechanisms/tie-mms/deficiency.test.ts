/** Deficiencies, demands and cyclic weights (Definitions 6.1-6.3, Lemma 6.5 of Babaioff, Feige & Manaker Morag). */
import { strict as assert } from 'node:assert';
import { Rational } from '../../../src/core/rational';
import { harmonic } from '../../../src/mechanisms/tie-mms/constants';
import { identityOrdering } from '../../../src/mechanisms/tie-mms/cyclic-picking';
import { cyclicWeight, deficiencySortedOrdering, weight } from '../../../src/mechanisms/tie-mms/deficiency';
import { allOrderings } from '../../../src/mechanisms/tie-mms/loglog';

describe('tie-mms deficiencies and cyclic weights', () => {
  const pi = identityOrdering(4);
  const table: [number[], string[], string][] = [
    [[4, 3, 2, 1], ['25/12', '1/4', '7/12', '13/12'], '25/12'],
    [[1, 2, 3, 4], ['7/12', '19/12', '3/4', '13/12'], '19/12'],
    [[0, 0, 1, 3], ['1/3', '1/3', '1/3', '1'], '1'],
    [[3, 0, 1, 0], ['0', '1/3', '1/3', '4/3'], '4/3'],
  ];
  for (const [d, ws, W] of table)
    it(`gives shift weights (${ws}) and W = ${W} for d = (${d}) (T9)`, () => {
      const cw = cyclicWeight(pi, d);
      assert.deepEqual(cw.weights.map(String), ws);
      assert.equal(cw.W.toString(), W);
      assert.ok(cw.weights.every((w) => w.le(harmonic(4))));
    });
  it('sorts d = (3,0,1,0) into agents (2,4,3,1), i.e. pos = (4,1,3,2) (Lemma 6.5, T9)', () => {
    const o = deficiencySortedOrdering([3, 0, 1, 0]);
    assert.deepEqual(o.order, [1, 3, 2, 0]);
    assert.deepEqual(
      o.pos.map((p) => p + 1),
      [4, 1, 3, 2],
    );
  });
  it('gives sorted orderings w <= 1 and W <= 2, and an average weight #{d_i >= 1}/n over all orderings (C8)', () => {
    for (const d of [
      [4, 3, 2, 1],
      [0, 0, 1, 3],
      [3, 0, 1, 0],
      [2, 2, 2, 2],
      [4, 4, 4, 1],
      [0, 0, 0, 0],
    ]) {
      const so = deficiencySortedOrdering(d);
      assert.ok(weight(so, d).le(1));
      assert.ok(cyclicWeight(so, d).W.le(2));
      const all = allOrderings(4);
      const avg = Rational.sum(all.map((p) => weight(p, d))).div(all.length);
      assert.equal(avg.toString(), new Rational(BigInt(d.filter((x) => x >= 1).length), 4n).toString());
    }
  });
});
