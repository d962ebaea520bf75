import { strict as assert } from 'node:assert';
import { BetaDensity, toDensity } from '../../src/stochastic/density';
import { integrate } from '../../src/stochastic/quadrature';
import { uniform } from '../../src/stochastic/piecewise';

describe('density distributions', () => {
  it('parses peak, uniform, histogram and beta specs into densities', () => {
    assert.equal(toDensity('peak:0.5').spec, 'peak:0.5');
    assert.equal(toDensity('peak:0.5,0.2').pdf(0), 0.2);
    assert.equal(toDensity('uniform:1,3').pdf(2), 0.5);
    assert.ok(Math.abs(toDensity('histogram:0,1,2;1,3').pdf(1.5) - 0.75) < 1e-15);
    assert.equal(toDensity('beta:2,2').pdf(0.5), 1.5);
    assert.equal(toDensity(uniform(0, 2)).cdf(1), 0.5);
  });

  it('rejects distributions without a density with a typed error', () => {
    assert.throws(() => toDensity('exp:1'), { code: 'bad-distribution' });
    assert.throws(() => toDensity('discrete:1,2;1,1'), { code: 'bad-distribution' });
    assert.throws(() => toDensity('peak:x'), { code: 'bad-distribution' });
    assert.throws(() => toDensity(3), { code: 'bad-distribution' });
  });

  it('gives Beta partial expectations that match quadrature', () => {
    const d = new BetaDensity(2, 5);
    const q = integrate((x) => x * d.pdf(x), 0, 0.3).value;
    assert.ok(Math.abs(d.partialMean(0.3) - q) < 1e-13);
    assert.equal(d.partialMean(1), d.mean());
  });
});
