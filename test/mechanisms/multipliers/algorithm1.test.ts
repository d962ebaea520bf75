import { strict as assert } from 'node:assert';
import { algorithm1, refinedAlgorithm1, roundCap } from '../../../src/mechanisms/multipliers/algorithm1';
import {
  AUTHORS_BETA_MULTIPLIERS,
  AUTHORS_PEAK_MULTIPLIERS,
  PEAK_EQUALIZER,
} from '../../../src/mechanisms/multipliers/reference';
import { toDensity } from '../../../src/stochastic/density';
import { distributionPreset } from '../../../src/stochastic/presets';

const peaks = distributionPreset('bai-golz-peaks').agents;

describe('Algorithm 1 and its refinement schedule', () => {
  it('returns after 82 oracle rounds with the reference exponents at delta = 0.01 (T-alg1-δ1e-2)', () => {
    const r = algorithm1(peaks, { delta: 0.01, q: 1.9 });
    assert.equal(r.rounds, 82);
    assert.deepEqual(r.exponents, [81, 81, 74, 67, 58, 49, 38, 26, 12, 0]);
    assert.equal(r.epsilon, 0.01 / 3.8);
    assert.ok(Math.abs(r.deviation - 0.0087318) < 1e-7);
    [1.2372336, 1.2372336, 1.2146805, 1.1925385, 1.1646622, 1.1374376, 1.1050258, 1.0707199, 1.03204, 1].forEach(
      (b, i) => assert.ok(Math.abs(r.beta[i] - b) < 1e-7),
    );
    assert.ok(r.converged && r.rounds <= roundCap(10, r.epsilon, 1.9));
  });

  it('returns after 906 oracle rounds at delta = 0.001 (T-alg1-δ1e-3)', function () {
    this.timeout(20000);
    const r = algorithm1(peaks, { delta: 0.001, q: 1.9 });
    assert.equal(r.rounds, 906);
    assert.deepEqual(r.exponents, [905, 848, 777, 701, 617, 522, 413, 289, 149, 0]);
    assert.ok(Math.abs(r.deviation - 0.00099386) < 1e-8);
  });

  it('keeps the agents that start above 1/n at beta = 1 and never lowers a multiplier', () => {
    const r = algorithm1(peaks, { delta: 0.01, q: 1.9, record: true });
    assert.equal(r.history!.length, r.rounds);
    assert.equal(r.beta[9], 1);
    assert.ok(r.history![0][9] > 0.1 + 0.01);
  });

  it('reproduces the authors peak multipliers bit for bit in 155 rounds with their phase step counts (T-refine)', () => {
    const r = refinedAlgorithm1(peaks, { delta: 1e-5, q: 1.9 });
    assert.deepEqual(r.beta, AUTHORS_PEAK_MULTIPLIERS);
    assert.equal(r.rounds, 155);
    assert.deepEqual(r.stepsPerPhase, [0, 0, 1, 6, 5, 7, 8, 13, 11, 11, 12, 10, 12, 11, 10, 10, 11]);
    assert.equal(r.delta, 7.62939453125e-6);
    assert.ok(r.converged);
    // within the sensitivity of delta (relative multiplier error ≤ 2.2e-5, spec 4.5) of the unique equalizer
    r.beta.forEach((b, i) => assert.ok(Math.abs(b - PEAK_EQUALIZER[i]) / PEAK_EQUALIZER[i] < 2.2e-5));
  });

  it('reproduces the authors Beta multipliers bit for bit in 438 rounds although q = 5 is no density bound (T-refine)', function () {
    this.timeout(30000);
    const r = refinedAlgorithm1(distributionPreset('bai-golz-beta').agents, { delta: 1e-5, q: 5 });
    assert.deepEqual(r.beta, AUTHORS_BETA_MULTIPLIERS);
    assert.equal(r.rounds, 438);
    assert.deepEqual(r.stepsPerPhase, [0, 19, 18, 16, 17, 18, 23, 31, 31, 31, 31, 31, 31, 30, 31, 32, 31]);
  });

  it('bounds the multiplier ratios by 2q/(1 - n delta) at a delta-equalizing beta (Corollary 13)', () => {
    const r = algorithm1(peaks, { delta: 0.01, q: 1.9 });
    assert.ok(Math.max(...r.beta) / Math.min(...r.beta) <= (2 * 1.9) / (1 - 10 * 0.01));
  });

  it('stops at its round cap and says so when a support leaves [0, 1] (the guarantee does not apply)', () => {
    const r = algorithm1([toDensity('uniform:0,100'), toDensity('uniform:0,1')], { delta: 0.01, q: 1 });
    assert.equal(r.converged, false);
    assert.equal(r.rounds, roundCap(2, 0.005, 1));
    assert.equal(r.rounds, 290);
  });

  it('rejects delta outside (0, 1) and a non-positive q with typed errors', () => {
    assert.throws(() => algorithm1(peaks, { delta: 0, q: 1.9 }), { code: 'bad-delta' });
    assert.throws(() => refinedAlgorithm1(peaks, { delta: 0.1, q: -1 }), { code: 'bad-q' });
  });
});
