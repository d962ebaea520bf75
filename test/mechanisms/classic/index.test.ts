import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { Instance, certify, instance, list, probabilisticSerial, solve } from '../../../src/index';
import { arbInstance } from '../../helpers/instances';

function certifies(id: string, inst: Instance, options?: Record<string, unknown>) {
  const outcome = solve(id, inst, options);
  const report = certify(outcome);
  // the exhaustive truthfulness audit is only defined for m <= 5; everything else must pass
  const failed = report.claims.filter(
    (c) => c.status !== 'pass' && !(c.id === 'truthful' && c.status === 'unchecked' && inst.m > 5),
  );
  assert.deepEqual(
    failed.map((c) => `${c.id}: ${c.status} ${JSON.stringify(c.detail)}`),
    [],
    `${id} on ${JSON.stringify(inst.toJSON())}`,
  );
  return { outcome, report };
}

describe('classic mechanisms certify their claims (500 seeded instances each, n <= 5, m <= 10)', () => {
  for (const id of ['round-robin', 'envy-cycle', 'max-welfare', 'serial-dictatorship', 'probabilistic-serial']) {
    it(id, () => {
      fc.assert(
        fc.property(arbInstance(), (inst) => {
          certifies(id, inst);
        }),
        { numRuns: 500, seed: 2026 },
      );
    });
  }
  it('serial-dictatorship passes its truthfulness audit on small instances', () => {
    fc.assert(
      fc.property(arbInstance(3, 4, 2), (inst) => {
        certifies('serial-dictatorship', inst);
      }),
      { numRuns: 40, seed: 7 },
    );
  });
  it('random-serial-dictatorship (n <= 4, m <= 8)', () => {
    fc.assert(
      fc.property(arbInstance(4, 8), (inst) => {
        const { outcome } = certifies('random-serial-dictatorship', inst, {});
        assert.ok(outcome.lottery!.size <= [1, 1, 2, 6, 24][inst.n]);
      }),
      { numRuns: 500, seed: 11 },
    );
  });
  it('cut-and-choose (n = 2)', () => {
    fc.assert(
      fc.property(arbInstance(2, 10, 2), (inst) => {
        certifies('cut-and-choose', inst);
      }),
      { numRuns: 500, seed: 3 },
    );
  });
});

describe('classic mechanisms on worked instances', () => {
  const inst = instance({ alice: { a: 4, b: 3, c: 2, d: 1 }, bob: { a: 4, b: 1, c: 3, d: 2 } });
  it('round robin: picks in turn', () => {
    const o = solve('round-robin', inst);
    assert.deepEqual(o.allocation!.toJSON(), [
      [0, 1],
      [2, 3],
    ]);
    assert.deepEqual(o.trace[0].data, [
      { agent: 0, good: 0 },
      { agent: 1, good: 2 },
      { agent: 0, good: 1 },
      { agent: 1, good: 3 },
    ]);
    assert.deepEqual(solve('round-robin', inst, { agentOrder: [1, 0] }).allocation!.toJSON(), [
      [1, 3],
      [0, 2],
    ]);
  });
  it('probabilistic serial: the classic 2-agent example, exact', () => {
    const { fractional } = probabilisticSerial(inst);
    assert.deepEqual(fractional.toJSON(), [
      ['1/2', '1', '0', '1/2'],
      ['1/2', '0', '1', '1/2'],
    ]);
  });
  it('PS on identical orders gives 1/n everywhere; its lottery implements it exactly', () => {
    const same = instance([
      [3, 2, 1],
      [3, 2, 1],
      [3, 2, 1],
    ]);
    const o = solve('probabilistic-serial', same);
    assert.ok(o.fractional!.shares.every((r) => r.every((x) => x.toString() === '1/3')));
    assert.ok(certify(o).ok);
    assert.equal(o.lottery!.size, 3);
  });
  it('max welfare gives each good to a top bidder', () => {
    assert.deepEqual(solve('max-welfare', inst).allocation!.toJSON(), [
      [0, 1],
      [2, 3],
    ]);
  });
  it("cut and choose: chooser takes her preferred bundle of the cutter's MMS-EFX partition", () => {
    const o = solve(
      'cut-and-choose',
      instance([
        [6, 5, 4, 3, 2],
        [1, 1, 1, 1, 10],
      ]),
    );
    const r = certify(o);
    assert.ok(r.ok && r.passed === 2);
    assert.ok(o.allocation!.bundles[1].includes(4));
  });
  it('the registry lists every classic mechanism with claims', () => {
    const ids = list().map((m) => m.id);
    for (const id of [
      'round-robin',
      'picking-sequence',
      'serial-dictatorship',
      'random-serial-dictatorship',
      'envy-cycle',
      'cut-and-choose',
      'max-welfare',
      'probabilistic-serial',
    ])
      assert.ok(ids.includes(id), id);
  });
});
