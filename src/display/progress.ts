/**
 * `progress(label)`: progress reporting and cancellation for long computations in notebook cells.
 *
 * ```ts
 * const p = progress('MMS');
 * const r = mms(values, 7, { signal: p.signal, onProgress: (s) => p.update(Number(s.lower) / Number(s.upper), `${s.nodes} nodes`) });
 * p.done();
 *
 * const q = progress('simulation');
 * await simulateMechanism({ mechanism: 'ranking', dist: 'uniform:0,1', n: 3, ms: [10, 200], trials: 500, onProgress: q.update, signal: q.signal });
 * q.done();
 * ```
 *
 * * In fairdiv's own kernel (VS Code extension, `fairdiv run`): updates go to the host as `progress`
 *   messages (kernel/protocol.ts), shown as one progress bar per reporter that is replaced in place (and
 *   dropped from notebooks saved by `fairdiv run`). The `signal` aborts when the user interrupts the cell,
 *   so an awaited computation that honours it (`simulateMechanism`) stops cleanly and the kernel keeps its
 *   state. (A synchronous call such as `mms` blocks the kernel, so the interrupt reaches it as SIGINT, which
 *   breaks the cell's top-level code; its `signal` option matters once it runs asynchronously.)
 * * In plain Node: a throttled text bar on stderr (redrawn in place on a terminal). Under tslab: nothing.
 *   The `signal` then never aborts.
 *
 * Updates are throttled (at most about 10 per second); reporting never throws.
 */

/** Must equal `PROGRESS_HOOK` in kernel/protocol.ts (checked by test/kernel/hooks.test.ts). */
export const KERNEL_PROGRESS_HOOK = '__fairdivKernelProgress__';

/** A progress state sent to the kernel host. */
export interface ProgressState {
  /** In [0, 1]. */
  fraction: number;
  message?: string;
  done: boolean;
}

/** What the kernel's hook returns for a new reporter. */
interface KernelReporter {
  signal: AbortSignal;
  send(state: ProgressState): void;
}

/** A count-style progress value, e.g. `simulateMechanism`'s `{ done, total }`. */
export interface ProgressCount {
  readonly done: number;
  readonly total: number;
}

export interface ProgressReporter {
  /**
   * Reports progress: a fraction in [0, 1] (clamped) or a `{ done, total }` count, and an optional short
   * message. Bound to the reporter, so `onProgress: p.update` works where the callback gets `{ done, total }`.
   */
  update(fraction: number | ProgressCount, message?: string): void;
  /** Marks the computation finished (the bar is finalised); later updates are ignored. */
  done(): void;
  /** Aborts when the user interrupts the cell (fairdiv kernel only). Pass it to the computation. */
  readonly signal: AbortSignal;
}

const MIN_INTERVAL_MS = 100;
const PIPE_INTERVAL_MS = 2000;

function isTslab(): boolean {
  const t = (globalThis as { __tslab__?: unknown }).__tslab__;
  return typeof t === 'object' && t !== null;
}

function toFraction(x: number | ProgressCount): number {
  const f = typeof x === 'number' ? x : x && x.total > 0 ? x.done / x.total : 0;
  return Number.isFinite(f) ? Math.min(1, Math.max(0, f)) : 0;
}

/** `label  ███████░░░ 70%  message` (the text form of a progress state; the VS Code controller uses the same). */
export function progressText(label: string, fraction: number, message?: string, width = 10): string {
  const f = Number.isFinite(fraction) ? Math.min(1, Math.max(0, fraction)) : 0;
  const full = Math.round(f * width);
  const bar = '█'.repeat(full) + '░'.repeat(width - full);
  return `${label ? `${label}  ` : ''}${bar} ${Math.floor(f * 100)}%${message ? `  ${message}` : ''}`;
}

/** Creates a progress reporter (see the module comment). */
export function progress(label = ''): ProgressReporter {
  const name = String(label);
  let kernel: KernelReporter | null = null;
  try {
    const hook = (globalThis as Record<string, unknown>)[KERNEL_PROGRESS_HOOK];
    if (typeof hook === 'function') kernel = (hook as (label: string) => KernelReporter)(name);
  } catch {
    kernel = null;
  }
  const mode: 'kernel' | 'tty' | 'pipe' | 'silent' = kernel
    ? 'kernel'
    : isTslab() || typeof process === 'undefined' || !process.stderr
      ? 'silent'
      : process.stderr.isTTY
        ? 'tty'
        : 'pipe';
  const signal = kernel?.signal ?? new AbortController().signal;
  const interval = mode === 'pipe' ? PIPE_INTERVAL_MS : MIN_INTERVAL_MS;

  let state: ProgressState = { fraction: 0, done: false };
  let lastSent = 0;
  let dirty = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let finished = false;

  const emit = (): void => {
    dirty = false;
    lastSent = Date.now();
    try {
      if (mode === 'kernel') kernel!.send({ ...state });
      else if (mode === 'tty')
        process.stderr.write(`\r${progressText(name, state.fraction, state.message)}\x1b[K${state.done ? '\n' : ''}`);
      else if (mode === 'pipe') process.stderr.write(progressText(name, state.fraction, state.message) + '\n');
    } catch {
      // reporting must never break the computation
    }
  };
  const flushLater = (): void => {
    if (timer) return;
    timer = setTimeout(
      () => {
        timer = null;
        if (dirty && !finished) emit();
      },
      Math.max(0, interval - (Date.now() - lastSent)),
    );
    (timer as { unref?: () => void }).unref?.();
  };

  const update = (fraction: number | ProgressCount, message?: string): void => {
    if (finished || mode === 'silent') return;
    state = {
      fraction: toFraction(fraction),
      ...(message !== undefined ? { message: String(message) } : {}),
      done: false,
    };
    dirty = true;
    if (lastSent === 0 || Date.now() - lastSent >= interval) emit();
    else flushLater();
  };
  const done = (): void => {
    if (finished) return;
    finished = true;
    if (timer) clearTimeout(timer);
    timer = null;
    if (mode === 'silent') return;
    state = { ...state, done: true };
    emit();
  };
  return { update, done, signal };
}
