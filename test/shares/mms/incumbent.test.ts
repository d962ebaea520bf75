import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { Incumbent } from '../../../src/shares/mms/incumbent';

describe('shares: mms / incumbent (the shared witness and proven interval)', () => {
  it('probes strictly inside (lower, upper], halving the interval either way the probe ends', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 1n << 60n }), fc.bigInt({ min: 1n, max: 1n << 60n }), (lower, d) => {
        const inc = new Incumbent([1n], 1, () => {});
        inc.lower = lower;
        inc.upper = lower + d;
        const T = inc.nextProbe();
        assert.ok(T > lower && T <= lower + d);
        // success raises lower to at least T, failure lowers upper to T - 1: both at most halve the gap (rounded up)
        assert.ok(lower + d - T <= (d + 1n) / 2n && T - 1n - lower <= (d + 1n) / 2n);
      }),
      { seed: 1721, numRuns: 300 },
    );
  });

  it('refuses an upper bound below the witness (an unsound search)', () => {
    const inc = new Incumbent([3n, 2n], 2, () => {});
    inc.lower = 2n;
    inc.upper = 2n;
    assert.throws(() => inc.atMost(1n), /below the witness/);
  });
});
