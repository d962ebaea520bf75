/**
 * Worker threads for the library's parallel work (experiment units, simulation shards, MMS shares), on the
 * `workerpool` library. A worker's script lives beside the module that starts it: `name.ts` in a development checkout
 * (loaded through the tests' esbuild require hook), `name.js` in the built package, and `bundled.js` beside the VS Code
 * extension's one-file library (dist/fairdiv.js; scripts/build-extension.mjs bundles each worker there).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import workerpool from 'workerpool';
import { FairDivError, InvalidInputError } from './errors';

/** Most worker threads any pool accepts. */
export const MAX_WORKERS = 64;

/**
 * Worker threads by default: the machine's cores, at most 8 (each thread loads the library; beyond that the start-up
 * outweighs the work of the instances these pools run).
 */
export function defaultWorkers(): number {
  return Math.min(8, os.availableParallelism());
}

/** `workers` of `fn`: an integer in 0..MAX_WORKERS, else a typed `bad-workers` error. */
export function requireWorkers(workers: unknown, fn: string): number {
  if (typeof workers !== 'number' || !Number.isInteger(workers) || workers < 0 || workers > MAX_WORKERS)
    throw new InvalidInputError(
      'bad-workers',
      `${fn}: workers must be an integer in 0..${MAX_WORKERS}, got ${JSON.stringify(workers) ?? String(workers)}`,
    );
  return workers;
}

/**
 * The worker thread's script `name` beside the module `moduleFile` (its __filename), as in the module header. A
 * missing script is an error here: workerpool would otherwise wait for a worker that never starts, and a notebook cell
 * would hang.
 */
export function workerScript(moduleFile: string, name: string, bundled: string): string {
  const candidates = moduleFile.endsWith('.ts') ? [`${name}.ts`] : [`${name}.js`, `${bundled}.js`];
  for (const c of candidates) {
    const file = path.join(path.dirname(moduleFile), c);
    if (fs.existsSync(file)) return file;
  }
  throw new FairDivError(
    'no-worker-script',
    `the worker script (${candidates.join(' or ')}) is missing beside ${moduleFile}; run with workers: 0`,
  );
}

/** A pool of `workers` worker threads on `script`; a TypeScript script loads through the tests' esbuild require hook. */
export function threadPool(script: string, workers: number): workerpool.Pool {
  return workerpool.pool(script, {
    workerType: 'thread',
    maxWorkers: workers,
    ...(script.endsWith('.ts')
      ? { workerThreadOpts: { execArgv: ['--require', path.join(__dirname, '..', '..', 'scripts', 'register.cjs')] } }
      : {}),
  });
}
