/** Figure 3's round-robin allocations and brute force over small instances, for the PO tests of src/experiments. */
import { roundRobinOwners } from '../../src/experiments/float-round-robin';
import { protocol } from '../../src/experiments/protocols';
import { trialMatrices } from '../../src/experiments/trials';
import { distributionPreset } from '../../src/stochastic/presets';

/** Trials [from, to) of Figure 3 at m: the sampled utilities and round robin's owners. */
export function fig3Trials(m: number, from: number, to: number): { U: Float64Array[]; owner: Int32Array }[] {
  const p = protocol('bai-golz-fig3');
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
