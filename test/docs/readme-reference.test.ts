/** The README's reference sections agree with the library: the claim-id tables, the checker and compare examples. */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  Allocation,
  allClaimIds,
  checkEF,
  checkEF1,
  checkPO,
  checkRhoMMS,
  compare,
  instance,
  mms,
  mmsShare,
} from '../../src/index';
import { commands } from '../../src/cli/commands';

const README = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');

/** The text of a section, from its heading to the next heading of the same or a higher level. */
function section(heading: string): string {
  const start = README.indexOf(heading);
  assert.ok(start >= 0, `README has no section "${heading}"`);
  const level = /^#+/.exec(heading)![0];
  const rest = README.slice(start + heading.length);
  const end = rest.search(new RegExp(`\\n#{1,${level.length}} `));
  return end < 0 ? rest : rest.slice(0, end);
}

describe('README reference sections', () => {
  it('the claim-id tables list every claim id certify understands, and no other', () => {
    const text = section('### Claim ids `certify` understands');
    const listed = new Set(
      [...text.matchAll(/^\| `([a-z0-9-]+)`(?:, `([a-z0-9-]+)`)? \|/gm)].flatMap((m) => [m[1], m[2]]).filter(Boolean),
    );
    const base = allClaimIds().filter((id) => !id.startsWith('ex-post-'));
    assert.deepEqual([...listed].sort(), [...base].sort());
  });

  it("the checker example's comments hold", () => {
    const inst = instance({ alice: { car: 3, house: 7, boat: '5/2' }, bob: { car: 4, house: 4, boat: 1 } });
    const a = new Allocation([[1, 2], [0]], inst.m);
    const ef = checkEF(inst, a);
    assert.equal(ef.holds, false);
    assert.deepEqual(
      [ef.detail.envious, ef.detail.envied, String(ef.detail.own), String(ef.detail.other)],
      ['bob', 'alice', '4', '5'],
    );
    assert.equal(checkEF1(inst, a).holds, true);
    assert.ok('perAgent' in checkRhoMMS(inst, a, '2/3').detail);
    assert.equal(checkPO(inst, a).holds, true);
    const bob = mmsShare(inst, 1);
    assert.deepEqual([String(bob.value), bob.partition, bob.status], ['4', [[0, 2], [1]], 'optimal']);
    assert.equal(String(mms([1, 3, 5, 6, 9], 3).value), '7');
    const text = section('## Checkers (src/checks)');
    assert.ok(
      text.includes(
        "checkEF(inst, a);        // { holds: false, detail: { envious: 'bob', envied: 'alice', own: Rational(4), other: Rational(5) } }",
      ),
    );
    assert.ok(
      text.includes(
        "mmsShare(inst, 1);       // bob's MMS for n = 2: { value: 4, partition: [[0, 2], [1]], status: 'optimal', ... }",
      ),
    );
  });

  it('the compare example runs, and the options example runs pick-r', () => {
    const table = compare(
      { alice: { car: 3, house: 7, boat: '5/2' }, bob: { car: 4, house: 4, boat: 1 } },
      ['round-robin', 'pick-r'],
      {
        options: { 'pick-r': { r: ['1/3', '2/3'] } },
      },
    );
    assert.deepEqual(
      table.rows.map((r) => r.status),
      ['ran', 'ran'],
    );
    assert.ok(
      section('## Compare mechanisms on one instance').includes("{ options: { 'pick-r':\n{ r: ['1/3', '2/3'] } } }"),
    );
  });

  it('every command of the command-line section exists', () => {
    const used = new Set([...section('## Command line').matchAll(/^\$ fairdiv ([a-z]+)/gm)].map((m) => m[1]));
    for (const c of used) assert.ok(Object.prototype.hasOwnProperty.call(commands, c), `README uses "fairdiv ${c}"`);
    for (const c of ['compare', 'notebooks', 'run']) assert.ok(used.has(c), `README's command line lacks ${c}`);
  });
});
