import { strict as assert } from 'node:assert';
import { gaussLegendre, integrateGaussLegendre, pointsForDegree } from '../../src/stochastic/gauss-legendre';

describe('Gauss–Legendre quadrature', () => {
  it('integrates x^k exactly for every k ≤ 2N - 1 (N = 1..12)', () => {
    for (let N = 1; N <= 12; N++)
      for (let k = 0; k <= 2 * N - 1; k++) {
        const exact = (2 ** (k + 1) - 1) / (k + 1); // ∫_1^2 x^k
        const got = integrateGaussLegendre((x) => x ** k, 1, 2, N);
        assert.ok(Math.abs(got - exact) <= 1e-13 * exact, `N = ${N}, k = ${k}: ${got} vs ${exact}`);
      }
  });

  it('has weights summing to 2 and symmetric nodes', () => {
    const { nodes, weights } = gaussLegendre(12);
    assert.ok(Math.abs(weights.reduce((a, b) => a + b, 0) - 2) < 1e-14);
    for (let k = 0; k < 12; k++) assert.ok(Math.abs(nodes[k] + nodes[11 - k]) < 1e-15);
  });

  it('picks ceil((degree + 1)/2) points', () => {
    assert.deepEqual([0, 1, 2, 19, 20].map(pointsForDegree), [1, 1, 2, 10, 11]);
  });

  it('rejects a bad point count', () => {
    assert.throws(() => gaussLegendre(0), { code: 'bad-count' });
  });
});
