/**
 * The covering decision on BigInt values, used only when the scaled values do not fit the safe-integer
 * kernel (total >= 2^53). The core of the search of `cover.ts` (largest item first, minimal completions,
 * single-item dominance, first-unused-copy symmetry breaking, failure memo valid across thresholds), without
 * its pair bound, exchange dominance, completion ordering, subset-sum last two bundles and meet-in-the-middle
 * enumeration.
 */
import type { Budget } from './budget';

export class BigCoverSearch {
  private readonly m: number;
  private readonly used: Uint8Array;
  private readonly bin: Int32Array;
  private readonly memo: Map<string, bigint>[];
  private readonly total: bigint;
  private T = 0n;

  constructor(
    private readonly w: readonly bigint[],
    private readonly n: number,
    private readonly budget: Budget,
  ) {
    this.m = w.length;
    this.used = new Uint8Array(this.m);
    this.bin = new Int32Array(this.m);
    this.memo = Array.from({ length: n + 1 }, () => new Map());
    this.total = w.reduce((a, b) => a + b, 0n);
  }

  /** The bundle of every item (by sorted position) of a covering with n bundles each >= T, or null. */
  decide(T: bigint): Int32Array | null {
    this.used.fill(0);
    this.T = T;
    return this.solve(this.n, this.total, 0) ? this.bin.slice() : null;
  }

  private solve(k: number, R: bigint, b: number): boolean {
    this.budget.tick();
    const { T, w } = this;
    if (k === 1) {
      if (R < T) return false;
      for (let i = 0; i < this.m; i++) if (!this.used[i]) this.bin[i] = b;
      return true;
    }
    if (R < BigInt(k) * T) return false;
    const rem: number[] = [];
    for (let i = 0; i < this.m; i++) if (!this.used[i]) rem.push(i);
    if (rem.length === 0) return T <= 0n;
    const key = String.fromCharCode(...this.used);
    const known = this.memo[k].get(key);
    if (known !== undefined && known <= T) return false;
    const x = rem[0];
    const lo = T - w[x];
    const hi = R - BigInt(k - 1) * T - w[x];
    const options: number[][] = [];
    if (lo <= 0n) options.push([]);
    else if (hi >= lo) this.completions(rem.slice(1), lo, hi, options);
    for (const S of options) {
      S.push(x);
      let s = 0n;
      for (const i of S) {
        this.used[i] = 1;
        this.bin[i] = b;
        s += w[i];
      }
      if (this.solve(k - 1, R - s, b + 1)) return true;
      for (const i of S) this.used[i] = 0;
    }
    // `known` is undefined or above T (checked on entry; deeper calls only touch the memos of fewer bundles)
    this.memo[k].set(key, T);
    return false;
  }

  /**
   * Minimal multisets of `rest` with sum in [lo, hi]; {y}, the smallest single item reaching lo, dominates
   * every completion holding an item >= y or worth >= y.
   */
  private completions(rest: readonly number[], lo: bigint, hi: bigint, out: number[][]): void {
    const w = this.w;
    let yPos = rest.length - 1;
    while (yPos >= 0 && w[rest[yPos]] < lo) yPos--;
    if (yPos >= 0) {
      let first = yPos;
      while (first > 0 && w[rest[first - 1]] === w[rest[yPos]]) first--;
      if (w[rest[yPos]] <= hi) out.push([rest[first]]);
      if (w[rest[yPos]] - 1n < hi) hi = w[rest[yPos]] - 1n;
    }
    const L = rest.slice(yPos + 1);
    const suffix = new Array<bigint>(L.length + 1).fill(0n);
    for (let p = L.length - 1; p >= 0; p--) suffix[p] = suffix[p + 1] + w[L[p]];
    const chosen: number[] = [];
    const rec = (start: number, s: bigint): void => {
      this.budget.tick();
      for (let p = start; p < L.length; p++) {
        const v = w[L[p]];
        if (p > start && v === w[L[p - 1]]) continue;
        if (s + suffix[p] < lo) break;
        const t = s + v;
        if (t > hi) continue;
        chosen.push(L[p]);
        if (t >= lo) out.push(chosen.slice());
        else rec(p + 1, t);
        chosen.pop();
      }
    };
    rec(0, 0n);
  }
}
