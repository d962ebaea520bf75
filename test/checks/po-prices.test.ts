import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { Allocation } from '../../src/core/allocation';
import { instance } from '../../src/core/instance';
import { Rational } from '../../src/core/rational';
import { checkPO } from '../../src/checks/efficiency';
import { checkPrices, findPriceCertificate, integerUnits } from '../../src/checks/po-prices';
import { solve } from '../../src/index';
import { uniformInstance } from '../../src/generators';

/** max { a(S) - p(S) : a(S) >= b } over every subset S, by enumeration. */
function bruteBound(a: number[], b: number, p: number[]): number {
  let best = -Infinity;
  for (let mask = 0; mask < 1 << a.length; mask++) {
    let value = 0;
    let price = 0;
    for (let g = 0; g < a.length; g++)
      if (mask & (1 << g)) {
        value += a[g];
        price += p[g];
      }
    if (value >= b && value - price > best) best = value - price;
  }
  return best;
}

describe('PO by prices (dual of the configuration LP)', () => {
  it('computes each agent bound max{a_i(S) - p(S) : a_i(S) >= b_i} exactly (300 random rows and prices)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }),
        fc.array(fc.array(fc.nat(9), { minLength: 8, maxLength: 8 }), { minLength: 3, maxLength: 3 }),
        fc.array(fc.nat(40), { minLength: 8, maxLength: 8 }),
        fc.array(fc.nat(2), { minLength: 8, maxLength: 8 }),
        (n, values, quarters, owner) => {
          const rows = values.slice(0, n).map((r) => r.map(BigInt));
          const own = owner.map((o) => o % n);
          // prices in quarters: D = 4
          const check = checkPrices(rows, own, quarters, 4)!;
          let total = quarters.reduce((x, y) => x + y, 0) / 4;
          let B = 0;
          for (let i = 0; i < n; i++) {
            const a = values[i];
            const b = a.reduce((s, x, g) => s + (own[g] === i ? x : 0), 0);
            B += b;
            const want = bruteBound(
              a,
              b,
              quarters.map((q) => q / 4),
            );
            assert.equal(check.bounds[i].toNumber(), want);
            total += want;
          }
          assert.equal(check.total.toNumber(), total);
          assert.equal(check.holds, total < B + 1);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a certificate that holds is never beaten by a Pareto improvement (soundness on 300 random cases)', () => {
    let certified = 0;
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 6, maxLength: 6 }), {
          minLength: 2,
          maxLength: 2,
        }),
        fc.array(fc.nat(1), { minLength: 6, maxLength: 6 }),
        fc.array(fc.nat(2), { minLength: 6, maxLength: 6 }),
        fc.boolean(),
        (values, random, noise, welfare) => {
          // half the cases: the welfare-maximal owners and prices near the highest value (which certify them)
          const owner = welfare ? values[0].map((x, g) => (values[1][g] > x ? 1 : 0)) : random;
          const halves = values[0].map((x, g) => 2 * Math.max(x, values[1][g]) + noise[g]);
          const check = checkPrices(
            values.map((r) => r.map(BigInt)),
            owner,
            halves,
            2,
          )!;
          if (!check.holds) return;
          certified++;
          const b = [0, 1].map((i) => values[i].reduce((s, x, g) => s + (owner[g] === i ? x : 0), 0));
          for (let mask = 0; mask < 1 << 6; mask++) {
            const u = [0, 1].map((i) => values[i].reduce((s, x, g) => s + (((mask >> g) & 1) === i ? x : 0), 0));
            assert.ok(!(u[0] >= b[0] && u[1] >= b[1] && u[0] + u[1] > b[0] + b[1]), `mask ${mask} dominates`);
          }
        },
      ),
      { numRuns: 300 },
    );
    // the property is not vacuous
    assert.ok(certified >= 30, `only ${certified} certificates held`);
  });

  it('scales each agent to integer units (row times the lcm of its denominators, over the gcd)', () => {
    const inst = instance([
      ['1/2', '3/4', '0'],
      [6, 4, 2],
    ]);
    const { rows, scale } = integerUnits(inst);
    assert.deepEqual(rows, [
      [2n, 3n, 0n],
      [3n, 2n, 1n],
    ]);
    assert.deepEqual(scale.map(String), ['4', '1/2']);
  });

  it('proves PO of round robin at (10, 50) with prices checked exactly: the total reaches B and stays below B + 1', function () {
    this.timeout(60_000);
    const inst = uniformInstance({ n: 10, m: 50, seed: 17_000 + 10 * 1000 + 50 });
    const a = solve('round-robin', inst).allocation!;
    const r = findPriceCertificate(inst, a);
    assert.ok(r.holds, 'reason' in r ? r.reason : '');
    const b = inst.values.reduce((s, _, i) => s.add(inst.value(i, a.bundles[i])), Rational.ZERO);
    assert.equal(r.check.total.toString(), b.toString());
    assert.equal(r.check.needed.toString(), b.add(1).toString());
    // the witness re-checks: the same prices give the same verdict
    const again = checkPrices(
      integerUnits(inst).rows,
      a.owners(),
      r.prices.map((p) => Number(p.mul(2 ** 20).num)),
      2 ** 20,
    )!;
    assert.equal(again.holds, true);
  });

  it('finds no certificate for an allocation that is not PO, and checkPO then fails it with an improvement (negative control)', function () {
    this.timeout(60_000);
    // agent 1 values good 0 more and good 1 less than agent 0: swapping helps both
    const inst = instance([
      [1, 5, 3, 3],
      [5, 1, 3, 3],
    ]);
    const a = new Allocation(
      [
        [0, 2],
        [1, 3],
      ],
      4,
    );
    const r = findPriceCertificate(inst, a);
    assert.equal(r.holds, false);
    // the node budget 0 sends checkPO past its exact search to the price and integer-program stages
    const po = checkPO(inst, a, 0, { exchanges: false });
    assert.equal(po.holds, false);
    assert.equal(po.unchecked, undefined);
    const owners = (po.witness as { dominatingOwners: number[] }).dominatingOwners;
    const after = [0, 1].map((i) =>
      inst.value(
        i,
        owners.flatMap((o, g) => (o === i ? [g] : [])),
      ),
    );
    const before = [0, 1].map((i) => inst.value(i, a.bundles[i]));
    assert.ok(after.every((v, i) => v.ge(before[i])) && after.some((v, i) => v.gt(before[i])));
  });

  it('takes a fractional time limit, as a share of a certify budget is', function () {
    this.timeout(60_000);
    const inst = instance([
      [1, 2, 4],
      [1, 3, 4],
    ]);
    const r = findPriceCertificate(inst, new Allocation([[1, 2], [0]], 3), 2000.5);
    assert.equal(r.holds, true);
  });

  it('proves PO of a PO but not fPO allocation that the exact search is not allowed to settle', function () {
    this.timeout(60_000);
    const inst = instance([
      [1, 2, 4],
      [1, 3, 4],
    ]);
    const a = new Allocation([[1, 2], [0]], 3);
    const po = checkPO(inst, a, 0, { exchanges: false });
    assert.equal(po.holds, true);
    assert.match(String(po.detail.via), /price certificate/);
  });
});
