/**
 * Which claims read MMS shares, and which agents' shares they search (src/checks/mms-claims.ts): the ex-post MMS
 * claims on a support only for the agents below rho times their TPS, every other MMS-reading claim for every agent.
 */
import { strict as assert } from 'node:assert';
import { instance } from '../../src/core/instance';
import { Rational } from '../../src/core/rational';
import { agentsNeedingMms, readsMmsShares } from '../../src/checks/mms-claims';
import { lotteryOutcome } from '../helpers/lottery';

describe('checks: mms claims', () => {
  // agent 0 values 5, 5, 5 (TPS_2 = 15/2); agent 1 values 1, 1, 1 (TPS_2 = 3/2)
  const inst = instance([
    [5, 5, 5],
    [1, 1, 1],
  ]);
  // agent 0 gets 10 in both allocations, agent 1 gets 1
  const o = lotteryOutcome(inst, [
    [0, 0, 1],
    [1, 0, 0],
  ]);

  it('names the claims that read MMS shares, ex-post forms included', () => {
    assert.deepEqual(
      (['mms', 'rho-mms', 'immx', 'ex-post-rho-mms', 'probability-below-mms', 'ef1', 'ex-post-prop'] as const).map(
        readsMmsShares,
      ),
      [true, true, true, true, true, false, false],
    );
  });

  it('searches on a support only the agents whose least value is below rho times their TPS', () => {
    assert.deepEqual(agentsNeedingMms(o, [{ id: 'ex-post-mms', text: '' }]), [1]);
    assert.deepEqual(agentsNeedingMms(o, [{ id: 'ex-post-rho-mms', text: '', rho: new Rational(2n, 3n) }]), []);
    assert.deepEqual(agentsNeedingMms(o, [{ id: 'ex-post-rho-mms', text: '', rho: new Rational(3n, 4n) }]), [1]);
    assert.deepEqual(agentsNeedingMms(o, [{ id: 'ex-post-ef1', text: '' }]), []);
  });

  it('searches every agent for claims the TPS bound does not settle', () => {
    for (const id of ['mms', 'immx', 'ex-post-immx', 'probability-below-mms'] as const)
      assert.deepEqual(agentsNeedingMms(o, [{ id, text: '' }]), [0, 1], id);
  });
});
