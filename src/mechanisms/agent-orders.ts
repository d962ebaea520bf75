/**
 * The randomness of the n-agent mechanisms of Bu et al. 2024: a uniformly random agent order π. The exact
 * lottery runs the algorithm once per order (n! runs, probability 1/n! each, identical allocations merged);
 * beyond `EXACT_LOTTERY_MAX_AGENTS` agents one order is drawn from a seed (spec P8 and 7.22: polynomial time is
 * per sample; the exact ex-ante check is exponential in n).
 */
import type { AgentId } from '../../core/instance';
import { permutations } from '../../core/permutations';
import { rng } from '../../core/rng';

/** n <= 8: at most 40,320 orders, each run once. */
export const EXACT_LOTTERY_MAX_AGENTS = 8;

/** Every agent order, in lexicographic order. */
export function allAgentOrders(n: number): AgentId[][] {
  return permutations(n);
}

/** A uniformly random agent order from a seed (Fisher-Yates with the project's seeded generator). */
export function sampledAgentOrder(n: number, seed: number): AgentId[] {
  return rng(seed).shuffle(Array.from({ length: n }, (_, i) => i));
}
