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
import { preloadKernel } from './preload';
import { findToMimeBundle } from './render';

if (!process.send) {
  process.stderr.write('fairdiv kernel: must be started with an IPC channel (child_process.fork)\n');
  process.exit(2);
}

const library = libraryPath();
const cwd = process.cwd();
const realStderr = process.stderr.write.bind(process.stderr);
const batcher = streamBatcher(ipcSender(process, (text) => void realStderr(text)));
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

/** Preloads (unless FAIRDIV_KERNEL_PRELOAD=0: the benchmark's baseline), then reports `ready`. */
async function start(): Promise<void> {
  let preloadMs: number | undefined;
  if (process.env.FAIRDIV_KERNEL_PRELOAD !== '0') {
    const t0 = Date.now();
    preloadKernel(() => nodeRequire(library), toMimeBundle);
    await executor.warmUp();
    preloadMs = Date.now() - t0;
  }
  send({
    type: 'ready',
    pid: process.pid,
    node: process.version,
    typescript: ts.version,
    library,
    ...(preloadMs !== undefined ? { preloadMs } : {}),
  });
}

void start();
