/** The kernel's inbox (kernel/executor.ts `hostMessageHandler`): one execution at a time, shutdown after the queue. */
import { strict as assert } from 'node:assert';
import { hostMessageHandler, type CellExecutor } from '../../kernel/executor';
import type { ExecuteRequest } from '../../kernel/protocol';

describe('kernel: executor inbox', () => {
  it('runs executions one at a time in arrival order, interrupts at once, and exits after the queued executions', async () => {
    const log: string[] = [];
    const executor = {
      async execute(req: ExecuteRequest) {
        log.push(`start ${req.id}`);
        await new Promise((r) => setTimeout(r, 20));
        log.push(`end ${req.id}`);
      },
      interrupt(id?: string) {
        log.push(`interrupt ${id}`);
      },
    } as unknown as CellExecutor;
    let exited: number | null = null;
    const exitedAll = new Promise<void>((resolve) => {
      const handle = hostMessageHandler(executor, (code) => {
        exited = code;
        log.push('exit');
        resolve();
      });
      handle({ type: 'execute', id: 'a', code: '1', language: 'typescript' });
      handle({ type: 'execute', id: 'b', code: '2', language: 'typescript' });
      handle({ type: 'interrupt', id: 'a' });
      handle({ type: 'shutdown' });
      handle(null);
      handle('noise');
    });
    await exitedAll;
    assert.equal(exited, 0);
    assert.deepEqual(log, ['interrupt a', 'start a', 'end a', 'start b', 'end b', 'exit']);
  });
});
