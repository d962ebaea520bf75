/**
 * Paper 001's registered mechanisms (Halpern, Psomas & Zhang) through `solve` and `certify`: the tiny
 * instance T17, the counterexamples T18 (Ranking is not DSIC) and T19 (welfare maximization is not BIC),
 * exhaustive DSIC audits of the Pick family, and the guarantees of Ranking and Weighted Ranking.
 */
import { strict as assert } from 'node:assert';
import { auditTruthfulness, certify, instance, list, Rational, solve } from '../../../src';
import { rng } from '../../../src/core/rng';
import { T17 } from '../../../src/mechanisms/stochastic/worked';
import { baiGolzWeights, isNonIncreasing, uniform, weightedRankingWinProbabilities } from '../../../src/stochastic';
import { close } from '../../helpers/approx';

const PAPER_001 = [
  'pick-r',
  'pick-two-agents',
  'pick-ef-selector',
  'pick-prophet-optimal',
  'pick-near-equal',
  'pick-correlated',
  'ranking',
  'weighted-ranking',
];

describe('stochastic mechanisms: registration', () => {
  it('registers the eight mechanisms with the full citation of the paper', () => {
    const mine = list().filter((m) => PAPER_001.includes(m.id));
    assert.deepEqual(
      mine.map((m) => m.id),
      PAPER_001,
    );
    for (const m of mine) {
      assert.equal(m.citation.authors, 'Halpern, Psomas & Zhang', m.id);
      assert.equal(m.citation.title, 'Truthful Fair Division under Stochastic Valuations', m.id);
      assert.equal(m.citation.year, 2026, m.id);
      assert.ok(m.source.startsWith('Halpern, Psomas & Zhang 2026, '), m.source);
    }
    assert.deepEqual(
      mine.filter((m) => m.incentives?.notion === 'DSIC').map((m) => m.id),
      PAPER_001.slice(0, 6),
    );
  });
});

describe('stochastic mechanisms: the tiny instance T17', () => {
  it('Pick-(1/2,1/2), Pick-r0 and Ranking give the exact allocations and envy of the spec (T17a)', () => {
    const half = solve('pick-r', T17, { r: [0.5, 0.5] });
    assert.deepEqual(half.allocation!.toJSON(), [
      [0, 1],
      [2, 3],
    ]);
    const inst = half.instance;
    assert.equal(
      inst
        .value(0, [0, 1])
        .add(inst.value(1, [2, 3]))
        .toString(),
      '14/5',
    );
    assert.equal(inst.value(1, [0, 1]).toString(), '23/20'); // agent 2 envies: 1.15 > 1.1
    const r0 = solve('pick-two-agents', T17);
    assert.deepEqual(r0.allocation!.toJSON(), [[0], [1, 2, 3]]);
    assert.equal(inst.value(0, [1, 2, 3]).toString(), '6/5'); // agent 1 envies: 1.2 > 0.9
    const rk = solve('ranking', T17);
    assert.deepEqual(rk.allocation!.toJSON(), [[0], [1, 2, 3]]);
    for (const o of [half, r0, rk]) assert.ok(certify(o).ok, o.mechanism);
    assert.equal(certify(half).claims.find((c) => c.id === 'truthful')!.status, 'pass');
  });
});

describe('stochastic mechanisms: counterexamples', () => {
  it('Ranking is not DSIC: the ordinal audit finds agent 2 reporting b > a, yet its BIC certificate passes (T18)', () => {
    const inst = instance([
      [2, 1],
      [1, '9/10'],
    ]);
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
  it('exact welfare maximization is not BIC: bidding 1 beats the truth (n = 2, m = 1, U[0,1]) (T19)', () => {
    // interim utility of bidding b with value v: v * P(b > other) = v * b
    const v = 0.5;
    assert.ok(v * 1 > v * v);
    const r = rng(19);
    let truth = 0,
      lie = 0;
    const T = 400;
    for (let t = 0; t < T; t++) {
      const other = Math.round(r.float() * 1e6) / 1e6;
      const won = (bid: number) => solve('max-welfare', [[bid], [other]]).allocation!.bundles[0].length === 1;
      if (won(v)) truth += v;
      if (won(1)) lie += v;
    }
    truth /= T;
    lie /= T;
    close(truth, 0.25, 0.06, 'truthful EU ≈ v²');
    close(lie, 0.5, 1e-12, 'bidding 1 wins always');
    assert.ok(lie > truth + 0.15);
  });
});

describe('stochastic mechanisms: DSIC of the Pick family', () => {
  it('passes exhaustive cardinal truthfulness audits on small instances (C4)', function () {
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
    const rep = certify(
      solve(
        'pick-prophet-optimal',
        [
          [1, 2, 3],
          [3, 1, 2],
          [2, 2, 2],
        ],
        { dist: 'uniform:0,1' },
      ),
    );
    assert.ok(rep.ok);
  });
});

describe('stochastic mechanisms: Ranking and Weighted Ranking', () => {
  it('Weighted Ranking equals Ranking under identical distributions, and its p_t are non-increasing (C6)', () => {
    const r = rng(11);
    const v = Array.from({ length: 3 }, () => Array.from({ length: 12 }, () => r.int(0, 9)));
    const a = solve('ranking', v, { seed: 5 }).allocation!;
    const b = solve('weighted-ranking', v, { seed: 5, dist: 'uniform:0,1' }).allocation!;
    assert.ok(a.equals(b));
    const d = [uniform(0, 1), uniform(0, 0.5), uniform(0.25, 0.75)];
    const w = baiGolzWeights(d).w;
    for (let i = 0; i < 3; i++) assert.ok(isNonIncreasing(weightedRankingWinProbabilities(d, w, 20, i)));
    assert.ok(
      certify(solve('weighted-ranking', v, { dists: ['uniform:0,1', 'uniform:0,0.5', 'uniform:0.25,0.75'] })).ok,
    );
  });
  it('Ranking is prior-independent: options.dist does not change the allocation', () => {
    const r = rng(13);
    const v = Array.from({ length: 3 }, () => Array.from({ length: 10 }, () => r.int(0, 9)));
    const base = solve('ranking', v, { seed: 2 }).allocation!;
    for (const dist of ['uniform:0,1', 'exp:1', 'beta:2,3'])
      assert.ok(base.equals(solve('ranking', v, { seed: 2, dist }).allocation!), dist);
  });
});
