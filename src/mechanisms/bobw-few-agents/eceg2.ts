/**
 * ECEG2, the two-agent specialisation of the envy-cycle algorithm of Garg & Sharma (2024) as Babaioff & Frosh
 * describe it (Appendix C.6.2; spec section 3.12), the baseline of Lemma C.4. It needs an ordered instance
 * (both agents' values non-increasing in the good index) and keeps two allocations A and B: each good, in
 * index order, goes to agent 0 in A and agent 1 in B when 0 is unenvied in A and 1 unenvied in B, and to
 * agent 1 in A and agent 0 in B otherwise; before each good, mutual envy in A or B is resolved by swapping
 * the bundles. The output is A or B with probability 1/2 each.
 */
import type { GoodId } from '../../core/instance';
import type { Bipartition } from './two-agents';
import { valueOf, type Valuation } from './valuation';

/** One good's step: where it went, and which allocations had their bundles swapped first. */
export interface Eceg2Step {
  readonly good: GoodId;
  readonly swapped: readonly [boolean, boolean];
  /** 'A0-B1': good to agent 0 in A and agent 1 in B; 'A1-B0' the other way. */
  readonly branch: 'A0-B1' | 'A1-B0';
}

export interface Eceg2Result {
  /** A and B, bundles indexed by agent. */
  readonly allocations: readonly [Bipartition, Bipartition];
  readonly steps: readonly Eceg2Step[];
}

/** Are both valuations non-increasing in the good index (an ordered instance)? */
export function isOrdered(vals: readonly Valuation[]): boolean {
  return vals.every((v) => v.every((x, g) => g === 0 || x <= v[g - 1]));
}

function envies(v: Valuation, own: readonly GoodId[], other: readonly GoodId[]): boolean {
  return valueOf(v, other) > valueOf(v, own);
}

/** ECEG2 on two valuations of an ordered instance with m goods (module header). */
export function eceg2(v: readonly [Valuation, Valuation], m: number): Eceg2Result {
  const X: [GoodId[], GoodId[]][] = [
    [[], []],
    [[], []],
  ];
  const steps: Eceg2Step[] = [];
  for (let g = 0; g < m; g++) {
    const swapped = X.map((Y, k) => {
      if (!(envies(v[0], Y[0], Y[1]) && envies(v[1], Y[1], Y[0]))) return false;
      X[k] = [Y[1], Y[0]];
      return true;
    }) as [boolean, boolean];
    const [A, B] = X;
    const zeroUnenviedInA = !envies(v[1], A[1], A[0]);
    const oneUnenviedInB = !envies(v[0], B[0], B[1]);
    const branch = zeroUnenviedInA && oneUnenviedInB ? 'A0-B1' : 'A1-B0';
    if (branch === 'A0-B1') {
      A[0].push(g);
      B[1].push(g);
    } else {
      A[1].push(g);
      B[0].push(g);
    }
    steps.push({ good: g, swapped, branch });
  }
  return { allocations: [X[0], X[1]], steps };
}
