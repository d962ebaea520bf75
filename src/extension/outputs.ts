/**
 * Kernel outputs (kernel/protocol.ts `KernelOutput`) as VS Code cell outputs: streams, errors, rich bundles
 * (items in bundle order: custom JSON, text/html, text/plain) and progress bars.
 */
import * as vscode from 'vscode';
import type { KernelOutput } from '../../kernel/protocol';
import { progressText } from '../display/progress';

export type ProgressOutput = Extract<KernelOutput, { type: 'progress' }>;

/** One kernel output -> the VS Code output; a result carries its execution count like nbformat's `execute_result`. */
export function toCellOutput(o: KernelOutput, executionOrder?: number): vscode.NotebookCellOutput {
  if (o.type === 'stream') return new vscode.NotebookCellOutput([streamItem(o.name, o.text)]);
  if (o.type === 'error') {
    const stack = o.traceback.join('\n');
    return new vscode.NotebookCellOutput(
      [vscode.NotebookCellOutputItem.error({ name: o.ename, message: o.evalue, stack })],
      { outputType: 'error' },
    );
  }
  if (o.type === 'progress') return toProgressOutput(o);
  const items = Object.entries(o.data).map(([mime, v]) =>
    typeof v === 'string' ? vscode.NotebookCellOutputItem.text(v, mime) : vscode.NotebookCellOutputItem.json(v, mime),
  );
  const metadata = o.result
    ? { outputType: 'execute_result', executionCount: executionOrder }
    : { outputType: 'display_data' };
  return new vscode.NotebookCellOutput(items, metadata);
}

/** A stdout or stderr item. */
export function streamItem(name: 'stdout' | 'stderr', text: string): vscode.NotebookCellOutputItem {
  return name === 'stderr' ? vscode.NotebookCellOutputItem.stderr(text) : vscode.NotebookCellOutputItem.stdout(text);
}

/** The text/plain line of a progress bar, e.g. `MMS  ███████░░░ 70%  message`. */
export function progressLine(o: ProgressOutput, suffix = ''): string {
  return progressText(o.label, o.fraction, o.message) + suffix;
}

/** The item of a progress bar (replaced in place on each update). */
export function progressItem(o: ProgressOutput, suffix = ''): vscode.NotebookCellOutputItem {
  return vscode.NotebookCellOutputItem.text(progressLine(o, suffix), 'text/plain');
}

/** A progress bar as a cell output (one per reporter; its item is replaced on each update). */
export function toProgressOutput(o: ProgressOutput, suffix = ''): vscode.NotebookCellOutput {
  return new vscode.NotebookCellOutput([progressItem(o, suffix)], {
    outputType: 'display_data',
    fairdivProgress: o.reporter,
  });
}
