/** The cell compiler (kernel/transform.ts). */
import { strict as assert } from 'node:assert';
import { compileCell } from '../../kernel/transform';

describe('kernel: cell compiler', () => {
  it('rewrites top-level declarations to persistent assignments and returns the last expression', () => {
    const c = compileCell(
      "import { a as b } from 'm';\nconst x: number = 1;\nlet { y } = { y: 2 };\nfunction f() { return 3 }\nclass K {}\nx + y",
    );
    assert.deepEqual([...c.names].sort(), ['K', 'b', 'f', 'x', 'y']);
    assert.equal(c.hasResult, true);
    assert.match(c.code, /^var /);
  });
  it('reports syntax errors with the cell line and column', () => {
    assert.throws(
      () => compileCell('const a = 1;\nlet b = ;'),
      (e: Error & { line: number; column: number }) => e.line === 2 && e.column === 9,
    );
  });
});
