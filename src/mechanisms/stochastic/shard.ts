/**
 * The trials of a Monte Carlo run of a registered paper-001 mechanism (Halpern, Psomas & Zhang), one shard at a time:
 * trials from..to-1 at one m, each giving its welfare, OPT, EF and bundle sizes, which `simulateMechanism` merges in
 * trial order. Trial t at size m draws from its own stream rng(`${seed}:${m}:${t}`), exactly as the generic harness
 * (src/stochastic/simulate.ts) does with the plan's allocator: the same values, tie keys and allocation, so any split
 * of the trials into shards, on any number of worker threads, gives the same numbers as that harness.
 *
 * The hot loop works on reused typed buffers: values are drawn into rows, bids are ordered by a radix argsort
 * (src/stochastic/argsort.ts) instead of a comparator sort, tie keys are shuffled in place, and the statistics are
 * accumulated without allocating (the same sums, in the same order, as `evaluateAllocation`).
 */
import { InvalidInputError } from '../../core/errors';
import type { Rng } from '../../core/rng';
import { BidOrder } from '../../stochastic/argsort';
import { gaussianCopula, type JointDistribution } from '../../stochastic/correlated';
import type { Distribution } from '../../stochastic/distribution';
import { SeededStream } from '../../core/rng';
import { distributionFromData, type DistributionData } from '../../stochastic/transfer';
import { rankingFromOrders, weightedRankingFromOrders, type TieRule } from './core';

/** The allocation rule of a plan for one m, as data (Weighted Ranking's virtual-value tables computed already). */
export type KernelSpec =
  | { readonly kind: 'pick'; readonly quotas: readonly number[]; readonly agentOrder: readonly number[] }
  | { readonly kind: 'ranking' }
  | { readonly kind: 'weighted-ranking'; readonly tables: readonly Float64Array[] };

/** How a trial's n x m values are drawn: i.i.d. from `dist`, or pairs from a Gaussian copula with marginals `dist`. */
export type ValueModel<D> =
  { readonly kind: 'iid'; readonly dist: D } | { readonly kind: 'copula'; readonly rho: number; readonly dist: D };

/** Everything a trial needs besides its index. */
export interface TrialSetup<D = Distribution> {
  readonly n: number;
  readonly m: number;
  /** The run's seed as a string: trial t uses rng(`${seed}:${m}:${t}`). */
  readonly seed: string;
  readonly values: ValueModel<D>;
  readonly kernel: KernelSpec;
  readonly tie: TieRule;
}

/** A shard as sent to a worker thread: plain data only. */
export interface ShardTask extends TrialSetup<DistributionData> {
  readonly from: number;
  readonly to: number;
}

/** Per-trial statistics of trials from..to-1 (index t - from), and the bundle sizes summed over them. */
export interface ShardResult {
  readonly from: number;
  readonly to: number;
  readonly sw: Float64Array;
  readonly opt: Float64Array;
  /** 1 where the allocation was envy-free. */
  readonly ef: Uint8Array;
  readonly sizes: Float64Array;
}

/** One trial's statistics: welfare, OPT (sum of the items' largest values, at least 0) and weak EF. */
export interface TrialStats {
  sw: number;
  opt: number;
  ef: boolean;
}

/** Runs trials of one setup on buffers it reuses (one runner per thread). */
export class TrialRunner {
  /** Bundle sizes summed over the trials run so far. */
  readonly sizes: Float64Array;
  private readonly rows: Float64Array[];
  private readonly orders: Int32Array[];
  private readonly keys: Int32Array[] | null;
  private readonly envy: Float64Array;
  private readonly sorter = new BidOrder();
  private readonly stream = new SeededStream();
  private readonly tieStream = new SeededStream();
  private readonly owner: Int32Array;
  /** The Gaussian copula of a correlated setup. */
  private readonly joint: JointDistribution | null;
  /** Whether this trial's tie keys are drawn yet. */
  private keysDrawn = false;

  constructor(private readonly setup: TrialSetup) {
    const { n, m, kernel } = setup;
    this.sizes = new Float64Array(n);
    this.rows = Array.from({ length: n }, () => new Float64Array(m));
    this.orders = Array.from({ length: n }, () => new Int32Array(m));
    this.keys = setup.tie === 'random' ? Array.from({ length: n }, () => new Int32Array(m)) : null;
    this.envy = new Float64Array(n * n);
    this.owner = new Int32Array(m);
    this.joint =
      setup.values.kind === 'copula' ? gaussianCopula(setup.values.rho, [setup.values.dist, setup.values.dist]) : null;
    if (kernel.kind === 'pick') {
      const total = kernel.quotas.reduce((a, b) => a + b, 0);
      if (kernel.quotas.length !== kernel.agentOrder.length || total !== m)
        throw new InvalidInputError(
          'bad-counts',
          `pick: ${kernel.quotas.length} counts summing to ${total} for ${kernel.agentOrder.length} agents and m = ${m}`,
        );
    }
  }

  /**
   * Agent i's bids in order into orders[i]. [DECISION] The tie keys are drawn (from their own stream, as `tieKeys` draws
   * them) only when a row has two equal bids, the only case in which they change an order: with continuous values
   * they never do, and shuffling n permutations of m was a sixth of a Ranking trial.
   */
  private order(i: number): Int32Array {
    const { rows, keys, orders, sorter } = this;
    sorter.order(rows[i], null, orders[i]);
    if (!keys || !sorter.tied) return orders[i];
    if (!this.keysDrawn) {
      for (const k of keys) this.tieStream.shuffleIdentity(k);
      this.keysDrawn = true;
    }
    return sorter.order(rows[i], keys[i], orders[i]);
  }

  /**
   * The trial's values into the rows, drawn as the generic harness's sampler draws them. [DECISION] A method, not a
   * closure made per runner: a worker runs several shards, and a new closure per shard made the draw call polymorphic
   * and the trials 20% slower after the first shard.
   */
  private draw(r: Rng): void {
    const { rows, joint } = this;
    const { n, m, values } = this.setup;
    if (joint) {
      for (let j = 0; j < m; j++) {
        const s = joint.sample(r).values;
        rows[0][j] = s[0];
        rows[1][j] = s[1];
      }
      return;
    }
    const d = values.dist;
    if (d.sampleInto) for (let i = 0; i < n; i++) d.sampleInto(r, rows[i]);
    else
      for (let i = 0; i < n; i++) {
        const row = rows[i];
        for (let j = 0; j < m; j++) row[j] = d.sample(r);
      }
  }

  /** The trial's allocation (owners) from the drawn rows and tie keys. */
  private allocate(): Int32Array {
    const { kernel, n } = this.setup;
    if (kernel.kind === 'pick') return this.pick(kernel.quotas, kernel.agentOrder);
    for (let i = 0; i < n; i++) this.order(i);
    const { orders } = this;
    return kernel.kind === 'ranking' ? rankingFromOrders(orders) : weightedRankingFromOrders(orders, kernel.tables);
  }

  /**
   * Pick-r exactly as `pickFromOrders` (./core), ordering an agent's bids only when she picks; the last picker takes
   * what is left, which is her quota (the quotas sum to m), so her bids are never ordered.
   */
  private pick(quotas: readonly number[], agentOrder: readonly number[]): Int32Array {
    const { m } = this.setup;
    const owner = this.owner.fill(-1);
    const last = agentOrder.length - 1;
    for (let k = 0; k <= last; k++) {
      const i = agentOrder[k];
      if (k === last) {
        for (let j = 0; j < m; j++) if (owner[j] === -1) owner[j] = i;
        break;
      }
      const ord = this.order(i);
      let need = quotas[k];
      for (let p = 0; p < m && need > 0; p++) {
        const j = ord[p];
        if (owner[j] === -1) {
          owner[j] = i;
          need--;
        }
      }
    }
    return owner;
  }

  /** Runs trial t. */
  run(t: number): TrialStats {
    const { n, m, seed } = this.setup;
    const { rows, envy, sizes } = this;
    const r = this.stream.reseed(`${seed}:${m}:${t}`);
    this.draw(r);
    // r.fork(), without allocating
    this.tieStream.reseed(r.nextU32());
    this.keysDrawn = false;
    const owner = this.allocate();
    // the same sums in the same order as evaluateAllocation (src/stochastic/simulate.ts), so the floats agree
    envy.fill(0);
    let sw = 0,
      opt = 0;
    for (let j = 0; j < m; j++) {
      const o = owner[j];
      sizes[o]++;
      let best = 0;
      for (let i = 0; i < n; i++) {
        const v = rows[i][j];
        envy[i * n + o] += v;
        if (v > best) best = v;
      }
      sw += rows[o][j];
      opt += best;
    }
    let ef = true;
    for (let i = 0; i < n && ef; i++) {
      let total = 0;
      for (let k = 0; k < n; k++) total += envy[i * n + k];
      const tol = 1e-12 * Math.max(1, total);
      const own = envy[i * n + i];
      for (let k = 0; k < n; k++)
        if (k !== i && envy[i * n + k] > own + tol) {
          ef = false;
          break;
        }
    }
    return { sw, opt, ef };
  }
}

/** Runs trials from..to-1 of a setup (its distribution as an object or as plain data). */
export function runShard(
  task: TrialSetup<Distribution | DistributionData> & { from: number; to: number },
): ShardResult {
  const dist = task.values.dist;
  const values: ValueModel<Distribution> = {
    ...task.values,
    dist: 'sample' in dist ? dist : distributionFromData(dist),
  };
  const runner = new TrialRunner({ ...task, values });
  const count = task.to - task.from;
  const sw = new Float64Array(count),
    opt = new Float64Array(count),
    ef = new Uint8Array(count);
  for (let t = task.from; t < task.to; t++) {
    const s = runner.run(t);
    sw[t - task.from] = s.sw;
    opt[t - task.from] = s.opt;
    ef[t - task.from] = s.ef ? 1 : 0;
  }
  return { from: task.from, to: task.to, sw, opt, ef, sizes: runner.sizes };
}
