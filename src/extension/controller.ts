/**
 * The notebook controller: runs TypeScript / JavaScript cells of `jupyter-notebook` documents in a
 * fairdiv kernel child process, sequentially, with execution order, interrupt and restart. Each open
 * notebook has one session (./session.ts: its kernel, queue and execution order), created when it opens and
 * disposed when it closes. Preferred (affinity) only for notebooks carrying our marker `metadata.fairdiv`;
 * never globally.
 */
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { KernelClientOptions } from '../../kernel/client';
import { NotebookSession } from './session';

export const CONTROLLER_ID = 'fairdiv-kernel';
export const NOTEBOOK_TYPE = 'jupyter-notebook';
export const CONTROLLER_LABEL = 'Fair Division (TypeScript)';

/** True when a notebook carries our marker (raw nbformat metadata, or the older wrapped forms). */
export function isFairdivNotebook(nb: { notebookType?: string; metadata?: Record<string, unknown> }): boolean {
  if (nb.notebookType !== undefined && nb.notebookType !== NOTEBOOK_TYPE) return false;
  const m = (nb.metadata ?? {}) as Record<string, any>;
  return Boolean(m.fairdiv ?? m.metadata?.fairdiv ?? m.custom?.metadata?.fairdiv);
}

export interface ControllerOptions {
  /** Kernel options for a notebook (kernel entry, library, cwd); cwd defaults to the notebook's folder. */
  kernelOptions?: (notebook: vscode.NotebookDocument) => KernelClientOptions;
}

export class FairdivController implements vscode.Disposable {
  readonly controller: vscode.NotebookController;
  /** The session of each open notebook, by URI: the only per-notebook state. */
  private readonly sessions = new Map<string, NotebookSession>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly options: ControllerOptions = {}) {
    const c = vscode.notebooks.createNotebookController(CONTROLLER_ID, NOTEBOOK_TYPE, CONTROLLER_LABEL);
    c.supportedLanguages = ['typescript', 'javascript'];
    c.supportsExecutionOrder = true;
    c.description = 'fairdiv kernel';
    c.detail = 'TypeScript and JavaScript cells in a separate process';
    c.executeHandler = (cells, notebook) => this.sessionOf(notebook).run(cells);
    c.interruptHandler = (notebook) => this.sessions.get(notebook.uri.toString())?.interrupt();
    this.controller = c;
    this.disposables.push(
      c,
      vscode.workspace.onDidOpenNotebookDocument((nb) => this.open(nb)),
      vscode.workspace.onDidCloseNotebookDocument((nb) => void this.close(nb)),
    );
    for (const nb of vscode.workspace.notebookDocuments) this.open(nb);
  }

  /** A notebook opened: Preferred affinity when it carries our marker, and a session when it is of our type. */
  open(nb: vscode.NotebookDocument): void {
    this.updateAffinity(nb);
    if (nb.notebookType === NOTEBOOK_TYPE) this.sessionOf(nb);
  }

  /** Preferred for marked notebooks only; everything else keeps the default affinity. */
  updateAffinity(nb: vscode.NotebookDocument): void {
    if (nb.notebookType === NOTEBOOK_TYPE && isFairdivNotebook(nb)) {
      this.controller.updateNotebookAffinity(nb, vscode.NotebookControllerAffinity.Preferred);
    }
  }

  /** The notebook's session (created when missing, e.g. for a notebook opened before activation). */
  sessionOf(nb: vscode.NotebookDocument): NotebookSession {
    const key = nb.uri.toString();
    let s = this.sessions.get(key);
    if (!s) {
      s = new NotebookSession(nb, this.controller, () => {
        const base = this.options.kernelOptions?.(nb) ?? {};
        return { ...base, cwd: base.cwd ?? notebookFolder(nb) };
      });
      this.sessions.set(key, s);
    }
    return s;
  }

  /** The number of notebooks with a session (open notebooks of our type). */
  get sessionCount(): number {
    return this.sessions.size;
  }

  /** Restarts the notebook's kernel: state cleared, execution order starts again. */
  restart(nb: vscode.NotebookDocument): Promise<void> {
    return this.sessionOf(nb).restart();
  }

  /** A notebook closed: its session is disposed (kernel process stopped, queue dropped) and forgotten. */
  async close(nb: vscode.NotebookDocument): Promise<void> {
    const key = nb.uri.toString();
    const s = this.sessions.get(key);
    this.sessions.delete(key);
    await s?.dispose();
  }

  dispose(): void {
    for (const s of this.sessions.values()) void s.dispose();
    this.sessions.clear();
    for (const d of this.disposables) d.dispose();
  }
}

function notebookFolder(nb: vscode.NotebookDocument): string {
  if (nb.uri.scheme === 'file') return path.dirname(nb.uri.fsPath);
  const ws = vscode.workspace.workspaceFolders?.[0];
  return ws && ws.uri.scheme === 'file' ? ws.uri.fsPath : os.homedir();
}
