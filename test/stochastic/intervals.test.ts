/** Confidence intervals of the Monte Carlo harness. */
import { strict as assert } from 'node:assert';
import { InvalidInputError } from '../../src/core/errors';
import { jeffreys, wilson } from '../../src/stochastic';
import { close } from '../helpers/approx';

describe('stochastic intervals', () => {
  it('Wilson and Jeffreys intervals match reference values and reach 0 and 1 at the ends', () => {
    const w = wilson(36, 100);
    close(w.lo, 0.2727, 1e-4, 'wilson lo');
    close(w.hi, 0.4576, 1e-4, 'wilson hi');
    const j = jeffreys(36, 100);
    assert.ok(j.lo > 0.26 && j.lo < 0.28 && j.hi > 0.45 && j.hi < 0.47);
    assert.equal(jeffreys(0, 10).lo, 0);
    assert.equal(jeffreys(10, 10).hi, 1);
    assert.throws(() => wilson(3, 2), InvalidInputError);
  });
});
