/** The simulation's argsort: bids descending, then tie key ascending, equal to a comparator sort on every row. */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { BidOrder } from '../../src/stochastic/argsort';

function reference(values: readonly number[], keys: readonly number[] | null): number[] {
  const key = keys ?? values.map((_, j) => j);
  return values.map((_, j) => j).sort((a, b) => values[b] - values[a] || key[a] - key[b]);
}

function shuffled(m: number, seed: number): number[] {
  const xs = Array.from({ length: m }, (_, j) => j);
  let s = seed >>> 0 || 1;
  for (let i = m - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [xs[i], xs[j]] = [xs[j], xs[i]];
  }
  return xs;
}

const order = (sorter: BidOrder, values: readonly number[], keys: readonly number[] | null) =>
  Array.from(sorter.order(values, keys, new Int32Array(values.length)));

describe('stochastic argsort of bids', () => {
  it('orders every row as the comparator sort does, with and without tie keys (property)', () => {
    const sorter = new BidOrder();
    const bid = fc.oneof(
      fc.double({ noNaN: true }),
      fc.constantFrom(0, -0, 1, 0.5, -1, Infinity, -Infinity, Number.MIN_VALUE, 1 + 2 ** -52),
      fc.integer({ min: -3, max: 3 }),
    );
    fc.assert(
      fc.property(fc.array(bid, { maxLength: 300 }), fc.integer(), (values, seed) => {
        assert.deepEqual(order(sorter, values, null), reference(values, null));
        const keys = shuffled(values.length, seed);
        assert.deepEqual(order(sorter, values, keys), reference(values, keys));
      }),
      { numRuns: 300 },
    );
  });
  it('orders bids that share their high 32 bits by the low ones, and equal bids by key', () => {
    const sorter = new BidOrder();
    const values = Array.from({ length: 500 }, (_, j) => 1 + ((j * 7919) % 500) * 2 ** -50);
    values.push(...values.slice(0, 100));
    assert.deepEqual(order(sorter, values, null), reference(values, null));
    const keys = shuffled(values.length, 7);
    assert.deepEqual(order(sorter, values, keys), reference(values, keys));
  });
  it('orders long rows of spread bids (the bucket order) as the comparator sort does, and reports ties (property)', () => {
    const sorter = new BidOrder();
    fc.assert(
      fc.property(
        fc.integer({ min: 64, max: 400 }),
        fc.integer(),
        fc.constantFrom(1, 3, 1e-300, 1e300, 2 ** -40),
        fc.constantFrom(0, -0.5, 1e9, -1e300),
        fc.array(fc.nat(), { maxLength: 8 }),
        (m, seed, scale, offset, copies) => {
          let s = seed >>> 0 || 1;
          const row = Array.from({ length: m }, () => {
            s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
            return offset + scale * (s / 2 ** 32);
          });
          for (const c of copies) row[(c * 7) % m] = row[c % m];
          const hasTie = new Set(row.map((v) => (v === 0 ? 0 : v))).size < m;
          assert.deepEqual(order(sorter, row, null), reference(row, null));
          assert.equal(sorter.tied, hasTie);
          const keys = shuffled(m, seed);
          assert.deepEqual(order(sorter, row, keys), reference(row, keys));
          assert.equal(sorter.tied, hasTie);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('orders a uniform row of 1000 bids with planted ties by key', () => {
    const sorter = new BidOrder();
    let s = 12345;
    const values = Array.from({ length: 1000 }, () => {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      return s / 2 ** 32;
    });
    for (let j = 0; j < 50; j++) values[999 - j] = values[j * 3];
    const keys = shuffled(values.length, 99);
    assert.deepEqual(order(sorter, values, keys), reference(values, keys));
    assert.equal(sorter.tied, true);
    assert.deepEqual(order(sorter, values.slice(0, 900), null), reference(values.slice(0, 900), null));
    assert.equal(sorter.tied, false);
  });

  it('treats 0 and -0 as one bid and reuses its buffers across row lengths', () => {
    const sorter = new BidOrder();
    assert.deepEqual(order(sorter, [-0, 0, -0, 0.5], [3, 2, 0, 1]), [3, 2, 1, 0]);
    assert.deepEqual(order(sorter, [2, 1, 3], null), [2, 0, 1]);
    assert.deepEqual(order(sorter, [], null), []);
  });
});
