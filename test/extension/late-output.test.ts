/**
 * Output that arrives after its cell finished (src/extension/late-output.ts), against the stub `vscode` module:
 * a timer's print and an unhandled rejection are shown on the cell that caused them with its summary kept, never on
 * the cell running at the time; a cell that ran again, was deleted or whose notebook closed shows nothing old.
 */
import { strict as assert } from 'node:assert';
import type { KernelOutput } from '../../kernel/protocol';
import { late, notebook, stubVscodeSuite, textOf, vscode } from '../helpers/vscode-host';

const STDOUT = 'application/vnd.code.notebook.stdout';
const STDERR = 'application/vnd.code.notebook.stderr';

const { LateOutputRouter } = late;

const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('extension: late output (stub vscode)', function () {
  this.timeout(60000);
  const activate = stubVscodeSuite();

  it('shows a timer print and an unhandled rejection on the cell that caused them, not on the running cell', async () => {
    const { controller, kernel: k } = activate();
    const nb = notebook(
      [
        [2, "setTimeout(() => { console.log('late line'); Promise.reject(new Error('late boom')); }, 150);\n'first'"],
        [2, "await new Promise((r) => setTimeout(r, 600));\n'second'"],
      ],
      { fairdiv: { version: 1 } },
      'late.ipynb',
    );
    await k.executeHandler(nb.cells, nb, k);
    await controller.sessionOf(nb as never).lateOutput.settled();
    const [c1, c2] = nb.cells;
    assert.equal(textOf(c2, 'text/plain'), "'second'");
    assert.equal(c2.outputs.length, 1, 'nothing of cell 1 on cell 2');
    assert.equal(textOf(c1, 'text/plain'), "'first'", 'the cell keeps its own outputs');
    assert.equal(textOf(c1, STDOUT), 'late line\n');
    assert.match(textOf(c1, STDERR), /Unhandled promise rejection: Error: late boom/);
    const [run1, , late] = k.executions;
    assert.equal(k.executions.length, 3, 'one short execution showed both late outputs');
    assert.equal(late.cell, c1);
    assert.deepEqual(
      [late.executionOrder, late.started, late.ended],
      [1, run1.started, run1.ended],
      'the late execution repeats the run’s order, clock and success',
    );
    assert.deepEqual(c1.executionSummary, { executionOrder: 1, success: true });
    await controller.close(nb as never);
  });

  it('drops the late output of a run once its cell ran again', async () => {
    const { controller, kernel: k } = activate();
    const nb = notebook(
      [
        [
          2,
          "globalThis.runs = (globalThis.runs ?? 0) + 1;\nconst mine = globalThis.runs;\nsetTimeout(() => console.log('late from run ' + mine), 300);\nmine",
        ],
      ],
      { fairdiv: { version: 1 } },
      'rerun.ipynb',
    );
    await k.executeHandler(nb.cells, nb, k);
    await k.executeHandler(nb.cells, nb, k);
    await delay(500);
    await controller.sessionOf(nb as never).lateOutput.settled();
    assert.equal(textOf(nb.cells[0], 'text/plain'), '2');
    assert.equal(textOf(nb.cells[0], STDOUT), 'late from run 2\n');
    assert.deepEqual(nb.cells[0].executionSummary, { executionOrder: 2, success: true });
    await controller.close(nb as never);
  });

  it('joins a burst of stream chunks into one output and keeps a failed run failed', async () => {
    const c = vscode.notebooks.createNotebookController('t', 'jupyter-notebook', 't');
    const nb = notebook([[2, 'x']], {}, 'unit.ipynb');
    const cell = nb.cells[0];
    const router = new LateOutputRouter(c as never);
    const out = (text: string, name: 'stdout' | 'stderr' = 'stdout'): KernelOutput => ({ type: 'stream', name, text });
    router.route('e1', out('early '));
    router.finished('e1', { cell: cell as never, executionOrder: 4, success: false, startedAt: 10, endedAt: 20 });
    router.route('e1', out('a\n'));
    router.route('e1', out('b\n', 'stderr'));
    router.route('e1', out('c\n', 'stderr'));
    router.route('e9', out('of a run no cell recorded'));
    await router.settled();
    assert.deepEqual(
      cell.outputs.map((o) => o.items.map((i) => [i.mime, i.textValue])),
      [[[STDOUT, 'early a\n']], [[STDERR, 'b\nc\n']]],
    );
    assert.deepEqual(cell.executionSummary, { executionOrder: 4, success: false });
    assert.equal(c.executions.length, 1);
  });

  it('shows nothing on a deleted cell or a cell it cannot execute, and never throws', async () => {
    const c = vscode.notebooks.createNotebookController('t', 'jupyter-notebook', 't');
    const nb = notebook(
      [
        [2, 'x'],
        [2, 'y'],
      ],
      {},
      'gone.ipynb',
    );
    const [deleted, busy] = nb.cells;
    const router = new LateOutputRouter(c as never);
    const run = { executionOrder: 1, success: true, startedAt: 1, endedAt: 2 };
    router.finished('e1', { ...run, cell: deleted as never });
    router.finished('e2', { ...run, cell: busy as never });
    deleted.index = -1;
    const other = c.createNotebookCellExecution(busy);
    router.route('e1', { type: 'stream', name: 'stdout', text: 'lost' });
    router.route('e2', { type: 'stream', name: 'stdout', text: 'lost' });
    await router.settled();
    assert.deepEqual([deleted.outputs, busy.outputs], [[], []]);
    assert.deepEqual(c.executions, [other]);
  });
});
