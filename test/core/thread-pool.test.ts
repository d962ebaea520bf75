/** Locating a worker thread's script beside its module, in a checkout, the built package and the extension bundle. */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FairDivError } from '../../src/core/errors';
import { workerScript } from '../../src/core/thread-pool';

describe('thread pool: worker scripts', () => {
  it('finds name.ts beside a TypeScript module, name.js or the bundled name beside a JavaScript one, else says which', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fairdiv-pool-'));
    try {
      const touch = (f: string) => fs.writeFileSync(path.join(dir, f), '');
      assert.throws(
        () => workerScript(path.join(dir, 'simulation.js'), 'simulation-worker', 'bundled-worker'),
        (e: unknown) =>
          e instanceof FairDivError &&
          e.code === 'no-worker-script' &&
          /simulation-worker\.js or bundled-worker\.js/.test(e.message),
      );
      touch('bundled-worker.js');
      assert.equal(
        workerScript(path.join(dir, 'fairdiv.js'), 'w', 'bundled-worker'),
        path.join(dir, 'bundled-worker.js'),
      );
      touch('w.js');
      assert.equal(workerScript(path.join(dir, 'm.js'), 'w', 'bundled-worker'), path.join(dir, 'w.js'));
      assert.throws(() => workerScript(path.join(dir, 'm.ts'), 'w', 'bundled-worker'), /w\.ts/);
      touch('w.ts');
      assert.equal(workerScript(path.join(dir, 'm.ts'), 'w', 'bundled-worker'), path.join(dir, 'w.ts'));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
