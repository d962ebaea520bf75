/**
 * Registers paper 001's mechanisms (Halpern, Psomas, Zhang: truthful fair division under stochastic
 * valuations): pick-r, pick-two-agents, pick-ef-selector, pick-prophet-optimal, pick-near-equal,
 * pick-correlated (DSIC), ranking and weighted-ranking (BIC, not DSIC). QT-s and QTP-s are analysis
 * tools (./core: `qtOwners`, `qtpIndex`) and deliberately NOT registered: they are not truthful (P3).
 *
 * Also registers the claim checkers of this family (certify reads only the instance, the allocation and
 * the claim parameters):
 * * `quota-serial-dictatorship` {order, quotas}: each agent's bundle has its quota and is a best subset of
 *   the items left to it under its TRUE values (spec C3: a complete DSIC certificate for the instance);
 * * `asymptotic-welfare-ratio` {shares, bound, dist?}: alpha(r; D) ≥ bound, or without D the worst case
 *   g(r) = inf_D alpha(r; D) ≥ bound (spec C11);
 * * `ef-whp` {shares, dist}: every QT margin of Lemma 3.6(3) is > 0;
 * * `bic-ranking`: p_t non-increasing (exact) and, for m ≤ 6, the truthful order maximizes interim utility
 *   over all orders; for m ≤ 4, n ≤ 3, exact enumeration of the other agents' rankings through the
 *   Ranking kernel reproduces p_t (spec C5);
 * * `bic-weighted-ranking` {dists, weights}: counting-formula p_t non-increasing (spec C6);
 * * `ef-implies-half-welfare`: if the allocation is EF then sw ≥ OPT/2 (spec C14);
 * * `alpha-po` {alpha, weights?}: the allocation is alpha-PO (spec C13, `checkAlphaPO`: weighted-sum test,
 *   exact search for n^m ≤ 10^6, else HiGHS with exact re-verification).
 *
 * Weighted Ranking's outcome carries an `alpha-po` claim (Theorem A.1: (1 - eps)-PO w.h.p. as m -> ∞). The
 * theorem is asymptotic, so the claim states what holds on the instance: alpha-PO at the realised
 * alpha = sum_i w_i u_i(A) / sum_j max_i w_i v_ij (rounded down to 6 decimals), which the weighted-sum test
 * with the same (Bai–Gölz) weights certifies exactly.
 */
import { Allocation } from '../../core/allocation';
import { InvalidInputError } from '../../core/errors';
import type { Instance } from '../../core/instance';
import { Outcome, type Claim } from '../../core/outcome';
import { permutations } from '../../core/permutations';
import { Rational } from '../../core/rational';
import { registerClaimChecker } from '../../certify';
import { checkAlphaPO } from '../../checks/alpha-po';
import { checkEF } from '../../checks/envy';
import type { CheckResult } from '../../checks/result';
import { efMargins, welfareRatio, worstCaseGuarantee } from '../../stochastic/analytics';
import { isNonIncreasing, rankingWinProbabilitiesExact, weightedRankingWinProbabilities } from '../../stochastic/bic';
import { toDistribution } from '../../stochastic/parse';
import { simulate, simulateSync, type Allocator, type SimulationOptions, type SimulationResult } from '../../stochastic/simulate';
import type { Distribution } from '../../stochastic/distribution';
import { gaussianCopula } from '../../stochastic/correlated';
import { registerMechanism } from '../registry';
import {
  ordersFromFloats, ordersFromInstance, pickFromOrders, rankingFromOrders, tieKeys, virtualValueTables, weightedRankingFromOrders,
} from './core';
import { specById, specs, type Options, type Plan } from './plans';

export * from './core';
export { specs as stochasticMechanismSpecs, type Plan, type StochasticMechanismSpec } from './plans';

/**
 * The allocation kernel of a plan for m items, on preference orders. Shared by `run` (exact Instance) and
 * the simulation allocator; per-m work (the virtual-value tables) is done once here, not per call.
 */
function kernel(plan: Plan, m: number): (orders: Int32Array[]) => Int32Array {
  switch (plan.kind) {
    case 'pick':
      return (orders) => pickFromOrders(orders, plan.quotas!, plan.agentOrder);
    case 'ranking':
      return rankingFromOrders;
    case 'weighted-ranking': {
      const tables = virtualValueTables(plan.dists!, plan.weights!, m);
      return (orders) => weightedRankingFromOrders(orders, tables);
    }
  }
}

for (const spec of specs) {
  registerMechanism({
    id: spec.id,
    name: spec.name,
    source: spec.source,
    kind: 'allocation',
    guarantees: spec.guarantees,
    requirements: spec.requirements,
    ...(spec.dsic ? { incentives: { space: 'cardinal' as const, notion: 'DSIC' as const } } : {}),
    run(inst: Instance, options?: Record<string, unknown>) {
      const o = options ?? {};
      const plan = spec.plan(inst.n, inst.m, o);
      const keys = tieKeys(inst.n, inst.m, plan.tie, plan.seed);
      const useOrders = plan.kind !== 'pick' && inst.orders ? inst.orders.map((x) => Int32Array.from(x)) : null;
      const orders = useOrders ?? ordersFromInstance(inst, keys);
      const owner = kernel(plan, inst.m)(orders);
      const allocation = Allocation.fromOwners(Array.from(owner), inst.n);
      const extra = plan.kind === 'weighted-ranking' ? realisedAlphaPOClaim(inst, allocation, plan.weights!) : [];
      return new Outcome({
        mechanism: spec.id,
        instance: inst,
        allocation,
        claims: [...plan.claims, ...extra],
        options: o,
        trace: [{ id: 'plan', title: 'Mechanism parameters', data: plan.parameters }],
      });
    },
  });
}

// ---------------------------------------------------------------------------------------------- claims

/**
 * The alpha-PO claim of Weighted Ranking (paper 001, Halpern–Psomas–Zhang, Theorem A.1: (1 - eps)-PO
 * w.h.p.): the weights rounded to 12 significant digits (any positive weights make a valid test), the
 * realised alpha = sum_i w_i u_i(A) / sum_j max_i w_i v_ij exactly, rounded down to a multiple of 10^-6
 * (kept exact below that), capped at 1 (alpha = 1 when the weighted optimum is 0). No claim when the
 * weighted welfare is 0 but the optimum is not (alpha would be 0).
 */
function realisedAlphaPOClaim(inst: Instance, a: Allocation, weights: readonly number[]): Claim[] {
  const w = weights.map((x) => Rational.parse(x.toPrecision(12)));
  const welfare = Rational.sum(a.bundles.map((b, i) => w[i].mul(inst.value(i, b))));
  let opt = Rational.ZERO;
  for (let g = 0; g < inst.m; g++) opt = opt.add(inst.values.reduce((best, row, i) => Rational.max(best, w[i].mul(row[g])), Rational.ZERO));
  let alpha: Rational;
  if (opt.isZero()) alpha = Rational.ONE;
  else {
    const exact = welfare.div(opt);
    if (exact.isZero()) return [];
    const grid = new Rational(exact.mul(1_000_000).floor(), 1_000_000n);
    alpha = Rational.min(Rational.ONE, grid.isZero() ? exact : grid);
  }
  return [{
    id: 'alpha-po',
    text: `(1 - eps)-PO w.h.p. as m -> ∞ (Thm A.1); on this instance: alpha-PO at the realised alpha = ${alpha.toDisplay()}, certified by the weighted-sum test with the Bai–Gölz weights (spec C13)`,
    params: { alpha: alpha.toString(), weights: w.map((x) => x.toString()) },
  }];
}

// ------------------------------------------------------------------------------------------ simulation

export interface StochasticSimulationRequest {
  /** Registered mechanism id of this family. */
  readonly mechanism: string;
  /** Value distribution (spec string or Distribution); used for sampling and as `options.dist` default. */
  readonly dist: string | Distribution;
  readonly n: number;
  readonly ms: readonly number[];
  readonly trials: number;
  readonly seed?: number | string;
  /** Mechanism options (r, eps, variant, ...). */
  readonly options?: Record<string, unknown>;
  /** Gaussian-copula correlation between the two agents (pick-correlated, n = 2). */
  readonly rho?: number;
  readonly efInterval?: 'wilson' | 'jeffreys';
  readonly onProgress?: SimulationOptions['onProgress'];
  readonly signal?: AbortSignal;
}

/** The simulation options (allocator, analytic values, parameters) for a mechanism of this family. */
export function simulationOptions(req: StochasticSimulationRequest): SimulationOptions {
  const spec = specById.get(req.mechanism);
  if (!spec) throw new InvalidInputError('unknown-mechanism', `simulate: "${req.mechanism}" is not a stochastic-family mechanism (known: ${specs.map((s) => s.id).join(', ')})`);
  const d = toDistribution(req.dist, 'simulate: dist');
  // the parsed distribution, so that plans for each m do not parse (or read a samples file) again
  const opts: Options = { dist: d, ...(req.options ?? {}) };
  const first = spec.plan(req.n, req.ms[0], opts);
  const allocator = (m: number): Allocator => {
    const plan = m === req.ms[0] ? first : spec.plan(req.n, m, opts);
    const allocate = kernel(plan, m);
    return (values, r) => allocate(ordersFromFloats(values, tieKeys(req.n, m, plan.tie, r)));
  };
  let sampler: SimulationOptions['sampler'];
  let analytic = first.analytic;
  if (req.rho !== undefined && req.rho !== 0) {
    const joint = gaussianCopula(req.rho, [d, d]);
    sampler = (n, m, r) => {
      const rows = [new Float64Array(m), new Float64Array(m)];
      for (let j = 0; j < m; j++) {
        const s = joint.sample(r).values;
        rows[0][j] = s[0];
        rows[1][j] = s[1];
      }
      return rows;
    };
    analytic = { welfareRatio: null, efWhp: null, note: `correlated values (Gaussian copula, rho = ${req.rho})` };
  }
  return {
    mechanism: req.mechanism, dist: d, sampler, distributionName: req.rho ? `${d.name}, Gaussian copula rho=${req.rho}` : d.name,
    n: req.n, ms: req.ms, trials: req.trials, seed: req.seed ?? 0, allocator, analytic,
    parameters: first.parameters, efInterval: req.efInterval, onProgress: req.onProgress, signal: req.signal,
  };
}

/** Monte Carlo of a registered mechanism of this family (async: progress + AbortSignal). */
export function simulateMechanism(req: StochasticSimulationRequest): Promise<SimulationResult> {
  return simulate(simulationOptions(req));
}

/** Synchronous variant of `simulateMechanism`. */
export function simulateMechanismSync(req: StochasticSimulationRequest): SimulationResult {
  return simulateSync(simulationOptions(req));
}
