/**
 * The kernel child process: wires the modules that receive `execute` messages over IPC (kernel/protocol.ts),
 * run each cell (kernel/executor.ts) and stream outputs back (kernel/channel.ts, kernel/hooks.ts).
 *
 * Started by KernelClient (kernel/client.ts) with `child_process.fork`; in VS Code with
 * `process.execPath` and ELECTRON_RUN_AS_NODE=1. The working directory is the notebook's folder.
 * Environment: FAIRDIV_LIBRARY = module file that `import ... from 'fairdiv'` loads. Before `ready` the kernel loads
 * that library and warms its cell compiler (kernel/preload.ts; FAIRDIV_KERNEL_PRELOAD=0 skips it); compiled cells are
 * kept by source (kernel/cell-cache.ts).
 */
import ts from 'typescript';
import { CompiledCellCache } from './cell-cache';
import { CellRegistry } from './cell-errors';
import { captureStdio, ipcSender, streamBatcher } from './channel';
import { CellExecutor, hostMessageHandler } from './executor';
import { displayEmitter, installHooks, Reporters } from './hooks';
import { installCellModules, libraryPath } from './library';
import { preloadKernel, WARM_UP_ID, WARM_UP_RUN } from './preload';
import { findToMimeBundle } from './render';

if (!process.send) {
  process.stderr.write('fairdiv kernel: must be started with an IPC channel (child_process.fork)\n');
  process.exit(2);
}

const library = libraryPath();
const cwd = process.cwd();
const realStderr = process.stderr.write.bind(process.stderr);
const ipc = ipcSender(process, (text) => void realStderr(text));
// the kernel's own warm-up execution (kernel/preload.ts) runs like a cell, but its messages are not sent
const batcher = streamBatcher((m) => {
  if (!('id' in m) || m.id !== WARM_UP_ID) ipc(m);
});
const send = batcher.send;
const nodeRequire = installCellModules(library, cwd);
const reporters = new Reporters(send);
const toMimeBundle = () => findToMimeBundle(library, (p) => nodeRequire(p));
const emit = displayEmitter(send, toMimeBundle);
const compiled = new CompiledCellCache();
const executor = new CellExecutor({
  send,
  cwd,
  cells: new CellRegistry(),
  reporters,
  emit,
  compile: (source, language) => compiled.compile(source, language),
});
const currentId = () => executor.currentId;

captureStdio(batcher.stream, currentId);
installHooks(currentId, emit, reporters);

process.on('SIGINT', () => executor.sigint());
process.on('unhandledRejection', (reason) => executor.reportStray('Unhandled promise rejection', reason));
process.on('uncaughtException', (err) => executor.reportStray('Uncaught exception', err));
process.on(
  'message',
  hostMessageHandler(executor, (code) => process.exit(code)),
);
process.on('disconnect', () => process.exit(0));
process.on('exit', () => batcher.flush());

const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;

/**
 * [DECISION] The kernel idles this long after the preload before `ready`: V8 finishes on its background threads the
 * optimizations and garbage collection the preload started, which otherwise ran during the first cell (15-20 ms of
 * CPU and wall on it; 4 ms with the pause).
 */
const SETTLE_MS = 50;

/** Preloads (unless FAIRDIV_KERNEL_PRELOAD=0: the benchmark's baseline), then reports `ready`. */
async function start(): Promise<void> {
  let preloadMs: number | undefined;
  if (process.env.FAIRDIV_KERNEL_PRELOAD !== '0') {
    const t0 = Date.now();
    preloadKernel(() => nodeRequire(library), toMimeBundle);
    await executor.execute({ type: 'execute', id: WARM_UP_ID, code: WARM_UP_RUN, language: 'typescript' });
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    preloadMs = Date.now() - t0;
  }
  send({
    type: 'ready',
    pid: process.pid,
    node: process.version,
    typescript: ts.version,
    library,
    ...(preloadMs !== undefined ? { preloadMs } : {}),
    cpuMs: cpuMs(process.cpuUsage()),
  });
}

void start();
