/**
 * Faithful implementation of a fractional allocation (Lemma 4.11 of paper 000, from [BEF22]; spec A8 [DECISION]):
 * unit slots along each agent's strict order + Birkhoff-von Neumann with deterministic matchings.
 *
 * Properties (checked in tests, spec C6.5): the lottery induces f exactly; every allocation gives agent i every good
 * with f = 1, none with f = 0, exactly one good of each full slot and at most one of her partial slot; hence
 * |v_i(A_i) - v_i(f_i)| <= max{v_i(x) : 0 < f_ix < 1}. Ordinal: uses only f and the strict orders.
 */
import { Allocation, Lottery } from '../../core/allocation';
import type { GoodId } from '../../core/instance';
import { Rational } from '../../core/rational';
import { ownerKey } from './mixing';
import { commonDenominator, scaleUp } from './scaled';

/** One allocation of a scaled lottery: weight w out of the total D, owner[x] = agent of good x. */
export interface ScaledEntry {
  w: bigint;
  owner: Int32Array;
}

/** Slot structure of step 2 (for traces): slots[i][s] = [good, mass] pairs, masses scaled by D. */
export type Slots = { good: GoodId; mass: bigint }[][][];

/**
 * Matching strategy for the BvN rounds. `canonical` (spec A8 [DECISION]): a fresh Kuhn matching each round, rows
 * ascending, candidate columns ascending. `incremental`: the same Kuhn search, but started from the previous
 * round's matching minus the edges that were zeroed (deterministic too; different lottery, same properties). Compare the
 * two with `npm run bench -- tie-mms --matching canonical` (bench/results/tie-mms.md records only 'incremental').
 */
export type MatchingStrategy = 'canonical' | 'incremental';

export interface FaithfulResult {
  entries: ScaledEntry[];
  slots: Slots;
  rounds: number;
}

/**
 * FAITHFUL (spec A8) on a scaled fractional allocation f (n x m BigInt numerators over D, columns summing to D).
 * Returns the merged lottery as weights summing to D.
 */
export function faithfulScaled(f: readonly (readonly bigint[])[], D: bigint, orders: readonly (readonly GoodId[])[], strategy: MatchingStrategy = 'canonical'): FaithfulResult {
  const n = f.length;
  const m = n ? f[0].length : 0;
  // 1. integral goods
  const owner0 = new Int32Array(m).fill(-1);
  const fracCol = new Int32Array(m).fill(-1);
  const fracGoods: GoodId[] = [];
  for (let x = 0; x < m; x++) {
    let o = -1;
    for (let i = 0; i < n; i++) if (f[i][x] === D) o = i;
    if (o >= 0) owner0[x] = o;
    else {
      fracCol[x] = fracGoods.length;
      fracGoods.push(x);
    }
  }
  // 2. slots
  const slots: Slots = [];
  const rowAgent: number[] = [];
  const rowCols: number[][] = [];
  const rowVals: bigint[][] = [];
  const rowLoad: bigint[] = [];
  for (let i = 0; i < n; i++) {
    const mine: { good: GoodId; mass: bigint }[][] = [];
    let cur: { good: GoodId; mass: bigint }[] = [];
    let fill = 0n;
    for (const x of orders[i]) {
      let left = f[i][x];
      if (left <= 0n || left >= D) continue;
      while (left > 0n) {
        const take = D - fill < left ? D - fill : left;
        cur.push({ good: x, mass: take });
        fill += take;
        left -= take;
        if (fill === D) {
          mine.push(cur);
          cur = [];
          fill = 0n;
        }
      }
    }
    if (cur.length) mine.push(cur);
    slots.push(mine);
    for (const s of mine) {
      rowAgent.push(i);
      const cols = s.map((e) => fracCol[e.good]);
      rowCols.push(cols);
      rowVals.push(s.map((e) => e.mass));
      rowLoad.push(s.reduce((a, e) => a + e.mass, 0n));
    }
  }
  const R = rowAgent.length;
  const mf = fracGoods.length;
  if (R < mf) throw new Error('faithful: fewer slots than fractional goods (internal error)');
  // 3. dummy columns absorb the partial slots' deficits, north-west corner
  let dummy = mf;
  let dummyFill = 0n;
  for (let r = 0; r < R; r++) {
    let deficit = D - rowLoad[r];
    while (deficit > 0n) {
      const take = D - dummyFill < deficit ? D - dummyFill : deficit;
      rowCols[r].push(dummy);
      rowVals[r].push(take);
      dummyFill += take;
      deficit -= take;
      if (dummyFill === D) {
        dummy++;
        dummyFill = 0n;
      }
    }
  }
  // sort each row's entries by column (candidate columns ascending), merging duplicates
  for (let r = 0; r < R; r++) {
    const idx = rowCols[r].map((_, k) => k).sort((a, b) => rowCols[r][a] - rowCols[r][b]);
    const cols: number[] = [];
    const vals: bigint[] = [];
    for (const k of idx) {
      if (cols.length && cols[cols.length - 1] === rowCols[r][k]) vals[vals.length - 1] += rowVals[r][k];
      else {
        cols.push(rowCols[r][k]);
        vals.push(rowVals[r][k]);
      }
    }
    rowCols[r] = cols;
    rowVals[r] = vals;
  }
  // 4. Birkhoff-von Neumann. Exact on doubles when every entry (<= D) is below 2^53, else on BigInt.
  const small = D <= BigInt(Number.MAX_SAFE_INTEGER);
  const valsN: Float64Array[] = small ? rowVals.map((r) => Float64Array.from(r, (x) => Number(x))) : [];
  const positive = small ? (u: number, k: number) => valsN[u][k] > 0 : (u: number, k: number) => rowVals[u][k] !== 0n;
  const matchRow = new Int32Array(R).fill(-1); // row -> entry index k in rowCols[row]
  const matchCol = new Int32Array(R).fill(-1); // column -> row
  const seen = new Int32Array(R);
  let stamp = 0;
  const augment = (u: number): boolean => {
    const cols = rowCols[u];
    for (let k = 0; k < cols.length; k++) {
      if (!positive(u, k)) continue;
      const c = cols[k];
      if (seen[c] === stamp) continue;
      seen[c] = stamp;
      if (matchCol[c] < 0 || augment(matchCol[c])) {
        matchCol[c] = u;
        matchRow[u] = k;
        return true;
      }
    }
    return false;
  };
  const entries = new Map<string, ScaledEntry>();
  let remainingN = Number(D);
  let remaining = D;
  let rounds = 0;
  while (small ? remainingN > 0 : remaining > 0n) {
    if (strategy === 'canonical' || rounds === 0) {
      matchRow.fill(-1);
      matchCol.fill(-1);
    }
    for (let u = 0; u < R; u++) {
      if (matchRow[u] >= 0) continue;
      stamp++;
      if (!augment(u)) throw new Error('faithful: no perfect matching on a doubly stochastic support (internal error)');
    }
    const owner = Int32Array.from(owner0);
    let lambda: bigint;
    if (small) {
      let l = R === 0 ? remainingN : Infinity; // f integral: one allocation
      for (let u = 0; u < R; u++) {
        const v = valsN[u][matchRow[u]];
        if (v < l) l = v;
      }
      for (let u = 0; u < R; u++) {
        const k = matchRow[u];
        const c = rowCols[u][k];
        if (c < mf) owner[fracGoods[c]] = rowAgent[u];
        valsN[u][k] -= l;
        if (valsN[u][k] === 0) {
          matchRow[u] = -1;
          matchCol[c] = -1;
        }
      }
      remainingN -= l;
      lambda = BigInt(l);
    } else {
      lambda = R === 0 ? remaining : -1n;
      for (let u = 0; u < R; u++) {
        const v = rowVals[u][matchRow[u]];
        if (lambda < 0n || v < lambda) lambda = v;
      }
      for (let u = 0; u < R; u++) {
        const k = matchRow[u];
        const c = rowCols[u][k];
        if (c < mf) owner[fracGoods[c]] = rowAgent[u];
        rowVals[u][k] -= lambda;
        if (rowVals[u][k] === 0n) {
          matchRow[u] = -1;
          matchCol[c] = -1;
        }
      }
      remaining -= lambda;
    }
    rounds++;
    const key = ownerKey(owner);
    const prev = entries.get(key);
    if (prev) prev.w += lambda;
    else entries.set(key, { w: lambda, owner });
  }
  return { entries: [...entries.values()], slots, rounds };
}

/** FAITHFUL on an exact rational fractional allocation f (n x m), returning a Lottery over `mOut` goods (default m). */
export function faithfulLottery(f: readonly (readonly Rational[])[], orders: readonly (readonly GoodId[])[], opts: { strategy?: MatchingStrategy; mOut?: number } = {}): { lottery: Lottery; slots: Slots; D: bigint } {
  const D = commonDenominator(f);
  const scaled = f.map((row) => row.map((x) => scaleUp(x, D)));
  const res = faithfulScaled(scaled, D, orders, opts.strategy);
  const n = f.length;
  const mOut = opts.mOut ?? (n ? f[0].length : 0);
  const lottery = new Lottery(res.entries.map((e) => ({ p: new Rational(e.w, D), allocation: Allocation.fromOwners(Array.from(e.owner.subarray(0, mOut)), n) })));
  return { lottery, slots: res.slots, D };
}
