/**
 * The multiplier allocation of Bai & Gölz (IJCAI 2022, Section 3; seed-004 spec 3.2): each item goes to an agent
 * maximising beta_i u_i(g), the lowest index on ties. By Negishi's characterisation the result is fPO for every
 * beta > 0, and the prices p_g = max_i beta_i u_i(g) certify it: every agent holds only goods of maximum bang per
 * buck u_i(g)/p_g = 1/beta_i, so the allocation is a Fisher-market equilibrium (the `fpo-prices` claim).
 *
 * The variants are thin wrappers of one kernel, `argmaxOwners`: welfare maximization (beta = 1), normalizing
 * multipliers (beta_i = 1/u_i(M), Appendix C) and maximum percentile (score F_i(u_i(g)), Appendix B) differ only in
 * the score. Exact allocations use Rationals; `floatMultiplierOwners` is the experiments' version on doubles, with
 * NumPy's `argmax(utilities * multipliers[:, None], axis=0)` semantics (float products, first maximum).
 */
import { Allocation } from '../../core/allocation';
import { InvalidInputError } from '../../core/errors';
import type { Instance } from '../../core/instance';
import { Rational } from '../../core/rational';

/** owner[g] = the lowest-index agent with the largest score(i, g) under `greater`. */
export function argmaxOwners<T>(
  n: number,
  m: number,
  score: (i: number, g: number) => T,
  greater: (a: T, b: T) => boolean,
): number[] {
  const owner = new Array<number>(m);
  for (let g = 0; g < m; g++) {
    let best = 0;
    let top = score(0, g);
    for (let i = 1; i < n; i++) {
      const s = score(i, g);
      if (greater(s, top)) {
        best = i;
        top = s;
      }
    }
    owner[g] = best;
  }
  return owner;
}

/** Checks exact multipliers: n positive rationals. Code `bad-multipliers`. */
export function checkExactMultipliers(beta: readonly Rational[], n: number): void {
  if (beta.length !== n)
    throw new InvalidInputError('bad-multipliers', `multipliers: expected ${n} (one per agent), got ${beta.length}`);
  beta.forEach((b, i) => {
    if (b.sign() <= 0) throw new InvalidInputError('bad-multipliers', `multipliers[${i}] = ${b} must be positive`);
  });
}

/** The multiplier allocation for exact beta > 0, with its certifying prices p_g = max_i beta_i u_i(g). */
export function multiplierAllocation(
  inst: Instance,
  beta: readonly Rational[],
): { allocation: Allocation; prices: Rational[] } {
  checkExactMultipliers(beta, inst.n);
  const owner = argmaxOwners(
    inst.n,
    inst.m,
    (i, g) => beta[i].mul(inst.values[i][g]),
    (a, b) => a.gt(b),
  );
  const prices = owner.map((i, g) => beta[i].mul(inst.values[i][g]));
  return { allocation: Allocation.fromOwners(owner, inst.n), prices };
}

/** The `fpo-prices` claim of an allocation certified by the prices p_g (exact strings in params). */
export function pricesClaim(
  allocation: Allocation,
  prices: readonly Rational[],
  text: string,
): { id: 'fpo-prices'; text: string; params: Record<string, unknown> } {
  return {
    id: 'fpo-prices',
    text,
    params: { prices: [{ allocation: allocation.toJSON(), prices: prices.map((p) => p.toString()) }] },
  };
}

/**
 * The multiplier allocation on doubles: owner[g] = argmax_i beta_i U[i][g] with the float product, first index on ties
 * (NumPy `argmax` of `utilities * multipliers[:, None]`). `U[i]` holds agent i's m utilities.
 */
export function floatMultiplierOwners(
  U: readonly Float64Array[],
  beta: ArrayLike<number>,
  owner: Int32Array = new Int32Array(U[0].length),
): Int32Array {
  const n = U.length,
    m = U[0].length;
  for (let g = 0; g < m; g++) {
    let best = 0;
    let top = beta[0] * U[0][g];
    for (let i = 1; i < n; i++) {
      const s = beta[i] * U[i][g];
      if (s > top) {
        best = i;
        top = s;
      }
    }
    owner[g] = best;
  }
  return owner;
}
