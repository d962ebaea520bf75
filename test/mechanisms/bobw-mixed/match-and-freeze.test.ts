import { strict as assert } from 'node:assert';
import { checkEFX0 } from '../../../src/checks/envy';
import { checkFPO } from '../../../src/checks/efficiency';
import { Allocation } from '../../../src/core/allocation';
import { Instance } from '../../../src/core/instance';
import { permutations } from '../../../src/core/permutations';
import { q } from '../../../src/core/rational';
import { freezeLength } from '../../../src/mechanisms/bobw-mixed/bivalued';
import { matchAndFreeze } from '../../../src/mechanisms/bobw-mixed/match-and-freeze';
import { worked } from './helpers';

const rows = (label: string, ablation?: Parameters<typeof matchAndFreeze>[2]) => {
  const inst = worked(label);
  return permutations(inst.n).map((o) => [o.join(''), matchAndFreeze(inst, o, ablation).bundles]);
};

describe('Algorithm 2 (bi-valued goods: EFX and fPO per order)', () => {
  it('computes the freeze length ⌊b/a − 1⌋ exactly, also where floating point floors wrongly (spec 7.5)', () => {
    assert.equal(freezeLength(q('0.1'), q('0.3')), 2);
    assert.equal(freezeLength(q(1), q(3)), 2);
    assert.equal(freezeLength(q(1), q('3/2')), 0);
    assert.equal(freezeLength(q(2), q('101/50')), 0);
    assert.equal(freezeLength(q(7), q(70)), 9);
  });
  it('follows the A2-FREEZE trace for π = (0, 1, 2): agent 2 freezes on g3, agents 1 then 0 go quiet', () => {
    const r = matchAndFreeze(worked('A2-FREEZE'), [0, 1, 2]);
    assert.equal(r.freezeLength, 2);
    assert.deepEqual(
      r.rounds.map((x) => ({ group: x.group, frozen: x.frozen, quieted: x.quieted, cnt: x.cnt })),
      [
        { group: [1, 2], frozen: [2], quieted: [1], cnt: 1 },
        { group: [0], frozen: [], quieted: [0], cnt: 3 },
      ],
    );
    assert.deepEqual(r.finalStep, [{ agent: 0, gained: false }]);
    assert.deepEqual(r.virtualGoods, [2, 2, 0]);
    assert.deepEqual(r.bundles, [[0, 1, 2], [4, 5], [3]]);
  });
  it('gives the full A2-FREEZE table of spec 5.4', () => {
    assert.deepEqual(rows('A2-FREEZE'), [
      ['012', [[0, 1, 2], [4, 5], [3]]],
      ['021', [[0, 1, 2], [3], [4, 5]]],
      ['102', [[0, 2], [1, 4, 5], [3]]],
      ['120', [[0, 2], [1, 4, 5], [3]]],
      ['201', [[0, 2], [3], [1, 4, 5]]],
      ['210', [[0, 2], [3], [1, 4, 5]]],
    ]);
  });
  it('loses EFX without freezing: row (0, 1, 2) becomes (g0 g2 | g1 g4 | g3 g5) (A2-NOFREEZE)', () => {
    const inst = worked('A2-FREEZE');
    const r = matchAndFreeze(inst, [0, 1, 2], 'no-freeze');
    assert.deepEqual(r.bundles, [
      [0, 2],
      [1, 4],
      [3, 5],
    ]);
    assert.deepEqual(checkEFX0(inst, new Allocation(r.bundles, 6)).witness, { envious: 1, envied: 2, removed: 5 });
  });
  it('gives the good everyone wants to the agent last in π (A2-FWD), and forward order loses EFX', () => {
    assert.deepEqual(rows('A2-FWD'), [
      ['01', [[1, 2], [0]]],
      ['10', [[0], [1, 2]]],
    ]);
    const inst = worked('A2-FWD');
    const forward = matchAndFreeze(inst, [0, 1], 'forward-order');
    assert.deepEqual(forward.bundles, [[0, 1], [2]]);
    assert.equal(checkEFX0(inst, new Allocation(forward.bundles, 3)).holds, false);
  });
  it('needs the return loop of lines 6-9 for fPO (A2-NOSWAP)', () => {
    assert.deepEqual(rows('A2-NOSWAP'), [
      [
        '01',
        [
          [2, 3],
          [0, 1],
        ],
      ],
      [
        '10',
        [
          [2, 3],
          [0, 1],
        ],
      ],
    ]);
    const inst = worked('A2-NOSWAP');
    const ablated = matchAndFreeze(inst, [0, 1], 'no-swap');
    assert.deepEqual(ablated.bundles, [
      [1, 2],
      [0, 3],
    ]);
    assert.equal(checkFPO(inst, new Allocation(ablated.bundles, 4)).holds, false);
  });
  it('lets the first m agents of π take a good in the final step when m < n (A2-MLTN)', () => {
    const table = rows('A2-MLTN');
    assert.deepEqual(table.find(([o]) => o === '102')![1], [[0], [1], []]);
    assert.deepEqual(
      new Set(table.map(([, b]) => JSON.stringify(b))),
      new Set(['[[0],[1],[]]', '[[0],[],[1]]', '[[],[0],[1]]']),
    );
  });
  it('rejects instances outside its domain (X1: personalized pairs; a = 0)', () => {
    assert.throws(() => matchAndFreeze(worked('X1'), [0, 1]), /common bi-valued pair 0 < a < b/);
    assert.throws(() => matchAndFreeze(new Instance([[0, 1]], { bivalued: [0, 1] }), [0]), /0 < a < b/);
  });
});
