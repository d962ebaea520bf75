/** The kernel's global hooks (kernel/hooks.ts) and the library's side of them (src/display/show.ts, progress.ts). */
import { strict as assert } from 'node:assert';
import { DISPLAY_HOOK, PROGRESS_HOOK } from '../../kernel/protocol';
import { KERNEL_DISPLAY_HOOK } from '../../src/display/show';
import { KERNEL_PROGRESS_HOOK, progress, progressText } from '../../src/display/progress';

describe('kernel: hooks', () => {
  it('uses the same display hook name as the library', () => {
    assert.equal(KERNEL_DISPLAY_HOOK, DISPLAY_HOOK);
  });
  it('uses the same progress hook name as the library; outside a kernel progress() never throws', () => {
    assert.equal(KERNEL_PROGRESS_HOOK, PROGRESS_HOOK);
    const written: string[] = [];
    const write = process.stderr.write;
    process.stderr.write = ((s: string) => written.push(String(s)) > 0) as typeof write;
    let p: ReturnType<typeof progress>;
    try {
      p = progress('plain');
      p.update(0.5, 'half');
      p.update({ done: 3, total: 4 });
      p.done();
      p.update(1);
    } finally {
      process.stderr.write = write;
    }
    assert.equal(p.signal.aborted, false);
    // non-TTY stderr: the first state, then (throttled) the final one
    assert.deepEqual(written, ['plain  █████░░░░░ 50%  half\n', 'plain  ████████░░ 75%\n']);
    assert.equal(progressText('MMS', 0.7, 'msg'), 'MMS  ███████░░░ 70%  msg');
  });
});
