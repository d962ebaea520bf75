/**
 * Output that arrives after its cell finished (a timer's print, an unhandled rejection: the kernel client's
 * `lateOutput`), shown on the cell whose run caused it, never on the cell running at the time.
 *
 * [DECISION] A finished NotebookCellExecution cannot be changed, and the vscode 1.90 API has no edit for outputs
 * (NotebookEdit replaces cells or metadata only; replacing the cell would make the document dirty and lose its
 * identity), so late outputs open a short execution on their cell, with the run's execution order, start and end
 * time and success, append to the outputs the cell shows, and end it. Outputs of one short burst share one such
 * execution; a cell that runs again drops the late output of its previous run (it belongs to outputs that are gone).
 */
import type * as vscode from 'vscode';
import type { KernelOutput } from '../../kernel/protocol';
import { toCellOutput } from './outputs';

/** A cell's finished run, as its late output shows it again. */
export interface FinishedRun {
  cell: vscode.NotebookCell;
  executionOrder: number;
  success: boolean;
  startedAt: number;
  endedAt: number;
}

/** How long late outputs are collected before one execution shows them (ms). */
const BATCH_MS = 30;
/** At most this many outputs are held for runs the session has not recorded yet. */
const MAX_EARLY = 1000;

export class LateOutputRouter {
  /** Run id -> the run, for the latest run of each cell only. */
  private readonly runs = new Map<string, FinishedRun>();
  private readonly runOfCell = new Map<vscode.NotebookCell, string>();
  /** Outputs of a run whose cell execution had not ended yet when they arrived (by run id). */
  private readonly early = new Map<string, KernelOutput[]>();
  private earlyCount = 0;
  /** Outputs waiting for their batch (by run id). */
  private readonly queued = new Map<string, KernelOutput[]>();
  /** The late execution in progress on a cell (shown one after another). */
  private readonly flushing = new Map<vscode.NotebookCell, Promise<void>>();

  constructor(private readonly controller: vscode.NotebookController) {}

  /**
   * The cell is about to run again: late output of its previous run is dropped from now on. Resolves once no late
   * execution is open on the cell (there can be only one execution per cell).
   */
  async begin(cell: vscode.NotebookCell): Promise<void> {
    const id = this.runOfCell.get(cell);
    if (id !== undefined) {
      this.runs.delete(id);
      this.queued.delete(id);
      this.runOfCell.delete(cell);
    }
    await this.flushing.get(cell);
  }

  /** The cell's run `id` ended: its late output goes to the cell from now on (and what came early, at once). */
  finished(id: string, run: FinishedRun): void {
    this.runs.set(id, run);
    this.runOfCell.set(run.cell, id);
    const early = this.early.get(id) ?? [];
    // an output of another unrecorded run is of a run that never ended in a cell (cancelled): nothing shows it
    this.early.clear();
    this.earlyCount = 0;
    for (const o of early) this.route(id, o);
  }

  /** An output of run `id` after that run ended in the kernel (the client's `lateOutput`). */
  route(id: string, o: KernelOutput): void {
    const run = this.runs.get(id);
    if (!run) {
      if (this.earlyCount >= MAX_EARLY) return;
      this.earlyCount++;
      const list = this.early.get(id);
      if (list) list.push(o);
      else this.early.set(id, [o]);
      return;
    }
    const batch = this.queued.get(id);
    if (batch) {
      batch.push(o);
      return;
    }
    this.queued.set(id, [o]);
    const cell = run.cell;
    const shown = (this.flushing.get(cell) ?? Promise.resolve())
      .then(() => new Promise<void>((resolve) => setTimeout(resolve, BATCH_MS)))
      .then(() => this.show(id, run));
    this.flushing.set(cell, shown);
    void shown.finally(() => {
      if (this.flushing.get(cell) === shown) this.flushing.delete(cell);
    });
  }

  /** Forgets every run (the kernel restarted or the session ended: no late output of them can come). */
  clear(): void {
    this.runs.clear();
    this.runOfCell.clear();
    this.early.clear();
    this.earlyCount = 0;
    this.queued.clear();
  }

  /** Resolves once every late output received so far is shown (or dropped). */
  async settled(): Promise<void> {
    while (this.flushing.size > 0) await Promise.all(this.flushing.values());
  }

  /** Appends the run's queued outputs to its cell in a short execution that repeats the run's summary. */
  private async show(id: string, run: FinishedRun): Promise<void> {
    const outs = this.queued.get(id);
    this.queued.delete(id);
    // a cell that ran again or was deleted (index -1) does not show its old run's output
    if (!outs || this.runs.get(id) !== run || run.cell.index < 0) return;
    let exec: vscode.NotebookCellExecution;
    try {
      exec = this.controller.createNotebookCellExecution(run.cell);
    } catch {
      // the notebook closed, or another controller executes the cell
      return;
    }
    exec.executionOrder = run.executionOrder;
    exec.start(run.startedAt);
    try {
      await exec.appendOutput(joinOutputs(outs).map((o) => toCellOutput(o, run.executionOrder)));
    } catch {
      // the cell went away meanwhile: nothing to show it on
    } finally {
      exec.end(run.success, run.endedAt);
    }
  }
}

/** Consecutive chunks of one stream as one output; a progress reporter's latest state only. */
function joinOutputs(outs: readonly KernelOutput[]): KernelOutput[] {
  const joined: KernelOutput[] = [];
  for (const o of outs) {
    const last = joined[joined.length - 1];
    if (o.type === 'stream' && last?.type === 'stream' && last.name === o.name) {
      joined[joined.length - 1] = { ...last, text: last.text + o.text };
      continue;
    }
    if (o.type === 'progress') {
      const k = joined.findIndex((x) => x.type === 'progress' && x.reporter === o.reporter);
      if (k >= 0) {
        joined[k] = o;
        continue;
      }
    }
    joined.push(o);
  }
  return joined;
}
