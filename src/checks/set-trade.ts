/**
 * A set-for-set trade between two agents that Pareto-improves an allocation (refutes PO; seed-004 spec 3.12, issue
 * 17 item 3): agent i gives a set S of her goods to agent j for a set T of j's goods, with u_i(T) ≥ u_i(S) and
 * u_j(S) ≥ u_j(T), one strictly. Over every pair of agents, S ranges over the subsets of the `perSide` goods of i with
 * the smallest ratio u_i/u_j (and T likewise for j); for each S the T with u_i(T) ≥ u_i(S) of least value to j is
 * found by binary search over T sorted by u_i with suffix minima. The search runs on doubles and only proposes: a
 * trade counts when `verify` (the caller's exact check) accepts the new owners. O(n^2 4^perSide) at worst; null
 * proves nothing.
 */

/** Goods per side: 2^13 subsets a side keep one pair under a millisecond. */
export const SET_TRADE_GOODS = 13;

/** The subsets of `goods` (bit t of the index: goods[t]) with their values to agents a and b, by a Gray-code walk. */
function subsetSums(
  goods: readonly number[],
  ua: ArrayLike<number>,
  ub: ArrayLike<number>,
): { a: Float64Array; b: Float64Array } {
  const size = 1 << goods.length;
  const a = new Float64Array(size),
    b = new Float64Array(size);
  for (let k = 1; k < size; k++) {
    const low = k & -k,
      t = 31 - Math.clz32(low);
    a[k] = a[k ^ low] + ua[goods[t]];
    b[k] = b[k ^ low] + ub[goods[t]];
  }
  return { a, b };
}

/** The owners after an exactly verified set-for-set trade (module header), or null. */
export function findSetTrade(
  U: readonly ArrayLike<number>[],
  owner: ArrayLike<number>,
  verify: (next: Int32Array) => boolean,
  perSide = SET_TRADE_GOODS,
): Int32Array | null {
  const n = U.length;
  const bundles: number[][] = Array.from({ length: n }, () => []);
  for (let g = 0; g < owner.length; g++) bundles[owner[g]].push(g);
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const ui = U[i],
        uj = U[j];
      if (bundles[i].length === 0 || bundles[j].length === 0) continue;
      const give = bundles[i]
        .slice()
        .sort((x, y) => ui[x] * uj[y] - ui[y] * uj[x] || x - y)
        .slice(0, perSide);
      const take = bundles[j]
        .slice()
        .sort((x, y) => uj[x] * ui[y] - uj[y] * ui[x] || x - y)
        .slice(0, perSide);
      const S = subsetSums(give, ui, uj);
      const T = subsetSums(take, ui, uj);
      // T's non-empty subsets by u_i ascending, with the suffix minimum of u_j and where it is attained
      const order = Int32Array.from({ length: T.a.length - 1 }, (_, k) => k + 1).sort((x, y) => T.a[x] - T.a[y]);
      const sufMin = new Float64Array(order.length + 1).fill(Infinity);
      const sufArg = new Int32Array(order.length + 1).fill(-1);
      for (let k = order.length - 1; k >= 0; k--) {
        const v = T.b[order[k]];
        if (v < sufMin[k + 1]) {
          sufMin[k] = v;
          sufArg[k] = order[k];
        } else {
          sufMin[k] = sufMin[k + 1];
          sufArg[k] = sufArg[k + 1];
        }
      }
      for (let s = 1; s < S.a.length; s++) {
        let lo = 0,
          hi = order.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (T.a[order[mid]] >= S.a[s]) hi = mid;
          else lo = mid + 1;
        }
        const t = sufArg[lo];
        if (t < 0 || sufMin[lo] > S.b[s] || (T.a[t] === S.a[s] && sufMin[lo] === S.b[s])) continue;
        const next = Int32Array.from(owner);
        give.forEach((g, k) => {
          if ((s >> k) & 1) next[g] = j;
        });
        take.forEach((g, k) => {
          if ((t >> k) & 1) next[g] = i;
        });
        if (verify(next)) return next;
      }
    }
  return null;
}
