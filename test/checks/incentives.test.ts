import { strict as assert } from 'node:assert';
import { Rational, auditTruthfulness, instance, solve } from '../../src/index';

describe('incentive audits', () => {
  it('serial dictatorship passes the ordinal DSIC audit', () => {
    const inst = instance([
      [3, 2, 1, 1],
      [1, 3, 2, 2],
      [2, 2, 3, 1],
    ]);
    const r = auditTruthfulness((i) => solve('serial-dictatorship', i), inst, { space: 'ordinal' });
    assert.ok(r.holds, JSON.stringify(r.detail));
    assert.equal(r.detail.reports, 3 * 24);
  });
  it('round robin fails the audit, with the profitable misreport as witness', () => {
    const inst = instance([
      [10, 9, 0],
      [0, 10, 5],
    ]);
    const r = auditTruthfulness((i) => solve('round-robin', i), inst, { space: 'ordinal' });
    assert.ok(!r.holds);
    const w = r.witness as { agent: number; report: string };
    assert.equal(w.agent, 0);
    assert.ok(Rational.from(String(r.detail.misreport)).gt(Rational.from(String(r.detail.truthful))));
  });
});
