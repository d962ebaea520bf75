/**
 * tslab under Debian's Jupyter: test/fixtures/tslab-smoke.ipynb executed with `jupyter nbconvert
 * --execute` through scripts/tslab-run.sh (which installs Jupyter and tslab's kernel spec with
 * scripts/ensure-jupyter.sh). Zero errors, our rich bundle present (custom JSON as an object, HTML).
 * Also validates the runner's nbformat output with Jupyter's nbformat.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Notebook } from '../../kernel/nbformat';
import { ensureBuild, ROOT, run } from '../helpers/build';

describe('tslab (Jupyter nbconvert)', function () {
  this.timeout(600000);
  let tmp: string;
  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fairdiv-tslab-'));
    const ensure = await run('bash', [path.join(ROOT, 'scripts', 'ensure-jupyter.sh')]);
    assert.equal(ensure.code, 0, `scripts/ensure-jupyter.sh failed:\n${ensure.stdout}\n${ensure.stderr}`);
    await ensureBuild();
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('executes the smoke notebook with zero errors and emits our MIME bundle', async () => {
    const out = path.join(tmp, 'smoke.out.ipynb');
    const html = path.join(tmp, 'smoke.html');
    const r = await run('bash', [
      path.join(ROOT, 'scripts', 'tslab-run.sh'),
      path.join(ROOT, 'test', 'fixtures', 'tslab-smoke.ipynb'),
      '--out',
      out,
      '--html',
      html,
    ]);
    assert.equal(r.code, 0, `nbconvert failed (is display exported from 'fairdiv'?):\n${r.stderr.slice(-4000)}`);
    const nb = JSON.parse(fs.readFileSync(out, 'utf8')) as Notebook;
    const code = nb.cells.filter((c) => c.cell_type === 'code');
    assert.equal(code.length, 3);
    const outputs = code.flatMap((c) => c.outputs ?? []);
    assert.deepEqual(
      outputs.filter((o) => o.output_type === 'error'),
      [],
    );
    const stderr = outputs.filter((o) => o.output_type === 'stream' && o.name === 'stderr');
    assert.deepEqual(stderr, [], 'no type errors or warnings on stderr');
    const rich = outputs.filter((o) => o.output_type === 'display_data');
    const kinds = rich.flatMap((o) =>
      Object.keys(o.data ?? {}).filter((m) => m.startsWith('application/vnd.fairdiv.')),
    );
    assert.deepEqual(kinds, ['application/vnd.fairdiv.allocation+json', 'application/vnd.fairdiv.certificate+json']);
    for (const o of rich) {
      const h = o.data!['text/html'];
      const text = Array.isArray(h) ? h.join('') : String(h);
      assert.match(text, /class="fairdiv/);
      const payload = Object.entries(o.data!).find(([m]) => m.startsWith('application/vnd.fairdiv.'))![1];
      assert.equal(typeof payload, 'object', 'custom MIME stored as a JSON object');
    }
    const streams = outputs
      .filter((o) => o.output_type === 'stream')
      .map((o) => (Array.isArray(o.text) ? o.text.join('') : o.text))
      .join('');
    assert.match(streams, /2 agents, 3 goods/);
    assert.match(streams, /certified/);
    const page = fs.readFileSync(html, 'utf8');
    assert.match(page, /class="fairdiv/);
  });

  it("the runner's output notebook validates with Jupyter's nbformat", async () => {
    const out = path.join(tmp, 'runner.out.ipynb');
    const r = await run(process.execPath, [
      path.join(ROOT, 'bin', 'fairdiv.js'),
      'run',
      path.join(ROOT, 'test', 'fixtures', 'runner-sample.ipynb'),
      '--out',
      out,
    ]);
    assert.equal(r.code, 0, r.stderr);
    const v = await run('/usr/bin/python3', [
      '-c',
      'import sys, nbformat; nbformat.validate(nbformat.read(sys.argv[1], as_version=4)); print("valid")',
      out,
    ]);
    assert.equal(v.code, 0, v.stderr);
    assert.match(v.stdout, /valid/);
  });
});
