/**
 * Random cut-and-choose with approximate MMS bipartitions, and its "switch" variant (Babaioff & Frosh,
 * Appendix E.1; spec section 3.12): the baseline that shows why simulating cut-and-choose with (1 - eps)-MMS
 * partitions breaks ex-ante PROP and ex-post EFX. With probability 1/2 agent 0 cuts with her bipartition
 * and agent 1 chooses, otherwise the roles swap.
 */
import type { Bipartition } from './two-agents';
import { valueOf, worstValue, type Valuation } from './valuation';

export interface CutAndChooseRun {
  /** The bipartitions the two agents cut with (after switching). */
  readonly cuts: readonly [Bipartition, Bipartition];
  /** Whether agent 0 / agent 1 adopted the other's bipartition. */
  readonly switched: readonly [boolean, boolean];
  /** The two allocations (bundles indexed by agent): agent 0 cuts, then agent 1 cuts. */
  readonly realizations: readonly [Bipartition, Bipartition];
}

function pick(v: Valuation, X: Bipartition): 0 | 1 {
  return valueOf(v, X[1]) > valueOf(v, X[0]) ? 1 : 0;
}

/**
 * Random cut-and-choose on the agents' bipartitions P[0], P[1]. With `switchPartitions` an agent whose own
 * bipartition has a strictly worse worst bundle (for her) adopts the other's; [DECISION] agent 0 decides
 * first and agent 1 then compares with agent 0's possibly adopted cut, so both never swap partitions at once.
 * The chooser takes her larger bundle (ties: the first).
 */
export function randomCutAndChoose(
  v: readonly [Valuation, Valuation],
  P: readonly [Bipartition, Bipartition],
  switchPartitions: boolean,
): CutAndChooseRun {
  let cut0 = P[0];
  let cut1 = P[1];
  const switched: [boolean, boolean] = [false, false];
  if (switchPartitions) {
    if (worstValue(v[0], cut1) > worstValue(v[0], cut0)) [cut0, switched[0]] = [cut1, true];
    if (worstValue(v[1], cut0) > worstValue(v[1], cut1)) [cut1, switched[1]] = [cut0, true];
  }
  const c1 = pick(v[1], cut0);
  const c0 = pick(v[0], cut1);
  return {
    cuts: [cut0, cut1],
    switched,
    realizations: [
      [cut0[1 - c1], cut0[c1]],
      [cut1[c0], cut1[1 - c0]],
    ],
  };
}
