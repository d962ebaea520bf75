/**
 * Matchings in the bipartite "b-graph" of a bi-valued instance: agents on the left, goods on the right, an
 * edge where the good is large for the agent (Bu et al. 2024, Appendix B.1; seed-003 spec P2-P5).
 *
 * Left vertices are plain numbers, so the same routines match agents (Algorithms 4, 5, B.3) and the
 * per-good "slots" of Algorithm 2's final step. Neighbour lists are sorted by good id; every search visits
 * them in that order, which fixes the reference tie-breaks of the spec.
 */
import type { AgentId, GoodId } from '../../core/instance';

/** A bipartite graph: the left vertices, in the order they are processed, and each one's goods. */
export interface BipartiteGraph {
  readonly left: readonly number[];
  /** The goods adjacent to x, sorted by id. */
  neighbours(x: number): readonly GoodId[];
}

/** A matching, kept from both sides. */
export class Matching {
  readonly ofLeft = new Map<number, GoodId>();
  readonly ofGood = new Map<GoodId, number>();

  match(x: number, g: GoodId): void {
    this.ofLeft.set(x, g);
    this.ofGood.set(g, x);
  }
  get size(): number {
    return this.ofLeft.size;
  }
}

/**
 * A maximum matching by Kuhn's augmenting paths (spec P3, the reference tie-break): left vertices in the
 * graph's order, each tries its neighbours by increasing id, recursively displacing the current mate.
 */
export function maxMatching(g: BipartiteGraph): Matching {
  const m = new Matching();
  const tryAugment = (x: number, visited: Set<GoodId>): boolean => {
    for (const good of g.neighbours(x)) {
      if (visited.has(good)) continue;
      visited.add(good);
      const mate = m.ofGood.get(good);
      if (mate === undefined || tryAugment(mate, visited)) {
        m.match(x, good);
        return true;
      }
    }
    return false;
  };
  for (const x of g.left) tryAugment(x, new Set());
  return m;
}

/**
 * Matches the unmatched vertex x by the shortest alternating path to a free good of `allowed` (spec P4):
 * breadth first, neighbours by increasing id, the first free good reached ends the path, which is flipped.
 * Returns false (and leaves the matching unchanged) when no such path exists.
 */
export function augmentFrom(
  x: number,
  neighbours: (x: number) => readonly GoodId[],
  m: Matching,
  allowed: ReadonlySet<GoodId>,
): boolean {
  const cameFrom = new Map<GoodId, number>();
  const queue: number[] = [x];
  for (let head = 0; head < queue.length; head++) {
    const y = queue[head];
    for (const good of neighbours(y)) {
      if (!allowed.has(good) || cameFrom.has(good)) continue;
      cameFrom.set(good, y);
      const mate = m.ofGood.get(good);
      if (mate === undefined) {
        let g: GoodId | undefined = good;
        while (g !== undefined) {
          const owner: number = cameFrom.get(g)!;
          const previous = m.ofLeft.get(owner);
          m.match(owner, g);
          g = owner === x ? undefined : previous;
        }
        return true;
      }
      queue.push(mate);
    }
  }
  return false;
}

/** What Algorithm 4 returns: the group Z, its neighbourhood Γ(Z) and the maximum matching it used. */
export interface UnmatchableGroup {
  readonly group: readonly AgentId[];
  readonly neighbourhood: readonly GoodId[];
  readonly matching: Matching;
}

/**
 * Algorithm 4 of Bu et al. (the minimal unmatchable group, Definition B.4): after a maximum matching, Z is
 * every agent reachable from an unmatched agent by an alternating path, and Γ(Z) every good adjacent to Z.
 * Z is canonical (the same for every maximum matching); |Γ(Z)| < |Z| when Z is nonempty; every good of
 * Γ(Z) is matched into Z; the matching restricted to the other agents is perfect into the other goods; and
 * every agent of Z values every good outside Γ(Z) small (spec P5, properties Z1-Z7).
 */
export function minimalUnmatchableGroup(
  agents: readonly AgentId[],
  pool: readonly GoodId[],
  large: (i: AgentId, g: GoodId) => boolean,
): UnmatchableGroup {
  const graph = bGraph(agents, pool, large);
  const matching = maxMatching(graph);
  const neighbours = graph.neighbours;
  const inGroup = new Set<AgentId>(agents.filter((i) => !matching.ofLeft.has(i)));
  const reached = new Set<GoodId>();
  const queue = [...inGroup];
  for (let head = 0; head < queue.length; head++) {
    for (const g of neighbours(queue[head])) {
      if (reached.has(g)) continue;
      reached.add(g);
      const mate = matching.ofGood.get(g);
      if (mate !== undefined && !inGroup.has(mate)) {
        inGroup.add(mate);
        queue.push(mate);
      }
    }
  }
  return {
    group: [...inGroup].sort((x, y) => x - y),
    neighbourhood: [...reached].sort((x, y) => x - y),
    matching,
  };
}

/** The b-graph of some agents into a pool of goods, for `maxMatching`. */
export function bGraph(
  agents: readonly AgentId[],
  pool: readonly GoodId[],
  large: (i: AgentId, g: GoodId) => boolean,
): BipartiteGraph {
  const sortedPool = [...pool].sort((x, y) => x - y);
  const adjacency = new Map<AgentId, GoodId[]>(agents.map((i) => [i, sortedPool.filter((g) => large(i, g))]));
  return { left: [...agents].sort((x, y) => x - y), neighbours: (i) => adjacency.get(i) ?? [] };
}
