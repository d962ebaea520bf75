import { strict as assert } from 'node:assert';
import { certify } from '../../src/certify';
import { checkEFM, checkEFXM, checkMixedEF, checkMixedEFX, checkMixedPROP } from '../../src/checks/mixed-envy';
import { Allocation, FractionalAllocation } from '../../src/core/allocation';
import { InvalidInputError } from '../../src/core/errors';
import { instance } from '../../src/core/instance';
import { MixedAllocation, MixedLottery } from '../../src/core/mixed-allocation';
import { Outcome } from '../../src/core/outcome';

/** M3-L11 of the spec: one indivisible good worth 2 to both, a cake (good 1) worth 1 to both. */
const M3_L11 = instance({
  values: [
    [2, 1],
    [2, 1],
  ],
  divisible: [1],
});

describe('EFM and EFXM on mixed allocations', () => {
  it('accepts the realizations of M3-L11, which are EFM but not EF (spec 5.2)', () => {
    const a = MixedAllocation.withCake([[], [0]], [1, 0], M3_L11);
    assert.equal(checkEFM(M3_L11, a).holds, true);
    assert.equal(checkEFXM(M3_L11, a).holds, true);
    const ef = checkMixedEF(M3_L11, a);
    assert.equal(ef.holds, false);
    assert.deepEqual(ef.witness, { envious: 0, envied: 1 });
  });
  it('asks for plain EF towards a bundle with any divisible fraction, even one valued 0 (Def 2.2)', () => {
    // agent 0 values the cake at 0; agent 1 holds good 0 and a sliver of cake, so EF1 is not enough
    const inst = instance({
      values: [
        [1, 3, 0],
        [1, 1, 0],
      ],
      divisible: [2],
    });
    const a = MixedAllocation.withCake([[0], [1]], ['99/100', '1/100'], inst);
    const r = checkEFM(inst, a);
    assert.equal(r.holds, false);
    assert.equal(r.detail.rule, 'ef');
    assert.equal(r.detail.enviedHoldsDivisible, true);
    assert.equal(String(r.detail.own), '1');
    assert.equal(String(r.detail.other), '3');
    // the same bundles without the sliver are EFM (EF1 towards a purely indivisible bundle)
    assert.equal(checkEFM(inst, MixedAllocation.withCake([[0], [1]], [1, 0], inst)).holds, true);
  });
  it('tells EFXM from EFM by removing the least valued good, zero-valued included (Pitfall 7.19)', () => {
    // agent 0 holds the cake (3/2); agent 1 holds goods 1 (worth 2 to agent 0) and 2 (worth 0 to agent 0)
    const inst = instance({
      values: [
        [0, 2, 0, '3/2'],
        [1, 1, 1, 1],
      ],
      divisible: [3],
    });
    const a = MixedAllocation.withCake([[0], [1, 2]], [1, 0], inst);
    assert.equal(checkEFM(inst, a).holds, true);
    const r = checkEFXM(inst, a);
    assert.equal(r.holds, false);
    assert.deepEqual(r.witness, { envious: 0, envied: 1, removed: 2 });
    assert.equal(r.detail.rule, 'up-to-any-good');
    assert.equal(String(r.detail.afterRemoval), '2');
  });
  it('reduces to EF1 and EFX0 when there are no divisible goods', () => {
    const inst = instance([
      [3, 1, 1],
      [1, 1, 1],
    ]);
    const a = MixedAllocation.fromAllocation(new Allocation([[0], [1, 2]], 3), []);
    assert.equal(checkEFM(inst, a).holds, true);
    assert.equal(checkEFXM(inst, a).holds, true);
    const b = MixedAllocation.fromAllocation(new Allocation([[1], [0, 2]], 3), []);
    assert.equal(checkEFM(inst, b).holds, true);
    assert.equal(checkEFXM(inst, b).holds, false);
  });
});

describe('EF, EFX and PROP on mixed allocations', () => {
  const inst = instance({
    values: [
      [2, 0, 6],
      [0, 1, 1],
    ],
    divisible: [2],
  });
  it('checks the transfer allocation of M3-TR as EF and PROP (spec 5.2)', () => {
    const tr = instance({
      values: [
        [2, 6],
        [0, 4],
      ],
      divisible: [1],
    });
    const a = MixedAllocation.withCake([[0], []], ['1/3', '2/3'], tr);
    assert.equal(checkMixedEF(tr, a).holds, true);
    assert.equal(checkMixedPROP(tr, a).holds, true);
  });
  it('keeps the divisible part when EFX removes an indivisible good', () => {
    // agent 0 holds the whole cake (6); agent 1 holds good 0 (2 to agent 0) and good 1: no envy
    const a = MixedAllocation.withCake([[], [0, 1]], [1, 0], inst);
    assert.equal(checkMixedEFX(inst, a, { zeroValued: true }).holds, true);
    // agent 1 holds good 1 (worth 1) and envies agent 0's good 0 + cake (1 + 4): removing good 0 leaves 4 > 1
    const other = instance({
      values: [
        [2, 0, 6],
        [1, 1, 4],
      ],
      divisible: [2],
    });
    const r = checkMixedEFX(other, MixedAllocation.withCake([[0], [1]], [1, 0], other), { zeroValued: true });
    assert.equal(r.holds, false);
    assert.deepEqual(r.witness, { envious: 1, envied: 0, removed: 0 });
    assert.equal(String(r.detail.afterRemoval), '4');
  });
  it('names the agent below her proportional share', () => {
    const a = MixedAllocation.withCake([[0, 1], []], [1, 0], inst);
    const r = checkMixedPROP(inst, a);
    assert.equal(r.holds, false);
    assert.deepEqual(r.witness, { agent: 1 });
    assert.equal(String(r.detail.needed), '1');
  });
  it('rejects an allocation of another instance with bad-argument', () => {
    const other = instance({
      values: [
        [1, 1],
        [1, 1],
      ],
      divisible: [1],
    });
    const a = MixedAllocation.withCake([[0], []], [1, 0], other);
    assert.throws(
      () => checkEFM(inst, a),
      (e: unknown) => e instanceof InvalidInputError && e.code === 'bad-argument',
    );
  });
});

describe('certify on mixed outcomes', () => {
  const lottery = MixedLottery.uniform([
    MixedAllocation.withCake([[], [0]], [1, 0], M3_L11),
    MixedAllocation.withCake([[0], []], [0, 1], M3_L11),
  ]);
  const outcome = (claims: Outcome['claims']) =>
    new Outcome({ mechanism: 'test-mixed', instance: M3_L11, mixed: lottery, claims });
  it('checks ex-post claims on every mixed allocation and ex-ante claims on the marginals (M3-L11)', () => {
    const r = certify(
      outcome([
        { id: 'ex-post-efm', text: 'EFM' },
        { id: 'ex-post-efxm', text: 'EFXM' },
        { id: 'ex-ante-ef', text: 'ex-ante EF' },
        { id: 'ex-ante-prop', text: 'ex-ante PROP' },
        { id: 'support-size', text: 'support <= 2', params: { bound: 2 } },
      ]),
    );
    assert.equal(r.verdict, 'certified');
    assert.equal(r.claims[0].detail.allocations, 2);
  });
  it('fails ex-post EF with the support index and the allocation as witness', () => {
    const r = certify(outcome([{ id: 'ex-post-ef', text: 'EF' }]));
    assert.equal(r.verdict, 'failed');
    assert.equal((r.claims[0].witness as { allocation: { bundles: number[][] } }).allocation.bundles.length, 2);
  });
  it('leaves a property not defined on mixed allocations unchecked, never vacuously true', () => {
    const r = certify(outcome([{ id: 'ex-post-ef1', text: 'EF1' }]));
    assert.equal(r.claims[0].status, 'unchecked');
  });
  it('leaves ex-post claims of a fractional outcome without a support unchecked', () => {
    const plain = new FractionalAllocation(lottery.marginals().shares);
    const o = new Outcome({
      mechanism: 'test',
      instance: M3_L11,
      fractional: plain,
      claims: [{ id: 'ex-post-efm', text: 'EFM' }],
    });
    assert.equal(o.mixed, undefined);
    assert.equal(certify(o).claims[0].status, 'unchecked');
  });
  it('checks efm on an integral allocation of a mixed instance as whole divisible goods', () => {
    const o = new Outcome({
      mechanism: 'test',
      instance: M3_L11,
      allocation: new Allocation([[1], [0]], 2),
      claims: [
        { id: 'efm', text: 'EFM' },
        { id: 'ef', text: 'EF' },
      ],
    });
    const r = certify(o);
    assert.deepEqual(
      r.claims.map((c) => c.status),
      ['pass', 'fail'],
    );
  });
});
