/**
 * Search budget: counts nodes, and stops a search by throwing {@link Interrupted} once the time limit has
 * passed or the AbortSignal fired. The clock is read every 256 nodes, so the check costs nothing measurable.
 * Several searches share one budget by taking turns in time slices (`runSlice`): a slice ends its search
 * with the same {@link Interrupted}, and the driver tells the two apart by `exhausted`.
 */

import { ambientDeadline } from '../../core/time-budget';

/** Thrown inside a search when its budget is exhausted; the driver catches it and returns its bounds. */
export class Interrupted extends Error {
  constructor() {
    super('mms search interrupted');
  }
}

export class Budget {
  nodes = 0;
  private readonly start = Date.now();
  private readonly deadline: number;
  private sliceEnd = Infinity;

  constructor(
    timeLimitMs: number | undefined,
    private readonly signal: AbortSignal | undefined,
  ) {
    // the enclosing call's budget (src/core/time-budget.ts) caps every search below it
    this.deadline = Math.min(timeLimitMs === undefined ? Infinity : this.start + timeLimitMs, ambientDeadline());
  }

  /** Counts one node; throws {@link Interrupted} when the budget is exhausted. */
  tick(): void {
    if ((++this.nodes & 255) === 0) this.check();
  }

  /** Throws {@link Interrupted} when the time (or the current slice) is up or the signal is aborted. */
  check(): void {
    const now = Date.now();
    if (now > this.deadline || now > this.sliceEnd || this.signal?.aborted) throw new Interrupted();
  }

  /** Whether the whole budget (not just a slice) is spent. */
  get exhausted(): boolean {
    return Date.now() > this.deadline || this.signal?.aborted === true;
  }

  /**
   * Runs `fn` for at most `ms` milliseconds of this budget: true when it returned, false when the slice ran
   * out. An exhausted budget propagates as {@link Interrupted}.
   */
  runSlice(ms: number, fn: () => void): boolean {
    this.sliceEnd = Date.now() + ms;
    try {
      fn();
      return true;
    } catch (e) {
      if (e instanceof Interrupted && !this.exhausted) return false;
      throw e;
    } finally {
      this.sliceEnd = Infinity;
    }
  }

  get elapsedMs(): number {
    return Date.now() - this.start;
  }
}
