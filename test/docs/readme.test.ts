import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as util from 'node:util';
import { mechanismTable } from '../../scripts/mechanism-table';
import { certify, instance, solve } from '../../src';

describe('README', () => {
  it('carries the mechanism table exactly as the registry generates it', () => {
    const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
    assert.ok(
      readme.includes(mechanismTable().join('\n')),
      'README mechanism table is stale: regenerate it with scripts/mechanism-table.ts',
    );
  });
  it('the ten-line example prints what the README says', () => {
    const inst = instance({
      alice: { car: 3, house: 7, boat: '5/2' },
      bob: { car: 4, house: 4, boat: 1 },
    });
    const outcome = solve('round-robin', inst);
    const report = certify(outcome);
    assert.deepEqual(outcome.allocation!.bundles, [[1, 2], [0]]);
    assert.equal(report.ok, true);
    assert.match(util.inspect(report), /✓ ef1: EF1: envy disappears after removing one good/);
    const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
    assert.ok(
      readme.includes('// [[1, 2], [0]] true') &&
        readme.includes('// ✓ ef1: EF1: envy disappears after removing one good'),
    );
  });
});
