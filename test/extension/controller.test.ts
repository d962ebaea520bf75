/**
 * The notebook controller (src/extension/controller.ts) against the stub `vscode` module: affinity only for
 * marked notebooks, sequential execution with execution order and outputs from a real kernel child process,
 * interrupt, restart, progress bars, and one session per open notebook, released when it closes.
 */
import { strict as assert } from 'node:assert';
import {
  ctl,
  itemsOf,
  markedNotebook,
  notebook,
  outputs,
  stubVscodeSuite,
  textOf,
  vscode,
} from '../helpers/vscode-host';

/** True while a process with this id exists. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Waits until `ok()` holds (or the timeout passes). */
async function until(ok: () => boolean, ms = 5000): Promise<void> {
  const t0 = Date.now();
  while (!ok() && Date.now() - t0 < ms) await new Promise((r) => setTimeout(r, 20));
}

describe('extension: controller (stub vscode)', function () {
  this.timeout(60000);
  const activate = stubVscodeSuite();

  it('sets Preferred affinity only for notebooks carrying metadata.fairdiv, never globally', () => {
    const { kernel: k } = activate();
    const plainTs = notebook([[2, '1']], { kernelspec: { name: 'tslab', language: 'typescript' } }, 'plain.ipynb');
    const python = notebook([[2, '1']], { kernelspec: { name: 'python3' } }, 'py.ipynb');
    const ours = markedNotebook();
    const legacy = notebook([[2, '1']], { custom: { metadata: { fairdiv: { version: 1 } } } }, 'legacy.ipynb');
    for (const nb of [plainTs, python, ours, legacy]) vscode.__state.onOpen.fire(nb);
    assert.equal(k.affinities.get(ours.uri.toString()), vscode.NotebookControllerAffinity.Preferred);
    assert.equal(k.affinities.get(legacy.uri.toString()), vscode.NotebookControllerAffinity.Preferred);
    assert.equal(k.affinities.has(plainTs.uri.toString()), false);
    assert.equal(k.affinities.has(python.uri.toString()), false);
    assert.equal(k.affinities.size, 2);
    assert.equal(ctl.isFairdivNotebook({ notebookType: 'interactive', metadata: { fairdiv: {} } }), false);
  });

  it('executes cells sequentially with execution order and maps outputs (stream, rich bundle, error)', async () => {
    const { controller, kernel: k } = activate();
    const nb = notebook(
      [
        [vscode.NotebookCellKind.Markup, '# title'],
        [
          vscode.NotebookCellKind.Code,
          "import { instance, solve } from 'fairdiv';\nconsole.log('a'); console.log('b');\nconst n: number = 2;",
        ],
        [vscode.NotebookCellKind.Code, "solve('round-robin', instance([[3, 1], [1, 3]]))"],
        [vscode.NotebookCellKind.Code, 'n * 21'],
        [vscode.NotebookCellKind.Code, 'null.x'],
        [vscode.NotebookCellKind.Code, "'not reached'"],
      ],
      { fairdiv: { version: 1 } },
    );
    await k.executeHandler(nb.cells, nb, k);
    const [, c1, c2, c3, c4, c5] = nb.cells;
    assert.deepEqual(
      k.executions.map((e) => e.executionOrder),
      [1, 2, 3, 4],
    );
    assert.deepEqual(
      k.executions.map((e) => e.ended?.success),
      [true, true, true, false],
    );
    assert.ok(
      k.executions.every((e, i) => i === 0 || e.started! >= k.executions[i - 1].ended!.at!),
      'sequential',
    );
    // consecutive stdout chunks are one output (the kernel batches stream writes, so 'a' and 'b' arrive as one or two items)
    assert.equal(itemsOf(c1).length, 1);
    assert.ok(
      itemsOf(c1)[0].length >= 1 && itemsOf(c1)[0].every((mime) => mime === 'application/vnd.code.notebook.stdout'),
    );
    assert.equal(textOf(c1, 'application/vnd.code.notebook.stdout'), 'a\nb\n');
    assert.deepEqual(itemsOf(c2), [['application/vnd.fairdiv.allocation+json', 'text/html', 'text/plain']]);
    assert.deepEqual(c2.outputs[0].metadata, { outputType: 'execute_result', executionCount: 2 });
    const payload = JSON.parse(textOf(c2, 'application/vnd.fairdiv.allocation+json'));
    assert.equal(payload.kind, 'allocation');
    assert.equal(textOf(c3, 'text/plain'), '42');
    assert.deepEqual(itemsOf(c4), [['application/vnd.code.notebook.error']]);
    const err = JSON.parse(textOf(c4, 'application/vnd.code.notebook.error'));
    assert.equal(err.name, 'TypeError');
    assert.match(err.stack, /cell 5, line 1/);
    assert.deepEqual(c5.outputs, [], 'cells after a failing one are not run');
    await controller.close(nb as never);
  });

  it('interrupts a running infinite loop within 2 s and restarts the kernel on command', async () => {
    const { controller, kernel: k } = activate();
    const nb = notebook(
      [
        [2, 'const keep = 1;'],
        [2, 'while (true) {}'],
        [2, 'keep'],
      ],
      { fairdiv: { version: 1 } },
    );
    await k.executeHandler([nb.cells[0]], nb, k);
    const t0 = Date.now();
    const run = k.executeHandler([nb.cells[1], nb.cells[2]], nb, k) as Promise<void>;
    setTimeout(() => void k.interruptHandler!(nb), 300);
    await run;
    assert.ok(Date.now() - t0 < 2300, `took ${Date.now() - t0} ms`);
    assert.equal(k.executions[1].ended?.success, false);
    assert.equal(k.executions.length, 2, 'the queued cell was dropped');
    assert.match(textOf(nb.cells[1], 'application/vnd.code.notebook.error'), /Interrupted/);
    // restart via the command clears state and execution order
    vscode.__state.activeNotebookEditor = { notebook: nb };
    await k.executeHandler([nb.cells[0]], nb, k);
    await vscode.commands.executeCommand('fairdiv.restartKernel');
    assert.match(vscode.__state.messages.join('\n'), /restarted/);
    await k.executeHandler([nb.cells[2]], nb, k);
    assert.match(textOf(nb.cells[2], 'application/vnd.code.notebook.error'), /keep is not defined/);
    assert.equal(k.executions[k.executions.length - 1].executionOrder, 1);
    await controller.close(nb as never);
  });

  it('shows progress(label) as one output per reporter, replaced in place, finalised when done', async () => {
    const { controller, kernel: k } = activate();
    const nb = notebook(
      [
        [
          2,
          "import { progress } from 'fairdiv';\nconsole.log('before');\nconst p = progress('MMS');\nfor (let i = 1; i <= 4; i++) {\n  p.update(i / 4, `round ${i}`);\n  await new Promise((r) => setTimeout(r, 150));\n}\np.done();\nconsole.log('after');",
        ],
      ],
      { fairdiv: { version: 1 } },
    );
    await k.executeHandler(nb.cells, nb, k);
    const exec = k.executions[0];
    assert.equal(exec.ended?.success, true);
    const cell = nb.cells[0];
    assert.deepEqual(itemsOf(cell), [
      ['application/vnd.code.notebook.stdout'],
      ['text/plain'],
      ['application/vnd.code.notebook.stdout'],
    ]);
    const bar = cell.outputs[1];
    assert.deepEqual(bar.metadata, {
      outputType: 'display_data',
      fairdivProgress: (bar.metadata as { fairdivProgress: string }).fairdivProgress,
    });
    assert.equal(bar.items[0].textValue, 'MMS  ██████████ 100%  round 4');
    assert.ok(exec.replacedItems.length >= 3, `${exec.replacedItems.length} replacements`);
    assert.ok(
      exec.replacedItems.every((x) => x.output === bar),
      'always the same output, replaced in place',
    );
    assert.ok(exec.replacedItems.some((x) => x.items[0].textValue === 'MMS  █████░░░░░ 50%  round 2'));
    assert.equal(
      outputs.progressLine({
        type: 'progress',
        reporter: 'p1',
        label: 'MMS',
        fraction: 0.7,
        message: 'message',
        done: false,
      }),
      'MMS  ███████░░░ 70%  message',
    );
    await controller.close(nb as never);
  });

  it('keeps one session per open notebook and releases it, with its kernel process, when the notebook closes', async () => {
    const { controller, kernel: k } = activate();
    const a = notebook(
      [
        [2, 'const x = 20;'],
        [2, 'x + 1'],
      ],
      { fairdiv: { version: 1 } },
      'a.ipynb',
    );
    const b = notebook(
      [[2, "await new Promise((r) => setTimeout(r, 50)); 'b'"]],
      { fairdiv: { version: 1 } },
      'b.ipynb',
    );
    const py = notebook([[2, '1']], { kernelspec: { name: 'python3' } }, 'py.ipynb');
    const other = vscode.__notebook(
      vscode.Uri.file('/tmp/other.interactive'),
      new vscode.NotebookData([]),
      'interactive',
    );
    for (const nb of [a, b, py, other]) vscode.__state.onOpen.fire(nb);
    assert.equal(controller.sessionCount, 3, 'a session per jupyter notebook, none for other notebook types');
    await k.executeHandler(a.cells, a, k);
    await k.executeHandler(b.cells, b, k);
    await k.interruptHandler!(b);
    await controller.restart(a as never);
    assert.equal(textOf(a.cells[1], 'text/plain'), '21');
    const sessions = [a, b, py].map((nb) => controller.sessionOf(nb as never));
    const kernels = sessions.map((s) => s.kernel);
    assert.equal(kernels[2], null, 'no kernel for a notebook that never ran');
    const pids = kernels.slice(0, 2).map((x) => x!.pid!);
    assert.ok(pids.every(alive));
    for (const nb of [a, b, py, other]) vscode.__state.onClose.fire(nb);
    assert.equal(controller.sessionCount, 0, 'nothing retained after close');
    await until(() => pids.every((p) => !alive(p)));
    assert.deepEqual(pids.map(alive), [false, false], 'kernel processes stopped');
    assert.ok(sessions.every((s) => s.isDisposed && s.kernel === null));
    assert.deepEqual(
      kernels.slice(0, 2).map((x) => x!.state),
      ['disposed', 'disposed'],
    );
  });

  it('closing a notebook while a cell runs stops its kernel, drops the queued cells and keeps nothing', async () => {
    const { controller, kernel: k } = activate();
    const nb = notebook(
      [
        [2, 'await new Promise((r) => setTimeout(r, 5000));'],
        [2, "'not reached'"],
      ],
      { fairdiv: { version: 1 } },
      'closing.ipynb',
    );
    vscode.__state.onOpen.fire(nb);
    const session = controller.sessionOf(nb as never);
    const run = k.executeHandler(nb.cells, nb, k) as Promise<void>;
    await until(() => session.kernel?.state === 'busy');
    const kernel = session.kernel!;
    const pid = kernel.pid!;
    vscode.__state.onClose.fire(nb);
    await run;
    assert.equal(controller.sessionCount, 0);
    assert.equal(k.executions.length, 1, 'the queued cell never started');
    assert.equal(k.executions[0].ended?.success, false);
    assert.deepEqual(nb.cells[1].outputs, []);
    await until(() => !alive(pid));
    assert.equal(alive(pid), false);
    assert.equal(kernel.state, 'disposed');
    assert.equal(session.kernel, null);
  });
});
