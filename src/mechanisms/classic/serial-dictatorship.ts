/**
 * Unit-quota serial dictatorship (seed-000 spec A2/B2): agents in the given order each take their best
 * remaining good; the last agent receives all remaining goods. Truthful (DSIC): an agent's pick depends
 * only on the earlier picks, the last agent's bundle not on her report. Known guarantee [ABM16]:
 * 1/floor((m - n + 2)/2)-MMS when m >= n.
 */
import { Allocation } from '../../core/allocation';
import type { AgentId, GoodId, Instance } from '../../core/instance';

export function unitQuotaSerialDictatorship(inst: Instance, order: readonly AgentId[]): Allocation {
  const taken = new Array<boolean>(inst.m).fill(false);
  const bundles: GoodId[][] = inst.agents.map(() => []);
  order.slice(0, -1).forEach((a) => {
    const g = inst.order(a).find((x) => !taken[x]);
    if (g === undefined) return;
    taken[g] = true;
    bundles[a].push(g);
  });
  const last = order[order.length - 1];
  inst.goods.forEach((_, g) => {
    if (!taken[g]) bundles[last].push(g);
  });
  return new Allocation(bundles, inst.m);
}
