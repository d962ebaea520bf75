import { strict as assert } from 'node:assert';
import { mergeDivisibleGoods } from '../../../src/mechanisms/bobw-mixed/problem';
import { twoAgentEfEfm } from '../../../src/mechanisms/bobw-mixed/two-agents-mixed';
import { worked } from './helpers';

function run(label: string) {
  const r = twoAgentEfEfm(mergeDivisibleGoods(worked(label)).reduced);
  return {
    how: r.how,
    support: r.support.map((s) => ({
      p: String(s.p),
      bundles: s.allocation.bundles,
      cake: s.allocation.cake.map(String),
    })),
  };
}

describe('the two-agent mixed procedure (Theorem 3.3)', () => {
  it('gives all of D to the holder of d when Algorithm 3 ends at line 3 (M3-L3)', () => {
    assert.deepEqual(run('M3-L3'), {
      how: { branch: 'deterministic', line: 3 },
      support: [{ p: '1', bundles: [[], [0]], cake: ['1', '0'] }],
    });
  });
  it('moves alpha = 1/3 of d to the poorer bundle and lets agent 2 pick 2/3 of D (M3-TR)', () => {
    const r = run('M3-TR');
    assert.equal(r.how.branch, 'transfer');
    assert.equal(r.how.branch === 'transfer' && String(r.how.alpha), '1/3');
    assert.deepEqual(r.support, [{ p: '1', bundles: [[0], []], cake: ['1/3', '2/3'] }]);
  });
  it('keeps the coin when d lies in the poorer bundle of both partitions (M3-L11)', () => {
    assert.deepEqual(run('M3-L11'), {
      how: { branch: 'coin', line: 11 },
      support: [
        { p: '1/2', bundles: [[], [0]], cake: ['1', '0'] },
        { p: '1/2', bundles: [[0], []], cake: ['0', '1'] },
      ],
    });
  });
  it('keeps the line-10 coin with D beside g1 (M3-L10)', () => {
    assert.deepEqual(run('M3-L10'), {
      how: { branch: 'coin', line: 10 },
      support: [
        { p: '1/2', bundles: [[1], [0, 2]], cake: ['1', '0'] },
        { p: '1/2', bundles: [[0, 2], [1]], cake: ['0', '1'] },
      ],
    });
  });
  it('is Algorithm 3 when there are no divisible goods (A3-L10)', () => {
    const r = run('A3-L10');
    assert.deepEqual(
      r.support.map((s) => s.bundles),
      [
        [
          [1, 3],
          [0, 2],
        ],
        [
          [0, 2],
          [1, 3],
        ],
      ],
    );
    assert.deepEqual(r.support[0].cake, ['0', '0']);
  });
});
