/**
 * Paper 001 (seed-001 spec section 5): regression values of the constants, distributions and Pick-r
 * analytics, at the spec's tolerances (deterministic values to ≥ 6 digits).
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import {
  bernoulliNoise, Beta, C2, chooseNearEqualEps, discrete, dpThresholds, efMargins, empirical, Exponential, fromQuantile,
  halfValueQuantile, halfValueShare, hardDistribution, hillKertz, histogram, integrate, kertzBeta, kertzGamma, LongShotLimit,
  nearEqualShares, parseDistribution, pickCounts, Q_STAR, qtpRatio, R0, rToS, sToR, thm37Share, uniform, welfareRatio,
  withLongShot, worstCaseGuarantee, wilson, jeffreys, incompleteBeta, logGamma, normalCdf, normalQuantile, type Distribution,
} from '../src/stochastic';
import { DomainError, InvalidInputError } from '../src/core/errors';

const close = (a: number, b: number, tol: number, what = '') => assert.ok(Math.abs(a - b) <= tol, `${what}: ${a} vs ${b} (tol ${tol})`);

const U = uniform(0, 1);
const E = new Exponential(1);
const H1 = hardDistribution(0.01, 0.001);
const H2 = hardDistribution(0.001, 0.0001);
const U12 = uniform(1, 2);
const EMP = empirical([0.1, 0.2, 0.4, 0.4, 0.7, 1.0]);
const two = (r: number) => [r, 1 - r];

describe('stochastic: constants (T1–T3)', () => {
  it('T1: (2+√2)/4, r0, q*, 4√2−4', () => {
    close(C2, 0.8535533905932737, 1e-15, 'c2');
    close(R0, 0.2928932188134524, 1e-15, 'r0');
    close(1 - R0, 0.7071067811865476, 1e-15, '1-r0');
    close(Q_STAR, 0.5857864376269049, 1e-15, 'q*');
    close(Math.SQRT2 / (4 * Math.SQRT2 - 4), C2, 1e-15, 'Eq. (2)');
  });
  it('T2: Kertz gamma* and beta (corrected equation, P12)', () => {
    close(kertzGamma(), 1.3414889923701554, 1e-10, 'gamma*');
    close(kertzBeta(), 0.7454403321142357, 1e-10, 'beta');
    const I = integrate((y) => 1 / ((y > 0 ? y * (1 - Math.log(y)) : 0) + kertzGamma() - 1), 0, 1);
    close(I.value, 1, 1e-10, 'integral');
  });
  it('T3: Hill–Kertz table x_1, a_n, 1/a_n', () => {
    const table: [number, number, number, number][] = [
      [1, 1, 1, 1], [2, 0.414213562373, 1.1715728753, 0.8535533906], [3, 0.769981777692, 1.2213841861, 0.8187432025],
      [4, 0.882789409639, 1.248108322, 0.8012125089], [5, 0.929675555947, 1.2649565963, 0.7905409584],
      [6, 0.95328075295, 1.276592953, 0.7833350464], [8, 0.97515804164, 1.2916605143, 0.774197236],
      [10, 0.984632777069, 1.3010146653, 0.7686308438], [20, 0.996411280041, 1.3205507086, 0.7572598262],
      [50, 0.999448725015, 1.3329075104, 0.7502396019], [100, 0.999864031686, 1.3371573789, 0.747855126],
      [1000, 0.999998656706, 1.3410513865, 0.7456835809], [10000, 0.999999986583, 1.3414451692, 0.7454646846],
    ];
    let prev = Infinity;
    for (const [n, x1, a, inv] of table) {
      const h = hillKertz(n);
      close(h.x1, x1, 1e-11, `x1 n=${n}`);
      close(h.aN, a, n >= 1000 ? 5e-9 : 1e-9, `a_n n=${n}`);
      close(h.prophetRatio, inv, n >= 1000 ? 5e-9 : 1e-9, `1/a_n n=${n}`);
      assert.ok(h.prophetRatio >= kertzBeta() - 1e-12 && h.prophetRatio <= prev + 1e-15, `1/a_n decreasing to beta at n=${n}`);
      prev = h.prophetRatio;
    }
    close(hillKertz(2).prophetRatio, C2, 1e-14, '1/a_2 = (2+√2)/4');
  });
});

describe('stochastic: distributions (spec 5.2, 6.2)', () => {
  it('mu and M_n of U, Exp, H1, H2, U12, EMP', () => {
    const rows: [Distribution, number, (number | null)[]][] = [
      [U, 0.5, [2 / 3, 3 / 4, 4 / 5, 5 / 6]],
      [E, 1, [1.5, 11 / 6, 25 / 12, 137 / 60]],
      [H1, 1.0005, [1.6415808, 2.135147, 2.566748, 2.970976]],
      [H2, 1.00005, [1.655327, null, null, null]],
      [U12, 1.5, [1 + 2 / 3, null, null, null]],
      [EMP, 0.4666667, [0.6333333, null, null, null]],
    ];
    for (const [d, mu, Ms] of rows) {
      close(d.mean(), mu, 1e-7, `${d.name} mean`);
      Ms.forEach((M, k) => M !== null && close(d.emax(k + 2), M, 1e-6, `${d.name} M_${k + 2}`));
    }
    // the paper's approximate M_2 for H1 is 1e-4 below the exact one (P16)
    close(4 * Math.SQRT2 - 4 - Q_STAR * 0.01 - 0.01 + 0.0005, 1.641496, 1e-6, 'paper approx');
  });
  it('closed forms agree with the generic quadrature fallback', () => {
    for (const d of [U, E, H1, U12, new Beta(2, 3), new Beta(0.5, 0.5), bernoulliNoise(0.3, 0.1)]) {
      const g = fromQuantile((u) => d.quantile(u), 'generic', { breakpoints: d.breakpoints });
      close(g.mean(), d.mean(), 1e-9, `${d.name} mean`);
      for (const tau of [0, 0.1, 0.5, 1 - R0, 0.9]) close(g.top(tau), d.top(tau), 1e-9, `${d.name} top(${tau})`);
      for (const n of [2, 3, 5]) close(g.emax(n), d.emax(n), 1e-8, `${d.name} M_${n}`);
      for (const c of [0.2, 0.5, 1.2]) close(g.emaxWith(c), d.emaxWith(c), 1e-7, `${d.name} E max(X, ${c})`);
      close(g.secondMoment(), d.secondMoment(), 1e-8, `${d.name} E[X^2]`);
    }
  });
  it('quantile and cdf are inverse; Top is monotone (property)', () => {
    const ds = [U, E, new Beta(2, 5), U12, H1, histogram([0, 1, 3], [1, 2])];
    fc.assert(fc.property(fc.integer({ min: 0, max: ds.length - 1 }), fc.double({ min: 0.001, max: 0.999, noNaN: true }), (k, u) => {
      const d = ds[k];
      close(d.cdf(d.quantile(u)), u, 1e-9, d.name);
      assert.ok(d.top(u) <= d.top(u / 2) + 1e-15);
    }), { numRuns: 200 });
  });
  it('Uniform, Exp closed forms of spec 6.2', () => {
    close(U12.top(0.3), 0.7 * 1 + (1 - 0.09) / 2, 1e-15, 'Top U12');
    close(E.top(0.4), 0.6 * (1 - Math.log(0.6)), 1e-15, 'Top Exp');
    close(U.emaxWith(0.3), 0.3 * 0.3 + (1 - 0.09) / 2, 1e-15, 'E max(U, c)');
    close(E.emaxWith(0.7), 0.7 + Math.exp(-0.7), 1e-15, 'E max(Exp, c)');
  });
  it('hard distribution D_{p,delta}: mean 1 + delta/2, breakpoints, validity', () => {
    close(H1.mean(), 1 + 0.001 / 2, 1e-14, 'mu');
    assert.deepEqual(H1.breakpoints.map((x) => +x.toFixed(12)), [+(1 - Q_STAR - 0.01).toFixed(12), 0.99]);
    assert.equal(H1.valid, true);
    assert.equal(E.valid, false);
    assert.match(E.validityNotes.join(' '), /unbounded/);
    assert.throws(() => hardDistribution(0.5, 0.001), InvalidInputError);
  });
  it('empirical (discrete) and interpolated variants; randomized-PIT ingredients', () => {
    assert.equal(EMP.kind, 'discrete');
    close(EMP.quantile(0.5), 0.4, 0, 'Q(1/2)');
    close(EMP.quantile(1 / 6), 0.1, 0, 'Q(1/6)');
    close(EMP.cdf(0.4), 4 / 6, 1e-15, 'F(0.4)');
    close(EMP.cdfLeft(0.4), 2 / 6, 1e-15, 'F(0.4-)');
    close(EMP.top(1 - R0), 0.2550253, 1e-7, 'T9 Top(1 - r0)');
    // M_n = sum x_(k)((k/N)^n - ((k-1)/N)^n)
    const xs = [0.1, 0.2, 0.4, 0.4, 0.7, 1.0];
    close(EMP.emax(3), xs.reduce((s, x, k) => s + x * (((k + 1) / 6) ** 3 - (k / 6) ** 3), 0), 1e-15, 'M_3');
    const I = empirical([0.1, 0.2, 0.4, 0.7, 1.0], { interpolate: true });
    assert.equal(empirical(xs, { interpolate: true }).kind, 'mixed', 'a repeated sample value stays an atom');
    assert.equal(I.kind, 'continuous');
    assert.throws(() => empirical([]), InvalidInputError);
    assert.throws(() => empirical([1, NaN]), /not a finite number/);
  });
  it('Beta: incomplete beta, mean, Top', () => {
    const B = new Beta(2, 3);
    close(incompleteBeta(0.5, 2, 3), 0.6875, 1e-14, 'I_{1/2}(2,3)');
    close(B.quantile(0.6875), 0.5, 1e-12, 'Q');
    close(B.top(0), 0.4, 1e-14, 'mu');
    close(integrate((x) => x * B.density(x), B.quantile(0.3), 1).value, B.top(0.3), 1e-10, 'Top by density');
  });
  it('spec parsing: the CLI families and typed errors', () => {
    assert.equal(parseDistribution('uniform:0,1').name, 'Uniform[0, 1]');
    assert.equal(parseDistribution('exp:2').mean(), 0.5);
    close(parseDistribution('beta:2,3').mean(), 0.4, 1e-15, 'beta');
    close(parseDistribution('samples:x', () => '[0.1, 0.2, 0.4, 0.4, 0.7, 1.0]').mean(), 0.4666667, 1e-7, 'samples');
    close(parseDistribution('samples:x', () => '0.1 0.2\n0.4,0.4 0.7 1.0').mean(), 0.4666667, 1e-7, 'samples text');
    assert.throws(() => parseDistribution('uniform:1'), /expected uniform:a,b/);
    assert.throws(() => parseDistribution('gauss:0,1'), /unknown family "gauss"/);
    assert.throws(() => parseDistribution('exp:-1'), InvalidInputError);
    assert.throws(() => parseDistribution('samples:x', () => '[1, "a"]'), /entry 1/);
    assert.throws(() => parseDistribution('uniform:-1,1'), /negative/);
  });
});

describe('stochastic: shares and Pick-r counts (P6)', () => {
  it('P6: (0.7, 0.1, 0.2) with m = 10 gives (7, 1, 2); (0.1)x10 gives ten 1s', () => {
    assert.deepEqual(pickCounts([0.7, 0.1, 0.2], 10), [7, 1, 2]);
    assert.deepEqual(pickCounts(new Array(10).fill(0.1), 10), new Array(10).fill(1));
    assert.deepEqual(pickCounts(['1/3', '1/3', '1/3'], 10), [3, 3, 4]);
    assert.deepEqual(pickCounts([R0, 1 - R0], 4), [1, 3]);
    assert.throws(() => pickCounts([0.5, 0.6], 10), /sum to/);
    assert.throws(() => pickCounts([-0.1, 1.1], 10), /negative/);
  });
  it('counts are floor/ceil of r_i m and sum to m (property)', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 6 }).filter((a) => a.some((x) => x > 0)), fc.integer({ min: 0, max: 5000 }), (w, m) => {
      const s = w.reduce((a, b) => a + b, 0);
      const r = w.map((x) => x / s);
      const t = pickCounts(r, m);
      assert.equal(t.reduce((a, b) => a + b, 0), m);
      t.forEach((ti, i) => assert.ok(ti >= Math.floor(r[i] * m - 1e-6) && ti <= Math.ceil(r[i] * m + 1e-6), `t=${t} r=${r}`));
    }), { numRuns: 300 });
  });
  it('rToS and sToR are inverse', () => {
    const r = [0.375, 0.3125, 0.3125];
    assert.deepEqual(rToS(r), [0.375, 0.5, 1]);
    sToR(rToS(r)).forEach((x, i) => close(x, r[i], 1e-15, 'roundtrip'));
    assert.throws(() => sToR([0.5, 0.5]), /last acceptance probability/);
  });
});

describe('stochastic: two agents (T4–T10, T24)', () => {
  it('T4 Uniform: alpha(r) = 0.75(1 + r − r²)', () => {
    close(welfareRatio(two(R0), U), 0.9053300858899106, 1e-12, 'alpha(r0)');
    close(welfareRatio(two(0.5), U), 0.9375, 1e-12, 'alpha(1/2)');
    close(welfareRatio(two(0), U), 0.75, 1e-12, 'alpha(0)');
    const grid: [number, number][] = [[0.1, 0.8175], [0.2, 0.87], [0.3, 0.9075], [0.4, 0.93], [0.6, 0.93], [0.8, 0.87]];
    for (const [r, a] of grid) close(welfareRatio(two(r), U), a, 1e-12, `alpha(${r})`);
  });
  it('T5 Exp(1): alpha(r) = (1 − r ln r)/1.5', () => {
    close(welfareRatio(two(R0), E), 0.9064382675, 1e-9, 'alpha(r0)');
    close(welfareRatio(two(0.5), E), 0.8977157269, 1e-9, 'alpha(1/2)');
    close(welfareRatio(two(1 / Math.E), E), 0.9119196274, 1e-9, 'max at 1/e');
    const grid: [number, number][] = [[0.1, 0.820172], [0.2, 0.881258], [0.4, 0.911011], [0.6, 0.870997], [0.8, 0.785677], [0, 2 / 3], [1, 2 / 3]];
    for (const [r, a] of grid) close(welfareRatio(two(r), E), a, 1e-6, `alpha(${r})`);
  });
  it('T6 hard distribution: alpha → (2+√2)/4 from above', () => {
    close(welfareRatio(two(R0), H1), 0.855752, 1e-6, 'H1 r0');
    close(welfareRatio(two(0.5), H1), 0.855732, 1e-6, 'H1 1/2');
    close(welfareRatio(two(0.1), H1), 0.855731, 1e-6, 'H1 0.1');
    close(welfareRatio(two(0.7), H1), 0.792248, 1e-6, 'H1 0.7');
    close(welfareRatio(two(0.01 + Q_STAR / 2), H1), 0.855752, 1e-6, 'H1 max at p + q*/2');
    close(welfareRatio(two(R0), H2), 0.853771, 1e-6, 'H2 r0');
    close(welfareRatio(two(R0), hardDistribution(1e-4, 1e-5)), 0.853575, 1e-6, 'p = 1e-4');
    for (const d of [H1, H2]) assert.ok(welfareRatio(two(R0), d) > C2);
  });
  it('T7 Bernoulli tight instance for Pick-r0', () => {
    close(welfareRatio(two(R0), bernoulliNoise(Q_STAR, 1e-3)), 0.853642, 1e-6, 'delta 1e-3');
    close(welfareRatio(two(R0), bernoulliNoise(Q_STAR, 1e-6)), 0.8535535, 1e-7, 'delta 1e-6');
    close(welfareRatio(two(0.5), bernoulliNoise(Q_STAR, 1e-6)), 0.957107, 1e-6, 'alpha(1/2)');
  });
  it('T8 1-for-1 exchange: mu + E|X−Y|/4 over M_2', () => {
    const exch = (d: Distribution) => {
      const EXY = 2 * integrate((u) => (2 * u - 1) * d.quantile(u), 0, 1, { breakpoints: d.breakpoints }).value;
      return { ratio: (d.mean() + EXY / 4) / d.emax(2), EXY, perItem: d.mean() + EXY / 4 };
    };
    close(exch(U).ratio, 0.875, 1e-12, 'U');
    close(exch(E).ratio, 0.8333333, 1e-6, 'Exp');
    close(exch(H1).EXY, 1.282162, 1e-6, 'H1 E|X−Y|');
    close(exch(H1).perItem, 1.32104, 1e-6, 'H1 per item');
    assert.ok(exch(H1).perItem <= Math.SQRT2 + 0.001);
    close(exch(H2).perItem, 1.327689, 1e-6, 'H2 per item');
  });
  it('T9 Theorem 3.7 condition and r_min (knife edge P1)', () => {
    close(U.top(1 - R0), 0.25, 1e-15, 'Uniform Top');
    const cU = thm37Share(U, 1000);
    assert.equal(cU.branch, 'fallback', 'Uniform equality must go to the fallback');
    close(halfValueShare(U), R0, 1e-12, 'r_min U');
    const cE = thm37Share(E, 1000);
    assert.equal(cE.branch, 'r0');
    close(E.top(1 - R0), 0.6525506201, 1e-9, 'Exp Top');
    close(halfValueShare(E), 0.1866823, 1e-7, 'r_min Exp');
    assert.equal(thm37Share(H1, 1000).branch, 'r0');
    close(H1.top(1 - R0), 0.6973264, 1e-7, 'H1 Top');
    close(halfValueShare(H1), 0.0959518, 1e-7, 'r_min H1');
    assert.equal(thm37Share(U12, 1000).branch, 'fallback');
    close(U12.top(1 - R0), 0.5428932, 1e-7, 'U12 Top');
    close(halfValueShare(U12), 2 - Math.sqrt(2.5), 1e-12, 'r_min U12');
    assert.equal(thm37Share(EMP, 1000).branch, 'r0');
    assert.throws(() => halfValueShare(discrete([1])), DomainError);
  });
  it('T10 fallback share 1/2 − m^{-1/4}, clamped; robust variant', () => {
    const vals: [number, number][] = [[16, 0], [100, 0.183772], [1000, 0.322172], [10000, 0.4], [1e6, 0.468377]];
    for (const [m, r] of vals) close(thm37Share(U12, m).r, r, 1e-6, `m=${m}`);
    close(thm37Share(U12, 8).r, 0, 0, 'clamped');
    const margin = (r: number) => 2 * U12.top(1 - r) - U12.mean();
    close(margin(thm37Share(U12, 10000).r), -0.06, 0.005, 'margin m=1e4');
    close(margin(thm37Share(U12, 1e6).r), 0.154, 0.001, 'margin m=1e6');
    close(welfareRatio(two(R0), U12), 0.962132, 1e-6, 'alpha r0');
    close(welfareRatio(two(0.5), U12), 0.975, 1e-12, 'alpha 1/2');
    close(welfareRatio(two(0.4), U12), 0.972, 1e-12, 'alpha 0.4');
    const rob = thm37Share(U12, 100, 'robust');
    close(rob.r, 0.45943, 1e-5, 'robust r*');
    assert.ok(efMargins(two(rob.r), U12).efWhp && welfareRatio(two(rob.r), U12) >= C2);
  });
  it('T24 / C12: Prop 3.3 and App. E inequality lemmas', () => {
    const gInt = (t: number) => (t < 1 - R0 ? 1 - (1 - R0) * t : (2 - R0) * (1 - t));
    let minGap = Infinity, at = 0;
    for (let k = 0; k <= 100000; k++) {
      const t = k / 100000;
      const gap = gInt(t) - C2 * (1 - t * t);
      assert.ok(gap >= -1e-12, `gap at ${t}`);
      if (t < 0.99 && gap < minGap) { minGap = gap; at = t; }
    }
    close(at, Math.SQRT2 - 1, 1e-4, 'argmin');
    close(gInt(Math.SQRT2 / 2) - C2 * 0.5, 0.0732, 1e-4, 'gap at √2/2');
    const S = (t: number) => (t < 0.5 ? (3 + 2 * R0 - t) / 4 : t < 1 - R0 ? (5 + 2 * R0 - 5 * t) / 4 : (7 - 7 * t) / 4);
    for (let k = 0; k < 10000; k++) { const t = k / 10000; assert.ok(S(t) >= 0.875 * (1 - t * t) - 1e-12); }
    close(S(1 / 7) - 0.875 * (1 - 1 / 49), (10 - 7 * Math.SQRT2) / 28, 1e-12, 'piece minimum');
    close((10 - 7 * Math.SQRT2) / 28, 0.0035895, 1e-7, 'T23');
    close(0.875 * (1.5 - Math.SQRT2), 0.0750631, 1e-7, 'T23 second');
  });
  it('T22 identities of Theorem 3.1', () => {
    close((2 * (3 * Math.SQRT2 - 4)) / (Math.SQRT2 - 1) ** 2, 2 * Math.SQRT2, 1e-12, '2√2');
    close((3 - Q_STAR) / 2, (1 + Math.SQRT2) / 2, 1e-15, '(3−q*)/2');
    close(Q_STAR * (1 - Q_STAR), 3 * Math.SQRT2 - 4, 1e-15, 'q*(1−q*)');
    close((3 - Q_STAR ** 2) / 2, (4 * Math.SQRT2 - 3) / 2, 1e-15, '(3−q*²)/2');
    close(H1.mean(), 1.0005, 1e-14, 'E[v]');
  });
});

describe('stochastic: n agents (T12–T16, C8, C11)', () => {
  it('T12 DP tables: continuation values, shares and alpha_DP', () => {
    // per distribution: c[1..5] (from n = 5), s_1 at n = 2 (strict, P19), shares r and alpha_DP per n
    // ([n, values, tol]; tol defaults to 1e-6)
    type Row = { d: Distribution; c: number[]; s1?: number; r: [number, number[], number?][]; alpha: [number, number, number?][] };
    const rows: [string, Row][] = [
      ['U', {
        d: U, c: [0.5, 0.625, 0.6953125, 0.74173, 0.775082],
        r: [[4, [0.304688, 0.260742, 0.217285, 0.217285]], [5, [0.25827, 0.225996, 0.1934, 0.161167, 0.161167]]],
        alpha: [[2, 0.9375, 1e-12], [3, 0.927083], [4, 0.927162], [5, 0.930098]],
      }],
      ['E', {
        d: E, c: [1, 1.367879, 1.622526, 1.819925, 1.981963], s1: 1 / Math.E,
        r: [[3, [0.254646, 0.2742, 0.471153]], [4, [0.197399, 0.204379, 0.220073, 0.378148]], [5, [0.162038, 0.165413, 0.171262, 0.184413, 0.316874]]],
        alpha: [[2, 0.91192], [3, 0.885014], [4, 0.873564], [5, 0.868013]],
      }],
      ['H1', {
        d: H1, c: [1.0005, 1.404787, 1.804957, 2.201126, 2.593334],
        r: [[2, [0.302893, 0.697107]], [3, [0.01, 0.299864, 0.690136]]],
        alpha: [[2, 0.855752], [3, 0.845355], [4, 0.857555], [5, 0.87289]],
      }],
      ['EMP', {
        d: EMP, c: [0.466667, 0.594444, 0.67963, 0.73642, 0.78035], s1: 1 / 3,
        r: [[3, [1 / 3, 2 / 9, 4 / 9], 1e-12]],
        alpha: [[2, 0.938596], [3, 0.931472], [4, 0.928044], [5, 0.92999]],
      }],
    ];
    for (const [name, row] of rows) {
      const dp = (n: number) => dpThresholds(row.d, n);
      row.c.forEach((c, k) => close(dp(5).c[k], c, 1e-6, `${name} c[${k + 1}]`));
      if (row.s1 !== undefined) close(dp(2).s[0], row.s1, 1e-12, `${name} s1 (strict)`);
      for (const [n, rs, tol = 1e-6] of row.r) rs.forEach((r, k) => close(dp(n).r[k], r, tol, `${name} n=${n} r${k}`));
      for (const [n, alpha, tol = 1e-6] of row.alpha) close(dp(n).alpha, alpha, tol, `${name} n=${n}`);
    }
    assert.deepEqual(dpThresholds(U, 3).r, [0.375, 0.3125, 0.3125]);
    for (const d of [U, E, H1, EMP]) for (let n = 2; n <= 5; n++) {
      const dp = dpThresholds(d, n);
      assert.ok(dp.alpha >= hillKertz(n).prophetRatio - 1e-12, `${d.name} n=${n} ≥ 1/a_n`);
      close(welfareRatio(dp.r, d), dp.alpha, 1e-10, `C8 alpha formula = c[n]/M_n (${d.name}, ${n})`);
      close(qtpRatio(dp.s, d), dp.alpha, 1e-10, `C8 QTP recursion (${d.name}, ${n})`);
    }
  });
  it('C8: alpha formula equals the QTP backward recursion for random shares (property)', () => {
    const ds = [U, E, H1, EMP, new Beta(2, 2)];
    fc.assert(fc.property(fc.integer({ min: 0, max: ds.length - 1 }), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 4 }), (k, s0) => {
      const s = [...s0, 1];
      const r = sToR(s);
      const a = welfareRatio(r, ds[k]);
      close(a, qtpRatio(rToS(r), ds[k]), 1e-9, 'alpha vs QTP');
      assert.ok(a <= 1 + 1e-12 && a >= worstCaseGuarantee(r).value - 1e-9);
    }), { numRuns: 100 });
  });
  it('T13 equal split and its zero margins (P21, P22)', () => {
    [0.9375, 100 / 108, 0.924479, 0.926].forEach((a, k) => close(welfareRatio(nearEqualShares(k + 2, 0), U), a, 1e-6, `U n=${k + 2}`));
    [0.897716, 0.871229, 0.861366, 0.857299].forEach((a, k) => close(welfareRatio(nearEqualShares(k + 2, 0), E), a, 1e-6, `E n=${k + 2}`));
    [0.855732, 0.784156, 0.744181, 0.71777].forEach((a, k) => close(welfareRatio(nearEqualShares(k + 2, 0), H1), a, 1e-6, `H1 n=${k + 2}`));
    [0.75, 2 / 3, 0.625, 0.6].forEach((g, k) => close(worstCaseGuarantee(nearEqualShares(k + 2, 0)).value, g, 1e-9, `g equal n=${k + 2}`));
    // g(r) ≤ 1/a_n for every share vector (the best Pick-r guarantee over all D is 1/a_n)
    for (let n = 2; n <= 5; n++)
      for (let k = 0; k < 20; k++) {
        const raw = Array.from({ length: n }, (_, i) => 1 + ((k * 7 + i * 13) % 11));
        const tot = raw.reduce((a, b) => a + b, 0);
        assert.ok(worstCaseGuarantee(raw.map((x) => x / tot)).value <= hillKertz(n).prophetRatio + 1e-9, `g(r) <= 1/a_${n}`);
      }
    const mU = efMargins(nearEqualShares(3, 0), U);
    close(mU.own[2], 1 / 6, 1e-15, 'own U n=3');
    close(mU.other[2][0], 1 / 6, 1e-15, 'other U n=3');
    assert.equal(mU.efWhp, false);
    close(efMargins(nearEqualShares(3, 0), E).own[2], 1 / 3, 1e-15, 'own E n=3');
    close(efMargins(nearEqualShares(4, 0), U).own[3], 1 / 8, 1e-15, 'own U n=4');
  });
  it('T14 eps-split (Theorem 3.10)', () => {
    [0.9372, 0.923674, 0.919022].forEach((a, k) => close(welfareRatio(nearEqualShares(k + 2, 0.02), U), a, 1e-6, `U n=${k + 2}`));
    [0.901537, 0.877885, 0.869875].forEach((a, k) => close(welfareRatio(nearEqualShares(k + 2, 0.02), E), a, 1e-6, `E n=${k + 2}`));
    [0.855736, 0.787947, 0.753635].forEach((a, k) => close(welfareRatio(nearEqualShares(k + 2, 0.02), H1), a, 1e-6, `H1 n=${k + 2}`));
    for (const d of [U, E, H1]) for (const n of [2, 3, 4]) for (const eps of [0.01, 0.02, 0.05]) assert.ok(efMargins(nearEqualShares(n, eps), d).efWhp, `${d.name} n=${n} eps=${eps}`);
    assert.equal(chooseNearEqualEps(U, 3).eps, 0.02);
    // C12 (Thm 3.10 inequality) on a grid
    for (let n = 1; n <= 50; n++) for (let k = 0; k < 200; k++) {
      const F = k / 200;
      let s = 0;
      for (let j = 1; j <= n; j++) s += Math.min(1, j * (1 - F));
      assert.ok(s / n > 0.5 * (1 - F ** n) - 1e-15, `n=${n} F=${F}`);
    }
  });
  it('T15 worst case for n = 3 (limit form and finite long shots)', () => {
    const reg = discrete([0, 0.675602, 1.0], [0.480145, 0.289837, 0.230018]);
    close(dpThresholds(new LongShotLimit(reg, 0.249772), 3).alpha, 0.8187439, 1e-7, 'limit');
    assert.ok(dpThresholds(new LongShotLimit(reg, 0.249772), 3).alpha >= hillKertz(3).prophetRatio);
    [[1e-3, 0.8192595], [1e-4, 0.8187951], [1e-6, 0.8187444]].forEach(([p, a]) => close(dpThresholds(withLongShot(reg, p, 0.249772), 3).alpha, a, 1e-7, `p=${p}`));
    // n = 2 analogue: atoms 0 w.p. √2−1, 1 w.p. 2−√2, long shot √2−1 gives exactly (2+√2)/4
    const reg2 = discrete([0, 1], [Math.SQRT2 - 1, 2 - Math.SQRT2]);
    close(dpThresholds(new LongShotLimit(reg2, Math.SQRT2 - 1), 2).alpha, C2, 1e-12, 'n=2');
  });
  it('T16 / C11 distribution-free shares (experimental)', () => {
    close(worstCaseGuarantee(two(R0)).value, C2, 1e-9, 'g(r0)');
    close(worstCaseGuarantee(two(R0)).t, Math.SQRT2 - 1, 1e-6, 'argmin t');
    const r3 = sToR([0.110027, 0.363737, 1]);
    close(worstCaseGuarantee(r3).value, 0.8187432, 1e-6, 'n=3');
    [0.869260, 0.856481].forEach((a, k) => close(welfareRatio(r3, [U, E][k]), a, 1e-5, `n=3 on ${[U, E][k].name}`));
    close(welfareRatio(r3, H2), 0.821539, 1e-5, 'n=3 on H2');
    const r4 = sToR([0.056176, 0.187587, 0.355416, 1]);
    close(worstCaseGuarantee(r4).value, 0.8012125, 1e-6, 'n=4');
    for (const n of [2, 3, 4]) for (let k = 0; k < 20; k++) {
      const r = nearEqualShares(n, (k / 20) / n);
      assert.ok(worstCaseGuarantee(r).value <= hillKertz(n).prophetRatio + 1e-9);
    }
  });
  it('T21 half-value quantiles', () => {
    close(halfValueQuantile(U), 1 / Math.SQRT2, 1e-12, 'U');
    close(halfValueQuantile(E), 0.8133177, 1e-7, 'Exp');
  });
});

describe('stochastic: numerical primitives meet their documented accuracy', () => {
  it('special functions (special.ts header) and quadrature error estimates (quadrature.ts header)', () => {
    let lnFact = 0;
    for (let n = 1; n <= 60; n++) {
      if (n > 1) lnFact += Math.log(n - 1);
      assert.ok(Math.abs(logGamma(n) - lnFact) <= 1e-14 * Math.max(1, lnFact), `lnΓ(${n})`);
    }
    close(logGamma(0.5), 0.5 * Math.log(Math.PI), 1e-14, 'lnΓ(1/2)');
    close(logGamma(1.5), Math.log(Math.sqrt(Math.PI) / 2), 1e-14, 'lnΓ(3/2)');
    for (const x of [0.01, 0.1, 0.3, 0.5, 0.7, 0.9, 0.99]) for (const b of [0.5, 1, 2, 3.5, 10]) {
      close(incompleteBeta(x, 1, b), 1 - (1 - x) ** b, 1e-14, `I_${x}(1, ${b})`);
      close(incompleteBeta(x, b, 1), x ** b, 1e-14, `I_${x}(${b}, 1)`);
    }
    for (const [x, phi] of [[1, 0.8413447460685429], [-3, 0.0013498980316301035], [-8, 6.22096057427178e-16]]) {
      assert.ok(Math.abs(normalCdf(x) - phi) <= 1e-13 * phi, `Φ(${x})`);
    }
    for (const x of [-6, -3, -1, -0.1, 0, 0.5, 2, 5]) close(normalQuantile(normalCdf(x)), x, 1e-10, `Φ^-1(Φ(${x}))`);
    // integrable endpoint singularities: the estimate exceeds the true error
    const ex = integrate((u) => E.quantile(u), 0, 1);
    assert.ok(ex.converged && Math.abs(ex.value - 1) <= ex.error, `Exp quantile: ${ex.value} ± ${ex.error}`);
    const sq = integrate((u) => 1 / Math.sqrt(u), 0, 1);
    assert.ok(sq.converged && Math.abs(sq.value - 2) <= sq.error, `u^-1/2: ${sq.value} ± ${sq.error}`);
  });
});

describe('stochastic: intervals', () => {
  it('Wilson and Jeffreys', () => {
    const w = wilson(36, 100);
    close(w.lo, 0.2727, 1e-4, 'wilson lo');
    close(w.hi, 0.4576, 1e-4, 'wilson hi');
    const j = jeffreys(36, 100);
    assert.ok(j.lo > 0.26 && j.lo < 0.28 && j.hi > 0.45 && j.hi < 0.47);
    assert.equal(jeffreys(0, 10).lo, 0);
    assert.equal(jeffreys(10, 10).hi, 1);
    assert.throws(() => wilson(3, 2), InvalidInputError);
  });
});

describe('stochastic: Hill–Kertz worst case for every n ([DERIVED] generalization of T15)', () => {
  it('the DP Pick-r achieves exactly 1/a_n on it, decreasing towards beta', () => {
    const { hillKertzWorstCase } = require('../src/stochastic');
    const w3 = hillKertzWorstCase(3);
    close(w3.L, 0.249772, 5e-6, 'L (T15; the spec rounds its atoms, so its alpha is 7e-7 above 1/a_3)');
    close(w3.regular.quantile(0.6), 0.675602, 1e-5, 'middle atom (T15, rounded in the spec)');
    for (const n of [2, 3, 4, 5, 10, 20, 50]) {
      const a = dpThresholds(hillKertzWorstCase(n).limit, n).alpha;
      close(a, hillKertz(n).prophetRatio, 1e-12, `n=${n}`);
      assert.ok(a > kertzBeta());
    }
    close(dpThresholds(w3.withMass(1e-3), 3).alpha, 0.8192595, 1e-6, 'finite p (T15)');
  });
});
