/**
 * Monte Carlo of a registered paper-001 mechanism (Halpern, Psomas & Zhang): the request's options are
 * parsed by the mechanism's own schema and its domain is checked exactly as `solve` does (an unknown option
 * is a typed `unknown-option` error), then every trial allocates through the plan's kernel (./run), so the
 * simulation measures the registered mechanism.
 */
import { DomainError, InvalidInputError } from '../../core/errors';
import { instance, type Instance } from '../../core/instance';
import { gaussianCopula } from '../../stochastic/correlated';
import type { Distribution } from '../../stochastic/distribution';
import { toDistribution } from '../../stochastic/parse';
import {
  simulate,
  simulateSync,
  type Allocator,
  type SimulationOptions,
  type SimulationResult,
} from '../../stochastic/simulate';
import { MAX_SEED, parseOptions, type OptionsSchema } from '../options';
import { ordersFromFloats, tieKeys } from './core';
import { PLAN_SPECS, type PlanSpec } from './plans';
import { planKernel } from './run';

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

/** The simulation options (allocator, analytic values, parameters) for a mechanism of this family. */
export function simulationOptions(req: StochasticSimulationRequest): SimulationOptions {
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

  const first = spec.plan(n, ms[0], parsed);
  const allocator = (m: number): Allocator => {
    const plan = m === ms[0] ? first : spec.plan(n, m, parsed);
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
  return {
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
}

/** Monte Carlo of a registered mechanism of this family (async: progress + AbortSignal; bad input rejects). */
export async function simulateMechanism(req: StochasticSimulationRequest): Promise<SimulationResult> {
  return simulate(simulationOptions(req));
}

/** Synchronous variant of `simulateMechanism`. */
export function simulateMechanismSync(req: StochasticSimulationRequest): SimulationResult {
  return simulateSync(simulationOptions(req));
}
