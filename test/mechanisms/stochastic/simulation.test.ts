/**
 * Paper 001 by simulation (seed-001 spec T11, T12, C7): seeded Monte Carlo of the registered mechanisms
 * whose 95% intervals contain the analytic values; (2+√2)/4 on its tight instance, the Hill–Kertz worst
 * cases (≥ beta); EF curves; progress and cancellation; options validated by the mechanism's schema.
 */
import { strict as assert } from 'node:assert';
import { Allocation, certify, checkAlphaPO, instance, Rational, solve } from '../../../src';
import { DomainError, InvalidInputError, LimitError } from '../../../src/core/errors';
import { rng } from '../../../src/core/rng';
import {
  simulateMechanism,
  simulateMechanismSync,
  simulationOptions,
  type StochasticSimulationRequest,
} from '../../../src/mechanisms/stochastic/simulation';
import {
  baiGolzWeights,
  bernoulliNoise,
  C2,
  discrete,
  dpThresholds,
  evaluateAllocation,
  fromQuantile,
  hillKertz,
  hillKertzWorstCase,
  kertzBeta,
  Q_STAR,
  R0,
  simulateSync,
  uniform,
  welfareRatio,
  withLongShot,
  type SimulationResult,
} from '../../../src/stochastic';

const contains = (r: SimulationResult, k: number, x: number, what: string) => {
  const w = r.points[k].welfare;
  assert.ok(w.lo <= x && x <= w.hi, `${what}: ${x} not in [${w.lo}, ${w.hi}]`);
};
/** C7: |ratio_hat − alpha| ≤ 4 se + 0.005. */
const c7 = (r: SimulationResult, k: number, alpha: number, what: string) => {
  const w = r.points[k].welfare;
  assert.ok(Math.abs(w.mean - alpha) <= 4 * w.se + 0.005, `${what}: ${w.mean} vs ${alpha} (se ${w.se})`);
};

describe('stochastic simulation', function () {
  this.timeout(60000);
  it('Pick-r0 on Uniform at m = 10^4 has alpha(r0) = 3(1+√2)/8 in its interval and an EF rate away from 1 (zero margin, P1)', () => {
    const r = simulateMechanismSync({
      mechanism: 'pick-two-agents',
      dist: 'uniform:0,1',
      n: 2,
      ms: [1000, 10000],
      trials: 100,
      seed: 1,
    });
    assert.equal(r.analytic.welfareRatio, welfareRatio([R0, 1 - R0], uniform(0, 1)));
    contains(r, 1, 0.9053300858899106, 'Pick-r0 Uniform m=1e4');
    c7(r, 0, 0.9053300858899106, 'm=1000');
    for (const p of r.points) assert.ok(p.ef.p > 0.2 && p.ef.p < 0.75, `EF rate ${p.ef.p}`);
    assert.deepEqual(r.points[1].bundleSizes, [2928, 7072]);
  });
  it('Pick-r0 reaches (2+√2)/4 by simulation on the tight instance Bern(q*) + U[0, 1e-3]', () => {
    const d = bernoulliNoise(Q_STAR, 1e-3);
    const r = simulateMechanismSync({ mechanism: 'pick-two-agents', dist: d, n: 2, ms: [10000], trials: 40, seed: 2 });
    contains(r, 0, 0.853642, 'tight instance');
    const w = r.points[0].welfare;
    assert.ok(w.lo - 0.0002 <= C2 && C2 <= w.hi + 0.0002, `(2+√2)/4 = ${C2} vs [${w.lo}, ${w.hi}]`);
  });
  it('the Theorem 3.7 selector on Exp(1) takes r0, is EF w.h.p. and near alpha(r0) (T11)', () => {
    const r = simulateMechanismSync({
      mechanism: 'pick-ef-selector',
      dist: 'exp:1',
      n: 2,
      ms: [1000],
      trials: 100,
      seed: 3,
    });
    assert.ok(r.points[0].ef.lo > 0.9, `EF ${JSON.stringify(r.points[0].ef)}`);
    c7(r, 0, 0.9064382675, 'Exp r0');
  });
  it('the robust Theorem 3.7 variant on Uniform is EF w.h.p. where Pick-r0 is not', () => {
    const r = simulateMechanismSync({
      mechanism: 'pick-ef-selector',
      dist: 'uniform:0,1',
      n: 2,
      ms: [1000],
      trials: 60,
      seed: 4,
      options: { variant: 'robust' },
    });
    assert.ok(r.points[0].ef.p >= 0.95);
    assert.ok(r.points[0].welfare.mean >= C2);
  });
  it('the DP Pick-r reproduces alpha_DP ≥ 1/a_3 ≥ beta on the n = 3 Hill–Kertz worst case with a p = 0.01 long shot', () => {
    const reg = discrete([0, 0.675602, 1.0], [0.480145, 0.289837, 0.230018]);
    const d = withLongShot(reg, 0.01, 0.249772);
    const alpha = dpThresholds(d, 3).alpha;
    assert.ok(alpha >= hillKertz(3).prophetRatio && hillKertz(3).prophetRatio >= kertzBeta());
    const r = simulateMechanismSync({
      mechanism: 'pick-prophet-optimal',
      dist: d,
      n: 3,
      ms: [10000],
      trials: 40,
      seed: 9,
    });
    contains(r, 0, alpha, 'n=3 worst case');
    assert.ok(r.points[0].welfare.lo > kertzBeta());
  });
  it('DP shares on Uniform and Exp (n = 3) match the ratio of means within C7, and DP is not EF on Uniform (T12)', () => {
    const u = simulateMechanismSync({
      mechanism: 'pick-prophet-optimal',
      dist: 'uniform:0,1',
      n: 3,
      ms: [1000],
      trials: 60,
      seed: 5,
    });
    c7(u, 0, 0.927083, 'U n=3');
    assert.equal(u.points[0].ef.count, 0);
    const e = simulateMechanismSync({
      mechanism: 'pick-prophet-optimal',
      dist: 'exp:1',
      n: 3,
      ms: [1000],
      trials: 60,
      seed: 6,
    });
    c7(e, 0, 0.885014, 'Exp n=3');
  });
  it('the near-equal split (eps = 0.02) is EF w.h.p. on Uniform, and Ranking is (1 − o(1))-efficient and EF (T14, T11)', () => {
    const ne = simulateMechanismSync({
      mechanism: 'pick-near-equal',
      dist: 'uniform:0,1',
      n: 3,
      ms: [1000],
      trials: 50,
      seed: 7,
    });
    assert.ok(ne.points[0].ef.p >= 0.95);
    c7(ne, 0, 0.923674, 'eps-split n=3');
    const rk = simulateMechanismSync({
      mechanism: 'ranking',
      dist: 'uniform:0,1',
      n: 2,
      ms: [100, 1000],
      trials: 50,
      seed: 8,
    });
    assert.ok(rk.points[0].welfare.mean > 0.99 && rk.points[1].welfare.mean > 0.998);
    assert.equal(rk.points[1].ef.p, 1);
  });
  it('identical seeds give identical results', () => {
    const a = simulateMechanismSync({
      mechanism: 'pick-r',
      dist: 'beta:2,3',
      n: 2,
      ms: [200],
      trials: 10,
      seed: 42,
      options: { r: [0.4, 0.6] },
    });
    const b = simulateMechanismSync({
      mechanism: 'pick-r',
      dist: 'beta:2,3',
      n: 2,
      ms: [200],
      trials: 10,
      seed: 42,
      options: { r: [0.4, 0.6] },
    });
    assert.deepEqual(a, b);
  });
  it('reports progress and stops on an AbortSignal', async () => {
    let seen = 0;
    const done = await simulateMechanism({
      mechanism: 'ranking',
      dist: 'uniform:0,1',
      n: 2,
      ms: [50, 100],
      trials: 5,
      onProgress: () => seen++,
    });
    assert.equal(seen, 10);
    assert.equal(done.points.length, 2);
    const ac = new AbortController();
    let calls = 0;
    await assert.rejects(
      simulateMechanism({
        mechanism: 'ranking',
        dist: 'uniform:0,1',
        n: 2,
        ms: [100],
        trials: 1000,
        signal: ac.signal,
        onProgress: () => {
          if (++calls === 3) ac.abort();
        },
      }),
      (e: Error) => e instanceof LimitError && /aborted after 3/.test(e.message),
    );
  });
  it('simulation reproduces alpha_DP = 0.7869 on the n = 10 Hill–Kertz worst case with a p = 0.01 long shot (limit p -> 0: 1/a_10 = 0.7686 > beta)', () => {
    const d = hillKertzWorstCase(10).withMass(0.01);
    const alpha = dpThresholds(d, 10).alpha;
    const r = simulateMechanismSync({
      mechanism: 'pick-prophet-optimal',
      dist: d,
      n: 10,
      ms: [5000],
      trials: 30,
      seed: 10,
    });
    c7(r, 0, alpha, 'n=10');
    assert.ok(r.points[0].welfare.lo > kertzBeta() - 0.01);
    contains(r, 0, alpha, 'n=10 interval');
    assert.ok(
      alpha > hillKertz(10).prophetRatio && alpha - hillKertz(10).prophetRatio < 0.025,
      'finite-p gap to 1/a_10',
    );
  });
  it('Weighted Ranking with non-identical D_i is EF w.h.p. and (1 - eps)-PO by the exact certificate (Thm A.1, C13)', function () {
    this.timeout(30000);
    const specs = ['uniform:0,1', 'uniform:0,0.5', 'uniform:0.25,0.75'];
    const dists = [uniform(0, 1), uniform(0, 0.5), uniform(0.25, 0.75)];
    const w = baiGolzWeights(dists).w;
    const n = 3,
      m = 2000,
      T = 20;
    const alloc = simulationOptions({
      mechanism: 'weighted-ranking',
      dist: specs[0],
      n,
      ms: [m],
      trials: 2,
      options: { dists: specs },
    }).allocator(m);
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

describe('stochastic simulation on worker threads', function () {
  this.timeout(60000);
  const requests: StochasticSimulationRequest[] = [
    {
      mechanism: 'pick-r',
      dist: 'uniform:0,1',
      n: 3,
      ms: [50, 200, 50],
      trials: 37,
      seed: 3,
      options: { r: ['1/3', '1/3', '1/3'], tie: 'random' },
    },
    { mechanism: 'ranking', dist: discrete([1, 2, 3], [0.2, 0.3, 0.5]), n: 4, ms: [40], trials: 20, seed: 4 },
    {
      mechanism: 'weighted-ranking',
      dist: 'uniform:0,1',
      n: 3,
      ms: [60],
      trials: 11,
      seed: 5,
      options: { dists: ['uniform:0,1', 'uniform:0,0.5', 'exp:2'] },
    },
    { mechanism: 'pick-correlated', dist: 'beta:2,3', n: 2, ms: [30], trials: 9, seed: 6, rho: 0.5 },
  ];
  it('gives the result of the generic harness for 0, 1, 2 and 3 workers (pick, ranking, weighted ranking, copula)', async () => {
    for (const req of requests) {
      const reference = simulateSync(simulationOptions(req));
      assert.deepEqual(simulateMechanismSync(req), reference);
      for (const workers of req === requests[0] ? [0, 1, 2, 3] : [0, 2])
        assert.deepEqual(
          await simulateMechanism({ ...req, workers }),
          reference,
          `${req.mechanism}, ${workers} workers`,
        );
    }
  });
  it('reports progress per shard up to every trial, and an abort ends the pool with a typed error', async () => {
    const seen: number[] = [];
    await simulateMechanism({
      mechanism: 'ranking',
      dist: 'uniform:0,1',
      n: 2,
      ms: [20, 30],
      trials: 16,
      workers: 2,
      onProgress: (p) => seen.push(p.done),
    });
    assert.equal(seen.length, 16);
    assert.equal(Math.max(...seen), 32);
    const ac = new AbortController();
    await assert.rejects(
      simulateMechanism({
        mechanism: 'ranking',
        dist: 'uniform:0,1',
        n: 5,
        ms: [2000],
        trials: 4000,
        workers: 2,
        signal: ac.signal,
        onProgress: () => ac.abort(),
      }),
      (e: unknown) => e instanceof LimitError && e.code === 'aborted' && /aborted after \d+ of 4000/.test(e.message),
    );
  });
  it('rejects a bad worker count, workers in the synchronous variant, and a distribution that cannot travel', async () => {
    const base = { mechanism: 'ranking', dist: 'uniform:0,1', n: 2, ms: [10], trials: 4 };
    for (const workers of [-1, 1.5, '2'])
      await assert.rejects(
        simulateMechanism({ ...base, workers: workers as number }),
        (e: unknown) => e instanceof InvalidInputError && e.code === 'bad-option' && /workers/.test(e.message),
      );
    assert.throws(
      () => simulateMechanismSync({ ...base, workers: 2 }),
      (e: unknown) => e instanceof InvalidInputError && /synchronous/.test(e.message),
    );
    await assert.rejects(
      simulateMechanism({ ...base, dist: fromQuantile((u) => u * u, 'square'), workers: 1 }),
      (e: unknown) => e instanceof InvalidInputError && e.code === 'not-transferable' && /square/.test(e.message),
    );
    const inline = await simulateMechanism({ ...base, dist: fromQuantile((u) => u * u, 'square') });
    assert.equal(inline.points[0].trials, 4);
  });
});

describe('stochastic simulation: options through the mechanism schema', () => {
  const base = { dist: 'uniform:0,1', n: 2, ms: [20], trials: 2 };
  it('rejects an unknown option with the known ones, synchronously and asynchronously', async () => {
    const unknown = (e: unknown) =>
      e instanceof InvalidInputError &&
      e.code === 'unknown-option' &&
      /unknown option ordr for pick-r; known: r, dist, agentOrder, tie, seed/.test(e.message);
    assert.throws(
      () => simulateMechanismSync({ ...base, mechanism: 'pick-r', options: { r: [0.5, 0.5], ordr: [1, 0] } }),
      unknown,
    );
    await assert.rejects(
      simulateMechanism({ ...base, mechanism: 'pick-r', options: { r: [0.5, 0.5], ordr: [1, 0] } }),
      unknown,
    );
    assert.throws(
      () => simulateMechanismSync({ ...base, mechanism: 'ranking', options: { r: [0.5, 0.5] } }),
      (e: Error) => /unknown option r for ranking/.test(e.message),
    );
  });
  it('rejects bad option values, a non-integer seed and a mechanism outside the family with typed errors', () => {
    const isCode = (code: string) => (e: unknown) => e instanceof InvalidInputError && e.code === code;
    assert.throws(
      () => simulateMechanismSync({ ...base, mechanism: 'pick-r', options: { r: [0.5, 0.5], agentOrder: [0, 0] } }),
      isCode('bad-agent-order'),
    );
    assert.throws(
      () => simulateMechanismSync({ ...base, mechanism: 'pick-r', options: { r: [0.5, 0.5], seed: 'x' } }),
      isCode('bad-seed'),
    );
    assert.throws(
      () => simulateMechanismSync({ ...base, mechanism: 'pick-r', seed: 'x' as never, options: { r: [0.5, 0.5] } }),
      isCode('bad-seed'),
    );
    assert.throws(
      () => simulateMechanismSync({ ...base, mechanism: 'pick-r', seed: 0.5, options: { r: [0.5, 0.5] } }),
      isCode('bad-seed'),
    );
    assert.throws(() => simulateMechanismSync({ ...base, mechanism: 'pick-r' }), isCode('missing-option'));
    assert.throws(
      () => simulateMechanismSync({ ...base, mechanism: 'pick-r', options: 'r=1/2' as never }),
      isCode('bad-options'),
    );
    assert.throws(() => simulateMechanismSync({ ...base, mechanism: 'round-robin' }), isCode('unknown-mechanism'));
    assert.throws(
      () => simulateMechanismSync({ ...base, n: 3, mechanism: 'pick-two-agents' }),
      (e: unknown) => e instanceof DomainError && e.code === 'n-not-2',
    );
  });
  it('uses the sampling distribution as options.dist only where the mechanism takes one and none is given', () => {
    assert.equal(
      simulationOptions({ ...base, mechanism: 'pick-ef-selector' }).analytic?.note,
      'branch fallback; analytic value at the limit share',
    );
    const own = simulationOptions({ ...base, mechanism: 'pick-ef-selector', options: { dist: 'exp:1' } });
    assert.equal(own.analytic?.note, 'branch r0; analytic value at the limit share');
    assert.equal(own.dist?.spec, 'uniform:0,1');
    assert.deepEqual(simulationOptions({ ...base, mechanism: 'pick-r', options: { r: ['1/2', '1/2'] } }).parameters, {
      r: [0.5, 0.5],
      agentOrder: [0, 1],
      quotas: [10, 10],
    });
  });
});
