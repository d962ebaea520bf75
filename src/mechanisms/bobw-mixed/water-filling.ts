/**
 * Water-filling: allocating one homogeneous divisible good d on top of an EF1 allocation of indivisible
 * goods so that the result is EFM (Lemma 4.2 of Bu et al. 2024, citing Algorithm 1 of Bei, Li, Liu, Liu &
 * Lu, "Fair division of mixed divisible and indivisible goods", AIJ 2021). The paper only cites it; this is
 * the reconstruction of seed-003 spec P7.
 *
 * Bundle k is a set S_k of indivisible goods plus a fraction x_k of d; agent i values it
 * V_i(k) = u_i(S_k) + x_k u_i(d). While d remains:
 * * the maximal addable set S is the set of unenvied agents, pruned repeatedly of every agent to whom an
 *   agent outside S is indifferent. If S is nonempty, its members' bundles grow at the same rate until d
 *   runs out or an outsider becomes indifferent to one of them;
 * * otherwise a cycle of weak envy containing a strict envy edge is rotated: everyone on it takes her
 *   successor's bundle, nobody loses and the envious agent gains.
 *
 * Nobody envies a bundle with cake (W1), EF1 towards the others survives because nobody's value drops
 * (W2, W3), and indivisible bundles are only permuted (W4): the result is EFM. The maximal addable set
 * matters: adding to one source component at a time is correct but takes value-dependent steps (spec 7.16).
 * Tie-breaks (spec P7, reference): the source component containing the smallest agent id, the
 * lexicographically smallest envy edge in it, and a breadth-first shortest path with neighbours by id.
 */
import { LimitError } from '../../core/errors';
import type { AgentId, GoodId, Instance } from '../../core/instance';
import { Rational } from '../../core/rational';
import type { MergedAllocation } from './problem';

/** One step of water-filling. */
export type WaterFillingStep =
  | {
      readonly kind: 'add';
      readonly agents: readonly AgentId[];
      readonly delta: Rational;
      readonly each: Rational;
      readonly remaining: Rational;
    }
  | { readonly kind: 'rotate'; readonly cycle: readonly AgentId[]; readonly envyEdge: readonly [AgentId, AgentId] };

export interface WaterFillingResult {
  readonly allocation: MergedAllocation;
  readonly steps: readonly WaterFillingStep[];
}

/**
 * Water-fills d (agent i values all of it at `cake[i]`) over the indivisible bundles `bundles` (agent i
 * holds `bundles[i]`, an EF1 allocation). Throws a LimitError after 100 n^3 + 100 steps (spec 4.6).
 */
export function waterFill(
  inst: Instance,
  bundles: readonly (readonly GoodId[])[],
  cake: readonly Rational[],
): WaterFillingResult {
  const n = bundles.length;
  const base = inst.values.map((_, i) => bundles.map((b) => inst.value(i, b)));
  const own = bundles.map((_, i) => i);
  const x = new Array<Rational>(n).fill(Rational.ZERO);
  const V = (i: AgentId, k: number) => base[i][k].add(x[k].mul(cake[i]));
  let remaining = Rational.ONE;
  const steps: WaterFillingStep[] = [];
  const cap = 100 * n ** 3 + 100;
  while (remaining.sign() > 0) {
    if (steps.length >= cap) throw new LimitError('water-filling-cap', `water-filling: more than ${cap} steps`);
    const mine = own.map((k, i) => V(i, k));
    const envies = (i: AgentId, j: AgentId) => i !== j && V(i, own[j]).gt(mine[i]);
    const indifferent = (i: AgentId, j: AgentId) => i !== j && V(i, own[j]).eq(mine[i]);
    const addable = maximalAddableSet(n, envies, indifferent);
    if (addable.length) {
      const inS = new Set(addable);
      let delta = remaining;
      for (let i = 0; i < n; i++) {
        if (inS.has(i) || cake[i].sign() <= 0) continue;
        for (const j of addable) {
          const limit = mine[i].sub(V(i, own[j])).mul(addable.length).div(cake[i]);
          if (limit.lt(delta)) delta = limit;
        }
      }
      const each = delta.div(addable.length);
      for (const j of addable) x[own[j]] = x[own[j]].add(each);
      remaining = remaining.sub(delta);
      steps.push({ kind: 'add', agents: addable, delta, each, remaining });
    } else {
      const { cycle, envyEdge } = envyCycle(n, envies, (i, j) => envies(i, j) || indifferent(i, j));
      const next = cycle.map((_, t) => own[cycle[(t + 1) % cycle.length]]);
      cycle.forEach((i, t) => (own[i] = next[t]));
      steps.push({ kind: 'rotate', cycle, envyEdge });
    }
  }
  return { allocation: { bundles: own.map((k) => bundles[k]), cake: own.map((k) => x[k]) }, steps };
}

/**
 * The maximal addable set: unenvied agents, pruned until no agent outside the set is indifferent to an
 * agent inside it.
 */
function maximalAddableSet(
  n: number,
  envies: (i: AgentId, j: AgentId) => boolean,
  indifferent: (i: AgentId, j: AgentId) => boolean,
): AgentId[] {
  const inSet = Array.from({ length: n }, (_, j) => !Array.from({ length: n }, (_, i) => envies(i, j)).some(Boolean));
  for (let changed = true; changed;) {
    changed = false;
    for (let j = 0; j < n; j++) {
      if (!inSet[j]) continue;
      for (let i = 0; i < n; i++)
        if (!inSet[i] && indifferent(i, j)) {
          inSet[j] = false;
          changed = true;
          break;
        }
    }
  }
  return inSet.flatMap((b, j) => (b ? [j] : []));
}

/**
 * A cycle of weak envy through a strict envy edge, inside the source strongly connected component (no
 * weak-envy edge enters it) that contains the smallest agent id; returned as i0, j0, ..., with each agent
 * taking her successor's bundle.
 */
function envyCycle(
  n: number,
  envies: (i: AgentId, j: AgentId) => boolean,
  weak: (i: AgentId, j: AgentId) => boolean,
): { cycle: AgentId[]; envyEdge: [AgentId, AgentId] } {
  const reach = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => i === j || weak(i, j)));
  for (let k = 0; k < n; k++)
    for (let i = 0; i < n; i++) if (reach[i][k]) for (let j = 0; j < n; j++) if (reach[k][j]) reach[i][j] = true;
  for (let s = 0; s < n; s++) {
    const component = Array.from({ length: n }, (_, j) => reach[s][j] && reach[j][s]);
    const entered = component.some(
      (inside, j) => inside && Array.from({ length: n }, (_, i) => !component[i] && weak(i, j)).some(Boolean),
    );
    if (entered) continue;
    for (let i0 = 0; i0 < n; i0++)
      for (let j0 = 0; j0 < n; j0++) {
        if (!component[i0] || !component[j0] || !envies(i0, j0)) continue;
        // breadth-first from j0 back to i0 inside the component
        const parent = new Map<AgentId, AgentId>([[j0, j0]]);
        const queue = [j0];
        for (let head = 0; head < queue.length && !parent.has(i0); head++) {
          const y = queue[head];
          for (let z = 0; z < n; z++)
            if (component[z] && !parent.has(z) && weak(y, z)) {
              parent.set(z, y);
              queue.push(z);
            }
        }
        const path: AgentId[] = [];
        for (let z = parent.get(i0)!; z !== j0; z = parent.get(z)!) path.unshift(z);
        return { cycle: [i0, j0, ...path], envyEdge: [i0, j0] };
      }
    throw new Error('water-filling: a source component without an envy edge should have been addable');
  }
  throw new Error('water-filling: no source component (impossible in a finite graph)');
}
