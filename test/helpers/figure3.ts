/**
 * The Bai & Gölz figures' round-robin allocations (Figure 3 by default) and brute force over small instances, for the
 * PO tests of src/experiments.
 */
import fc from 'fast-check';
import { MINIMUM_RELATIVE_GAIN } from '../../src/experiments/pareto-prices';
import { roundRobinOwners } from '../../src/experiments/float-round-robin';
import { protocol } from '../../src/experiments/protocols';
import { trialMatrices } from '../../src/experiments/trials';
import { distributionPreset } from '../../src/stochastic/presets';

/** Trials [from, to) of Figure 3 (or another experiment) at m: the sampled utilities and round robin's owners. */
export function figureTrials(
  m: number,
  from: number,
  to: number,
  experiment: 'bai-golz-fig3' | 'bai-golz-fig5' | 'bai-golz-fig6' = 'bai-golz-fig3',
): { U: Float64Array[]; owner: Int32Array }[] {
  const p = protocol(experiment);
  return [...trialMatrices(p, distributionPreset(p.preset).agents, m, from, to)].map((U) => ({
    U,
    owner: roundRobinOwners(U),
  }));
}

/** Every allocation of m goods to n agents (owner vectors, one buffer reused), for brute force on small instances. */
export function* allOwners(n: number, m: number): Generator<Int32Array> {
  const owner = new Int32Array(m);
  for (;;) {
    yield owner;
    let g = 0;
    while (g < m && owner[g] === n - 1) owner[g++] = 0;
    if (g === m) return;
    owner[g]++;
  }
}

/** Each agent's value of her bundle under `owner`. */
export const bundleValues = (U: readonly Float64Array[], owner: ArrayLike<number>): number[] =>
  U.map((row, i) => row.reduce((s, x, g) => (owner[g] === i ? s + x : s), 0));

/** A small instance (2-3 agents, 2-7 goods, values 1..30) with an arbitrary allocation. */
export const smallAllocation = fc
  .tuple(
    fc.integer({ min: 2, max: 3 }),
    fc.integer({ min: 2, max: 7 }),
    fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 21, maxLength: 21 }),
    fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 7, maxLength: 7 }),
  )
  .map(([n, m, raw, given]) => ({
    U: Array.from({ length: n }, (_, i) => Float64Array.from({ length: m }, (_, g) => raw[i * m + g])),
    owner: Int32Array.from({ length: m }, (_, g) => given[g] % n),
  }));

/**
 * An allocation that keeps every agent at her value and gains MINIMUM_RELATIVE_GAIN of the total (the question the PO
 * integer program asks), by brute force over all n^m allocations; null when there is none.
 */
export function gainingImprovement(U: readonly Float64Array[], owner: ArrayLike<number>): Int32Array | null {
  const b = bundleValues(U, owner);
  const total = b.reduce((x, y) => x + y, 0);
  for (const other of allOwners(U.length, owner.length)) {
    const v = bundleValues(U, other);
    if (v.every((x, i) => x >= b[i]) && v.reduce((x, y) => x + y, 0) >= total * (1 + MINIMUM_RELATIVE_GAIN))
      return Int32Array.from(other);
  }
  return null;
}
