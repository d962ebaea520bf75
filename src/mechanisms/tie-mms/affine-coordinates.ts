/**
 * The affine coordinates phi of the support reduction (Lemma 4.15), shared by the guided reduction (guided-reduction.ts)
 * and the exact incremental one (support-reduction.ts): phi(A) = (1, [owner[x] = i] for the (i, x) pairs that vary
 * over the support, one agent per good implied), d coordinates, stored as the support of the 0/1 vector.
 */

/** The coordinates of phi over one support. */
export interface AffineCoordinates {
  /** Number of agents. */
  n: number;
  /** Number of coordinates: 0 = the constant, then one per varying (agent, good) pair. */
  d: number;
  /** coordOf[x * n + i]: the coordinate of "agent i owns good x", or -1 (implied, or the good has one owner). */
  coordOf: Int32Array;
  /** The goods with at least two owners over the support, ascending. */
  goods: number[];
}

/**
 * Coordinates: 0 = the constant; (i, x) for the owners of x except the largest, for goods with >= 2 owners over
 * `entries`.
 */
export function affineCoordinates(entries: readonly { owner: Int32Array }[], n: number): AffineCoordinates {
  const m = entries[0].owner.length;
  const coordOf = new Int32Array(m * n).fill(-1);
  const goods: number[] = [];
  let d = 1;
  // seen[x * n + i]: agent i owns good x somewhere in the support (one pass over each owner vector, in memory order)
  const seen = new Uint8Array(m * n);
  for (const e of entries) {
    const owner = e.owner;
    for (let x = 0; x < m; x++) seen[x * n + owner[x]] = 1;
  }
  for (let x = 0; x < m; x++) {
    let cnt = 0;
    let top = -1;
    for (let i = 0; i < n; i++)
      if (seen[x * n + i]) {
        cnt++;
        top = i;
      }
    if (cnt < 2) continue;
    goods.push(x);
    for (let i = 0; i < n; i++) if (seen[x * n + i] && i !== top) coordOf[x * n + i] = d++;
  }
  return { n, d, coordOf, goods };
}

/** The support of phi(A) for the allocation `owner` (ascending coordinates, starting with 0). */
export function affineSupport(owner: Int32Array, ac: AffineCoordinates): Int32Array {
  const { n, coordOf } = ac;
  const tmp: number[] = [0];
  for (const x of ac.goods) {
    const c = coordOf[x * n + owner[x]];
    if (c >= 0) tmp.push(c);
  }
  return Int32Array.from(tmp);
}

/**
 * y = G phi(A) without reduction, for a d x d matrix G stored by columns (`cols[c]` undefined: the unit column e_c) and
 * the 0/1 vector phi(A) given by its support s: the sum of the columns of G on s.
 */
export function sumColumns(
  y: Float64Array,
  s: Int32Array,
  cols: readonly (Float64Array | undefined)[],
  d: number,
): void {
  y.fill(0);
  for (let q = 0; q < s.length; q++) {
    const col = s[q];
    const C = cols[col];
    if (!C) y[col] += 1;
    else for (let i = 0; i < d; i++) y[i] += C[i];
  }
}
