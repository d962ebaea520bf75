/** \`fairdiv simulate\`: Monte Carlo of a paper-001 mechanism from the command line (exit 2 on bad input). */
import { strict as assert } from 'node:assert';
import { runMain } from '../helpers/cli';

/** `fairdiv simulate <id>` on uniform:0,1 values, m = 10 and two trials, then `extra`. */
const simulate = (id: string, ...extra: string[]) =>
  runMain(['simulate', id, '--dist', 'uniform:0,1', '--m', '10', '--trials', '2', ...extra]);

describe('CLI simulate', function () {
  this.timeout(60000);
  it('prints the analytic and simulated values with intervals; bad input exits 2', async () => {
    const r = await runMain([
      'simulate',
      'pick-two-agents',
      '--dist',
      'uniform:0,1',
      '--n',
      '2',
      '--m',
      '1000',
      '--trials',
      '20',
      '--seed',
      '1',
    ]);
    assert.equal(r.code, 0);
    const j = JSON.parse(r.out);
    assert.equal(j.analytic.welfareRatio, 0.9053300858899106);
    const p = j.points[0];
    assert.ok(
      p.welfare.lo <= p.welfare.mean && p.welfare.mean <= p.welfare.hi && p.ef.lo <= p.ef.p && p.ef.p <= p.ef.hi,
    );
    const gauss = await runMain(['simulate', 'pick-two-agents', '--dist', 'gauss:0,1', '--m', '10']);
    assert.equal(gauss.code, 2);
    assert.match(gauss.err, /unknown family "gauss"/);
    assert.equal((await runMain(['simulate', 'round-robin', '--dist', 'uniform:0,1', '--m', '10'])).code, 2);
    assert.equal(
      (
        await runMain([
          'simulate',
          'pick-r',
          '--dist',
          'exp:1',
          '--m',
          '10',
          '--trials',
          '5',
          '--r',
          '0.7,0.1,0.2',
          '--n',
          '3',
        ])
      ).code,
      0,
    );
  });
  it('exits 2 on a seed that is not an integer in 0..2^32-1', async () => {
    for (const seed of ['abc', '1.5', '-1', '4294967296']) {
      const r = await simulate('pick-two-agents', '--seed', seed);
      assert.equal(r.code, 2, seed);
      assert.match(r.err, /--seed: expected an integer in 0\.\.4294967295/);
    }
    assert.equal((await simulate('pick-two-agents', '--seed', '4294967295')).code, 0);
  });
  it('exits 2 on an unknown mechanism option, naming the known ones', async () => {
    const r = await simulate('pick-r', '--r', '0.5,0.5', '--options', '{"ordr":[1,0]}');
    assert.equal(r.code, 2);
    assert.match(r.err, /unknown option ordr for pick-r; known: r, dist, agentOrder, tie, seed/);
    const wrong = await simulate('ranking', '--r', '0.5,0.5');
    assert.equal(wrong.code, 2);
    assert.match(wrong.err, /unknown option r for ranking/);
  });
  it('gives the same numbers on 0, 1 and 2 worker threads (--workers), and exits 2 on a bad count', async () => {
    const args = ['--n', '2', '--r', '0.3,0.7', '--m', '50', '--trials', '40', '--seed', '7'];
    const runs = await Promise.all(['0', '1', '2'].map((w) => simulate('pick-r', ...args, '--workers', w)));
    for (const r of runs) assert.equal(r.code, 0, r.err);
    const points = runs.map((r) => JSON.stringify(JSON.parse(r.out).points));
    assert.equal(points[1], points[0]);
    assert.equal(points[2], points[0]);
    for (const bad of ['abc', '-1', '1.5', '65']) {
      const r = await simulate('pick-r', ...args, '--workers', bad);
      assert.equal(r.code, 2, `--workers ${bad}`);
      assert.match(r.err, /--workers: expected an integer in 0\.\.64/);
    }
  });
});
