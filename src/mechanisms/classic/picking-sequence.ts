/**
 * Picking sequences: agents take turns, each taking her best remaining good by her strict order
 * (reported, or derived from values with the (-v, index) tie-break).
 */
import { Allocation } from '../../core/allocation';
import type { AgentId, GoodId, Instance } from '../../core/instance';
import { InvalidInputError } from '../../core/errors';

/** Runs a picking sequence; when the sequence is shorter than m it repeats. Returns the allocation and the picks. */
export function pickingSequence(
  inst: Instance,
  sequence: readonly AgentId[],
): { allocation: Allocation; picks: { agent: AgentId; good: GoodId }[] } {
  if (inst.m > 0 && sequence.length === 0)
    throw new InvalidInputError('bad-sequence', 'picking sequence: empty sequence');
  sequence.forEach((a, k) => {
    if (!Number.isInteger(a) || a < 0 || a >= inst.n)
      throw new InvalidInputError('unknown-agent', `sequence[${k}]: ${a} is not an agent index in 0..${inst.n - 1}`);
  });
  const orders = inst.agents.map((_, i) => inst.order(i));
  const cursor = new Array<number>(inst.n).fill(0);
  const taken = new Array<boolean>(inst.m).fill(false);
  const bundles: GoodId[][] = inst.agents.map(() => []);
  const picks: { agent: AgentId; good: GoodId }[] = [];
  for (let t = 0; t < inst.m; t++) {
    const a = sequence[t % sequence.length];
    while (taken[orders[a][cursor[a]]]) cursor[a]++;
    const g = orders[a][cursor[a]];
    taken[g] = true;
    bundles[a].push(g);
    picks.push({ agent: a, good: g });
  }
  return { allocation: new Allocation(bundles, inst.m), picks };
}
