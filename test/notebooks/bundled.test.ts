/**
 * Every bundled notebook (notebooks/*.ipynb) executed two ways:
 *  (a) by fairdiv's headless runner (kernel/runner.ts): every code cell runs, no error output, no failed
 *      certificate;
 *  (b) by tslab under Debian's Jupyter (`jupyter nbconvert --execute` via scripts/tslab-run.sh, which
 *      installs Jupyter and tslab's kernel spec): exit 0, no error output, no failed certificate.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { countCertificates, sourceOf, type Notebook } from '../../kernel/nbformat';
import { runNotebook } from '../../kernel/runner';
import { ensureBuild, ROOT, run } from '../helpers/build';

const DIR = path.join(ROOT, 'notebooks');
const NOTEBOOKS = fs.existsSync(DIR)
  ? fs
      .readdirSync(DIR)
      .filter((f) => f.endsWith('.ipynb'))
      .sort()
  : [];

function codeCells(nb: Notebook) {
  return nb.cells.filter((c) => c.cell_type === 'code' && sourceOf(c).trim() !== '');
}

describe('bundled notebooks: fairdiv runner', function () {
  this.timeout(600000);
  it('there are bundled notebooks with our marker and the tslab kernelspec', () => {
    assert.ok(NOTEBOOKS.length > 0, 'no notebooks/*.ipynb');
    for (const f of NOTEBOOKS) {
      const nb = JSON.parse(fs.readFileSync(path.join(DIR, f), 'utf8')) as Notebook;
      assert.equal(nb.nbformat, 4, f);
      assert.ok((nb.metadata as { fairdiv?: unknown }).fairdiv, `${f}: metadata.fairdiv marker missing`);
      assert.equal((nb.metadata as { kernelspec?: { name?: string } }).kernelspec?.name, 'tslab', `${f}: kernelspec`);
    }
  });
  for (const f of NOTEBOOKS) {
    it(f, async () => {
      const r = await runNotebook(path.join(DIR, f));
      const errors = r.output.cells.flatMap((c) =>
        (c.outputs ?? []).filter((o) => o.output_type === 'error').map((o) => `${o.ename}: ${o.evalue}`),
      );
      assert.deepEqual(errors, []);
      assert.equal(r.executed, codeCells(r.output).length);
      assert.equal(r.certificates.failed, 0);
    });
  }
});

describe('bundled notebooks: tslab (Jupyter nbconvert)', function () {
  this.timeout(1800000);
  const results = new Map<string, { code: number; stderr: string; nb?: Notebook }>();
  before(async () => {
    const ensure = await run('bash', [path.join(ROOT, 'scripts', 'ensure-jupyter.sh')]);
    assert.equal(ensure.code, 0, `scripts/ensure-jupyter.sh failed:\n${ensure.stderr}`);
    await ensureBuild();
    // two at a time: most of a tslab run is kernel start-up and shutdown
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fairdiv-nb-tslab-'));
    const queue = [...NOTEBOOKS];
    const worker = async () => {
      for (let f = queue.shift(); f; f = queue.shift()) {
        const out = path.join(tmp, f);
        const r = await run('bash', [
          path.join(ROOT, 'scripts', 'tslab-run.sh'),
          path.join(DIR, f),
          '--out',
          out,
          '--timeout',
          '600',
        ]);
        results.set(f, {
          code: r.code,
          stderr: r.stderr,
          nb: fs.existsSync(out) ? (JSON.parse(fs.readFileSync(out, 'utf8')) as Notebook) : undefined,
        });
      }
    };
    await Promise.all([worker(), worker()]);
    fs.rmSync(tmp, { recursive: true, force: true });
  });
  for (const f of NOTEBOOKS) {
    it(f, () => {
      const r = results.get(f)!;
      assert.equal(r.code, 0, `nbconvert failed:\n${r.stderr.slice(-3000)}`);
      const nb = r.nb!;
      const outputs = codeCells(nb).flatMap((c) => c.outputs ?? []);
      assert.deepEqual(
        outputs.filter((o) => o.output_type === 'error'),
        [],
      );
      assert.deepEqual(
        outputs.filter((o) => o.output_type === 'stream' && o.name === 'stderr').map((o) => o.text),
        [],
      );
      assert.ok(codeCells(nb).length > 0);
      assert.equal(countCertificates(outputs).failed, 0);
    });
  }
});
