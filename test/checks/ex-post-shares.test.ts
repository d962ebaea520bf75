import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { certify } from '../../src/certify';
import { Allocation } from '../../src/core/allocation';
import type { ClaimId } from '../../src/core/claims';
import { instance } from '../../src/core/instance';
import { Outcome } from '../../src/core/outcome';
import { Rational } from '../../src/core/rational';
import { checkPROP, checkRhoMMS, checkRhoTPS } from '../../src/checks/share';
import { cachedMmsShare, clearMmsShares, storeMmsShare } from '../../src/shares/share-cache';
import { arbInstance } from '../helpers/instances';
import { lotteryOutcome } from '../helpers/lottery';

function claim(o: Outcome, id: ClaimId, rho?: string) {
  return certify(o, { claims: [rho ? { id, rho } : id] }).claims[0];
}

describe('ex-post share claims on a whole support', () => {
  beforeEach(() => clearMmsShares());

  // agent 0 values 5, 5, 5 (MMS_2 = 5 < TPS_2 = PROP_2 = 15/2); agent 1 values 1, 1, 1 (MMS_2 = 1 < TPS_2 = 3/2)
  const inst = instance([
    [5, 5, 5],
    [1, 1, 1],
  ]);

  it('passes on the bound MMS <= TPS without searching any MMS when every least value reaches rho TPS', () => {
    const o = lotteryOutcome(inst, [
      [0, 0, 1],
      [1, 0, 0],
    ]);
    const c = claim(o, 'ex-post-rho-mms', '1/2');
    assert.equal(c.status, 'pass');
    assert.equal(c.detail.via, 'every agent by the bound MMS <= TPS');
    // the tightest agent against the bound: agent 1 with 1 >= (1/2) TPS = 3/4 (agent 0: 10 >= 15/4)
    assert.equal(c.detail.agent, '1');
    assert.equal(String(c.detail.neededAtMost), '3/4');
    assert.equal(cachedMmsShare(inst.values[0], 2), undefined);
  });

  it('computes the exact MMS when the bound does not decide, then passes at rho = 1 (5 >= MMS 5, below TPS 15/2)', () => {
    const o = lotteryOutcome(inst, [
      [0, 1, 1],
      [1, 0, 1],
    ]);
    const c = claim(o, 'ex-post-mms');
    assert.equal(c.status, 'pass');
    // agent 1 (bundles worth 2 >= TPS 3/2) passes on the bound, agent 0 (5) on her exact MMS
    assert.equal(c.detail.via, '1 agent by the bound MMS <= TPS, 1 by the exact MMS');
    assert.equal(c.detail.agent, '0');
    assert.equal(String(c.detail.needed), '5');
    assert.equal(cachedMmsShare(inst.values[0], 2)?.status, 'optimal');
    // the same support against TPS fails: 5 < 15/2
    const tps = claim(o, 'ex-post-rho-tps', '1');
    assert.equal(tps.status, 'fail');
    assert.equal(String(tps.detail.needed), '15/2');
  });

  it('fails with the first allocation below rho MMS, its probability and an MMS partition as witness (negative control)', () => {
    // allocation 1 leaves agent 0 with nothing; allocation 0 is fine
    const o = lotteryOutcome(inst, [
      [0, 1, 1],
      [1, 1, 1],
    ]);
    const c = claim(o, 'ex-post-mms');
    assert.equal(c.status, 'fail');
    assert.equal(c.detail.agent, '0');
    assert.equal(String(c.detail.value), '0');
    assert.equal(String(c.detail.needed), '5');
    const w = c.witness as { allocation: number[][]; agent: number; sharePartition: number[][] };
    const k = c.detail.supportIndex as number;
    assert.deepEqual(w.allocation, o.lottery!.entries[k].allocation.toJSON());
    assert.deepEqual(w.allocation[0], []);
    assert.equal(String(c.detail.probability), '1/2');
    // the partition proves MMS >= 5: both bundles worth at least 5 to agent 0
    assert.equal(w.sharePartition.length, 2);
    for (const b of w.sharePartition) assert.ok(inst.value(0, b).ge(5));
  });

  it('reports unchecked with the bounds reached when the MMS is only bounded and the least value lies between', () => {
    storeMmsShare(
      inst.values[0],
      2,
      {
        value: new Rational(4n),
        lower: new Rational(4n),
        upper: new Rational(6n),
        partition: [[0], [1, 2]],
        bundleValues: [new Rational(5n), new Rational(10n)],
        status: 'timeout',
        stats: { nodes: 0, ms: 1e9, method: 'test' },
      },
      Date.now() + 60_000,
    );
    const between = lotteryOutcome(inst, [[0, 1, 1]]);
    const c = claim(between, 'ex-post-mms');
    assert.equal(c.status, 'unchecked');
    assert.equal(String(c.detail.shareAtLeast), '4');
    assert.equal(String(c.detail.shareAtMost), '6');
    assert.deepEqual((c.detail.neededBetween as Rational[]).map(String), ['4', '6']);
    assert.match(String(c.detail.reason), /only bounded/);
    // below the lower bound: a fail, witnessed by the lower bound's partition
    const below = lotteryOutcome(inst, [[1, 1, 1]]);
    const f = claim(below, 'ex-post-mms');
    assert.equal(f.status, 'fail');
    assert.deepEqual((f.witness as { sharePartition: number[][] }).sharePartition, [[0], [1, 2]]);
  });

  it('agrees with the per-allocation checkers on every allocation (PROP, rho-TPS, rho-MMS; 150 random lotteries)', () => {
    fc.assert(
      fc.property(
        arbInstance(4, 7, 1),
        fc.array(fc.array(fc.nat(3), { minLength: 7, maxLength: 7 }), { minLength: 1, maxLength: 4 }),
        fc.constantFrom('1/3', '1/2', '2/3', '1'),
        (inst, raw, rho) => {
          const owners = raw.map((o) => o.slice(0, inst.m).map((x) => x % inst.n));
          const o = lotteryOutcome(inst, owners);
          const support = o.lottery!.entries;
          const cases: [ClaimId, (a: Allocation) => boolean][] = [
            ['ex-post-prop', (a) => checkPROP(inst, a).holds],
            ['ex-post-rho-tps', (a) => checkRhoTPS(inst, a, rho).holds],
            ['ex-post-rho-mms', (a) => checkRhoMMS(inst, a, rho).holds],
          ];
          for (const [id, holds] of cases) {
            const want = support.every((e) => holds(e.allocation)) ? 'pass' : 'fail';
            assert.equal(claim(o, id, id === 'ex-post-prop' ? undefined : rho).status, want, id);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
