import { strict as assert } from 'node:assert';
import { equalizeTwoAgents } from '../../../src/mechanisms/multipliers/bisection';
import { APPENDIX_B_RATIO } from '../../../src/mechanisms/multipliers/reference';
import { toDensity } from '../../../src/stochastic/density';
import { appendixBAgents } from '../../../src/stochastic/presets';

describe('two-agent bisection', () => {
  it('finds the Appendix B multiplier 2√6 - 3 to 1e-10 (T-2agent)', () => {
    const r = equalizeTwoAgents(appendixBAgents());
    assert.ok(Math.abs(r.beta[0] - APPENDIX_B_RATIO) < 1e-10, String(r.beta[0]));
    assert.equal(r.beta[1], 1);
    assert.ok(r.deviation < 1e-14);
  });

  it('returns a point of the flat interval [0.8333, 1.1111] when the equalizer is not unique (T-nonunique)', () => {
    const dists = [toDensity('uniform:1.2,1.8'), toDensity('histogram:0,1,2,3;1,0,1')];
    const r = equalizeTwoAgents(dists);
    assert.ok(r.beta[0] >= 1 / 1.2 - 1e-12 && r.beta[0] <= 2 / 1.8 + 1e-12);
    assert.equal(r.p[0], 0.5);
  });

  it('rejects other than two agents', () => {
    assert.throws(() => equalizeTwoAgents([toDensity('uniform:0,1')]), { code: 'bad-count' });
  });
});
