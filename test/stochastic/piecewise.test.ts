/**
 * Piecewise quantile distributions (seed-001 §6.2): the hard distribution D_{p,delta} of Theorem 3.1 and
 * empirical distributions (discrete, with atoms, and interpolated).
 */
import { strict as assert } from 'node:assert';
import { InvalidInputError } from '../../src/core/errors';
import fc from 'fast-check';
import { discrete, empirical, Exponential, hardDistribution, Q_STAR, R0 } from '../../src/stochastic';
import { close } from '../helpers/approx';

const E = new Exponential(1);
const H1 = hardDistribution(0.01, 0.001);
const EMP = empirical([0.1, 0.2, 0.4, 0.4, 0.7, 1.0]);

describe('stochastic piecewise distributions', () => {
  it('the hard distribution D_{p,delta} has mean 1 + delta/2 and its breakpoints, and is valid where Exp is not', () => {
    close(H1.mean(), 1 + 0.001 / 2, 1e-14, 'mu');
    assert.deepEqual(
      H1.breakpoints.map((x) => +x.toFixed(12)),
      [+(1 - Q_STAR - 0.01).toFixed(12), 0.99],
    );
    assert.equal(H1.valid, true);
    assert.equal(E.valid, false);
    assert.match(E.validityNotes.join(' '), /unbounded/);
    assert.throws(() => hardDistribution(0.5, 0.001), InvalidInputError);
  });
  it('empirical distributions give the sample quantiles, cdf jumps and M_n; interpolation keeps repeated values as atoms (T9)', () => {
    assert.equal(EMP.kind, 'discrete');
    close(EMP.quantile(0.5), 0.4, 0, 'Q(1/2)');
    close(EMP.quantile(1 / 6), 0.1, 0, 'Q(1/6)');
    close(EMP.cdf(0.4), 4 / 6, 1e-15, 'F(0.4)');
    close(EMP.cdfLeft(0.4), 2 / 6, 1e-15, 'F(0.4-)');
    close(EMP.top(1 - R0), 0.2550253, 1e-7, 'T9 Top(1 - r0)');
    // M_n = sum x_(k)((k/N)^n - ((k-1)/N)^n)
    const xs = [0.1, 0.2, 0.4, 0.4, 0.7, 1.0];
    close(
      EMP.emax(3),
      xs.reduce((s, x, k) => s + x * (((k + 1) / 6) ** 3 - (k / 6) ** 3), 0),
      1e-15,
      'M_3',
    );
    const I = empirical([0.1, 0.2, 0.4, 0.7, 1.0], { interpolate: true });
    assert.equal(empirical(xs, { interpolate: true }).kind, 'mixed', 'a repeated sample value stays an atom');
    assert.equal(I.kind, 'continuous');
    assert.throws(() => empirical([]), InvalidInputError);
    assert.throws(() => empirical([1, NaN]), /not a finite number/);
  });
  it('finds the piece of u by its guide table exactly as a binary search does, at piece ends too (property)', () => {
    const d = discrete(
      Array.from({ length: 300 }, (_, k) => k),
      Array.from({ length: 300 }, (_, k) => (k % 7 === 0 ? 1e-9 : 1 + (k % 5))),
    );
    const ends = d.pieces.map((p) => p.u1);
    const reference = (u: number) => {
      let lo = 0,
        hi = ends.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (ends[mid] >= u) hi = mid;
        else lo = mid + 1;
      }
      const p = d.pieces[lo];
      return p.x0 + ((p.x1 - p.x0) * (u - p.u0)) / (p.u1 - p.u0);
    };
    fc.assert(
      fc.property(fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(...ends.slice(0, -1))), (u) => {
        if (u > 0 && u < 1) assert.equal(d.quantile(u), reference(u), `u = ${u}`);
      }),
      { numRuns: 2000 },
    );
  });
});
