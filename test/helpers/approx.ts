/** Float comparisons for the stochastic layer's tests (analytic values and Monte Carlo estimates). */
import { strict as assert } from 'node:assert';

/** Asserts |a - b| ≤ tol, naming the quantity in the message. */
export function close(a: number, b: number, tol: number, what = ''): void {
  assert.ok(Math.abs(a - b) <= tol, `${what}: ${a} vs ${b} (tol ${tol})`);
}
