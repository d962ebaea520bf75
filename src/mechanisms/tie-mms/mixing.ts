/**
 * Per-shift lotteries and their uniform mixture (proof of Lemma 4.2 of Babaioff, Feige & Manaker Morag; spec A9, A11 step 7).
 */
import { Allocation, Lottery } from '../../core/allocation';
import { Rational } from '../../core/rational';
import { checkTimeBudget } from '../../core/time-budget';
import { ownerKey, type ScaledEntry } from '../classic/decomposition';

/** An allocation of the mixture: weight w out of n*D, owner over the real goods, and the shifts whose D^(j) contain it. */
export interface MixedEntry {
  w: bigint;
  owner: Int32Array;
  shifts: number[];
}

/** Drops dummy goods (owner[x] for x >= mReal) and re-merges equal allocations (the padding of spec 0.6). */
export function stripDummies(entries: readonly ScaledEntry[], mReal: number): ScaledEntry[] {
  if (entries.every((e) => e.owner.length === mReal)) return [...entries]; // no dummies: entries are already distinct
  const out = new Map<string, ScaledEntry>();
  for (const e of entries) {
    const owner = e.owner.length === mReal ? e.owner : e.owner.slice(0, mReal);
    const key = ownerKey(owner);
    const prev = out.get(key);
    if (prev) prev.w += e.w;
    else out.set(key, { w: e.w, owner });
  }
  return [...out.values()];
}

/**
 * D' = sum_j (1/n) D^(j) (Lemma 4.2): concatenate the per-shift lotteries (each with weights summing to D), so the
 * mixture's weights sum to n*D; merge equal allocations and remember their provenance (supp(D') = union of supp(D^(j))).
 */
export function mixShifts(perShift: readonly (readonly ScaledEntry[])[]): MixedEntry[] {
  const out = new Map<string, MixedEntry>();
  perShift.forEach((entries, j) => {
    checkTimeBudget('tie-mms mixture');
    for (const e of entries) {
      const key = ownerKey(e.owner);
      const prev = out.get(key);
      if (prev) {
        prev.w += e.w;
        if (prev.shifts[prev.shifts.length - 1] !== j) prev.shifts.push(j);
      } else out.set(key, { w: e.w, owner: e.owner, shifts: [j] });
    }
  });
  return [...out.values()];
}

/** A scaled lottery (weights over `total`) as an exact Lottery on n agents. */
export function toLottery(entries: readonly { w: bigint; owner: Int32Array }[], total: bigint, n: number): Lottery {
  return new Lottery(
    entries.map((e, k) => {
      if ((k & 1023) === 0) checkTimeBudget('tie-mms lottery');
      return { p: new Rational(e.w, total), allocation: Allocation.fromOwners(e.owner, n) };
    }),
  );
}
