/**
 * The distribution interface in quantile space (seed-001 §5.2, §6.2): means, expected maxima, Top and
 * E max(X, c) of every implementation against the spec's values, closed forms and the generic quadrature.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import {
  bernoulliNoise,
  Beta,
  empirical,
  Exponential,
  fromQuantile,
  hardDistribution,
  histogram,
  Q_STAR,
  R0,
  uniform,
  type Distribution,
} from '../../src/stochastic';
import { close } from '../helpers/approx';

const U = uniform(0, 1);
const E = new Exponential(1);
const H1 = hardDistribution(0.01, 0.001);
const H2 = hardDistribution(0.001, 0.0001);
const U12 = uniform(1, 2);
const EMP = empirical([0.1, 0.2, 0.4, 0.4, 0.7, 1.0]);

describe('stochastic distributions', () => {
  it('means and expected maxima M_n of U, Exp, H1, H2, U12 and EMP match the spec (5.2, P16)', () => {
    const rows: [Distribution, number, (number | null)[]][] = [
      [U, 0.5, [2 / 3, 3 / 4, 4 / 5, 5 / 6]],
      [E, 1, [1.5, 11 / 6, 25 / 12, 137 / 60]],
      [H1, 1.0005, [1.6415808, 2.135147, 2.566748, 2.970976]],
      [H2, 1.00005, [1.655327, null, null, null]],
      [U12, 1.5, [1 + 2 / 3, null, null, null]],
      [EMP, 0.4666667, [0.6333333, null, null, null]],
    ];
    for (const [d, mu, Ms] of rows) {
      close(d.mean(), mu, 1e-7, `${d.name} mean`);
      Ms.forEach((M, k) => M !== null && close(d.emax(k + 2), M, 1e-6, `${d.name} M_${k + 2}`));
    }
    // the paper's approximate M_2 for H1 is 1e-4 below the exact one (P16)
    close(4 * Math.SQRT2 - 4 - Q_STAR * 0.01 - 0.01 + 0.0005, 1.641496, 1e-6, 'paper approx');
  });
  it('closed forms agree with the generic quadrature fallback', () => {
    for (const d of [U, E, H1, U12, new Beta(2, 3), new Beta(0.5, 0.5), bernoulliNoise(0.3, 0.1)]) {
      const g = fromQuantile((u) => d.quantile(u), 'generic', { breakpoints: d.breakpoints });
      close(g.mean(), d.mean(), 1e-9, `${d.name} mean`);
      for (const tau of [0, 0.1, 0.5, 1 - R0, 0.9]) close(g.top(tau), d.top(tau), 1e-9, `${d.name} top(${tau})`);
      for (const n of [2, 3, 5]) close(g.emax(n), d.emax(n), 1e-8, `${d.name} M_${n}`);
      for (const c of [0.2, 0.5, 1.2]) close(g.emaxWith(c), d.emaxWith(c), 1e-7, `${d.name} E max(X, ${c})`);
      close(g.secondMoment(), d.secondMoment(), 1e-8, `${d.name} E[X^2]`);
    }
  });
  it('quantile and cdf are inverse and Top is monotone (property)', () => {
    const ds = [U, E, new Beta(2, 5), U12, H1, histogram([0, 1, 3], [1, 2])];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: ds.length - 1 }),
        fc.double({ min: 0.001, max: 0.999, noNaN: true }),
        (k, u) => {
          const d = ds[k];
          close(d.cdf(d.quantile(u)), u, 1e-9, d.name);
          assert.ok(d.top(u) <= d.top(u / 2) + 1e-15);
        },
      ),
      { numRuns: 200 },
    );
  });
  it('Top and E max(X, c) of Uniform and Exp match their closed forms (spec 6.2)', () => {
    close(U12.top(0.3), 0.7 * 1 + (1 - 0.09) / 2, 1e-15, 'Top U12');
    close(E.top(0.4), 0.6 * (1 - Math.log(0.6)), 1e-15, 'Top Exp');
    close(U.emaxWith(0.3), 0.3 * 0.3 + (1 - 0.09) / 2, 1e-15, 'E max(U, c)');
    close(E.emaxWith(0.7), 0.7 + Math.exp(-0.7), 1e-15, 'E max(Exp, c)');
  });
});
