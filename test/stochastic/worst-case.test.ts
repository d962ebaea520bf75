/**
 * The Hill–Kertz worst case for every n (a [DERIVED] generalization of T15) and its Monte Carlo, which
 * approaches the prophet constant beta.
 */
import { strict as assert } from 'node:assert';
import { dpThresholds, hillKertz, hillKertzWorstCase, kertzBeta, simulateWorstCase } from '../../src/stochastic';
import { close } from '../helpers/approx';

describe('stochastic worst case: Hill–Kertz for every n', () => {
  it('the DP Pick-r achieves exactly 1/a_n on it, decreasing towards beta', () => {
    const w3 = hillKertzWorstCase(3);
    close(w3.L, 0.249772, 5e-6, 'L (T15; the spec rounds its atoms, so its alpha is 7e-7 above 1/a_3)');
    close(w3.regular.quantile(0.6), 0.675602, 1e-5, 'middle atom (T15, rounded in the spec)');
    for (const n of [2, 3, 4, 5, 10, 20, 50]) {
      const a = dpThresholds(hillKertzWorstCase(n).limit, n).alpha;
      close(a, hillKertz(n).prophetRatio, 1e-12, `n=${n}`);
      assert.ok(a > kertzBeta());
    }
    close(dpThresholds(w3.withMass(1e-3), 3).alpha, 0.8192595, 1e-6, 'finite p (T15)');
  });
  it('its atoms solve c[1] = mu, c[k+1] = E[max(X, c[k])], c[n-1] = 1 with the long shot, also at n = 1000', () => {
    for (const n of [2, 3, 10, 1000]) {
      const w = hillKertzWorstCase(n);
      const c = w.regular.pieces.map((p) => p.x0).slice(1);
      assert.equal(c.length, n - 1);
      assert.equal(c[n - 2], 1);
      close(c[0], w.limit.mean(), 1e-12, `n=${n}: c[1] = mu`);
      for (let k = 0; k + 1 < n - 1; k++) close(c[k + 1], w.limit.emaxWith(c[k]), 1e-12, `n=${n}: c[${k + 2}]`);
    }
  });
});

describe('stochastic worst case: Monte Carlo towards beta', function () {
  this.timeout(60000);
  it('at n = 1000 the worst-case Monte Carlo interval contains 1/a_1000 and beta', () => {
    const s = simulateWorstCase(1000, { items: 20000, seed: 1 });
    assert.ok(Math.abs(s.analytic - s.prophetRatio) < 1e-9, 'alpha_DP of the limit form is 1/a_n');
    assert.ok(s.prophetRatio - s.beta > 0 && s.prophetRatio - s.beta < 3e-4);
    assert.ok(
      s.ratio.lo <= s.prophetRatio && s.prophetRatio <= s.ratio.hi,
      `1/a_1000 = ${s.prophetRatio} in [${s.ratio.lo}, ${s.ratio.hi}]`,
    );
    assert.ok(s.ratio.lo <= s.beta && s.beta <= s.ratio.hi, `beta = ${s.beta} in [${s.ratio.lo}, ${s.ratio.hi}]`);
    assert.ok(s.ratio.hi - s.ratio.lo < 0.005);
  });
  it('the worst-case Monte Carlo is unbiased: 40 seeds at n = 3 and n = 10 cover 1/a_n about 95% of the time', () => {
    for (const n of [3, 10]) {
      let cover = 0;
      for (let seed = 1; seed <= 40; seed++) {
        const s = simulateWorstCase(n, { items: 20000, seed });
        if (s.ratio.lo <= s.prophetRatio && s.prophetRatio <= s.ratio.hi) cover++;
      }
      assert.ok(cover >= 34, `n = ${n}: ${cover}/40 intervals contain 1/a_n`);
    }
    assert.throws(() => simulateWorstCase(3, { items: 1 }), /items = 1/);
  });
});
