/** The headless runner (kernel/runner.ts) and `fairdiv run` on a fixture notebook. */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runNotebook, summaryTable } from '../../kernel/runner';
import { notebookToHtml, toNbOutputs, type Notebook } from '../../kernel/nbformat';
import { runMain } from '../helpers/cli';

const FIXTURE = path.join(__dirname, '..', 'fixtures', 'runner-sample.ipynb');

describe('runner', function () {
  this.timeout(120000);
  let tmp: string;
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fairdiv-runner-'));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('executes every code cell and writes nbformat outputs with rich bundles', async () => {
    const r = await runNotebook(FIXTURE);
    assert.equal(r.codeCells, 3);
    assert.equal(r.executed, 3);
    assert.equal(r.errors, 0, JSON.stringify(r.output.cells.map((c) => c.outputs)));
    assert.equal(r.certificates.passed, 1);
    assert.equal(r.certificates.failed, 0);
    assert.ok(r.ok);
    const code = r.output.cells.filter((c) => c.cell_type === 'code');
    assert.deepEqual(
      code.map((c) => c.execution_count),
      [1, 2, 3],
    );
    assert.deepEqual(code[0].outputs, [{ output_type: 'stream', name: 'stdout', text: ['2 agents, 3 goods\n'] }]);
    const res = code[1].outputs![0];
    assert.equal(res.output_type, 'execute_result');
    assert.equal(res.execution_count, 2);
    assert.deepEqual(Object.keys(res.data!), ['application/vnd.fairdiv.allocation+json', 'text/html', 'text/plain']);
    assert.equal(typeof res.data!['application/vnd.fairdiv.allocation+json'], 'object');
    assert.ok(Array.isArray(res.data!['text/html']));
    const cert = code[2].outputs![0];
    assert.ok(cert.data!['application/vnd.fairdiv.certificate+json']);
    const html = notebookToHtml(r.output, 'sample');
    assert.match(html, /<h1>Runner sample<\/h1>/);
    assert.match(html, /<strong>tiny<\/strong>/);
    assert.match(html, /<li>one list item<\/li>/);
    assert.match(html, /data-kind="allocation"|fd-allocation/);
    assert.doesNotMatch(html, /<script|https?:\/\/(?!www\.w3\.org)/);
    assert.match(summaryTable([r]), /runner-sample\.ipynb\s+3\/3\s+0\s+1\s+0/);
  });

  it('drops progress bars from saved outputs (and the HTML export)', async () => {
    const nb = JSON.parse(fs.readFileSync(FIXTURE, 'utf8')) as Notebook;
    nb.cells[1].source =
      "import { instance, solve, certify, progress } from 'fairdiv';\nconst inst = instance({ ann: { a: 3, b: 1, c: 2 }, bo: { a: 1, b: 3, c: 2 } });\n" +
      "const bar = progress('setup');\nfor (let i = 1; i <= 3; i++) { bar.update(i / 3, `step ${i}`); await new Promise((r) => setTimeout(r, 120)); }\nbar.done();\n" +
      'console.log(`${inst.n} agents, ${inst.m} goods`);';
    const file = path.join(tmp, 'progress.ipynb');
    fs.writeFileSync(file, JSON.stringify(nb));
    const r = await runNotebook(file);
    assert.ok(r.ok, JSON.stringify(r.output.cells.map((c) => c.outputs)));
    const code = r.output.cells.filter((c) => c.cell_type === 'code');
    assert.deepEqual(code[0].outputs, [{ output_type: 'stream', name: 'stdout', text: ['2 agents, 3 goods\n'] }]);
    const saved = JSON.stringify(code.map((c) => c.outputs));
    assert.doesNotMatch(saved, /█|░|setup|step \d|progress/);
    assert.doesNotMatch(notebookToHtml(r.output, 'p'), /█|░/);
    assert.deepEqual(
      toNbOutputs(
        [
          { type: 'stream', name: 'stdout', text: 'a\n' },
          { type: 'progress', reporter: 'p1', label: 'x', fraction: 1, done: true },
          { type: 'stream', name: 'stdout', text: 'b\n' },
        ],
        1,
      ),
      [{ output_type: 'stream', name: 'stdout', text: ['a\n', 'b\n'] }],
    );
  });

  it('fairdiv run writes --out and --html and exits 0', async () => {
    const out = path.join(tmp, 'o.ipynb');
    const html = path.join(tmp, 'o.html');
    const c = await runMain(['run', FIXTURE, '--out', out, '--html', html]);
    assert.equal(c.code, 0, c.err);
    const nb = JSON.parse(fs.readFileSync(out, 'utf8')) as Notebook;
    assert.equal(nb.nbformat, 4);
    assert.equal(nb.cells.length, 5);
    assert.ok(fs.readFileSync(html, 'utf8').includes('fairdiv'));
    assert.match(c.out, /certificates passed/);
  });

  it('stops at the first failing cell and exits 1; bad input exits 2', async () => {
    const nb = JSON.parse(fs.readFileSync(FIXTURE, 'utf8')) as Notebook;
    nb.cells[2].source = "const rr = solve('round-robin', inst);\nthrow new Error('cell failed on purpose');";
    const bad = path.join(tmp, 'bad.ipynb');
    fs.writeFileSync(bad, JSON.stringify(nb));
    const c = await runMain(['run', bad, '--out', path.join(tmp, 'bad.out.ipynb')]);
    assert.equal(c.code, 1);
    assert.match(c.err, /cell failed on purpose/);
    const out = JSON.parse(fs.readFileSync(path.join(tmp, 'bad.out.ipynb'), 'utf8')) as Notebook;
    assert.equal(out.cells[2].outputs![0].output_type, 'error');
    assert.equal(out.cells[4].execution_count, null);
    assert.equal((await runMain(['run', path.join(tmp, 'missing.ipynb')])).code, 2);
  });
});
