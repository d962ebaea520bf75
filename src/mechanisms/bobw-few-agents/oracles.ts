/**
 * MMS-partition oracles for k = 2 and 3 bundles with the contract of Babaioff & Frosh (spec section 3.0):
 * `oracle(v, S, k)` returns `{ partition, value, exact, eps }` with value = mu_v(partition) >=
 * (1 - eps) * MMS^k_v(S) (eps = 0 for an exact oracle). Every oracle here is a deterministic function of
 * (v restricted to S, S, k) and never sees an agent id, which ex-ante equal treatment of equals needs.
 *
 * * `exactMmsOracle`: the MMS value from the exact kernel (src/shares/mms), and as partition the first
 *   label vector in lexicographic order that reaches it (spec convention C1: item order ascending, labels
 *   0..k-1, bundle position = label). The lexicographically first vector is found by depth-first search in
 *   label order, pruned when the bundles' shortfalls exceed the value still to place; the search has a
 *   deterministic node budget, beyond which the kernel's own witness partition is returned (method
 *   'solver'), so the result is still a deterministic function of the input. On many goods a partition
 *   reaching an upper bound on the MMS is searched first (it is optimal), since the kernel can be slow there.
 * * `fptasMmsOracle(eps)`: a greedy partition when an upper bound certifies it, else the (1 - eps)-MMS
 *   partition of the polynomial scheme in src/shares/mms/fptas.ts.
 * * `OracleLog`: wraps oracles to record every call (agent, k, |S|, method, exact, eps, value, time).
 */
import type { AgentId, Bundle, GoodId } from '../../core/instance';
import { Rational } from '../../core/rational';
import { largestItemsBound } from '../../shares/mms/bounds';
import { approxMmsPartition } from '../../shares/mms/fptas';
import { karmarkarKarp, lpt, minBundle } from '../../shares/mms/greedy';
import { mmsOfIntegers } from '../../shares/mms/solver';
import { threeWayAtBound } from './at-bound';
import { sorted, worstValue, type Valuation } from './valuation';

/** What an oracle returns: a k-partition of S (positional), its worst value, and its guarantee. */
export interface OracleResult {
  readonly partition: GoodId[][];
  /** mu_v(partition), in the valuation's integer units. */
  readonly value: bigint;
  readonly exact: boolean;
  /** The guarantee: value >= (1 - eps) * MMS^k_v(S); 0 for exact oracles. */
  readonly eps: Rational;
  /** How the partition was found: 'canonical' (C1), 'solver', 'fptas', or a test oracle's name. */
  readonly method: string;
}

/** A k-way MMS-partition oracle on the goods S (k = 2 or 3). */
export type MmsPartitionOracle = (v: Valuation, goods: Bundle, k: 2 | 3) => OracleResult;

/** The oracles one agent's valuation is used with: 3-way (as divider) and 2-way (re-partitions). */
export interface OracleSet {
  readonly three: MmsPartitionOracle;
  readonly two: MmsPartitionOracle;
}

/** Default node budget of the lexicographically-first search (deterministic: a count of nodes, not a clock). */
export const CANONICAL_NODE_BUDGET = 200_000;

/**
 * The lexicographically first assignment of `w` (in item order) to k labels whose every bundle reaches
 * `target`, as bundles of positions; null when the node budget runs out first. Requires a feasible target.
 */
export function lexFirstPartition(
  w: readonly number[],
  k: number,
  target: number,
  nodeBudget = CANONICAL_NODE_BUDGET,
): number[][] | null {
  const n = w.length;
  const suffix = new Array<number>(n + 1).fill(0);
  for (let p = n - 1; p >= 0; p--) suffix[p] = suffix[p + 1] + w[p];
  const load = new Array<number>(k).fill(0);
  const label = new Int32Array(n);
  let nodes = 0;
  let exhausted = false;
  const shortfall = (): number => load.reduce((s, x) => s + (x < target ? target - x : 0), 0);
  const place = (p: number): boolean => {
    if (p === n) return true;
    if (++nodes > nodeBudget) {
      exhausted = true;
      return false;
    }
    for (let b = 0; b < k; b++) {
      load[b] += w[p];
      if (shortfall() <= suffix[p + 1]) {
        label[p] = b;
        if (place(p + 1)) return true;
        if (exhausted) return false;
      }
      load[b] -= w[p];
    }
    return false;
  };
  if (shortfall() > suffix[0] || !place(0)) return null;
  const out: number[][] = Array.from({ length: k }, () => []);
  for (let p = 0; p < n; p++) out[label[p]].push(p);
  return out;
}

/**
 * [DECISION] The C1 partition is computed up to this many goods (the golden tests need it, and there it costs
 * nothing); beyond, the partition comes from the exact search below, still a deterministic function of the input.
 */
export const CANONICAL_MAX_GOODS = 24;

/**
 * The exact oracle (module header): up to CANONICAL_MAX_GOODS goods the kernel's MMS value and the C1
 * partition reaching it (method 'canonical'; the kernel's witness, method 'solver', if the search budget runs
 * out). On more goods, first a partition reaching the largest-items upper bound (greedy, then `threeWayAtBound`
 * for k = 3; method 'at-bound'), which is optimal, else the exact kernel (method 'solver').
 */
export function exactMmsOracle(nodeBudget = CANONICAL_NODE_BUDGET): MmsPartitionOracle {
  return (v, goods, k) => {
    const S = sorted(goods);
    const ints = S.map((g) => v[g]);
    const total = ints.reduce((a, b) => a + b, 0n);
    const safe = total <= BigInt(Number.MAX_SAFE_INTEGER);
    const done = (local: number[][], method: string): OracleResult => {
      const partition = local.map((b) => b.map((p) => S[p]).sort((x, y) => x - y));
      return { partition, value: worstValue(v, partition), exact: true, eps: Rational.ZERO, method };
    };
    if (S.length <= CANONICAL_MAX_GOODS || !safe) {
      const r = mmsOfIntegers(ints, k);
      const canonical = safe ? lexFirstPartition(ints.map(Number), k, Number(r.value), nodeBudget) : null;
      return canonical ? done(canonical, 'canonical') : done(r.partition, 'solver');
    }
    const atBound = partitionAtBound(ints, k);
    return atBound ? done(atBound, 'at-bound') : done(mmsOfIntegers(ints, k).partition, 'solver');
  };
}

/** A k-partition (positions) reaching the largest-items upper bound on the MMS, or null when none is found. */
function partitionAtBound(ints: readonly bigint[], k: 2 | 3): number[][] | null {
  const order = ints.map((_, p) => p).sort((a, b) => (ints[b] > ints[a] ? 1 : ints[b] < ints[a] ? -1 : a - b));
  const desc = order.map((p) => ints[p]);
  const upper = largestItemsBound(desc, k);
  for (const bins of [karmarkarKarp(desc, k), lpt(desc, k)])
    if (minBundle(desc, bins, k) >= upper) {
      const out: number[][] = Array.from({ length: k }, () => []);
      order.forEach((p, r) => out[bins[r]].push(p));
      return out;
    }
  if (k === 2) return null;
  return threeWayAtBound(ints.map(Number), Number(upper));
}

/**
 * A (1 - eps)-MMS oracle in time polynomial in m and 1/eps. First the better of LPT and Karmarkar-Karp
 * differencing: when its worst bundle is already >= (1 - eps) times the largest-items upper bound on the MMS
 * (src/shares/mms/bounds.ts) it meets the contract and is returned (method 'greedy-certified'; the usual case
 * on many goods). Otherwise the scaling scheme of src/shares/mms/fptas.ts (method 'fptas').
 */
export function fptasMmsOracle(eps: Rational): MmsPartitionOracle {
  return (v, goods, k) => {
    const S = sorted(goods);
    const order = S.map((_, p) => p).sort((a, b) => (v[S[b]] > v[S[a]] ? 1 : v[S[b]] < v[S[a]] ? -1 : a - b));
    const desc = order.map((p) => v[S[p]]);
    const lptBins = lpt(desc, k);
    const kkBins = karmarkarKarp(desc, k);
    const bins = minBundle(desc, kkBins, k) > minBundle(desc, lptBins, k) ? kkBins : lptBins;
    const upper = largestItemsBound(desc, k);
    // worst >= (1 - eps) * upper, cross-multiplied
    if (
      Rational.ONE.sub(eps)
        .mul(upper)
        .le(minBundle(desc, bins, k))
    ) {
      const partition: GoodId[][] = Array.from({ length: k }, () => []);
      order.forEach((p, r) => partition[bins[r]].push(S[p]));
      for (const b of partition) b.sort((x, y) => x - y);
      return { partition, value: worstValue(v, partition), exact: false, eps, method: 'greedy-certified' };
    }
    const local = approxMmsPartition(
      S.map((g) => v[g]),
      k,
      eps,
    );
    const partition = local.map((b) => b.map((p) => S[p]).sort((x, y) => x - y));
    return { partition, value: worstValue(v, partition), exact: false, eps, method: 'fptas' };
  };
}

/** The same oracle for both k (the usual case: one exact or one FPTAS oracle for every agent). */
export function oracleSet(oracle: MmsPartitionOracle): OracleSet {
  return { three: oracle, two: oracle };
}

/** One recorded oracle call. */
export interface OracleCall {
  readonly agent: AgentId;
  readonly k: 2 | 3;
  readonly goods: number;
  readonly method: string;
  readonly exact: boolean;
  readonly eps: string;
  /** The partition's worst value in the agent's own units. */
  readonly value: string;
}

/** Records every oracle call of a run (for the trace) and the time spent in oracles (for the bench). */
export class OracleLog {
  readonly calls: OracleCall[] = [];
  ms = 0;

  /** `set` for agent `agent`, recording each call; `unit` converts her integer values back to her own (value = unit * integer). */
  wrap(set: OracleSet, agent: AgentId, unit: Rational = Rational.ONE): OracleSet {
    const record =
      (o: MmsPartitionOracle): MmsPartitionOracle =>
      (v, goods, k) => {
        const t0 = performance.now();
        const r = o(v, goods, k);
        this.ms += performance.now() - t0;
        this.calls.push({
          agent,
          k,
          goods: goods.length,
          method: r.method,
          exact: r.exact,
          eps: r.eps.toString(),
          value: unit.mul(r.value).toString(),
        });
        return r;
      };
    return { three: record(set.three), two: record(set.two) };
  }
}
