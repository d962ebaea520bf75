import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { mmsOfIntegers } from '../../../src/shares/mms';
import { bruteForceMms } from '../../helpers/mms-brute-force';

describe('shares: mms / solver (the portfolio under one budget)', () => {
  it('proves the brute-force optimum with a witness on wide values, n = 3..5, every search in the portfolio (300 seeded)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 5 }),
        fc.array(fc.bigInt({ min: 0n, max: (1n << 52n) - 1n }), { minLength: 3, maxLength: 10 }),
        fc.constantFrom(17n, 30n, 47n, 52n),
        (n, raw, bits) => {
          const values = raw.map((v) => v % (1n << bits));
          values[0] += 1n << 16n;
          const r = mmsOfIntegers(values, n, { timeLimitMs: 20_000 });
          assert.equal(r.status, 'optimal');
          assert.equal(r.value, bruteForceMms(values, n));
          assert.equal(r.partition.length, n);
          const seen = r.partition.flat().sort((a, b) => a - b);
          assert.deepEqual(
            seen,
            values.map((_, i) => i),
          );
          for (const b of r.partition) assert.ok(b.reduce((t, g) => t + values[g], 0n) >= r.value);
        },
      ),
      { seed: 1722, numRuns: 300 },
    );
  });

  it('a perfect partition of wide values ends the run at the average (three bundles, 24 goods)', () => {
    // three bundles of equal value built from distinct 40-bit goods
    const base = [
      912345678901n,
      823456789012n,
      734567890123n,
      645678901234n,
      556789012345n,
      467890123456n,
      378901234567n,
    ];
    const bundle = (shift: bigint) => [...base.map((v) => v + shift), 8n * 1000n - 7n * shift];
    const values = [...bundle(0n), ...bundle(1000n), ...bundle(500n)];
    const total = values.reduce((a, b) => a + b, 0n);
    const r = mmsOfIntegers(values, 3, { timeLimitMs: 20_000 });
    assert.equal(r.status, 'optimal');
    assert.equal(r.value, total / 3n);
  });
});
