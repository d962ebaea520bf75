/** Appendix B of paper 001 (seed-001 T21): the first picker and its shares under a Gaussian copula. */
import { strict as assert } from 'node:assert';
import { certify, solve } from '../../src';
import { T17 } from '../../src/mechanisms/stochastic/worked';
import { correlatedPickChoice, correlatedShares, gaussianCopula, uniform } from '../../src/stochastic';
import { close } from '../helpers/approx';

describe('stochastic correlated values (Appendix B)', () => {
  it('the agent with the larger half-value quantile picks first, and its shares under a Gaussian copula match the table (T21)', function () {
    this.timeout(30000);
    const Uu = uniform(0, 1);
    const choice = correlatedPickChoice([Uu, Uu], 0.02);
    close(choice.r, 1 - 1 / Math.SQRT2 + 0.02, 1e-12, 'r');
    const rows: [number, number, number, number, boolean][] = [
      [0, 0.02, 0.5277, 0.3127, true],
      [0.5, 0.02, 0.5277, 0.4143, true],
      [0.9, 0.02, 0.5277, 0.5033, false],
      [0.9, 0.05, 0.568, 0.5419, false],
    ];
    for (const [rho, eps, own, other, ef] of rows) {
      const c = correlatedPickChoice([Uu, Uu], eps);
      const s = correlatedShares(gaussianCopula(rho, [Uu, Uu]), c, 2e5, `t21-${rho}-${eps}`);
      close(s.firstOwn, own, 4e-3, `own rho=${rho}`);
      close(s.secondOfFirst, other, 4e-3, `other rho=${rho}`);
      assert.equal(s.efWhp, ef, `EF rho=${rho} eps=${eps}`);
    }
    close(1 - (1 - choice.r) ** 2, 0.5277, 2e-4, 'rho = 0 exact (spec MC ±2e-4)');
    const out = solve('pick-correlated', T17, { dists: ['uniform:0,1', 'exp:1'] });
    assert.deepEqual((out.trace[0].data as { agentOrder: number[] }).agentOrder, [1, 0]); // Exp has the larger tau (0.813 > 0.707)
    assert.ok(certify(out).ok);
  });
});
