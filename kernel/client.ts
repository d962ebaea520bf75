/**
 * KernelClient: the host side of the kernel protocol, used by the VS Code extension and the headless
 * runner. Forks kernel/main (dist/kernel/main.js, or the TypeScript source through scripts/register.cjs
 * in a development checkout, or an explicit `kernelPath` such as the extension's bundled kernel).
 *
 * * `execute(code)` queues a cell (one at a time) and resolves with its outputs and status.
 * * `interrupt()` first sends an `interrupt` message (the kernel aborts the cell's `progress()` signals and
 *   abandons its await; state kept); if the cell has not ended after `abortGraceMs` (synchronous code), it
 *   sends SIGINT; if the cell has still not ended after `interruptGraceMs` (a synchronous loop outside the
 *   cell's top-level code), the child is killed and re-forked: status `interrupted`, `restarted: true`,
 *   state lost (said in the outputs). Queued cells are cancelled.
 * * A child that exits on its own is reported (`crash` event; the running cell ends `crashed` with an
 *   error output, queued cells `cancelled`); the next `execute` or `restart()` starts a fresh kernel.
 *   Outputs of finished cells are never touched.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  isKernelMessage,
  type CellLanguage,
  type ExecutionOutcome,
  type ExecutionResult,
  type KernelMessage,
  type KernelOutput,
  type ReadyMessage,
} from './protocol';

export interface KernelClientOptions {
  /** Working directory of the kernel (the notebook's folder); default process.cwd(). */
  cwd?: string;
  /** Kernel entry; default: the sibling main.js, else main.ts with the TypeScript require hook. */
  kernelPath?: string;
  /** Executable; default process.execPath (VS Code: Electron with ELECTRON_RUN_AS_NODE=1). */
  execPath?: string;
  execArgv?: string[];
  /** Module that `import ... from 'fairdiv'` loads (FAIRDIV_LIBRARY); default chosen by the kernel. */
  library?: string;
  env?: NodeJS.ProcessEnv;
  /** How long an interrupt waits after the `interrupt` message before sending SIGINT (ms, default 150). */
  abortGraceMs?: number;
  /** How long an interrupt waits after SIGINT for the cell to stop before killing the kernel (ms, default 800). */
  interruptGraceMs?: number;
  /** How long to wait for the kernel's `ready` (ms, default 30000). */
  startTimeoutMs?: number;
}

export interface ExecuteOptions {
  language?: CellLanguage;
  /** Shown in error locations and stack traces, e.g. "cell 3". */
  cellName?: string;
  /** Called for each output as it arrives. */
  onOutput?: (output: KernelOutput) => void;
  /** Interrupts the cell after this many ms. */
  timeoutMs?: number;
}

export type KernelState = 'stopped' | 'starting' | 'idle' | 'busy' | 'dead' | 'disposed';

interface Running {
  id: string;
  outputs: KernelOutput[];
  onOutput?: (o: KernelOutput) => void;
  t0: number;
  resolve: (r: ExecutionResult) => void;
  restarted: boolean;
}

export function defaultKernelEntry(): { kernelPath: string; execArgv: string[] } {
  const js = path.join(__dirname, 'main.js');
  if (fs.existsSync(js) && path.extname(__filename) === '.js') return { kernelPath: js, execArgv: [] };
  const tsPath = path.join(__dirname, 'main.ts');
  const register = path.join(__dirname, '..', 'scripts', 'register.cjs');
  if (fs.existsSync(tsPath) && fs.existsSync(register)) return { kernelPath: tsPath, execArgv: ['-r', register] };
  return { kernelPath: js, execArgv: [] };
}

export class KernelClient extends EventEmitter {
  private child: ChildProcess | null = null;
  private readyInfo: ReadyMessage | null = null;
  private starting: Promise<ReadyMessage> | null = null;
  private running: Running | null = null;
  private tail: Promise<unknown> = Promise.resolve();
  private epoch = 0;
  private seq = 0;
  private lastId = '';
  private expectedExit = new WeakSet<ChildProcess>();
  private _state: KernelState = 'stopped';

  constructor(readonly options: KernelClientOptions = {}) {
    super();
  }

  get state(): KernelState {
    return this._state;
  }
  get info(): ReadyMessage | null {
    return this.readyInfo;
  }
  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Starts the kernel (no-op when running); resolves with its `ready` message. */
  start(): Promise<ReadyMessage> {
    if (this._state === 'disposed') return Promise.reject(new Error('kernel client disposed'));
    if (this.child && this.readyInfo) return Promise.resolve(this.readyInfo);
    if (this.starting) return this.starting;
    this._state = 'starting';
    const entry = defaultKernelEntry();
    const kernelPath = this.options.kernelPath ?? entry.kernelPath;
    const execArgv = this.options.execArgv ?? (this.options.kernelPath ? [] : entry.execArgv);
    const env: NodeJS.ProcessEnv = { ...process.env, ...this.options.env, ELECTRON_RUN_AS_NODE: '1' };
    if (this.options.library) env.FAIRDIV_LIBRARY = this.options.library;
    const child = fork(kernelPath, [], {
      cwd: this.options.cwd ?? process.cwd(),
      execPath: this.options.execPath ?? process.execPath,
      execArgv,
      env,
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      serialization: 'advanced',
      // its own process group, so that an interrupt or a kill reaches the processes a cell started too
      // (a cell blocked in execSync left its child running after the kernel was killed)
      detached: GROUPS,
    });
    this.child = child;
    this.readyInfo = null;
    const timeoutMs = this.options.startTimeoutMs ?? 30000;
    this.starting = new Promise<ReadyMessage>((resolve, reject) => {
      let raw = '';
      const timer = setTimeout(() => {
        fail(new Error(`kernel did not start within ${timeoutMs} ms${raw ? `: ${raw.trim()}` : ''}`));
        this.kill(child);
      }, timeoutMs);
      const fail = (e: Error) => {
        clearTimeout(timer);
        this.starting = null;
        if (this.child === child) {
          this.child = null;
          this._state = 'dead';
        }
        reject(e);
      };
      child.stderr?.on('data', (d: Buffer) => {
        if (!this.readyInfo) raw += d.toString();
      });
      child.on('message', (m: unknown) => {
        if (!isKernelMessage(m)) return;
        if (m.type === 'ready' && !this.readyInfo && this.child === child) {
          clearTimeout(timer);
          this.readyInfo = m;
          this.starting = null;
          this._state = this.running ? 'busy' : 'idle';
          resolve(m);
          this.emit('ready', m);
          return;
        }
        this.onMessage(m);
      });
      child.on('error', (e) => {
        if (!this.readyInfo) fail(e);
      });
      child.on('exit', (code, signal) => {
        if (!this.readyInfo && this.child === child) {
          fail(new Error(`kernel exited during start (code ${code}, signal ${signal})${raw ? `: ${raw.trim()}` : ''}`));
          return;
        }
        this.onExit(child, code, signal);
      });
      // Raw output of the child that bypassed the kernel's capture (native code, subprocesses).
      child.stdout?.on('data', (d: Buffer) => this.rawOutput('stdout', d.toString()));
      child.stderr?.on('data', (d: Buffer) => {
        if (this.readyInfo) this.rawOutput('stderr', d.toString());
      });
    });
    return this.starting;
  }

  /** Queues a cell; resolves when it has finished (never rejects for user errors). */
  execute(code: string, opts: ExecuteOptions = {}): Promise<ExecutionResult> {
    const epoch = this.epoch;
    const run = async (): Promise<ExecutionResult> => {
      const id = `e${++this.seq}`;
      if (epoch !== this.epoch || this._state === 'disposed') {
        return { id, status: 'cancelled', outputs: [], durationMs: 0, restarted: false };
      }
      try {
        await this.start();
      } catch (e) {
        const out: KernelOutput = {
          type: 'error',
          ename: 'KernelStartError',
          evalue: (e as Error).message,
          traceback: [(e as Error).message],
          phase: 'kernel',
        };
        opts.onOutput?.(out);
        return { id, status: 'crashed', outputs: [out], durationMs: 0, restarted: false };
      }
      return new Promise<ExecutionResult>((resolve) => {
        const r: Running = { id, outputs: [], onOutput: opts.onOutput, t0: Date.now(), resolve, restarted: false };
        this.running = r;
        this.lastId = id;
        this._state = 'busy';
        let timer: NodeJS.Timeout | undefined;
        if (opts.timeoutMs) {
          timer = setTimeout(() => {
            if (this.running === r) {
              this.pushOutput(r, {
                type: 'stream',
                name: 'stderr',
                text: `Timed out after ${opts.timeoutMs} ms; interrupting.\n`,
              });
              void this.interrupt();
            }
          }, opts.timeoutMs);
        }
        const origResolve = r.resolve;
        r.resolve = (res) => {
          if (timer) clearTimeout(timer);
          origResolve(res);
        };
        this.child!.send({
          type: 'execute',
          id,
          code,
          language: opts.language ?? 'typescript',
          cellName: opts.cellName,
        });
      });
    };
    const p = this.tail.then(run, run);
    this.tail = p.catch(() => undefined);
    return p;
  }

  /**
   * Interrupts the running cell (and cancels queued ones). Resolves once the kernel is usable again.
   * Returns true when the kernel had to be restarted (state lost).
   */
  async interrupt(): Promise<boolean> {
    this.epoch++;
    const r = this.running;
    const child = this.child;
    if (!r || !child) return false;
    const finished = new Promise<boolean>((resolve) => {
      const check = (): void => {
        if (this.running !== r) resolve(true);
        else setTimeout(check, 10);
      };
      check();
    });
    // 1. cooperative: abort the cell's progress signals, abandon its await (needs a free event loop)
    try {
      child.send({ type: 'interrupt', id: r.id });
    } catch {
      // channel closed: the signal below still works
    }
    const grace = (ms: number) => delay(ms).then(() => false);
    if (await Promise.race([finished, grace(this.options.abortGraceMs ?? 150)])) return false;
    // 2. SIGINT: breaks synchronous top-level code
    if (this.child === child && this.running === r) signalGroup(child, 'SIGINT');
    const stopped = await Promise.race([finished, grace(this.options.interruptGraceMs ?? 800)]);
    if (stopped || this.running !== r) return false;
    // The cell is stuck in synchronous code: kill and re-fork.
    r.restarted = true;
    await this.killAndWait(child);
    this.pushOutput(r, {
      type: 'error',
      ename: 'Interrupted',
      evalue: 'The cell did not stop, so the kernel was restarted: all variables are gone.',
      traceback: ['Interrupted: the kernel was restarted (state cleared)'],
      phase: 'kernel',
    });
    this.finish(r, 'interrupted');
    await this.start();
    this.emit('restart', { reason: 'interrupt' });
    return true;
  }

  /** Kills the kernel and starts a fresh one (state cleared); running and queued cells are cancelled. */
  async restart(): Promise<ReadyMessage> {
    this.epoch++;
    const r = this.running;
    if (this.child) await this.killAndWait(this.child);
    if (r) {
      this.pushOutput(r, {
        type: 'error',
        ename: 'KernelRestarted',
        evalue: 'The kernel was restarted while this cell ran.',
        traceback: ['Kernel restarted'],
        phase: 'kernel',
      });
      r.restarted = true;
      this.finish(r, 'interrupted');
    }
    this._state = 'stopped';
    const info = await this.start();
    this.emit('restart', { reason: 'restart' });
    return info;
  }

  /** Stops the kernel for good. */
  async dispose(): Promise<void> {
    this.epoch++;
    const child = this.child;
    const r = this.running;
    this._state = 'disposed';
    if (child) await this.killAndWait(child);
    if (r) this.finish(r, 'cancelled');
    this.removeAllListeners('output');
  }

  // --- internals ------------------------------------------------------------------------------------

  private onMessage(m: KernelMessage): void {
    if (m.type === 'ready') return;
    const r = this.running && this.running.id === m.id ? this.running : null;
    if (m.type === 'done') {
      if (r) this.finish(r, m.status, typeof m.cpuMs === 'number' ? m.cpuMs : undefined);
      return;
    }
    let out: KernelOutput;
    if (m.type === 'stream') out = { type: 'stream', name: m.name, text: m.text };
    else if (m.type === 'display')
      out = { type: 'display', data: m.data, ...(m.kind ? { kind: m.kind } : {}), result: m.result };
    else if (m.type === 'progress') {
      out = {
        type: 'progress',
        reporter: m.reporter,
        label: m.label,
        fraction: m.fraction,
        ...(m.message !== undefined ? { message: m.message } : {}),
        done: m.done,
      };
    } else
      out = {
        type: 'error',
        ename: m.ename,
        evalue: m.evalue,
        traceback: m.traceback,
        ...(m.line !== undefined ? { line: m.line, column: m.column } : {}),
        phase: m.phase,
      };
    if (r) this.pushOutput(r, out);
    else this.emit('lateOutput', m.id, out);
  }

  private rawOutput(name: 'stdout' | 'stderr', text: string): void {
    const r = this.running;
    if (r) this.pushOutput(r, { type: 'stream', name, text });
    else this.emit('lateOutput', this.lastId, { type: 'stream', name, text });
  }

  private pushOutput(r: Running, o: KernelOutput): void {
    // one entry per progress reporter: its latest state, where it first appeared
    const k =
      o.type === 'progress' ? r.outputs.findIndex((x) => x.type === 'progress' && x.reporter === o.reporter) : -1;
    if (k >= 0) r.outputs[k] = o;
    else r.outputs.push(o);
    try {
      r.onOutput?.(o);
    } catch {
      // a consumer's bug must not break the kernel
    }
    this.emit('output', r.id, o);
  }

  private finish(r: Running, status: ExecutionOutcome, cpuMs?: number): void {
    if (this.running !== r) return;
    this.running = null;
    if (this._state === 'busy') this._state = 'idle';
    r.resolve({
      id: r.id,
      status,
      outputs: r.outputs,
      durationMs: Date.now() - r.t0,
      ...(cpuMs !== undefined ? { cpuMs } : {}),
      restarted: r.restarted,
    });
  }

  private onExit(child: ChildProcess, code: number | null, signal: NodeJS.Signals | null): void {
    if (this.child !== child) return;
    this.child = null;
    this.readyInfo = null;
    this.starting = null;
    if (this.expectedExit.has(child) || this._state === 'disposed') return;
    this._state = 'dead';
    this.epoch++;
    const r = this.running;
    const how = signal ? `signal ${signal}` : `exit code ${code}`;
    if (r) {
      this.pushOutput(r, {
        type: 'error',
        ename: 'KernelCrashed',
        evalue: `The kernel process ended (${how}) while this cell ran; its state is lost. The next run starts a fresh kernel.`,
        traceback: [`KernelCrashed: the kernel process ended (${how})`],
        phase: 'kernel',
      });
      this.finish(r, 'crashed');
    }
    this._state = 'dead';
    this.emit('crash', { code, signal, during: r?.id });
  }

  private kill(child: ChildProcess): void {
    this.expectedExit.add(child);
    signalGroup(child, 'SIGKILL');
  }

  private killAndWait(child: ChildProcess): Promise<void> {
    return new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) {
        if (this.child === child) this.child = null;
        resolve();
        return;
      }
      child.once('exit', () => resolve());
      this.kill(child);
    }).then(() => {
      if (this.child === child) {
        this.child = null;
        this.readyInfo = null;
      }
    });
  }
}

/** Process groups exist on POSIX systems; elsewhere the kernel is signalled alone. */
const GROUPS = process.platform !== 'win32';

/** Signals the kernel and every process in its group (the processes its cells started). */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (GROUPS && child.pid) process.kill(-child.pid, signal);
    else child.kill(signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      // already gone
    }
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
