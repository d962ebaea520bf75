import { strict as assert } from 'node:assert';
import { InvalidInputError } from '../../src/core/errors';
import { instance } from '../../src/core/instance';
import { Outcome } from '../../src/core/outcome';
import { checkDividerPairs, readDividerPairs } from '../../src/checks/divider-pairs';
import { WORKED_INSTANCES } from '../../src/mechanisms/bobw-few-agents';
import { mechanism } from '../../src/mechanisms/registry';

describe('the per-divider pair checks (Lemma 3.2, Lemma D.3)', () => {
  const inst = instance(WORKED_INSTANCES.E6.instance);
  const o = mechanism('bobw-three-agents').run(inst);

  it('reads the three pairs of E6 from the trace and passes Lemma 3.2: divider >= MMS, pair sums >= v(M) - MMS (E6)', () => {
    const pairs = readDividerPairs(o);
    assert.deepEqual(
      pairs.map((p) => p.case),
      ['2B', '1', '1'],
    );
    const r = checkDividerPairs(inst, pairs, '1.1');
    assert.equal(r.holds, true);
  });

  it('fails a tampered pair whose divider gets less than her MMS, naming the divider', () => {
    const pairs = readDividerPairs(o);
    const swapped = pairs.map((p) =>
      p.divider === 1 ? { ...p, allocations: [pairs[0].allocations[0], pairs[0].allocations[1]] as const } : p,
    );
    const r = checkDividerPairs(inst, swapped, '1.1');
    assert.equal(r.holds, false);
    assert.deepEqual(r.witness, { divider: 1 });
  });

  it('rejects a malformed trace with a typed error', () => {
    const broken = new Outcome({
      mechanism: o.mechanism,
      instance: inst,
      lottery: o.lottery,
      claims: [],
      trace: [{ id: 'divider-pairs', title: 'x', data: [{ divider: 0 }] }],
    });
    assert.throws(
      () => readDividerPairs(broken),
      (e: unknown) => e instanceof InvalidInputError && e.code === 'bad-trace',
    );
    const none = new Outcome({ mechanism: o.mechanism, instance: inst, lottery: o.lottery, claims: [] });
    assert.throws(
      () => readDividerPairs(none),
      (e: unknown) => e instanceof InvalidInputError && e.code === 'no-divider-pairs',
    );
  });
});
