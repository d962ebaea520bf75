import { strict as assert } from 'node:assert';
import { exactScaled, exactSign, filteredSign } from '../../src/experiments/exact-sums';

describe('exact sums of doubles', () => {
  it('scales doubles exactly to integers times 2^-1074, subnormals and signs included', () => {
    assert.equal(exactScaled(0), 0n);
    assert.equal(exactScaled(5e-324), 1n);
    assert.equal(exactScaled(1), 1n << 1074n);
    assert.equal(exactScaled(-0.5), -(1n << 1073n));
    assert.equal(exactScaled(0.1) + exactScaled(0.2) === exactScaled(0.30000000000000004), false);
  });

  it('decides 0.1 + 0.2 against 0.3 exactly, where floats say they differ by rounding', () => {
    const row = [0.1, 0.2, 0.3];
    // in doubles 0.1 + 0.2 = 0.30000000000000004 > 0.3; exactly, 0.1 + 0.2 (as doubles) > 0.3 (as a double) too
    assert.equal(exactSign(row, [0, 1], [2]), 1);
    assert.equal(exactSign([0.5, 0.25, 0.75], [0, 1], [2]), 0);
    assert.equal(exactSign([0.5, 0.25, 0.75], [0, 1], [2], -Number.MIN_VALUE), -1);
  });

  it('leaves only close calls to exact arithmetic', () => {
    assert.equal(filteredSign({ value: 2, terms: 3 }, { value: 1, terms: 3 }), 1);
    assert.equal(filteredSign({ value: 1, terms: 3 }, { value: 2, terms: 3 }), -1);
    assert.equal(filteredSign({ value: 1, terms: 3 }, { value: 1 + 2 ** -52, terms: 3 }), null);
    assert.equal(filteredSign({ value: 1, terms: 2 }, { value: 1.5, terms: 2 }, 0.5), null);
  });
});
