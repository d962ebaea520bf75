import { strict as assert } from 'node:assert';
import {
  Allocation,
  checkIMMX,
  checkPROP,
  checkPROP1,
  checkRhoMMS,
  checkRhoTPS,
  instance,
  mms,
  tps,
} from '../../src/index';

const A = (b: number[][], m: number) => new Allocation(b, m);

describe('share checkers', () => {
  const inst = instance([
    [6, 3, 3],
    [1, 1, 4],
  ]);
  it('PROP and PROP1 with exact shares', () => {
    assert.ok(checkPROP(inst, A([[0], [1, 2]], 3)).holds);
    const r = checkPROP(inst, A([[1], [0, 2]], 3));
    assert.ok(!r.holds);
    assert.equal(String(r.detail.share), '6');
    assert.ok(checkPROP1(inst, A([[1], [0, 2]], 3)).holds);
    const r1 = checkPROP1(
      instance([
        [3, 3, 3],
        [1, 1, 1],
      ]),
      A([[], [0, 1, 2]], 3),
    );
    assert.ok(!r1.holds);
    assert.equal(String(r1.detail.share), '9/2');
  });
  it('rho-TPS and rho-MMS compare exactly and return the MMS partition as witness', () => {
    const i2 = instance([
      [3, 3, 2, 2, 2],
      [1, 1, 1, 1, 1],
    ]);
    assert.equal(tps(i2.values[0], 2).toString(), '6');
    assert.equal(mms(i2.values[0], 2).value.toString(), '6');
    const a = A(
      [
        [0, 1],
        [2, 3, 4],
      ],
      5,
    );
    const ok = checkRhoMMS(i2, a, 1);
    assert.ok(ok.holds);
    // a passing check reports its tightest agent: value / needed = 6/6 for agent 0 against 3/2 for agent 1
    assert.deepEqual([ok.detail.agent, String(ok.detail.value), String(ok.detail.needed)], [i2.agents[0], '6', '6']);
    const bad = A([[0], [1, 2, 3, 4]], 5);
    const r = checkRhoMMS(i2, bad, '2/3');
    assert.ok(!r.holds);
    assert.equal(String(r.detail.needed), '4');
    assert.ok(Array.isArray((r.witness as { sharePartition: number[][] }).sharePartition));
    assert.ok(checkRhoTPS(i2, bad, '1/2').holds);
    assert.ok(!checkRhoTPS(i2, bad, '2/3').holds);
  });
  it('IMMX: MMS-satisfied or EFX-satisfied, failure names the agent', () => {
    const i3 = instance([
      [5, 1, 1],
      [1, 1, 1],
    ]);
    assert.ok(checkIMMX(i3, A([[0], [1, 2]], 3)).holds);
    const r = checkIMMX(i3, A([[1], [0, 2]], 3));
    assert.ok(!r.holds);
    assert.equal(r.detail.agent, '0');
  });
});
