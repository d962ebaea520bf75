/**
 * Monte Carlo of a registered paper-001 mechanism (Halpern, Psomas & Zhang): the request's options are
 * parsed by the mechanism's own schema and its domain is checked exactly as `solve` does (an unknown option
 * is a typed `unknown-option` error), then every trial allocates by the plan's rule, so the simulation
 * measures the registered mechanism.
 *
 * The trials run in shards (./shard) in this thread (`workers: 0`, the default) or on a pool of worker threads
 * (src/experiments/pool.ts, the pool of paper 004's experiments; the worker is ./simulation-worker). Each trial has its
 * own seeded stream and the shards are merged in trial order, so every worker count gives the same result, which is
 * also the result of the generic harness (`simulate` of src/stochastic/simulate.ts) on `simulationOptions(req)`.
 */
import { DomainError, InvalidInputError, LimitError } from '../../core/errors';
import { instance, type Instance } from '../../core/instance';
import { gaussianCopula } from '../../stochastic/correlated';
import type { Distribution } from '../../stochastic/distribution';
import { toDistribution } from '../../stochastic/parse';
import {
  simulationPoint,
  simulationResult,
  validateSimulation,
  type Allocator,
  type SimulationOptions,
  type SimulationPoint,
  type SimulationProgress,
  type SimulationResult,
} from '../../stochastic/simulate';
import { distributionData } from '../../stochastic/transfer';
import { MAX_SEED, parseOptions, type OptionsSchema } from '../options';
import { ordersFromFloats, tieKeys, virtualValueTables } from './core';
import { PLAN_SPECS, type Plan, type PlanSpec } from './plans';
import { planKernel } from './run';
import { TrialRunner, type KernelSpec, type ShardResult, type ShardTask, type TrialSetup } from './shard';

export interface StochasticSimulationRequest {
  /** Registered mechanism id of this family. */
  readonly mechanism: string;
  /** Value distribution (spec string or Distribution); used for sampling and as `options.dist` default. */
  readonly dist: string | Distribution;
  readonly n: number;
  readonly ms: readonly number[];
  readonly trials: number;
  /** Seed of the value draws: an integer in 0..2^32-1; default 0. */
  readonly seed?: number;
  /** Mechanism options, as `solve` takes them (r, eps, variant, dists, ...). */
  readonly options?: Readonly<Record<string, unknown>>;
  /** Gaussian-copula correlation between the two agents (pick-correlated, n = 2). */
  readonly rho?: number;
  readonly efInterval?: 'wilson' | 'jeffreys';
  readonly onProgress?: SimulationOptions['onProgress'];
  readonly signal?: AbortSignal;
  /**
   * Worker threads for the trials (default 0: in this thread, with progress after every trial). Any count gives the
   * same result. With workers the value distribution must be one of the library's own (a spec string, `uniform`,
   * `discrete`, `empirical`, `Exponential`, `Beta`, ...): code cannot be sent to a thread.
   */
  readonly workers?: number;
}

/** The ids of the mechanisms `simulateMechanism` runs, in registration order. */
export const SIMULATED_MECHANISM_IDS: readonly string[] = PLAN_SPECS.map((s) => s.id);

function planSpec(id: unknown): PlanSpec<OptionsSchema> {
  const spec = PLAN_SPECS.find((s) => s.id === id);
  if (!spec)
    throw new InvalidInputError(
      'unknown-mechanism',
      `simulate: ${JSON.stringify(id)} is not a stochastic-family mechanism (known: ${SIMULATED_MECHANISM_IDS.join(', ')})`,
    );
  return spec;
}

function positiveInteger(x: unknown, what: string): number {
  if (typeof x !== 'number' || !Number.isInteger(x) || x < 1)
    throw new InvalidInputError('bad-count', `simulate: ${what} = ${JSON.stringify(x)} must be a positive integer`);
  return x;
}

function simulationSeed(seed: unknown): number {
  if (seed === undefined) return 0;
  if (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0 || seed > MAX_SEED)
    throw new InvalidInputError(
      'bad-seed',
      `simulate: seed: expected an integer in 0..${MAX_SEED}, got ${JSON.stringify(seed)}`,
    );
  return seed;
}

/**
 * An instance with n agents and m goods of value 0: the options are parsed against it (they depend on n,
 * e.g. an agent order or one distribution per agent) and the domain checked on it (e.g. n = 2).
 */
function shapeOf(n: number, m: number): Instance {
  return instance(Array.from({ length: n }, () => new Array<number>(m).fill(0)));
}

/** The request's options, with the sampling distribution as `dist` when the mechanism takes one and none is given. */
function withDefaultDist(spec: PlanSpec<OptionsSchema>, options: unknown, d: Distribution): unknown {
  if (options === undefined) options = {};
  if (options === null || typeof options !== 'object' || Array.isArray(options)) return options;
  const o = options as Record<string, unknown>;
  if (!('dist' in spec.options) || o.dist !== undefined || o.dists !== undefined) return o;
  return { ...o, dist: d };
}

/** A validated request: the generic harness's options, and per m what a trial needs. */
interface PreparedSimulation {
  readonly options: SimulationOptions;
  readonly setup: (m: number) => TrialSetup;
}

/** The allocation rule of a plan for m items, as data a worker thread can take. */
function kernelSpec(plan: Plan, m: number): KernelSpec {
  switch (plan.kind) {
    case 'pick':
      return { kind: 'pick', quotas: plan.quotas, agentOrder: plan.agentOrder };
    case 'ranking':
      return { kind: 'ranking' };
    case 'weighted-ranking':
      return { kind: 'weighted-ranking', tables: virtualValueTables(plan.dists, plan.weights, m) };
  }
}

/** The simulation options (allocator, analytic values, parameters) for a mechanism of this family. */
export function simulationOptions(req: StochasticSimulationRequest): SimulationOptions {
  return prepare(req).options;
}

function prepare(req: StochasticSimulationRequest): PreparedSimulation {
  if (req === null || typeof req !== 'object')
    throw new InvalidInputError('bad-argument', `simulate: expected a request object, got ${JSON.stringify(req)}`);
  const spec = planSpec(req.mechanism);
  const d = toDistribution(req.dist, 'simulate: dist');
  const n = positiveInteger(req.n, 'n');
  if (!Array.isArray(req.ms) || req.ms.length === 0)
    throw new InvalidInputError(
      'bad-count',
      `simulate: ms: expected a non-empty list of item counts, got ${JSON.stringify(req.ms)}`,
    );
  const ms = req.ms.map((m, k) => positiveInteger(m, `ms[${k}]`));
  const seed = simulationSeed(req.seed);
  const shape = shapeOf(n, ms[0]);
  const { parsed } = parseOptions(spec.id, spec.options, withDefaultDist(spec, req.options, d), shape);
  const violation = spec.domain?.(shape, parsed);
  if (violation) throw new DomainError(spec.id, violation.code, violation.message);

  const plans = new Map<number, Plan>();
  const planFor = (m: number): Plan => {
    let plan = plans.get(m);
    if (!plan) plans.set(m, (plan = spec.plan(n, m, parsed)));
    return plan;
  };
  const first = planFor(ms[0]);
  const allocator = (m: number): Allocator => {
    const plan = planFor(m);
    const allocate = planKernel(plan, m);
    return (values, r) => allocate(ordersFromFloats(values, tieKeys(n, m, plan.tie, r)));
  };
  let sampler: SimulationOptions['sampler'];
  let analytic = first.analytic;
  const rho = req.rho ?? 0;
  if (typeof rho !== 'number' || !(rho >= -1 && rho <= 1))
    throw new InvalidInputError(
      'bad-option',
      `simulate: rho: expected a correlation in [-1, 1], got ${JSON.stringify(req.rho)}`,
    );
  if (rho !== 0 && n !== 2)
    throw new InvalidInputError(
      'bad-option',
      `simulate: rho: correlated values (Gaussian copula) need n = 2 agents, got n = ${n}`,
    );
  if (rho !== 0) {
    const joint = gaussianCopula(rho, [d, d]);
    sampler = (_n, m, r) => {
      const rows = [new Float64Array(m), new Float64Array(m)];
      for (let j = 0; j < m; j++) {
        const s = joint.sample(r).values;
        rows[0][j] = s[0];
        rows[1][j] = s[1];
      }
      return rows;
    };
    analytic = { welfareRatio: null, efWhp: null, note: `correlated values (Gaussian copula, rho = ${rho})` };
  }
  const options: SimulationOptions = {
    mechanism: spec.id,
    dist: d,
    sampler,
    distributionName: rho ? `${d.name}, Gaussian copula rho=${rho}` : d.name,
    n,
    ms,
    trials: req.trials,
    seed,
    allocator,
    analytic,
    parameters: first.parameters,
    efInterval: req.efInterval,
    onProgress: req.onProgress,
    signal: req.signal,
  };
  validateSimulation(options);
  const values = rho !== 0 ? ({ kind: 'copula', rho, dist: d } as const) : ({ kind: 'iid', dist: d } as const);
  const setup = (m: number): TrialSetup => {
    const plan = planFor(m);
    return { n, m, seed: String(seed), values, kernel: kernelSpec(plan, m), tie: plan.tie };
  };
  return { options, setup };
}

function workerCount(workers: unknown): number {
  if (workers === undefined) return 0;
  if (typeof workers !== 'number' || !Number.isInteger(workers) || workers < 0)
    throw new InvalidInputError(
      'bad-option',
      `simulate: workers: expected a non-negative integer (0: in this thread), got ${JSON.stringify(workers)}`,
    );
  return workers;
}

function aborted(done: number, total: number): LimitError {
  return new LimitError('aborted', `simulate: aborted after ${done} of ${total} trials`);
}

/** The trials in this thread, one at a time (progress and the abort signal after each); yields progress. */
function* inline(p: PreparedSimulation): Generator<SimulationProgress, SimulationResult, void> {
  const o = p.options;
  const total = o.ms.length * o.trials;
  let done = 0;
  const points: SimulationPoint[] = [];
  for (const m of o.ms) {
    const runner = new TrialRunner(p.setup(m));
    const sw = new Array<number>(o.trials),
      opt = new Array<number>(o.trials);
    let efCount = 0;
    for (let t = 0; t < o.trials; t++) {
      if (o.signal?.aborted) throw aborted(done, total);
      const s = runner.run(t);
      sw[t] = s.sw;
      opt[t] = s.opt;
      if (s.ef) efCount++;
      done++;
      const progress = { m, trial: t, done, total };
      o.onProgress?.(progress);
      yield progress;
    }
    points.push(simulationPoint(m, sw, opt, efCount, runner.sizes, o));
  }
  return simulationResult(o, points);
}

/** How long the inline run computes before it lets the event loop run (progress display, interrupts), in ms. */
const YIELD_MS = 20;

/** Shards per worker and m: enough to balance the load and report progress, few enough to keep messages cheap. */
const SHARDS_PER_WORKER = 4;

/** The trials on a pool of `workers` threads, in shards merged in trial order. */
async function pooled(p: PreparedSimulation, workers: number): Promise<SimulationResult> {
  const o = p.options;
  const d = o.dist!;
  const dist = distributionData(d);
  if (!dist)
    throw new InvalidInputError(
      'not-transferable',
      `simulate: workers: the distribution ${d.name} cannot be sent to a worker thread (user-defined code); use workers: 0`,
    );
  const total = o.ms.length * o.trials;
  if (o.signal?.aborted) throw aborted(0, total);
  const size = Math.max(1, Math.ceil(o.trials / (workers * SHARDS_PER_WORKER)));
  const tasks: { point: number; task: ShardTask }[] = o.ms.flatMap((m, point) => {
    const setup = p.setup(m);
    const shards: { point: number; task: ShardTask }[] = [];
    for (let from = 0; from < o.trials; from += size)
      shards.push({
        point,
        task: { ...setup, values: { ...setup.values, dist }, from, to: Math.min(o.trials, from + size) },
      });
    return shards;
  });
  // workerpool is loaded on the first pooled run only
  const { threadPool, workerScript } = require('../../core/thread-pool') as typeof import('../../core/thread-pool');
  const pool = threadPool(workerScript(__filename, 'simulation-worker', 'simulation-worker'), workers);
  let done = 0;
  let stopped = false;
  const onAbort = () => {
    stopped = true;
    void pool.terminate(true);
  };
  o.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const results = await Promise.all(
      tasks.map(({ task }) =>
        pool.exec('runShard', [task]).then((r: ShardResult) => {
          done += task.to - task.from;
          o.onProgress?.({ m: task.m, trial: task.to - 1, done, total });
          return r;
        }),
      ),
    );
    // shards in trial order, per point
    const points = o.ms.map((m, point) => {
      const shards = results.filter((_, i) => tasks[i].point === point);
      const sw: number[] = [],
        opt: number[] = [];
      let efCount = 0;
      const sizes = new Float64Array(o.n);
      for (const r of shards) {
        for (let t = 0; t < r.sw.length; t++) {
          sw.push(r.sw[t]);
          opt.push(r.opt[t]);
          efCount += r.ef[t];
        }
        for (let i = 0; i < o.n; i++) sizes[i] += r.sizes[i];
      }
      return simulationPoint(m, sw, opt, efCount, sizes, o);
    });
    return simulationResult(o, points);
  } catch (e) {
    if (stopped) throw aborted(done, total);
    throw e;
  } finally {
    o.signal?.removeEventListener('abort', onAbort);
    // every shard has ended (or one failed: the others' work is not needed)
    if (!stopped) await pool.terminate(true);
  }
}

/**
 * Monte Carlo of a registered mechanism of this family (async: progress + AbortSignal; bad input rejects). With
 * `workers` > 0 the trials run on that many worker threads; the result is the same for every count.
 */
export async function simulateMechanism(req: StochasticSimulationRequest): Promise<SimulationResult> {
  const p = prepare(req);
  const workers = workerCount(req.workers);
  if (workers > 0) return pooled(p, workers);
  const g = inline(p);
  let last = Date.now();
  for (;;) {
    const s = g.next();
    if (s.done) return s.value;
    if (Date.now() - last >= YIELD_MS) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      last = Date.now();
    }
  }
}

/** Synchronous variant of `simulateMechanism`, in this thread (`workers` must be 0 or absent). */
export function simulateMechanismSync(req: StochasticSimulationRequest): SimulationResult {
  const p = prepare(req);
  if (workerCount(req.workers) > 0)
    throw new InvalidInputError(
      'bad-option',
      'simulate: workers: the synchronous simulation runs in this thread; use simulateMechanism for worker threads',
    );
  const g = inline(p);
  for (;;) {
    const s = g.next();
    if (s.done) return s.value;
  }
}
