/**
 * Theorem 1.1 and Theorem 3.2 of Babaioff & Frosh (spec sections 3.5 and 3.6): run Algorithm 1 once with
 * each agent as the divider and draw one of the six allocations A^0, A'^0, A^1, A'^1, A^2, A'^2 uniformly.
 * With exact oracles the lottery is ex-ante proportional and every allocation satisfies the role triple
 * (a) EFX + PROP, (b) EFX + 9/10-MMS, (c) EEFX + MMS; with (1 - eps) oracles (Theorem 3.2) ex-ante
 * (1 - eps)-PROP and the roles with (9/10)(1 - eps) and (1 - eps). At most 3 three-way and 12 two-way
 * oracle calls (Lemma 3.1 counts 15).
 */
import type { AgentId } from '../../core/instance';
import { dividerPair, type DividerPair, type Triple } from './divider-pair';
import type { OracleSet } from './oracles';
import type { Valuation } from './valuation';

/** The three divider pairs (pair d has divider d) and their six allocations in order. */
export interface ThreePairs {
  readonly pairs: readonly [DividerPair, DividerPair, DividerPair];
  readonly allocations: readonly Triple[];
}

/** The six allocations of the three divider pairs, in the order A^0, A'^0, A^1, A'^1, A^2, A'^2. */
export function sixAllocations(pairs: readonly DividerPair[]): Triple[] {
  return pairs.flatMap((p) => [p.allocations[0], p.allocations[1]]);
}

/**
 * Theorem 1.1 (exact oracles) or 3.2 (approximate oracles): Algorithm 1 for d = 0, 1, 2; `oracles(x)` are
 * the oracles used with agent x's valuation.
 */
export function threeDividerPairs(vals: readonly Valuation[], oracles: (x: AgentId) => OracleSet): ThreePairs {
  const pairs = [0, 1, 2].map((d) => dividerPair(vals, d, oracles)) as [DividerPair, DividerPair, DividerPair];
  return { pairs, allocations: sixAllocations(pairs) };
}
