import { strict as assert } from 'node:assert';
import { numberLabel, roundDoubles, sideLabel } from '../../src/display/format';

describe('display format: headings and number labels', () => {
  it('rounds raw doubles in a heading to six significant digits and keeps exact numbers as written', () => {
    assert.equal(roundDoubles('Algorithm 1 at delta = 0.30000000000000004'), 'Algorithm 1 at delta = 0.3');
    assert.equal(roundDoubles('g = 0.8535533905932736, p = 1.2345678e-7'), 'g = 0.853553, p = 1.23457e-7');
    assert.equal(roundDoubles('MMS = 5/2 of 38468101589 at 0.95'), 'MMS = 5/2 of 38468101589 at 0.95');
    assert.equal(roundDoubles('version 1.2.3456789'), 'version 1.2.3456789');
  });

  it('names the agent of a number when its label does not, and hides a label that repeats the number', () => {
    assert.equal(numberLabel({ label: 'own', agent: 'bob' }), 'own · bob');
    assert.equal(numberLabel({ label: 'v_bob(A_bob)', agent: 'bob' }), 'v_bob(A_bob)');
    assert.equal(sideLabel({ label: '1', value: '1' }), false);
    assert.equal(sideLabel({ label: 'bound', value: '3' }), true);
  });
});
