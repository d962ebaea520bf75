/** Test outcomes built from lotteries: equal-probability allocations given by their owner vectors. */
import { Allocation, Lottery } from '../../src/core/allocation';
import type { Instance } from '../../src/core/instance';
import { Outcome } from '../../src/core/outcome';
import { Rational } from '../../src/core/rational';

/** An outcome of mechanism 'test' whose lottery draws each owner vector of `owners` with equal probability. */
export function lotteryOutcome(inst: Instance, owners: number[][]): Outcome {
  const p = new Rational(1n, BigInt(owners.length));
  return new Outcome({
    mechanism: 'test',
    instance: inst,
    lottery: new Lottery(owners.map((o) => ({ p, allocation: Allocation.fromOwners(o, inst.n) }))),
    claims: [],
  });
}
