/**
 * The baseline allocations of Bu et al. 2024 (Definition 4.4, Definition B.10; seed-003 spec 3.10), a proof
 * device used here as a diagnostic: for every order π and the agent i at position k of π, her bundle of the
 * residual instance is worth at least β^i_k, and the β^i sum to u_i(M ∪ D), which gives ex-ante PROP.
 */
import type { GoodId, Instance } from '../../../src/core/instance';
import { Rational } from '../../../src/core/rational';

/** The water level over bundle values v under one utility with cake value W: β_t = max(v_t, x). */
export function waterLevel(v: readonly Rational[], W: Rational): Rational[] {
  if (W.isZero()) return [...v];
  const s = [...v].sort((a, b) => a.cmp(b));
  const n = s.length;
  let x = W.add(Rational.sum(s)).div(n);
  let prefix = Rational.ZERO;
  for (let k = 1; k <= n; k++) {
    prefix = prefix.add(s[k - 1]);
    const level = W.add(prefix).div(k);
    if (k === n || level.le(s[k])) {
      x = level;
      break;
    }
  }
  return v.map((t) => Rational.max(t, x));
}

/** Definition 4.4: agent i's own round robin over `goods` (bundle k gets sorted positions k, k + n, ...), then the water level. */
export function roundRobinBaseline(inst: Instance, i: number, goods: readonly GoodId[], W: Rational): Rational[] {
  const n = inst.n;
  const sorted = [...goods].sort((g, h) => inst.values[i][h].cmp(inst.values[i][g]) || g - h);
  const v = Array.from({ length: n }, (_, k) =>
    Rational.sum(sorted.filter((_, p) => p % n === k).map((g) => inst.values[i][g])),
  );
  return waterLevel(v, W);
}

/** Definition B.10: the first-phase goods F in descending value, the rest R added one each to the first bundles, then the water level. */
export function firstPhaseBaseline(
  inst: Instance,
  i: number,
  first: readonly GoodId[],
  rest: readonly GoodId[],
  W: Rational,
): Rational[] {
  const desc = (gs: readonly GoodId[]) => gs.map((g) => inst.values[i][g]).sort((a, b) => b.cmp(a));
  const f = desc(first);
  const r = desc(rest);
  return waterLevel(
    f.map((x, k) => (k < r.length ? x.add(r[k]) : x)),
    W,
  );
}
