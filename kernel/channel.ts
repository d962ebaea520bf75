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

/** Characters of stream text gathered into one message at most. */
const BATCH_CHARS = 64 * 1024;
/** Characters of one execution's stream text sent at most; the rest is counted and summarized. */
export const MAX_STREAM_CHARS_PER_EXECUTION = 16 * 1024 * 1024;

/**
 * Stream output in batches: consecutive chunks of one execution and stream become one `stream` message, sent
 * when the batch is full, when anything else is sent (so the order of outputs is kept), or on the next turn of
 * the event loop. [DECISION] One IPC message per `console.log` capped a cell at a few thousand lines a second
 * and lost the output and state of a cell printing 100k lines (issue 16); batching makes it one message per
 * 64 KB. Beyond MAX_STREAM_CHARS_PER_EXECUTION an execution's text is dropped and summarized in one line.
 */
export function streamBatcher(send: Send): {
  send: Send;
  stream: (id: string, name: 'stdout' | 'stderr', text: string) => void;
  /** Sends the pending batch now (on exit: `process.exit` in a cell must not lose what it printed). */
  flush: () => void;
} {
  let batch: { id: string; name: 'stdout' | 'stderr'; parts: string[]; size: number } | null = null;
  let scheduled = false;
  const sent = new Map<string, { chars: number; dropped: number; droppedLines: number }>();
  const flush = () => {
    if (!batch) return;
    const b = batch;
    batch = null;
    send({ type: 'stream', id: b.id, name: b.name, text: b.parts.join('') });
  };
  const summarize = (id: string) => {
    const s = sent.get(id);
    sent.delete(id);
    if (s && s.dropped > 0)
      send({
        type: 'stream',
        id,
        name: 'stderr',
        text: `\n[fairdiv kernel: ${s.droppedLines} more lines (${s.dropped} characters) of output not kept]\n`,
      });
  };
  return {
    flush,
    send: (m) => {
      flush();
      if (m.type === 'done') summarize(m.id);
      send(m);
    },
    stream: (id, name, text) => {
      const s = sent.get(id) ?? { chars: 0, dropped: 0, droppedLines: 0 };
      sent.set(id, s);
      if (s.chars + text.length > MAX_STREAM_CHARS_PER_EXECUTION) {
        s.dropped += text.length;
        s.droppedLines += (text.match(/\n/g) ?? []).length;
        return;
      }
      s.chars += text.length;
      if (batch && (batch.id !== id || batch.name !== name)) flush();
      batch ??= { id, name, parts: [], size: 0 };
      batch.parts.push(text);
      batch.size += text.length;
      if (batch.size >= BATCH_CHARS) flush();
      else if (!scheduled) {
        scheduled = true;
        setImmediate(() => {
          scheduled = false;
          flush();
        });
      }
    },
  };
}

/**
 * Replaces `process.stdout.write` and `process.stderr.write`: each chunk goes to `stream` for the execution
 * `currentId()` names (dropped when none is running).
 */
export function captureStdio(
  stream: (id: string, name: 'stdout' | 'stderr', text: string) => void,
  currentId: () => string,
): void {
  for (const name of ['stdout', 'stderr'] as const) {
    const out = process[name];
    out.write = ((chunk: unknown, enc?: unknown, cb?: unknown): boolean => {
      const text =
        typeof chunk === 'string'
          ? chunk
          : Buffer.from(chunk as Uint8Array).toString(typeof enc === 'string' ? (enc as BufferEncoding) : 'utf8');
      const id = currentId();
      if (id) stream(id, name, text);
      const callback = typeof enc === 'function' ? enc : cb;
      if (typeof callback === 'function') process.nextTick(callback as () => void);
      return true;
    }) as typeof out.write;
  }
}
