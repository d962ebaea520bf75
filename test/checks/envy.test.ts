import { strict as assert } from 'node:assert';
import { Allocation, checkEEFX, checkEF, checkEF1, checkEFX, checkEFX0, instance } from '../../src/index';

const A = (b: number[][], m: number) => new Allocation(b, m);

describe('envy checkers', () => {
  const inst = instance([
    [1, 1, 1],
    [1, 1, 1],
  ]);
  it('EF holds on an envy-free split and fails with the envious pair', () => {
    const even = instance([
      [2, 2],
      [2, 2],
    ]);
    assert.ok(checkEF(even, A([[0], [1]], 2)).holds);
    const r = checkEF(inst, A([[0], [1, 2]], 3));
    assert.ok(!r.holds);
    assert.deepEqual(r.witness, { envious: 0, envied: 1, removed: undefined });
    assert.equal(String(r.detail.own), '1');
    assert.equal(String(r.detail.other), '2');
  });
  it('EF1 holds up to one good and fails with the best removal named', () => {
    assert.ok(checkEF1(inst, A([[0], [1, 2]], 3)).holds);
    const r = checkEF1(inst, A([[], [0, 1, 2]], 3));
    assert.ok(!r.holds);
    assert.equal(String(r.detail.afterRemoval), '2');
  });
  it('EFX (positive goods) vs EFX0 (all goods): a zero-valued good separates them', () => {
    const z = instance([
      [1, 1, 1, 0],
      [1, 1, 1, 0],
    ]);
    const a = A([[0], [1, 2, 3]], 4);
    assert.ok(checkEFX(z, a).holds, 'EFX ignores the zero-valued good');
    const r = checkEFX0(z, a);
    assert.ok(!r.holds, 'EFX0 removes the zero-valued good and envy remains');
    assert.deepEqual(r.witness, { envious: 0, envied: 1, removed: 3 });
  });
  it('EFX fails when removing the least valuable positive good leaves envy', () => {
    const i2 = instance([
      [1, 1, 3],
      [1, 1, 3],
    ]);
    const r = checkEFX(i2, A([[0], [1, 2]], 3));
    assert.ok(!r.holds);
    assert.equal(r.witness && (r.witness as { removed: number }).removed, 1);
  });
  it('a claim that holds reports its tightest pair in the detail: agents and removed good by name, exact values', () => {
    const v = instance({
      agents: ['ann', 'ben'],
      goods: ['a', 'b', 'c'],
      values: [
        [3, 1, 2],
        [1, 4, 1],
      ],
    });
    const a = A([[0, 2], [1]], 3);
    const tight = (r: { detail: Record<string, unknown> }) => {
      const t = r.detail.tightest as Record<string, unknown>;
      return Object.fromEntries(Object.entries(t).map(([k, x]) => [k, String(x)]));
    };
    // ann: 5 vs 1 (A_ben = {b}), ben: 4 vs 2 (A_ann = {a, c}); EF's tightest margin is ben's 4 - 2
    assert.deepEqual(tight(checkEF(v, a)), { envious: 'ben', envied: 'ann', own: '4', other: '2' });
    // EF1 removes ben's most valued good of A_ann (a or c, both 1: the first), margin 4 - 1 = 3 < ann's 5 - 0
    assert.deepEqual(tight(checkEF1(v, a)), {
      envious: 'ben',
      envied: 'ann',
      own: '4',
      other: '2',
      removed: 'a',
      afterRemoval: '1',
    });
    assert.equal(tight(checkEFX0(v, a)).afterRemoval, '1');
  });
  it('EEFX: certificate re-partitions the other goods; fails when none exists', () => {
    // agent 0 envies agent 1 beyond EFX, but can re-partition 1's and 2's goods
    const i3 = instance([
      [2, 1, 1, 1, 1],
      [1, 1, 1, 1, 1],
      [1, 1, 1, 1, 1],
    ]);
    const a = A([[0], [1, 2, 3], [4]], 5);
    assert.ok(!checkEFX0(i3, a).holds);
    const r = checkEEFX(i3, a);
    assert.ok(r.holds, JSON.stringify(r.detail));
    const cert = (r.witness as { repartitions: Record<string, number[][]> }).repartitions['0'];
    assert.deepEqual(cert.flat().sort(), [1, 2, 3, 4]);
    const bad = A([[], [0, 1, 2], [3, 4]], 5);
    const rb = checkEEFX(i3, bad);
    assert.ok(!rb.holds);
    assert.equal(rb.detail.agent, '0');
  });
});
