/**
 * Runs units on a pool of worker threads (workerpool) with progress and cancellation, or inline in the calling
 * thread when `workers` is 0 (tests, notebooks). In a development checkout the workers load the TypeScript worker
 * through the same esbuild require hook as the tests; in the built package they load the compiled worker.js; in the
 * VS Code extension, whose library is one bundle (dist/fairdiv.js), the bundled dist/experiment-worker.js.
 */
import { LimitError } from '../core/errors';
import { threadPool, workerScript } from '../core/thread-pool';
import { highsNashSolver, highsParetoSolver, loadHighs } from './highs';
import { runUnit, type UnitResult, type UnitSpec } from './trials';

export interface Progress {
  readonly doneUnits: number;
  readonly totalUnits: number;
  readonly doneTrials: number;
  readonly totalTrials: number;
  /** The unit just finished. */
  readonly unit: UnitSpec;
}

export interface PoolOptions {
  /** Worker threads (0: inline in this thread). */
  readonly workers: number;
  /** HiGHS time limit per integer program, ms (default 60000). */
  readonly timeLimitMs?: number;
  readonly onProgress?: (p: Progress) => void;
  /** Aborting terminates the workers; the promise rejects with a `LimitError` (code `cancelled`). */
  readonly signal?: AbortSignal;
}

function cancelled(): LimitError {
  return new LimitError('cancelled', 'experiment cancelled');
}

/** Runs every unit; results in the order of `units`. */
export async function runUnits(units: readonly UnitSpec[], opts: PoolOptions): Promise<UnitResult[]> {
  const timeLimitMs = opts.timeLimitMs ?? 60_000;
  const totalTrials = units.reduce((s, u) => s + u.to - u.from, 0);
  let doneUnits = 0,
    doneTrials = 0;
  const finished = (u: UnitSpec) => {
    doneUnits++;
    doneTrials += u.to - u.from;
    opts.onProgress?.({ doneUnits, totalUnits: units.length, doneTrials, totalTrials, unit: u });
  };
  if (opts.signal?.aborted) throw cancelled();
  if (opts.workers <= 0) {
    const highs = await loadHighs();
    const ctx = highs
      ? { paretoSolver: highsParetoSolver(highs, timeLimitMs), nashSolver: highsNashSolver(highs, timeLimitMs) }
      : {};
    const out: UnitResult[] = [];
    for (const u of units) {
      if (opts.signal?.aborted) throw cancelled();
      out.push(runUnit(u, ctx));
      finished(u);
      // let an abort from a timer or a handler in this thread arrive between units
      await new Promise((resolve) => setImmediate(resolve));
    }
    return out;
  }
  const pool = threadPool(workerScript(__filename, 'worker', 'experiment-worker'), opts.workers);
  let aborted = false;
  const onAbort = () => {
    aborted = true;
    void pool.terminate(true);
  };
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    return await Promise.all(
      units.map((u) =>
        pool.exec('runUnit', [u, timeLimitMs]).then((r: UnitResult) => {
          finished(u);
          return r;
        }),
      ),
    );
  } catch (e) {
    if (aborted) throw cancelled();
    throw e;
  } finally {
    opts.signal?.removeEventListener('abort', onAbort);
    if (!aborted) await pool.terminate();
  }
}
