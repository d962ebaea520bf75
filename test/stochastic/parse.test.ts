/** Distribution specs as the CLI and mechanism options write them (uniform:a,b, exp:l, beta:a,b, samples:FILE). */
import { strict as assert } from 'node:assert';
import { InvalidInputError } from '../../src/core/errors';
import { parseDistribution } from '../../src/stochastic';
import { close } from '../helpers/approx';

describe('stochastic distribution specs', () => {
  it('parses the CLI distribution families and rejects bad specs with typed errors', () => {
    assert.equal(parseDistribution('uniform:0,1').name, 'Uniform[0, 1]');
    assert.equal(parseDistribution('exp:2').mean(), 0.5);
    close(parseDistribution('beta:2,3').mean(), 0.4, 1e-15, 'beta');
    close(parseDistribution('samples:x', () => '[0.1, 0.2, 0.4, 0.4, 0.7, 1.0]').mean(), 0.4666667, 1e-7, 'samples');
    close(parseDistribution('samples:x', () => '0.1 0.2\n0.4,0.4 0.7 1.0').mean(), 0.4666667, 1e-7, 'samples text');
    assert.throws(() => parseDistribution('uniform:1'), /expected uniform:a,b/);
    assert.throws(() => parseDistribution('gauss:0,1'), /unknown family "gauss"/);
    assert.throws(() => parseDistribution('exp:-1'), InvalidInputError);
    assert.throws(() => parseDistribution('samples:x', () => '[1, "a"]'), /entry 1/);
    assert.throws(() => parseDistribution('uniform:-1,1'), /negative/);
  });
});
