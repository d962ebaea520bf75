/**
 * What the library reaches from inside cells: the global hooks `display(x)` (DISPLAY_HOOK) and
 * `progress(label)` (PROGRESS_HOOK) call (src/display/show.ts, src/display/progress.ts), and the display
 * messages they and the cells' results become.
 */
import type { Send } from './channel';
import { DISPLAY_HOOK, PROGRESS_HOOK, type DisplayMessage } from './protocol';
import { renderValue, type ToMimeBundle } from './render';

/** Sends a value's rich output to execution `id`; `result` marks the cell's last expression; `given` is a bundle the library already built. */
export type EmitDisplay = (id: string, value: unknown, result: boolean, given?: unknown) => void;

/** `EmitDisplay` over `send`, rendering with the library's `toMimeBundle` (looked up on first use). */
export function displayEmitter(send: Send, toMimeBundle: () => ToMimeBundle | null): EmitDisplay {
  return (id, value, result, given) => {
    if (!id) return;
    const r = renderValue(value, toMimeBundle, given);
    const m: DisplayMessage = { type: 'display', id, data: r.data, ...(r.kind ? { kind: r.kind } : {}), result };
    send(m);
  };
}

/** What `progress(label)` gets from the kernel: the reporter's abort signal and its sender. */
export interface KernelReporter {
  readonly signal: AbortSignal;
  send(state: { fraction?: unknown; message?: unknown; done?: unknown }): void;
}

/**
 * The progress reporters of the executions that have not ended: each sends `progress` messages for the
 * execution that created it, and its signal aborts when that execution is interrupted.
 */
export class Reporters {
  private readonly aborts = new Map<string, Set<AbortController>>();
  private seq = 0;

  constructor(private readonly send: Send) {}

  /** Starts tracking the reporters of execution `id`. */
  open(id: string): void {
    this.aborts.set(id, new Set());
  }

  /** Stops tracking execution `id` (it ended). */
  close(id: string): void {
    this.aborts.delete(id);
  }

  /** A reporter for execution `id` (`''` outside an execution: it sends nothing). */
  create(id: string, label: unknown): KernelReporter {
    const reporter = `p${++this.seq}`;
    const ac = new AbortController();
    this.aborts.get(id)?.add(ac);
    return {
      signal: ac.signal,
      send: (s) => {
        if (!id) return;
        const f = Number(s?.fraction);
        this.send({
          type: 'progress',
          id,
          reporter,
          label: String(label ?? ''),
          fraction: Number.isFinite(f) ? Math.min(1, Math.max(0, f)) : 0,
          ...(s?.message !== undefined ? { message: String(s.message) } : {}),
          done: Boolean(s?.done),
        });
      },
    };
  }

  /** Aborts the signals of execution `id`'s reporters; returns how many there were. */
  abort(id: string): number {
    const set = this.aborts.get(id);
    if (!set) return 0;
    for (const ac of set) {
      try {
        if (!ac.signal.aborted) ac.abort(new DOMException('The cell was interrupted', 'AbortError'));
      } catch {
        // a listener's error must not stop the interrupt
      }
    }
    return set.size;
  }
}

/** Installs the global hooks: `display(x)` and `progress(label)` report to the execution `currentId()` names. */
export function installHooks(currentId: () => string, emit: EmitDisplay, reporters: Reporters): void {
  Object.defineProperty(globalThis, DISPLAY_HOOK, {
    value: (value: unknown, bundle?: unknown) => emit(currentId(), value, false, bundle),
    enumerable: false,
    configurable: true,
    writable: true,
  });
  Object.defineProperty(globalThis, PROGRESS_HOOK, {
    value: (label: unknown) => reporters.create(currentId(), label),
    enumerable: false,
    configurable: true,
    writable: true,
  });
}
