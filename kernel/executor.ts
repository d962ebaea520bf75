/**
 * Running cells in the kernel process: compile (kernel/transform.ts), run with `vm` in this context (so
 * declarations persist across cells), send the result's display, errors and one `done` per execution, and
 * stop a cell on the host's interrupt.
 *
 * Interrupts are staged (kernel/protocol.ts): the `interrupt` message, read while the cell awaits, aborts the
 * signals of the cell's `progress()` reporters, gives a computation that honours them a moment to stop
 * cleanly, then abandons the cell's await (state kept); SIGINT breaks the cell's synchronous top-level code
 * (`breakOnSigint`), or abandons the await when it arrives while the cell awaits.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { describeThrown, runtimeErrorMessage, syntaxErrorMessage, type CellRegistry } from './cell-errors';
import type { Send } from './channel';
import type { EmitDisplay, Reporters } from './hooks';
import type { CellLanguage, ExecuteRequest, ExecutionStatus, HostMessage } from './protocol';
import { CellSyntaxError, compileCell, type CompiledCell } from './transform';

/** How long an interrupted cell with progress reporters may take to stop on its own (ms). */
const ABORT_GRACE_MS = 200;

interface RunningCell {
  id: string;
  /** Ends the cell's pending await as `interrupted`. */
  settle: () => void;
  /** Set once an interrupt arrived: however the cell then ends, it ends `interrupted`. */
  interrupted: boolean;
}

export interface ExecutorContext {
  send: Send;
  /** The notebook's folder: compiled cells get file names there, so dynamic import() resolves from it. */
  cwd: string;
  cells: CellRegistry;
  reporters: Reporters;
  emit: EmitDisplay;
  /** The cell compiler (default `compileCell`; the kernel passes its cache's). */
  compile?: (source: string, language?: CellLanguage) => CompiledCell;
}

export class CellExecutor {
  private current = '';
  private running: RunningCell | null = null;
  /** The execution whose code is running, carried into its timers and promises. */
  private readonly origin = new AsyncLocalStorage<string>();

  constructor(private readonly ctx: ExecutorContext) {}

  /**
   * The execution that output belongs to: the cell whose code (or timer, or promise callback) is running, so
   * that late output goes to the cell that caused it; else the most recent execution; '' before the first.
   */
  get currentId(): string {
    return this.origin.getStore() ?? this.current;
  }

  /** Runs one cell to its `done` message, which is sent however the cell and its reporting end. */
  async execute(req: ExecuteRequest): Promise<void> {
    const t0 = Date.now();
    const cpu0 = process.cpuUsage();
    let status: ExecutionStatus = 'error';
    this.active = req.id;
    try {
      status = await this.executeCell(req);
      // one turn of the event loop, so that a promise the cell rejected without handling is reported in the cell
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (this.strayErrors.delete(req.id) && status === 'ok') status = 'error';
    } catch (e) {
      this.ctx.send({
        type: 'stream',
        id: req.id,
        name: 'stderr',
        text: `fairdiv kernel: ${describeThrown(e).evalue}\n`,
      });
    }
    this.active = '';
    const cpu = process.cpuUsage(cpu0);
    this.ctx.send({
      type: 'done',
      id: req.id,
      status,
      durationMs: Date.now() - t0,
      cpuMs: (cpu.user + cpu.system) / 1000,
    });
  }

  /** The execution between its `execute` and its `done`. */
  private active = '';

  /** Executions that had an unhandled rejection or uncaught exception before their `done`. */
  private readonly strayErrors = new Set<string>();

  /** Runs one cell; returns its status (the caller sends `done`). */
  private async executeCell(req: ExecuteRequest): Promise<ExecutionStatus> {
    const { send, reporters } = this.ctx;
    this.current = req.id;
    const compiled = this.compile(req);
    if (!compiled) return 'error';
    const file = this.ctx.cells.register(req.cellName ?? 'cell', compiled.mapPosition);
    reporters.open(req.id);
    let status: ExecutionStatus = 'ok';
    let cell!: RunningCell;
    const interrupted = new Promise<'interrupted'>((resolve) => {
      cell = { id: req.id, settle: () => resolve('interrupted'), interrupted: false };
      this.running = cell;
    });
    try {
      const value = await Promise.race([this.origin.run(req.id, () => this.run(compiled, file)), interrupted]);
      if (cell.interrupted || (value === 'interrupted' && this.running === null)) status = 'interrupted';
      else if (compiled.hasResult && value !== undefined) this.showResult(req.id, value);
    } catch (e) {
      if (cell.interrupted || brokenBySigint(e)) {
        // after an interrupt, the computation's own abort error is the expected way to stop
        status = 'interrupted';
      } else {
        status = 'error';
        send(runtimeErrorMessage(req.id, e, this.ctx.cells, file, this.ctx.cwd));
      }
    } finally {
      this.running = null;
      if (status === 'interrupted') reporters.abort(req.id);
      reporters.close(req.id);
    }
    if (status === 'interrupted') {
      const evalue = 'execution interrupted; the kernel state is kept';
      send({
        type: 'error',
        id: req.id,
        ename: 'Interrupted',
        evalue,
        traceback: [`Interrupted: ${evalue}`],
        phase: 'runtime',
      });
    }
    return status;
  }

  /** The cell's result; a value that cannot be displayed is said so instead of ending the kernel's turn. */
  private showResult(id: string, value: unknown): void {
    try {
      this.ctx.emit(id, value, true);
    } catch (e) {
      this.ctx.send({
        type: 'display',
        id,
        data: { 'text/plain': `(the result cannot be displayed: ${describeThrown(e).evalue})` },
        result: true,
      });
    }
  }

  /** The compiled cell, or null after sending its error (nothing ran). */
  private compile(req: ExecuteRequest): CompiledCell | null {
    try {
      return (this.ctx.compile ?? compileCell)(req.code, req.language);
    } catch (e) {
      if (e instanceof CellSyntaxError) this.ctx.send(syntaxErrorMessage(req.id, e, req.cellName ?? 'cell'));
      else this.ctx.send(runtimeErrorMessage(req.id, e, this.ctx.cells, null, this.ctx.cwd));
      return null;
    }
  }

  /** Runs compiled code in this context, as the file `file` of the notebook's folder. */
  private run(compiled: CompiledCell, file: string): Promise<unknown> {
    // A real path in the notebook's folder, so that dynamic import() resolves from there.
    const dynamicImport = (vm as unknown as { constants?: { USE_MAIN_CONTEXT_DEFAULT_LOADER?: symbol } }).constants
      ?.USE_MAIN_CONTEXT_DEFAULT_LOADER;
    const script = new vm.Script(compiled.code, {
      filename: path.join(this.ctx.cwd, file),
      lineOffset: -1,
      ...(dynamicImport ? { importModuleDynamically: dynamicImport as never } : {}),
    });
    return script.runInThisContext({ breakOnSigint: true, displayErrors: false }) as Promise<unknown>;
  }

  /** Abandons the running cell's pending await (state kept). */
  private abandon(r: RunningCell): void {
    if (this.running !== r) return;
    this.running = null;
    r.settle();
  }

  /**
   * The host's `interrupt` message (read only while the event loop is free, i.e. the cell is awaiting): abort
   * the cell's progress signals first, give a computation that honours them a moment to stop cleanly, then
   * abandon the await.
   */
  interrupt(id?: string): void {
    const r = this.running;
    if (!r || (id && r.id !== id) || r.interrupted) return;
    r.interrupted = true;
    const n = this.ctx.reporters.abort(r.id);
    if (n === 0) this.abandon(r);
    else setTimeout(() => this.abandon(r), ABORT_GRACE_MS);
  }

  /** SIGINT reached the process while the cell awaits (the event loop is free): abort its signals, abandon the await. */
  sigint(): void {
    const r = this.running;
    if (!r) return;
    r.interrupted = true;
    this.ctx.reporters.abort(r.id);
    this.abandon(r);
  }

  /** An error outside any cell's control flow (an unhandled rejection, an uncaught exception): on stderr of the current execution. */
  reportStray(what: string, err: unknown): void {
    const id = this.currentId;
    if (!id) return;
    if (id === this.active) this.strayErrors.add(id);
    const m = runtimeErrorMessage(id, err, this.ctx.cells, null, this.ctx.cwd);
    this.ctx.send({ type: 'stream', id, name: 'stderr', text: `${what}: ${m.traceback.join('\n')}\n` });
  }
}

/**
 * Whether a cell's error comes from the interrupt's SIGINT: V8 stopping the script, or a blocking call whose child
 * process the signal killed (execSync throws `signal: 'SIGINT'`). The signal reaches the kernel's process group only
 * on an interrupt, and such a cell throws before the interrupt message or the signal handler has had a turn.
 */
function brokenBySigint(e: unknown): boolean {
  if (/Script execution was interrupted by `SIGINT`/.test(describeThrown(e).evalue)) return true;
  try {
    return typeof e === 'object' && e !== null && (e as { signal?: unknown }).signal === 'SIGINT';
  } catch {
    return false;
  }
}

/**
 * The kernel's inbox: executions run one at a time in arrival order, an interrupt reaches the running cell
 * at once, and a shutdown waits for the queued executions before `exit`.
 */
export function hostMessageHandler(executor: CellExecutor, exit: (code: number) => void): (m: unknown) => void {
  let queue: Promise<void> = Promise.resolve();
  return (m) => {
    if (!m || typeof m !== 'object') return;
    const msg = m as HostMessage;
    if (msg.type === 'execute') queue = queue.then(() => executor.execute(msg));
    else if (msg.type === 'interrupt') executor.interrupt(msg.id);
    else if (msg.type === 'shutdown') void queue.then(() => exit(0));
  };
}
