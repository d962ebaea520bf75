/**
 * Kernel and runner faults of issue 16, each as it was reported: hostile thrown values, unhandled rejections,
 * late output, a cell printing 100k lines, stream merging, a cell blocked in execSync, malformed notebooks.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { KernelClient } from '../../kernel/client';
import { toNbOutputs, MAX_SAVED_STREAM_CHARS } from '../../kernel/nbformat';
import type { ExecutionResult, KernelOutput } from '../../kernel/protocol';
import { readNotebook, runNotebook } from '../../kernel/runner';
import { tempDir } from '../helpers/cli-process';

function stdout(r: ExecutionResult): string {
  return r.outputs.map((o) => (o.type === 'stream' ? o.text : '')).join('');
}
function resultText(r: ExecutionResult): string | undefined {
  const d = r.outputs.find((o) => o.type === 'display' && o.result);
  return d && d.type === 'display' ? (d.data['text/plain'] as string) : undefined;
}
function notebook(dir: string, sources: string[]): string {
  const file = path.join(dir, `nb-${Math.random().toString(36).slice(2)}.ipynb`);
  const cells = sources.map((source, k) => ({
    cell_type: 'code',
    id: `c${k}`,
    metadata: {},
    source,
    outputs: [],
    execution_count: null,
  }));
  fs.writeFileSync(
    file,
    JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: { language_info: { name: 'javascript' } }, cells }),
  );
  return file;
}

describe('kernel faults (issue 16)', function () {
  this.timeout(120_000);
  const dir = tempDir('fairdiv-kernel-faults-');
  let k: KernelClient;
  const js = { language: 'javascript' as const, timeoutMs: 20_000 };

  before(async () => {
    k = new KernelClient({ cwd: dir });
    await k.start();
  });
  after(async () => {
    await k.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const hostile: [string, string][] = [
    [
      'an Error whose message getter throws',
      "const e = new Error('x'); Object.defineProperty(e, 'message', { get() { throw new Error('getter') } }); throw e;",
    ],
    [
      'a Proxy whose every trap throws',
      'throw new Proxy({}, { get() { throw 1 }, has() { throw 1 }, getPrototypeOf() { throw 1 }, ownKeys() { throw 1 } })',
    ],
    [
      'an object whose custom inspector throws',
      "throw { [Symbol.for('nodejs.util.inspect.custom')]() { throw new Error('inspect') } }",
    ],
    [
      'an Error whose name and stack getters throw',
      "const e = new Error('y'); Object.defineProperty(e, 'name', { get() { throw 1 } }); Object.defineProperty(e, 'stack', { get() { throw 2 } }); throw e;",
    ],
  ];
  for (const [what, code] of hostile)
    it(`reports ${what} at once as the cell's error and keeps the kernel's state`, async () => {
      await k.execute('var kept = 41;', js);
      const start = Date.now();
      const r = await k.execute(code, js);
      assert.ok(Date.now() - start < 3_000, `took ${Date.now() - start} ms`);
      assert.equal(r.status, 'error');
      assert.equal(r.restarted, false);
      assert.ok(r.outputs.some((o) => o.type === 'error'));
      assert.equal(resultText(await k.execute('kept + 1', js)), '42');
    });

  it('shows a result whose inspector throws, not a wedged cell', async () => {
    const start = Date.now();
    const r = await k.execute("({ [Symbol.for('nodejs.util.inspect.custom')]() { throw new Error('no') } })", js);
    assert.ok(Date.now() - start < 3_000);
    assert.equal(r.status, 'ok');
    assert.equal(typeof resultText(r), 'string');
  });

  it('reports a promise the cell rejected without handling in that cell, as an error', async () => {
    const r = await k.execute("Promise.reject(new Error('late boom')); 1", js);
    assert.equal(r.status, 'error');
    assert.match(stdout(r), /Unhandled promise rejection: Error: late boom/);
  });

  it('sends output of a timer after its cell ended to that cell, not to the next one', async () => {
    const late: [string, KernelOutput][] = [];
    const onLate = (id: string, o: KernelOutput) => late.push([id, o]);
    k.on('lateOutput', onLate);
    const first = await k.execute("setTimeout(() => console.log('late line'), 30); 'set'", js);
    const second = await k.execute('await new Promise((r) => setTimeout(r, 200)); 2', js);
    k.off('lateOutput', onLate);
    assert.doesNotMatch(stdout(second), /late line/);
    assert.ok(
      late.some(([id, o]) => id === first.id && o.type === 'stream' && o.text.includes('late line')),
      JSON.stringify(late),
    );
  });

  it('runs a cell printing 100k lines in seconds and keeps the state', async () => {
    const start = Date.now();
    const r = await k.execute("for (let i = 0; i < 100000; i++) console.log('line ' + i); var after = 'kept';", {
      ...js,
      timeoutMs: 60_000,
    });
    const ms = Date.now() - start;
    assert.equal(r.status, 'ok');
    assert.ok(ms < 15_000, `took ${ms} ms`);
    const text = stdout(r);
    assert.ok(text.startsWith('line 0\n') && text.endsWith('line 99999\n'));
    assert.ok(r.outputs.length < 1_000, `${r.outputs.length} messages for 100k lines (not batched)`);
    assert.equal(resultText(await k.execute('after', js)), "'kept'");
  });

  it('interrupting a cell blocked in execSync stops its child process and keeps the state', async () => {
    const pidFile = path.join(dir, 'sleep.pid');
    await k.execute('var before = 7;', js);
    const r = await k.execute(`require('child_process').execSync("sh -c 'echo $$ > ${pidFile}; exec sleep 30'")`, {
      ...js,
      timeoutMs: 500,
    });
    assert.equal(r.status, 'interrupted', JSON.stringify(r.outputs));
    const pid = Number(fs.readFileSync(pidFile, 'utf8'));
    await new Promise((res) => setTimeout(res, 300));
    let alive = true;
    try {
      process.kill(pid, 0);
    } catch {
      alive = false;
    }
    if (alive) process.kill(pid, 'SIGKILL');
    assert.equal(alive, false, 'the child of the interrupted cell is still running');
    assert.equal(resultText(await k.execute('before', js)), '7');
  });
});

describe('runner faults (issue 16)', function () {
  this.timeout(120_000);
  const dir = tempDir('fairdiv-runner-faults-');
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('merges 40,000 stream chunks in linear time', () => {
    const outs: KernelOutput[] = Array.from({ length: 40_000 }, (_, i) => ({
      type: 'stream',
      name: 'stdout',
      text: `line ${i}\n`,
    }));
    const start = Date.now();
    const nb = toNbOutputs(outs, 1);
    assert.ok(Date.now() - start < 1_000, `took ${Date.now() - start} ms`);
    assert.equal(nb.length, 1);
    assert.equal((nb[0].text as string[]).length, 40_000);
  });

  it('caps a saved stream and summarizes the rest', () => {
    const outs: KernelOutput[] = Array.from({ length: 100_000 }, (_, i) => ({
      type: 'stream',
      name: 'stdout',
      text: `a longer line of output number ${i}\n`,
    }));
    const text = toNbOutputs(outs, 1)[0].text as string[];
    assert.ok(text.join('').length <= MAX_SAVED_STREAM_CHARS + 200);
    assert.match(text[text.length - 1], /more lines \(\d+ characters\) not saved/);
  });

  it('attaches late output to the cell that caused it in the saved notebook', async () => {
    const file = notebook(dir, [
      "setTimeout(() => console.log('from cell one'), 30); 1",
      'await new Promise((r) => setTimeout(r, 200)); 2',
    ]);
    const report = await runNotebook(file);
    const [one, two] = report.output.cells;
    assert.match(JSON.stringify(one.outputs), /from cell one/);
    assert.doesNotMatch(JSON.stringify(two.outputs), /from cell one/);
  });

  it('saves no outputs on cells of other types than code', async () => {
    const file = notebook(dir, ['1']);
    const nb = JSON.parse(fs.readFileSync(file, 'utf8'));
    nb.cells.push({
      cell_type: 'sql',
      metadata: {},
      source: 'x',
      outputs: [{ output_type: 'stream', name: 'stdout', text: 'STALE' }],
      execution_count: 3,
    });
    fs.writeFileSync(file, JSON.stringify(nb));
    const report = await runNotebook(file);
    assert.doesNotMatch(JSON.stringify(report.output.cells[1]), /STALE/);
  });

  for (const [what, cells] of [
    ['a null cell', [null]],
    ['a cell without a type', [{ source: 'x', metadata: {} }]],
    ['a cell whose source is a number', [{ cell_type: 'code', source: 5, metadata: {} }]],
    ['a cell whose outputs are not a list', [{ cell_type: 'code', source: '1', metadata: {}, outputs: 'x' }]],
  ] as [string, unknown[]][])
    it(`refuses a notebook with ${what}, naming the cell`, () => {
      const file = path.join(dir, 'bad.ipynb');
      fs.writeFileSync(file, JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells }));
      assert.throws(() => readNotebook(file), /cells\[0\]/);
    });
});
