/**
 * The EEFX-certificate builder of Lemma B.1 (Babaioff & Frosh; spec section 3.9): an agent holding a bundle
 * worth at least a third of her total can re-split the other goods into two bundles that her bundle
 * EFX-dominates.
 */
import type { Bundle, GoodId } from '../../core/instance';
import { valueOf, type Valuation } from './valuation';

/**
 * For X with 3 v(X) >= v(M) (M = goods 0..m-1), an EEFX certificate (X, Y, Z): the rest R = M \ X is
 * (R, empty) when v(R) <= v(X); otherwise Y is the shortest prefix of R in non-increasing value (ties by
 * index) worth more than v(X), and Z the remainder. Y minus its last (least) good is worth <= v(X), and
 * v(Z) < v(M) - 2 v(X) <= v(X). Returns null when X is worth less than a third.
 */
export function proportionalEefxCertificate(v: Valuation, X: Bundle): [GoodId[], GoodId[], GoodId[]] | null {
  const total = valueOf(
    v,
    v.map((_, g) => g),
  );
  const own = valueOf(v, X);
  if (3n * own < total) return null;
  const mine = new Set(X);
  const R = v.map((_, g) => g).filter((g) => !mine.has(g));
  if (valueOf(v, R) <= own) return [[...X], R, []];
  const order = [...R].sort((a, b) => (v[b] > v[a] ? 1 : v[b] < v[a] ? -1 : a - b));
  let sum = 0n;
  let k = 0;
  while (sum <= own) sum += v[order[k++]];
  const Y = order.slice(0, k).sort((a, b) => a - b);
  const Z = order.slice(k).sort((a, b) => a - b);
  return [[...X], Y, Z];
}
