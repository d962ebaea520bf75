/**
 * Exact Birkhoff–von Neumann decomposition of an n x m fractional allocation into a lottery over integral
 * allocations, by unit slots (the bihierarchy construction of Budish, Che, Kojima & Milgrom 2013 for one
 * agent-side level). The one implementation in the library: probabilistic serial's PS-lottery (`decompose`) and
 * the faithful implementation of Babaioff, Feige & Manaker Morag's Lemma 4.11 (tie-mms/faithful.ts) both wrap
 * `decomposeScaled`.
 *
 * 1. each agent's shares are cut into unit "slots" following a good order (her strict order): slot 1 takes the
 *    first unit of her shares, slot 2 the next, ... (a good may be split across two consecutive slots). With
 *    `fixIntegral`, a good whose share is 1 is given to its agent outright and takes no slot;
 * 2. dummy columns absorb the slots' missing mass in north-west-corner order (rows ascending), giving a square
 *    doubly stochastic matrix (scaled by the common denominator D);
 * 3. Birkhoff–von Neumann: repeatedly find a perfect matching on the positive entries (Kuhn's augmenting paths,
 *    rows ascending, candidate columns ascending), take its smallest entry, subtract; each round zeroes an entry.
 *    Equal allocations are merged (in order of first appearance).
 *
 * Guarantees: the marginals equal f exactly; agent i gets every good with share 1, none with share 0, exactly one
 * good of each full slot and at most one of her partial slot, so she receives between floor and ceil of her
 * expected number of goods. With `fixIntegral` and slots following her preference order, also |v_i(A_i) - v_i(f_i)|
 * <= max{v_i(x) : 0 < f_ix < 1} (a good of share 1 inside a slot would break this bound). Ordinal: uses only f and
 * the orders. With the agents' eating orders of probabilistic serial this is
 * the PS-lottery of Aziz, Freeman, Shah & Vaish (2023), ex-post EF1. At most S^2 - 2S + 2 rounds for S slots.
 */
import { Allocation, FractionalAllocation, Lottery } from '../../core/allocation';
import type { GoodId } from '../../core/instance';
import { lcm, Rational } from '../../core/rational';
import { checkTimeBudget } from '../../core/time-budget';
import { bottleneckRounds } from './bottleneck-decomposition';

/** One allocation of a scaled lottery: weight w out of the total D, owner[x] = agent of good x. */
export interface ScaledEntry {
  w: bigint;
  owner: Int32Array;
}

/** The slots of step 1 (for traces): slots[i][s] = [good, mass] pairs, masses scaled by D. */
export type Slots = { good: GoodId; mass: bigint }[][][];

/**
 * How each Birkhoff–von Neumann round finds its perfect matching. `canonical`: a fresh Kuhn matching each round
 * (the deterministic choice of Babaioff, Feige & Manaker Morag's spec A8, so the lottery is reproducible from f and the orders alone).
 * `incremental`: the same search started from the previous round's matching minus the edges that were zeroed
 * (deterministic too, and each round repairs only the zeroed edges; a different lottery with the same guarantees).
 * `bottleneck`: each round takes a perfect matching whose smallest entry is as large as possible (bottleneck
 * matching; see `bottleneckRounds`), so each round removes as much mass as it can: on the harmonic matrices of
 * Babaioff, Feige & Manaker Morag's faithful step about 2 rounds per slot instead of about one per fractional entry
 * (421 instead of 3412 on a shift at n = 20, m = 200). Deterministic, same guarantees, a different lottery.
 */
export type MatchingStrategy = 'canonical' | 'incremental' | 'bottleneck';

export interface DecompositionOptions {
  /**
   * Give goods with share 1 to their agent outright instead of filling slots with them, as the FAITHFUL of Babaioff, Feige & Manaker Morag
   * must for its value-spread bound (spec P6). Default false: every positive share fills slots (the PS-lottery
   * construction, kept as it was).
   */
  readonly fixIntegral?: boolean;
  /** Default `canonical`. */
  readonly matching?: MatchingStrategy;
}

export interface ScaledDecomposition {
  /** The merged lottery, weights summing to D. */
  entries: ScaledEntry[];
  slots: Slots;
  /** Birkhoff–von Neumann rounds (one per matching). */
  rounds: number;
}

/** lcm of the denominators of a rational matrix (1 for an empty matrix). */
export function commonDenominator(xs: readonly (readonly Rational[])[]): bigint {
  let D = 1n;
  for (const r of xs) for (const x of r) if (D % x.den !== 0n) D = lcm(D, x.den);
  return D;
}

/** x * D as a BigInt (x must be a multiple of 1/D). */
export function scaleUp(x: Rational, D: bigint): bigint {
  const v = x.num * D;
  if (v % x.den !== 0n) throw new Error(`scaleUp: ${x} is not a multiple of 1/${D} (internal error)`);
  return v / x.den;
}

/** A compact string key of an owner vector (agents < 65536): one UTF-16 code unit per good, no separators. */
export function ownerKey(owner: Int32Array): string {
  let out = '';
  // apply accepts the typed-array view directly (no Array.from copy; this was a top hotspot of the 20x200 bench)
  for (let k = 0; k < owner.length; k += 4096)
    out += String.fromCharCode.apply(null, owner.subarray(k, k + 4096) as unknown as number[]);
  return out;
}

/**
 * The decomposition on a scaled fractional allocation f (n x m BigInt numerators over D, columns summing to D),
 * slots following `goodOrder[i]` for agent i. Exact on doubles when every entry (<= D) is below 2^53, else on BigInt.
 */
export function decomposeScaled(
  f: readonly (readonly bigint[])[],
  D: bigint,
  goodOrder: readonly (readonly GoodId[])[],
  opts: DecompositionOptions = {},
): ScaledDecomposition {
  const n = f.length;
  const m = n ? f[0].length : 0;
  const strategy = opts.matching ?? 'canonical';
  // 1. goods given outright (fixIntegral) and the columns of the others
  const owner0 = new Int32Array(m).fill(-1);
  const goodCol = new Int32Array(m).fill(-1);
  const colGoods: GoodId[] = [];
  for (let x = 0; x < m; x++) {
    let o = -1;
    if (opts.fixIntegral) for (let i = 0; i < n; i++) if (f[i][x] === D) o = i;
    if (o >= 0) owner0[x] = o;
    else {
      goodCol[x] = colGoods.length;
      colGoods.push(x);
    }
  }
  // slots along each agent's order
  const slots: Slots = [];
  const rowAgent: number[] = [];
  const rowCols: number[][] = [];
  const rowVals: bigint[][] = [];
  const rowLoad: bigint[] = [];
  for (let i = 0; i < n; i++) {
    const mine: { good: GoodId; mass: bigint }[][] = [];
    let cur: { good: GoodId; mass: bigint }[] = [];
    let fill = 0n;
    for (const x of goodOrder[i]) {
      let left = f[i][x];
      if (left <= 0n || owner0[x] >= 0) continue;
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
      rowCols.push(s.map((e) => goodCol[e.good]));
      rowVals.push(s.map((e) => e.mass));
      rowLoad.push(s.reduce((a, e) => a + e.mass, 0n));
    }
  }
  const R = rowAgent.length;
  const mc = colGoods.length;
  if (R < mc) throw new Error('decomposition: fewer slots than goods in play (internal error)');
  // 2. dummy columns absorb the partial slots' deficits, north-west corner
  let dummy = mc;
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
  // each row's entries by column (candidate columns ascending), duplicates merged
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
  // 3. Birkhoff–von Neumann; the bottleneck rounds have their own module (bottleneck-decomposition.ts)
  if (strategy === 'bottleneck' && R > 0) {
    const merged = new Map<string, ScaledEntry>();
    const rounds = bottleneckRounds(D, rowCols, rowVals, (w, rowCol) => {
      const owner = Int32Array.from(owner0);
      for (let u = 0; u < R; u++) if (rowCol[u] < mc) owner[colGoods[rowCol[u]]] = rowAgent[u];
      const key = ownerKey(owner);
      const prev = merged.get(key);
      if (prev) prev.w += w;
      else merged.set(key, { w, owner });
    });
    return { entries: [...merged.values()], slots, rounds };
  }
  // valsN holds the entries as doubles: exact when D < 2^53, otherwise the nearest doubles of
  // the exact BigInt entries of rowVals (kept in step), which decide every comparison where they differ (Number() is
  // monotone) and defer to the BigInts where they are equal
  const small = D <= BigInt(Number.MAX_SAFE_INTEGER);
  const valsN: Float64Array[] = rowVals.map((r) => Float64Array.from(r, (x) => Number(x)));
  const matchRow = new Int32Array(R).fill(-1); // row -> entry index k in rowCols[row]
  const matchCol = new Int32Array(R).fill(-1); // column -> row
  const seen = new Int32Array(R);
  let stamp = 0;
  const augment = (u: number): boolean => {
    const cols = rowCols[u];
    const vals = valsN[u];
    for (let k = 0; k < cols.length; k++) {
      if (!(vals[k] > 0)) continue;
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
    checkTimeBudget('Birkhoff–von Neumann decomposition');
    if (strategy !== 'incremental' || rounds === 0) {
      matchRow.fill(-1);
      matchCol.fill(-1);
    }
    for (let u = 0; u < R; u++) {
      if (matchRow[u] >= 0) continue;
      stamp++;
      if (!augment(u))
        throw new Error('decomposition: no perfect matching on a doubly stochastic support (internal error)');
    }
    const owner = Int32Array.from(owner0);
    let lambda: bigint;
    if (small) {
      let l = R === 0 ? remainingN : Infinity; // nothing in play: one allocation
      for (let u = 0; u < R; u++) {
        const v = valsN[u][matchRow[u]];
        if (v < l) l = v;
      }
      for (let u = 0; u < R; u++) {
        const k = matchRow[u];
        const c = rowCols[u][k];
        if (c < mc) owner[colGoods[c]] = rowAgent[u];
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
        if (c < mc) owner[colGoods[c]] = rowAgent[u];
        const v = (rowVals[u][k] -= lambda);
        valsN[u][k] = Number(v);
        if (v === 0n) {
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

/** The decomposition of an exact rational fractional allocation f (n x m), as a Lottery, with its slots and D. */
export function decomposeExact(
  f: readonly (readonly Rational[])[],
  goodOrder: readonly (readonly GoodId[])[],
  opts: DecompositionOptions = {},
): { lottery: Lottery; slots: Slots; D: bigint } {
  const D = commonDenominator(f);
  const res = decomposeScaled(
    f.map((row) => row.map((x) => scaleUp(x, D))),
    D,
    goodOrder,
    opts,
  );
  const n = f.length;
  const lottery = new Lottery(
    res.entries.map((e) => ({ p: new Rational(e.w, D), allocation: Allocation.fromOwners(Array.from(e.owner), n) })),
  );
  return { lottery, slots: res.slots, D };
}

/**
 * Decomposes f into a lottery whose marginals equal f exactly; `goodOrder[i]` orders agent i's slots (default:
 * goods by index). Every positive share fills slots (no good is fixed in advance).
 */
export function decompose(f: FractionalAllocation, goodOrder?: readonly (readonly GoodId[])[]): Lottery {
  const orders = f.shares.map((row, i) => goodOrder?.[i] ?? row.map((_, g) => g));
  return decomposeExact(f.shares, orders).lottery;
}
