/**
 * Algorithm 2 of Bu et al. 2024 (Theorem 5.1; Observation 5.2, Lemmas 5.3-5.5): bi-valued indivisible goods
 * with a common pair 0 < a < b; for a uniformly random agent order π the allocation is ex-post EFX and fPO,
 * and the lottery over π is ex-ante EF (seed-003 spec 3.8, semantics reconstructed where noted there).
 *
 * Agents are ACTIVE (one large good per round), FROZEN (took a large good of an unmatchable group's
 * neighbourhood and sits out the next Fz = ⌊b/a − 1⌋ rounds) or QUIET (one virtual small good per round,
 * counted in c_i). A round, while the pool holds at least (#active + #quiet) + cnt goods:
 * * the minimal unmatchable group Z of the active agents (Algorithm 4); while some active agent outside Z
 *   holds a good large for a member of Z, she returns it and takes her matched good instead (lines 6-9);
 * * no group: every active agent takes her matched large good. Otherwise the members of Z, last in π
 *   first, take Γ(Z)'s goods by augmenting paths and freeze; the rest of Z turns quiet; the other active
 *   agents take their matched goods;
 * * every quiet agent gets one virtual good (cnt counts them).
 * Final step: the first |pool| − cnt unfrozen agents of π try to gain one more large good by an augmenting
 * path through the active agents' held goods (one slot per held good); whoever fails gets one more virtual
 * good; the virtual goods become real ones from what is left.
 *
 * Reconstruction decisions (spec 7.4, validated there by exhaustive checks and ablations): an agent frozen in
 * round r sits out rounds r+1..r+Fz and is quiet from r+Fz+1; a newly quiet agent gets her virtual good in
 * that same round; "# unfrozen agents" counts active and quiet agents; the matchings of lines 5-18 come from
 * Algorithm 4 and do not depend on π (spec 7.21); leftover goods go to agents by increasing id, goods by
 * increasing id.
 */
import type { AgentId, GoodId, Instance } from '../../core/instance';
import { freezeLength, largeTest, type LargeTest } from './bivalued';
import { augmentFrom, Matching, minimalUnmatchableGroup } from './matching';

/**
 * Negative controls of spec 5.6 (S-ABLATE), never used by the mechanism: no return loop (lines 6-9; breaks
 * fPO), forward instead of reversed π at line 13 (breaks EFX), no freezing, Fz = 0 (breaks EFX).
 */
export type MatchAndFreezeAblation = 'no-swap' | 'forward-order' | 'no-freeze';

type State = 'active' | 'frozen' | 'quiet';

/** One round, for the trace. */
export interface MatchAndFreezeRound {
  readonly round: number;
  readonly group: readonly AgentId[];
  readonly groupGoods: readonly GoodId[];
  /** Goods returned to the pool by the loop of lines 6-9, with the good taken instead. */
  readonly returned: readonly { readonly agent: AgentId; readonly returned: GoodId; readonly took: GoodId }[];
  readonly frozen: readonly AgentId[];
  readonly quieted: readonly AgentId[];
  readonly virtualGoods: readonly AgentId[];
  readonly cnt: number;
}

export interface MatchAndFreezeResult {
  readonly bundles: readonly (readonly GoodId[])[];
  /** The round each agent joined a group Z, or null: the price construction needs it (Lemma 5.5). */
  readonly removedRound: readonly (number | null)[];
  readonly freezeLength: number;
  readonly rounds: readonly MatchAndFreezeRound[];
  /** The final step: which agents tried an augmenting path, and whether it succeeded. */
  readonly finalStep: readonly { readonly agent: AgentId; readonly gained: boolean }[];
  /** c_i: the real goods each agent received for her virtual ones. */
  readonly virtualGoods: readonly number[];
}

function fail(what: string): never {
  throw new Error(`Algorithm 2: invariant ${what} violated`);
}

/** The runtime invariants of spec 3.8 hold for the algorithm itself; an ablation is not expected to keep them. */
function invariant(ok: boolean, what: string, ablation: MatchAndFreezeAblation | undefined): void {
  if (!ok && !ablation) fail(what);
}

/** Algorithm 2 for the agent order π on an instance declaring a common bi-valued pair 0 < a < b. */
export function matchAndFreeze(
  inst: Instance,
  order: readonly AgentId[],
  ablation?: MatchAndFreezeAblation,
): MatchAndFreezeResult {
  const domain = inst.bivalued;
  if (!domain?.common || domain.pairs[0].a.sign() <= 0)
    throw new Error('Algorithm 2 needs a common bi-valued pair 0 < a < b');
  const large: LargeTest = largeTest(inst);
  const n = inst.n;
  const m = inst.m;
  const Fz = ablation === 'no-freeze' ? 0 : freezeLength(domain.pairs[0].a, domain.pairs[0].b);
  const agents = Array.from({ length: n }, (_, i) => i);
  const held: GoodId[][] = agents.map(() => []);
  const c = new Array<number>(n).fill(0);
  const state = new Array<State>(n).fill('active');
  const frozenUntil = new Array<number>(n).fill(0);
  const removedRound = new Array<number | null>(n).fill(null);
  const rounds: MatchAndFreezeRound[] = [];
  let pool = Array.from({ length: m }, (_, g) => g);
  let cnt = 0;
  const position = new Map(order.map((i, k) => [i, k]));

  for (let r = 1; ; r++) {
    if (r > m + 2) throw new Error(`Algorithm 2: more than ${m + 1} rounds`);
    for (const i of agents) if (state[i] === 'frozen' && frozenUntil[i] < r) state[i] = 'quiet';
    const active = agents.filter((i) => state[i] === 'active');
    const unfrozen = active.length + agents.filter((i) => state[i] === 'quiet').length;
    if (pool.length < unfrozen + cnt) break;

    let found = minimalUnmatchableGroup(active, pool, large);
    const returned: { agent: AgentId; returned: GoodId; took: GoodId }[] = [];
    const swapCap = 10 * n * n + 10 * m + 10;
    while (ablation !== 'no-swap' && found.group.length) {
      const inZ = new Set(found.group);
      const swap = lexicographicallySmallest(
        active.filter((i) => !inZ.has(i)),
        held,
        (g) => found.group.some((j) => large(j, g)),
      );
      if (!swap) break;
      if (returned.length === swapCap) throw new Error(`Algorithm 2: more than ${swapCap} returns in round ${r}`);
      const took = found.matching.ofLeft.get(swap.agent)!;
      pool = [...pool.filter((g) => g !== took), swap.good].sort((x, y) => x - y);
      held[swap.agent] = [...held[swap.agent].filter((g) => g !== swap.good), took];
      returned.push({ agent: swap.agent, returned: swap.good, took });
      found = minimalUnmatchableGroup(active, pool, large);
    }
    const { group, neighbourhood, matching } = found;
    const inZ = new Set(group);
    invariant(
      !active.some((i) => !inZ.has(i) && held[i].some((g) => group.some((j) => large(j, g)))),
      'I3 (after the return loop, goods held outside the group are small for the group)',
      ablation,
    );
    const frozen: AgentId[] = [];
    const quieted: AgentId[] = [];
    if (group.length) {
      const nu = new Matching();
      const gamma = new Set(neighbourhood);
      const neighbours = (i: number) => neighbourhood.filter((g) => large(i, g));
      const byPosition = [...group].sort((x, y) => position.get(x)! - position.get(y)!);
      // line 13: reversed π, so agents late in π get the group's large goods (forward order breaks EFX, spec A2-FWD)
      const turn = ablation === 'forward-order' ? byPosition : byPosition.reverse();
      for (const i of turn) {
        if (augmentFrom(i, neighbours, nu, gamma)) {
          state[i] = 'frozen';
          frozenUntil[i] = r + Fz;
          frozen.push(i);
        } else {
          state[i] = 'quiet';
          quieted.push(i);
        }
        removedRound[i] = r;
      }
      if (nu.size !== neighbourhood.length) fail('I2 (the group takes all of its neighbourhood)');
      for (const [i, g] of nu.ofLeft) held[i].push(g);
    }
    const given = new Set(neighbourhood);
    for (const i of active)
      if (!inZ.has(i)) {
        const g = matching.ofLeft.get(i);
        if (g === undefined) fail('Z3 (the active agents outside the group are matched)');
        held[i].push(g);
        given.add(g);
      }
    pool = pool.filter((g) => !given.has(g));
    invariant(
      !agents.some((i) => state[i] === 'active' && held[i].some((g) => !large(i, g))),
      'I1 (active agents hold only large goods)',
      ablation,
    );
    invariant(
      !agents.some((i) => state[i] !== 'active' && pool.some((g) => large(i, g))),
      'I4 (the pool is small for every inactive agent)',
      ablation,
    );
    const virtual = agents.filter((i) => state[i] === 'quiet');
    for (const i of virtual) c[i] += 1;
    cnt += virtual.length;
    rounds.push({ round: r, group, groupGoods: neighbourhood, returned, frozen, quieted, virtualGoods: virtual, cnt });
  }

  invariant(
    !agents.some((i) => removedRound[i] === null && held[i].some((g) => !large(i, g))),
    'I8 (agents never in a group hold only large goods)',
    ablation,
  );

  // final step (lines 22-26): one slot per good an active agent holds, new slots for the first K unfrozen agents of π
  const slotOwner: AgentId[] = [];
  const slots = new Matching();
  for (const j of agents)
    if (state[j] === 'active')
      for (const g of held[j]) {
        slots.match(slotOwner.length, g);
        slotOwner.push(j);
      }
  const universe = new Set<GoodId>([...pool, ...agents.flatMap((j) => (state[j] === 'active' ? held[j] : []))]);
  const sortedUniverse = [...universe].sort((x, y) => x - y);
  const neighbours = (slot: number) => sortedUniverse.filter((g) => large(slotOwner[slot], g));
  const unfrozen = order.filter((i) => state[i] !== 'frozen');
  const K = pool.length - cnt;
  if (K < 0 || K >= unfrozen.length) fail('I6 (0 <= |pool| - cnt < #unfrozen)');
  const finalStep: { agent: AgentId; gained: boolean }[] = [];
  for (const i of unfrozen.slice(0, K)) {
    const slot = slotOwner.length;
    slotOwner.push(i);
    const gained = augmentFrom(slot, neighbours, slots, universe);
    if (!gained) c[i] += 1;
    invariant(!(gained && state[i] === 'quiet'), 'I5 (quiet agents have no large good left)', ablation);
    finalStep.push({ agent: i, gained });
  }
  // an active agent's bundle is what her slots hold; the others keep their goods plus any slot of the final step
  const bundles: GoodId[][] = agents.map((j) => (state[j] === 'active' ? [] : [...held[j]]));
  for (const [slot, g] of slots.ofLeft) bundles[slotOwner[slot]].push(g);
  const rest = pool.filter((g) => !slots.ofGood.has(g));
  if (rest.length !== c.reduce((s, x) => s + x, 0)) fail('I6 (the leftover goods pay exactly the virtual ones)');
  let next = 0;
  for (const i of agents) for (let k = 0; k < c[i]; k++) bundles[i].push(rest[next++]);
  return {
    bundles: bundles.map((b) => [...b].sort((x, y) => x - y)),
    removedRound,
    freezeLength: Fz,
    rounds,
    finalStep,
    virtualGoods: c,
  };
}

/** The smallest (agent, good) with the agent in `agents` holding a good that satisfies `wanted` (line 6, spec REF-TB). */
function lexicographicallySmallest(
  agents: readonly AgentId[],
  held: readonly (readonly GoodId[])[],
  wanted: (g: GoodId) => boolean,
): { agent: AgentId; good: GoodId } | null {
  for (const i of [...agents].sort((x, y) => x - y)) {
    const goods = held[i].filter(wanted);
    if (goods.length) return { agent: i, good: Math.min(...goods) };
  }
  return null;
}
