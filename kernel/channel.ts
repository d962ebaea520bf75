/**
 * The kernel's side of the IPC channel and its standard streams: messages to the host, and everything the
 * cells write to stdout / stderr forwarded to the current execution as `stream` messages.
 */
import type { KernelMessage } from './protocol';

export type Send = (m: KernelMessage) => void;

/**
 * `send` over the process's IPC channel; never throws (a message that cannot be sent is reported on `report`,
 * the real stderr, since the patched one would try to send again).
 */
export function ipcSender(proc: NodeJS.Process, report: (text: string) => void): Send {
  return (m) => {
    try {
      proc.send!(m);
    } catch (e) {
      report(`fairdiv kernel: cannot send ${m.type}: ${(e as Error).message}\n`);
    }
  };
}

/**
 * Replaces `process.stdout.write` and `process.stderr.write`: each chunk becomes a `stream` message of the
 * execution `currentId()` names (dropped when none is running).
 */
export function captureStdio(send: Send, currentId: () => string): void {
  for (const name of ['stdout', 'stderr'] as const) {
    const stream = process[name];
    stream.write = ((chunk: unknown, enc?: unknown, cb?: unknown): boolean => {
      const text =
        typeof chunk === 'string'
          ? chunk
          : Buffer.from(chunk as Uint8Array).toString(typeof enc === 'string' ? (enc as BufferEncoding) : 'utf8');
      const id = currentId();
      if (id) send({ type: 'stream', id, name, text });
      const callback = typeof enc === 'function' ? enc : cb;
      if (typeof callback === 'function') process.nextTick(callback as () => void);
      return true;
    }) as typeof stream.write;
  }
}
