import { Rational, type RationalLike } from '../core/rational';
import { requireList, requirePositiveInteger } from '../core/arguments';

/**
 * Truncated proportional share [BEF22], closed form of seed-000 spec D3/A1.2:
 * TPS_n(v) = min over k = 0..n-1 of (v(M) - v(top_k)) / (n - k), top_k the k most valuable goods.
 * TPS >= MMS (Lemma 2.12 of paper 000), so a rho-TPS certificate implies rho-MMS.
 */
export function tps(values: readonly RationalLike[], n: number): Rational {
  requireList(values, 'tps', 'values');
  requirePositiveInteger(n, 'tps', 'n');
  const vals = values.map((x) => Rational.from(x)).sort((a, b) => b.cmp(a));
  const total = Rational.sum(vals);
  let best = total.div(n);
  let prefix = Rational.ZERO;
  for (let k = 1; k < n; k++) {
    if (k - 1 < vals.length) prefix = prefix.add(vals[k - 1]);
    const rem = total.sub(prefix);
    best = Rational.min(best, rem.div(n - k));
  }
  return best;
}
