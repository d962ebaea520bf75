/**
 * Fisher-market prices for an output of Algorithm 2 (Lemma 5.5, Appendices C.3 and C.4 of Bu et al. 2024;
 * seed-003 spec 3.9). With budgets e_i = p(A_i), (A, p) is a market equilibrium, so A is fPO by the First
 * Welfare Theorem (Theorem C.1). Every price is a or b.
 *
 * m >= n: an agent who was ever in a group Z prices her goods at her own values; so does an agent holding
 * both a large and a small good; then, repeatedly, an unpriced agent holding a good large for a priced agent
 * prices her goods at her own values; every good still unpriced costs a (its owner holds only large goods).
 * m < n (every agent holds at most one good): a good small for its owner costs a; repeatedly, a good large
 * for a priced agent costs b and prices its owner; every other good costs a.
 */
import type { AgentId, GoodId, Instance } from '../../core/instance';
import type { Rational } from '../../core/rational';
import type { LargeTest } from './bivalued';

/** Prices per good, and the order in which agents were priced (for the trace). */
export interface MarketPrices {
  readonly prices: readonly Rational[];
  readonly priced: readonly AgentId[];
}

/**
 * The equilibrium prices of Lemma 5.5 for Algorithm 2's allocation, given who was ever removed in a group
 * and the common small value a.
 */
export function marketPrices(
  inst: Instance,
  bundles: readonly (readonly GoodId[])[],
  removed: (i: AgentId) => boolean,
  large: LargeTest,
  a: Rational,
): MarketPrices {
  const n = inst.n;
  const price: (Rational | undefined)[] = new Array(inst.m).fill(undefined);
  const priced: AgentId[] = [];
  const isPriced = new Array<boolean>(n).fill(false);
  const priceAtOwnValues = (i: AgentId) => {
    for (const g of bundles[i]) price[g] = inst.values[i][g];
    isPriced[i] = true;
    priced.push(i);
  };
  const wantedByPriced = (g: GoodId) => isPriced.some((p, k) => p && large(k, g));
  if (inst.m >= n) {
    for (let i = 0; i < n; i++) if (removed(i)) priceAtOwnValues(i);
    for (let i = 0; i < n; i++) {
      const kinds = new Set(bundles[i].map((g) => large(i, g)));
      if (!isPriced[i] && kinds.size === 2) priceAtOwnValues(i);
    }
    for (let changed = true; changed;) {
      changed = false;
      for (let i = 0; i < n; i++)
        if (!isPriced[i] && bundles[i].length && bundles[i].some(wantedByPriced)) {
          priceAtOwnValues(i);
          changed = true;
        }
    }
  } else {
    for (let i = 0; i < n; i++) if (bundles[i].length && !large(i, bundles[i][0])) priceAtOwnValues(i);
    for (let changed = true; changed;) {
      changed = false;
      // the owner's good is large for her (small ones were priced above): it costs b
      for (let i = 0; i < n; i++)
        if (!isPriced[i] && bundles[i].length && wantedByPriced(bundles[i][0])) {
          priceAtOwnValues(i);
          changed = true;
        }
    }
  }
  return { prices: price.map((p) => p ?? a), priced };
}
