/**
 * The identical-valuation baseline of footnote 9 of Babaioff & Frosh (spec section 3.12 and E14): one
 * (1 - eps)-MMS partition of the common valuation, its bundles assigned by a uniformly random cyclic shift.
 * Every agent's expected value is v(M)/n, so the lottery is ex-ante EF, and every allocation is (1 - eps)-MMS.
 */
import type { GoodId } from '../../core/instance';

/** The n cyclic shifts of a partition: in shift s, agent i gets bundle (i + s) mod n. */
export function cyclicShifts(partition: readonly GoodId[][]): GoodId[][][] {
  const n = partition.length;
  return Array.from({ length: n }, (_, s) => Array.from({ length: n }, (__, i) => partition[(i + s) % n]));
}
