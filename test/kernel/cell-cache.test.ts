/** Compiled cells kept by source (kernel/cell-cache.ts): a cell run again is not transpiled again. */
import { strict as assert } from 'node:assert';
import { CompiledCellCache } from '../../kernel/cell-cache';
import { CellSyntaxError } from '../../kernel/transform';

describe('kernel: compiled cell cache', () => {
  it('returns the same compilation for the same source and language, and a separate one per language', () => {
    const cache = new CompiledCellCache();
    const a = cache.compile('const x: number = 1;\nx + 1');
    assert.equal(cache.compile('const x: number = 1;\nx + 1'), a);
    assert.deepEqual(a.names, ['x']);
    assert.equal(a.hasResult, true);
    const ts = cache.compile('const x = 1;\nx + 1');
    const js = cache.compile('const x = 1;\nx + 1', 'javascript');
    assert.notEqual(js, ts);
    assert.equal(cache.compile('const x = 1;\nx + 1', 'javascript'), js);
    assert.equal(cache.compile('const x: number = 1;\nx + 1 ', 'typescript') === a, false, 'another source');
    assert.equal(cache.size, 4);
  });
  it('keeps the most recently used cells up to its capacity and never keeps a cell that does not compile', () => {
    const cache = new CompiledCellCache(2);
    const one = cache.compile('1');
    cache.compile('2');
    assert.equal(cache.compile('1'), one, 'used again: now the most recent');
    cache.compile('3');
    assert.equal(cache.size, 2);
    assert.equal(cache.compile('1'), one, '2 was the least recently used, so 1 stayed');
    assert.throws(() => cache.compile('let b = ;'), CellSyntaxError);
    assert.throws(() => cache.compile('let b = ;'), CellSyntaxError);
    assert.equal(cache.size, 2);
  });
});
