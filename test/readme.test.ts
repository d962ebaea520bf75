import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { mechanismTable } from '../scripts/mechanism-table';

describe('README', () => {
  it('carries the mechanism table exactly as the registry generates it', () => {
    const readme = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');
    assert.ok(readme.includes(mechanismTable().join('\n')), 'README mechanism table is stale: regenerate it with scripts/mechanism-table.ts');
  });
});
