/**
 * The kernel child process: receives `execute` messages over IPC (kernel/protocol.ts), compiles each
 * cell (kernel/transform.ts), runs it with `vm.runInThisContext` and streams outputs back.
 *
 * Started by KernelClient (kernel/client.ts) with `child_process.fork`; in VS Code with
 * `process.execPath` and ELECTRON_RUN_AS_NODE=1. The working directory is the notebook's folder.
 * Environment: FAIRDIV_LIBRARY = module file that `import ... from 'fairdiv'` loads.
 */
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import * as vm from 'node:vm';
import ts from 'typescript';
import { CellSyntaxError, compileCell, KERNEL_GLOBAL } from './transform';
import { findToMimeBundle, renderValue } from './render';
import {
  DISPLAY_HOOK,
  type DisplayMessage,
  type ErrorMessage,
  type ExecuteRequest,
  type ExecutionStatus,
  type HostMessage,
  type KernelMessage,
  PROGRESS_HOOK,
} from './protocol';

if (!process.send) {
  process.stderr.write('fairdiv kernel: must be started with an IPC channel (child_process.fork)\n');
  process.exit(2);
}

function defaultLibrary(): string {
  // kernel/main.ts -> src/index.ts; dist/kernel/main.js -> dist/src/index.js.
  const ext = path.extname(__filename);
  const candidate = path.join(__dirname, '..', 'src', `index${ext}`);
  return fs.existsSync(candidate) ? candidate : path.join(__dirname, '..', 'src', 'index.js');
}
const libraryPath = process.env.FAIRDIV_LIBRARY ? path.resolve(process.env.FAIRDIV_LIBRARY) : defaultLibrary();

const send = (m: KernelMessage): void => {
  try {
    process.send!(m);
  } catch (e) {
    origStderrWrite(`fairdiv kernel: cannot send ${m.type}: ${(e as Error).message}\n`);
  }
};

// --- output capture: everything written to stdout/stderr goes to the current execution -------------
let currentId = '';
const origStderrWrite = process.stderr.write.bind(process.stderr);
function patchStream(name: 'stdout' | 'stderr'): void {
  const stream = process[name];
  stream.write = ((chunk: unknown, enc?: unknown, cb?: unknown): boolean => {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString(typeof enc === 'string' ? (enc as BufferEncoding) : 'utf8');
    if (currentId) send({ type: 'stream', id: currentId, name, text });
    const callback = typeof enc === 'function' ? enc : cb;
    if (typeof callback === 'function') process.nextTick(callback as () => void);
    return true;
  }) as typeof stream.write;
}
patchStream('stdout');
patchStream('stderr');

// --- module resolution: `fairdiv` -> our library, everything else from the notebook's folder ---------
const cwd = process.cwd();
const nodeRequire = createRequire(path.join(cwd, '__notebook__.js'));
/** The folder of the package.json named "fairdiv" above the library (subpath imports resolve there). */
function packageRoot(): string {
  let dir = path.dirname(libraryPath);
  for (let k = 0; k < 6; k++) {
    try {
      const pj = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string };
      if (pj.name === 'fairdiv') return dir;
    } catch {
      // keep walking up
    }
    dir = path.dirname(dir);
  }
  return path.dirname(libraryPath);
}
function cellRequire(spec: string): unknown {
  if (spec === 'fairdiv') return nodeRequire(libraryPath);
  if (spec.startsWith('fairdiv/')) return nodeRequire(path.join(packageRoot(), spec.slice('fairdiv/'.length)));
  return nodeRequire(spec);
}
cellRequire.resolve = (spec: string) => (spec === 'fairdiv' ? libraryPath : nodeRequire.resolve(spec));
function importDefault(m: unknown): unknown {
  return m && typeof m === 'object' && (m as { __esModule?: boolean }).__esModule ? (m as { default?: unknown }).default : m;
}
Object.defineProperty(globalThis, KERNEL_GLOBAL, {
  value: { require: cellRequire, importDefault, filename: path.join(cwd, '__notebook__'), dirname: cwd },
  enumerable: false,
  configurable: false,
  writable: false,
});

// --- display --------------------------------------------------------------------------------------
function toMimeBundle() {
  return findToMimeBundle(libraryPath, (p) => nodeRequire(p));
}
function emitDisplay(id: string, value: unknown, result: boolean, given?: unknown): void {
  if (!id) return;
  const r = renderValue(value, toMimeBundle, given);
  const m: DisplayMessage = { type: 'display', id, data: r.data, ...(r.kind ? { kind: r.kind } : {}), result };
  send(m);
}
Object.defineProperty(globalThis, DISPLAY_HOOK, {
  value: (value: unknown, bundle?: unknown) => emitDisplay(currentId, value, false, bundle),
  enumerable: false,
  configurable: true,
  writable: true,
});

// --- progress: reporters send `progress` messages; their signals abort when the cell is interrupted --
/** Abort controllers of the reporters created by each execution that has not ended yet. */
const reporterAborts = new Map<string, Set<AbortController>>();
let reporterSeq = 0;
Object.defineProperty(globalThis, PROGRESS_HOOK, {
  value: (label: unknown) => {
    const id = currentId;
    const reporter = `p${++reporterSeq}`;
    const ac = new AbortController();
    const set = reporterAborts.get(id);
    if (set) set.add(ac);
    return {
      signal: ac.signal,
      send: (s: { fraction?: unknown; message?: unknown; done?: unknown }) => {
        if (!id) return;
        const f = Number(s?.fraction);
        send({
          type: 'progress', id, reporter, label: String(label ?? ''),
          fraction: Number.isFinite(f) ? Math.min(1, Math.max(0, f)) : 0,
          ...(s?.message !== undefined ? { message: String(s.message) } : {}),
          done: Boolean(s?.done),
        });
      },
    };
  },
  enumerable: false,
  configurable: true,
  writable: true,
});
/** Aborts the signals of the reporters created by execution `id`; returns how many there were. */
function abortReporters(id: string): number {
  const set = reporterAborts.get(id);
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
/** How long an interrupted cell with progress reporters may take to stop on its own (ms). */
const ABORT_GRACE_MS = 200;

// --- errors ---------------------------------------------------------------------------------------
interface CellRecord {
  name: string;
  mapPosition: (line: number, column: number) => { line: number; column: number } | null;
}
const cells = new Map<string, CellRecord>();
let cellSeq = 0;
const CELL_FILE = /(?:[^\s()]*[\\/])?fairdiv-cell-(\d+)\.js:(\d+):(\d+)/;
const CELL_FILE_G = /(?:[^\s()]*[\\/])?fairdiv-cell-(\d+)\.js:(\d+):(\d+)/g;

function errorMessage(id: string, err: unknown, ownFile: string | null): ErrorMessage {
  const isErr = err instanceof Error || (typeof err === 'object' && err !== null && 'stack' in err && 'message' in err);
  const e = err as Error;
  const ename = isErr ? e.name || 'Error' : 'Thrown';
  const evalue = isErr ? String(e.message) : typeof err === 'string' ? err : renderValue(err, null).data['text/plain'] as string;
  let line: number | undefined;
  let column: number | undefined;
  const traceback: string[] = [`${ename}: ${evalue}`];
  const stack = isErr && typeof e.stack === 'string' ? e.stack : '';
  const frames = stack.split('\n').filter((l) => /^\s+at /.test(l));
  let firstCellFrame: { line: number; column: number; name: string; own: boolean } | null = null;
  for (const f of frames) {
    if (/kernel[\\/](main|transform|render)\.[jt]s|node:internal|node:vm/.test(f) && !CELL_FILE.test(f)) continue;
    const cm = CELL_FILE.exec(f);
    if (cm && cells.get(cm[1]) && !cells.get(cm[1])!.mapPosition(Number(cm[2]), Number(cm[3]))) continue;
    const mapped = f.replace(CELL_FILE_G, (_all, seq: string, l: string, c: string) => {
      const rec = cells.get(seq);
      if (!rec) return `cell:${l}:${c}`;
      const p = rec.mapPosition(Number(l), Number(c)) ?? { line: Number(l), column: Number(c) };
      const own = ownFile === `fairdiv-cell-${seq}.js` || ownFile === path.join(cwd, `fairdiv-cell-${seq}.js`);
      if (!firstCellFrame || (own && !firstCellFrame.own)) firstCellFrame = { ...p, name: rec.name, own };
      return `${rec.name}:${p.line}:${p.column}`;
    });
    traceback.push(mapped.replace(/\(([^()]*):(\d+):(\d+)\)$/, '($1:$2:$3)'));
  }
  const fc = firstCellFrame as { line: number; column: number; name: string; own: boolean } | null;
  if (fc) {
    line = fc.line;
    column = fc.column;
    traceback.splice(1, 0, `  at ${fc.name}, line ${line}, column ${column}`);
  }
  return { type: 'error', id, ename, evalue, traceback, ...(line !== undefined ? { line, column } : {}), phase: 'runtime' };
}

// --- execution ------------------------------------------------------------------------------------
interface RunningCell {
  id: string;
  settle: (status: ExecutionStatus) => void;
  /** Set once an interrupt arrived: however the cell then ends, it ends `interrupted`. */
  interrupted: boolean;
}
let running: RunningCell | null = null;

async function execute(req: ExecuteRequest): Promise<void> {
  const t0 = Date.now();
  currentId = req.id;
  const cellName = req.cellName ?? 'cell';
  let status: ExecutionStatus = 'ok';
  let compiled;
  try {
    compiled = compileCell(req.code, req.language);
  } catch (e) {
    if (e instanceof CellSyntaxError) {
      send({
        type: 'error', id: req.id, ename: 'SyntaxError', evalue: e.message,
        traceback: [`SyntaxError: ${e.message}`, `  at ${cellName}, line ${e.line}, column ${e.column}`],
        line: e.line, column: e.column, phase: 'syntax',
      });
    } else send(errorMessage(req.id, e, null));
    send({ type: 'done', id: req.id, status: 'error', durationMs: Date.now() - t0 });
    return;
  }
  const seq = String(++cellSeq);
  const file = `fairdiv-cell-${seq}.js`;
  cells.set(seq, { name: cellName, mapPosition: compiled.mapPosition });
  reporterAborts.set(req.id, new Set());
  let cell!: RunningCell;
  const interrupted = new Promise<'interrupted'>((resolve) => {
    cell = { id: req.id, settle: () => resolve('interrupted'), interrupted: false };
    running = cell;
  });
  try {
    // A real path in the notebook's folder, so that dynamic import() resolves from there.
    const dynamicImport = (vm as unknown as { constants?: { USE_MAIN_CONTEXT_DEFAULT_LOADER?: symbol } }).constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER;
    const script = new vm.Script(compiled.code, {
      filename: path.join(cwd, file),
      lineOffset: -1,
      ...(dynamicImport ? { importModuleDynamically: dynamicImport as never } : {}),
    });
    const promise = script.runInThisContext({ breakOnSigint: true, displayErrors: false }) as Promise<unknown>;
    const value = await Promise.race([promise, interrupted]);
    if (cell.interrupted || (value === 'interrupted' && running === null)) {
      status = 'interrupted';
    } else if (compiled.hasResult && value !== undefined) {
      emitDisplay(req.id, value, true);
    }
  } catch (e) {
    if (cell.interrupted || (e instanceof Error && /Script execution was interrupted by `SIGINT`/.test(e.message))) {
      // after an interrupt, the computation's own abort error is the expected way to stop
      status = 'interrupted';
    } else {
      status = 'error';
      send(errorMessage(req.id, e, file));
    }
  } finally {
    running = null;
    if (status === 'interrupted') abortReporters(req.id);
    reporterAborts.delete(req.id);
  }
  if (status === 'interrupted') {
    send({ type: 'error', id: req.id, ename: 'Interrupted', evalue: 'execution interrupted; the kernel state is kept', traceback: ['Interrupted: execution interrupted; the kernel state is kept'], phase: 'runtime' });
  }
  send({ type: 'done', id: req.id, status, durationMs: Date.now() - t0 });
}

/** Abandons the running cell's pending await (state kept). */
function abandon(r: RunningCell): void {
  if (running !== r) return;
  running = null;
  r.settle('interrupted');
}

/**
 * The host's `interrupt` message (read only while the event loop is free, i.e. the cell is awaiting):
 * abort the cell's progress signals first, give a computation that honours them a moment to stop
 * cleanly, then abandon the await.
 */
function interruptRunning(id?: string): void {
  const r = running;
  if (!r || (id && r.id !== id) || r.interrupted) return;
  r.interrupted = true;
  const n = abortReporters(r.id);
  if (n === 0) abandon(r);
  else setTimeout(() => abandon(r), ABORT_GRACE_MS);
}

process.on('SIGINT', () => {
  // Reached when the cell is awaiting (the event loop is free): abort its progress signals, then abandon
  // the pending promise.
  const r = running;
  if (r) {
    r.interrupted = true;
    abortReporters(r.id);
    abandon(r);
  }
});

process.on('unhandledRejection', (reason) => {
  if (!currentId) return;
  const m = errorMessage(currentId, reason, null);
  send({ type: 'stream', id: currentId, name: 'stderr', text: `Unhandled promise rejection: ${m.traceback.join('\n')}\n` });
});
process.on('uncaughtException', (err) => {
  if (!currentId) return;
  const m = errorMessage(currentId, err, null);
  send({ type: 'stream', id: currentId, name: 'stderr', text: `Uncaught exception: ${m.traceback.join('\n')}\n` });
});

let queue: Promise<void> = Promise.resolve();
process.on('message', (m: HostMessage) => {
  if (!m || typeof m !== 'object') return;
  if (m.type === 'execute') queue = queue.then(() => execute(m));
  else if (m.type === 'interrupt') interruptRunning(m.id);
  else if (m.type === 'shutdown') queue.then(() => process.exit(0));
});
process.on('disconnect', () => process.exit(0));

send({ type: 'ready', pid: process.pid, node: process.version, typescript: ts.version, library: libraryPath });
