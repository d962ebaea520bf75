/**
 * Search budget: counts nodes, and stops a search by throwing {@link Interrupted} once the time limit has
 * passed or the AbortSignal fired. The clock is read every 256 nodes, so the check costs nothing measurable.
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

  constructor(timeLimitMs: number | undefined, private readonly signal: AbortSignal | undefined) {
    // the enclosing call's budget (src/core/time-budget.ts) caps every search below it
    this.deadline = Math.min(timeLimitMs === undefined ? Infinity : this.start + timeLimitMs, ambientDeadline());
  }

  /** Counts one node; throws {@link Interrupted} when the budget is exhausted. */
  tick(): void {
    if ((++this.nodes & 255) === 0) this.check();
  }

  /** Throws {@link Interrupted} when the time is up or the signal is aborted. */
  check(): void {
    if (Date.now() > this.deadline || this.signal?.aborted) throw new Interrupted();
  }

  get elapsedMs(): number {
    return Date.now() - this.start;
  }
}
