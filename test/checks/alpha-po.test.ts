/**
 * The alpha-PO certificate of paper 001 (Halpern–Psomas–Zhang), Appendix A / Theorem A.1, seed-001 spec
 * C13: hand instances with exact witnesses, agreement of the three methods (weighted-sum test, exact
 * search, HiGHS) on seeded random tiny instances, the HiGHS path on medium instances with exact
 * re-verification, the registered `alpha-po` claim, and invalid input.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import {
  Allocation,
  certify,
  checkAlphaPO,
  checkPO,
  instance,
  Outcome,
  Rational,
  solve,
  type Instance,
} from '../../src';
import { InvalidInputError } from '../../src/core/errors';
import { rng } from '../../src/core/rng';

const A = (b: number[][], m: number) => new Allocation(b, m);
type Detail = Record<string, unknown>;

/** Exact re-verification of a "not alpha-PO" witness: u_i(A') ≥ u_i(A)/alpha for all i, one strict. */
function assertDominates(inst: Instance, a: Allocation, alpha: string, owners: number[]): void {
  const al = Rational.from(alpha);
  const u = inst.values.map((row, i) => Rational.sum(owners.flatMap((o, g) => (o === i ? [row[g]] : []))));
  const t = a.bundles.map((b, i) => inst.value(i, b).div(al));
  assert.ok(
    u.every((x, i) => x.ge(t[i])),
    `witness misses a target: ${u} vs ${t}`,
  );
  assert.ok(
    u.some((x, i) => x.gt(t[i])),
    `witness is not strictly better for anyone: ${u} vs ${t}`,
  );
}

/** Exact re-verification of a weight certificate. */
function assertWeights(inst: Instance, a: Allocation, alpha: string, w: Rational[]): void {
  const lhs = Rational.sum(a.bundles.map((b, i) => w[i].mul(inst.value(i, b))));
  let opt = Rational.ZERO;
  for (let g = 0; g < inst.m; g++)
    opt = opt.add(inst.values.reduce((best, row, i) => Rational.max(best, w[i].mul(row[g])), Rational.ZERO));
  const rhs = opt.mul(Rational.from(alpha));
  assert.ok(w.every((x) => x.sign() > 0) ? lhs.ge(rhs) : lhs.gt(rhs), `weights do not certify: ${lhs} vs ${rhs}`);
}

describe('alpha-PO: hand instances (C13)', () => {
  const inst = instance([
    [1, 1],
    [2, 1],
  ]);
  const a = A([[0], [1]], 2);
  it('an allocation that is not PO has the unique dominating allocation as witness (every method)', () => {
    for (const method of ['auto', 'enumeration', 'ilp'] as const) {
      const r = checkAlphaPO(inst, a, 1, { method });
      assert.equal(r.holds, false, method);
      assert.ok(!r.unchecked, method);
      assert.deepEqual((r.witness as { dominatingOwners: number[] }).dominatingOwners, [1, 0], method);
      assert.deepEqual((r.witness as { utilities: Rational[] }).utilities.map(String), ['1', '2'], method);
      assert.equal(r.detail.exact, true);
    }
    assert.ok(!checkPO(inst, a).holds, 'agrees with checkPO');
  });
  it('an allocation that is alpha-PO but not PO is certified at 99/100 by exact search and at 1/2 by the Negishi weights', () => {
    const r = checkAlphaPO(inst, a, '99/100');
    assert.ok(r.holds && !r.unchecked);
    assert.equal(r.detail.method, 'enumeration');
    assert.equal((r.detail.attempts as Detail[])[0].holds, false);
    const half = checkAlphaPO(inst, a, '1/2');
    assert.ok(half.holds);
    assert.equal(half.detail.method, 'weighted-sum');
    assert.equal(half.detail.weightsFrom, 'Negishi 1/u_i(A)');
    assert.deepEqual((half.witness as { weights: Rational[] }).weights.map(String), ['1', '1']);
    assert.equal(String(half.detail.weightedWelfare), '2');
    assert.equal(String(half.detail.weightedOptimum), '3');
  });
  it('a swap that doubles both utilities refutes 1/2-PO, but 1/3-PO holds (equality is no domination)', () => {
    const sw = instance([
      [1, 3],
      [3, 1],
    ]);
    const worst = A([[0], [1]], 2);
    const r = checkAlphaPO(sw, worst, '1/2');
    assert.ok(!r.holds && !r.unchecked);
    assert.deepEqual((r.witness as { dominatingOwners: number[] }).dominatingOwners, [1, 0]);
    assertDominates(sw, worst, '1/2', [1, 0]);
    assert.deepEqual((r.detail.targets as Rational[]).map(String), ['2', '2']);
    const third = checkAlphaPO(sw, worst, '1/3', { method: 'enumeration' });
    assert.ok(third.holds && !third.unchecked);
    const thirdIlp = checkAlphaPO(sw, worst, '1/3', { method: 'ilp' });
    assert.ok(thirdIlp.holds && !thirdIlp.unchecked);
  });
  it('PO but not fPO: no weight certificate exists, exact search proves PO and HiGHS agrees (solver-based)', () => {
    const i2 = instance([
      [1, 2, 4],
      [1, 3, 4],
    ]);
    const a2 = A([[1, 2], [0]], 3);
    const ws = checkAlphaPO(i2, a2, 1, { method: 'weighted-sum' });
    assert.ok(ws.unchecked && !ws.holds, 'the sufficient test is inconclusive, reported as unchecked');
    const ex = checkAlphaPO(i2, a2, 1);
    assert.ok(ex.holds && ex.detail.method === 'enumeration' && ex.detail.exact === true);
    const ilp = checkAlphaPO(i2, a2, 1, { method: 'ilp' });
    assert.ok(ilp.holds && ilp.detail.method === 'highs-ilp' && ilp.detail.exact === false);
    const strict = checkAlphaPO(i2, a2, 1, { method: 'ilp', requireExact: true });
    assert.ok(strict.unchecked && /requireExact/.test(String(strict.detail.reason)));
  });
  it('given weights are tried first (a welfare-maximal allocation with w = (1, 1))', () => {
    const i3 = instance([
      [3, 1],
      [1, 3],
    ]);
    const r = checkAlphaPO(i3, A([[0], [1]], 2), 1, { weights: [1, 1] });
    assert.ok(r.holds);
    assert.equal(r.detail.weightsFrom, 'given');
    assert.equal(r.detail.test, 'sum_i w_i u_i(A) ≥ alpha · sum_j max_i w_i v_ij, w > 0');
    // zero weights: only the strict inequality certifies
    const z = checkAlphaPO(i3, A([[0], [1]], 2), '1/2', { weights: [1, 0] });
    assert.ok(z.holds && z.detail.weightsFrom === 'given');
    assertWeights(i3, A([[0], [1]], 2), '1/2', [Rational.ONE, Rational.ZERO]);
  });
  it('handles agents with utility 0 and goods nobody values', () => {
    const i4 = instance([
      [0, 0, 5],
      [0, 2, 0],
      [0, 0, 0],
    ]);
    const a4 = A([[2], [1], [0]], 3);
    assert.ok(checkAlphaPO(i4, a4, 1).holds);
    assert.ok(checkAlphaPO(i4, a4, 1, { method: 'ilp' }).holds);
    // agent 2 holds good 1 that agent 1 values: dominated
    const bad = A([[2], [0], [1]], 3);
    const r = checkAlphaPO(i4, bad, 1);
    assert.ok(!r.holds && !r.unchecked);
    assertDominates(i4, bad, '1', (r.witness as { dominatingOwners: number[] }).dominatingOwners);
    const all0 = instance([
      [0, 0],
      [0, 0],
    ]);
    assert.ok(checkAlphaPO(all0, A([[0, 1], []], 2), '1/5').holds);
  });
});

describe('alpha-PO: the three methods agree on seeded random tiny instances (C13)', () => {
  const arb = fc.record({
    n: fc.integer({ min: 2, max: 3 }),
    m: fc.integer({ min: 1, max: 6 }),
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    alpha: fc.constantFrom('1', '9/10', '3/4', '1/2', '1/3'),
  });
  const make = ({ n, m, seed }: { n: number; m: number; seed: number }) => {
    const r = rng(seed);
    const inst = instance(Array.from({ length: n }, () => Array.from({ length: m }, () => r.int(0, 5))));
    const a = Allocation.fromOwners(
      Array.from({ length: m }, () => r.int(0, n - 1)),
      n,
    );
    return { inst, a };
  };
  it('the weighted-sum test implies enumeration, enumeration at alpha = 1 equals checkPO, and witnesses verify exactly (200 runs)', () => {
    let certifiedByWeights = 0,
      dominated = 0;
    fc.assert(
      fc.property(arb, (p) => {
        const { inst, a } = make(p);
        const ex = checkAlphaPO(inst, a, p.alpha, { method: 'enumeration' });
        assert.ok(!ex.unchecked);
        const ws = checkAlphaPO(inst, a, p.alpha, { method: 'weighted-sum' });
        if (ws.holds) {
          certifiedByWeights++;
          assert.ok(ex.holds, 'the weighted-sum test is sound');
          assertWeights(inst, a, p.alpha, (ws.witness as { weights: Rational[] }).weights);
        } else assert.ok(ws.unchecked);
        if (!ex.holds) {
          dominated++;
          assertDominates(inst, a, p.alpha, (ex.witness as { dominatingOwners: number[] }).dominatingOwners);
        }
        if (p.alpha === '1') assert.equal(ex.holds, checkPO(inst, a).holds, 'alpha = 1 is PO');
        const auto = checkAlphaPO(inst, a, p.alpha);
        assert.equal(auto.holds, ex.holds);
      }),
      { numRuns: 200, seed: 2026 },
    );
    assert.ok(
      certifiedByWeights > 10 && dominated > 10,
      `both outcomes exercised: ${certifiedByWeights} by weights, ${dominated} dominated`,
    );
  });
  it('HiGHS (weights LP, then the integer program) agrees with the exact search (25 runs)', function () {
    this.timeout(120000);
    const methods = new Set<string>();
    fc.assert(
      fc.property(arb, (p) => {
        const { inst, a } = make(p);
        const ex = checkAlphaPO(inst, a, p.alpha, { method: 'enumeration' });
        const hi = checkAlphaPO(inst, a, p.alpha, { method: 'ilp' });
        assert.ok(!hi.unchecked, `HiGHS undecided: ${String(hi.detail.reason)}`);
        assert.equal(hi.holds, ex.holds, `HiGHS ${hi.holds} vs exact ${ex.holds}`);
        methods.add(`${hi.detail.method}:${hi.holds}`);
        if (!hi.holds)
          assertDominates(inst, a, p.alpha, (hi.witness as { dominatingOwners: number[] }).dominatingOwners);
        if (hi.detail.method === 'highs-weights-lp')
          assertWeights(inst, a, p.alpha, (hi.witness as { weights: Rational[] }).weights);
      }),
      { numRuns: 25, seed: 7 },
    );
    assert.ok(methods.has('highs-ilp:false'), `paths seen: ${[...methods]}`);
  });
});

describe('alpha-PO: HiGHS on medium instances (n = 3, m = 20; n^m > 10^6) (C13)', function () {
  this.timeout(120000);
  const n = 3,
    m = 20;
  const r = rng('alpha-po-medium');
  const values = Array.from({ length: n }, () => Array.from({ length: m }, () => r.int(1, 30)));
  const inst = instance(values);
  it("a random allocation is dominated: HiGHS finds A', re-verified exactly", () => {
    const a = Allocation.fromOwners(
      Array.from({ length: m }, () => r.int(0, n - 1)),
      n,
    );
    const res = checkAlphaPO(inst, a, '9/10');
    assert.ok(!res.holds && !res.unchecked, String(res.detail.reason));
    assert.equal(res.detail.method, 'highs-ilp');
    assert.equal(res.detail.verified, 'exactly (Rational)');
    assertDominates(inst, a, '9/10', (res.witness as { dominatingOwners: number[] }).dominatingOwners);
  });
  it('the welfare-maximal allocation is PO: the Negishi weights fail, the weights LP gives exact weights', () => {
    const owners = Array.from({ length: m }, (_, g) =>
      [0, 1, 2].reduce((b, i) => (values[i][g] > values[b][g] ? i : b), 0),
    );
    const a = Allocation.fromOwners(owners, n);
    const res = checkAlphaPO(inst, a, 1);
    assert.ok(res.holds && !res.unchecked, String(res.detail.reason));
    assert.equal((res.detail.attempts as Detail[])[0].weights, 'Negishi 1/u_i(A)');
    assert.equal((res.detail.attempts as Detail[])[0].holds, false);
    assert.equal(res.detail.method, 'highs-weights-lp');
    assert.equal(res.detail.exact, true);
    assertWeights(inst, a, '1', (res.witness as { weights: Rational[] }).weights);
  });
  it('PO but not fPO, padded to m = 20: the integer program is infeasible (solver-based), requireExact leaves it unchecked', () => {
    // goods 0..2: the PO-not-fPO core of test/checks.test.ts; goods 3..19 each valued only by their holder
    const rows = [
      [1, 2, 4],
      [1, 3, 4],
      [0, 0, 0],
    ].map((row, i) => [...row, ...Array.from({ length: 17 }, (_, k) => (k % 3 === i ? 1 + k : 0))]);
    const padded = instance(rows);
    const owners = [1, 0, 0, ...Array.from({ length: 17 }, (_, k) => k % 3)];
    const a = Allocation.fromOwners(owners, n);
    const res = checkAlphaPO(padded, a, 1);
    assert.ok(res.holds && !res.unchecked, String(res.detail.reason));
    assert.equal(res.detail.method, 'highs-ilp');
    assert.equal(res.detail.exact, false);
    assert.match(String(res.detail.basis), /infeasible/);
    assert.ok(checkAlphaPO(padded, a, 1, { requireExact: true }).unchecked);
    // give agent 2 a good agent 0 values: now dominated, and the witness verifies
    const bad = Allocation.fromOwners([1, 0, 0, 2, ...owners.slice(4)], n);
    const r2 = checkAlphaPO(padded, bad, 1);
    assert.ok(!r2.holds && !r2.unchecked);
    assertDominates(padded, bad, '1', (r2.witness as { dominatingOwners: number[] }).dominatingOwners);
  });
  it('rational values with large common denominators (normalised-row model) agree with the exact search (n = 3, m = 12)', () => {
    const r2 = rng('alpha-po-rationals');
    let ilpDecided = 0;
    for (let rep = 0; rep < 2; rep++) {
      const vals = Array.from({ length: n }, () =>
        Array.from({ length: 12 }, () => `${r2.int(0, 50)}/${r2.int(1, 97)}`),
      );
      const ri = instance(vals);
      // mostly welfare-maximal, every fourth good to a random agent
      const owners = Array.from({ length: 12 }, (_, g) =>
        g % 4 === 0 ? r2.int(0, 2) : [0, 1, 2].reduce((b, i) => (ri.values[i][g].gt(ri.values[b][g]) ? i : b), 0),
      );
      const a = Allocation.fromOwners(owners, n);
      for (const alpha of ['1', '9/10']) {
        const ex = checkAlphaPO(ri, a, alpha, { method: 'enumeration' });
        const hi = checkAlphaPO(ri, a, alpha, { method: 'ilp' });
        assert.ok(!hi.unchecked, String(hi.detail.reason));
        assert.equal(hi.holds, ex.holds, `rep ${rep}, alpha ${alpha}`);
        if (!hi.holds) assertDominates(ri, a, alpha, (hi.witness as { dominatingOwners: number[] }).dominatingOwners);
        if ((hi.detail.attempts as Detail[]).some((x) => x.mode === 'normalised rows, relative margin 1e-9'))
          ilpDecided++;
      }
    }
    assert.ok(ilpDecided > 0, 'the normalised-row model was exercised');
  });
  it('beyond the integer-program size limit the answer is unchecked with the reason', () => {
    const a = Allocation.fromOwners(
      Array.from({ length: m }, () => 0),
      n,
    );
    const res = checkAlphaPO(inst, a, 1, { maxIlpVariables: 10 });
    assert.ok(res.unchecked && !res.holds);
    assert.match(String(res.detail.reason), /exceeds the integer-program limit/);
  });
});

describe('alpha-PO: the registered claim (C13)', () => {
  it('weighted-ranking claims alpha-PO at its realised alpha; certify passes', () => {
    const r = rng(5);
    const v = Array.from({ length: 3 }, () => Array.from({ length: 12 }, () => r.int(0, 9)));
    const o = solve('weighted-ranking', v, { dists: ['uniform:0,1', 'uniform:0,0.5', 'uniform:0.25,0.75'] });
    const claim = o.claims.find((c) => c.id === 'alpha-po')!;
    assert.ok(claim, 'alpha-po claim present');
    const alpha = Rational.from(claim.params!.alpha as string);
    assert.ok(alpha.sign() > 0 && alpha.le(1));
    assert.equal((claim.params!.weights as string[]).length, 3);
    const c = certify(o).claims.find((x) => x.id === 'alpha-po')!;
    assert.equal(c.status, 'pass');
    assert.equal(c.detail.method, 'weighted-sum');
  });
  it('an alpha-po claim on a dominated allocation fails with the witness', () => {
    const inst = instance([
      [1, 1],
      [2, 1],
    ]);
    const o = new Outcome({
      mechanism: 'round-robin',
      instance: inst,
      allocation: A([[0], [1]], 2),
      claims: [{ id: 'alpha-po', text: 'PO', params: { alpha: '1' } }],
    });
    const c = certify(o).claims[0];
    assert.equal(c.status, 'fail');
    assert.deepEqual((c.witness as { dominatingOwners: number[] }).dominatingOwners, [1, 0]);
  });
});

describe('alpha-PO: invalid input raises typed errors (C13)', () => {
  const inst = instance([
    [1, 1],
    [2, 1],
  ]);
  const a = A([[0], [1]], 2);
  it('rejects alpha outside (0, 1]', () => {
    for (const bad of [0, '0', -1, '3/2', 1.0000001, 'abc'])
      assert.throws(() => checkAlphaPO(inst, a, bad as number), InvalidInputError, String(bad));
    assert.throws(() => checkAlphaPO(inst, a, '3/2'), /not in \(0, 1\]/);
  });
  it('rejects an allocation of the wrong shape', () => {
    assert.throws(() => checkAlphaPO(inst, A([[0], [1], []], 2), 1), InvalidInputError);
    assert.throws(() => checkAlphaPO(inst, A([[0], [1, 2]], 3), 1), InvalidInputError);
    assert.throws(() => checkAlphaPO(inst, [[0], [0]], 1), InvalidInputError);
    assert.throws(() => checkAlphaPO(inst, [[0]], 1), InvalidInputError);
    assert.ok(checkAlphaPO(inst, [[0], [1]], '1/2').holds, 'bundles as plain arrays');
  });
  it('rejects bad weights and options', () => {
    assert.throws(() => checkAlphaPO(inst, a, 1, { weights: [1] }), InvalidInputError);
    assert.throws(() => checkAlphaPO(inst, a, 1, { weights: [1, -1] }), InvalidInputError);
    assert.throws(() => checkAlphaPO(inst, a, 1, { weights: [0, 0] }), InvalidInputError);
    assert.throws(() => checkAlphaPO(inst, a, 1, { method: 'magic' as 'auto' }), InvalidInputError);
  });
});
