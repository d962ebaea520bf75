/**
 * Pick-r analytics of paper 001 (Halpern, Psomas & Zhang): welfare ratios, EF margins, the Theorem 3.7
 * selector, prophet-optimal and near-equal shares, worst cases (seed-001 §5.3–5.4), at the spec's
 * tolerances (deterministic values to ≥ 6 digits).
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { DomainError } from '../../src/core/errors';
import {
  bernoulliNoise,
  Beta,
  C2,
  chooseNearEqualEps,
  discrete,
  dpThresholds,
  efMargins,
  efSelectorShare,
  empirical,
  Exponential,
  halfValueQuantile,
  halfValueShare,
  hardDistribution,
  hillKertz,
  integrate,
  LongShotLimit,
  nearEqualShares,
  Q_STAR,
  qtpRatio,
  R0,
  rToS,
  sToR,
  uniform,
  welfareRatio,
  withLongShot,
  worstCaseGuarantee,
  type Distribution,
} from '../../src/stochastic';
import { close } from '../helpers/approx';

const U = uniform(0, 1);
const E = new Exponential(1);
const H1 = hardDistribution(0.01, 0.001);
const H2 = hardDistribution(0.001, 0.0001);
const U12 = uniform(1, 2);
const EMP = empirical([0.1, 0.2, 0.4, 0.4, 0.7, 1.0]);
const two = (r: number) => [r, 1 - r];

describe('stochastic analytics: two agents', () => {
  it('on Uniform the welfare ratio is alpha(r) = 0.75(1 + r − r²) (T4)', () => {
    close(welfareRatio(two(R0), U), 0.9053300858899106, 1e-12, 'alpha(r0)');
    close(welfareRatio(two(0.5), U), 0.9375, 1e-12, 'alpha(1/2)');
    close(welfareRatio(two(0), U), 0.75, 1e-12, 'alpha(0)');
    const grid: [number, number][] = [
      [0.1, 0.8175],
      [0.2, 0.87],
      [0.3, 0.9075],
      [0.4, 0.93],
      [0.6, 0.93],
      [0.8, 0.87],
    ];
    for (const [r, a] of grid) close(welfareRatio(two(r), U), a, 1e-12, `alpha(${r})`);
  });
  it('on Exp(1) the welfare ratio is alpha(r) = (1 − r ln r)/1.5 (T5)', () => {
    close(welfareRatio(two(R0), E), 0.9064382675, 1e-9, 'alpha(r0)');
    close(welfareRatio(two(0.5), E), 0.8977157269, 1e-9, 'alpha(1/2)');
    close(welfareRatio(two(1 / Math.E), E), 0.9119196274, 1e-9, 'max at 1/e');
    const grid: [number, number][] = [
      [0.1, 0.820172],
      [0.2, 0.881258],
      [0.4, 0.911011],
      [0.6, 0.870997],
      [0.8, 0.785677],
      [0, 2 / 3],
      [1, 2 / 3],
    ];
    for (const [r, a] of grid) close(welfareRatio(two(r), E), a, 1e-6, `alpha(${r})`);
  });
  it('on the hard distribution alpha tends to (2+√2)/4 from above (T6)', () => {
    close(welfareRatio(two(R0), H1), 0.855752, 1e-6, 'H1 r0');
    close(welfareRatio(two(0.5), H1), 0.855732, 1e-6, 'H1 1/2');
    close(welfareRatio(two(0.1), H1), 0.855731, 1e-6, 'H1 0.1');
    close(welfareRatio(two(0.7), H1), 0.792248, 1e-6, 'H1 0.7');
    close(welfareRatio(two(0.01 + Q_STAR / 2), H1), 0.855752, 1e-6, 'H1 max at p + q*/2');
    close(welfareRatio(two(R0), H2), 0.853771, 1e-6, 'H2 r0');
    close(welfareRatio(two(R0), hardDistribution(1e-4, 1e-5)), 0.853575, 1e-6, 'p = 1e-4');
    for (const d of [H1, H2]) assert.ok(welfareRatio(two(R0), d) > C2);
  });
  it('Pick-r0 is tight at (2+√2)/4 on Bernoulli(q*) plus small noise (T7)', () => {
    close(welfareRatio(two(R0), bernoulliNoise(Q_STAR, 1e-3)), 0.853642, 1e-6, 'delta 1e-3');
    close(welfareRatio(two(R0), bernoulliNoise(Q_STAR, 1e-6)), 0.8535535, 1e-7, 'delta 1e-6');
    close(welfareRatio(two(0.5), bernoulliNoise(Q_STAR, 1e-6)), 0.957107, 1e-6, 'alpha(1/2)');
  });
  it('the 1-for-1 exchange gets mu + E|X−Y|/4 per item (T8)', () => {
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
  it('the Theorem 3.7 condition sends Uniform (equality) to the fallback and gives r_min (T9, knife edge P1)', () => {
    close(U.top(1 - R0), 0.25, 1e-15, 'Uniform Top');
    const cU = efSelectorShare(U, 1000);
    assert.equal(cU.branch, 'fallback', 'Uniform equality must go to the fallback');
    close(halfValueShare(U), R0, 1e-12, 'r_min U');
    const cE = efSelectorShare(E, 1000);
    assert.equal(cE.branch, 'r0');
    close(E.top(1 - R0), 0.6525506201, 1e-9, 'Exp Top');
    close(halfValueShare(E), 0.1866823, 1e-7, 'r_min Exp');
    assert.equal(efSelectorShare(H1, 1000).branch, 'r0');
    close(H1.top(1 - R0), 0.6973264, 1e-7, 'H1 Top');
    close(halfValueShare(H1), 0.0959518, 1e-7, 'r_min H1');
    assert.equal(efSelectorShare(U12, 1000).branch, 'fallback');
    close(U12.top(1 - R0), 0.5428932, 1e-7, 'U12 Top');
    close(halfValueShare(U12), 2 - Math.sqrt(2.5), 1e-12, 'r_min U12');
    assert.equal(efSelectorShare(EMP, 1000).branch, 'r0');
    assert.throws(() => halfValueShare(discrete([1])), DomainError);
  });
  it('the fallback share is 1/2 − m^{-1/4} clamped at 0, and the robust variant is EF w.h.p. (T10)', () => {
    const vals: [number, number][] = [
      [16, 0],
      [100, 0.183772],
      [1000, 0.322172],
      [10000, 0.4],
      [1e6, 0.468377],
    ];
    for (const [m, r] of vals) close(efSelectorShare(U12, m).r, r, 1e-6, `m=${m}`);
    close(efSelectorShare(U12, 8).r, 0, 0, 'clamped');
    const margin = (r: number) => 2 * U12.top(1 - r) - U12.mean();
    close(margin(efSelectorShare(U12, 10000).r), -0.06, 0.005, 'margin m=1e4');
    close(margin(efSelectorShare(U12, 1e6).r), 0.154, 0.001, 'margin m=1e6');
    close(welfareRatio(two(R0), U12), 0.962132, 1e-6, 'alpha r0');
    close(welfareRatio(two(0.5), U12), 0.975, 1e-12, 'alpha 1/2');
    close(welfareRatio(two(0.4), U12), 0.972, 1e-12, 'alpha 0.4');
    const rob = efSelectorShare(U12, 100, 'robust');
    close(rob.r, 0.45943, 1e-5, 'robust r*');
    assert.ok(efMargins(two(rob.r), U12).efWhp && welfareRatio(two(rob.r), U12) >= C2);
  });
  it('the inequality lemmas of Prop. 3.3 and Appendix E hold on a fine grid (T24, C12)', () => {
    const gInt = (t: number) => (t < 1 - R0 ? 1 - (1 - R0) * t : (2 - R0) * (1 - t));
    let minGap = Infinity,
      at = 0;
    for (let k = 0; k <= 100000; k++) {
      const t = k / 100000;
      const gap = gInt(t) - C2 * (1 - t * t);
      assert.ok(gap >= -1e-12, `gap at ${t}`);
      if (t < 0.99 && gap < minGap) {
        minGap = gap;
        at = t;
      }
    }
    close(at, Math.SQRT2 - 1, 1e-4, 'argmin');
    close(gInt(Math.SQRT2 / 2) - C2 * 0.5, 0.0732, 1e-4, 'gap at √2/2');
    const S = (t: number) => (t < 0.5 ? (3 + 2 * R0 - t) / 4 : t < 1 - R0 ? (5 + 2 * R0 - 5 * t) / 4 : (7 - 7 * t) / 4);
    for (let k = 0; k < 10000; k++) {
      const t = k / 10000;
      assert.ok(S(t) >= 0.875 * (1 - t * t) - 1e-12);
    }
    close(S(1 / 7) - 0.875 * (1 - 1 / 49), (10 - 7 * Math.SQRT2) / 28, 1e-12, 'piece minimum');
    close((10 - 7 * Math.SQRT2) / 28, 0.0035895, 1e-7, 'T23');
    close(0.875 * (1.5 - Math.SQRT2), 0.0750631, 1e-7, 'T23 second');
  });
  it('the identities of Theorem 3.1 hold (T22)', () => {
    close((2 * (3 * Math.SQRT2 - 4)) / (Math.SQRT2 - 1) ** 2, 2 * Math.SQRT2, 1e-12, '2√2');
    close((3 - Q_STAR) / 2, (1 + Math.SQRT2) / 2, 1e-15, '(3−q*)/2');
    close(Q_STAR * (1 - Q_STAR), 3 * Math.SQRT2 - 4, 1e-15, 'q*(1−q*)');
    close((3 - Q_STAR ** 2) / 2, (4 * Math.SQRT2 - 3) / 2, 1e-15, '(3−q*²)/2');
    close(H1.mean(), 1.0005, 1e-14, 'E[v]');
  });
});

describe('stochastic analytics: n agents', () => {
  it('backward induction gives the tabulated continuation values, shares and alpha_DP (T12)', () => {
    // per distribution: c[1..5] (from n = 5), s_1 at n = 2 (strict, P19), shares r and alpha_DP per n
    // ([n, values, tol]; tol defaults to 1e-6)
    type Row = {
      d: Distribution;
      c: number[];
      s1?: number;
      r: [number, number[], number?][];
      alpha: [number, number, number?][];
    };
    const rows: [string, Row][] = [
      [
        'U',
        {
          d: U,
          c: [0.5, 0.625, 0.6953125, 0.74173, 0.775082],
          r: [
            [4, [0.304688, 0.260742, 0.217285, 0.217285]],
            [5, [0.25827, 0.225996, 0.1934, 0.161167, 0.161167]],
          ],
          alpha: [
            [2, 0.9375, 1e-12],
            [3, 0.927083],
            [4, 0.927162],
            [5, 0.930098],
          ],
        },
      ],
      [
        'E',
        {
          d: E,
          c: [1, 1.367879, 1.622526, 1.819925, 1.981963],
          s1: 1 / Math.E,
          r: [
            [3, [0.254646, 0.2742, 0.471153]],
            [4, [0.197399, 0.204379, 0.220073, 0.378148]],
            [5, [0.162038, 0.165413, 0.171262, 0.184413, 0.316874]],
          ],
          alpha: [
            [2, 0.91192],
            [3, 0.885014],
            [4, 0.873564],
            [5, 0.868013],
          ],
        },
      ],
      [
        'H1',
        {
          d: H1,
          c: [1.0005, 1.404787, 1.804957, 2.201126, 2.593334],
          r: [
            [2, [0.302893, 0.697107]],
            [3, [0.01, 0.299864, 0.690136]],
          ],
          alpha: [
            [2, 0.855752],
            [3, 0.845355],
            [4, 0.857555],
            [5, 0.87289],
          ],
        },
      ],
      [
        'EMP',
        {
          d: EMP,
          c: [0.466667, 0.594444, 0.67963, 0.73642, 0.78035],
          s1: 1 / 3,
          r: [[3, [1 / 3, 2 / 9, 4 / 9], 1e-12]],
          alpha: [
            [2, 0.938596],
            [3, 0.931472],
            [4, 0.928044],
            [5, 0.92999],
          ],
        },
      ],
    ];
    for (const [name, row] of rows) {
      const dp = (n: number) => dpThresholds(row.d, n);
      row.c.forEach((c, k) => close(dp(5).c[k], c, 1e-6, `${name} c[${k + 1}]`));
      if (row.s1 !== undefined) close(dp(2).s[0], row.s1, 1e-12, `${name} s1 (strict)`);
      for (const [n, rs, tol = 1e-6] of row.r) rs.forEach((r, k) => close(dp(n).r[k], r, tol, `${name} n=${n} r${k}`));
      for (const [n, alpha, tol = 1e-6] of row.alpha) close(dp(n).alpha, alpha, tol, `${name} n=${n}`);
    }
    assert.deepEqual(dpThresholds(U, 3).r, [0.375, 0.3125, 0.3125]);
    for (const d of [U, E, H1, EMP])
      for (let n = 2; n <= 5; n++) {
        const dp = dpThresholds(d, n);
        assert.ok(dp.alpha >= hillKertz(n).prophetRatio - 1e-12, `${d.name} n=${n} ≥ 1/a_n`);
        close(welfareRatio(dp.r, d), dp.alpha, 1e-10, `C8 alpha formula = c[n]/M_n (${d.name}, ${n})`);
        close(qtpRatio(dp.s, d), dp.alpha, 1e-10, `C8 QTP recursion (${d.name}, ${n})`);
      }
  });
  it('the alpha formula equals the QTP backward recursion for random shares (property, C8)', () => {
    const ds = [U, E, H1, EMP, new Beta(2, 2)];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: ds.length - 1 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 4 }),
        (k, s0) => {
          const s = [...s0, 1];
          const r = sToR(s);
          const a = welfareRatio(r, ds[k]);
          close(a, qtpRatio(rToS(r), ds[k]), 1e-9, 'alpha vs QTP');
          assert.ok(a <= 1 + 1e-12 && a >= worstCaseGuarantee(r).value - 1e-9);
        },
      ),
      { numRuns: 100 },
    );
  });
  it('the equal split has the tabulated ratios and zero EF margins (T13, P21, P22)', () => {
    [0.9375, 100 / 108, 0.924479, 0.926].forEach((a, k) =>
      close(welfareRatio(nearEqualShares(k + 2, 0), U), a, 1e-6, `U n=${k + 2}`),
    );
    [0.897716, 0.871229, 0.861366, 0.857299].forEach((a, k) =>
      close(welfareRatio(nearEqualShares(k + 2, 0), E), a, 1e-6, `E n=${k + 2}`),
    );
    [0.855732, 0.784156, 0.744181, 0.71777].forEach((a, k) =>
      close(welfareRatio(nearEqualShares(k + 2, 0), H1), a, 1e-6, `H1 n=${k + 2}`),
    );
    [0.75, 2 / 3, 0.625, 0.6].forEach((g, k) =>
      close(worstCaseGuarantee(nearEqualShares(k + 2, 0)).value, g, 1e-9, `g equal n=${k + 2}`),
    );
    // g(r) ≤ 1/a_n for every share vector (the best Pick-r guarantee over all D is 1/a_n)
    for (let n = 2; n <= 5; n++)
      for (let k = 0; k < 20; k++) {
        const raw = Array.from({ length: n }, (_, i) => 1 + ((k * 7 + i * 13) % 11));
        const tot = raw.reduce((a, b) => a + b, 0);
        assert.ok(
          worstCaseGuarantee(raw.map((x) => x / tot)).value <= hillKertz(n).prophetRatio + 1e-9,
          `g(r) <= 1/a_${n}`,
        );
      }
    const mU = efMargins(nearEqualShares(3, 0), U);
    close(mU.own[2], 1 / 6, 1e-15, 'own U n=3');
    close(mU.other[2][0], 1 / 6, 1e-15, 'other U n=3');
    assert.equal(mU.efWhp, false);
    close(efMargins(nearEqualShares(3, 0), E).own[2], 1 / 3, 1e-15, 'own E n=3');
    close(efMargins(nearEqualShares(4, 0), U).own[3], 1 / 8, 1e-15, 'own U n=4');
  });
  it('the eps-split has the tabulated ratios and positive margins, and the Theorem 3.10 inequality holds (T14, C12)', () => {
    [0.9372, 0.923674, 0.919022].forEach((a, k) =>
      close(welfareRatio(nearEqualShares(k + 2, 0.02), U), a, 1e-6, `U n=${k + 2}`),
    );
    [0.901537, 0.877885, 0.869875].forEach((a, k) =>
      close(welfareRatio(nearEqualShares(k + 2, 0.02), E), a, 1e-6, `E n=${k + 2}`),
    );
    [0.855736, 0.787947, 0.753635].forEach((a, k) =>
      close(welfareRatio(nearEqualShares(k + 2, 0.02), H1), a, 1e-6, `H1 n=${k + 2}`),
    );
    for (const d of [U, E, H1])
      for (const n of [2, 3, 4])
        for (const eps of [0.01, 0.02, 0.05])
          assert.ok(efMargins(nearEqualShares(n, eps), d).efWhp, `${d.name} n=${n} eps=${eps}`);
    assert.equal(chooseNearEqualEps(U, 3).eps, 0.02);
    // C12 (Thm 3.10 inequality) on a grid
    for (let n = 1; n <= 50; n++)
      for (let k = 0; k < 200; k++) {
        const F = k / 200;
        let s = 0;
        for (let j = 1; j <= n; j++) s += Math.min(1, j * (1 - F));
        assert.ok(s / n > 0.5 * (1 - F ** n) - 1e-15, `n=${n} F=${F}`);
      }
  });
  it('the n = 3 worst case reaches 1/a_3 in the long-shot limit and exceeds it with finite long shots (T15)', () => {
    const reg = discrete([0, 0.675602, 1.0], [0.480145, 0.289837, 0.230018]);
    close(dpThresholds(new LongShotLimit(reg, 0.249772), 3).alpha, 0.8187439, 1e-7, 'limit');
    assert.ok(dpThresholds(new LongShotLimit(reg, 0.249772), 3).alpha >= hillKertz(3).prophetRatio);
    [
      [1e-3, 0.8192595],
      [1e-4, 0.8187951],
      [1e-6, 0.8187444],
    ].forEach(([p, a]) => close(dpThresholds(withLongShot(reg, p, 0.249772), 3).alpha, a, 1e-7, `p=${p}`));
    // n = 2 analogue: atoms 0 w.p. √2−1, 1 w.p. 2−√2, long shot √2−1 gives exactly (2+√2)/4
    const reg2 = discrete([0, 1], [Math.SQRT2 - 1, 2 - Math.SQRT2]);
    close(dpThresholds(new LongShotLimit(reg2, Math.SQRT2 - 1), 2).alpha, C2, 1e-12, 'n=2');
  });
  it('distribution-free shares reach 1/a_n for n = 3, 4 and never exceed it (T16, C11)', () => {
    close(worstCaseGuarantee(two(R0)).value, C2, 1e-9, 'g(r0)');
    close(worstCaseGuarantee(two(R0)).t, Math.SQRT2 - 1, 1e-6, 'argmin t');
    const r3 = sToR([0.110027, 0.363737, 1]);
    close(worstCaseGuarantee(r3).value, 0.8187432, 1e-6, 'n=3');
    [0.86926, 0.856481].forEach((a, k) => close(welfareRatio(r3, [U, E][k]), a, 1e-5, `n=3 on ${[U, E][k].name}`));
    close(welfareRatio(r3, H2), 0.821539, 1e-5, 'n=3 on H2');
    const r4 = sToR([0.056176, 0.187587, 0.355416, 1]);
    close(worstCaseGuarantee(r4).value, 0.8012125, 1e-6, 'n=4');
    for (const n of [2, 3, 4])
      for (let k = 0; k < 20; k++) {
        const r = nearEqualShares(n, k / 20 / n);
        assert.ok(worstCaseGuarantee(r).value <= hillKertz(n).prophetRatio + 1e-9);
      }
  });
  it('gives the half-value quantiles of Uniform and Exp (T21)', () => {
    close(halfValueQuantile(U), 1 / Math.SQRT2, 1e-12, 'U');
    close(halfValueQuantile(E), 0.8133177, 1e-7, 'Exp');
  });
});
