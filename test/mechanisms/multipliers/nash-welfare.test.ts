import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { instance } from '../../../src/core/instance';
import { Rational } from '../../../src/core/rational';
import { exactMaxNashWelfare } from '../../../src/mechanisms/multipliers/nash-welfare';
import { trialMatrices } from '../../../src/experiments/trials';
import { protocol } from '../../../src/experiments/protocols';
import { distributionPreset } from '../../../src/stochastic/presets';

/**
 * The MNW allocation by enumerating all n^m allocations in exact Rationals: most agents with positive utility, then
 * the largest product, then the lexicographically smallest owner vector.
 */
function bruteForce(values: readonly (readonly Rational[])[]): {
  owner: number[];
  positive: number;
  product: Rational;
} {
  const n = values.length,
    m = values[0].length;
  let best = { owner: [] as number[], positive: -1, product: Rational.ZERO };
  // codes in increasing order with good 0 as the most significant digit enumerate owner vectors lexicographically
  for (let code = 0; code < n ** m; code++) {
    const owner = new Array<number>(m);
    let c = code;
    for (let g = m - 1; g >= 0; g--) {
      owner[g] = c % n;
      c = Math.floor(c / n);
    }
    const u = new Array<Rational>(n).fill(Rational.ZERO);
    owner.forEach((i, g) => (u[i] = u[i].add(values[i][g])));
    const pos = u.filter((x) => x.sign() > 0);
    const product = pos.reduce((p, x) => p.mul(x), Rational.ONE);
    if (pos.length > best.positive || (pos.length === best.positive && product.gt(best.product)))
      best = { owner, positive: pos.length, product };
  }
  return best;
}

const owners = (values: readonly (readonly Rational[])[]) =>
  exactMaxNashWelfare(instance(values.map((r) => r.map((v) => v.toString())))).allocation.owners();

function agreesWithBruteForce(values: Rational[][]): void {
  const r = exactMaxNashWelfare(instance(values.map((row) => row.map((v) => v.toString()))));
  const b = bruteForce(values);
  const label = JSON.stringify(values.map((row) => row.map(String)));
  assert.equal(r.positive, b.positive, label);
  assert.ok(r.product.eq(b.product), `${label}: ${r.product} vs ${b.product}`);
  assert.deepEqual(Array.from(r.allocation.owners()), b.owner, label);
}

const smallInteger = fc.integer({ min: 0, max: 4 }).map((k) => Rational.from(k));
const positiveFraction = fc
  .tuple(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 7 }))
  .map(([a, b]) => Rational.from(a).div(Rational.from(b)));

function matrix(cell: fc.Arbitrary<Rational>) {
  return fc
    .tuple(fc.integer({ min: 2, max: 4 }), fc.integer({ min: 1, max: 6 }))
    .chain(([n, m]) => fc.array(fc.array(cell, { minLength: m, maxLength: m }), { minLength: n, maxLength: n }));
}

describe('integral maximum Nash welfare', () => {
  it('agrees with brute force on small integer instances with ties and zero values (positive count, product, tie-break)', () => {
    fc.assert(fc.property(matrix(smallInteger), agreesWithBruteForce), { seed: 7, numRuns: 300 });
  });

  it('agrees with brute force on positive fractional instances, where the price bound prunes', () => {
    fc.assert(
      fc.property(matrix(positiveFraction), (values) => {
        agreesWithBruteForce(values);
        const r = exactMaxNashWelfare(instance(values.map((row) => row.map(String))));
        assert.equal(r.priceBound, values[0].length >= values.length);
      }),
      { seed: 8, numRuns: 200 },
    );
  });

  it('agrees with brute force on positive integer instances with many ties, where the price bound prunes', () => {
    const cell = fc.integer({ min: 1, max: 3 }).map((k) => Rational.from(k));
    fc.assert(fc.property(matrix(cell), agreesWithBruteForce), { seed: 9, numRuns: 200 });
  });

  it('agrees with brute force on five Beta agents with 6 goods (Figure 6 agents)', () => {
    const p = protocol('bai-golz-fig6');
    for (const U of trialMatrices(p, distributionPreset(p.preset).agents, 6, 0, 5))
      agreesWithBruteForce(U.map((row) => Array.from(row, (v) => Rational.fromNumber(v))));
  });

  it('maximizes the number of agents with positive utility first', () => {
    const r = exactMaxNashWelfare(
      instance([
        [5, 5],
        [1, 0],
        [0, 1],
      ]),
    );
    assert.equal(r.positive, 2);
    assert.equal(r.priceBound, false);
    assert.deepEqual(r.allocation.toJSON(), [[0], [], [1]]);
    assert.ok(r.product.eq(5));
  });

  it('picks the lexicographically smallest owner vector among exact maximisers', () => {
    const ones = [1, 1, 1, 1].map((v) => Rational.from(v));
    assert.deepEqual(Array.from(owners([ones, ones])), [0, 0, 1, 1]);
  });

  it('tells apart allocations whose products differ below the float tolerance, exactly', () => {
    // (1 + 1e-12) * 1 vs 1 * 1: the float tolerance keeps both and the exact comparison decides
    const e = Rational.from(1).add(Rational.from(1).div(Rational.from(10n ** 12n)));
    const r = exactMaxNashWelfare(
      instance([
        [e.toString(), '1'],
        ['1', '1'],
      ]),
    );
    assert.deepEqual(r.allocation.toJSON(), [[0], [1]]);
    assert.ok(r.product.eq(e));
  });

  it('proves the optimum of Figure 6 trials at m = 20 within a modest node budget', () => {
    const p = protocol('bai-golz-fig6');
    for (const U of trialMatrices(p, distributionPreset(p.preset).agents, 20, 0, 5)) {
      const r = exactMaxNashWelfare(instance(U.map((row) => Array.from(row, (v) => Rational.fromNumber(v)))), {
        maxNodes: 200_000,
      });
      assert.equal(r.positive, 5);
      assert.ok(r.priceBound);
    }
  });

  it('gives up with a typed error when the node budget runs out', () => {
    assert.throws(
      () =>
        exactMaxNashWelfare(
          instance([
            [1, 2, 3, 4],
            [4, 3, 2, 1],
          ]),
          { maxNodes: 3 },
        ),
      { code: 'node-budget' },
    );
  });

  it('refuses values whose ratio leaves the range of doubles', () => {
    assert.throws(
      () =>
        exactMaxNashWelfare(
          instance([
            ['1', `1/${10n ** 400n}`],
            ['1', '1'],
          ]),
        ),
      { code: 'float-range' },
    );
  });
});
