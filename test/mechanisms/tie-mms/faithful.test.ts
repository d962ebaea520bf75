/**
 * FAITHFUL (Lemma 4.11 of Babaioff, Feige & Manaker Morag): the library's one Birkhoff–von Neumann decomposition
 * with goods of share 1 given outright (classic/decomposition.ts).
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { FractionalAllocation } from '../../../src/core/allocation';
import { Rational } from '../../../src/core/rational';
import { decompose, decomposeScaled, type MatchingStrategy } from '../../../src/mechanisms/classic/decomposition';
import { faithfulLottery, faithfulScaled } from '../../../src/mechanisms/tie-mms/faithful';

const q = (x: string) => Rational.from(x);

describe('tie-mms FAITHFUL', () => {
  // agent 0 ranks goods 0, 1, 2 and owns good 1 outright; goods 0 and 2 are split 1/2, 1/2
  const f = [
    [q('1/2'), q('1'), q('1/2')],
    [q('1/2'), q('0'), q('1/2')],
  ];
  const orders = [
    [0, 1, 2],
    [0, 1, 2],
  ];

  it('gives goods of share 1 outright and implements f exactly, one fractional good per slot (Lemma 4.11)', () => {
    const { lottery } = faithfulLottery(f, orders);
    assert.ok(lottery.marginals().equals(new FractionalAllocation(f)));
    for (const e of lottery.entries) {
      assert.ok(e.allocation.bundles[0].includes(1), 'share-1 good kept');
      assert.equal(e.allocation.bundles[0].filter((x) => x !== 1).length, 1, 'one good of the one full slot');
    }
  });

  it('is the shared kernel with fixIntegral, while decompose slots every positive share (same marginals)', () => {
    const D = 2n;
    const scaled = f.map((row) => row.map((x) => (x.num * D) / x.den));
    assert.deepEqual(faithfulScaled(scaled, D, orders), decomposeScaled(scaled, D, orders, { fixIntegral: true }));
    const slotted = decomposeScaled(scaled, D, orders);
    assert.equal(slotted.slots[0].length, 2, "agent 0's share-1 good fills slots with the others");
    assert.ok(decompose(new FractionalAllocation(f), orders).marginals().equals(new FractionalAllocation(f)));
  });

  it('takes the max-min perfect matching first with the bottleneck strategy, the smallest-index one with canonical', () => {
    // shares in sixths: agent 0 (1, 3, 2), agent 1 (5, 3, 4); the canonical first matching has smallest entry 2/6
    const scaled = [
      [1n, 3n, 2n],
      [5n, 3n, 4n],
    ];
    const o = [
      [0, 1, 2],
      [0, 1, 2],
    ];
    const weights = (matching: MatchingStrategy) =>
      decomposeScaled(scaled, 6n, o, { fixIntegral: true, matching }).entries.map((e) => e.w);
    assert.deepEqual(weights('canonical'), [2n, 3n, 1n]);
    assert.deepEqual(weights('bottleneck'), [3n, 2n, 1n]);
  });

  it('implements random fractional allocations exactly with every strategy, floor or ceil of the fractional mass, also past 2^53', () => {
    const strategies: MatchingStrategy[] = ['canonical', 'incremental', 'bottleneck'];
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 4 }),
        fc.integer({ min: 1, max: 7 }),
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 28, maxLength: 28 }),
        fc.boolean(),
        (n, m, raw, huge) => {
          // column x: weights raw over n agents, scaled to a denominator D (a 70-bit one when huge)
          const unit = huge ? 2n ** 60n + 7n : 1n;
          const cols = Array.from({ length: m }, (_, x) => {
            const w = Array.from(
              { length: n },
              (__, i) => BigInt(raw[(x * n + i) % raw.length]) + (i === x % n ? 1n : 0n),
            );
            return w;
          });
          const D = cols.reduce((acc, w) => acc * w.reduce((a, b) => a + b, 0n), 1n) * unit;
          const f = Array.from({ length: n }, (_, i) => cols.map((w) => (w[i] * D) / w.reduce((a, b) => a + b, 0n)));
          const orders = Array.from({ length: n }, (_, i) =>
            Array.from({ length: m }, (__, k) => (k * (i + 1) + i) % m),
          ).map((ord) =>
            [...new Set(ord), ...Array.from({ length: m }, (__, k) => k)].filter((x, k, a) => a.indexOf(x) === k),
          );
          for (const matching of strategies) {
            const res = faithfulScaled(f, D, orders, matching);
            const acc = f.map((row) => row.map(() => 0n));
            let total = 0n;
            for (const e of res.entries) {
              total += e.w;
              e.owner.forEach((i, x) => (acc[i][x] += e.w));
              f.forEach((row, i) => {
                // share-1 goods outright; of the fractional ones, floor or ceil of the fractional mass (one per slot)
                let mass = 0n;
                let got = 0n;
                row.forEach((v, x) => {
                  if (v === D) assert.equal(e.owner[x], i, `${matching}: share-1 good ${x} of agent ${i}`);
                  else if (v > 0n) {
                    mass += v;
                    if (e.owner[x] === i) got++;
                  } else assert.notEqual(e.owner[x], i, `${matching}: share-0 good ${x} of agent ${i}`);
                });
                assert.ok(got * D >= mass - D + 1n && got * D <= mass + D - 1n, `${matching}: agent ${i} gets ${got}`);
              });
            }
            assert.equal(total, D, matching);
            assert.deepEqual(acc, f, `${matching}: marginals`);
          }
        },
      ),
      { numRuns: 150, seed: 17 },
    );
  });
});
