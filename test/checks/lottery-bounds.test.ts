import { strict as assert } from 'node:assert';
import { Allocation } from '../../src/core/allocation';
import { InvalidInputError } from '../../src/core/errors';
import { instance } from '../../src/core/instance';
import { Rational } from '../../src/core/rational';
import {
  checkEqualTreatment,
  checkExAnteRhoProp,
  checkProbabilityBelowMms,
  checkProbabilityProp,
  probabilityBound,
} from '../../src/checks/lottery-bounds';

const third = new Rational(1n, 3n);
const uniform = (as: number[][][], m: number) =>
  as.map((b) => ({ p: new Rational(1n, BigInt(as.length)), allocation: new Allocation(b, m) }));

describe('lottery-level checks of Theorem 1.1', () => {
  const inst = instance([
    [6, 5, 4, 2, 1],
    [6, 5, 4, 2, 1],
    [6, 5, 4, 2, 1],
  ]);
  // MMS 6, PROP 6: {6} | {5,1} | {4,2}
  const fair = uniform(
    [
      [[0], [1, 4], [2, 3]],
      [[1, 4], [2, 3], [0]],
      [[2, 3], [0], [1, 4]],
    ],
    5,
  );
  const skewed = uniform(
    [
      [[0, 1], [2, 4], [3]],
      [[0, 1], [3], [2, 4]],
      [[0, 3], [1], [2, 4]],
    ],
    5,
  );

  it('ex-ante rho-PROP compares each expected value with rho v(M)/n exactly', () => {
    assert.equal(checkExAnteRhoProp(inst, fair, 1).holds, true);
    const r = checkExAnteRhoProp(inst, skewed, 1);
    assert.equal(r.holds, false);
    assert.equal(checkExAnteRhoProp(inst, skewed, '1/2').holds, true);
  });

  it('Pr[below MMS] <= 1/3 fails with the agent and the allocations below her MMS as witness', () => {
    assert.equal(checkProbabilityBelowMms(inst, fair, third).holds, true);
    const r = checkProbabilityBelowMms(inst, skewed, third);
    assert.equal(r.holds, false);
    assert.equal(String(r.detail.agent), '1');
    assert.equal(String(r.detail.probability), '1');
  });

  it('Pr[>= PROP] >= 1/3 fails when an agent never reaches PROP', () => {
    assert.equal(checkProbabilityProp(inst, fair, third).holds, true);
    assert.equal(checkProbabilityProp(inst, skewed, third).holds, false);
  });

  it("equal treatment compares identical agents' expected values and names an unequal pair", () => {
    assert.equal(checkEqualTreatment(inst, fair).holds, true);
    const r = checkEqualTreatment(inst, skewed);
    assert.equal(r.holds, false);
    assert.deepEqual((r.witness as { agents: number[] }).agents, [0, 1]);
    const distinct = instance([
      [1, 2],
      [2, 1],
      [1, 1],
    ]);
    assert.equal(
      checkEqualTreatment(distinct, uniform([[[0, 1], [], []]], 2)).holds,
      true,
      'vacuous without identical agents',
    );
  });

  it('reads probability bounds strictly', () => {
    assert.equal(probabilityBound('probability-prop', { bound: '1/3' }).toString(), '1/3');
    assert.throws(() => probabilityBound('probability-prop', {}), InvalidInputError);
    assert.throws(() => probabilityBound('probability-prop', { bound: '4/3' }), InvalidInputError);
  });
});
