/**
 * The failure memo of the exact cover (`cached-cover.ts`): for a state (the set of covered items as a bit
 * mask of `words` 32-bit words, and the number of bundles left) the smallest threshold at which it was refuted.
 * An open-addressing hash table on typed arrays: a JavaScript Map keyed by the mask as a double boxes every key
 * and spent about 40% of the exact cover's time in its lookups (measured on U[1,10^6] (10, 50)).
 */

const EMPTY = -1;

export class FailureMemo {
  private cap: number;
  private keys: Uint32Array;
  private bundles: Int32Array;
  private vals: Float64Array;
  /** Entries held. */
  size = 0;

  /** `words`: words per mask; `limit`: most entries (the table is emptied when a store would pass it). */
  constructor(
    private readonly words: number,
    private readonly limit = 1 << 22,
  ) {
    this.cap = 1 << 10;
    this.keys = new Uint32Array(this.cap * words);
    this.bundles = new Int32Array(this.cap).fill(EMPTY);
    this.vals = new Float64Array(this.cap);
  }

  /** The slot of (mask, k): where it is stored, or the empty slot where it would go. */
  private slot(mask: Uint32Array, k: number): number {
    const W = this.words;
    let h = Math.imul(k + 1, 0x9e3779b1);
    for (let w = 0; w < W; w++) h = Math.imul(h ^ mask[w], 0x85ebca6b) ^ (h >>> 15);
    const m = this.cap - 1;
    for (let i = (h ^ (h >>> 13)) & m; ; i = (i + 1) & m) {
      const b = this.bundles[i];
      if (b === EMPTY) return i;
      if (b !== k) continue;
      let same = true;
      for (let w = 0; w < W && same; w++) same = this.keys[i * W + w] === mask[w];
      if (same) return i;
    }
  }

  /** The smallest threshold at which (mask, k) was refuted, or Infinity. */
  get(mask: Uint32Array, k: number): number {
    const i = this.slot(mask, k);
    return this.bundles[i] === EMPTY ? Infinity : this.vals[i];
  }

  /** Records a refutation of (mask, k) at threshold T (keeping the smallest threshold). */
  set(mask: Uint32Array, k: number, T: number): void {
    let i = this.slot(mask, k);
    if (this.bundles[i] !== EMPTY) {
      if (T < this.vals[i]) this.vals[i] = T;
      return;
    }
    if (this.size + 1 > this.limit) {
      this.clear();
      i = this.slot(mask, k);
    } else if (2 * (this.size + 1) > this.cap) {
      this.grow();
      i = this.slot(mask, k);
    }
    const W = this.words;
    for (let w = 0; w < W; w++) this.keys[i * W + w] = mask[w];
    this.bundles[i] = k;
    this.vals[i] = T;
    this.size++;
  }

  clear(): void {
    this.bundles.fill(EMPTY);
    this.size = 0;
  }

  /** Quadruples the table (load at most one half), re-inserting every entry. */
  private grow(): void {
    const W = this.words;
    const { keys, bundles, vals, cap } = this;
    this.cap = 4 * cap;
    this.keys = new Uint32Array(this.cap * W);
    this.bundles = new Int32Array(this.cap).fill(EMPTY);
    this.vals = new Float64Array(this.cap);
    const mask = new Uint32Array(W);
    for (let j = 0; j < cap; j++) {
      if (bundles[j] === EMPTY) continue;
      for (let w = 0; w < W; w++) mask[w] = keys[j * W + w];
      const i = this.slot(mask, bundles[j]);
      for (let w = 0; w < W; w++) this.keys[i * W + w] = mask[w];
      this.bundles[i] = bundles[j];
      this.vals[i] = vals[j];
    }
  }
}
