/** Special functions and quadrature meet the accuracy their module headers document. */
import { strict as assert } from 'node:assert';
import { Exponential, incompleteBeta, integrate, logGamma, normalCdf, normalQuantile } from '../../src/stochastic';
import { close } from '../helpers/approx';

const E = new Exponential(1);

describe('stochastic numerical primitives', () => {
  it('special functions meet the special.ts accuracy and quadrature error estimates bound the true error', () => {
    let lnFact = 0;
    for (let n = 1; n <= 60; n++) {
      if (n > 1) lnFact += Math.log(n - 1);
      assert.ok(Math.abs(logGamma(n) - lnFact) <= 1e-14 * Math.max(1, lnFact), `lnΓ(${n})`);
    }
    close(logGamma(0.5), 0.5 * Math.log(Math.PI), 1e-14, 'lnΓ(1/2)');
    close(logGamma(1.5), Math.log(Math.sqrt(Math.PI) / 2), 1e-14, 'lnΓ(3/2)');
    for (const x of [0.01, 0.1, 0.3, 0.5, 0.7, 0.9, 0.99])
      for (const b of [0.5, 1, 2, 3.5, 10]) {
        close(incompleteBeta(x, 1, b), 1 - (1 - x) ** b, 1e-14, `I_${x}(1, ${b})`);
        close(incompleteBeta(x, b, 1), x ** b, 1e-14, `I_${x}(${b}, 1)`);
      }
    for (const [x, phi] of [
      [1, 0.8413447460685429],
      [-3, 0.0013498980316301035],
      [-8, 6.22096057427178e-16],
    ]) {
      assert.ok(Math.abs(normalCdf(x) - phi) <= 1e-13 * phi, `Φ(${x})`);
    }
    for (const x of [-6, -3, -1, -0.1, 0, 0.5, 2, 5]) close(normalQuantile(normalCdf(x)), x, 1e-10, `Φ^-1(Φ(${x}))`);
    // integrable endpoint singularities: the estimate exceeds the true error
    const ex = integrate((u) => E.quantile(u), 0, 1);
    assert.ok(ex.converged && Math.abs(ex.value - 1) <= ex.error, `Exp quantile: ${ex.value} ± ${ex.error}`);
    const sq = integrate((u) => 1 / Math.sqrt(u), 0, 1);
    assert.ok(sq.converged && Math.abs(sq.value - 2) <= sq.error, `u^-1/2: ${sq.value} ± ${sq.error}`);
  });
});
