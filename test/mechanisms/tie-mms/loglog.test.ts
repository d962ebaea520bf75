/**
 * Theorem 2's mechanism `tie-mms-loglog` (Babaioff, Feige & Manaker Morag): the sampled ordering, the threshold
 * extension (not in the paper) and the exact mixture over all orderings, the property suite T12 and the audit C9.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { solve } from '../../../src';
import { Instance } from '../../../src/core/instance';
import type { Rational } from '../../../src/core/rational';
import { harmonic } from '../../../src/mechanisms/tie-mms/constants';
import { identityOrdering } from '../../../src/mechanisms/tie-mms/cyclic-picking';
import { cyclicWeight } from '../../../src/mechanisms/tie-mms/deficiency';
import {
  arbInstance,
  assertCertified,
  auditInstances,
  auditTruthful,
  certifyAllButTruthful,
  CORE,
  EXPOST,
  randomInstance,
} from '../../helpers/tie-mms';

describe('tie-mms-loglog', () => {
  it('takes the good branch for realistic n and implements CUQ(v, pi) of the sampled pi, the same for the same seed (Theorem 2)', () => {
    const inst = new Instance([
      [5, 1, 2, 7, 3],
      [1, 2, 3, 4, 5],
      [4, 4, 1, 1, 9],
      [2, 8, 1, 1, 1],
    ]);
    const o = solve('tie-mms-loglog', inst, { seed: 7 });
    const t = o.trace[0].data as { good: boolean; alpha: Rational };
    assert.ok(t.good);
    assert.equal(t.alpha.toString(), '4/107');
    assertCertified(o);
    // same seed, same ordering
    assert.deepEqual(solve('tie-mms-loglog', inst, { seed: 7 }).options.agentOrder, o.options.agentOrder);
  });
  it('falls back to the deficiency-sorted ordering with the threshold extension n = 5, w = 9/4 (not in the paper)', () => {
    const inst = new Instance(Array.from({ length: 5 }, (_, i) => [9, 7, 5, 3, 2, 1].map((v) => v + i)));
    const d = [5, 4, 3, 2, 1];
    const pi = identityOrdering(5);
    assert.equal(cyclicWeight(pi, d).W.toString(), harmonic(5).toString());
    const o = solve('tie-mms-loglog', inst, { threshold: '9/4', agentOrder: [0, 1, 2, 3, 4], deficiencies: d });
    const t = o.trace[0].data as { good: boolean; used: number[]; alpha: Rational };
    assert.equal(t.good, false);
    assert.deepEqual(t.used, [4, 3, 2, 1, 0]);
    assert.equal(t.alpha.toString(), '20/81');
    assertCertified(o);
  });
  it('implements the average CUQ with the exact mixture over all n! orderings (n = 3)', () => {
    const inst = new Instance([
      [3, 1, 2, 5],
      [1, 2, 3, 4],
      [4, 4, 1, 1],
    ]);
    const o = solve('tie-mms-loglog', inst, { exactMixture: true });
    assertCertified(o);
    const t = o.trace[0].data as { badOrderings: number };
    assert.equal(t.badOrderings, 0);
  });
});

describe('tie-mms-loglog properties and audit (T12, C9)', function () {
  this.timeout(180000);

  it('takes the good branch for realistic n, alpha(n)-TPS/MMS, CUQ of the sampled ordering (300 instances, T12)', () => {
    fc.assert(
      fc.property(arbInstance(2, 6), fc.nat(), (inst, seed) => {
        const o = solve('tie-mms-loglog', inst, { seed });
        assert.equal((o.trace[0].data as { good: boolean }).good, true);
        certifyAllButTruthful(o, [...CORE, ...EXPOST]);
      }),
      { numRuns: 300, seed: 31337 },
    );
  });

  it('finds no profitable strict-order misreport for a sampled ordering (10 instances) or the exact mixture (n = 3, m = 4; C9)', () => {
    for (const [k, inst] of auditInstances().slice(0, 10).entries())
      auditTruthful(solve('tie-mms-loglog', inst, { seed: k }));
    const rep = auditTruthful(solve('tie-mms-loglog', randomInstance(3, 4, 11), { exactMixture: true }));
    assert.equal(rep.claims[0].status, 'pass');
  });
});
