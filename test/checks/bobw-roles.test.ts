import { strict as assert } from 'node:assert';
import { Allocation } from '../../src/core/allocation';
import { InvalidInputError } from '../../src/core/errors';
import { instance } from '../../src/core/instance';
import { Rational } from '../../src/core/rational';
import { checkRoleTriple, eefxCertificate, roleParams } from '../../src/checks/bobw-roles';
import { WORKED_INSTANCES } from '../../src/mechanisms/bobw-few-agents';

describe('the role checks of Theorems 1.1, 3.2 and 5.1', () => {
  const e5 = instance(WORKED_INSTANCES.E5.instance);

  it("rejects E5's IMMX illustration X = ({a}, {b,c}, {d,e}): agent 2 is EFX but at 5 < 9/10 of her MMS 6 fits no role (E5)", () => {
    const r = checkRoleTriple(e5, new Allocation([[0], [1, 2], [3, 4]], 5));
    assert.equal(r.holds, false);
    assert.equal(r.unchecked, undefined);
  });

  it("assigns roles on a golden allocation of E5 and returns the role-(c) agent's EEFX certificate as witness", () => {
    const r = checkRoleTriple(e5, new Allocation([[2], [0, 4], [1, 3]], 5));
    assert.equal(r.holds, true);
    const w = r.witness as { roles: Record<string, number>; certificate: number[][] };
    assert.deepEqual(Object.values(w.roles).sort(), [0, 1, 2]);
    assert.ok(w.certificate.length === 3);
  });

  it('passes the one-good allocation and fails a split leaving two agents envious below 9/10 of their MMS', () => {
    const one = instance(WORKED_INSTANCES.E1.instance);
    assert.equal(checkRoleTriple(one, new Allocation([[0], [], []], 1)).holds, true);
    const inst = instance([
      [1, 1, 1, 1, 1, 1],
      [1, 1, 1, 1, 1, 1],
      [1, 1, 1, 1, 1, 1],
    ]);
    const r = checkRoleTriple(inst, new Allocation([[0, 1, 2, 3], [4], [5]], 6));
    assert.equal(r.holds, false, 'two agents get 1 < 9/10 * MMS 2 and envy beyond EFX');
  });

  it("accepts Theorem 5.1's weaker role (b) where Theorem 1.1 needs two EFX agents", () => {
    // identical values 9, 2, 2, 10, 7 (MMS 9): agents 0 and 2 get 9 but envy {2, 10} beyond EFX, agent 1 is EFX
    const row = [9, 2, 2, 10, 7];
    const inst = instance([row, row, row]);
    const a = new Allocation([[2, 4], [1, 3], [0]], 5);
    assert.equal(checkRoleTriple(inst, a, '1.1').holds, false);
    assert.equal(checkRoleTriple(inst, a, '3.2', new Rational(1n, 10n)).holds, false);
    assert.equal(checkRoleTriple(inst, a, '5.1', Rational.ZERO).holds, true);
  });

  it('reads the claim parameters strictly', () => {
    assert.deepEqual(roleParams({ theorem: '3.2', eps: '1/4' }).eps.toString(), '1/4');
    assert.throws(() => roleParams({ theorem: '2.1' }), InvalidInputError);
    assert.throws(() => roleParams({ theorem: '3.2', eps: '3/2' }), InvalidInputError);
  });

  it('eefxCertificate finds a certificate by Lemma B.1, by a balanced split, or proves none exists', () => {
    const inst = instance([
      [6, 1, 4, 1, 3],
      [1, 1, 1, 1, 1],
      [1, 1, 1, 1, 1],
    ]);
    const c = eefxCertificate(inst, 0, [0]);
    assert.ok(Array.isArray(c) && c[0].join() === '0');
    const poor = instance([
      [1, 5, 5, 5],
      [1, 1, 1, 1],
      [1, 1, 1, 1],
    ]);
    assert.equal(eefxCertificate(poor, 0, [0]), 'none');
  });
});
