/** Where cells' `import ... from 'fairdiv'` resolves (kernel/library.ts). */
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { libraryPath } from '../../kernel/library';

describe('kernel: library', () => {
  it('loads FAIRDIV_LIBRARY when set (resolved), else the library next to the kernel', () => {
    assert.equal(libraryPath({ FAIRDIV_LIBRARY: 'dist/fairdiv.js' }), path.resolve('dist/fairdiv.js'));
    assert.equal(libraryPath({}), path.join(__dirname, '..', '..', 'src', 'index.ts'));
  });
});
