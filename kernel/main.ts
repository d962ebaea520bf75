/**
 * The kernel child process: wires the modules that receive `execute` messages over IPC (kernel/protocol.ts),
 * run each cell (kernel/executor.ts) and stream outputs back (kernel/channel.ts, kernel/hooks.ts).
 *
 * Started by KernelClient (kernel/client.ts) with `child_process.fork`; in VS Code with
 * `process.execPath` and ELECTRON_RUN_AS_NODE=1. The working directory is the notebook's folder.
 * Environment: FAIRDIV_LIBRARY = module file that `import ... from 'fairdiv'` loads.
 */
import ts from 'typescript';
import { CellRegistry } from './cell-errors';
import { captureStdio, ipcSender, streamBatcher } from './channel';
import { CellExecutor, hostMessageHandler } from './executor';
import { displayEmitter, installHooks, Reporters } from './hooks';
import { installCellModules, libraryPath } from './library';
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
const emit = displayEmitter(send, () => findToMimeBundle(library, (p) => nodeRequire(p)));
const executor = new CellExecutor({ send, cwd, cells: new CellRegistry(), reporters, emit });
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

send({ type: 'ready', pid: process.pid, node: process.version, typescript: ts.version, library });
