import { strict as assert } from 'node:assert';
import { certify } from '../../../src/certify';
import { Allocation, Lottery } from '../../../src/core/allocation';
import { instance } from '../../../src/core/instance';
import { Outcome } from '../../../src/core/outcome';
import {
  cyclicShifts,
  E10_CUTS,
  eceg2,
  integerValuations,
  randomCutAndChoose,
  WORKED_INSTANCES,
} from '../../../src/mechanisms/bobw-few-agents';
import { mechanism } from '../../../src/mechanisms/registry';
import { expectedValues } from '../../helpers/bobw';

describe("the baselines of the paper's counterexamples (spec 3.12)", () => {
  it('[Bu+24] gives one identical agent 17 = 17/20 of her MMS 20: its own claims pass, full MMS fails (Lemma C.3, E8)', () => {
    const o = mechanism('bu24-two-agents').run(instance(WORKED_INSTANCES.E8.instance));
    assert.equal(certify(o).verdict, 'certified');
    const mms = certify(o, { claims: ['ex-post-mms'] }).claims[0];
    assert.equal(mms.status, 'fail');
    assert.equal(String(mms.detail.value), '17');
    assert.equal(String(mms.detail.needed), '20');
    assert.equal(certify(o, { claims: [{ id: 'ex-post-rho-mms', rho: '17/20' }] }).verdict, 'certified');
    assert.equal(
      certify(mechanism('bobw-two-agents').run(instance(WORKED_INSTANCES.E8.instance)), { claims: ['ex-post-mms'] })
        .verdict,
      'certified',
    );
  });

  it('ECEG2 reproduces the table of E9: A = ({g1,g3,g5}, {g2,g4}), B swapped; agent 0 gets 5 = 5/6 of her MMS 6 in B (Lemma C.4, E9)', () => {
    const inst = instance(WORKED_INSTANCES.E9.instance);
    const vals = integerValuations(inst);
    const r = eceg2([vals[0], vals[1]], inst.m);
    assert.deepEqual(r.allocations, [
      [
        [0, 2, 4],
        [1, 3],
      ],
      [
        [1, 3],
        [0, 2, 4],
      ],
    ]);
    assert.deepEqual(
      r.steps.map((s) => s.branch),
      ['A0-B1', 'A1-B0', 'A0-B1', 'A1-B0', 'A0-B1'],
    );
    assert.ok(
      r.steps.every((s) => !s.swapped[0] && !s.swapped[1]),
      'no envy cycle was resolved',
    );
    const o = mechanism('eceg2-two-agents').run(inst);
    assert.equal(expectedValues(o)[0].toString(), '6');
    assert.equal(certify(o, { claims: ['ex-post-mms'] }).verdict, 'failed');
    assert.equal(certify(o, { claims: [{ id: 'ex-post-rho-mms', rho: '5/6' }] }).verdict, 'certified');
  });

  it("random cut-and-choose with E10's cuts gives agent 0 only 33/4 < 17/2 = PROP, and EFX fails (Appendix E.1, E10)", () => {
    const inst = instance(WORKED_INSTANCES.E10.instance);
    const vals = integerValuations(inst);
    const run = (sw: boolean) => {
      const r = randomCutAndChoose([vals[0], vals[1]], E10_CUTS, sw);
      const lottery = Lottery.uniform(r.realizations.map((A) => new Allocation(A, inst.m)));
      return { r, o: new Outcome({ mechanism: 'approx-cut-and-choose', instance: inst, lottery, claims: [] }) };
    };
    const plain = run(false);
    assert.deepEqual(
      plain.r.realizations.map((A) => inst.value(0, A[0]).toString()),
      ['15/2', '9'],
    );
    assert.equal(expectedValues(plain.o)[0].toString(), '33/4');
    assert.equal(certify(plain.o, { claims: ['ex-ante-prop'] }).verdict, 'failed');
    assert.equal(certify(plain.o, { claims: ['ex-post-efx0'] }).verdict, 'failed');
    const switched = run(true);
    assert.deepEqual(switched.r.switched, [true, false]);
    assert.equal(expectedValues(switched.o)[0].toString(), '17/2');
    assert.equal(certify(switched.o, { claims: ['ex-ante-prop'] }).verdict, 'certified');
    const efx = certify(switched.o, { claims: ['ex-post-efx0'] }).claims[0];
    assert.equal(efx.status, 'fail', 'agent 0 holding {g1, g4, g6} (8) is not EFX-satisfied');
    assert.deepEqual(switched.r.realizations[0][0], [0, 3, 5]);
  });

  it('a random cyclic shift of one MMS partition gives identical agents v(M)/3 each and is ex-ante EF (footnote 9, E14)', () => {
    const o = mechanism('identical-cyclic-shift').run(instance(WORKED_INSTANCES.E14.instance));
    assert.deepEqual(expectedValues(o).map(String), ['23/3', '23/3', '23/3']);
    assert.equal(certify(o).verdict, 'certified');
    assert.deepEqual(cyclicShifts([[0], [1], [2]]), [
      [[0], [1], [2]],
      [[1], [2], [0]],
      [[2], [0], [1]],
    ]);
  });
});
