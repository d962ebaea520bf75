/**
 * Complete Karmarkar–Karp for the maximin share (after Korf, "A complete anytime algorithm for number
 * partitioning", AIJ 1998, and its k-way form; our code, transferred from min-max to max-min): a depth-first
 * search over differencing merges, with the Karmarkar–Karp merge first, so its first leaf is the
 * Karmarkar–Karp partition and every later leaf deviates from it as little as the order allows.
 *
 * A node is a list of partial partitions ("tuples"): k bins each, bin values absolute (sums of the goods in
 * them), sorted non-increasingly, the list ordered by spread (largest bin minus smallest). The node merges its
 * two tuples of largest spread into one, combining their bins by one of the k! bijections; the children are the
 * distinct results, smallest spread first (the Karmarkar–Karp bijection, largest bin with smallest, is usually
 * that one). A list of one tuple is a partition; its value is its smallest bin. Every partition of the goods
 * into k bundles is a leaf: merging two tuples by every bijection yields every way of putting their bins
 * together, and the merge order only decides which tuples meet first.
 *
 * Max-min bound (ours). Let P be a tuple of the list, with bins p_1 >= ... >= p_k, and E = v(M) - (p_1 + ...
 * + p_k) the value of the goods outside P. In every leaf below, bundle i of P's bins is p_i + e_i with e_i >= 0
 * and e_1 + ... + e_k = E (the other goods land somewhere, bins only grow). So for the j smallest bins of P,
 * the smallest leaf bundle is at most their mean: min <= floor((p_{k-j+1} + ... + p_k + E) / j) for every
 * j = 1..k. When this bound does not exceed the incumbent's value, no leaf below beats the incumbent and the
 * node is cut; it is applied to the two tuples of largest spread of every child. (For max-min, unlike min-max,
 * the objective of a leaf is its smallest bin, and the bound looks at the smallest bins of a tuple.)
 * The search is complete: when it runs out, every partition is either visited or cut by a bound that no
 * partition below it beats, so the incumbent is optimal (`atMost(lower)`).
 *
 * Exactness. Bin values are doubles. When v(M) <= 2^53 - 1 every sum of goods is a safe integer and exact, and
 * the floor divisions are exact ((x - x % j) / j). Beyond that, every sum is built by at most m + k roundings of
 * at most half an ulp of v(M) (2^-53 v(M)) each; the bound is then used only with a margin of 2^-44 v(M), above that
 * error for up to 2^8 goods ([DECISION] beyond 2^8 goods with such a total the search does not run), so that a cut
 * is never wrong, and leaves are re-evaluated exactly in BigInt by `Incumbent.adopt` before they count.
 *
 * Where it helps: wide values (many digits), where the covering searches enumerate too many subsets. Beyond
 * the phase transition (more goods than about (k - 1) b / log2 k for b-bit values) perfect partitions
 * abound and the search finds one in a few nodes; just below it, it finds near-optimal witnesses early while
 * the window searches prove the bound.
 */
import type { Budget } from './budget';
import type { Incumbent } from './incumbent';

/** Largest k for which the k! bijections of a merge are enumerated. */
export const CKK_MAX_BUNDLES = 5;
const SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const WIDE = 1n << 16n;
/** Most goods for which the margin of a total beyond 2^53 covers the rounding of every sum. */
const MAX_GOODS_UNSAFE = 256;

/** A partial partition: k bins, absolute values sorted non-increasingly, and the goods (sorted positions) of each. */
interface Tuple {
  bins: number[];
  items: number[][];
  spread: number;
}

/** A node of the depth-first search: the tuples not being merged, the children (merged tuples), the next one. */
interface Frame {
  rest: Tuple[];
  children: Tuple[];
  next: number;
}

/** Every permutation of 0..k-1. */
function permutations(k: number): number[][] {
  if (k === 1) return [[0]];
  const out: number[][] = [];
  for (const p of permutations(k - 1))
    for (let at = 0; at <= p.length; at++) out.push([...p.slice(0, at), k - 1, ...p.slice(at)]);
  return out;
}

/** floor(x / j) of a non-negative safe integer x, exact (a double quotient may round up to the next integer). */
const floorDiv = (x: number, j: number): number => (x - (x % j)) / j;

export class CompleteKarmarkarKarp {
  readonly name = 'ckk';
  readonly weight = 1;
  dead: boolean;
  private readonly k: number;
  private readonly total: number;
  /** Margin of the bound (0 when every sum is exact). */
  private readonly margin: number;
  private readonly perms: number[][];
  private stack: Frame[] = [];
  private started = false;

  constructor(
    private readonly inc: Incumbent,
    private readonly budget: Budget,
  ) {
    this.k = inc.n;
    const total = inc.desc.reduce((a, b) => a + b, 0n);
    this.total = Number(total);
    this.margin = total <= SAFE ? 0 : this.total * 2 ** -44;
    // [DECISION] Wide values only (some value >= 2^16): with narrow values the covering search and recursive
    // splitting decide the bands, and a slice of this search would only delay them.
    this.dead =
      this.k < 2 ||
      this.k > CKK_MAX_BUNDLES ||
      inc.desc.length < this.k ||
      inc.desc[0] < WIDE ||
      (total > SAFE && inc.desc.length > MAX_GOODS_UNSAFE);
    this.perms = this.dead ? [] : permutations(this.k);
  }

  /** Searches until the instance is solved or the tree is exhausted; throws `Interrupted` (resumable). */
  run(): void {
    if (this.dead) return;
    if (!this.started) {
      this.started = true;
      const k = this.k;
      const root = this.inc.desc.map((v, p): Tuple => {
        const bins = new Array<number>(k).fill(0);
        bins[0] = Number(v);
        const items: number[][] = Array.from({ length: k }, () => []);
        items[0].push(p);
        return { bins, items, spread: bins[0] };
      });
      this.pushNode(root);
    }
    const stack = this.stack;
    while (stack.length > 0) {
      if (this.inc.solved) return;
      this.budget.tick();
      const f = stack[stack.length - 1];
      if (f.next >= f.children.length) {
        stack.pop();
        continue;
      }
      const child = f.children[f.next++];
      const list = insertBySpread(f.rest, child);
      if (list.length === 1) this.leaf(child);
      else if (!this.cut(list)) this.pushNode(list);
    }
    // exhausted: every partition was visited or cut by a bound the incumbent meets
    this.inc.atMost(this.inc.lower);
    this.dead = true;
  }

  /** Pushes the node of `list` (ordered by spread, at least two tuples): its children, smallest spread first. */
  private pushNode(list: Tuple[]): void {
    const [a, b] = list;
    const k = this.k;
    const children: Tuple[] = [];
    const seen = new Set<string>();
    for (const perm of this.perms) {
      // bijections that only permute empty bins give the same partition: the first stands for all (the non-empty
      // bins of a tuple hold disjoint goods, so the pairs of non-empty bin indices identify the merged tuple)
      const key = perm
        .map((j, i) => `${a.items[i].length ? i : -1},${b.items[j].length ? j : -1}`)
        .sort()
        .join(' ');
      if (seen.has(key)) continue;
      seen.add(key);
      const order = perm.map((_, i) => i).sort((x, y) => a.bins[y] + b.bins[perm[y]] - (a.bins[x] + b.bins[perm[x]]));
      const bins = order.map((i) => a.bins[i] + b.bins[perm[i]]);
      // with exact sums, bijections giving the same bin values give equivalent subtrees too (rounded sums may be
      // equal while the true ones differ)
      if (this.margin === 0 && children.some((c) => c.bins.every((x, i) => x === bins[i]))) continue;
      const items = order.map((i) => a.items[i].concat(b.items[perm[i]]));
      children.push({ bins, items, spread: bins[0] - bins[k - 1] });
    }
    children.sort((x, y) => x.spread - y.spread);
    this.stack.push({ rest: list.slice(2), children, next: 0 });
  }

  /** Whether the bound of the two tuples of largest spread shows that no leaf below beats the incumbent. */
  private cut(list: Tuple[]): boolean {
    const lower = Number(this.inc.lower);
    return this.bound(list[0]) + this.margin <= lower || this.bound(list[1]) + this.margin <= lower;
  }

  /** min over j = 1..k-1 of floor((sum of the j smallest bins of P + value outside P) / j). */
  private bound(P: Tuple): number {
    const k = this.k;
    let mass = 0;
    for (const x of P.bins) mass += x;
    const outside = this.total - mass;
    let best = Infinity;
    let low = 0;
    for (let j = 1; j < k; j++) {
      low += P.bins[k - j];
      const ub = floorDiv(low + outside, j);
      if (ub < best) best = ub;
    }
    return best;
  }

  /** A complete partition: adopted (exactly re-evaluated) when it may beat the incumbent. */
  private leaf(t: Tuple): void {
    if (t.bins[this.k - 1] + this.margin <= Number(this.inc.lower)) return;
    const bin = new Int32Array(this.inc.desc.length);
    t.items.forEach((items, b) => {
      for (const p of items) bin[p] = b;
    });
    this.inc.adopt(bin);
  }
}

/** `rest` with `t` inserted before the first tuple of smaller spread (a new array). */
function insertBySpread(rest: readonly Tuple[], t: Tuple): Tuple[] {
  let at = 0;
  while (at < rest.length && rest[at].spread > t.spread) at++;
  const out = rest.slice(0, at);
  out.push(t);
  for (let i = at; i < rest.length; i++) out.push(rest[i]);
  return out;
}
