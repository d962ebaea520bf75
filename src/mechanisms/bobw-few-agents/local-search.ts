/**
 * LocalSearch of Bu et al. (2024), Algorithm 5 in Babaioff & Frosh (spec section 3.7): turns a bipartition
 * into one that is EFX for v (strong EFX: zero-valued goods count) without raising the value gap, i.e.
 * without lowering the worse bundle (Lemma C.2 = [Bu+24] Lemma 3.1).
 */
import { LimitError } from '../../core/errors';
import type { GoodId } from '../../core/instance';
import { valueOf, type Valuation } from './valuation';

/** The result: the EFX bipartition (larger bundle first), the goods moved in order, and the iteration count. */
export interface LocalSearchResult {
  readonly bundles: readonly [GoodId[], GoodId[]];
  readonly moves: readonly GoodId[];
  readonly iterations: number;
}

/**
 * LocalSearch (reconstructed procedure, spec 3.7): repeat { name the v-larger bundle X_1; if no good g of X_1
 * has v(g) < v(X_1) - v(X_2), stop; else move the lowest-index such good to X_2 }. The lowest index is the
 * spec's convention C7 ("scan items in index order"), which reproduces the trace of Lemma C.3. Each move of
 * a positive good strictly lowers the gap and zero-valued goods move only from the larger bundle, so the loop
 * ends; `maxIterations` (default 4 m^2 + 16) turns a runaway into a `LimitError` instead of a hang.
 */
export function localSearch(
  v: Valuation,
  start: readonly [readonly GoodId[], readonly GoodId[]],
  maxIterations?: number,
): LocalSearchResult {
  let X1 = [...start[0]];
  let X2 = [...start[1]];
  let s1 = valueOf(v, X1);
  let s2 = valueOf(v, X2);
  const m = X1.length + X2.length;
  const limit = maxIterations ?? 4 * m * m + 16;
  const moves: GoodId[] = [];
  for (let it = 0; ; it++) {
    if (s1 < s2) {
      [X1, X2] = [X2, X1];
      [s1, s2] = [s2, s1];
    }
    const gap = s1 - s2;
    let g = -1;
    for (const x of X1) if (v[x] < gap && (g < 0 || x < g)) g = x;
    if (g < 0) {
      X1.sort((a, b) => a - b);
      X2.sort((a, b) => a - b);
      return { bundles: [X1, X2], moves, iterations: it };
    }
    if (it >= limit) throw new LimitError('local-search-limit', `localSearch: no EFX bipartition after ${limit} moves`);
    X1 = X1.filter((x) => x !== g);
    X2.push(g);
    s1 -= v[g];
    s2 += v[g];
    moves.push(g);
  }
}
