/**
 * Algorithm 1 of Babaioff & Frosh (spec section 3.4): the pair of allocations (A, A') in which agent d is
 * the divider. d cuts the goods into an MMS-EFX partition P (REALLOC of her 3-way oracle partition, or a
 * preset partition in Theorem 5.1); then
 * * Case 1: the two others can each get one of their top bundles of P at once; both allocations give them
 *   such bundles and d the third one;
 * * Case 2 (both have the same unique top bundle B_t): each non-divider x re-splits B_t with one other bundle
 *   (Algorithm 2, keeping the better of the two) into (C^x_1, C^x_2) and leaves R^x;
 *   - Subcase 2.A: some x strictly prefers R^{x'} of the other to both halves of C^{x'}; she gets it, x' gets
 *     B_t and d the remaining bundle of P;
 *   - Subcase 2.B: otherwise, in A agent a chooses from b's split (b, the subdivider, keeps the other half)
 *     and in A' the roles swap; d gets the left-over bundle R of the subdivider.
 * Every agent gets an EEFX certificate: a partition of all goods that contains her bundle and in which her
 * bundle EFX-dominates the other two (Lemmas 3.5 and B.1).
 */
import type { AgentId, GoodId } from '../../core/instance';
import { realloc } from '../../shares/mms/partitions';
import { improvedRepartition, type Repartition } from './improved-repartition';
import type { OracleResult, OracleSet } from './oracles';
import { allGoods, topPositions, valueOf, worstValue, type Valuation } from './valuation';

/** An allocation of three bundles, indexed by agent. */
export type Triple = readonly [GoodId[], GoodId[], GoodId[]];

/** Which agent plays each role of Theorem 1.1 in one allocation. */
export interface RoleAssignment {
  /** Role (a): EFX-satisfied and at least PROP. */
  readonly efxProp: AgentId;
  /** Role (b): EFX-satisfied and at least 9/10 of her MMS. */
  readonly efxNineTenths: AgentId;
  /** Role (c): EEFX-satisfied and at least her MMS. */
  readonly eefxMms: AgentId;
}

/** A non-divider's re-split of the top bundle with the best other bundle (lines 16-18 of Algorithm 1). */
export interface Split {
  readonly agent: AgentId;
  /** Position j_x of the bundle re-split with B_t. */
  readonly j: number;
  /** C^x = (C^x_1, C^x_2). */
  readonly C: readonly [GoodId[], GoodId[]];
  /** R^x, the bundle of P not used by the re-split. */
  readonly R: GoodId[];
  /** Both re-splits tried (one per bundle other than B_t), in position order. */
  readonly tried: readonly { readonly j: number; readonly repartition: Repartition }[];
}

interface PairCommon {
  readonly divider: AgentId;
  /** The two other agents, a < b. */
  readonly nonDividers: readonly [AgentId, AgentId];
  /** The divider's partition P = (B_0, B_1, B_2), positional. */
  readonly partition: readonly GoodId[][];
  /** The divider's 3-way oracle call, or null when P was preset (Theorem 5.1). */
  readonly oracle: OracleResult | null;
  /** Top_a and Top_b: the positions of the non-dividers' favourite bundles of P. */
  readonly top: readonly [number[], number[]];
  /** A and A' (possibly equal). */
  readonly allocations: readonly [Triple, Triple];
  readonly roles: readonly [RoleAssignment, RoleAssignment];
  /** cert[x], indexed by agent: a partition of the goods containing x's bundle in every allocation of the pair where she is not EFX-satisfied. */
  readonly certificates: readonly [GoodId[][], GoodId[][], GoodId[][]];
}

/** Algorithm 1's output: a discriminated union over its three cases. */
export type DividerPair =
  | (PairCommon & {
      readonly case: '1';
      readonly positions: { readonly a: number; readonly b: number; readonly divider: number };
    })
  | (PairCommon & {
      readonly case: '2A';
      readonly t: number;
      readonly splits: readonly [Split, Split];
      readonly cond: readonly [boolean, boolean];
    })
  | (PairCommon & { readonly case: '2B'; readonly t: number; readonly splits: readonly [Split, Split] });

function triple(entries: readonly [AgentId, GoodId[]][]): Triple {
  const out: GoodId[][] = [[], [], []];
  for (const [agent, bundle] of entries) out[agent] = bundle;
  return out as unknown as Triple;
}

/** The better re-split of B_t with one other bundle for agent x (ties: the first position, convention C4). */
function bestSplit(v: Valuation, x: AgentId, P: readonly GoodId[][], t: number, oracles: OracleSet): Split {
  const rest = [0, 1, 2].filter((k) => k !== t);
  const tried = rest.map((j) => ({ j, repartition: improvedRepartition(v, P[t], P[j], oracles.two) }));
  let best = tried[0];
  for (const c of tried.slice(1))
    if (worstValue(v, c.repartition.bundles) > worstValue(v, best.repartition.bundles)) best = c;
  return { agent: x, j: best.j, C: best.repartition.bundles, R: P[3 - t - best.j], tried };
}

/**
 * Algorithm 1 for divider d (module header). `vals` are the three agents' integer valuations and
 * `oracles(x)` the oracles used with v_x; `preset` replaces the divider's partition (Theorem 5.1, which
 * skips line 3). Tie-breaking follows the spec's conventions C3-C6, which never look at agent ids except
 * to order the two non-dividers.
 */
export function dividerPair(
  vals: readonly Valuation[],
  d: AgentId,
  oracles: (x: AgentId) => OracleSet,
  preset?: readonly GoodId[][],
): DividerPair {
  const [a, b] = [0, 1, 2].filter((x) => x !== d) as [AgentId, AgentId];
  const m = vals[d].length;
  let oracle: OracleResult | null = null;
  let P: GoodId[][];
  if (preset) P = preset.map((B) => [...B]);
  else {
    oracle = oracles(d).three(vals[d], allGoods(m), 3);
    P = realloc(vals[d], oracle.partition);
  }
  const top: [number[], number[]] = [topPositions(vals[a], P), topPositions(vals[b], P)];
  const common = { divider: d, nonDividers: [a, b] as const, partition: P, oracle, top };

  const uniqueShared = top[0].length === 1 && top[1].length === 1 && top[0][0] === top[1][0];
  if (!uniqueShared) {
    // Case 1: the pair of distinct top positions leaving d her most valuable bundle; ties to the
    // lexicographically smallest (k_a, k_b) (convention C3, anonymous between equal agents).
    let best: { ka: number; kb: number; z: number } | null = null;
    for (const ka of top[0])
      for (const kb of top[1]) {
        if (ka === kb) continue;
        const z = 3 - ka - kb;
        if (!best || valueOf(vals[d], P[z]) > valueOf(vals[d], P[best.z])) best = { ka, kb, z };
      }
    const { ka, kb, z } = best!;
    const A = triple([
      [a, P[ka]],
      [b, P[kb]],
      [d, P[z]],
    ]);
    const roles: RoleAssignment = { efxProp: a, efxNineTenths: b, eefxMms: d };
    return {
      ...common,
      case: '1',
      positions: { a: ka, b: kb, divider: z },
      allocations: [A, A],
      roles: [roles, roles],
      certificates: [P, P, P],
    };
  }

  const t = top[0][0];
  const splits: [Split, Split] = [bestSplit(vals[a], a, P, t, oracles(a)), bestSplit(vals[b], b, P, t, oracles(b))];
  const partitionOf = (s: Split): GoodId[][] => [s.C[0], s.C[1], s.R];
  // cond_x: x strictly prefers the other's left-over R^{x'} to both halves of the other's split
  const cond: [boolean, boolean] = [0, 1].map((k) => {
    const v = vals[common.nonDividers[k]];
    const other = splits[1 - k];
    return valueOf(v, other.R) > valueOf(v, other.C[0]) && valueOf(v, other.R) > valueOf(v, other.C[1]);
  }) as [boolean, boolean];

  if (cond[0] || cond[1]) {
    // Subcase 2.A: x gets R^{x'}, x' gets B_t, d gets B_{j_{x'}} (a permutation of P)
    const alloc = (k: 0 | 1): { A: Triple; roles: RoleAssignment } => {
      const x = common.nonDividers[k];
      const xp = common.nonDividers[1 - k];
      const other = splits[1 - k];
      return {
        A: triple([
          [x, other.R],
          [xp, P[t]],
          [d, P[other.j]],
        ]),
        roles: { efxProp: xp, efxNineTenths: d, eefxMms: x },
      };
    };
    const certificates: [GoodId[][], GoodId[][], GoodId[][]] = [P, P, P];
    let first: { A: Triple; roles: RoleAssignment };
    let second: { A: Triple; roles: RoleAssignment };
    if (cond[0] && cond[1]) {
      // both qualify: A gives a her R^b, A' gives b his R^a (convention C6)
      first = alloc(0);
      second = alloc(1);
      certificates[a] = partitionOf(splits[1]);
      certificates[b] = partitionOf(splits[0]);
    } else {
      const k = cond[0] ? 0 : 1;
      first = second = alloc(k);
      certificates[common.nonDividers[k]] = partitionOf(splits[1 - k]);
    }
    return {
      ...common,
      case: '2A',
      t,
      splits,
      cond,
      allocations: [first.A, second.A],
      roles: [first.roles, second.roles],
      certificates,
    };
  }

  // Subcase 2.B: the chooser c takes her larger half of the subdivider s's split (ties: C^s_1, convention
  // C5), s keeps the other half, d gets R^s; A has a choosing from b's split, A' the reverse.
  const alloc = (c: 0 | 1): { A: Triple; roles: RoleAssignment } => {
    const s = (1 - c) as 0 | 1;
    const [C1, C2] = splits[s].C;
    const vc = vals[common.nonDividers[c]];
    const takeSecond = valueOf(vc, C2) > valueOf(vc, C1);
    const chooser = common.nonDividers[c];
    const sub = common.nonDividers[s];
    return {
      A: triple([
        [chooser, takeSecond ? C2 : C1],
        [sub, takeSecond ? C1 : C2],
        [d, splits[s].R],
      ]),
      roles: { efxProp: chooser, efxNineTenths: sub, eefxMms: d },
    };
  };
  const first = alloc(0);
  const second = alloc(1);
  const certificates: [GoodId[][], GoodId[][], GoodId[][]] = [P, P, P];
  certificates[a] = partitionOf(splits[1]);
  certificates[b] = partitionOf(splits[0]);
  return {
    ...common,
    case: '2B',
    t,
    splits,
    allocations: [first.A, second.A],
    roles: [first.roles, second.roles],
    certificates,
  };
}
