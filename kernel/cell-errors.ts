/**
 * Errors of cells as the host shows them: the message, the position in the cell's own (TypeScript) source,
 * and a traceback of the user's frames with compiled-cell positions mapped back to cell lines. Every compiled
 * cell is registered under a sequence number (its file is `fairdiv-cell-<n>.js`), so frames of functions
 * defined in earlier cells map too.
 */
import * as path from 'node:path';
import type { CellSyntaxError, CompiledCell } from './transform';
import type { ErrorMessage } from './protocol';
import { renderValue } from './render';

interface CellRecord {
  name: string;
  mapPosition: CompiledCell['mapPosition'];
}

const CELL_FILE = /(?:[^\s()]*[\\/])?fairdiv-cell-(\d+)\.js:(\d+):(\d+)/;
const CELL_FILE_G = /(?:[^\s()]*[\\/])?fairdiv-cell-(\d+)\.js:(\d+):(\d+)/g;

/**
 * Where the kernel's own code lives: its source folder (`kernel/`, or `dist/kernel/` when compiled), or the
 * one bundled file (`dist/kernel.js`). Frames there are the kernel's, not the user's.
 */
const KERNEL_CODE = path.basename(__dirname) === 'kernel' ? __dirname + path.sep : __filename + ':';
const NODE_INTERNAL = /node:internal|node:vm/;

/** The compiled cells of this kernel process, by sequence number. */
export class CellRegistry {
  private readonly cells = new Map<string, CellRecord>();
  private seq = 0;

  /** Registers a compiled cell; returns its file name (`fairdiv-cell-<n>.js`). */
  register(name: string, mapPosition: CompiledCell['mapPosition']): string {
    const seq = String(++this.seq);
    this.cells.set(seq, { name, mapPosition });
    return `fairdiv-cell-${seq}.js`;
  }

  get(seq: string): CellRecord | undefined {
    return this.cells.get(seq);
  }
}

/** `f()`, or `fallback` when reading the value throws (a hostile getter, a Proxy trap, a custom inspector). */
function attempt<T>(f: () => T, fallback: T): T {
  try {
    return f();
  } catch {
    return fallback;
  }
}

/**
 * Name, message and stack of a thrown value, read defensively: a thrown value whose `message` getter, `name`,
 * `stack`, Proxy traps or custom inspector throw is still described (issue 16: such a value used to wedge the
 * cell until its timeout and cost the kernel's state).
 */
export function describeThrown(err: unknown): { ename: string; evalue: string; stack: string } {
  const isErr = attempt(
    () => err instanceof Error || (typeof err === 'object' && err !== null && 'stack' in err && 'message' in err),
    false,
  );
  const text = (x: unknown): string =>
    attempt(() => (typeof x === 'string' ? x : String(x)), '(a value that cannot be shown)');
  if (isErr) {
    const e = err as Error;
    return {
      ename: attempt(() => text(e.name) || 'Error', 'Error'),
      evalue: attempt(() => text(e.message), '(its message cannot be read)'),
      stack: attempt(() => (typeof e.stack === 'string' ? e.stack : ''), ''),
    };
  }
  if (typeof err === 'string') return { ename: 'Thrown', evalue: err, stack: '' };
  const shown = attempt(() => renderValue(err, null).data['text/plain'] as string, '');
  return {
    ename: 'Thrown',
    evalue: shown || `(a thrown ${attempt(() => typeof err, 'value')} that cannot be shown)`,
    stack: '',
  };
}

/** The `error` message of a cell that did not compile (nothing ran). */
export function syntaxErrorMessage(id: string, e: CellSyntaxError, cellName: string): ErrorMessage {
  return {
    type: 'error',
    id,
    ename: 'SyntaxError',
    evalue: e.message,
    traceback: [`SyntaxError: ${e.message}`, `  at ${cellName}, line ${e.line}, column ${e.column}`],
    line: e.line,
    column: e.column,
    phase: 'syntax',
  };
}

/**
 * The `error` message of a runtime error: the user's frames with cell positions mapped to cell source lines,
 * and the position of the first cell frame (preferring the frame of `ownFile`, the cell that was running,
 * whose path is relative to `cwd` or absolute).
 */
export function runtimeErrorMessage(
  id: string,
  err: unknown,
  cells: CellRegistry,
  ownFile: string | null,
  cwd: string,
): ErrorMessage {
  const { ename, evalue, stack } = describeThrown(err);
  const traceback: string[] = [`${ename}: ${evalue}`];
  const frames = stack.split('\n').filter((l) => /^\s+at /.test(l));
  let firstCellFrame: { line: number; column: number; name: string; own: boolean } | null = null;
  for (const f of frames) {
    if ((f.includes(KERNEL_CODE) || NODE_INTERNAL.test(f)) && !CELL_FILE.test(f)) continue;
    const cm = CELL_FILE.exec(f);
    if (cm && cells.get(cm[1]) && !cells.get(cm[1])!.mapPosition(Number(cm[2]), Number(cm[3]))) continue;
    const mapped = f.replace(CELL_FILE_G, (_all, seq: string, l: string, c: string) => {
      const rec = cells.get(seq);
      if (!rec) return `cell:${l}:${c}`;
      const p = rec.mapPosition(Number(l), Number(c)) ?? { line: Number(l), column: Number(c) };
      const own = ownFile === `fairdiv-cell-${seq}.js` || ownFile === path.join(cwd, `fairdiv-cell-${seq}.js`);
      if (!firstCellFrame || (own && !firstCellFrame.own)) firstCellFrame = { ...p, name: rec.name, own };
      return `${rec.name}:${p.line}:${p.column}`;
    });
    traceback.push(mapped);
  }
  const fc = firstCellFrame as { line: number; column: number; name: string; own: boolean } | null;
  if (!fc) return { type: 'error', id, ename, evalue, traceback, phase: 'runtime' };
  traceback.splice(1, 0, `  at ${fc.name}, line ${fc.line}, column ${fc.column}`);
  return { type: 'error', id, ename, evalue, traceback, line: fc.line, column: fc.column, phase: 'runtime' };
}
