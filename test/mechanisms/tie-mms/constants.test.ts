/** The constants of Babaioff, Feige & Manaker Morag as exact rationals (spec T11). */
import { strict as assert } from 'node:assert';
import { goodThreshold, harmonic, loglogAlpha, loglogEps, ordinalRho } from '../../../src/mechanisms/tie-mms/constants';

describe('tie-mms constants', () => {
  it('gives rho(n) = 1/(H_{n-1}+2) exactly and H_0 = 0 (T11)', () => {
    const want: [number, string][] = [
      [2, '1/3'],
      [3, '2/7'],
      [4, '6/23'],
      [5, '12/49'],
      [6, '60/257'],
      [10, '2520/12169'],
    ];
    for (const [n, r] of want) assert.equal(ordinalRho(n).toString(), r);
    assert.equal(harmonic(0).toString(), '0');
  });
  it("rounds Theorem 2's alpha down, exactly where log log n is an integer, with its threshold and eps (T11)", () => {
    assert.deepEqual(
      [2, 4, 16].map((n) => loglogAlpha(n).alpha.toString()),
      ['2/49', '4/107', '16/463'],
    );
    assert.ok(loglogAlpha(4).exact && !loglogAlpha(10).exact);
    assert.deepEqual(
      [2, 4, 16].map((n) => goodThreshold(loglogAlpha(n).alpha, n).toString()),
      ['23', '25', '27'],
    );
    // rounded alphas are below the paper's value and close to it
    const approx: [number, number][] = [
      [10, 0.035256],
      [100, 0.032836],
      [1000, 0.031613],
      [1e6, 0.029732],
    ];
    for (const [n, a] of approx) {
      const al = loglogAlpha(n).alpha;
      assert.ok(Math.abs(al.toNumber() - a) < 1e-6, `alpha(${n}) = ${al.toNumber()}`);
      assert.ok(al.toNumber() <= 1 / (25 + 2 * Math.log2(Math.log2(n)) - 1 / n));
      assert.ok(goodThreshold(al, n).toNumber() >= 23 + 2 * Math.log2(Math.log2(n)));
    }
    assert.deepEqual(
      [2, 4, 16].map((n) => loglogEps(n).eps.toString()),
      ['1/2', '1/16', '1/65536'],
    );
    const e3 = loglogEps(3);
    assert.ok(
      !e3.exact && e3.eps.toNumber() >= 3 ** -Math.log2(3) && e3.eps.toNumber() < 3 ** -Math.log2(3) * (1 + 1e-9),
    );
  });
});
