/** Test oracles for the exact MMS solver (test/shares). */

/** Exact MMS by enumerating restricted-growth assignments (bundle labels in order of first use). */
export function bruteForceMms(values: readonly bigint[], n: number): bigint {
  const load = new Array<bigint>(n).fill(0n);
  let best = -1n;
  const rec = (i: number, usedBins: number): void => {
    if (i === values.length) {
      const mn = load.reduce((a, b) => (b < a ? b : a));
      if (mn > best) best = mn;
      return;
    }
    for (let b = 0; b < Math.min(usedBins + 1, n); b++) {
      load[b] += values[i];
      rec(i + 1, Math.max(usedBins, b + 1));
      load[b] -= values[i];
    }
  };
  rec(0, 0);
  return best;
}

/** The values sorted from largest to smallest. */
export const descending = (xs: readonly bigint[]): bigint[] => [...xs].sort((a, b) => (b > a ? 1 : b < a ? -1 : 0));
