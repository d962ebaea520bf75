/**
 * Executing a plan (./plans): the allocation kernel of a plan for m items, shared by `run` on an exact
 * Instance and by the simulation on float values, and `runPlan`, which turns an Instance into the
 * mechanism's result (allocation, claims, trace).
 */
import { Allocation } from '../../core/allocation';
import type { Instance } from '../../core/instance';
import type { Claim } from '../../core/outcome';
import { Rational } from '../../core/rational';
import type { MechanismResult } from '../registry';
import {
  ordersFromInstance,
  pickFromOrders,
  rankingFromOrders,
  tieKeys,
  virtualValueTables,
  weightedRankingFromOrders,
} from './core';
import type { Plan } from './plans';

/**
 * The allocation kernel of a plan for m items, on preference orders (best first) to owners. Per-m work
 * (Weighted Ranking's virtual-value tables) is done once here, not per call.
 */
export function planKernel(plan: Plan, m: number): (orders: Int32Array[]) => Int32Array {
  switch (plan.kind) {
    case 'pick':
      return (orders) => pickFromOrders(orders, plan.quotas, plan.agentOrder);
    case 'ranking':
      return rankingFromOrders;
    case 'weighted-ranking': {
      const tables = virtualValueTables(plan.dists, plan.weights, m);
      return (orders) => weightedRankingFromOrders(orders, tables);
    }
  }
}

/**
 * Runs a plan on an exact instance. Ranking and Weighted Ranking use only the reported orders, so an
 * instance that carries explicit strict orders is allocated by those (its values may tie); the Pick family
 * reads the values.
 */
export function runPlan(inst: Instance, plan: Plan): MechanismResult {
  const given = plan.kind !== 'pick' && inst.orders ? inst.orders.map((o) => Int32Array.from(o)) : null;
  const orders = given ?? ordersFromInstance(inst, tieKeys(inst.n, inst.m, plan.tie, plan.seed));
  const allocation = Allocation.fromOwners(Array.from(planKernel(plan, inst.m)(orders)), inst.n);
  const realised = plan.kind === 'weighted-ranking' ? realisedAlphaPOClaim(inst, allocation, plan.weights) : [];
  return {
    allocation,
    claims: [...plan.claims, ...realised],
    trace: [{ id: 'plan', title: 'Mechanism parameters', data: plan.parameters }],
  };
}

/**
 * The alpha-PO claim of Weighted Ranking (Halpern, Psomas & Zhang, Theorem A.1: (1 - eps)-PO w.h.p. as
 * m -> ∞). The theorem is asymptotic, so the claim states what holds on this instance: alpha-PO at the
 * realised alpha = sum_i w_i u_i(A) / sum_j max_i w_i v_ij, which the weighted-sum test with the same
 * weights certifies exactly. The weights are rounded to 12 significant digits (any positive weights make a
 * valid test, and short decimals keep the claim readable); alpha is rounded down to a multiple of 10^-6 so
 * the claim stays true and short (kept exact when that would round it to 0), capped at 1, and is 1 when
 * the weighted optimum is 0. No claim when the weighted welfare is 0 but the optimum is not (alpha = 0).
 */
function realisedAlphaPOClaim(inst: Instance, a: Allocation, weights: readonly number[]): Claim[] {
  const w = weights.map((x) => Rational.parse(x.toPrecision(12)));
  const welfare = Rational.sum(a.bundles.map((b, i) => w[i].mul(inst.value(i, b))));
  let opt = Rational.ZERO;
  for (let g = 0; g < inst.m; g++)
    opt = opt.add(inst.values.reduce((best, row, i) => Rational.max(best, w[i].mul(row[g])), Rational.ZERO));
  let alpha: Rational;
  if (opt.isZero()) alpha = Rational.ONE;
  else {
    const exact = welfare.div(opt);
    if (exact.isZero()) return [];
    const grid = new Rational(exact.mul(1_000_000).floor(), 1_000_000n);
    alpha = Rational.min(Rational.ONE, grid.isZero() ? exact : grid);
  }
  return [
    {
      id: 'alpha-po',
      text: `(1 - eps)-PO w.h.p. as m -> ∞ (Thm A.1); on this instance: alpha-PO at the realised alpha = ${alpha.toDisplay()}, certified by the weighted-sum test with the mechanism's weights (spec C13)`,
      params: { alpha: alpha.toString(), weights: w.map((x) => x.toString()) },
    },
  ];
}
