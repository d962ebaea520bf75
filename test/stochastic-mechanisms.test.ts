/**
 * Paper 001 mechanisms: tiny exact instances (T17), counterexamples (T18 Ranking is not DSIC, T19 exact
 * welfare maximization is not BIC), DSIC audits of Pick-r (C3, C4-style exhaustive audits), exact BIC of
 * Ranking (C5), Bai–Gölz weights (T20), Appendix B (T21), couplings (C9, C10).
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { certify, solve, instance, auditTruthfulness, Rational, Allocation, checkAlphaPO } from '../src';
import { DomainError, InvalidInputError } from '../src/core/errors';
import { rng } from '../src/core/rng';
import {
  ordersFromFloats, pickFromOrders, qtOwners, rankingFromOrders, simulationOptions, tieKeys,
} from '../src/mechanisms/stochastic';
import {
  baiGolzWeights, correlatedPickChoice, correlatedShares, dpThresholds, fromQuantile, gaussianCopula, pickCounts,
  rankingWinProbabilities, rankingWinProbabilitiesExact, uniform, weightedRankingWinProbabilities, isNonIncreasing, R0, C2,
  evaluateAllocation,
} from '../src/stochastic';

const close = (a: number, b: number, tol: number, what = '') => assert.ok(Math.abs(a - b) <= tol, `${what}: ${a} vs ${b} (tol ${tol})`);
const T17 = [['9/10', '4/5', '3/10', '1/10'], ['1/5', '19/20', '3/5', '1/2']];

describe('stochastic mechanisms: T17 tiny instances', () => {
  it('T17a Pick-(1/2,1/2), Pick-r0 and Ranking', () => {
    const half = solve('pick-r', T17, { r: [0.5, 0.5] });
    assert.deepEqual(half.allocation!.toJSON(), [[0, 1], [2, 3]]);
    const inst = half.instance;
    assert.equal(inst.value(0, [0, 1]).add(inst.value(1, [2, 3])).toString(), '14/5');
    assert.equal(inst.value(1, [0, 1]).toString(), '23/20'); // agent 2 envies: 1.15 > 1.1
    const r0 = solve('pick-two-agents', T17);
    assert.deepEqual(r0.allocation!.toJSON(), [[0], [1, 2, 3]]);
    assert.equal(inst.value(0, [1, 2, 3]).toString(), '6/5'); // agent 1 envies: 1.2 > 0.9
    const rk = solve('ranking', T17);
    assert.deepEqual(rk.allocation!.toJSON(), [[0], [1, 2, 3]]);
    for (const o of [half, r0, rk]) assert.ok(certify(o).ok, o.mechanism);
    assert.equal(certify(half).claims.find((c) => c.id === 'truthful')!.status, 'pass');
  });
  it('T17b Ranking interim probabilities: formula = exact enumeration', () => {
    const frac = (n: number, m: number, i: number) => rankingWinProbabilitiesExact(n, m, i).map(([a, b]) => new Rational(a, b).toString());
    assert.deepEqual(frac(2, 3, 0), ['1', '2/3', '1/3']);
    assert.deepEqual(frac(2, 3, 1), ['2/3', '1/3', '0']);
    assert.deepEqual(frac(3, 3, 0), ['1', '4/9', '1/9']);
    assert.deepEqual(frac(3, 3, 1), ['2/3', '2/9', '0']);
    assert.deepEqual(frac(3, 3, 2), ['4/9', '1/9', '0']);
    const size = (n: number, m: number, i: number) => rankingWinProbabilities(n, m, i).reduce((a, b) => a + b, 0);
    close(size(2, 10, 0), 5.5, 1e-12, 'E|A_1|');
    close(size(2, 10, 1), 4.5, 1e-12, 'E|A_2|');
    [3.85, 3.3, 2.85].forEach((s, i) => close(size(3, 10, i), s, 1e-12, `n=3 E|A_${i + 1}|`));
    // C5(c): the bic-ranking checker enumerates all rankings of the others through the Ranking kernel
    for (const v of [[[3, 2, 1], [1, 2, 3], [2, 3, 1]], [[4, 1, 3, 2], [1, 1, 2, 5]]]) {
      const rep = certify(solve('ranking', v));
      const c = rep.claims.find((x) => x.id === 'bic-ranking')!;
      assert.equal(c.status, 'pass');
      assert.equal((c.detail as { enumeration: boolean }).enumeration, true);
    }
  });
});

describe('stochastic mechanisms: counterexamples (T18, T19)', () => {
  it('T18 Ranking is not DSIC (ordinal audit finds agent 2 reporting b > a)', () => {
    const inst = instance([[2, 1], [1, '9/10']]);
    const run = (i: ReturnType<typeof instance>) => solve('ranking', i);
    const truthful = run(inst);
    assert.deepEqual(truthful.allocation!.toJSON(), [[0, 1], []]);
    const audit = auditTruthfulness(run, inst, { space: 'ordinal' });
    assert.equal(audit.holds, false);
    assert.deepEqual((audit.witness as { agent: number }).agent, 1);
    assert.equal(String((audit.detail as { misreport: Rational }).misreport), '9/10');
    // ...but Ranking is BIC: its certificate passes on the same instance
    assert.equal(certify(truthful).ok, true);
  });
  it('T19 exact welfare maximization is not BIC (n = 2, m = 1, U[0,1])', () => {
    // interim utility of bidding b with value v: v * P(b > other) = v * b
    const v = 0.5;
    assert.ok(v * 1 > v * v);
    const r = rng(19);
    let truth = 0, lie = 0;
    const T = 400;
    for (let t = 0; t < T; t++) {
      const other = Math.round(r.float() * 1e6) / 1e6;
      const won = (bid: number) => solve('max-welfare', [[bid], [other]]).allocation!.bundles[0].length === 1;
      if (won(v)) truth += v;
      if (won(1)) lie += v;
    }
    truth /= T; lie /= T;
    close(truth, 0.25, 0.06, 'truthful EU ≈ v²');
    close(lie, 0.5, 1e-12, 'bidding 1 wins always');
    assert.ok(lie > truth + 0.15);
  });
});

describe('stochastic mechanisms: DSIC of the Pick family', () => {
  it('exhaustive cardinal audits (certify "truthful") on small instances', function () {
    this.timeout(60000);
    const r = rng(7);
    for (let k = 0; k < 3; k++) {
      const n = 2 + (k % 2);
      const m = 4;
      const v = Array.from({ length: n }, () => Array.from({ length: m }, () => r.int(0, 5)));
      const shares = n === 2 ? [0.25, 0.75] : ['1/4', '1/4', '1/2'];
      const out = solve('pick-r', v, { r: shares });
      const rep = certify(out);
      assert.ok(rep.ok, JSON.stringify(rep.toJSON()));
      assert.equal(rep.claims.find((c) => c.id === 'truthful')!.status, 'pass');
    }
    const rep = certify(solve('pick-prophet-optimal', [[1, 2, 3], [3, 1, 2], [2, 2, 2]], { dist: 'uniform:0,1' }));
    assert.ok(rep.ok);
  });
  it('C3 fuzz: no misreport beats truth-telling in Pick-r (property, float kernel)', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      (n, m, seed) => {
        const r = rng(seed);
        const vals = Array.from({ length: n }, () => Array.from({ length: m }, () => r.int(0, 4)));
        const w = Array.from({ length: n }, () => r.int(1, 5));
        const shares = w.map((x) => `${x}/${w.reduce((a, b) => a + b, 0)}`);
        const counts = pickCounts(shares, m);
        const run = (b: number[][]) => pickFromOrders(ordersFromFloats(b, null), counts);
        const truth = run(vals);
        const i = r.int(0, n - 1);
        const my = (owner: Int32Array) => vals[i].reduce((s, x, j) => s + (owner[j] === i ? x : 0), 0);
        for (let t = 0; t < 10; t++) {
          const lie = vals.map((row) => row.slice());
          lie[i] = t === 0 ? new Array(m).fill(1) : t < 5 ? r.shuffle(vals[i]) : Array.from({ length: m }, () => r.int(0, 6));
          assert.ok(my(run(lie)) <= my(truth), `agent ${i} gains by ${lie[i]}`);
        }
      },
    ), { numRuns: 300 });
  });
  it('quota-serial-dictatorship certificate on larger instances, and its failure witness', () => {
    const r = rng(3);
    const v = Array.from({ length: 3 }, () => Array.from({ length: 30 }, () => r.int(0, 20)));
    const out = solve('pick-prophet-optimal', v, { dist: 'exp:1' });
    const rep = certify(out);
    assert.equal(rep.claims.find((c) => c.id === 'quota-serial-dictatorship')!.status, 'pass');
    assert.equal(rep.claims.find((c) => c.id === 'truthful')!.status, 'unchecked'); // m > 4
    // a swapped allocation is caught
    const { Outcome } = require('../src/core/outcome');
    const { Allocation } = require('../src/core/allocation');
    const bad = new Outcome({ mechanism: 'pick-r', instance: instance(T17), allocation: new Allocation([[2, 3], [0, 1]], 4), claims: [{ id: 'quota-serial-dictatorship', text: '', params: { order: [0, 1], quotas: [2, 2] } }] });
    assert.equal(certify(bad).ok, false);
  });
  it('option errors are typed and name the problem', () => {
    assert.throws(() => solve('pick-r', T17), (e: Error) => e instanceof InvalidInputError && /options.r is required/.test(e.message));
    assert.throws(() => solve('pick-r', T17, { r: [0.5, 0.6] }), /sum to/);
    assert.throws(() => solve('pick-two-agents', [[1], [1], [1]]), DomainError);
    assert.throws(() => solve('pick-ef-selector', T17), /options.dist is required/);
    assert.throws(() => solve('pick-ef-selector', T17, { dist: 'nope:1' }), /unknown family/);
    assert.throws(() => solve('pick-near-equal', T17, { eps: 0.7 }), /eps/);
    assert.throws(() => solve('ranking', T17, { tie: 'coin' }), /tie/);
  });
});

describe('stochastic mechanisms: Theorem 3.7 selector, near-equal, correlated', () => {
  it('selector certificates: Exp takes r0 and passes; Uniform paper fallback fails EF at small m, robust passes', () => {
    const v = [[1, 2, 3, 4, 5, 6], [6, 5, 4, 3, 2, 1]];
    const e = certify(solve('pick-ef-selector', v, { dist: 'exp:1' }));
    assert.ok(e.ok);
    const paper = certify(solve('pick-ef-selector', v, { dist: 'uniform:0,1' }));
    assert.equal(paper.claims.find((c) => c.id === 'ef-whp')!.status, 'fail'); // P2: m = 6 -> r = 0
    const robust = solve('pick-ef-selector', v, { dist: 'uniform:0,1', variant: 'robust' });
    assert.ok(certify(robust).ok);
    close((robust.trace[0].data as { r: number }).r, (R0 + 0.5) / 2, 1e-9, 'robust r* for Uniform');
  });
  it('near-equal: default eps 0.02 and certificates', () => {
    const out = solve('pick-near-equal', [[1, 2, 3, 4], [4, 3, 2, 1], [2, 2, 2, 2]], { dist: 'uniform:0,1' });
    assert.equal((out.trace[0].data as { eps: number }).eps, 0.02);
    assert.ok(certify(out).ok);
  });
  it('T21 Appendix B: first picker, shares under a Gaussian copula', function () {
    this.timeout(30000);
    const Uu = uniform(0, 1);
    const choice = correlatedPickChoice([Uu, Uu], 0.02);
    close(choice.r, 1 - 1 / Math.SQRT2 + 0.02, 1e-12, 'r');
    const rows: [number, number, number, number, boolean][] = [
      [0, 0.02, 0.5277, 0.3127, true], [0.5, 0.02, 0.5277, 0.4143, true], [0.9, 0.02, 0.5277, 0.5033, false], [0.9, 0.05, 0.568, 0.5419, false],
    ];
    for (const [rho, eps, own, other, ef] of rows) {
      const c = correlatedPickChoice([Uu, Uu], eps);
      const s = correlatedShares(gaussianCopula(rho, [Uu, Uu]), c, 2e5, `t21-${rho}-${eps}`);
      close(s.firstOwn, own, 4e-3, `own rho=${rho}`);
      close(s.secondOfFirst, other, 4e-3, `other rho=${rho}`);
      assert.equal(s.efWhp, ef, `EF rho=${rho} eps=${eps}`);
    }
    close(1 - (1 - choice.r) ** 2, 0.5277, 2e-4, 'rho = 0 exact (spec MC ±2e-4)');
    const out = solve('pick-correlated', T17, { dists: ['uniform:0,1', 'exp:1'] });
    assert.deepEqual((out.trace[0].data as { order: number[] }).order, [1, 0]); // Exp has the larger tau (0.813 > 0.707)
    assert.ok(certify(out).ok);
  });
});

describe('stochastic mechanisms: Weighted Ranking and Bai–Gölz weights (T20)', () => {
  it('T20 weights', function () {
    this.timeout(30000);
    const a = baiGolzWeights([uniform(0, 1), uniform(0, 0.5)]);
    close(a.w[1], 2, 1e-8, 'U[0,1/2]');
    assert.ok(a.residual < 1e-10);
    const lin = fromQuantile((u) => (-1 + Math.sqrt(1 + 8 * u)) / 2, 'density 0.5 + x');
    close(baiGolzWeights([uniform(0, 1), lin]).w[1], 6 / 7, 1e-8, '6/7');
    const b = baiGolzWeights([uniform(0, 1), uniform(0, 0.5), uniform(0.25, 0.75)]);
    close(b.w[1], 2, 1e-7, 'w2');
    close(b.w[2], 1.10940039, 1e-7, 'w3');
    assert.ok(b.residual < 1e-10, `residual ${b.residual}`);
    assert.deepEqual(baiGolzWeights([uniform(0, 1), uniform(0, 1), uniform(0, 1)]).w.map((x) => +x.toFixed(10)), [1, 1, 1]);
  });
  it('identical distributions: Weighted Ranking = Ranking; weighted p_t non-increasing (C6)', () => {
    const r = rng(11);
    const v = Array.from({ length: 3 }, () => Array.from({ length: 12 }, () => r.int(0, 9)));
    const a = solve('ranking', v, { seed: 5 }).allocation!;
    const b = solve('weighted-ranking', v, { seed: 5, dist: 'uniform:0,1' }).allocation!;
    assert.ok(a.equals(b));
    const d = [uniform(0, 1), uniform(0, 0.5), uniform(0.25, 0.75)];
    const w = baiGolzWeights(d).w;
    for (let i = 0; i < 3; i++) assert.ok(isNonIncreasing(weightedRankingWinProbabilities(d, w, 20, i)));
    assert.ok(certify(solve('weighted-ranking', v, { dists: ['uniform:0,1', 'uniform:0,0.5', 'uniform:0.25,0.75'] })).ok);
  });
});

describe('stochastic mechanisms: registry guarantees of Ranking and Weighted Ranking', () => {
  it('ranking is prior-independent: options.dist does not change the allocation', () => {
    const r = rng(13);
    const v = Array.from({ length: 3 }, () => Array.from({ length: 10 }, () => r.int(0, 9)));
    const base = solve('ranking', v, { seed: 2 }).allocation!;
    for (const dist of ['uniform:0,1', 'exp:1', 'beta:2,3']) assert.ok(base.equals(solve('ranking', v, { seed: 2, dist }).allocation!), dist);
  });
  it('weighted-ranking, non-identical D_i (Thm A.1): EF w.h.p. and (1 - eps)-PO by the C13 certificate', function () {
    this.timeout(30000);
    const specs = ['uniform:0,1', 'uniform:0,0.5', 'uniform:0.25,0.75'];
    const dists = [uniform(0, 1), uniform(0, 0.5), uniform(0.25, 0.75)];
    const w = baiGolzWeights(dists).w;
    const n = 3, m = 2000, T = 20;
    const alloc = simulationOptions({ mechanism: 'weighted-ranking', dist: specs[0], n, ms: [m], trials: 2, options: { dists: specs } }).allocator(m);
    let ef = 0;
    for (let t = 0; t < T; t++) {
      const r = rng(`wr:${t}`);
      const vals = dists.map((d) => Float64Array.from({ length: m }, () => d.sample(r)));
      const owner = alloc(vals, r.fork());
      // C13 by the checker (exact): the weighted-sum test with the Bai–Gölz weights certifies 0.99-PO
      const inst = instance(vals.map((row) => Array.from(row)));
      const a = Allocation.fromOwners(Array.from(owner), n);
      const c13 = checkAlphaPO(inst, a, '99/100', { weights: w });
      assert.ok(c13.holds && !c13.unchecked, `trial ${t}: ${JSON.stringify(c13.detail.attempts)}`);
      assert.equal(c13.detail.method, 'weighted-sum');
      assert.equal(c13.detail.weightsFrom, 'given');
      if (t === 0) {
        // the registered outcome claims alpha-PO at its realised alpha, and certify confirms it
        const o = solve('weighted-ranking', inst, { dists: specs });
        const claim = o.claims.find((c) => c.id === 'alpha-po')!;
        assert.ok(Rational.from(claim.params!.alpha as string).ge('99/100'), `realised alpha ${claim.params!.alpha}`);
        const cert = certify(o).claims.find((c) => c.id === 'alpha-po')!;
        assert.equal(cert.status, 'pass');
      }
      if (evaluateAllocation(vals, owner).ef) ef++;
    }
    assert.ok(ef >= 0.95 * T, `EF in ${ef}/${T} trials`);
  });
});

describe('stochastic mechanisms: couplings (C9, C10)', () => {
  it('C9 Pick-r vs QT-s differ on at most n²(√(m ln m) + 1) items; C10 Ranking vs argmax', () => {
    const d = uniform(0, 1);
    const n = 3, m = 10000;
    const dp = dpThresholds(d, n);
    const counts = pickCounts(dp.r, m);
    const r = rng('c9');
    const bound = n * n * (Math.sqrt(m * Math.log(m)) + 1);
    for (let t = 0; t < 3; t++) {
      const vals = Array.from({ length: n }, () => Float64Array.from({ length: m }, () => d.sample(r)));
      const orders = ordersFromFloats(vals, null);
      const pick = pickFromOrders(orders, counts);
      const qt = qtOwners(vals, dp.s, d, r);
      let diff = 0;
      for (let j = 0; j < m; j++) if (pick[j] !== qt[j]) diff += 2;
      assert.ok(diff <= bound, `coupling ${diff} > ${bound}`);
      for (let i = 0; i < n; i++) {
        const size = qt.reduce((s, o) => s + (o === i ? 1 : 0), 0);
        assert.ok(Math.abs(size - dp.r[i] * m) <= Math.sqrt(m * Math.log(m)), 'Hoeffding event');
      }
      const rk = rankingFromOrders(ordersFromFloats(vals, tieKeys(n, m, 'random', r)));
      let mism = 0;
      for (let j = 0; j < m; j++) {
        let best = 0;
        for (let i = 1; i < n; i++) if (vals[i][j] > vals[best][j]) best = i;
        if (best !== rk[j]) mism++;
      }
      assert.ok(mism <= (2 * n + 1) * Math.sqrt(m * Math.log(m)), `mismatch ${mism}`);
    }
  });
  it('the worst-case guarantee claim of pick-two-agents is (2+√2)/4', () => {
    const c = certify(solve('pick-two-agents', T17)).claims.find((x) => x.id === 'asymptotic-welfare-ratio')!;
    close((c.detail as { g: number }).g, C2, 1e-9, 'g(r0)');
  });
});
