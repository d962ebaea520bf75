import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { FailureMemo } from '../../../src/shares/mms/failure-memo';

describe('shares: mms / failure-memo (refuted states of the exact cover)', () => {
  it('answers like a map from (mask, bundles left) to the smallest refuted threshold (300 seeded)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }),
        fc.array(
          fc.record({
            mask: fc.array(fc.integer({ min: 0, max: 15 }), { minLength: 3, maxLength: 3 }),
            k: fc.integer({ min: 1, max: 4 }),
            T: fc.integer({ min: 0, max: 100 }),
            store: fc.boolean(),
          }),
          { maxLength: 400 },
        ),
        (words, ops) => {
          const memo = new FailureMemo(words);
          const ref = new Map<string, number>();
          for (const { mask, k, T, store } of ops) {
            // masks of 4 bits per word, spread over the words: many collisions of equal keys
            const m = Uint32Array.from(mask.slice(0, words), (x, w) => (x << (4 * w)) >>> 0);
            const key = `${[...m].join(',')}/${k}`;
            if (store) {
              memo.set(m, k, T);
              ref.set(key, Math.min(ref.get(key) ?? Infinity, T));
            } else assert.equal(memo.get(m, k), ref.get(key) ?? Infinity);
          }
          assert.equal(memo.size, ref.size);
        },
      ),
      { seed: 1733, numRuns: 300 },
    );
  });

  it('keeps the smallest threshold, tells bundle counts apart, and forgets everything past its limit', () => {
    const memo = new FailureMemo(2, 3);
    const a = Uint32Array.from([5, 1]);
    memo.set(a, 3, 40);
    memo.set(a, 3, 50);
    assert.equal(memo.get(a, 3), 40, 'a later refutation at a higher threshold keeps the lower one');
    // negative control: the same covered items with another bundle count were never refuted
    assert.equal(memo.get(a, 2), Infinity);
    assert.equal(memo.get(Uint32Array.from([5, 0]), 3), Infinity);
    memo.set(a, 2, 7);
    memo.set(Uint32Array.from([5, 0]), 3, 9);
    assert.equal(memo.size, 3);
    memo.set(Uint32Array.from([6, 0]), 3, 1);
    assert.equal(memo.size, 1, 'the fourth entry empties the table first');
    assert.equal(memo.get(a, 3), Infinity);
    assert.equal(memo.get(Uint32Array.from([6, 0]), 3), 1);
  });

  it('grows from its first table of 2^10 slots to 300 000 entries and still finds every entry', () => {
    const memo = new FailureMemo(2);
    const n = 300_000;
    for (let i = 0; i < n; i++) memo.set(Uint32Array.from([i, i % 7]), 1 + (i % 3), i);
    assert.equal(memo.size, n);
    for (let i = 0; i < n; i += 997) assert.equal(memo.get(Uint32Array.from([i, i % 7]), 1 + (i % 3)), i);
    assert.equal(memo.get(Uint32Array.from([n, 0]), 1), Infinity);
  });
});
