import { strict as assert } from 'node:assert';
import { mergeRuns, runExperiment, summarize, type ExperimentRow } from '../../src/experiments';
import { planUnits } from '../../src/experiments/units';
import { protocol } from '../../src/experiments/protocols';

function stripSeconds(rows: ExperimentRow[]): unknown[] {
  return rows.map(({ seconds, columnSeconds, ...rest }) => (void seconds, void columnSeconds, rest));
}

describe('experiment runs, shards and the worker pool', () => {
  it('merges k shards into exactly the single run (k = 1, 2, 3)', async function () {
    this.timeout(120000);
    const opts = { ms: [10, 23], trials: 45, workers: 0 } as const;
    const whole = summarize(await runExperiment('bai-golz-fig5', opts));
    for (const k of [1, 2, 3]) {
      const shards = [];
      for (let i = 0; i < k; i++) shards.push(await runExperiment('bai-golz-fig5', { ...opts, shard: `${i}/${k}` }));
      assert.deepEqual(stripSeconds(summarize(mergeRuns(shards))), stripSeconds(whole), `k = ${k}`);
    }
  });

  it('gives the same counts on worker threads as inline, with progress to the last trial', async function () {
    this.timeout(120000);
    const opts = { ms: [20, 1000], trials: 30 };
    const inline = summarize(await runExperiment('bai-golz-fig3', { ...opts, workers: 0 }));
    let last = 0;
    const pooled = summarize(
      await runExperiment('bai-golz-fig3', { ...opts, workers: 2, onProgress: (p) => (last = p.doneTrials) }),
    );
    assert.deepEqual(stripSeconds(pooled), stripSeconds(inline));
    assert.equal(last, 60);
  });

  it('cancels a pooled run with a typed error', async function () {
    this.timeout(60000);
    const controller = new AbortController();
    const run = runExperiment('bai-golz-fig3', {
      ms: [10],
      trials: 200,
      workers: 2,
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    await assert.rejects(run, { code: 'cancelled' });
  });

  it('rejects shard sets that miss or repeat units, and mismatched runs', async function () {
    this.timeout(60000);
    const a = await runExperiment('bai-golz-fig3', { ms: [10], trials: 45, workers: 0, shard: '0/2' });
    assert.throws(() => mergeRuns([a]), { code: 'bad-shards' });
    assert.throws(() => mergeRuns([a, a]), { code: 'bad-shards' });
    const b = await runExperiment('bai-golz-fig3', { ms: [10], trials: 44, workers: 0, shard: '1/2' });
    assert.throws(() => mergeRuns([a, b]), { code: 'bad-shards' });
    assert.throws(() => mergeRuns([]), { code: 'bad-shards' });
  });

  it('reports counts, Jeffreys intervals and the reference comparison per m', async function () {
    this.timeout(60000);
    const [row] = summarize(await runExperiment('bai-golz-symmetric-peaks', { trials: 1000, workers: 0 }));
    assert.equal(row.counts['ef-welfare-max'], 872);
    const [lo, hi] = row.intervals['ef-welfare-max']!;
    assert.ok(Math.abs(lo - 0.8502269688517676) < 1e-9 && Math.abs(hi - 0.8916236454085277) < 1e-9, `${lo} ${hi}`);
    assert.deepEqual(row.referenceMatch, { 'ef-welfare-max': 'exact' });
  });

  it('runs only the chosen columns, and rejects columns the protocol does not have', async () => {
    const run = await runExperiment('bai-golz-fig3', { ms: [10], trials: 20, workers: 0, columns: ['ef-round-robin'] });
    const [row] = summarize(run);
    assert.deepEqual(Object.keys(row.counts), ['ef-round-robin']);
    assert.deepEqual(run.columns, ['ef-round-robin']);
    await assert.rejects(runExperiment('bai-golz-fig3', { columns: ['ef1-multiplier'] }), { code: 'bad-columns' });
  });

  it('plans units that depend only on the protocol, m and the trials, and rejects bad arguments', async () => {
    const p = protocol('bai-golz-fig3');
    assert.deepEqual(
      planUnits(p, [10], 45).map((u) => [u.from, u.to]),
      [
        [0, 20],
        [20, 40],
        [40, 45],
      ],
    );
    await assert.rejects(runExperiment('nope'), { code: 'unknown-experiment' });
    await assert.rejects(runExperiment('bai-golz-fig3', { trials: 0 }), { code: 'bad-trials' });
    await assert.rejects(runExperiment('bai-golz-fig3', { shard: '2/2' }), { code: 'bad-shard' });
  });
});
