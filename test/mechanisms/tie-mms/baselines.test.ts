/**
 * The baselines of Babaioff, Feige & Manaker Morag: the uniform fractional allocation implemented faithfully
 * (`uniform-faithful`, [BT25]) and the cyclic-unit-quota lottery (`cuq-lottery`, Definition 3.5), with the
 * Proposition 1 tightness instances (T5), negative controls, the property suite T12 and the audits C9.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { certify, solve } from '../../../src';
import { Allocation, Lottery } from '../../../src/core/allocation';
import { Instance } from '../../../src/core/instance';
import { Outcome } from '../../../src/core/outcome';
import { Rational } from '../../../src/core/rational';
import { mmsShare } from '../../../src/shares/share-cache';
import { proposition1Instance } from '../../../src/mechanisms/tie-mms/worked-instances';
import {
  arbInstance,
  assertCertified,
  auditInstances,
  auditTruthful,
  certifyAllButTruthful,
  CORE,
  EXPOST,
  worstRatio,
} from '../../helpers/tie-mms';

/** Proposition 1 instance (spec T5): agent 0 values X at 1 and Y at 1/n; others X at 0, Y at 1. */
function prop1Instance(n: number): Instance {
  return new Instance(proposition1Instance(n).values);
}

describe('uniform-faithful and cuq-lottery on the Proposition 1 instances, negative controls (T5)', () => {
  for (const n of [2, 3, 4]) {
    it(`reaches exactly 1/n = 1/${n} of MMS with support n, and a higher claim fails (uniform-faithful, T5)`, () => {
      const inst = prop1Instance(n);
      for (let i = 0; i < n; i++) assert.equal(mmsShare(inst, i).value.toString(), '1');
      const o = solve('uniform-faithful', inst);
      assert.equal(o.lottery!.size, n);
      assert.equal(worstRatio(o, (i) => mmsShare(inst, i).value).toString(), `1/${n}`);
      assertCertified(o);
      // negative control: the checks can fail
      const above = new Rational(1n, BigInt(n)).add(new Rational(1n, 1000n));
      const rep = certify(o, {
        claims: [
          { id: 'ex-post-rho-mms', rho: above },
          { id: 'ex-post-rho-tps', rho: above },
        ],
      });
      assert.deepEqual(
        rep.claims.map((c) => c.status),
        ['fail', 'fail'],
      );
      assert.ok(!rep.ok);
    });
  }
  it('fails wrong implements-cuq, support-size and ex-ante PROP claims (negative controls)', () => {
    const inst = prop1Instance(3);
    const uni = solve('uniform-faithful', inst);
    // the uniform lottery does not implement CUQ
    const rep = certify(uni, {
      claims: [
        { id: 'implements-cuq', params: { agentOrder: [0, 1, 2] } },
        { id: 'support-size', params: { bound: 2 } },
      ],
    });
    assert.deepEqual(
      rep.claims.map((c) => c.status),
      ['fail', 'fail'],
    );
    // a lottery giving everything to agent 2 is not ex-ante PROP
    const all2 = Allocation.fromOwners(new Array<number>(inst.m).fill(2), 3);
    const rep2 = certify(
      new Outcome({
        mechanism: 'x',
        instance: inst,
        lottery: Lottery.point(all2),
        claims: [{ id: 'ex-ante-prop', text: 'wrong' }],
      }),
    );
    assert.equal(rep2.claims[0].status, 'fail');
  });
  it('can fall far below the ex-post bound, to O(1/m)-MMS (cuq-lottery, B3)', () => {
    // two agents with identical values: the last agent of each shift gets everything but one good
    const inst = new Instance([
      [1, 1, 1, 1, 1, 1, 1, 1],
      [1, 1, 1, 1, 1, 1, 1, 1],
    ]);
    const o = solve('cuq-lottery', inst);
    assertCertified(o);
    assert.equal(worstRatio(o, (i) => mmsShare(inst, i).value).toString(), '1/4');
    const rep = certify(o, { claims: [{ id: 'ex-post-rho-mms', rho: new Rational(1n, 3n) }] });
    assert.equal(rep.claims[0].status, 'fail');
  });
});

describe('uniform-faithful and cuq-lottery properties and audits (T12, C9)', function () {
  this.timeout(180000);

  it('gives uniform marginals, support n, PROP1, 1/n-TPS and 1/n-MMS (uniform-faithful, 300 instances, T12)', () => {
    fc.assert(
      fc.property(arbInstance(2, 6), (inst) => {
        const o = solve('uniform-faithful', inst);
        certifyAllButTruthful(o, ['implements-uniform', 'ex-ante-prop', 'support-size', 'ex-post-prop1', ...EXPOST]);
        if (inst.m >= 1) assert.equal(o.lottery!.size, inst.n);
      }),
      { numRuns: 300, seed: 5 },
    );
  });

  it('implements CUQ exactly with support <= n, ex-ante PROP (cuq-lottery, 300 instances, T12)', () => {
    fc.assert(
      fc.property(arbInstance(2, 6), (inst) => {
        certifyAllButTruthful(solve('cuq-lottery', inst, { agentOrder: [...Array(inst.n).keys()].reverse() }), CORE);
      }),
      { numRuns: 300, seed: 6 },
    );
  });

  it('finds no profitable strict-order misreport (10 instances each, C9)', () => {
    for (const inst of auditInstances().slice(0, 10)) {
      auditTruthful(solve('uniform-faithful', inst));
      auditTruthful(solve('cuq-lottery', inst));
    }
  });

  it('fails the audit of a non-truthful mechanism (negative control, C9)', () => {
    // max-welfare is not truthful: an agent can inflate her values
    const inst = new Instance([
      [1, 2, 1],
      [2, 1, 1],
    ]);
    const o = solve('max-welfare', inst);
    const rep = certify(o, { claims: [{ id: 'truthful', params: { space: 'cardinal' } }] });
    assert.equal(rep.claims[0].status, 'fail');
  });
});
