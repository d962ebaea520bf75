/**
 * LocalSearch of Bu et al. 2024 (Algorithm 3, lines 12-18; Lemma 3.1). The extracted paper keeps only the
 * header; the body is reconstructed from the proofs in Appendix A.1 (seed-003 spec 3.1):
 *
 *   keep A the weakly poorer bundle; while some g in B has u(A) + u(g) < u(B) (A's holder envies B even
 *   without g), move the most valuable such g to A (ties: smallest id), then swap the names if A became
 *   the richer bundle.
 *
 * The result (A', B') is EFX for the single utility u, zero-valued goods included (u(A') + u(g) >= u(B')
 * for every g in B'), and |u(B') - u(A')| <= |u(B) - u(A)|. Each item moves at most once, so there are at
 * most m moves; more is a bug and throws.
 */
import { Rational } from '../../core/rational';

/** A partition of items into a poorer bundle and a richer one, under the utility it was built for. */
export interface Partition {
  readonly poorer: readonly number[];
  readonly richer: readonly number[];
}

/** One move of LocalSearch: the item moved and whether the bundles swapped names afterwards. */
export interface LocalSearchMove {
  readonly item: number;
  readonly swapped: boolean;
}

export interface LocalSearchResult {
  readonly partition: Partition;
  readonly moves: readonly LocalSearchMove[];
}

function total(items: readonly number[], u: (item: number) => Rational): Rational {
  return Rational.sum(items.map(u));
}

/** LocalSearch(A, B, u) (Lemma 3.1): an EFX partition under u whose value gap is no larger than (A, B)'s. */
export function localSearch(
  a: readonly number[],
  b: readonly number[],
  u: (item: number) => Rational,
): LocalSearchResult {
  let A = [...a];
  let B = [...b];
  let uA = total(A, u);
  let uB = total(B, u);
  if (uA.gt(uB)) [A, B, uA, uB] = [B, A, uB, uA];
  const moves: LocalSearchMove[] = [];
  const cap = A.length + B.length;
  for (;;) {
    let best: number | undefined;
    for (const g of B) {
      if (!uA.add(u(g)).lt(uB)) continue;
      if (best === undefined || u(g).gt(u(best)) || (u(g).eq(u(best)) && g < best)) best = g;
    }
    if (best === undefined) break;
    if (moves.length === cap)
      throw new Error(`LocalSearch: more than ${cap} moves (each item moves at most once, Appendix A.1)`);
    const g = best;
    B = B.filter((x) => x !== g);
    A = [...A, g];
    uA = uA.add(u(g));
    uB = uB.sub(u(g));
    const swapped = uA.gt(uB);
    if (swapped) [A, B, uA, uB] = [B, A, uB, uA];
    moves.push({ item: g, swapped });
  }
  const sort = (xs: number[]) => xs.sort((x, y) => x - y);
  return { partition: { poorer: sort(A), richer: sort(B) }, moves };
}
