/**
 * Shards of a paper-001 Monte Carlo: trial by trial the same values, tie keys, allocation and statistics as the
 * generic harness with the plan's allocator, whatever the split into shards.
 */
import { strict as assert } from 'node:assert';
import { InvalidInputError } from '../../../src/core/errors';
import { rng } from '../../../src/core/rng';
import { simulationOptions } from '../../../src/mechanisms/stochastic/simulation';
import { runShard, TrialRunner, type TrialSetup } from '../../../src/mechanisms/stochastic/shard';
import { virtualValueTables } from '../../../src/mechanisms/stochastic/core';
import { evaluateAllocation, Exponential, iidSampler, uniform } from '../../../src/stochastic';
import { distributionData } from '../../../src/stochastic/transfer';

const U = uniform(0, 1);

function setup(kernel: TrialSetup['kernel'], tie: TrialSetup['tie'], n: number, m: number): TrialSetup {
  return { n, m, seed: '11', values: { kind: 'iid', dist: U }, kernel, tie };
}

describe('stochastic simulation shards', () => {
  it('every trial equals the generic harness with the registered allocator (pick, ranking, weighted ranking; both tie rules)', () => {
    const cases = [
      { mechanism: 'pick-r', options: { r: ['1/2', '1/4', '1/4'], agentOrder: [2, 0, 1] } },
      { mechanism: 'pick-r', options: { r: ['1/2', '1/4', '1/4'], tie: 'random' } },
      { mechanism: 'ranking', options: {} },
      { mechanism: 'ranking', options: { tie: 'index' } },
      { mechanism: 'weighted-ranking', options: { dists: ['uniform:0,1', 'uniform:0,0.5', 'exp:3'] } },
    ];
    for (const c of cases)
      for (const dist of ['uniform:0,1', 'discrete:0,1,2;0.5,0.25,0.25']) {
        const o = simulationOptions({ ...c, dist, n: 3, ms: [40], trials: 2, seed: 11 });
        const alloc = o.allocator(40);
        const sample = iidSampler(o.dist!);
        const plan = o.parameters!;
        const runner = new TrialRunner({
          n: 3,
          m: 40,
          seed: '11',
          values: { kind: 'iid', dist: o.dist! },
          kernel:
            c.mechanism === 'pick-r'
              ? { kind: 'pick', quotas: plan.quotas as number[], agentOrder: plan.agentOrder as number[] }
              : c.mechanism === 'ranking'
                ? { kind: 'ranking' }
                : {
                    kind: 'weighted-ranking',
                    tables: virtualValueTables([U, uniform(0, 0.5), new Exponential(3)], plan.weights as number[], 40),
                  },
          tie: ((c.options as { tie?: string }).tie ?? (c.mechanism === 'pick-r' ? 'index' : 'random')) as 'index',
        });
        for (let t = 0; t < 25; t++) {
          const r = rng(`11:40:${t}`);
          const values = sample(3, 40, r);
          const want = evaluateAllocation(values, alloc(values, r.fork()));
          const got = runner.run(t);
          assert.deepEqual(got, { sw: want.sw, opt: want.opt, ef: want.ef }, `${c.mechanism} ${dist} trial ${t}`);
        }
      }
  });
  it('splitting the trials into shards, with the distribution as data or as an object, changes nothing', () => {
    const s = setup({ kind: 'ranking' }, 'random', 4, 30);
    const whole = runShard({ ...s, from: 0, to: 20 });
    const parts = [
      runShard({ ...s, from: 0, to: 7 }),
      runShard({ ...s, values: { kind: 'iid', dist: distributionData(U)! }, from: 7, to: 8 }),
      runShard({ ...s, from: 8, to: 20 }),
    ];
    const cat = (k: 'sw' | 'opt' | 'ef') => parts.flatMap((p) => Array.from(p[k]));
    assert.deepEqual(cat('sw'), Array.from(whole.sw));
    assert.deepEqual(cat('opt'), Array.from(whole.opt));
    assert.deepEqual(cat('ef'), Array.from(whole.ef));
    const sizes = parts.reduce((acc, p) => acc.map((x, i) => x + p.sizes[i]), [0, 0, 0, 0]);
    assert.deepEqual(sizes, Array.from(whole.sizes));
    assert.equal(
      sizes.reduce((a, b) => a + b, 0),
      20 * 30,
    );
  });
  it('the last picker takes what is left, and quotas that do not sum to m are a typed error', () => {
    const pick = setup({ kind: 'pick', quotas: [3, 0, 7], agentOrder: [1, 0, 2] }, 'index', 3, 10);
    const r = runShard({ ...pick, from: 0, to: 5 });
    assert.deepEqual(Array.from(r.sizes), [0, 15, 35]);
    assert.throws(
      () => new TrialRunner(setup({ kind: 'pick', quotas: [3, 3], agentOrder: [0, 1] }, 'index', 2, 10)),
      (e: unknown) => e instanceof InvalidInputError && e.code === 'bad-counts',
    );
  });
});
