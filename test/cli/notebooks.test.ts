import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runMain } from '../helpers/cli';
import { bundledNotebooks, packageRoot } from '../../src/cli/notebooks';

describe('fairdiv notebooks', () => {
  let dir = '';
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fairdiv-notebooks-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('finds the package root and its bundled notebooks', () => {
    assert.equal(packageRoot(), path.join(__dirname, '..', '..'));
    assert.ok(bundledNotebooks().some((f) => f.endsWith('00-getting-started.ipynb')));
  });

  it('copies every bundled notebook into the folder, creating it', async () => {
    const target = path.join(dir, 'nested', 'nbs');
    const r = await runMain(['notebooks', target]);
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(
      fs.readdirSync(target).sort(),
      bundledNotebooks().map((f) => path.basename(f)),
    );
    assert.match(r.out, /run one: npx fairdiv run .*00-getting-started\.ipynb/);
  });

  it('keeps an existing copy unless --force', async () => {
    const file = path.join(dir, '00-getting-started.ipynb');
    fs.writeFileSync(file, 'my edits');
    let r = await runMain(['notebooks', dir]);
    assert.equal(r.code, 0);
    assert.equal(fs.readFileSync(file, 'utf8'), 'my edits');
    assert.match(r.err, /kept 1 existing file\(s\) \(use --force to overwrite\): 00-getting-started\.ipynb/);
    r = await runMain(['notebooks', dir, '--force']);
    assert.notEqual(fs.readFileSync(file, 'utf8'), 'my edits');
  });

  it('exits 2 without a folder, or when the target is a file', async () => {
    assert.equal((await runMain(['notebooks'])).code, 2);
    const file = path.join(dir, 'f');
    fs.writeFileSync(file, '');
    const r = await runMain(['notebooks', file]);
    assert.equal(r.code, 2);
    assert.match(r.err, /exists and is not a folder/);
  });
});
