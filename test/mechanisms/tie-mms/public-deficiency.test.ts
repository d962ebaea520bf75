/**
 * Proposition 3's mechanism `tie-mms-public-deficiency` (Babaioff, Feige & Manaker Morag): the boundary instance T10,
 * the domain of alpha, the property suite T12 and the truthfulness audit C9.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { solve } from '../../../src';
import { Instance } from '../../../src/core/instance';
import { Rational } from '../../../src/core/rational';
import { tps } from '../../../src/shares/tps';
import { deficiencies, sortedDeficiencyDecomposition } from '../../../src/mechanisms/tie-mms/public-deficiency';
import {
  arbInstance,
  assertCertified,
  auditInstances,
  auditTruthful,
  certifyAllButTruthful,
  checkPipeline,
  CORE,
  EXPOST,
} from '../../helpers/tie-mms';

describe('tie-mms-public-deficiency', () => {
  it('reaches alpha * TPS exactly for agent 1 on the boundary instance (T10)', () => {
    const inst = new Instance([
      [2, 3, 0, 100, 2, 0, 2, 3],
      [20, 1, 1, 50, 20, 50, 0, 3],
    ]);
    const alpha = new Rational(1n, 4n);
    assert.equal(tps(inst.values[0], 2).toString(), '12');
    assert.deepEqual(deficiencies(inst, alpha), [0, 0]);
    const r = sortedDeficiencyDecomposition(inst, [0, 0], alpha);
    checkPipeline(inst, r);
    const o = solve('tie-mms-public-deficiency', inst);
    assertCertified(o);
    const worst = o
      .lottery!.entries.map((e) => inst.value(0, e.allocation.bundles[0]))
      .reduce((a, b) => Rational.min(a, b));
    assert.equal(worst.toString(), '3');
    assert.ok(o.lottery!.entries.some((e) => e.allocation.bundles[0].join() === '1,5'));
  });
  it('rejects alpha > 1/4 with a DomainError (Proposition 3)', () => {
    assert.throws(
      () =>
        solve(
          'tie-mms-public-deficiency',
          new Instance([
            [1, 2],
            [2, 1],
          ]),
          { alpha: '1/3' },
        ),
      (e: Error) => e.name === 'DomainError',
    );
  });
});

describe('tie-mms-public-deficiency properties and audit (T12, C9)', function () {
  this.timeout(180000);

  it('implements CUQ of the sorted ordering, alpha-TPS/MMS with W <= 2, for alpha = 1/4 and 1/5 (300 instances, T12)', () => {
    fc.assert(
      fc.property(arbInstance(2, 6), fc.boolean(), (inst, quarter) => {
        const alpha = quarter ? '1/4' : '1/5';
        const o = solve('tie-mms-public-deficiency', inst, { alpha });
        certifyAllButTruthful(o, [...CORE, ...(inst.n >= 2 ? EXPOST : [])]);
        const W = (o.trace.find((t) => t.id === 'deficiencies')!.data as { W: Rational }).W;
        assert.ok(W.le(2), 'Lemma 6.5');
      }),
      { numRuns: 300, seed: 777 },
    );
  });

  it('finds no profitable strict-order misreport with the public deficiencies fixed (10 instances, C9)', () => {
    for (const inst of auditInstances().slice(0, 10)) auditTruthful(solve('tie-mms-public-deficiency', inst));
  });
});
