/**
 * Uniformly random agent orders, shared by the mechanisms whose randomness is one: the exact lottery runs the
 * algorithm once per order (n! runs, probability 1/n! each), which is enumerated up to `EXACT_LOTTERY_MAX_AGENTS`
 * agents; beyond that one order is drawn from a seed (Bu et al. 2024, spec P8 and 7.22: polynomial time is per
 * sample; the exact ex-ante check is exponential in n).
 */
import type { AgentId } from '../core/instance';
import { rng } from '../core/rng';

/** n <= 8: at most 40,320 orders, each run once. */
export const EXACT_LOTTERY_MAX_AGENTS = 8;

/** A uniformly random agent order from a seed (Fisher-Yates with the project's seeded generator). */
export function sampledAgentOrder(n: number, seed: number | string): AgentId[] {
  return rng(seed).shuffle(Array.from({ length: n }, (_, i) => i));
}
