/**
 * The kernel protocol end to end: a real child process (kernel/main.ts through the TypeScript hook),
 * driven by KernelClient (kernel/client.ts).
 */
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { KernelClient } from '../../kernel/client';
import type { ExecutionResult, KernelOutput } from '../../kernel/protocol';

const ROOT = path.join(__dirname, '..', '..');

function text(r: ExecutionResult, name: 'stdout' | 'stderr' = 'stdout'): string {
  return r.outputs
    .filter((o): o is Extract<KernelOutput, { type: 'stream' }> => o.type === 'stream' && o.name === name)
    .map((o) => o.text)
    .join('');
}
function displays(r: ExecutionResult): Extract<KernelOutput, { type: 'display' }>[] {
  return r.outputs.filter((o): o is Extract<KernelOutput, { type: 'display' }> => o.type === 'display');
}
function resultText(r: ExecutionResult): string | undefined {
  const d = displays(r).find((o) => o.result);
  return d ? String(d.data['text/plain']) : undefined;
}
function errorOf(r: ExecutionResult): Extract<KernelOutput, { type: 'error' }> {
  const e = r.outputs.find((o): o is Extract<KernelOutput, { type: 'error' }> => o.type === 'error');
  assert.ok(e, `expected an error output, got ${JSON.stringify(r.outputs)}`);
  return e;
}

type ProgressOut = Extract<KernelOutput, { type: 'progress' }>;
const isProgress = (o: KernelOutput): o is ProgressOut => o.type === 'progress';

describe('kernel: protocol', function () {
  this.timeout(60000);
  let k: KernelClient;
  before(async () => {
    k = new KernelClient({ cwd: ROOT });
    const info = await k.start();
    assert.ok(info.pid > 0);
    assert.match(info.typescript, /^5\.9\./);
  });
  after(async () => {
    await k.dispose();
  });

  it('keeps declarations across cells (const, let, function, class, import)', async () => {
    const r1 = await k.execute(
      "const base: number = 40;\nlet counter = 0;\nfunction inc(): number { return ++counter; }\nclass Box { constructor(readonly v: number) {} }\nimport { Rational } from 'fairdiv';",
    );
    assert.equal(r1.status, 'ok', JSON.stringify(r1.outputs));
    const r2 = await k.execute('inc(); inc();\nnew Box(base + counter).v');
    assert.equal(resultText(r2), '42');
    const r3 = await k.execute("Rational.from('1/3').add(Rational.from('1/6')).toString()");
    assert.equal(resultText(r3), "'1/2'");
    // re-running a cell that declares `const` is allowed (notebooks re-run cells)
    const r4 = await k.execute('const base = 1; base');
    assert.equal(resultText(r4), '1');
  });

  it('supports top-level await and streams console output while the cell runs', async () => {
    const seen: { t: number; o: KernelOutput }[] = [];
    const t0 = Date.now();
    const r = await k.execute(
      "console.log('first');\nawait new Promise((r) => setTimeout(r, 300));\nconsole.error('second');\nconst late = await Promise.resolve(7);\nlate * 6",
      {
        onOutput: (o) => seen.push({ t: Date.now() - t0, o }),
      },
    );
    assert.equal(r.status, 'ok');
    assert.equal(text(r), 'first\n');
    assert.equal(text(r, 'stderr'), 'second\n');
    assert.equal(resultText(r), '42');
    const first = seen.find((s) => s.o.type === 'stream' && s.o.text === 'first\n');
    assert.ok(first && first.t < r.durationMs - 200, 'stdout arrived before the cell finished');
  });

  it('reports runtime errors with the cell line and column (TypeScript source positions)', async () => {
    const r = await k.execute(
      'interface P { x: number }\ntype Q = P;\nfunction g(p: P): string {\n  return (p as any).missing.name;\n}\ng({ x: 1 });',
      { cellName: 'cell 7' },
    );
    assert.equal(r.status, 'error');
    const e = errorOf(r);
    assert.equal(e.ename, 'TypeError');
    assert.equal(e.line, 4);
    assert.equal(e.column, 29);
    assert.ok(
      e.traceback.some((l) => l.includes('cell 7, line 4, column 29')),
      e.traceback.join('\n'),
    );
    const s = await k.execute('const ok = ;', { cellName: 'cell 8' });
    assert.equal(s.status, 'error');
    assert.equal(errorOf(s).phase, 'syntax');
    assert.equal(errorOf(s).line, 1);
    const t = await k.execute("throw new RangeError('boom')");
    assert.equal(errorOf(t).ename, 'RangeError');
    assert.equal(errorOf(t).evalue, 'boom');
  });

  it('shows library values as one rich output [custom JSON, text/html, text/plain], display() too', async () => {
    const r = await k.execute(
      "import { instance, solve, certify } from 'fairdiv';\nimport { display } from 'fairdiv/src/display/show';\n" +
        "const out = solve('round-robin', instance([[3, 1, 2], [1, 3, 2]]));\ndisplay(certify(out));\nout",
    );
    assert.equal(r.status, 'ok', JSON.stringify(r.outputs));
    const ds = displays(r);
    assert.equal(ds.length, 2);
    assert.equal(ds[0].result, false);
    assert.equal(ds[0].kind, 'certificate');
    assert.deepEqual(Object.keys(ds[0].data), ['application/vnd.fairdiv.certificate+json', 'text/html', 'text/plain']);
    assert.equal(ds[1].result, true);
    assert.equal(ds[1].kind, 'allocation');
    assert.deepEqual(Object.keys(ds[1].data), ['application/vnd.fairdiv.allocation+json', 'text/html', 'text/plain']);
    assert.equal(typeof ds[1].data['application/vnd.fairdiv.allocation+json'], 'object');
    const plain = await k.execute("({ a: 1, b: 'x' })");
    assert.deepEqual(Object.keys(displays(plain)[0].data), ['text/plain']);
    const none = await k.execute('const nothing = undefined; nothing');
    assert.equal(displays(none).length, 0);
  });

  it('sends progress messages for progress(label) reporters, throttled, coalesced in the result', async () => {
    const seen: KernelOutput[] = [];
    const r = await k.execute(
      "import { progress } from 'fairdiv';\nconst p = progress('work');\n" +
        'for (let i = 1; i <= 5; i++) {\n  p.update(i / 5, `step ${i}`);\n  await new Promise((r) => setTimeout(r, 120));\n}\n' +
        "for (let i = 0; i < 1000; i++) p.update(0.99);\np.done();\n'finished'",
      { onOutput: (o) => seen.push(o) },
    );
    assert.equal(r.status, 'ok', JSON.stringify(r.outputs));
    assert.equal(resultText(r), "'finished'");
    const ps = seen.filter(isProgress);
    assert.ok(ps.length >= 5 && ps.length < 20, `${ps.length} progress messages (throttled)`);
    assert.equal(new Set(ps.map((p) => p.reporter)).size, 1);
    assert.ok(ps.every((p) => p.label === 'work'));
    assert.deepEqual(
      ps.slice(0, 5).map((p) => [p.fraction, p.message]),
      [1, 2, 3, 4, 5].map((i) => [i / 5, `step ${i}`]),
    );
    assert.equal(ps.filter((p) => p.done).length, 1);
    assert.deepEqual(ps[ps.length - 1], {
      type: 'progress',
      reporter: ps[0].reporter,
      label: 'work',
      fraction: 0.99,
      done: true,
    });
    // one entry per reporter in the recorded outputs: its final state
    const recorded = r.outputs.filter(isProgress);
    assert.equal(recorded.length, 1);
    assert.equal(recorded[0].done, true);
  });

  it('interrupting an await whose computation honours p.signal stops it promptly and keeps the state', async () => {
    await k.execute('const survivor = 11;');
    const seen: KernelOutput[] = [];
    const p = k.execute(
      "import { progress, simulateMechanism } from 'fairdiv';\nconst bar = progress('simulation');\nlet stoppedBy = 'not stopped';\n" +
        "try {\n  await simulateMechanism({ mechanism: 'ranking', dist: 'uniform:0,1', n: 3, ms: [40], trials: 10_000_000, onProgress: bar.update, signal: bar.signal });\n" +
        '} catch (e) {\n  stoppedBy = (e as Error).message;\n  throw e;\n} finally {\n  bar.done();\n}',
      { onOutput: (o) => seen.push(o) },
    );
    // interrupt once the simulation is running (progress has arrived)
    const t0 = Date.now();
    while (!seen.some(isProgress) && Date.now() - t0 < 10000) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 200));
    const t1 = Date.now();
    const restarted = await k.interrupt();
    const r = await p;
    const elapsed = Date.now() - t1;
    assert.equal(restarted, false);
    assert.equal(r.status, 'interrupted');
    assert.equal(r.restarted, false);
    assert.ok(elapsed < 1000, `interrupt took ${elapsed} ms`);
    assert.equal(errorOf(r).ename, 'Interrupted');
    const ps = seen.filter(isProgress);
    assert.ok(ps.length >= 1 && ps.every((x) => x.label === 'simulation' && x.fraction < 0.5));
    // the computation itself stopped (its abort error reached the cell), and the state is kept
    assert.match(resultText(await k.execute('stoppedBy'))!, /aborted after \d+ of 10000000 trials/);
    assert.equal(resultText(await k.execute('survivor')), '11');
    assert.equal(resultText(await k.execute('bar.signal.aborted')), 'true');
  });

  it('interrupts a synchronous infinite loop within 2 s and stays usable (restarted)', async () => {
    await k.execute('const before = 1;');
    const t0 = Date.now();
    const p = k.execute('while (true) {}');
    setTimeout(() => void k.interrupt(), 200);
    const r = await p;
    const elapsed = Date.now() - t0 - 200;
    assert.equal(r.status, 'interrupted');
    assert.ok(elapsed < 2000, `interrupt took ${elapsed} ms`);
    const after = await k.execute('1 + 1');
    assert.equal(resultText(after), '2');
    if (r.restarted) assert.equal(resultText(await k.execute('typeof before')), "'undefined'");
  });

  it('interrupts an await without losing state', async () => {
    await k.execute('const kept = 5;');
    const p = k.execute('await new Promise(() => {})');
    setTimeout(() => void k.interrupt(), 200);
    const r = await p;
    assert.equal(r.status, 'interrupted');
    assert.equal(r.restarted, false);
    assert.equal(resultText(await k.execute('kept')), '5');
  });

  it('interrupts a loop that runs after an await (kill and re-fork) within 2 s', async () => {
    const t0 = Date.now();
    const p = k.execute('await new Promise((r) => setTimeout(r, 50));\nfor (;;) {}');
    setTimeout(() => void k.interrupt(), 300);
    const r = await p;
    assert.equal(r.status, 'interrupted');
    assert.equal(r.restarted, true);
    assert.ok(Date.now() - t0 - 300 < 2000);
    assert.equal(errorOf(r).ename, 'Interrupted');
    assert.equal(resultText(await k.execute("'alive'")), "'alive'");
  });

  it('restart clears the state and the kernel is usable again', async () => {
    await k.execute('const gone = 1;');
    const pid = k.pid;
    await k.restart();
    assert.notEqual(k.pid, pid);
    assert.equal(resultText(await k.execute('typeof gone')), "'undefined'");
  });

  it('reports a crashed kernel, keeps the outputs of finished cells, and restarts', async () => {
    const done = await k.execute("console.log('kept output'); 3");
    let crash: { code: number | null } | null = null;
    k.once('crash', (c) => (crash = c));
    const r = await k.execute("console.log('before crash');\nprocess.exit(7)");
    assert.equal(r.status, 'crashed');
    assert.equal(text(r), 'before crash\n');
    assert.equal(errorOf(r).ename, 'KernelCrashed');
    assert.deepEqual(crash && (crash as { code: number | null }).code, 7);
    assert.equal(k.state, 'dead');
    assert.equal(text(done), 'kept output\n');
    assert.equal(resultText(done), '3');
    // the next execution starts a fresh kernel
    assert.equal(resultText(await k.execute('2 * 21')), '42');
    // and an explicit restart works after a crash too
    await k.execute('process.kill(process.pid, "SIGKILL")');
    await k.restart();
    assert.equal(resultText(await k.execute("'back'")), "'back'");
  });

  it('cancels queued cells when a running cell is interrupted', async () => {
    const a = k.execute('while (true) {}');
    const b = k.execute("'never'");
    setTimeout(() => void k.interrupt(), 100);
    assert.equal((await a).status, 'interrupted');
    assert.equal((await b).status, 'cancelled');
  });
});

describe('kernel: bundled for the extension (dist/kernel.js + dist/fairdiv.js)', function () {
  this.timeout(120000);
  it('runs cells with the library from a folder without node_modules', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { run } = require('../helpers/build') as typeof import('../helpers/build');
    const b = await run(process.execPath, [path.join(ROOT, 'scripts', 'build-extension.mjs')]);
    assert.equal(b.code, 0, b.stderr);
    const os = await import('node:os');
    const k = new KernelClient({
      cwd: os.tmpdir(),
      kernelPath: path.join(ROOT, 'dist', 'kernel.js'),
      library: path.join(ROOT, 'dist', 'fairdiv.js'),
    });
    try {
      const info = await k.start();
      assert.equal(info.library, path.join(ROOT, 'dist', 'fairdiv.js'));
      const r = await k.execute(
        "import { instance, solve, certify, display } from 'fairdiv';\nconst o = solve('round-robin', instance([[2, 1], [1, 2]]));\ndisplay(o);\ncertify(o)",
      );
      assert.equal(r.status, 'ok', JSON.stringify(r.outputs));
      assert.deepEqual(
        displays(r).map((d) => d.kind),
        ['allocation', 'certificate'],
      );
    } finally {
      await k.dispose();
    }
  });
});
