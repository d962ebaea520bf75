/** BIC analysis of Ranking (seed-001 §3.9, T17b): interim win probabilities by formula and by enumeration. */
import { strict as assert } from 'node:assert';
import { certify, Rational, solve } from '../../src';
import { rankingWinProbabilities, rankingWinProbabilitiesExact } from '../../src/stochastic';
import { close } from '../helpers/approx';

describe('stochastic BIC analysis of Ranking', () => {
  it('the interim win probabilities of Ranking by formula equal the exact enumeration (T17b, C5)', () => {
    const frac = (n: number, m: number, i: number) =>
      rankingWinProbabilitiesExact(n, m, i).map(([a, b]) => new Rational(a, b).toString());
    assert.deepEqual(frac(2, 3, 0), ['1', '2/3', '1/3']);
    assert.deepEqual(frac(2, 3, 1), ['2/3', '1/3', '0']);
    assert.deepEqual(frac(3, 3, 0), ['1', '4/9', '1/9']);
    assert.deepEqual(frac(3, 3, 1), ['2/3', '2/9', '0']);
    assert.deepEqual(frac(3, 3, 2), ['4/9', '1/9', '0']);
    const size = (n: number, m: number, i: number) => rankingWinProbabilities(n, m, i).reduce((a, b) => a + b, 0);
    close(size(2, 10, 0), 5.5, 1e-12, 'E|A_1|');
    close(size(2, 10, 1), 4.5, 1e-12, 'E|A_2|');
    [3.85, 3.3, 2.85].forEach((s, i) => close(size(3, 10, i), s, 1e-12, `n=3 E|A_${i + 1}|`));
    // C5(c): the bic-ranking checker enumerates all rankings of the others through the Ranking kernel
    for (const v of [
      [
        [3, 2, 1],
        [1, 2, 3],
        [2, 3, 1],
      ],
      [
        [4, 1, 3, 2],
        [1, 1, 2, 5],
      ],
    ]) {
      const rep = certify(solve('ranking', v));
      const c = rep.claims.find((x) => x.id === 'bic-ranking')!;
      assert.equal(c.status, 'pass');
      assert.equal((c.detail as { enumeration: boolean }).enumeration, true);
    }
  });
});
