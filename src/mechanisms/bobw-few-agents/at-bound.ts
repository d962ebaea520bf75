/**
 * A fast exact path for the three-way oracle on many goods: a 3-partition whose worst bundle reaches an
 * upper bound on the MMS (the largest-items bound of src/shares/mms/bounds.ts) is an MMS partition, and on
 * many goods with moderate values such a "perfect" partition almost always exists (bench/results/bobw.md: for
 * `bobw-three-agents` on U[1,1000] at m = 40 to 100, 256 of 258 oracle answers came from here). The search: for
 * a few deterministic orders of the goods (value descending, then seeded shuffles), take as bundle 0 a subset
 * whose sum lies in [U, v(S) - 2U]
 * (the first one the window subset-sum finds in that order) and split the rest by a subset in [U, v(R) - U]
 * (exact subset-sum). It proves nothing when it fails: the caller then asks the exact kernel.
 */
import { rng } from '../../core/rng';
import { Budget, Interrupted } from '../../shares/mms/budget';
import { subsetInWindow } from '../../shares/mms/subset-sum';

/** Milliseconds each window search may take before the attempt is abandoned. */
const WINDOW_MS = 200;

/** Positions of a 3-partition of `w` with every bundle >= U, or null when the tries find none. */
export function threeWayAtBound(w: readonly number[], U: number, tries = 12): number[][] | null {
  const total = w.reduce((a, b) => a + b, 0);
  if (U <= 0) return [w.map((_, p) => p), [], []];
  if (3 * U > total) return null;
  const byValue = w.map((_, p) => p).sort((a, b) => w[b] - w[a] || a - b);
  const r = rng(0x002b0b3);
  for (let t = 0; t < tries; t++) {
    const order = t === 0 ? byValue : r.shuffle(byValue);
    try {
      const first = subsetInWindow(
        order.map((p) => w[p]),
        U,
        total - 2 * U,
        new Budget(WINDOW_MS, undefined),
      );
      if (!first) return null;
      const taken = new Set(first.map((k) => order[k]));
      const rest = order.filter((p) => !taken.has(p));
      const restSum = rest.reduce((s, p) => s + w[p], 0);
      const second = subsetInWindow(
        rest.map((p) => w[p]),
        U,
        restSum - U,
        new Budget(WINDOW_MS, undefined),
      );
      if (!second) continue;
      const mid = new Set(second.map((k) => rest[k]));
      return [
        [...taken].sort((a, b) => a - b),
        [...mid].sort((a, b) => a - b),
        rest.filter((p) => !mid.has(p)).sort((a, b) => a - b),
      ];
    } catch (e) {
      if (!(e instanceof Interrupted)) throw e;
    }
  }
  return null;
}
