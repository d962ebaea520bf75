import { strict as assert } from 'node:assert';
import { newtonMultipliers } from '../../../src/mechanisms/multipliers/newton';
import { BETA_EQUALIZER, PEAK_EQUALIZER } from '../../../src/mechanisms/multipliers/reference';
import { distributionPreset } from '../../../src/stochastic/presets';

const peaks = distributionPreset('bai-golz-peaks').agents;

describe('Newton and Broyden equalizers', () => {
  it('converge to the high-precision peak equalizer to twelve decimals, verified by the exact oracle (T-peak-eq)', () => {
    for (const update of ['newton', 'broyden'] as const) {
      const r = newtonMultipliers(peaks, { q: 1.9, update, delta: 1e-12 });
      assert.equal(r.fallback, undefined);
      assert.ok(r.deviation <= 1e-12);
      r.beta.forEach((b, i) => assert.ok(Math.abs(b - PEAK_EQUALIZER[i]) < 2e-12, `${update} agent ${i}: ${b}`));
    }
  });

  it('converges to the high-precision Beta equalizer (normalised beta_2 = 1) to ten decimals (T-beta)', function () {
    this.timeout(30000);
    const r = newtonMultipliers(distributionPreset('bai-golz-beta').agents, { q: 5, delta: 1e-12 });
    const norm = r.beta.map((b) => b / r.beta[1]);
    norm.forEach((b, i) => assert.ok(Math.abs(b - BETA_EQUALIZER[i]) < 6e-11, `agent ${i}: ${b}`));
  });

  it('falls back to Algorithm 1 and says why when Newton cannot reach delta', () => {
    const r = newtonMultipliers(peaks.slice(0, 3), { q: 1.9, maxIterations: 0, delta: 1e-6 });
    assert.equal(r.fallback, 'no convergence in 0 iterations');
    assert.ok(r.converged && r.deviation <= 1e-6);
    assert.equal(r.beta[2], 1);
  });
});
