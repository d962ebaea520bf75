import { strict as assert } from 'node:assert';
import { integrate } from '../../src/stochastic/quadrature';
import { PiecewiseLinearDensity, peak } from '../../src/stochastic/piecewise-density';
import { Mt19937 } from '../../src/stochastic/mt19937';

describe('piecewise-linear densities', () => {
  it('matches the closed-form peak CDF of spec 6.2 on both sides of the peak', () => {
    const a = 3 / 11,
      b = 0.1,
      c = 1.9;
    const d = peak(a);
    for (const x of [0.05, 0.2, a, 0.5, 0.9, 0.999]) {
      const F =
        x < a ? b * x + ((c - b) * x * x) / (2 * a) : 1 - b * (1 - x) - ((c - b) * (1 - x) ** 2) / (2 * (1 - a));
      assert.ok(Math.abs(d.cdf(x) - F) < 1e-15, `x = ${x}`);
    }
    assert.equal(d.cdf(-1), 0);
    assert.equal(d.cdf(2), 1);
  });

  it('inverts its CDF with the quantile and integrates its density to the CDF', () => {
    const d = peak(0.7);
    for (const u of [0.01, 0.3, 0.5, 0.77, 0.99]) assert.ok(Math.abs(d.cdf(d.quantile(u)) - u) < 1e-14);
    const F = integrate((x) => d.pdf(x), 0, 0.85, { breakpoints: [0.7] }).value;
    assert.ok(Math.abs(F - d.cdf(0.85)) < 1e-13);
  });

  it('gives the partial expectation of spec 6.2 and the mean 0.05 + 0.3(1 + a)', () => {
    const a = 0.4,
      b = 0.1,
      c = 1.9;
    const d = peak(a);
    const phiA = (b * a * a) / 2 + ((c - b) * a ** 3) / (3 * a);
    assert.ok(Math.abs(d.partialMean(0.3) - ((b * 0.09) / 2 + ((c - b) * 0.027) / (3 * a))) < 1e-15);
    const t = 0.8;
    const phiT = phiA + (b * (t * t - a * a)) / 2 + ((c - b) / (1 - a)) * ((t * t - a * a) / 2 - (t ** 3 - a ** 3) / 3);
    assert.ok(Math.abs(d.partialMean(t) - phiT) < 1e-15);
    assert.ok(Math.abs(d.mean() - (0.05 + 0.3 * (1 + a))) < 1e-15);
  });

  it('supports gaps and reports them as not interval support (spec 5.5)', () => {
    const d = new PiecewiseLinearDensity('split', 'split', [
      { x0: 0, x1: 1 / 3, f0: 1.5, f1: 1.5 },
      { x0: 2 / 3, x1: 1, f0: 1.5, f1: 1.5 },
    ]);
    assert.equal(d.intervalSupport, false);
    assert.equal(d.pdfBounds.lower, 0);
    assert.equal(d.pdf(0.5), 0);
    assert.ok(Math.abs(d.cdf(0.5) - 0.5) < 1e-15);
    assert.ok(Math.abs(d.mean() - 0.5) < 1e-15);
  });

  it('samples peaks with the stated density (chi-square over ten bins, fixed seed)', () => {
    const d = peak(0.25);
    const r = new Mt19937(3);
    const bins = new Array(10).fill(0);
    const N = 20000;
    for (let k = 0; k < N; k++) bins[Math.min(9, Math.floor(d.sample(r) * 10))]++;
    let chi = 0;
    for (let k = 0; k < 10; k++) {
      const e = N * (d.cdf((k + 1) / 10) - d.cdf(k / 10));
      chi += (bins[k] - e) ** 2 / e;
    }
    assert.ok(chi < 27.9, `chi-square ${chi}`); // 99.9% quantile at 9 degrees of freedom
  });

  it('rejects densities that do not integrate to 1 or overlap', () => {
    assert.throws(() => new PiecewiseLinearDensity('x', 'x', [{ x0: 0, x1: 1, f0: 2, f1: 2 }]), {
      code: 'bad-segments',
    });
    assert.throws(() => peak(1), { code: 'bad-parameter' });
  });
});
