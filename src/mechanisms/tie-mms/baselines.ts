/**
 * Baselines of Babaioff, Feige & Manaker Morag (spec B1, B3): the uniform fractional allocation implemented faithfully ([BT25], `uniform-faithful`)
 * and the cyclic-unit-quota lottery (Definition 3.5, `cuq-lottery`).
 */
import { Allocation, Lottery } from '../../core/allocation';
import type { Instance } from '../../core/instance';
import { Rational } from '../../core/rational';
import { shiftSequence, unitQuotaOwners, type Ordering } from './cyclic-picking';
import type { MatchingStrategy, Slots } from '../classic/decomposition';
import { faithfulLottery } from './faithful';

/** The single allocation of zero goods to n agents, as a lottery (the m = 0 outcome). */
export function emptyLottery(n: number): Lottery {
  return Lottery.point(
    new Allocation(
      Array.from({ length: n }, () => []),
      0,
    ),
  );
}

/**
 * B1 [BT25]: f[i][x] = 1/n for all i, x, implemented by FAITHFUL (Lemma 4.11). TIE (input-independent marginals), ex-ante
 * PROP, ex-post PROP1 and 1/n-MMS; support exactly n when m >= 1. By Proposition 1 / Corollary 3.2 no implementation of
 * the uniform fractional allocation beats 1/n-MMS (the Proposition 1 instance reaches exactly 1/n).
 */
export function uniformFaithful(
  inst: Instance,
  matching: MatchingStrategy = 'canonical',
): { lottery: Lottery; uniform: Rational[][]; slots: Slots } {
  const { n, m } = inst;
  const share = new Rational(1n, BigInt(n));
  const uniform = Array.from({ length: n }, () => new Array<Rational>(m).fill(share));
  if (m === 0) return { lottery: emptyLottery(n), uniform, slots: [] };
  const orders = inst.agents.map((_, i) => inst.order(i));
  const { lottery, slots } = faithfulLottery(uniform, orders, matching);
  return { lottery, uniform, slots };
}

/**
 * B3 (Definition 3.5): the n pi^(j)-unit-quota allocations with probability 1/n each (duplicates merged). Universally
 * truthful; its marginals are CUQ(v, pi) (Lemma 3.6: TIE and ex-ante PROP); ex-post it can be as bad as O(1/m)-MMS.
 */
export function cuqLottery(inst: Instance, pi: Ordering): { lottery: Lottery; allocations: number[][] } {
  const orders = inst.agents.map((_, i) => inst.order(i));
  const owners = Array.from({ length: inst.n }, (_, j) => unitQuotaOwners(orders, shiftSequence(pi, j), inst.m));
  return { lottery: Lottery.uniform(owners.map((o) => Allocation.fromOwners(o, inst.n))), allocations: owners };
}
