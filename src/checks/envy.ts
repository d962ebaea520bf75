/**
 * The envy family: EF, EF1, EFX (over positively valued goods), EFX0 (over all goods) and EEFX with its
 * re-partition certificate. Definitions: seed-002 spec section 2 (EFX = strong EFX0 of [PR20]; EFX+ of
 * [Car+16] removes positively valued goods only), seed-003 spec section 2 (EF, EF1).
 */
import type { Allocation } from '../core/allocation';
import type { AgentId, Bundle, GoodId, Instance } from '../core/instance';
import { Rational } from '../core/rational';
import type { CheckResult } from './result';
import { requireAllocation, requireInstance } from '../core/arguments';

/** v_i(A_j) for every pair: the envy matrix of an allocation. */
export function valueMatrix(inst: Instance, a: Allocation): Rational[][] {
  return inst.values.map((_, i) => a.bundles.map((b) => inst.value(i, b)));
}

interface Violation {
  envious: AgentId;
  envied: AgentId;
  own: Rational;
  other: Rational;
  removed?: GoodId;
  afterRemoval?: Rational;
}

/**
 * The first ordered pair i != j (in row order) that `test` reports, given the value matrix V[i][j] = v_i(A_j)
 * of an allocation (integral or mixed); null when no pair does.
 */
export function firstPairViolation<T>(
  V: readonly (readonly Rational[])[],
  test: (i: AgentId, j: AgentId, own: Rational, other: Rational) => T | null,
): T | null {
  for (let i = 0; i < V.length; i++)
    for (let j = 0; j < V.length; j++)
      if (i !== j) {
        const v = test(i, j, V[i][i], V[i][j]);
        if (v) return v;
      }
  return null;
}

function firstViolation(
  inst: Instance,
  a: Allocation,
  test: (i: AgentId, j: AgentId, own: Rational, other: Rational) => Violation | null,
): Violation | null {
  return firstPairViolation(valueMatrix(inst, a), test);
}

/** Which good of A_j an envy notion removes before comparing: none (EF), the most valuable (EF1), the least
 * positively valued (EFX), the least (EFX0). */
export type EnvyRemoval = 'none' | 'most-valued' | 'least-positive' | 'least';

/** The pair closest to violating an envy notion: i's own value, i's value of A_j and, after the removal, of A_j \ {g}. */
export interface TightestEnvyPair {
  envious: AgentId;
  envied: AgentId;
  own: Rational;
  other: Rational;
  removed?: GoodId;
  afterRemoval?: Rational;
}

/**
 * The ordered pair i != j with the least margin v_i(A_i) − v_i(A_j \ {g}) (v_i(A_j) when nothing is removed),
 * first in row order on ties; pairs the notion never constrains (A_j empty for EF1, no positively valued good
 * for EFX) are left out. Null when no pair is constrained.
 */
export function tightestEnvyPair(inst: Instance, a: Allocation, removal: EnvyRemoval): TightestEnvyPair | null {
  const V = valueMatrix(inst, a);
  let best: (TightestEnvyPair & { margin: Rational }) | null = null;
  for (let i = 0; i < inst.n; i++)
    for (let j = 0; j < inst.n; j++) {
      if (i === j) continue;
      const v = inst.values[i];
      const goods = removal === 'least-positive' ? a.bundles[j].filter((g) => v[g].sign() > 0) : a.bundles[j];
      let removed: GoodId | undefined;
      if (removal !== 'none') {
        if (goods.length === 0) continue;
        removed = goods.reduce((b, g) => ((removal === 'most-valued' ? v[g].gt(v[b]) : v[g].lt(v[b])) ? g : b));
      }
      const afterRemoval = removed === undefined ? undefined : V[i][j].sub(v[removed]);
      const margin = V[i][i].sub(afterRemoval ?? V[i][j]);
      if (!best || margin.lt(best.margin))
        best = { envious: i, envied: j, own: V[i][i], other: V[i][j], removed, afterRemoval, margin };
    }
  if (!best) return null;
  const { envious, envied, own, other, removed, afterRemoval } = best;
  return { envious, envied, own, other, removed, afterRemoval };
}

/** A tightest pair as detail entries: agents and the removed good by name, the values exact. */
function tightestDetail(t: TightestEnvyPair | null, inst: Instance): Record<string, unknown> {
  if (!t) return {};
  return {
    tightest: {
      envious: inst.agents[t.envious],
      envied: inst.agents[t.envied],
      own: t.own,
      other: t.other,
      ...(t.removed !== undefined ? { removed: inst.goods[t.removed], afterRemoval: t.afterRemoval } : {}),
    },
  };
}

/**
 * The checker's result: on a violation the pair found; when the notion holds, the tightest pair under
 * `removal` (`detail.tightest`), so that a certificate shows the numbers it compared even without the outcome.
 */
function report(name: string, v: Violation | null, inst: Instance, a: Allocation, removal: EnvyRemoval): CheckResult {
  if (!v)
    return { holds: true, detail: { property: name, ...tightestDetail(tightestEnvyPair(inst, a, removal), inst) } };
  return {
    holds: false,
    detail: {
      property: name,
      envious: inst.agents[v.envious],
      envied: inst.agents[v.envied],
      own: v.own,
      other: v.other,
      afterRemoval: v.afterRemoval,
    },
    witness: { envious: v.envious, envied: v.envied, removed: v.removed },
  };
}

/** Envy-free: v_i(A_i) >= v_i(A_j) for all i, j. Witness: an envious pair. */
export function checkEF(inst: Instance, a: Allocation): CheckResult {
  requireInstance(inst, 'checkEF');
  requireAllocation(a, inst, 'checkEF', 'a');
  return report(
    'EF',
    firstViolation(inst, a, (i, j, own, other) => (own.lt(other) ? { envious: i, envied: j, own, other } : null)),
    inst,
    a,
    'none',
  );
}

/** EF1: for all i, j with A_j nonempty, some g in A_j has v_i(A_i) >= v_i(A_j \ {g}). Witness: the pair and the best removal. */
export function checkEF1(inst: Instance, a: Allocation): CheckResult {
  requireInstance(inst, 'checkEF1');
  requireAllocation(a, inst, 'checkEF1', 'a');
  return report(
    'EF1',
    firstViolation(inst, a, (i, j, own, other) => {
      if (own.ge(other) || a.bundles[j].length === 0) return null;
      const best = a.bundles[j].reduce((b, g) => (inst.values[i][g].gt(inst.values[i][b]) ? g : b));
      const after = other.sub(inst.values[i][best]);
      return own.lt(after) ? { envious: i, envied: j, own, other, removed: best, afterRemoval: after } : null;
    }),
    inst,
    a,
    'most-valued',
  );
}

function efxTest(inst: Instance, a: Allocation, positiveOnly: boolean) {
  return (i: AgentId, j: AgentId, own: Rational, other: Rational): Violation | null => {
    if (own.ge(other)) return null;
    const candidates = a.bundles[j].filter((g) => !positiveOnly || inst.values[i][g].sign() > 0);
    if (candidates.length === 0) return null;
    const least = candidates.reduce((b, g) => (inst.values[i][g].lt(inst.values[i][b]) ? g : b));
    const after = other.sub(inst.values[i][least]);
    return own.lt(after) ? { envious: i, envied: j, own, other, removed: least, afterRemoval: after } : null;
  };
}

/** EFX (the [Car+16] notion, "EFX+"): removing any positively valued good of A_j removes i's envy. */
export function checkEFX(inst: Instance, a: Allocation): CheckResult {
  requireInstance(inst, 'checkEFX');
  requireAllocation(a, inst, 'checkEFX', 'a');
  return report('EFX', firstViolation(inst, a, efxTest(inst, a, true)), inst, a, 'least-positive');
}

/** EFX0 (strong EFX of [PR20], used by papers 002 and 003): removing any good of A_j, zero-valued included. */
export function checkEFX0(inst: Instance, a: Allocation): CheckResult {
  requireInstance(inst, 'checkEFX0');
  requireAllocation(a, inst, 'checkEFX0', 'a');
  return report('EFX0', firstViolation(inst, a, efxTest(inst, a, false)), inst, a, 'least');
}

/** Does bundle X EFX0-dominate bundle Y for v (Y empty, or v(X) >= v(Y) - min_{g in Y} v(g))? */
export function efxDominates(v: readonly Rational[], X: Rational, Y: Bundle): boolean {
  if (Y.length === 0) return true;
  let total = Rational.ZERO;
  let least = v[Y[0]];
  for (const g of Y) {
    total = total.add(v[g]);
    if (v[g].lt(least)) least = v[g];
  }
  return X.ge(total.sub(least));
}

/** Is the bundle at position k EFX0-satisfied for v: does it EFX0-dominate every other bundle of `bundles`? */
export function efxSatisfied(v: readonly Rational[], bundles: readonly Bundle[], k: number): boolean {
  const own = Rational.sum(bundles[k].map((g) => v[g]));
  return bundles.every((b, j) => j === k || efxDominates(v, own, b));
}

/**
 * Searches a partition of `goods` into k bundles each EFX0-dominated by value `own` (seed-002 Def 2.3).
 * Exact backtracking (largest goods first; adding a good never helps a bundle, so violations prune);
 * returns the bundles, null when none exists, or 'limit' when the node budget runs out.
 */
export function eefxRepartition(
  v: readonly Rational[],
  own: Rational,
  goods: readonly GoodId[],
  k: number,
  nodeLimit = 2_000_000,
): GoodId[][] | null | 'limit' {
  const order = [...goods].sort((x, y) => v[y].cmp(v[x]) || x - y);
  if (k === 0) return order.length === 0 ? [] : null;
  const bins: GoodId[][] = Array.from({ length: k }, () => []);
  const sums = new Array<Rational>(k).fill(Rational.ZERO);
  const mins: (Rational | null)[] = new Array(k).fill(null);
  let nodes = 0;
  const place = (t: number): boolean | 'limit' => {
    if (t === order.length) return true;
    if (++nodes > nodeLimit) return 'limit';
    const g = order[t];
    let triedEmpty = false;
    for (let b = 0; b < k; b++) {
      if (bins[b].length === 0) {
        if (triedEmpty) continue;
        triedEmpty = true;
      }
      const s = sums[b].add(v[g]);
      const mn = mins[b] === null || v[g].lt(mins[b]!) ? v[g] : mins[b]!;
      if (own.lt(s.sub(mn))) continue;
      const [ps, pm] = [sums[b], mins[b]];
      bins[b].push(g);
      sums[b] = s;
      mins[b] = mn;
      const r = place(t + 1);
      if (r) return r;
      bins[b].pop();
      sums[b] = ps;
      mins[b] = pm;
    }
    return false;
  };
  const r = place(0);
  if (r === 'limit') return 'limit';
  return r ? bins.map((b) => b.sort((x, y) => x - y)) : null;
}

/**
 * EEFX (seed-002 Def 2.3): every agent i can re-partition M \ A_i into n-1 bundles that A_i EFX0-dominates.
 * Certificate: for each agent, the re-partition (an allocation Y with Y_i = A_i in which i is EFX0-satisfied).
 * Witness of failure: an agent for whom no re-partition exists (proved by exhaustive search).
 */
export function checkEEFX(inst: Instance, a: Allocation): CheckResult {
  requireInstance(inst, 'checkEEFX');
  requireAllocation(a, inst, 'checkEEFX', 'a');
  const certificates: Record<string, GoodId[][]> = {};
  for (let i = 0; i < inst.n; i++) {
    const own = inst.value(i, a.bundles[i]);
    const v = inst.values[i];
    if (a.bundles.every((b, j) => j === i || efxDominates(v, own, b))) {
      certificates[inst.agents[i]] = a.bundles.filter((_, j) => j !== i).map((b) => [...b]);
      continue;
    }
    const others = a.bundles.flatMap((b, j) => (j === i ? [] : b));
    const part = eefxRepartition(v, own, others, inst.n - 1);
    if (part === 'limit')
      return {
        holds: false,
        unchecked: true,
        detail: { property: 'EEFX', agent: inst.agents[i], reason: 'search budget exhausted' },
      };
    if (part === null)
      return {
        holds: false,
        detail: { property: 'EEFX', agent: inst.agents[i], own },
        witness: {
          agent: i,
          reason: 'no re-partition of the other goods is EFX0-dominated by the own bundle (exhaustive search)',
        },
      };
    certificates[inst.agents[i]] = part;
  }
  return { holds: true, detail: { property: 'EEFX' }, witness: { repartitions: certificates } };
}
