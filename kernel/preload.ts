/**
 * Work the kernel does once when it starts, before it reports `ready`, so that no cell pays for it: loading the library
 * that `import ... from 'fairdiv'` returns, looking up its display code, and compiling one cell that uses every
 * construct the cell compiler rewrites, so that TypeScript's transpiler and the rewrite are loaded and optimized (the
 * first compilation of a session took 40-80 ms, later ones 1-5 ms). Then kernel/main.ts executes `WARM_UP_RUN` as a
 * cell whose messages it does not send, for what runs once per process on the way from a request to its answer
 * (async-context hooks, `vm`'s SIGINT wrapper, rendering a result, serializing messages): 15 ms of CPU on a first cell.
 * A library that fails to load is left for the first cell that imports it to report, exactly as without the preload.
 */
import { compileCell } from './transform';

/** A cell with imports, declarations of every kind, types, `await` and a result: the compiler's paths, warmed. */
const WARM_UP_CELL = [
  "import { a as b, c } from 'fairdiv';",
  "import * as ns from 'node:path';",
  "import d from 'node:fs';",
  'interface Shape { readonly n: number; values?: number[] }',
  'type Pair<T> = [T, T];',
  'const { n, values = [] }: Shape = { n: 1 } as Shape;',
  'let [x, y]: Pair<number> = [1, 2];',
  'var z = x + y;',
  'function f(v: number): number { return v * 2; }',
  'export class C<T> { constructor(private readonly t: T) {} get value(): T { return this.t; } }',
  'enum E { A, B }',
  'const w = await Promise.resolve(f(z));',
  'for (const k of values) console.log(`${k}: ${b}`, c, ns, d, E.A);',
  'new C(w).value satisfies number;',
].join('\n');

/** The id of the warm-up execution: kernel/main.ts does not send its messages. */
export const WARM_UP_ID = 'fairdiv-kernel-warm-up';

/** The warm-up execution: output and a result of several kinds, and no declarations (the user's namespace stays empty). */
export const WARM_UP_RUN = "console.log('warm-up');\n[1, 'two', { three: 3n }, new Map([[4, [5.5]]]), null]";

/**
 * Loads the library (`loadLibrary`), then its display code (`loadDisplay`), and warms the cell compiler; returns
 * whether the library loaded.
 */
export function preloadKernel(loadLibrary: () => unknown, loadDisplay: () => unknown): boolean {
  let library = false;
  try {
    loadLibrary();
    library = true;
    loadDisplay();
  } catch {
    // the cell that imports the library reports the error
  }
  compileCell(WARM_UP_CELL, 'typescript');
  return library;
}
