/** Shared helpers of the bobw-mixed tests: worked instances, exact expected values, seeded random instances. */
import { expectedValueMatrix } from '../../../src/checks/ex-ante';
import type { FractionalAllocation } from '../../../src/core/allocation';
import { Instance, instance } from '../../../src/core/instance';
import type { RationalLike } from '../../../src/core/rational';
import type { Rng } from '../../../src/core/rng';
import { workedInstance } from '../../../src/mechanisms/bobw-mixed/instances';

/** The worked instance of seed-003 spec section 5 with this label. */
export function worked(label: string): Instance {
  return instance(workedInstance(label));
}

/** v_i(f_j) as exact strings: row i is agent i's expected value of every agent's share. */
export function valueTable(inst: Instance, f: FractionalAllocation): string[][] {
  return expectedValueMatrix(inst, f).map((r) => r.map(String));
}

/** Agent i's expected own value, for every i, as exact strings. */
export function ownValues(inst: Instance, f: FractionalAllocation): string[] {
  return expectedValueMatrix(inst, f).map((r, i) => String(r[i]));
}

/** A random bi-valued instance (one agent per pair): agent i values each good b_i with probability p_i, else a_i; D valued in [0, cakeMax]. */
export function randomBivalued(
  r: Rng,
  m: number,
  pairs: readonly (readonly [RationalLike, RationalLike])[],
  opts: { cakeMax?: number; common?: boolean } = {},
): Instance {
  const p = pairs.map(() => r.float());
  const values: RationalLike[][] = pairs.map(([a, b], i) =>
    Array.from({ length: m }, () => (r.float() < p[i] ? b : a)),
  );
  const withCake = opts.cakeMax !== undefined;
  if (withCake) values.forEach((row) => row.push(r.int(0, opts.cakeMax!)));
  const bivalued = opts.common
    ? ([pairs[0][0], pairs[0][1]] as [RationalLike, RationalLike])
    : pairs.map(([a, b]) => [a, b] as [RationalLike, RationalLike]);
  return new Instance(values, { divisible: withCake ? [m] : [], bivalued });
}
