/**
 * Headless notebook runner: executes every code cell of an `.ipynb` in a fresh fairdiv kernel (in
 * order, in the notebook's folder), writes nbformat outputs, and counts errors and certificates.
 * Used by `fairdiv run`, `npm start` (scripts/start.cjs) and the tests.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { KernelClient, type KernelClientOptions } from './client';
import {
  cellLanguage,
  countCertificates,
  notebookToHtml,
  sourceOf,
  toNbOutputs,
  type NbOutput,
  type Notebook,
} from './nbformat';
import type { ExecutionOutcome } from './protocol';

export interface RunNotebookOptions {
  /** Kernel options (cwd defaults to the notebook's folder). */
  kernel?: KernelClientOptions;
  /** Per-cell time limit in ms (default 600000); the cell is interrupted after it. */
  cellTimeoutMs?: number;
  /** Keep executing after a cell fails (default false: the rest are left unexecuted, like nbconvert). */
  continueOnError?: boolean;
  /** Called after each code cell. */
  onCell?: (info: { index: number; status: ExecutionOutcome; ms: number }) => void;
}

export interface CellReport {
  index: number;
  status: ExecutionOutcome | 'skipped';
  ms: number;
}

export interface RunReport {
  notebook: string;
  /** Code cells in the notebook. */
  codeCells: number;
  /** Code cells executed (status other than skipped). */
  executed: number;
  /** Cells that ended in error, interrupt or crash. */
  errors: number;
  certificates: { passed: number; failed: number; claimsPassed: number; claimsFailed: number };
  seconds: number;
  /** The notebook with outputs and execution counts. */
  output: Notebook;
  cells: CellReport[];
  ok: boolean;
}

export function readNotebook(file: string): Notebook {
  const nb = JSON.parse(fs.readFileSync(file, 'utf8')) as Notebook;
  if (!nb || !Array.isArray(nb.cells) || typeof nb.nbformat !== 'number')
    throw new Error(`${file}: not an nbformat notebook`);
  if (nb.nbformat !== 4) throw new Error(`${file}: nbformat ${nb.nbformat} is not supported (need 4)`);
  return nb;
}

export function writeNotebook(file: string, nb: Notebook): void {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(nb, null, 1) + '\n');
}

/** Runs a notebook file (or an already parsed notebook with its folder) and returns the report. */
export async function runNotebook(file: string, opts: RunNotebookOptions = {}, parsed?: Notebook): Promise<RunReport> {
  const t0 = Date.now();
  const nb: Notebook = structuredClone(parsed ?? readNotebook(file));
  const dir = path.dirname(path.resolve(file));
  const client = new KernelClient({ cwd: dir, ...opts.kernel });
  const cells: CellReport[] = [];
  let errors = 0;
  let executed = 0;
  let count = 0;
  let stop = false;
  const allOutputs: NbOutput[] = [];
  try {
    for (let i = 0; i < nb.cells.length; i++) {
      const cell = nb.cells[i];
      if (cell.cell_type !== 'code') continue;
      const source = sourceOf(cell);
      if (stop || source.trim() === '') {
        cell.outputs = [];
        cell.execution_count = null;
        cells.push({ index: i, status: 'skipped', ms: 0 });
        continue;
      }
      const n = ++count;
      const r = await client.execute(source, {
        language: cellLanguage(nb, cell),
        cellName: `cell ${n}`,
        timeoutMs: opts.cellTimeoutMs ?? 600000,
      });
      executed++;
      cell.execution_count = n;
      cell.outputs = toNbOutputs(r.outputs, n);
      allOutputs.push(...cell.outputs);
      cells.push({ index: i, status: r.status, ms: r.durationMs });
      opts.onCell?.({ index: i, status: r.status, ms: r.durationMs });
      if (r.status !== 'ok') {
        errors++;
        if (!opts.continueOnError) stop = true;
      }
    }
  } finally {
    await client.dispose();
  }
  const certificates = countCertificates(allOutputs);
  return {
    notebook: file,
    codeCells: cells.length,
    executed,
    errors,
    certificates,
    seconds: (Date.now() - t0) / 1000,
    output: nb,
    cells,
    ok: errors === 0 && certificates.failed === 0,
  };
}

export function writeHtml(file: string, nb: Notebook, title: string): void {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  fs.writeFileSync(file, notebookToHtml(nb, title));
}

/** The summary table printed by `npm start` and `fairdiv run`. */
export function summaryTable(reports: readonly RunReport[]): string {
  const rows = reports.map((r) => [
    path.basename(r.notebook),
    `${r.executed}/${r.codeCells}`,
    String(r.errors),
    String(r.certificates.passed),
    String(r.certificates.failed),
    r.seconds.toFixed(1),
  ]);
  const head = ['notebook', 'cells', 'errors', 'certificates passed', 'failed', 'seconds'];
  const widths = head.map((h, k) => Math.max(h.length, ...rows.map((r) => r[k].length)));
  const fmt = (r: string[]) => r.map((c, k) => (k === 0 ? c.padEnd(widths[k]) : c.padStart(widths[k]))).join('  ');
  return [fmt(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(fmt)].join('\n');
}
