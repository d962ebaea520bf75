/**
 * Paper 001 by simulation (seed-001 spec T11, T12, C7): seeded Monte Carlo whose 95% intervals contain the
 * analytic values; (2+√2)/4 on its tight instance, the n = 3 Hill–Kertz worst case (≥ beta); EF curves;
 * progress and cancellation; the `fairdiv simulate` CLI.
 */
import { strict as assert } from 'node:assert';
import { main } from '../src/cli/index';
import { LimitError } from '../src/core/errors';
import { simulateMechanism, simulateMechanismSync } from '../src/mechanisms/stochastic';
import { bernoulliNoise, C2, discrete, dpThresholds, hillKertz, kertzBeta, Q_STAR, R0, uniform, welfareRatio, withLongShot, type SimulationResult } from '../src/stochastic';

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
  it('two agents, Uniform, m = 10^4: the interval contains alpha(r0) = 3(1+√2)/8; EF rate stays away from 1 (zero margin, P1)', () => {
    const r = simulateMechanismSync({ mechanism: 'pick-two-agents', dist: 'uniform:0,1', n: 2, ms: [1000, 10000], trials: 100, seed: 1 });
    assert.equal(r.analytic.welfareRatio, welfareRatio([R0, 1 - R0], uniform(0, 1)));
    contains(r, 1, 0.9053300858899106, 'Pick-r0 Uniform m=1e4');
    c7(r, 0, 0.9053300858899106, 'm=1000');
    for (const p of r.points) assert.ok(p.ef.p > 0.2 && p.ef.p < 0.75, `EF rate ${p.ef.p}`);
    assert.deepEqual(r.points[1].bundleSizes, [2928, 7072]);
  });
  it('(2+√2)/4 by simulation: Pick-r0 on the tight instance Bern(q*) + U[0, 1e-3]', () => {
    const d = bernoulliNoise(Q_STAR, 1e-3);
    const r = simulateMechanismSync({ mechanism: 'pick-two-agents', dist: d, n: 2, ms: [10000], trials: 40, seed: 2 });
    contains(r, 0, 0.853642, 'tight instance');
    const w = r.points[0].welfare;
    assert.ok(w.lo - 0.0002 <= C2 && C2 <= w.hi + 0.0002, `(2+√2)/4 = ${C2} vs [${w.lo}, ${w.hi}]`);
  });
  it('Exp(1): Pick-r0 (Thm 3.7 branch r0) is EF w.h.p. (T11) and near alpha(r0)', () => {
    const r = simulateMechanismSync({ mechanism: 'pick-ef-selector', dist: 'exp:1', n: 2, ms: [1000], trials: 100, seed: 3 });
    assert.ok(r.points[0].ef.lo > 0.9, `EF ${JSON.stringify(r.points[0].ef)}`);
    c7(r, 0, 0.9064382675, 'Exp r0');
  });
  it('Theorem 3.7 robust variant on Uniform: EF w.h.p. where Pick-r0 is not', () => {
    const r = simulateMechanismSync({ mechanism: 'pick-ef-selector', dist: 'uniform:0,1', n: 2, ms: [1000], trials: 60, seed: 4, options: { variant: 'robust' } });
    assert.ok(r.points[0].ef.p >= 0.95);
    assert.ok(r.points[0].welfare.mean >= C2);
  });
  it('beta side: n = 3 Hill–Kertz worst case (p = 0.01 long shot): DP Pick-r reproduces alpha_DP ≥ 1/a_3 ≥ beta', () => {
    const reg = discrete([0, 0.675602, 1.0], [0.480145, 0.289837, 0.230018]);
    const d = withLongShot(reg, 0.01, 0.249772);
    const alpha = dpThresholds(d, 3).alpha;
    assert.ok(alpha >= hillKertz(3).prophetRatio && hillKertz(3).prophetRatio >= kertzBeta());
    const r = simulateMechanismSync({ mechanism: 'pick-prophet-optimal', dist: d, n: 3, ms: [10000], trials: 40, seed: 9 });
    contains(r, 0, alpha, 'n=3 worst case');
    assert.ok(r.points[0].welfare.lo > kertzBeta());
  });
  it('T12: DP shares on Uniform and Exp, n = 3 (ratio of means within C7); DP is not EF on Uniform', () => {
    const u = simulateMechanismSync({ mechanism: 'pick-prophet-optimal', dist: 'uniform:0,1', n: 3, ms: [1000], trials: 60, seed: 5 });
    c7(u, 0, 0.927083, 'U n=3');
    assert.equal(u.points[0].ef.count, 0);
    const e = simulateMechanismSync({ mechanism: 'pick-prophet-optimal', dist: 'exp:1', n: 3, ms: [1000], trials: 60, seed: 6 });
    c7(e, 0, 0.885014, 'Exp n=3');
  });
  it('T14 near-equal (eps = 0.02) is EF w.h.p. on Uniform; Ranking is (1 − o(1))-efficient and EF (T11)', () => {
    const ne = simulateMechanismSync({ mechanism: 'pick-near-equal', dist: 'uniform:0,1', n: 3, ms: [1000], trials: 50, seed: 7 });
    assert.ok(ne.points[0].ef.p >= 0.95);
    c7(ne, 0, 0.923674, 'eps-split n=3');
    const rk = simulateMechanismSync({ mechanism: 'ranking', dist: 'uniform:0,1', n: 2, ms: [100, 1000], trials: 50, seed: 8 });
    assert.ok(rk.points[0].welfare.mean > 0.99 && rk.points[1].welfare.mean > 0.998);
    assert.equal(rk.points[1].ef.p, 1);
  });
  it('seeded: identical seeds give identical results', () => {
    const a = simulateMechanismSync({ mechanism: 'pick-r', dist: 'beta:2,3', n: 2, ms: [200], trials: 10, seed: 'x', options: { r: [0.4, 0.6] } });
    const b = simulateMechanismSync({ mechanism: 'pick-r', dist: 'beta:2,3', n: 2, ms: [200], trials: 10, seed: 'x', options: { r: [0.4, 0.6] } });
    assert.deepEqual(a, b);
  });
  it('progress callback and AbortSignal cancellation', async () => {
    let seen = 0;
    const done = await simulateMechanism({ mechanism: 'ranking', dist: 'uniform:0,1', n: 2, ms: [50, 100], trials: 5, onProgress: () => seen++ });
    assert.equal(seen, 10);
    assert.equal(done.points.length, 2);
    const ac = new AbortController();
    let calls = 0;
    await assert.rejects(
      simulateMechanism({ mechanism: 'ranking', dist: 'uniform:0,1', n: 2, ms: [100], trials: 1000, signal: ac.signal, onProgress: () => { if (++calls === 3) ac.abort(); } }),
      (e: Error) => e instanceof LimitError && /aborted after 3/.test(e.message),
    );
  });
  it('CLI: fairdiv simulate prints the analytic and simulated values with intervals; bad input exits 2', async () => {
    const out: string[] = [], err: string[] = [];
    const io = { out: (s: string) => out.push(s), err: (s: string) => err.push(s), readStdin: () => '' };
    const code = await main(['simulate', 'pick-two-agents', '--dist', 'uniform:0,1', '--n', '2', '--m', '1000', '--trials', '20', '--seed', '1'], io);
    assert.equal(code, 0);
    const j = JSON.parse(out.join(''));
    assert.equal(j.analytic.welfareRatio, 0.9053300858899106);
    const p = j.points[0];
    assert.ok(p.welfare.lo <= p.welfare.mean && p.welfare.mean <= p.welfare.hi && p.ef.lo <= p.ef.p && p.ef.p <= p.ef.hi);
    assert.equal(await main(['simulate', 'pick-two-agents', '--dist', 'gauss:0,1', '--m', '10'], io), 2);
    assert.match(err.join('\n'), /unknown family "gauss"/);
    assert.equal(await main(['simulate', 'round-robin', '--dist', 'uniform:0,1', '--m', '10'], io), 2);
    assert.equal(await main(['simulate', 'pick-r', '--dist', 'exp:1', '--m', '10', '--trials', '5', '--r', '0.7,0.1,0.2', '--n', '3'], io), 0);
  });
});

describe('stochastic simulation: towards beta', function () {
  this.timeout(60000);
  it('beta by simulation: at n = 1000 the worst-case Monte Carlo interval contains 1/a_1000 and beta', () => {
    const { simulateWorstCase } = require('../src/stochastic');
    const s = simulateWorstCase(1000, { items: 20000, seed: 1 });
    assert.ok(Math.abs(s.analytic - s.prophetRatio) < 1e-9, 'alpha_DP of the limit form is 1/a_n');
    assert.ok(s.prophetRatio - s.beta > 0 && s.prophetRatio - s.beta < 3e-4);
    assert.ok(s.ratio.lo <= s.prophetRatio && s.prophetRatio <= s.ratio.hi, `1/a_1000 = ${s.prophetRatio} in [${s.ratio.lo}, ${s.ratio.hi}]`);
    assert.ok(s.ratio.lo <= s.beta && s.beta <= s.ratio.hi, `beta = ${s.beta} in [${s.ratio.lo}, ${s.ratio.hi}]`);
    assert.ok(s.ratio.hi - s.ratio.lo < 0.005);
  });
  it('the worst-case Monte Carlo is unbiased: 40 seeds at n = 3 and n = 10 cover 1/a_n about 95% of the time', () => {
    const { simulateWorstCase } = require('../src/stochastic');
    for (const n of [3, 10]) {
      let cover = 0;
      for (let seed = 1; seed <= 40; seed++) {
        const s = simulateWorstCase(n, { items: 20000, seed });
        if (s.ratio.lo <= s.prophetRatio && s.prophetRatio <= s.ratio.hi) cover++;
      }
      assert.ok(cover >= 34, `n = ${n}: ${cover}/40 intervals contain 1/a_n`);
    }
    assert.throws(() => simulateWorstCase(3, { items: 1 }), /items = 1/);
  });
  it('n = 10 Hill–Kertz worst case with a p = 0.01 long shot: simulation reproduces alpha_DP = 0.7869 (limit p -> 0: 1/a_10 = 0.7686 > beta)', () => {
    const { hillKertzWorstCase } = require('../src/stochastic');
    const d = hillKertzWorstCase(10).withMass(0.01);
    const alpha = dpThresholds(d, 10).alpha;
    const r = simulateMechanismSync({ mechanism: 'pick-prophet-optimal', dist: d, n: 10, ms: [5000], trials: 30, seed: 10 });
    c7(r, 0, alpha, 'n=10');
    assert.ok(r.points[0].welfare.lo > kertzBeta() - 0.01);
    contains(r, 0, alpha, 'n=10 interval');
    assert.ok(alpha > hillKertz(10).prophetRatio && alpha - hillKertz(10).prophetRatio < 0.025, 'finite-p gap to 1/a_10');
  });
});
