/**
 * Fractional Pareto optimality of integral, mixed or fractional allocations, two ways (seed-003 spec 4.4):
 *
 * * **Exchange cycles** (C-FPO-CYCLE): X is fPO iff no cycle of agents i1 -> i2 -> ... -> i1, each passing
 *   a little of a good she holds to the next, has a product of value ratios above 1 (the Negishi
 *   characterisation: some weights beta > 0 give every held good to an agent maximising beta_i u_i(g)).
 *   A good held by i with u_i(g) = 0 < u_k(g) is a violation by itself. Witness: the weights, or the cycle.
 * * **A Fisher-market price certificate** (C-FPO-PRICE; Bu et al. 2024, Lemma 5.5 and Appendix C.3):
 *   prices p_g > 0 such that every agent spends her budget e_i := sum_g p_g X_ig only on goods of maximum
 *   bang per buck alpha_i = max_h u_i(h)/p_h. The market clears because X is a complete allocation. By the
 *   First Welfare Theorem (Theorem C.1) X is then fPO. The check uses nothing but the prices and X; an agent
 *   with a positive budget must have alpha_i > 0 (otherwise she could hold a good she values at 0 that
 *   another agent wants, and the theorem would not apply).
 */
import { Allocation, type FractionalAllocation } from '../core/allocation';
import { requireFractional, requireInstance } from '../core/arguments';
import { InvalidInputError } from '../core/errors';
import type { AgentId, GoodId, Instance } from '../core/instance';
import { MixedAllocation } from '../core/mixed-allocation';
import { Rational, type RationalLike } from '../core/rational';
import { fpoByExchangeCycles } from './efficiency';
import type { CheckResult } from './result';

/** One step of an improving exchange cycle: `from` passes some of `good` to `to`, who values it `ratio` times more. */
export interface ExchangeStep {
  readonly from: AgentId;
  readonly to: AgentId;
  readonly good: GoodId;
  readonly ratio: Rational;
}

/** fPO by the exchange-cycle test on any allocation written as agents x goods shares (exact; src/checks/efficiency.ts). */
export function checkExchangeCycleFPO(inst: Instance, x: FractionalAllocation): CheckResult {
  requireInstance(inst, 'checkExchangeCycleFPO');
  requireFractional(x, inst, 'checkExchangeCycleFPO', 'x');
  const held = x.shares.map((row) => row.flatMap((s, g) => (s.isZero() ? [] : [g])));
  return fpoByExchangeCycles(inst, held, true);
}

/** The market of a price vector: each agent's maximum bang per buck and budget. */
export interface MarketSummary {
  readonly alpha: Rational[];
  readonly budgets: Rational[];
}

/**
 * fPO by a Fisher-market price certificate: (X, p) is a market equilibrium with budgets e_i = p(X_i).
 * Witness of failure: the good with a non-positive price, or the agent and the good she holds below her
 * maximum bang per buck (with a better good).
 */
export function checkMarketEquilibrium(
  inst: Instance,
  x: FractionalAllocation,
  prices: readonly RationalLike[],
): CheckResult {
  requireInstance(inst, 'checkMarketEquilibrium');
  requireFractional(x, inst, 'checkMarketEquilibrium', 'x');
  if (!Array.isArray(prices) || prices.length !== inst.m)
    throw new InvalidInputError(
      'bad-argument',
      `checkMarketEquilibrium: prices must list one price per good (${inst.m}), got ${Array.isArray(prices) ? prices.length : typeof prices}`,
    );
  const p = prices.map((q, g) => Rational.from(q, `prices[${g}]`));
  const property = 'fPO (Fisher-market equilibrium prices)';
  const bad = p.findIndex((q) => q.sign() <= 0);
  if (bad >= 0)
    return {
      holds: false,
      detail: { property, reason: `the price of ${inst.goods[bad]} is ${p[bad]}, not positive` },
      witness: { good: bad },
    };
  for (let g = 0; g < inst.m; g++) {
    const col = Rational.sum(x.shares.map((r) => r[g]));
    if (!col.eq(1))
      return {
        holds: false,
        detail: { property, reason: `the market does not clear: ${inst.goods[g]} is allocated ${col}` },
        witness: { good: g },
      };
  }
  const { alpha, budgets } = marketSummary(inst, x, p);
  for (let i = 0; i < inst.n; i++) {
    if (budgets[i].isZero()) continue;
    if (alpha[i].isZero())
      return {
        holds: false,
        detail: { property, agent: inst.agents[i], reason: 'spends a positive budget but values every good at 0' },
        witness: { agent: i },
      };
    for (let g = 0; g < inst.m; g++) {
      if (x.shares[i][g].isZero()) continue;
      const ratio = inst.values[i][g].div(p[g]);
      if (ratio.lt(alpha[i])) {
        const better = inst.values[i].findIndex((v, h) => v.div(p[h]).eq(alpha[i]));
        return {
          holds: false,
          detail: {
            property,
            agent: inst.agents[i],
            good: inst.goods[g],
            bangPerBuck: ratio,
            alpha: alpha[i],
            reason: 'buys a good outside her maximum-bang-per-buck set',
          },
          witness: { agent: i, good: g, betterGood: better },
        };
      }
    }
  }
  return { holds: true, detail: { property, alpha, budgets }, witness: { prices: p } };
}

/** alpha_i = max_h u_i(h)/p_h and e_i = sum_g p_g X_ig (prices assumed positive). */
export function marketSummary(inst: Instance, x: FractionalAllocation, prices: readonly Rational[]): MarketSummary {
  const alpha = inst.values.map((row) =>
    row.reduce((best, v, h) => Rational.max(best, v.div(prices[h])), Rational.ZERO),
  );
  const budgets = x.shares.map((row) => Rational.sum(row.map((s, g) => s.mul(prices[g]))));
  return { alpha, budgets };
}

/**
 * The price vector a claim states for one allocation of a support. `params.prices` lists
 * `{ allocation, prices }` pairs (the allocation as in the outcome JSON); `keyOf` turns an entry's allocation
 * into the key the support allocation is compared by. Parsed once per claim.
 */
export function priceTable(
  params: Readonly<Record<string, unknown>> | undefined,
  keyOf: (allocation: unknown, where: string) => string,
): Map<string, readonly RationalLike[]> {
  const raw = params?.prices;
  if (!Array.isArray(raw))
    throw new InvalidInputError(
      'bad-claim-params',
      `claim fpo-prices: params.prices must list { allocation, prices } pairs, got ${JSON.stringify(raw)}`,
    );
  const table = new Map<string, readonly RationalLike[]>();
  raw.forEach((e, k) => {
    const where = `claim fpo-prices: params.prices[${k}]`;
    if (e === null || typeof e !== 'object' || !Array.isArray((e as { prices?: unknown }).prices))
      throw new InvalidInputError('bad-claim-params', `${where}: expected { allocation, prices: [...] }`);
    const entry = e as { allocation: unknown; prices: RationalLike[] };
    table.set(keyOf(entry.allocation, `${where}.allocation`), entry.prices);
  });
  return table;
}

const statedTables = new WeakMap<object, Map<string, readonly RationalLike[]>>();

/**
 * fPO of one allocation of a support by the price vector a claim states for it (`params.prices`, see
 * `priceTable`; parsed once per claim). `key` identifies the allocation, `keyOf` reads an entry's allocation.
 */
export function checkStatedPrices(
  inst: Instance,
  x: FractionalAllocation,
  key: string,
  params: Readonly<Record<string, unknown>> | undefined,
  keyOf: (allocation: unknown, where: string) => string,
): CheckResult {
  let table = params ? statedTables.get(params) : undefined;
  if (!table) {
    table = priceTable(params, keyOf);
    if (params) statedTables.set(params, table);
  }
  const prices = table.get(key);
  const property = 'fPO (Fisher-market equilibrium prices)';
  if (!prices) return { holds: false, detail: { property, reason: 'the claim states no prices for this allocation' } };
  if (!Array.isArray(prices) || prices.length !== inst.m)
    return {
      holds: false,
      detail: {
        property,
        reason: `the claim states ${Array.isArray(prices) ? prices.length : 0} prices for ${inst.m} goods`,
      },
    };
  return checkMarketEquilibrium(inst, x, prices);
}

/** The stated prices of an integral or mixed allocation (entries of `params.prices` read the same way). */
export function checkStatedPricesOf(
  inst: Instance,
  a: Allocation | MixedAllocation,
  params: Readonly<Record<string, unknown>> | undefined,
): CheckResult {
  const keyOf =
    a instanceof MixedAllocation
      ? (json: unknown, where: string) => MixedAllocation.fromJSON(json, inst, where).key()
      : (json: unknown) => new Allocation(json as number[][], inst.m).key();
  return checkStatedPrices(inst, a.toFractional(), a.key(), params, keyOf);
}
