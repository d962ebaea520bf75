/**
 * Headless notebook runner: executes every code cell of an `.ipynb` in a fresh fairdiv kernel (in
 * order, in the notebook's folder), writes nbformat outputs, and counts errors and certificates.
 * Used by `fairdiv run`, `npm start` (scripts/start.cjs) and the tests.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseJsonInput } from '../src/core/json-input';
import { KernelClient, type KernelClientOptions } from './client';
import {
  cellLanguage,
  countCertificates,
  notebookToHtml,
  sourceOf,
  toNbOutputs,
  type NbCell,
  type Notebook,
} from './nbformat';
import type { ExecutionOutcome, KernelOutput } from './protocol';

/** Deepest JSON nesting of a notebook file the runner reads. */
const NOTEBOOK_MAX_DEPTH = 512;

/** How long the runner waits after the last cell for its late output (timers, promises), in ms. */
const LATE_OUTPUT_MS = 100;

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

/**
 * Reads an nbformat 4 notebook, checking the shape the runner relies on: every cell an object with a string
 * `cell_type` and a text `source` (errors name the cell), outputs and metadata of the right kinds.
 */
export function readNotebook(file: string): Notebook {
  // depth-limited (a deeply nested file would overflow the stack later, when the notebook is copied)
  const nb = parseJsonInput(fs.readFileSync(file, 'utf8'), {
    source: file,
    maxDepth: NOTEBOOK_MAX_DEPTH,
    exactNumbers: false,
  }) as Notebook;
  if (!nb || typeof nb !== 'object' || !Array.isArray(nb.cells) || typeof nb.nbformat !== 'number')
    throw new Error(`${file}: not an nbformat notebook`);
  if (nb.nbformat !== 4) throw new Error(`${file}: nbformat ${nb.nbformat} is not supported (need 4)`);
  if (nb.metadata !== undefined && (nb.metadata === null || typeof nb.metadata !== 'object'))
    throw new Error(`${file}: metadata must be an object`);
  nb.cells.forEach((cell: unknown, k) => {
    const where = `${file}: cells[${k}]`;
    if (cell === null || typeof cell !== 'object' || Array.isArray(cell))
      throw new Error(`${where}: expected a cell object, got ${JSON.stringify(cell)}`);
    const c = cell as Partial<NbCell>;
    if (typeof c.cell_type !== 'string') throw new Error(`${where}.cell_type: expected a string`);
    const src = c.source;
    if (!(typeof src === 'string' || (Array.isArray(src) && src.every((l) => typeof l === 'string'))))
      throw new Error(`${where}.source: expected text (a string or a list of strings)`);
    if (c.metadata !== undefined && (c.metadata === null || typeof c.metadata !== 'object'))
      throw new Error(`${where}.metadata: must be an object`);
    if (c.outputs !== undefined && !Array.isArray(c.outputs)) throw new Error(`${where}.outputs: must be a list`);
  });
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
  // output that arrives after its cell ended (a timer, a promise) joins that cell's outputs
  const executedCells = new Map<string, { cell: NbCell; outputs: KernelOutput[]; count: number }>();
  client.on('lateOutput', (id: string, o: KernelOutput) => {
    const c = executedCells.get(id);
    if (!c) return;
    c.outputs.push(o);
    c.cell.outputs = toNbOutputs(c.outputs, c.count);
  });
  try {
    for (let i = 0; i < nb.cells.length; i++) {
      const cell = nb.cells[i];
      if (cell.cell_type !== 'code') {
        // only the cells the runner executed carry outputs (a cell of another type holds none it could have run)
        delete cell.outputs;
        delete cell.execution_count;
        continue;
      }
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
      executedCells.set(r.id, { cell, outputs: [...r.outputs], count: n });
      cells.push({ index: i, status: r.status, ms: r.durationMs });
      opts.onCell?.({ index: i, status: r.status, ms: r.durationMs });
      if (r.status !== 'ok') {
        errors++;
        if (!opts.continueOnError) stop = true;
      }
    }
    // a moment for the last cell's late output
    await new Promise((resolve) => setTimeout(resolve, LATE_OUTPUT_MS));
  } finally {
    await client.dispose();
  }
  const certificates = countCertificates(nb.cells.flatMap((c) => (c.cell_type === 'code' ? (c.outputs ?? []) : [])));
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
