/**
 * Support reduction (Lemma 4.15 of paper 000; spec A10 [DECISION]: exact Carathéodory elimination, no LP solver).
 */
import { Rational } from '../../core/rational';

/** An allocation with its probability. */
export interface WeightedOwner {
  p: Rational;
  owner: Int32Array;
}

/**
 * REDUCE (Lemma 4.15): a lottery with the same marginals, support contained in the old support and affinely
 * independent allocation vectors, hence at most (n-1)m + 1 allocations. Exact.
 *
 * Method: phi(A) = (1, [owner[x] = i] for the (i, x) coordinates that vary over the support, one agent per good
 * implied). One exact RREF of the coordinates x allocations matrix gives every free column as a combination of the
 * pivot columns; each free column c in turn is a dependency lambda (lambda_c = 1, lambda_b = -R[b][c]); moving
 * probability along it, p <- p - t * lambda with the largest t keeping p >= 0, zeroes c or a basic column; in the latter
 * case c enters the basis by one pivot. At the end the positive columns are basic, hence independent. Returns the
 * indices kept (ascending) and their new probabilities.
 */
export function reduceSupport(entries: readonly WeightedOwner[], n: number): { kept: number[]; p: Rational[]; removed: number } {
  const K = entries.length;
  if (K <= 1) return { kept: entries.map((_, k) => k), p: entries.map((e) => e.p), removed: 0 };
  const m = entries[0].owner.length;
  // coordinates: for each good, the agents owning it somewhere in the support except the largest (implied)
  const coords: [number, number][] = [];
  for (let x = 0; x < m; x++) {
    const owners = new Set<number>();
    for (const e of entries) owners.add(e.owner[x]);
    if (owners.size < 2) continue;
    const sorted = [...owners].sort((a, b) => a - b);
    sorted.pop();
    for (const i of sorted) coords.push([i, x]);
  }
  void n;
  const d = coords.length + 1;
  // dense tableau rows = coordinates, columns = allocations
  const T: Rational[][] = [];
  T.push(new Array<Rational>(K).fill(Rational.ONE));
  for (const [i, x] of coords) T.push(entries.map((e) => (e.owner[x] === i ? Rational.ONE : Rational.ZERO)));
  // RREF
  const pivotCol: number[] = []; // pivotCol[row] = column
  const isBasic = new Int32Array(K).fill(-1); // column -> row
  let row = 0;
  for (let c = 0; c < K && row < d; c++) {
    let piv = -1;
    for (let r = row; r < d; r++) if (!T[r][c].isZero()) {
      piv = r;
      break;
    }
    if (piv < 0) continue;
    [T[row], T[piv]] = [T[piv], T[row]];
    pivotRow(T, row, c);
    pivotCol.push(c);
    isBasic[c] = row;
    row++;
  }
  const rank = row;
  T.length = rank;
  const p = entries.map((e) => e.p);
  const alive = new Uint8Array(K).fill(1);
  for (let c = 0; c < K; c++) {
    if (isBasic[c] >= 0 || !alive[c]) continue;
    // dependency: phi_c - sum_r T[r][c] phi_{pivotCol[r]} = 0
    let t = p[c];
    let argRow = -1;
    for (let r = 0; r < rank; r++) {
      const coef = T[r][c];
      if (coef.sign() >= 0) continue; // lambda_b = -coef > 0 only when coef < 0
      const b = pivotCol[r];
      const ratio = p[b].div(coef.neg());
      if (ratio.lt(t)) {
        t = ratio;
        argRow = r;
      }
    }
    if (t.isZero() && argRow < 0) {
      alive[c] = 0;
      continue;
    }
    p[c] = p[c].sub(t);
    for (let r = 0; r < rank; r++) {
      const coef = T[r][c];
      if (coef.isZero()) continue;
      const b = pivotCol[r];
      p[b] = p[b].add(t.mul(coef));
    }
    if (argRow < 0) {
      p[c] = Rational.ZERO;
      alive[c] = 0;
      continue;
    }
    // basic column pivotCol[argRow] leaves (p = 0), c enters
    const leaving = pivotCol[argRow];
    p[leaving] = Rational.ZERO;
    alive[leaving] = 0;
    isBasic[leaving] = -1;
    pivotRow(T, argRow, c);
    pivotCol[argRow] = c;
    isBasic[c] = argRow;
  }
  const kept: number[] = [];
  const pk: Rational[] = [];
  for (let k = 0; k < K; k++) if (alive[k] && p[k].sign() > 0) {
    kept.push(k);
    pk.push(p[k]);
  }
  return { kept, p: pk, removed: K - kept.length };
}

function pivotRow(T: Rational[][], row: number, c: number): void {
  const K = T[row].length;
  const inv = T[row][c].inv();
  if (!inv.eq(1)) for (let k = 0; k < K; k++) if (!T[row][k].isZero()) T[row][k] = T[row][k].mul(inv);
  const pr = T[row];
  const nz: number[] = [];
  for (let k = 0; k < K; k++) if (!pr[k].isZero()) nz.push(k);
  for (let r = 0; r < T.length; r++) {
    if (r === row) continue;
    const f = T[r][c];
    if (f.isZero()) continue;
    const tr = T[r];
    for (const k of nz) tr[k] = tr[k].sub(f.mul(pr[k]));
  }
}
