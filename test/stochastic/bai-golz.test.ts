/** Bai–Gölz weights for Weighted Ranking (seed-001 T20): every agent wins each item with probability 1/n. */
import { strict as assert } from 'node:assert';
import { baiGolzWeights, fromQuantile, uniform } from '../../src/stochastic';
import { close } from '../helpers/approx';

describe('stochastic Bai–Gölz weights', () => {
  it('solves for the tabulated weights, and all 1 for identical distributions (T20)', function () {
    this.timeout(30000);
    const a = baiGolzWeights([uniform(0, 1), uniform(0, 0.5)]);
    close(a.w[1], 2, 1e-8, 'U[0,1/2]');
    assert.ok(a.residual < 1e-10);
    const lin = fromQuantile((u) => (-1 + Math.sqrt(1 + 8 * u)) / 2, 'density 0.5 + x');
    close(baiGolzWeights([uniform(0, 1), lin]).w[1], 6 / 7, 1e-8, '6/7');
    const b = baiGolzWeights([uniform(0, 1), uniform(0, 0.5), uniform(0.25, 0.75)]);
    close(b.w[1], 2, 1e-7, 'w2');
    close(b.w[2], 1.10940039, 1e-7, 'w3');
    assert.ok(b.residual < 1e-10, `residual ${b.residual}`);
    assert.deepEqual(
      baiGolzWeights([uniform(0, 1), uniform(0, 1), uniform(0, 1)]).w.map((x) => +x.toFixed(10)),
      [1, 1, 1],
    );
  });
});
