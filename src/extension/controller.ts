/**
 * The notebook controller: runs TypeScript / JavaScript cells of `jupyter-notebook` documents in a
 * fairdiv kernel child process (one per notebook, kernel/client.ts), sequentially, with execution
 * order, interrupt and restart. Preferred (affinity) only for notebooks carrying our marker
 * `metadata.fairdiv`; never globally.
 */
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { KernelClient, type KernelClientOptions } from '../../kernel/client';
import type { KernelOutput } from '../../kernel/protocol';
import { progressText } from '../display/progress';

export const CONTROLLER_ID = 'fairdiv-kernel';
export const NOTEBOOK_TYPE = 'jupyter-notebook';
export const CONTROLLER_LABEL = 'Fair Division (TypeScript)';

/** True when a notebook carries our marker (raw nbformat metadata, or the older wrapped forms). */
export function isFairdivNotebook(nb: { notebookType?: string; metadata?: Record<string, unknown> }): boolean {
  if (nb.notebookType !== undefined && nb.notebookType !== NOTEBOOK_TYPE) return false;
  const m = (nb.metadata ?? {}) as Record<string, any>;
  return Boolean(m.fairdiv ?? m.metadata?.fairdiv ?? m.custom?.metadata?.fairdiv);
}

/** One kernel output -> the VS Code output (items in bundle order: custom JSON, text/html, text/plain). */
export function toCellOutput(o: KernelOutput, executionOrder?: number): vscode.NotebookCellOutput {
  if (o.type === 'stream') {
    return new vscode.NotebookCellOutput([o.name === 'stderr' ? vscode.NotebookCellOutputItem.stderr(o.text) : vscode.NotebookCellOutputItem.stdout(o.text)]);
  }
  if (o.type === 'error') {
    const stack = o.traceback.join('\n');
    return new vscode.NotebookCellOutput([vscode.NotebookCellOutputItem.error({ name: o.ename, message: o.evalue, stack })], { outputType: 'error' });
  }
  if (o.type === 'progress') return toProgressOutput(o);
  const items = Object.entries(o.data).map(([mime, v]) =>
    typeof v === 'string' ? vscode.NotebookCellOutputItem.text(v, mime) : vscode.NotebookCellOutputItem.json(v, mime),
  );
  const metadata = o.result ? { outputType: 'execute_result', executionCount: executionOrder } : { outputType: 'display_data' };
  return new vscode.NotebookCellOutput(items, metadata);
}

type ProgressOutput = Extract<KernelOutput, { type: 'progress' }>;

/** The text/plain line of a progress bar, e.g. `MMS  ███████░░░ 70%  message`. */
export function progressLine(o: ProgressOutput, suffix = ''): string {
  return progressText(o.label, o.fraction, o.message) + suffix;
}

/** A progress bar as a cell output (one per reporter; its item is replaced on each update). */
export function toProgressOutput(o: ProgressOutput, suffix = ''): vscode.NotebookCellOutput {
  return new vscode.NotebookCellOutput([vscode.NotebookCellOutputItem.text(progressLine(o, suffix), 'text/plain')], { outputType: 'display_data', fairdivProgress: o.reporter });
}

export interface ControllerOptions {
  /** Kernel options for a notebook (kernel entry, library, cwd); cwd defaults to the notebook's folder. */
  kernelOptions?: (notebook: vscode.NotebookDocument) => KernelClientOptions;
}

export class FairdivController implements vscode.Disposable {
  readonly controller: vscode.NotebookController;
  private readonly kernels = new Map<string, KernelClient>();
  private readonly order = new Map<string, number>();
  private readonly queues = new Map<string, Promise<void>>();
  private readonly epochs = new Map<string, number>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly options: ControllerOptions = {}) {
    const c = vscode.notebooks.createNotebookController(CONTROLLER_ID, NOTEBOOK_TYPE, CONTROLLER_LABEL);
    c.supportedLanguages = ['typescript', 'javascript'];
    c.supportsExecutionOrder = true;
    c.description = 'fairdiv kernel';
    c.detail = 'TypeScript and JavaScript cells in a separate process';
    c.executeHandler = (cells, notebook) => this.execute(cells, notebook);
    c.interruptHandler = (notebook) => this.interrupt(notebook);
    this.controller = c;
    this.disposables.push(
      c,
      vscode.workspace.onDidOpenNotebookDocument((nb) => this.updateAffinity(nb)),
      vscode.workspace.onDidCloseNotebookDocument((nb) => void this.disposeKernel(nb)),
    );
    for (const nb of vscode.workspace.notebookDocuments) this.updateAffinity(nb);
  }

  /** Preferred for marked notebooks only; everything else keeps the default affinity. */
  updateAffinity(nb: vscode.NotebookDocument): void {
    if (nb.notebookType === NOTEBOOK_TYPE && isFairdivNotebook(nb)) {
      this.controller.updateNotebookAffinity(nb, vscode.NotebookControllerAffinity.Preferred);
    }
  }

  kernelFor(nb: vscode.NotebookDocument): KernelClient {
    const key = nb.uri.toString();
    let k = this.kernels.get(key);
    if (!k) {
      const base = this.options.kernelOptions?.(nb) ?? {};
      const cwd = base.cwd ?? notebookFolder(nb);
      k = new KernelClient({ ...base, cwd });
      this.kernels.set(key, k);
    }
    return k;
  }

  /** Runs cells one after another (queued behind earlier runs of the same notebook). */
  execute(cells: readonly vscode.NotebookCell[], notebook: vscode.NotebookDocument): Promise<void> {
    const key = notebook.uri.toString();
    const epoch = this.epochs.get(key) ?? 0;
    const prev = this.queues.get(key) ?? Promise.resolve();
    const next = prev.then(async () => {
      for (const cell of cells) {
        if ((this.epochs.get(key) ?? 0) !== epoch) break; // interrupted: drop the rest of this run
        const ok = await this.executeCell(cell, notebook);
        if (!ok) break; // like Jupyter: a failing cell stops the cells queued after it
      }
    });
    this.queues.set(key, next.catch(() => undefined));
    return next;
  }

  private async executeCell(cell: vscode.NotebookCell, notebook: vscode.NotebookDocument): Promise<boolean> {
    if (cell.kind !== vscode.NotebookCellKind.Code) return true;
    const key = notebook.uri.toString();
    const exec = this.controller.createNotebookCellExecution(cell);
    const n = (this.order.get(key) ?? 0) + 1;
    this.order.set(key, n);
    exec.executionOrder = n;
    exec.start(Date.now());
    await exec.clearOutput();
    const kernel = this.kernelFor(notebook);
    let lastStream: { name: string; output: vscode.NotebookCellOutput } | null = null;
    let pending: Thenable<void> = Promise.resolve();
    // progress: one output per reporter, replaced in place; updates queued behind a slow UI are coalesced
    const bars = new Map<string, { output: vscode.NotebookCellOutput | null; latest: ProgressOutput; queued: boolean }>();
    const onProgress = (o: ProgressOutput) => {
      const bar = bars.get(o.reporter);
      if (bar) {
        bar.latest = o;
        if (bar.queued) return;
        bar.queued = true;
      } else bars.set(o.reporter, { output: null, latest: o, queued: true });
      pending = pending.then(async () => {
        const b = bars.get(o.reporter)!;
        b.queued = false;
        if (b.output) {
          await exec.replaceOutputItems(vscode.NotebookCellOutputItem.text(progressLine(b.latest), 'text/plain'), b.output);
        } else {
          b.output = toProgressOutput(b.latest);
          lastStream = null;
          await exec.appendOutput(b.output);
        }
      });
    };
    const finaliseBars = async (status: string) => {
      if (status === 'ok') return;
      for (const b of bars.values()) {
        if (b.output && !b.latest.done) {
          await exec.replaceOutputItems(vscode.NotebookCellOutputItem.text(progressLine(b.latest, `  (${status})`), 'text/plain'), b.output);
        }
      }
    };
    const onOutput = (o: KernelOutput) => {
      if (o.type === 'progress') {
        onProgress(o);
        return;
      }
      pending = pending.then(async () => {
        if (o.type === 'stream' && lastStream && lastStream.name === o.name) {
          const item = o.name === 'stderr' ? vscode.NotebookCellOutputItem.stderr(o.text) : vscode.NotebookCellOutputItem.stdout(o.text);
          await exec.appendOutputItems(item, lastStream.output);
          return;
        }
        const out = toCellOutput(o, n);
        lastStream = o.type === 'stream' ? { name: o.name, output: out } : null;
        await exec.appendOutput(out);
      });
    };
    const cancel = exec.token.onCancellationRequested(() => void kernel.interrupt());
    try {
      const language = cell.document.languageId === 'javascript' ? 'javascript' : 'typescript';
      const r = await kernel.execute(cell.document.getText(), { language, cellName: `cell ${cell.index + 1}`, onOutput });
      await pending;
      await finaliseBars(r.status);
      exec.end(r.status === 'ok', Date.now());
      return r.status === 'ok';
    } catch (e) {
      await pending;
      await exec.appendOutput(new vscode.NotebookCellOutput([vscode.NotebookCellOutputItem.error(e as Error)]));
      exec.end(false, Date.now());
      return false;
    } finally {
      cancel.dispose();
    }
  }

  async interrupt(notebook: vscode.NotebookDocument): Promise<void> {
    const key = notebook.uri.toString();
    this.epochs.set(key, (this.epochs.get(key) ?? 0) + 1);
    const k = this.kernels.get(key);
    if (k) await k.interrupt();
  }

  /** Restarts the notebook's kernel: state cleared, execution order starts again. */
  async restart(notebook: vscode.NotebookDocument): Promise<void> {
    const key = notebook.uri.toString();
    this.epochs.set(key, (this.epochs.get(key) ?? 0) + 1);
    this.order.set(key, 0);
    const k = this.kernels.get(key);
    if (k) await k.restart();
  }

  async disposeKernel(nb: vscode.NotebookDocument): Promise<void> {
    const key = nb.uri.toString();
    const k = this.kernels.get(key);
    this.kernels.delete(key);
    this.order.delete(key);
    this.queues.delete(key);
    if (k) await k.dispose();
  }

  dispose(): void {
    for (const k of this.kernels.values()) void k.dispose();
    this.kernels.clear();
    for (const d of this.disposables) d.dispose();
  }
}

function notebookFolder(nb: vscode.NotebookDocument): string {
  if (nb.uri.scheme === 'file') return path.dirname(nb.uri.fsPath);
  const ws = vscode.workspace.workspaceFolders?.[0];
  return ws && ws.uri.scheme === 'file' ? ws.uri.fsPath : os.homedir();
}
