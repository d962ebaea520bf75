/** Where the fairdiv package is installed (kernel/package-root.ts). */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { findPackageRoot } from '../../kernel/package-root';

describe('kernel: package root', () => {
  const ROOT = path.join(__dirname, '..', '..');

  it('finds the package.json named fairdiv above a folder of the package', () => {
    assert.equal(findPackageRoot(path.join(ROOT, 'src', 'cli')), ROOT);
    assert.equal(findPackageRoot(ROOT), ROOT);
  });

  it('walks past package.json files of other names and unreadable ones, and gives null above every one', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fairdiv-root-'));
    try {
      fs.mkdirSync(path.join(dir, 'a', 'b', 'c'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'fairdiv' }));
      fs.writeFileSync(path.join(dir, 'a', 'package.json'), JSON.stringify({ name: 'other' }));
      fs.writeFileSync(path.join(dir, 'a', 'b', 'package.json'), '{ not json');
      assert.equal(findPackageRoot(path.join(dir, 'a', 'b', 'c')), dir);
      fs.rmSync(path.join(dir, 'package.json'));
      assert.equal(findPackageRoot(path.join(dir, 'a', 'b', 'c')), null);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
