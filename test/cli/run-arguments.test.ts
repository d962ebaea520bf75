import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runMain } from '../helpers/cli';
import { tempDir } from '../helpers/cli-process';

const SAMPLE = path.join(__dirname, '..', 'fixtures', 'runner-sample.ipynb');

describe('fairdiv run: arguments checked before the notebook runs (issue 16)', function () {
  this.timeout(120_000);

  it('clamps a --timeout beyond 24 days instead of interrupting every cell', async () => {
    const r = await runMain(['run', SAMPLE, '--timeout', '3000000', '--json']);
    assert.equal(r.code, 0, r.err);
    assert.match(r.err, /--timeout 3000000 is beyond the largest cell timeout/);
    assert.doesNotMatch(r.err, /Interrupted/);
  });

  for (const bad of ['abc', '0', '-5', ''])
    it(`refuses --timeout ${JSON.stringify(bad)} with exit 2`, async () => {
      const r = await runMain(['run', SAMPLE, `--timeout=${bad}`]);
      assert.equal(r.code, 2);
      assert.match(r.err, /--timeout: expected seconds > 0/);
    });

  it('refuses --html pointing at a directory before running anything (exit 2)', async () => {
    const r = await runMain(['run', SAMPLE, '--html', tempDir()]);
    assert.equal(r.code, 2);
    assert.match(r.err, /--html: .* is a directory/);
    assert.ok(r.ms < 2000, `took ${r.ms} ms: the notebook ran first`);
  });

  it('refuses --out in a missing directory before running anything (exit 2)', async () => {
    const r = await runMain(['run', SAMPLE, '--out', path.join(tempDir(), 'missing', 'out.ipynb')]);
    assert.equal(r.code, 2);
    assert.match(r.err, /--out: cannot write/);
  });

  it('still writes both outputs when the paths are good', async () => {
    const dir = tempDir();
    const r = await runMain([
      'run',
      SAMPLE,
      '--out',
      path.join(dir, 'o.ipynb'),
      '--html',
      path.join(dir, 'o.html'),
      '--json',
    ]);
    assert.equal(r.code, 0, r.err);
    assert.ok(fs.statSync(path.join(dir, 'o.ipynb')).size > 0);
    assert.ok(fs.statSync(path.join(dir, 'o.html')).size > 0);
  });
});
