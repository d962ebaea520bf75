/** Distributions as plain data for worker threads: rebuilt, they draw the same stream. */
import { strict as assert } from 'node:assert';
import { InvalidInputError } from '../../src/core/errors';
import { rng } from '../../src/core/rng';
import {
  Beta,
  bernoulliNoise,
  discrete,
  empirical,
  Exponential,
  fromQuantile,
  hardDistribution,
  PiecewiseQuantile,
  uniform,
  type Distribution,
} from '../../src/stochastic';
import { distributionData, distributionFromData, type DistributionData } from '../../src/stochastic/transfer';

describe('stochastic distributions as plain data', () => {
  it('rebuilds every samplable class of the library with the same name, spec and draws', () => {
    const ds: Distribution[] = [
      uniform(0, 1),
      uniform(2, 5),
      discrete([0, 1, 3], [0.2, 0.3, 0.5]),
      empirical([0.1, 0.4, 0.4, 2]),
      hardDistribution(0.01, 0.001),
      bernoulliNoise(0.6, 0.001),
      new Exponential(2),
      new Beta(2, 3),
    ];
    for (const d of ds) {
      const data = distributionData(d)!;
      assert.ok(data, d.name);
      const copy = distributionFromData(structuredClone(data));
      assert.equal(copy.name, d.name);
      assert.equal(copy.spec, d.spec);
      const a = rng(5),
        b = rng(5);
      for (let k = 0; k < 200; k++) assert.equal(copy.sample(b), d.sample(a), `${d.name} draw ${k}`);
      if (d.sampleInto) {
        const row = new Float64Array(50),
          again = new Float64Array(50);
        d.sampleInto(rng(6), row);
        const r = rng(6);
        for (let j = 0; j < 50; j++) again[j] = d.sample(r);
        assert.deepEqual(row, again, `${d.name}: sampleInto draws as sample does`);
      }
    }
  });
  it('gives null for code it cannot send (a quantile function, a subclass) and rejects unknown data', () => {
    assert.equal(distributionData(fromQuantile((u) => u * u)), null);
    class Shifted extends PiecewiseQuantile {}
    assert.equal(distributionData(new Shifted('s', 's', [{ u0: 0, u1: 1, x0: 0, x1: 1 }])), null);
    assert.throws(
      () => distributionFromData({ kind: 'normal' } as unknown as DistributionData),
      (e: unknown) => e instanceof InvalidInputError && e.code === 'bad-distribution' && /normal/.test(e.message),
    );
  });
});
