import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { Rational } from '../../../src/core/rational';
import {
  conditionalExpectations,
  probabilityJacobian,
  resultingProbabilities,
} from '../../../src/mechanisms/multipliers/oracle';
import {
  AUTHORS_BETA_MULTIPLIERS,
  AUTHORS_PEAK_MULTIPLIERS,
  BETA_WELFARE_PROBABILITIES,
  MATHEMATICA_PEAK_MULTIPLIERS,
  PEAK_WELFARE_PROBABILITIES,
} from '../../../src/mechanisms/multipliers/reference';
import { toDensity } from '../../../src/stochastic/density';
import { appendixBAgents, distributionPreset } from '../../../src/stochastic/presets';

const peaks = distributionPreset('bai-golz-peaks').agents;
const betas = distributionPreset('bai-golz-beta').agents;

describe('probability oracle p_i(beta)', () => {
  it('gives p(1, ..., 1) of the peak agents to 1e-7, summing to 1, exactly by Gauss–Legendre (T-peak-p1)', () => {
    const r = resultingProbabilities(
      peaks,
      peaks.map(() => 1),
    );
    r.p.forEach((x, i) => assert.ok(Math.abs(x - PEAK_WELFARE_PROBABILITIES[i]) < 1e-7, `p_${i} = ${x}`));
    assert.ok(Math.abs(r.p.reduce((a, b) => a + b, 0) - 1) < 1e-15);
    assert.equal(r.method, 'exact-gauss-legendre');
    assert.ok(r.error < 1e-13);
  });

  it('reproduces the Mathematica check max |p_i - 0.1| = 7.223699877911867e-6 to 1e-9 (T-peak-ref)', () => {
    const beta = MATHEMATICA_PEAK_MULTIPLIERS.map((s) => Rational.parse(s).toNumber());
    const dev = Math.max(...resultingProbabilities(peaks, beta).p.map((x) => Math.abs(x - 0.1)));
    assert.ok(Math.abs(dev - 7.223699877911867e-6) < 1e-9, String(dev));
    const devAuthors = Math.max(
      ...resultingProbabilities(peaks, [...AUTHORS_PEAK_MULTIPLIERS]).p.map((x) => Math.abs(x - 0.1)),
    );
    assert.ok(Math.abs(devAuthors - 7.2237e-6) < 1e-10);
  });

  it('gives p(1, ..., 1) of the Beta agents and p at the authors multipliers (T-beta)', () => {
    const r = resultingProbabilities(
      betas,
      betas.map(() => 1),
    );
    r.p.forEach((x, i) => assert.ok(Math.abs(x - BETA_WELFARE_PROBABILITIES[i]) < 1e-8, `p_${i} = ${x}`));
    assert.equal(r.method, 'adaptive');
    const at = resultingProbabilities(betas, [...AUTHORS_BETA_MULTIPLIERS]).p;
    [0.19999998, 0.20000731, 0.19999255, 0.20000021, 0.19999994].forEach((x, i) =>
      assert.ok(Math.abs(at[i] - x) < 1e-8),
    );
  });

  it('gives the exact p_A(r) table of Appendix B (T-2agent)', () => {
    const ab = appendixBAgents();
    const table: [number, number][] = [
      [0.5, 0.125],
      [1, 10 / 36],
      [2, 37 / 72],
      [3, 11 / 18],
      [3.5, 0.6488095238095238],
      [4, 11 / 16],
      [5, 0.75],
    ];
    for (const [r, pa] of table) assert.ok(Math.abs(resultingProbabilities(ab, [r, 1]).p[0] - pa) < 1e-14, `r = ${r}`);
  });

  it('is scale invariant and monotone: raising a set S moves p_i within 2 q eps in the stated direction (Lemmas 10, 11, 14)', () => {
    const four = peaks.slice(2, 6);
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.7, max: 1.4, noNaN: true }), { minLength: 4, maxLength: 4 }),
        fc.subarray([0, 1, 2, 3], { minLength: 1, maxLength: 3 }),
        fc.double({ min: 1e-4, max: 0.05, noNaN: true }),
        (beta, S, eps) => {
          const p = resultingProbabilities(four, beta).p;
          const scaled = resultingProbabilities(
            four,
            beta.map((b) => 3 * b),
          ).p;
          p.forEach((x, i) => assert.ok(Math.abs(x - scaled[i]) < 1e-14));
          const raised = resultingProbabilities(
            four,
            beta.map((b, k) => (S.includes(k) ? b * (1 + eps) : b)),
          ).p;
          const bound = 2 * 1.9 * eps + 1e-13;
          for (let i = 0; i < 4; i++) {
            const d = raised[i] - p[i];
            if (S.includes(i)) assert.ok(d >= -1e-13 && d <= bound, `i = ${i} in S: ${d}`);
            else assert.ok(d <= 1e-13 && d >= -bound, `i = ${i} not in S: ${d}`);
          }
        },
      ),
      { seed: 4, numRuns: 40 },
    );
  });

  it('has a Jacobian in ln beta that matches finite differences and has zero row sums (spec 6.5)', () => {
    const three = peaks.slice(0, 3);
    const beta = [1.1, 1.05, 1];
    const J = probabilityJacobian(three, beta);
    const h = 1e-6;
    for (let k = 0; k < 3; k++) {
      const up = resultingProbabilities(
        three,
        beta.map((b, l) => (l === k ? b * Math.exp(h) : b)),
      ).p;
      const dn = resultingProbabilities(
        three,
        beta.map((b, l) => (l === k ? b * Math.exp(-h) : b)),
      ).p;
      for (let i = 0; i < 3; i++) assert.ok(Math.abs((up[i] - dn[i]) / (2 * h) - J[i][k]) < 1e-8, `J[${i}][${k}]`);
    }
    J.forEach((row) => assert.ok(Math.abs(row.reduce((a, b) => a + b, 0)) < 1e-15));
  });

  it('gives the authors conditional-expectation gaps E[u_i | i gets] - E[u_i] and the Gamma matrix, all positive (T-gap)', () => {
    const ce = conditionalExpectations(peaks, [...AUTHORS_PEAK_MULTIPLIERS]);
    const proxy = [
      0.4294617448, 0.4066122211, 0.3839492215, 0.3614739504, 0.3391921528, 0.3171901228, 0.2960514287, 0.2775903653,
      0.2649695776, 0.2613957729,
    ];
    proxy.forEach((x, i) => assert.ok(Math.abs(ce.own[i] - ce.mean[i] - x) < 1e-9, `agent ${i}`));
    assert.ok(Math.abs(ce.gap[0][1] - 0.465) < 1e-4 && Math.abs(ce.gap[0][9] - 0.4907) < 1e-4);
    assert.ok(Math.abs(ce.gap[9][0] - 0.2786) < 1e-4 && Math.abs(ce.gap[8][9] - 0.315) < 1e-4);
    let min = Infinity;
    ce.gap.forEach((row, i) =>
      row.forEach((g, j) => {
        if (i !== j) min = Math.min(min, g);
      }),
    );
    assert.ok(Math.abs(min - 0.2786) < 1e-4);
  });

  it('gives zero gap without interval support and the D.7 gaps eta/27 and 4 eta^2/3 (T-zero-gap, T-lowdens, T-highdens)', () => {
    const zero = [
      toDensity('uniform:0.3333333333333333,0.6666666666666666'),
      toDensity('histogram:0,0.3333333333333333,0.6666666666666666,1;1,0,1'),
    ];
    const z = conditionalExpectations(zero, [1, 1]);
    assert.ok(Math.abs(z.p[0] - 0.5) < 1e-12);
    assert.ok(Math.abs(z.gap[0][1]) < 1e-12);
    assert.ok(Math.abs(z.own[1] - 5 / 6) < 1e-12 && Math.abs(z.cross[1][0] - 1 / 6) < 1e-12);
    const eta = 0.3;
    const low = [
      toDensity('uniform:0.3333333333333333,0.6666666666666666'),
      toDensity(`histogram:0,0.3333333333333333,0.6666666666666666,1;${(3 - eta) / 6},${eta / 3},${(3 - eta) / 6}`),
    ];
    const l = conditionalExpectations(low, [1, 1]);
    assert.ok(Math.abs(l.p[0] - 0.5) < 1e-12 && Math.abs(l.gap[0][1] - eta / 27) < 1e-12);
    const high = [toDensity('uniform:0,1'), toDensity(`uniform:${0.5 - eta},${0.5 + eta}`)];
    const h = conditionalExpectations(high, [1, 1]);
    assert.ok(Math.abs(h.p[0] - 0.5) < 1e-12 && Math.abs(h.gap[1][0] - (4 * eta * eta) / 3) < 1e-12);
  });

  it('rejects non-positive or missing multipliers with a typed error', () => {
    assert.throws(() => resultingProbabilities(peaks.slice(0, 2), [1, 0]), { code: 'bad-multipliers' });
    assert.throws(() => resultingProbabilities(peaks.slice(0, 2), [1]), { code: 'bad-multipliers' });
  });
});
