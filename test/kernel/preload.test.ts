/** The kernel's start-up work (kernel/preload.ts): library, display code and the cell compiler, warmed before `ready`. */
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { KernelClient } from '../../kernel/client';
import type { ExecutionResult } from '../../kernel/protocol';
import { preloadKernel } from '../../kernel/preload';

const ROOT = path.join(__dirname, '..', '..');

function resultText(r: ExecutionResult): string | undefined {
  const d = r.outputs.find((o) => o.type === 'display' && o.result);
  return d && d.type === 'display' ? String(d.data['text/plain']) : undefined;
}

/** A cell that says whether the library is loaded already, without loading it. */
const LOADED = "require('node:module')._cache[require.resolve('fairdiv')] !== undefined";

describe('kernel: preload', function () {
  this.timeout(120000);
  it('loads the library, then its display code, and compiles its warm-up cell; a failing library is left to the cells', () => {
    const calls: string[] = [];
    assert.equal(
      preloadKernel(
        () => calls.push('library'),
        () => calls.push('display'),
      ),
      true,
    );
    assert.deepEqual(calls, ['library', 'display']);
    const failed = preloadKernel(
      () => {
        throw new Error('broken library');
      },
      () => calls.push('display again'),
    );
    assert.equal(failed, false);
    assert.deepEqual(calls, ['library', 'display'], 'no display lookup without a library');
  });
  it('a started kernel has the library loaded before its first cell and reports the time and CPU it took', async () => {
    const k = new KernelClient({ cwd: ROOT });
    try {
      const info = await k.start();
      assert.ok(typeof info.preloadMs === 'number' && info.preloadMs >= 0, JSON.stringify(info));
      assert.ok(typeof info.cpuMs === 'number' && info.cpuMs > 0, JSON.stringify(info));
      const r = await k.execute(LOADED);
      assert.equal(resultText(r), 'true');
      assert.ok(typeof r.cpuMs === 'number' && r.cpuMs >= 0 && r.cpuMs < info.cpuMs, `cell CPU ${r.cpuMs} ms`);
    } finally {
      await k.dispose();
    }
  });
  it('FAIRDIV_KERNEL_PRELOAD=0 starts without it: the library loads at the first import', async () => {
    const k = new KernelClient({ cwd: ROOT, env: { FAIRDIV_KERNEL_PRELOAD: '0' } });
    try {
      const info = await k.start();
      assert.equal(info.preloadMs, undefined);
      assert.equal(resultText(await k.execute(LOADED)), 'false');
      assert.equal(
        resultText(await k.execute("import { Rational } from 'fairdiv';\nRational.from('1/2').toString()")),
        "'1/2'",
      );
      assert.equal(resultText(await k.execute(LOADED)), 'true');
    } finally {
      await k.dispose();
    }
  });
});
