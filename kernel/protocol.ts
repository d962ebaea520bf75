/**
 * The typed message protocol between a kernel host (the VS Code extension, the headless runner, tests)
 * and the kernel child process (kernel/main.ts), carried over Node's IPC channel (`child_process.fork`,
 * `serialization: 'advanced'`).
 *
 * Host -> kernel: `execute` (one cell), `interrupt`, `shutdown`. Interrupting is staged: the host first sends
 * `interrupt` (the kernel aborts the signals of the running cell's `progress()` reporters, waits briefly for
 * the cell to stop on its own, then abandons its pending await; state is kept); if no `done` arrives soon
 * (the kernel is busy in synchronous code and cannot read messages), the host sends SIGINT (breaks a
 * synchronous loop inside the cell's top-level code) and, if still no `done` arrives within a grace period,
 * kills and re-forks the child (state is then lost; the host says so).
 *
 * Kernel -> host: `ready` once after start; for each execute, any number of `stream` / `display` / `error` /
 * `progress` messages, then exactly one `done` with the same `id`. Output produced after `done` (timers,
 * promises) is attributed to the most recent execution id.
 */

/** A MIME bundle: MIME type -> value (JSON object for `+json` types, string for text types). */
export type MimeBundle = Record<string, unknown>;

export type CellLanguage = 'typescript' | 'javascript';

export interface ExecuteRequest {
  readonly type: 'execute';
  /** Host-chosen id, echoed on every message of this execution. */
  readonly id: string;
  readonly code: string;
  readonly language: CellLanguage;
  /** Used in stack traces and error locations, e.g. "cell 3". */
  readonly cellName?: string;
}

export interface ShutdownRequest {
  readonly type: 'shutdown';
}

/** Stop the running cell cooperatively (abort its progress signals), see the module comment. */
export interface InterruptRequest {
  readonly type: 'interrupt';
  /** The execution to interrupt; ignored when another one is running. */
  readonly id?: string;
}

export type HostMessage = ExecuteRequest | InterruptRequest | ShutdownRequest;

export interface ReadyMessage {
  readonly type: 'ready';
  readonly pid: number;
  readonly node: string;
  readonly typescript: string;
  /** The module that `import ... from 'fairdiv'` resolves to. */
  readonly library: string;
  /** Milliseconds spent before `ready` loading the library and warming the cell compiler (kernel/preload.ts). */
  readonly preloadMs?: number;
  /** CPU milliseconds the kernel process spent from its start to `ready`. */
  readonly cpuMs?: number;
}

export interface StreamMessage {
  readonly type: 'stream';
  readonly id: string;
  readonly name: 'stdout' | 'stderr';
  readonly text: string;
}

export interface DisplayMessage {
  readonly type: 'display';
  readonly id: string;
  /** `[application/vnd.fairdiv.<kind>+json, text/html, text/plain]` for library values; text/plain else. */
  readonly data: MimeBundle;
  /** The display kind (e.g. "allocation"), when the value came from the library. */
  readonly kind?: string;
  /** True for the value of the cell's last expression (nbformat `execute_result`). */
  readonly result: boolean;
}

export interface ErrorMessage {
  readonly type: 'error';
  readonly id: string;
  readonly ename: string;
  readonly evalue: string;
  /** Human-readable lines: the message, then "at <cell> line L, column C" and user frames. */
  readonly traceback: string[];
  /** 1-based position in the cell's source, when known. */
  readonly line?: number;
  readonly column?: number;
  /** 'syntax' for transpile errors (nothing ran), 'runtime' otherwise. */
  readonly phase: 'syntax' | 'runtime';
}

/**
 * A progress update from a `progress(label)` reporter (src/display/progress.ts). Hosts show one replaceable
 * output per `reporter`; saved notebooks (the runner) drop them.
 */
export interface ProgressMessage {
  readonly type: 'progress';
  /** The execution that created the reporter. */
  readonly id: string;
  /** Kernel-unique reporter id, e.g. "p3". */
  readonly reporter: string;
  readonly label: string;
  /** In [0, 1]. */
  readonly fraction: number;
  readonly message?: string;
  /** True once, on the reporter's `done()`. */
  readonly done: boolean;
}

export type ExecutionStatus = 'ok' | 'error' | 'interrupted';

export interface DoneMessage {
  readonly type: 'done';
  readonly id: string;
  readonly status: ExecutionStatus;
  readonly durationMs: number;
  /** CPU milliseconds the kernel process spent on the execution (all its threads). */
  readonly cpuMs?: number;
}

export type KernelMessage =
  ReadyMessage | StreamMessage | DisplayMessage | ErrorMessage | ProgressMessage | DoneMessage;

/**
 * Outputs as the host records them for one execution (same shapes as the messages, minus routing). A
 * reporter's `progress` outputs are coalesced in `ExecutionResult.outputs` (one entry, latest state, at the
 * position of the first update); `onOutput` sees every update.
 */
export type KernelOutput =
  | { readonly type: 'stream'; readonly name: 'stdout' | 'stderr'; readonly text: string }
  | { readonly type: 'display'; readonly data: MimeBundle; readonly kind?: string; readonly result: boolean }
  | {
      readonly type: 'progress';
      readonly reporter: string;
      readonly label: string;
      readonly fraction: number;
      readonly message?: string;
      readonly done: boolean;
    }
  | {
      readonly type: 'error';
      readonly ename: string;
      readonly evalue: string;
      readonly traceback: string[];
      readonly line?: number;
      readonly column?: number;
      readonly phase: 'syntax' | 'runtime' | 'kernel';
    };

/**
 * How one execution ended, as seen by the host: the kernel's statuses plus `crashed` (the child exited
 * while running the cell) and `cancelled` (queued behind a cell that was interrupted or crashed).
 */
export type ExecutionOutcome = ExecutionStatus | 'crashed' | 'cancelled';

export interface ExecutionResult {
  readonly id: string;
  readonly status: ExecutionOutcome;
  readonly outputs: KernelOutput[];
  readonly durationMs: number;
  /** The kernel's CPU milliseconds for the execution, when it reported them. */
  readonly cpuMs?: number;
  /** True when the host killed and re-forked the kernel to end this execution (all state lost). */
  readonly restarted: boolean;
}

/** Name of the global hook the kernel installs for `display(x)` / `show(x)` (src/display/show.ts). */
export const DISPLAY_HOOK = '__fairdivKernelDisplay__';

/** Name of the global hook the kernel installs for `progress(label)` (src/display/progress.ts). */
export const PROGRESS_HOOK = '__fairdivKernelProgress__';

export function isKernelMessage(m: unknown): m is KernelMessage {
  return (
    typeof m === 'object' &&
    m !== null &&
    typeof (m as { type?: unknown }).type === 'string' &&
    ['ready', 'stream', 'display', 'error', 'progress', 'done'].includes((m as { type: string }).type)
  );
}
