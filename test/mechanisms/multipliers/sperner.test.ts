import { strict as assert } from 'node:assert';
import { spernerMultipliers } from '../../../src/mechanisms/multipliers/sperner';
import { newtonMultipliers } from '../../../src/mechanisms/multipliers/newton';
import { distributionPreset } from '../../../src/stochastic/presets';

const peaks = distributionPreset('bai-golz-peaks').agents;

describe('Sperner grid search', () => {
  it('finds delta-equalizing multipliers for three peak agents near the unique equalizer (Proposition 9)', () => {
    const three = peaks.slice(0, 3);
    const r = spernerMultipliers(three, { delta: 0.05, q: 1.9 });
    assert.ok(r.converged && r.deviation <= 0.05);
    const exact = newtonMultipliers(three, { q: 1.9 }).beta;
    const norm = r.beta.map((b) => b / r.beta[2]);
    norm.forEach((b, i) => assert.ok(Math.abs(Math.log(b / exact[i])) < 0.05, `agent ${i}: ${b} vs ${exact[i]}`));
    assert.ok(r.coloured < (r.gridSide + 1) ** 2, 'the centre-out scan stops early');
  });

  it('finds delta-equalizing multipliers for four agents', function () {
    this.timeout(20000);
    const r = spernerMultipliers([peaks[0], peaks[3], peaks[6], peaks[9]], { delta: 0.2, q: 1.9 });
    assert.ok(r.converged && r.deviation <= 0.2);
  });

  it('is limited to 2 ≤ n ≤ 4', () => {
    assert.throws(() => spernerMultipliers(peaks.slice(0, 5), { delta: 0.1, q: 1.9 }), { code: 'bad-count' });
  });
});
