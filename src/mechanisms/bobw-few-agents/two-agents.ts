/**
 * Algorithm 4 of Babaioff & Frosh (Proposition 4.1, Theorem 1.2; spec section 3.8), the modification of
 * Algorithm 3 of Bu et al. (2024, "Best-of-Both-Worlds Fair Allocation of Indivisible and Mixed Goods"), and that original as a variant of the same loop.
 *
 * Two agents 0 and 1 hold bipartitions X^0, X^1 of the goods S, each EFX for her own valuation. The loop
 * returns one envy-free allocation when some X^i can be assigned envy-free; otherwise, when one agent sees a
 * strictly better worst bundle in the other's bipartition, she re-runs LocalSearch on it (if it is not EFX
 * for her) or copies it and stops; without such an improvement it stops. The output lottery draws X^0 (agent
 * 1 picks, agent 0 keeps the rest) or X^1 (agent 0 picks) with probability 1/2 each. Guarantees (Prop. 4.1):
 * ex-ante EF, every allocation EFX, and each agent gets at least the worst value of her input bipartition.
 *
 * The two modifications of the paper: (1) X^i starts from LocalSearch of the agent's input bipartition P^i
 * (the original starts from (S, empty)); (2) a copy needs a strict improvement of the worst value.
 */
import type { GoodId } from '../../core/instance';
import { localSearch } from './local-search';
import { isEfxPartition, valueOf, worstValue, type Valuation } from './valuation';

/** A bipartition of the goods (positional). */
export type Bipartition = readonly [GoodId[], GoodId[]];

/** One iteration of the loop. */
export interface TwoAgentStep {
  /** X^0 and X^1 at the start of the iteration. */
  readonly X: readonly [Bipartition, Bipartition];
  readonly action:
    | { readonly kind: 'ef-assignable'; readonly from: 0 | 1 }
    | { readonly kind: 'local-search'; readonly agent: 0 | 1; readonly moves: readonly GoodId[] }
    | { readonly kind: 'copy'; readonly agent: 0 | 1; readonly strict: boolean }
    | { readonly kind: 'stop' };
}

/** Algorithm 4's result: one envy-free allocation, or the two realisations of the 1/2-1/2 lottery. */
export type TwoAgentResult =
  | { readonly kind: 'envy-free'; readonly allocation: Bipartition; readonly steps: readonly TwoAgentStep[] }
  | {
      readonly kind: 'lottery';
      readonly X: readonly [Bipartition, Bipartition];
      readonly realizations: readonly [Bipartition, Bipartition];
      readonly steps: readonly TwoAgentStep[];
    };

/** 'algorithm-4': the paper's loop; 'bu24': Algorithm 3 of [Bu+24] as reconstructed (see `twoAgentLottery`). */
export type TwoAgentVariant = 'algorithm-4' | 'bu24';

function larger(v: Valuation, X: Bipartition): 0 | 1 {
  return valueOf(v, X[1]) > valueOf(v, X[0]) ? 1 : 0;
}

/**
 * The envy-free assignment of X^i's bundles (indexed by agent), or null: i takes her larger bundle when the
 * other agent weakly prefers the smaller one; when i values both bundles equally the other agent picks
 * (ties: the first bundle).
 */
function envyFreeAssignment(v: readonly [Valuation, Valuation], i: 0 | 1, X: Bipartition): Bipartition | null {
  const o = (1 - i) as 0 | 1;
  const assign = (mine: 0 | 1): Bipartition => {
    const other = (1 - mine) as 0 | 1;
    return i === 0 ? [X[mine], X[other]] : [X[other], X[mine]];
  };
  if (valueOf(v[i], X[0]) === valueOf(v[i], X[1])) return assign((1 - larger(v[o], X)) as 0 | 1);
  const big = larger(v[i], X);
  const small = (1 - big) as 0 | 1;
  return valueOf(v[o], X[small]) >= valueOf(v[o], X[big]) ? assign(big) : null;
}

function samePartition(X: Bipartition, Y: Bipartition): boolean {
  const key = (b: readonly GoodId[]) => b.join(',');
  return (key(X[0]) === key(Y[0]) && key(X[1]) === key(Y[1])) || (key(X[0]) === key(Y[1]) && key(X[1]) === key(Y[0]));
}

/**
 * The loop of the module header on valuations v[0], v[1] (over all goods; the bipartitions hold the goods S).
 * `variant` 'algorithm-4' starts from LocalSearch(v_i, P^i) and copies only on a strict improvement;
 * 'bu24' ignores P and starts from LocalSearch(v_i, (S, empty)), and also copies a different bipartition of
 * equal worst value that is EFX for the copier ([DECISION] the original's copy rule is lost; the paper says
 * only that it copied "even when there was no minimum value improvement", spec 3.8).
 */
export function twoAgentLottery(
  v: readonly [Valuation, Valuation],
  P: readonly [Bipartition, Bipartition],
  variant: TwoAgentVariant = 'algorithm-4',
): TwoAgentResult {
  const start = (i: 0 | 1): Bipartition => {
    if (variant === 'algorithm-4') return localSearch(v[i], P[i]).bundles;
    const S = [...P[i][0], ...P[i][1]].sort((a, b) => a - b);
    return localSearch(v[i], [S, []]).bundles;
  };
  const X: [Bipartition, Bipartition] = [start(0), start(1)];
  const steps: TwoAgentStep[] = [];
  const lottery = (): TwoAgentResult => {
    const onX0 = larger(v[1], X[0]);
    const onX1 = larger(v[0], X[1]);
    const r0: Bipartition = [X[0][1 - onX0], X[0][onX0]];
    const r1: Bipartition = [X[1][onX1], X[1][1 - onX1]];
    return { kind: 'lottery', X: [X[0], X[1]], realizations: [r0, r1], steps };
  };
  for (;;) {
    const snapshot: readonly [Bipartition, Bipartition] = [X[0], X[1]];
    for (const i of [0, 1] as const) {
      const ef = envyFreeAssignment(v, i, X[i]);
      if (ef) {
        steps.push({ X: snapshot, action: { kind: 'ef-assignable', from: i } });
        return { kind: 'envy-free', allocation: ef, steps };
      }
    }
    const improver = ([0, 1] as const).find((i) => worstValue(v[i], X[1 - i]) > worstValue(v[i], X[i]));
    if (improver !== undefined) {
      const other = X[1 - improver];
      if (!isEfxPartition(v[improver], other)) {
        const r = localSearch(v[improver], other);
        X[improver] = r.bundles;
        steps.push({ X: snapshot, action: { kind: 'local-search', agent: improver, moves: r.moves } });
        continue;
      }
      X[improver] = other;
      steps.push({ X: snapshot, action: { kind: 'copy', agent: improver, strict: true } });
      return lottery();
    }
    if (variant === 'bu24') {
      const copier = ([0, 1] as const).find(
        (i) =>
          worstValue(v[i], X[1 - i]) === worstValue(v[i], X[i]) &&
          !samePartition(X[0], X[1]) &&
          isEfxPartition(v[i], X[1 - i]),
      );
      if (copier !== undefined) {
        X[copier] = X[1 - copier];
        steps.push({ X: snapshot, action: { kind: 'copy', agent: copier, strict: false } });
        return lottery();
      }
    }
    steps.push({ X: snapshot, action: { kind: 'stop' } });
    return lottery();
  }
}
