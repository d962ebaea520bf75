import { strict as assert } from 'node:assert';
import { Allocation, Rational, checkFPO, checkPO, instance } from '../../src/index';

const A = (b: number[][], m: number) => new Allocation(b, m);

describe('efficiency checkers', () => {
  it('fPO: weights certify a welfare-maximal allocation', () => {
    const inst = instance([[3, 1], [1, 3]]);
    const r = checkFPO(inst, A([[0], [1]], 2));
    assert.ok(r.holds);
    assert.equal((r.witness as { weights: Rational[] }).weights.length, 2);
  });
  it('PO but not fPO: the exchange cycle is the witness', () => {
    const inst = instance([[1, 2, 4], [1, 3, 4]]);
    const a = A([[1, 2], [0]], 3);
    const f = checkFPO(inst, a);
    assert.ok(!f.holds);
    const cycle = (f.witness as { cycle: { ratio: Rational }[] }).cycle;
    assert.equal(cycle.reduce((p, c) => p.mul(c.ratio), Rational.ONE).toString(), '3/2');
    assert.ok(checkPO(inst, a).holds);
  });
  it('not PO: the dominating allocation is returned', () => {
    const inst = instance([[1, 1], [2, 1]]);
    const r = checkPO(inst, A([[0], [1]], 2));
    assert.ok(!r.holds);
    assert.deepEqual((r.witness as { dominatingOwners: number[] }).dominatingOwners, [1, 0]);
  });
  it('PO beyond the search budget: the integer program finds a dominating allocation, re-verified exactly', function () {
    this.timeout(60000);
    const m = 20;
    const inst = instance([
      Array.from({ length: m }, (_, g) => (g < 10 ? 10 + g : 1)),
      Array.from({ length: m }, (_, g) => (g >= 10 ? 30 - g : 2)),
      Array.from({ length: m }, () => 1),
    ]);
    const a = A([Array.from({ length: 10 }, (_, g) => g + 10), Array.from({ length: 10 }, (_, g) => g), []], m);
    const r = checkPO(inst, a, 5);
    assert.ok(!r.holds && !r.unchecked, JSON.stringify(r.detail));
    assert.equal((r.detail as { via?: string }).via, 'integer program, re-verified exactly');
    const owners = (r.witness as { dominatingOwners: number[] }).dominatingOwners;
    const bundle = (i: number) => owners.flatMap((o, g) => (o === i ? [g] : []));
    const before = [0, 1, 2].map((i) => inst.value(i, a.bundles[i]));
    const after = [0, 1, 2].map((i) => inst.value(i, bundle(i)));
    assert.ok(after.every((v, i) => v.ge(before[i])) && after.some((v, i) => v.gt(before[i])));
  });
  it('a zero-valued good held while another agent wants it is not fPO', () => {
    assert.ok(!checkFPO(instance([[0, 1], [1, 1]]), A([[0, 1], []], 2)).holds);
  });
});
