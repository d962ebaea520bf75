/**
 * Theorem 3.1 of paper 001 (Halpern–Psomas–Zhang): the component bounds on D_{p,delta} (seed-001 spec
 * C15; numbers from T6, T8, T22). Analytic values at the spec's ≥ 6-digit tolerances; Monte Carlo with
 * fixed seeds and the C7 tolerance (|estimate − prediction| ≤ 4 se + 0.005), upper bounds checked as
 * estimate ≤ bound + 4 se.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { InvalidInputError } from '../../src/core/errors';
import { rng } from '../../src/core/rng';
import {
  C2,
  exchangeBoundPerItem,
  Exponential,
  hardDistribution,
  oneForOneExchange,
  pickingComponentWelfare,
  Q_STAR,
  R0,
  simulateExchange,
  simulatePickingExchange,
  theorem31Bounds,
  uniform,
  welfareRatio,
  type Component,
} from '../../src/stochastic';
import { close } from '../helpers/approx';

const H1 = { p: 0.01, delta: 0.001 };
const H2 = { p: 0.001, delta: 0.0001 };
const SMALL: [number, number][] = [
  [0.01, 0.001],
  [0.001, 1e-4],
  [1e-4, 1e-5],
  [1e-6, 1e-7],
];
const q = Q_STAR;

describe('hardness of Theorem 3.1: analytic bounds on D_{p,delta} (C15)', () => {
  it('gives mu = 1 + delta/2, the exact M_2 beside the paper approximation, and psi, psi_ratio -> 0 (P16)', () => {
    const b = theorem31Bounds(H1.p, H1.delta);
    close(b.mu, 1.0005, 1e-15, 'mu');
    close(hardDistribution(H1.p, H1.delta).mean(), 1.0005, 1e-14, 'E[v] (Eq. 1)');
    close(b.m2, 1.6415808, 1e-7, 'M_2 exact');
    close(b.m2Paper, 1.641496, 1e-6, 'M_2 paper');
    close(theorem31Bounds(H2.p, H2.delta).m2, 1.655327, 1e-6, 'M_2 H2');
    close(b.H, (1 - q) / 0.01, 1e-12, 'H');
    let prev = Infinity;
    for (const [p, d] of SMALL) {
      const x = theorem31Bounds(p, d);
      close(x.psi, (q * p) / (1 - p) + (1 + 2 * p) * d, 1e-15, 'psi formula');
      assert.ok(x.psi < prev, 'psi decreases with p, delta');
      prev = x.psi;
      close(x.ratio, (Math.SQRT2 + x.psi) / x.m2, 1e-15, 'ratio bound');
      close(x.ratio, C2 + x.psiRatio, 1e-15, 'ratio = c2 + psi_ratio');
      assert.ok(x.psiRatio > 0, 'the bound is above (2+√2)/4 for p, delta > 0');
      assert.ok(x.picking <= x.exchange && x.oneForOne <= x.exchange && x.pickingProof <= x.picking);
    }
    const tiny = theorem31Bounds(1e-6, 1e-7);
    assert.ok(tiny.psi < 2e-6 && tiny.psiRatio < 2e-6, `psi ${tiny.psi}, psi_ratio ${tiny.psiRatio}`);
    close(Math.SQRT2 / (4 * Math.SQRT2 - 4), C2, 1e-15, 'Eq. (2) limit');
  });
  it('the exchange bound per item is ≤ √2 + psi exactly when s ≥ 3 > 2√2 (T22)', () => {
    for (const [p, d] of SMALL) {
      const b = theorem31Bounds(p, d);
      for (let s = 3; s <= 300; s++) assert.ok(exchangeBoundPerItem(p, d, s) <= b.exchange + 1e-15, `s = ${s}`);
    }
    // the limit form of the bound, (3 − q)/2 + sqrt(q(1 − q)/(2s)), crosses √2 at s = 2√2
    const limit = (s: number) => (3 - q) / 2 + Math.sqrt((q * (1 - q)) / (2 * s));
    assert.ok(limit(2) > Math.SQRT2 && limit(3) < Math.SQRT2);
    close(limit(2 * Math.SQRT2), Math.SQRT2, 1e-12, 'crossing at 2√2');
    assert.throws(() => exchangeBoundPerItem(0.01, 0.001, 2), InvalidInputError);
  });
  it('a picking component gets E[max(X, mu)] = 2 − q − p + delta(1/2 + q/8) ≤ 2 − q − p + delta ≤ √2 + delta', () => {
    for (const [p, d] of SMALL) {
      const w = pickingComponentWelfare({ p, delta: d });
      close(w.bestRule, 2 - q - p + d * (0.5 + q / 8), 1e-9, `closed form p=${p}`);
      assert.ok(w.bestRule <= w.proofBound! && w.proofBound! <= w.bound!, `p=${p}`);
      close(w.bound!, Math.SQRT2 + d, 1e-15, 'bound');
    }
    close(pickingComponentWelfare(H1).bound!, 1.415214, 1e-6, 'spec √2 + delta');
  });
  it('a picking component with a cardinality menu is valued by exact order statistics, below the best rule and tending to the QT limit', () => {
    const U = uniform(0, 1);
    close(
      pickingComponentWelfare(U, { s: 4, t: 2 }).cardinality!.perItem,
      0.6,
      1e-12,
      'U top 2 of 4: (4/5 + 3/5 + 2·1/2)/4',
    );
    close(pickingComponentWelfare(U, { s: 3, t: 1 }).cardinality!.perItem, (0.75 + 2 * 0.5) / 3, 1e-12, 'U top 1 of 3');
    const d = hardDistribution(H1.p, H1.delta);
    for (const [s, t] of [
      [1, 0],
      [1, 1],
      [5, 0],
      [5, 5],
      [5, 2],
      [12, 3],
      [40, 12],
      [200, 59],
      [1000, 293],
    ]) {
      const w = pickingComponentWelfare(H1, { s, t });
      assert.ok(w.cardinality!.perItem <= w.bestRule + 1e-12, `s=${s}, t=${t}`);
      assert.ok(w.cardinality!.perItem <= w.bound!);
      if (t === 0 || t === s) close(w.cardinality!.perItem, d.mean(), 1e-12, 'all to one agent');
    }
    // s -> ∞ with t = r0 s: Top(1 − r0) + (1 − r0) mu = alpha(r0) M_2 (QT limit, Lemma 3.6)
    const qt = welfareRatio([R0, 1 - R0], d) * d.emax(2);
    close(pickingComponentWelfare(H1, { s: 1000, t: 293 }).cardinality!.perItem, qt, 1e-3, 'QT limit');
    assert.throws(() => pickingComponentWelfare(H1, { s: 3, t: 4 }), InvalidInputError);
  });
  it('the 1-for-1 exchange gets mu + E|X−Y|/4 = (mu + M_2)/2 ≤ √2 + delta on H1, H2 and in the limit (4√2 − 3)/2 (T8)', () => {
    const h1 = oneForOneExchange(H1);
    close(h1.mu, 1.0005, 1e-12, 'mu');
    close(h1.meanAbsDiff, 1.282162, 1e-6, 'H1 E|X−Y|');
    close(h1.welfarePerItem, 1.32104, 1e-6, 'H1 per item');
    close(h1.bound!, 1.415214, 1e-6, 'H1 bound');
    assert.ok(h1.welfarePerItem <= h1.bound!);
    close(h1.welfarePerItem, (h1.mu + h1.m2) / 2, 1e-12, 'identity');
    // the proof's chain: E|X−Y| ≤ 2 − 2q² − 2p − 2pq + delta
    assert.ok(h1.meanAbsDiff <= 2 - 2 * q * q - 2 * H1.p - 2 * H1.p * q + H1.delta);
    close(oneForOneExchange(H2).welfarePerItem, 1.327689, 1e-6, 'H2 per item');
    close(oneForOneExchange({ p: 1e-6, delta: 1e-7 }).welfarePerItem, (4 * Math.SQRT2 - 3) / 2, 1e-5, 'limit');
    close((4 * Math.SQRT2 - 3) / 2, Math.SQRT2 + (2 * Math.SQRT2 - 3) / 2, 1e-15, '= √2 + (2√2 − 3)/2');
    for (const [p, d] of SMALL) assert.ok(oneForOneExchange({ p, delta: d }).welfarePerItem <= Math.SQRT2 + d);
    close(oneForOneExchange(uniform(0, 1)).ratio, 0.875, 1e-12, 'Uniform');
    close(oneForOneExchange(new Exponential(1)).ratio, 5 / 6, 1e-6, 'Exp(1)');
    assert.equal(oneForOneExchange(uniform(0, 1)).bound, null, 'no Theorem 3.1 bound outside D_{p,delta}');
    assert.equal(
      oneForOneExchange(hardDistribution(0.01, 0.001)).bound,
      h1.bound,
      'a D_{p,delta} object is recognised',
    );
  });
});

describe('hardness of Theorem 3.1: seeded Monte Carlo (C15)', function () {
  this.timeout(120000);
  it('the 1-for-1 exchange estimate matches mu + E|X−Y|/4 within 4 se and the trade rate 1/4 lies in its Wilson/Jeffreys interval', () => {
    for (const [d, trials] of [
      [H1, 200000],
      [uniform(0, 1), 50000],
    ] as const) {
      const e = simulateExchange(d, 1, 1, { trials, seed: 'c15-1for1' });
      const a = oneForOneExchange(d);
      close(e.welfarePerItem.mean, a.welfarePerItem, 4 * e.welfarePerItem.se, 'MC vs analytic');
      assert.ok(e.tradeRate.lo <= 0.25 && 0.25 <= e.tradeRate.hi, `trade rate ${JSON.stringify(e.tradeRate)}`);
    }
    const j = simulateExchange(uniform(0, 1), 1, 1, { trials: 20000, seed: 3, interval: 'jeffreys' });
    assert.ok(j.tradeRate.lo <= 0.25 && 0.25 <= j.tradeRate.hi);
    assert.equal(j.bound, null);
    const h = simulateExchange(H1, 1, 1, { trials: 20000, seed: 3 });
    assert.ok(h.consistent && h.bound === theorem31Bounds(H1.p, H1.delta).oneForOne);
  });
  it('every tried exchange with s ≥ 3 stays ≤ √2 + psi and ≤ the proof bound (within 4 se)', () => {
    const b = theorem31Bounds(H1.p, H1.delta);
    for (const [l, k] of [
      [1, 2],
      [2, 1],
      [2, 2],
      [1, 3],
      [3, 3],
      [2, 4],
      [1, 5],
      [5, 5],
      [10, 10],
      [3, 17],
    ]) {
      const e = simulateExchange(H1, l, k, { trials: 40000, seed: `c15-ex-${l}-${k}` });
      assert.equal(e.bound, b.exchange);
      assert.ok(e.consistent, `(${l}, ${k}): ${e.welfarePerItem.mean} vs ${e.bound}`);
      assert.ok(e.welfarePerItem.mean <= e.proofBound! + 4 * e.welfarePerItem.se, `(${l}, ${k}) proof bound`);
      assert.ok(e.welfarePerItem.hi <= b.exchange, `(${l}, ${k}): upper end ${e.welfarePerItem.hi}`);
    }
  });
  it('Pick-r0 as one picking component (m = 10^4, 100 trials) reaches 0.85575 within C7 and stays ≤ (2+√2)/4 + psi_ratio (T6)', () => {
    const m = 10000;
    const est = simulatePickingExchange(H1, [{ kind: 'picking', picker: 0, size: m, take: Math.floor(R0 * m) }], {
      trials: 100,
      seed: 'c15-t6',
    });
    close(est.ratio.mean, 0.855752, 4 * est.ratio.se + 0.005, 'T6 prediction');
    assert.ok(est.consistent, `${est.ratio.mean} vs ${est.bound}`);
    close(est.bound!, C2 + theorem31Bounds(H1.p, H1.delta).psiRatio, 1e-15, 'bound');
    close(
      est.componentBound!,
      theorem31Bounds(H1.p, H1.delta).picking / theorem31Bounds(H1.p, H1.delta).m2,
      1e-12,
      'component bound',
    );
  });
  it('whole mechanisms mixing picking by both agents, explicit menus, 1-for-1 and larger exchanges stay within the bound', () => {
    const mixed: Component[] = [
      { kind: 'picking', picker: 0, size: 30, take: 9 },
      { kind: 'picking', picker: 1, size: 30, take: 15 },
      { kind: 'picking', picker: 1, size: 4, menu: [[0], [1, 2], [0, 1, 2, 3], []] },
      ...Array.from({ length: 20 }, (): Component => ({ kind: 'exchange', endowed: [1, 1] })),
      ...Array.from({ length: 10 }, (): Component => ({ kind: 'exchange', endowed: [2, 1], indifference: 'trade' })),
      ...Array.from({ length: 5 }, (): Component => ({ kind: 'exchange', endowed: [3, 3] })),
    ];
    const b = theorem31Bounds(H1.p, H1.delta);
    const est = simulatePickingExchange(H1, mixed, { trials: 3000, seed: 'c15-mixed' });
    assert.equal(est.m, 30 + 30 + 4 + 40 + 30 + 30);
    assert.ok(est.consistent, `${est.ratio.mean} vs ${est.bound}`);
    assert.ok(est.componentBound! <= est.bound! + 1e-15);
    for (const c of est.components)
      assert.ok(c.welfarePerItem.mean <= c.bound! + 4 * c.welfarePerItem.se, JSON.stringify(c.component));
    // only 1-for-1 exchanges: the ratio is the analytic (mu + E|X−Y|/4)/M_2
    const ex = simulatePickingExchange(
      H1,
      Array.from({ length: 100 }, (): Component => ({ kind: 'exchange', endowed: [1, 1] })),
      { trials: 2000, seed: 'c15-1for1-mech' },
    );
    close(ex.ratio.mean, oneForOneExchange(H1).ratio, 4 * ex.ratio.se + 0.005, 'all 1-for-1');
    assert.ok(ex.ratio.mean <= b.ratio + 4 * ex.ratio.se);
    // a cardinality picking component agrees with its exact order-statistics value (Uniform, top 2 of 4)
    const pu = simulatePickingExchange(uniform(0, 1), [{ kind: 'picking', picker: 0, size: 4, take: 2 }], {
      trials: 40000,
      seed: 5,
    });
    close(pu.components[0].welfarePerItem.mean, 0.6, 4 * pu.components[0].welfarePerItem.se, 'U top 2 of 4');
    assert.equal(pu.bound, null);
  });
  it('random picking–exchange mechanisms have E[sw]/E[OPT] ≤ (2+√2)/4 + psi_ratio within 4 se (fast-check, seeded)', () => {
    const comp: fc.Arbitrary<Component> = fc.oneof(
      fc
        .record({
          size: fc.integer({ min: 1, max: 12 }),
          frac: fc.double({ min: 0, max: 1, noNaN: true }),
          picker: fc.constantFrom(0 as const, 1 as const),
        })
        .map(({ size, frac, picker }): Component => ({ kind: 'picking', picker, size, take: Math.round(frac * size) })),
      fc
        .record({ l: fc.integer({ min: 1, max: 6 }), k: fc.integer({ min: 1, max: 6 }) })
        .map(({ l, k }): Component => ({ kind: 'exchange', endowed: [l, k] })),
    );
    fc.assert(
      fc.property(fc.array(comp, { minLength: 1, maxLength: 8 }), fc.integer({ min: 0, max: 1e6 }), (cs, seed) => {
        const est = simulatePickingExchange(H1, cs, { trials: 400, seed });
        assert.ok(est.consistent, `${est.ratio.mean} > ${est.bound} + 4·${est.ratio.se}`);
        assert.ok(est.componentBound! <= est.bound! + 1e-15);
      }),
      { numRuns: 30, seed: 2026 },
    );
  });
  it('the same seed gives the same estimate', () => {
    const a = simulateExchange(H1, 2, 3, { trials: 500, seed: 9 });
    const b = simulateExchange(H1, 2, 3, { trials: 500, seed: 9 });
    assert.deepEqual(a, b);
    const r = rng(1);
    assert.notDeepEqual(
      simulateExchange(H1, 2, 3, { trials: 500, seed: r.int(10, 99) }).welfarePerItem,
      a.welfarePerItem,
    );
  });
});

describe('hardness of Theorem 3.1: invalid input', () => {
  it('typed errors for bad parameters, components and trial counts', () => {
    assert.throws(() => theorem31Bounds(0.5, 0.001), InvalidInputError);
    assert.throws(() => theorem31Bounds(0.01, 1.5), InvalidInputError);
    assert.throws(() => simulateExchange(H1, 0, 2, { trials: 10 }), InvalidInputError);
    assert.throws(() => simulateExchange(H1, 1, 1, { trials: 1 }), InvalidInputError);
    assert.throws(() => simulatePickingExchange(H1, [], { trials: 10 }), InvalidInputError);
    assert.throws(
      () => simulatePickingExchange(H1, [{ kind: 'picking', picker: 0, size: 3, take: 4 }], { trials: 10 }),
      InvalidInputError,
    );
    assert.throws(
      () => simulatePickingExchange(H1, [{ kind: 'picking', picker: 2 as 0, size: 3, take: 1 }], { trials: 10 }),
      InvalidInputError,
    );
    assert.throws(
      () => simulatePickingExchange(H1, [{ kind: 'picking', picker: 0, size: 3, menu: [[3]] }], { trials: 10 }),
      InvalidInputError,
    );
  });
});
