/**
 * Cut and choose for two agents: the cutter (agent 0) splits the goods into an MMS partition that is
 * also EFX0 for her own valuation (seed-002 spec 3.2, REALLOC); the chooser (agent 1) takes the bundle she
 * prefers (ties: the first). Guarantees: both agents get at least their MMS (the chooser at least half of
 * her total), the chooser is envy-free and the cutter EFX0-satisfied.
 */
import { Allocation } from '../../core/allocation';
import type { GoodId, Instance } from '../../core/instance';
import { mmsEfxPartition } from '../../shares/mms';

export function cutAndChoose(inst: Instance): { allocation: Allocation; partition: GoodId[][]; chosen: number } {
  const partition = mmsEfxPartition(inst.values[0], 2).map((b: readonly GoodId[]) => [...b]);
  const [a, b] = partition;
  const chosen = inst.value(1, b).gt(inst.value(1, a)) ? 1 : 0;
  const allocation = new Allocation(chosen === 0 ? [b, a] : [a, b], inst.m);
  return { allocation, partition, chosen };
}
