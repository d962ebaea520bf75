/**
 * The worker-thread entry of the experiment pool: one method, `runUnit`, with HiGHS loaded once per thread for the
 * PO decisions. Thin host: the work is in trials.ts.
 */
import workerpool from 'workerpool';
import { highsNashSolver, highsParetoSolver, loadHighs } from './highs';
import { runUnit, type UnitSpec } from './trials';

workerpool.worker({
  async runUnit(spec: UnitSpec, timeLimitMs: number) {
    const highs = await loadHighs();
    return runUnit(
      spec,
      highs
        ? { paretoSolver: highsParetoSolver(highs, timeLimitMs), nashSolver: highsNashSolver(highs, timeLimitMs) }
        : {},
    );
  },
});
