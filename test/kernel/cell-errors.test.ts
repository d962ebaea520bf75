/** Cell errors as the host shows them (kernel/cell-errors.ts): positions mapped to cell lines, kernel frames dropped. */
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { CellRegistry, runtimeErrorMessage, syntaxErrorMessage } from '../../kernel/cell-errors';
import { CellSyntaxError, compileCell } from '../../kernel/transform';

const KERNEL = path.join(__dirname, '..', '..', 'kernel');

describe('kernel: cell errors', () => {
  it("maps compiled-cell frames to the cell's lines and drops the kernel's own and Node's internal frames", () => {
    const cells = new CellRegistry();
    cells.register('cell 1', () => null);
    const file = cells.register('cell 2', (line, column) => (line > 1 ? { line: line - 1, column } : null));
    assert.equal(file, 'fairdiv-cell-2.js');
    const err = new TypeError('boom');
    err.stack = [
      'TypeError: boom',
      '    at wrapper (/nb/fairdiv-cell-2.js:1:5)',
      '    at g (/nb/fairdiv-cell-2.js:4:10)',
      `    at CellExecutor.run (${path.join(KERNEL, 'executor.ts')}:120:5)`,
      '    at Script.runInThisContext (node:vm:123:12)',
      '    at helper (/nb/lib.js:7:3)',
    ].join('\n');
    const m = runtimeErrorMessage('e1', err, cells, file, '/nb');
    assert.deepEqual(m, {
      type: 'error',
      id: 'e1',
      ename: 'TypeError',
      evalue: 'boom',
      traceback: [
        'TypeError: boom',
        '  at cell 2, line 3, column 10',
        '    at g (cell 2:3:10)',
        '    at helper (/nb/lib.js:7:3)',
      ],
      line: 3,
      column: 10,
      phase: 'runtime',
    });
  });

  it('reports a thrown non-error by its value, without a position', () => {
    const m = runtimeErrorMessage('e2', 'plain string', new CellRegistry(), null, '/nb');
    assert.deepEqual(
      [m.ename, m.evalue, m.traceback, m.line],
      ['Thrown', 'plain string', ['Thrown: plain string'], undefined],
    );
    assert.equal(runtimeErrorMessage('e3', { code: 7 }, new CellRegistry(), null, '/nb').evalue, '{ code: 7 }');
  });

  it('a syntax error names the cell, line and column (nothing ran)', () => {
    let e: unknown;
    try {
      compileCell('const a = 1;\nlet b = ;');
    } catch (x) {
      e = x;
    }
    assert.ok(e instanceof CellSyntaxError);
    const m = syntaxErrorMessage('e4', e, 'cell 5');
    assert.equal(m.phase, 'syntax');
    assert.deepEqual([m.line, m.column], [2, 9]);
    assert.equal(m.traceback[1], '  at cell 5, line 2, column 9');
  });
});
