/**
 * The worked instances of Babaioff, Feige & Manaker Morag as data (spec section 5), shared by the registry examples,
 * the tests and the notebooks.
 */
import type { InstanceJSON } from '../../core/instance';

/** Figure 1 (spec T1): n = 3, m = 6, the strict orders of the figure with values 6, 5, ..., 1 along each order. */
export const FIGURE_1: InstanceJSON = {
  values: [
    [6, 4, 3, 5, 2, 1],
    [6, 5, 4, 3, 2, 1],
    [6, 4, 5, 3, 2, 1],
  ],
  orders: [
    [0, 3, 1, 2, 4, 5],
    [0, 1, 2, 3, 4, 5],
    [0, 2, 1, 3, 4, 5],
  ],
};

/**
 * Proposition 1's instance (spec T5) for n agents, m = 2n - 1: agent 0 values the n - 1 goods X at 1 and the n goods
 * Y at 1/n, every other agent X at 0 and Y at 1. Every MMS is 1; the uniform allocation reaches exactly 1/n of it.
 */
export function proposition1Instance(n: number): InstanceJSON {
  const m = 2 * n - 1;
  return {
    values: Array.from({ length: n }, (_, i) =>
      Array.from({ length: m }, (__, x) => (x < n - 1 ? (i === 0 ? '1' : '0') : i === 0 ? `1/${n}` : '1')),
    ),
  };
}

/** Proposition 4's instance (spec T3, m = 4): the two-agent hard case, where 2/3-MMS is reached exactly. */
export const PROPOSITION_4: InstanceJSON = {
  values: [
    [1, '1/3', '1/3', '1/3'],
    ['1/2', '1/2', '1/2', '1/2'],
  ],
};

/** Proposition 3's boundary instance (spec T10): with alpha = 1/4 agent 0 gets exactly alpha * TPS = 3 in some allocation. */
export const PROPOSITION_3_BOUNDARY: InstanceJSON = {
  values: [
    [2, 3, 0, 100, 2, 0, 2, 3],
    [20, 1, 1, 50, 20, 50, 0, 3],
  ],
};
