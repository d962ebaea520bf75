import { strict as assert } from 'node:assert';
import { instance } from '../../../src/core/instance';
import { twoAgentEfEfx, type TwoAgentResult } from '../../../src/mechanisms/bobw-mixed/two-agents';
import { worked } from './helpers';

function run(label: string): TwoAgentResult {
  const inst = worked(label);
  return twoAgentEfEfx(
    inst.goods.map((_, g) => g),
    (i, g) => inst.values[i][g],
  );
}

describe('Algorithm 3 (two agents, indivisible goods)', () => {
  it('returns the empty allocation at line 3 when there are no goods (A3-EMPTY)', () => {
    const r = run('A3-EMPTY');
    assert.equal(r.case, 'deterministic');
    assert.deepEqual(r.case === 'deterministic' && r.allocation, [[], []]);
  });
  it("lets agent 2 pick from agent 1's balanced partition at line 3 (A3-L3)", () => {
    const r = run('A3-L3');
    assert.deepEqual(r.case === 'deterministic' && { line: r.line, builtBy: r.builtBy, allocation: r.allocation }, {
      line: 3,
      builtBy: 0,
      allocation: [[], [0]],
    });
  });
  it('tosses a coin over the two picks at line 11 (A3-L11)', () => {
    const r = run('A3-L11');
    assert.deepEqual(r.case === 'coin' && { line: r.line, allocations: r.allocations }, {
      line: 11,
      allocations: [
        [[0], [1]],
        [[1], [0]],
      ],
    });
  });
  it('tosses a coin at line 11 with identical goods (A3-ID)', () => {
    const r = run('A3-ID');
    assert.deepEqual(r.case === 'coin' && r.allocations, [
      [[0], [1, 2]],
      [[1, 2], [0]],
    ]);
  });
  it("ends at line 10 after one LocalSearch of agent 2 from agent 1's partition (A3-L10)", () => {
    const r = run('A3-L10');
    assert.equal(r.case, 'coin');
    if (r.case !== 'coin') return;
    assert.equal(r.line, 10);
    assert.deepEqual(
      r.steps.map((s) => [s.line, s.agent]),
      [
        [1, 0],
        [1, 1],
        [5, 1],
      ],
    );
    assert.deepEqual(r.partitions[0], { poorer: [1, 3], richer: [0, 2] });
    assert.deepEqual(r.partitions[1], r.partitions[0]);
    assert.deepEqual(r.allocations, [
      [
        [1, 3],
        [0, 2],
      ],
      [
        [0, 2],
        [1, 3],
      ],
    ]);
  });
  it('breaks a double tie in Pick by giving the picker the poorer bundle (spec 7.20)', () => {
    const inst = instance([
      [1, 1],
      [1, 1],
    ]);
    const r = twoAgentEfEfx([0, 1], (i, g) => inst.values[i][g]);
    assert.deepEqual(r.case === 'deterministic' && r.allocation, [[1], [0]]);
  });
});
