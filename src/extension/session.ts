/**
 * A notebook's session with the fairdiv kernel: its kernel process (started on the first run), the queue of
 * runs (a stateful kernel runs cells one after another), the execution order, the run generation that an
 * interrupt or restart advances so that cells queued before it are dropped, and the routing of output that
 * arrives after its cell finished (./late-output.ts). The controller creates one per
 * notebook when it opens and disposes it when the notebook closes, which releases all of it.
 */
import * as vscode from 'vscode';
import { KernelClient, type KernelClientOptions } from '../../kernel/client';
import type { KernelOutput } from '../../kernel/protocol';
import { executeCell } from './cell-execution';
import { LateOutputRouter } from './late-output';

export class NotebookSession implements vscode.Disposable {
  private client: KernelClient | null = null;
  private executionOrder = 0;
  private queue: Promise<void> = Promise.resolve();
  private generation = 0;
  private disposed = false;
  /** Output of a finished run, shown on its cell. */
  readonly lateOutput: LateOutputRouter;

  constructor(
    readonly notebook: vscode.NotebookDocument,
    private readonly controller: vscode.NotebookController,
    private readonly kernelOptions: () => KernelClientOptions,
  ) {
    this.lateOutput = new LateOutputRouter(controller);
  }

  /** The kernel, once a cell has run (null before, and after dispose). */
  get kernel(): KernelClient | null {
    return this.client;
  }

  get isDisposed(): boolean {
    return this.disposed;
  }

  private kernelClient(): KernelClient {
    if (!this.client) {
      const client = new KernelClient(this.kernelOptions());
      client.on('lateOutput', (id: string, o: KernelOutput) => this.lateOutput.route(id, o));
      // a re-forked kernel has none of the old runs' timers or promises
      client.on('restart', () => this.lateOutput.clear());
      this.client = client;
    }
    return this.client;
  }

  /**
   * Runs cells one after another, queued behind earlier runs. Like Jupyter, a failing cell stops the cells
   * after it; an interrupt, a restart or closing the notebook drops the cells not started yet.
   */
  run(cells: readonly vscode.NotebookCell[]): Promise<void> {
    const generation = this.generation;
    const next = this.queue.then(async () => {
      for (const cell of cells) {
        if (this.disposed || this.generation !== generation) break;
        if (cell.kind !== vscode.NotebookCellKind.Code) continue;
        const ok = await executeCell(
          this.controller,
          cell,
          this.kernelClient(),
          ++this.executionOrder,
          this.lateOutput,
        );
        if (!ok) break;
      }
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Interrupts the running cell; the rest of its run is dropped. */
  async interrupt(): Promise<void> {
    this.generation++;
    await this.client?.interrupt();
  }

  /** Restarts the kernel: state cleared, execution order starts again, queued cells dropped. */
  async restart(): Promise<void> {
    this.generation++;
    this.executionOrder = 0;
    await this.client?.restart();
  }

  /** Stops the kernel process and drops everything queued; the session is not used again. */
  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    this.generation++;
    const k = this.client;
    this.client = null;
    this.lateOutput.clear();
    await k?.dispose();
  }
}
