/**
 * Upper bounds on the MMS of n bundles, valid for every partition.
 * - Average: MMS <= floor(v(M) / n).
 * - Largest items (the covering analogue of the L2 argument): the j largest items lie in at most j bundles,
 *   so some n - j bundles avoid them all and MMS <= floor((v(M) - top_j) / (n - j)) for j = 0..n-1.
 * The covering search adds the per-threshold pair bound (`CoverSearch.refutes`).
 */

/** min over j < n of floor((v(M) - sum of the j largest) / (n - j)); `desc` sorted non-increasingly. */
export function largestItemsBound(desc: readonly bigint[], n: number): bigint {
  let rest = desc.reduce((a, b) => a + b, 0n);
  let best = rest / BigInt(n);
  for (let j = 1; j < n && j <= desc.length; j++) {
    rest -= desc[j - 1];
    const ub = rest / BigInt(n - j);
    if (ub < best) best = ub;
  }
  return best;
}
