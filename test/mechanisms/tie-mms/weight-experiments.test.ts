/**
 * Section 6 experiments of Babaioff, Feige & Manaker Morag (src/mechanisms/tie-mms/weight-experiments.ts): fast exact cyclic weights,
 * the exact distribution of W^alpha(pi) over all n! orderings (spec 6.4, C8), the Lemma 6.7 tightness construction
 * (spec T13, T9), and Theorem 2's fallback frequency and measured incentive loss under the `threshold w` extension
 * (spec M4 [DECISION], 6.3), re-verified against `solve('tie-mms-loglog', ..., { exactMixture: true })`.
 */
import { strict as assert } from 'node:assert';
import { checkExAntePROP, expectedValueMatrix, lotteryExpectedValue, solve } from '../../../src';
import { Instance } from '../../../src/core/instance';
import { permutations } from '../../../src/core/permutations';
import { Rational } from '../../../src/core/rational';
import { rng } from '../../../src/core/rng';
import { harmonic } from '../../../src/mechanisms/tie-mms/constants';
import { orderingFromOrder } from '../../../src/mechanisms/tie-mms/cyclic-picking';
import { cyclicWeight } from '../../../src/mechanisms/tie-mms/deficiency';
import {
  cyclicWeightDistribution,
  cyclicWeightFast,
  cyclicWeightTightness,
  fallbackReachable,
  loglogExpectedValue,
  loglogThresholdExperiment,
  tightnessRunLength,
} from '../../../src/mechanisms/tie-mms/weight-experiments';

const isName = (name: string) => (e: unknown) => e instanceof Error && e.name === name;

/** The demo instance: agent i values the last 4 - i goods at 20 + x and 22 - (4 - i) goods at 1; at w = 9/4 (alpha = 20/81) the true deficiencies are (1, ..., 5). */
const demo = new Instance([0, 1, 2, 3, 4].map((i) => Array.from({ length: 22 }, (_, x) => (x >= 18 + i ? 20 + x : 1))));
/** A small instance (m = 5) for the strict-order misreports, with reference deficiency reports (1, ..., 5). */
const small = new Instance([
  [5, 4, 3, 2, 1],
  [1, 5, 4, 3, 2],
  [3, 3, 3, 1, 1],
  [1, 1, 2, 2, 3],
  [6, 1, 1, 1, 1],
]);
const D12345 = [1, 2, 3, 4, 5];

describe('tie-mms weight experiments: fast exact cyclic weight', () => {
  it('agrees with the Rational cyclicWeight on random orderings and deficiencies (Definition 6.3)', () => {
    const g = rng('fast-weight');
    for (let t = 0; t < 300; t++) {
      const n = g.int(1, 9);
      const order = g.shuffle(Array.from({ length: n }, (_, i) => i));
      const d = Array.from({ length: n }, () => g.int(0, n));
      const pi = orderingFromOrder(order, n);
      const slow = cyclicWeight(pi, d);
      const fast = cyclicWeightFast(order, d);
      assert.equal(fast.W.toString(), slow.W.toString(), `W for order ${order} d ${d}`);
      assert.equal(fast.w0.toString(), slow.weights[0].toString());
      if (fast.W.gt(1)) assert.equal(slow.weights[fast.shift].toString(), fast.W.toString());
    }
  });
  it('gives the W and w of the spec rows for n = 4 in the identity ordering (T9)', () => {
    const id = [0, 1, 2, 3];
    assert.equal(cyclicWeightFast(id, [4, 3, 2, 1]).W.toString(), '25/12');
    assert.equal(cyclicWeightFast(id, [1, 2, 3, 4]).W.toString(), '19/12');
    assert.equal(cyclicWeightFast(id, [1, 2, 3, 4]).w0.toString(), '7/12');
    assert.equal(cyclicWeightFast(id, [0, 0, 1, 3]).W.toString(), '1');
    assert.equal(cyclicWeightFast(id, [3, 0, 1, 0]).W.toString(), '4/3');
  });
  it('gives W = H_n for the worst case d = (n, ..., 1) in that order, including the BigInt path (lcm(1..n) >= 2^53; T9, 6.1)', () => {
    for (const n of [1, 2, 3, 5, 8, 12, 45, 60, 150]) {
      const order = Array.from({ length: n }, (_, i) => i);
      const d = order.map((i) => n - i);
      assert.equal(cyclicWeightFast(order, d).W.toString(), harmonic(n).toString(), `n = ${n}`);
    }
  });
  it('rejects bad orders and deficiencies with InvalidInputError', () => {
    assert.throws(() => cyclicWeightFast([0, 0, 1], [1, 1, 1]), isName('InvalidInputError'));
    assert.throws(() => cyclicWeightFast([0, 1, 2], [1, 4, 1]), isName('InvalidInputError'));
    assert.throws(() => cyclicWeightFast([], []), isName('InvalidInputError'));
  });
});

describe('tie-mms weight experiments: exact distribution over all n! orderings', () => {
  it('gives W = 1 or 3/2 with probability 1/2 each and E[w] = 2/3 = #{d_i >= 1}/n for n = 3, d = (2, 1, 0) (C8)', () => {
    const r = cyclicWeightDistribution([2, 1, 0]);
    assert.equal(r.orderings, 6);
    assert.deepEqual(
      r.distribution.map((x) => [x.W.toString(), x.count, x.p.toString()]),
      [
        ['1', 3, '1/2'],
        ['3/2', 3, '1/2'],
      ],
    );
    assert.equal(r.meanW.toString(), '5/4');
    assert.equal(r.expectedWeight.toString(), '2/3');
    assert.equal(r.expectedWeightFormula.toString(), '2/3');
    assert.equal(r.Hn.toString(), '11/6');
  });
  it('gives W = H_4 only on the 4 rotations of the identity (probability 1/(n-1)! = 1/6) for d = (4, 3, 2, 1) (T9)', () => {
    const r = cyclicWeightDistribution([4, 3, 2, 1]);
    assert.deepEqual(
      r.distribution.map((x) => [x.W.toString(), x.count]),
      [
        ['5/4', 4],
        ['19/12', 12],
        ['7/4', 4],
        ['25/12', 4],
      ],
    );
    assert.equal(r.maxW.toString(), harmonic(4).toString());
    assert.equal(r.distribution[3].p.toString(), '1/6');
    assert.equal(r.expectedWeight.toString(), '1');
  });
  it('matches the Rational cyclicWeight enumeration, and E[w] = #{i : d_i >= 1}/n, for random d, n <= 6 (C8)', () => {
    const g = rng('distribution');
    for (let t = 0; t < 12; t++) {
      const n = g.int(1, 6);
      const d = Array.from({ length: n }, () => g.int(0, n));
      const r = cyclicWeightDistribution(d);
      assert.equal(r.expectedWeight.toString(), r.expectedWeightFormula.toString(), `d = ${d}`);
      const counts = new Map<string, number>();
      for (const p of permutations(n)) {
        const W = cyclicWeight(orderingFromOrder(p, n), d).W.toString();
        counts.set(W, (counts.get(W) ?? 0) + 1);
      }
      assert.deepEqual(new Map(r.distribution.map((x) => [x.W.toString(), x.count])), counts);
      assert.ok(r.maxW.le(Rational.max(r.Hn, Rational.ONE)));
    }
  });
  it('runs n = 8 (40320 orderings); n = 9 is a DomainError, bad d an InvalidInputError', () => {
    const r = cyclicWeightDistribution([8, 7, 6, 5, 4, 3, 2, 1]);
    assert.equal(r.orderings, 40320);
    assert.equal(r.maxW.toString(), harmonic(8).toString());
    assert.throws(() => cyclicWeightDistribution([1, 1, 1, 1, 1, 1, 1, 1, 1]), isName('DomainError'));
    assert.throws(() => cyclicWeightDistribution([]), isName('DomainError'));
    assert.throws(() => cyclicWeightDistribution([1, 2, 5, 1]), isName('InvalidInputError'));
    assert.throws(() => cyclicWeightDistribution([1, 0.5]), isName('InvalidInputError'));
  });
});

describe('tie-mms weight experiments: the Lemma 6.7 tightness construction (T13)', () => {
  it('gives the run length l(n) = max(1, round(log n / (2 log log n))), log base 2 (Lemma 6.7)', () => {
    assert.deepEqual(
      [2, 3, 4, 16, 256, 981, 982, 10000, 5690033, 5690034].map(tightnessRunLength),
      [1, 1, 1, 1, 1, 1, 2, 2, 2, 3],
    );
    assert.throws(() => tightnessRunLength(1), isName('InvalidInputError'));
  });
  it('gives exact W <= H_l with W = H_l iff the descending run l, ..., 1 occurs, and worst case W = H_n, for the default l (T13)', () => {
    const rows = cyclicWeightTightness({ ns: [16, 1000, 2000], trials: 40, seed: 5 });
    assert.deepEqual(
      rows.map((r) => r.l),
      [1, 2, 2],
    );
    for (const r of rows) {
      assert.ok(r.maxW.le(r.Hl) && r.meanW.ge(1) && r.meanW.le(r.maxW));
      assert.equal(r.atLeastHl, r.segment);
      assert.ok(r.meanWInterval.lo <= r.meanW.toNumber() + 1e-12 && r.meanW.toNumber() <= r.meanWInterval.hi + 1e-12);
      assert.ok(r.freqInterval.lo <= r.freqAtLeastHl && r.freqAtLeastHl <= r.freqInterval.hi);
      assert.equal(r.expectedW0.toString(), '1');
      assert.ok(Math.abs(r.meanW0.toNumber() - 1) < 0.3, `mean w(pi) near E[w] = 1: ${r.meanW0}`);
      assert.equal(r.worstW!.toString(), r.Hn!.toString());
    }
    // l = 1: every d_i = 1, every shift has weight exactly 1
    assert.equal(rows[0].meanW.toString(), '1');
    assert.equal(rows[0].atLeastHl, 40);
    assert.equal(rows[2].Hl.toString(), '3/2');
  });
  it('is deterministic for a fixed seed; with l = 4 the frequency of W >= H_4 rises with n (the argument at work, T13)', () => {
    const opts = { ns: [16, 64, 256, 1024, 4096], trials: 120, seed: 1, l: 4, worstCase: false };
    const rows = cyclicWeightTightness(opts);
    assert.deepEqual(
      cyclicWeightTightness(opts).map((r) => [r.meanW.toString(), r.atLeastHl]),
      rows.map((r) => [r.meanW.toString(), r.atLeastHl]),
    );
    const freq = rows.map((r) => r.freqAtLeastHl);
    for (let k = 1; k < freq.length; k++) assert.ok(freq[k] >= freq[k - 1], `frequency not monotone: ${freq}`);
    assert.ok(freq[0] < 0.3 && freq[freq.length - 1] > 0.95, `${freq}`);
    const means = rows.map((r) => r.meanW.toNumber());
    for (let k = 1; k < means.length; k++) assert.ok(means[k] >= means[k - 1], `mean W not monotone: ${means}`);
    for (const r of rows) {
      assert.equal(r.Hl.toString(), '25/12');
      assert.equal(r.atLeastHl, r.segment);
      assert.equal(r.worstW, undefined);
    }
  });
  it('rejects bad parameters with InvalidInputError', () => {
    assert.throws(() => cyclicWeightTightness({ ns: [1], trials: 10 }), isName('InvalidInputError'));
    assert.throws(() => cyclicWeightTightness({ ns: [], trials: 10 }), isName('InvalidInputError'));
    assert.throws(() => cyclicWeightTightness({ ns: [10], trials: 1 }), isName('InvalidInputError'));
    assert.throws(() => cyclicWeightTightness({ ns: [10], trials: 10, l: 11 }), isName('InvalidInputError'));
    assert.throws(() => cyclicWeightTightness({ ns: [10], trials: 10, l: 0 }), isName('InvalidInputError'));
  });
});

describe('tie-mms weight experiments: the threshold extension of Theorem 2, fallback frequency and incentive loss', () => {
  it('makes the fallback reachable iff H_n > threshold: never at the paper threshold for small n; n = 5, w = 9/4 yes; n = 4, w = 9/4 no', () => {
    for (let n = 2; n <= 64; n++) assert.equal(fallbackReachable(n).reachable, false, `n = ${n}`);
    assert.equal(fallbackReachable(1000).reachable, false);
    assert.equal(fallbackReachable(5, '9/4').reachable, true);
    assert.equal(fallbackReachable(4, '9/4').reachable, false);
    assert.throws(() => fallbackReachable(5, 2), isName('InvalidInputError'));
  });
  it('gives bad probability 1/24 and max incentive loss 13/535, within the accounting, for n = 5, w = 9/4 (alpha = 20/81) and true deficiencies (1, ..., 5) (6.3)', () => {
    const r = loglogThresholdExperiment(demo, { threshold: '9/4' });
    assert.equal(r.alpha.toString(), '20/81');
    assert.deepEqual(r.trueDeficiencies, D12345);
    assert.ok(r.deficienciesAreTrue && r.extension && r.fallbackReachable);
    assert.equal(r.orderings, 120);
    assert.equal(r.badOrderings, 5);
    assert.equal(r.badProbability.toString(), '1/24');
    assert.equal(r.maxW.toString(), '137/60');
    assert.equal(r.misreports, 25);
    assert.ok(r.boundHolds);
    const w = r.witness!;
    assert.equal(r.maxRelativeGain.toString(), '13/535');
    assert.deepEqual([w.agent, w.deficiency, w.order], [2, 0, undefined]);
    assert.deepEqual([w.truthful, w.misreport, w.gain].map(String), ['107/4', '137/5', '13/20']);
    assert.deepEqual([w.pBadTruth, w.pBadLie, w.pBadEither].map(String), ['1/24', '0', '1/24']);
    assert.ok(w.gain.le(w.pBadEither.mul(demo.total(w.agent))) && w.gain.le(w.additiveBound));
    assert.ok(w.relativeGain.le(w.relativeBound));
    assert.equal(w.relativeBound.toString(), '5/24');
  });
  it('agrees on its witness with solve(tie-mms-loglog, { exactMixture, threshold, deficiencies }) and lotteryExpectedValue', () => {
    const r = loglogThresholdExperiment(demo, { threshold: '9/4' });
    const w = r.witness!;
    const lieD = r.deficiencies.map((x, k) => (k === w.agent ? w.deficiency : x));
    const opts = { exactMixture: true, threshold: '9/4', reduce: 'never' };
    const truth = solve('tie-mms-loglog', demo, opts);
    const lie = solve('tie-mms-loglog', demo, { ...opts, deficiencies: lieD });
    assert.equal(lotteryExpectedValue(demo, w.agent, truth.lottery!).toString(), w.truthful.toString());
    assert.equal(lotteryExpectedValue(demo, w.agent, lie.lottery!).toString(), w.misreport.toString());
    assert.equal(String((truth.trace[0].data as { badProbability: Rational }).badProbability), '1/24');
    assert.equal(String((lie.trace[0].data as { badProbability: Rational }).badProbability), '0');
    assert.equal(
      loglogExpectedValue(demo, w.agent, { deficiency: w.deficiency }, { threshold: '9/4' }).value.toString(),
      w.misreport.toString(),
    );
  });
  it("finds bad probability exactly 0 and no profitable misreport at the paper's threshold, where the fallback is unreachable", () => {
    const r = loglogThresholdExperiment(demo);
    assert.equal(r.extension, false);
    assert.equal(r.badProbability.toString(), '0');
    assert.equal(r.fallbackReachable, false);
    assert.equal(r.maxRelativeGain.toString(), '0');
    assert.equal(r.witness, null);
    // even with the worst reference reports d = (1..5) and every strict-order misreport (m = 5): exact TIE
    const s = loglogThresholdExperiment(small, { deficiencies: D12345, orderMisreports: true });
    assert.equal(s.badProbability.toString(), '0');
    assert.equal(s.misreports, 5 * (119 * 6 + 5));
    assert.equal(s.maxRelativeGain.toString(), '0');
  });
  it('keeps the accounting under strict-order misreports, with values matching the exact mixture (m = 5, reference reports d = (1..5), w = 9/4)', () => {
    const r = loglogThresholdExperiment(small, { threshold: '9/4', deficiencies: D12345, orderMisreports: true });
    assert.equal(r.deficienciesAreTrue, false);
    assert.equal(r.badProbability.toString(), '1/24');
    assert.ok(r.boundHolds);
    assert.equal(r.maxRelativeGain.toString(), '1/149');
    const w = r.witness!;
    assert.ok(w.relativeGain.le(w.relativeBound));
    const lieInst = w.order ? small.withReport(w.agent, null, w.order) : small;
    const lieD = D12345.map((x, k) => (k === w.agent ? w.deficiency : x));
    const lie = solve('tie-mms-loglog', lieInst, { exactMixture: true, threshold: '9/4', deficiencies: lieD });
    assert.equal(lotteryExpectedValue(small, w.agent, lie.lottery!).toString(), w.misreport.toString());
    // Lemma 3.1: the same value from the lottery's marginals; the misreport's lottery is still ex-ante PROP for the true values
    assert.equal(
      expectedValueMatrix(small, lie.lottery!.marginals())[w.agent][w.agent].toString(),
      w.misreport.toString(),
    );
    assert.ok(checkExAntePROP(small, lie.lottery!.marginals()).holds);
    // an order misreport: agent 1 reverses her order and reports d' = 0
    const order = [...small.order(1)].reverse();
    const ev = loglogExpectedValue(small, 1, { order, deficiency: 0 }, { threshold: '9/4', deficiencies: D12345 });
    const o = solve('tie-mms-loglog', small.withReport(1, null, order), {
      exactMixture: true,
      threshold: '9/4',
      deficiencies: [1, 0, 3, 4, 5],
    });
    assert.equal(lotteryExpectedValue(small, 1, o.lottery!).toString(), ev.value.toString());
    assert.equal(ev.badProbability.toString(), '0');
  });
  it('rejects n out of range, threshold < 2 + 1/n, orderMisreports with m > 5 and bad reports with typed errors', () => {
    assert.throws(
      () => loglogThresholdExperiment(new Instance(Array.from({ length: 7 }, () => [1, 2, 3]))),
      isName('DomainError'),
    );
    assert.throws(() => loglogThresholdExperiment(new Instance([[1, 2]])), isName('DomainError'));
    assert.throws(() => loglogThresholdExperiment(demo, { threshold: 2 }), isName('InvalidInputError'));
    assert.throws(
      () => loglogThresholdExperiment(demo, { threshold: '9/4', orderMisreports: true }),
      isName('DomainError'),
    );
    assert.throws(() => loglogThresholdExperiment(small, { deficiencies: [1, 2, 3] }), isName('InvalidInputError'));
    assert.throws(() => loglogExpectedValue(small, 5), isName('InvalidInputError'));
    assert.throws(() => loglogExpectedValue(small, 0, { order: [0, 1, 1, 2, 3] }), isName('InvalidInputError'));
    assert.throws(() => loglogExpectedValue(small, 0, { deficiency: 6 }), isName('InvalidInputError'));
  });
});
