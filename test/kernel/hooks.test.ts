/** The kernel's global hooks (kernel/hooks.ts) and the library's side of them (src/display/show.ts, progress.ts). */
import { strict as assert } from 'node:assert';
import { Reporters } from '../../kernel/hooks';
import { DISPLAY_HOOK, PROGRESS_HOOK, type KernelMessage } from '../../kernel/protocol';
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

  it('progress reporters send clamped updates for their execution and abort when it is interrupted', () => {
    const sent: KernelMessage[] = [];
    const reporters = new Reporters((m) => sent.push(m));
    reporters.open('e1');
    const a = reporters.create('e1', 'MMS');
    const b = reporters.create('e1', 7);
    const outside = reporters.create('', 'none');
    a.send({ fraction: 1.5, message: 'half' });
    b.send({ fraction: 'x', done: 1 });
    outside.send({ fraction: 0.5 });
    assert.deepEqual(sent, [
      { type: 'progress', id: 'e1', reporter: 'p1', label: 'MMS', fraction: 1, message: 'half', done: false },
      { type: 'progress', id: 'e1', reporter: 'p2', label: '7', fraction: 0, done: true },
    ]);
    assert.equal(reporters.abort('e1'), 2);
    assert.deepEqual([a.signal.aborted, b.signal.aborted, outside.signal.aborted], [true, true, false]);
    assert.equal((a.signal.reason as DOMException).name, 'AbortError');
    reporters.close('e1');
    assert.equal(reporters.abort('e1'), 0);
  });
});
