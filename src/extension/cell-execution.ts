/**
 * One cell run in a kernel, shown in VS Code: a cell execution with its order and clock, outputs appended
 * as they arrive (consecutive chunks of one stream join one output), and one progress bar per reporter,
 * replaced in place (updates queued behind a slow UI are coalesced) and marked when the cell did not end ok.
 */
import * as vscode from 'vscode';
import type { KernelClient } from '../../kernel/client';
import type { KernelOutput } from '../../kernel/protocol';
import type { LateOutputRouter } from './late-output';
import { progressItem, streamItem, toCellOutput, toProgressOutput, type ProgressOutput } from './outputs';

interface Bar {
  output: vscode.NotebookCellOutput | null;
  latest: ProgressOutput;
  queued: boolean;
}

/**
 * Runs a code cell in the kernel as execution number `executionOrder`; true when it ended ok. With `late`, output
 * that arrives after the run ended is shown on this cell (./late-output.ts).
 */
export async function executeCell(
  controller: vscode.NotebookController,
  cell: vscode.NotebookCell,
  kernel: KernelClient,
  executionOrder: number,
  late?: LateOutputRouter,
): Promise<boolean> {
  await late?.begin(cell);
  const exec = controller.createNotebookCellExecution(cell);
  exec.executionOrder = executionOrder;
  const startedAt = Date.now();
  exec.start(startedAt);
  await exec.clearOutput();
  let lastStream: { name: string; output: vscode.NotebookCellOutput } | null = null;
  // UI updates run one after another, in the order the outputs arrived
  let pending: Thenable<void> = Promise.resolve();
  const later = (f: () => Thenable<void>) => (pending = pending.then(f));
  const bars = new Map<string, Bar>();
  const onProgress = (o: ProgressOutput) => {
    const bar = bars.get(o.reporter);
    if (bar) {
      bar.latest = o;
      if (bar.queued) return;
      bar.queued = true;
    } else bars.set(o.reporter, { output: null, latest: o, queued: true });
    later(async () => {
      const b = bars.get(o.reporter)!;
      b.queued = false;
      if (b.output) {
        await exec.replaceOutputItems(progressItem(b.latest), b.output);
      } else {
        b.output = toProgressOutput(b.latest);
        lastStream = null;
        await exec.appendOutput(b.output);
      }
    });
  };
  const onOutput = (o: KernelOutput) => {
    if (o.type === 'progress') return onProgress(o);
    later(async () => {
      if (o.type === 'stream' && lastStream && lastStream.name === o.name) {
        await exec.appendOutputItems(streamItem(o.name, o.text), lastStream.output);
        return;
      }
      const out = toCellOutput(o, executionOrder);
      lastStream = o.type === 'stream' ? { name: o.name, output: out } : null;
      await exec.appendOutput(out);
    });
  };
  const cancel = exec.token.onCancellationRequested(() => void kernel.interrupt());
  try {
    const language = cell.document.languageId === 'javascript' ? 'javascript' : 'typescript';
    const r = await kernel.execute(cell.document.getText(), { language, cellName: `cell ${cell.index + 1}`, onOutput });
    await pending;
    if (r.status !== 'ok') {
      for (const b of bars.values())
        if (b.output && !b.latest.done)
          await exec.replaceOutputItems(progressItem(b.latest, `  (${r.status})`), b.output);
    }
    const success = r.status === 'ok';
    const endedAt = Date.now();
    exec.end(success, endedAt);
    late?.finished(r.id, { cell, executionOrder, success, startedAt, endedAt });
    return success;
  } catch (e) {
    await pending;
    await exec.appendOutput(new vscode.NotebookCellOutput([vscode.NotebookCellOutputItem.error(e as Error)]));
    exec.end(false, Date.now());
    return false;
  } finally {
    cancel.dispose();
  }
}
