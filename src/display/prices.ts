/**
 * The Fisher-market prices an outcome's `fpo-prices` / `ex-post-fpo-prices` claim states (Bu et al. 2024,
 * Lemma 5.5; the multipliers mechanisms), as display data: per allocation, the prices, each agent's budget
 * e_i = sum_g p_g x_ig, her maximum bang per buck alpha_i = max_g v_i(g)/p_g and the goods attaining it (her
 * MBB edges). Drawn only: `certify` re-checks the claim from the prices alone (src/checks/fisher-prices.ts).
 */
import { Allocation, type FractionalAllocation } from '../core/allocation';
import type { Instance } from '../core/instance';
import { MixedAllocation } from '../core/mixed-allocation';
import type { Claim } from '../core/outcome';
import { Rational } from '../core/rational';
import { marketSummary } from '../checks/fisher-prices';
import type { FisherPricesPayload } from './payload';

const PRICE_CLAIMS: ReadonlySet<string> = new Set(['fpo-prices', 'ex-post-fpo-prices']);

/**
 * A stated allocation as agents x goods shares, read as `certify` reads it (src/checks/fisher-prices.ts):
 * integral bundles, or `{ bundles, divisible, fractions }` of a mixed one; null when it has another number of
 * agents (a malformed allocation throws).
 */
function sharesOf(inst: Instance, a: unknown): FractionalAllocation | null {
  const x =
    a !== null && typeof a === 'object' && !Array.isArray(a)
      ? MixedAllocation.fromJSON(a, inst).toFractional()
      : new Allocation(a as number[][], inst.m).toFractional();
  return x.n === inst.n ? x : null;
}

/** One stated price vector with what it implies, or null when it does not fit the instance. */
function priced(inst: Instance, entry: unknown): FisherPricesPayload | null {
  if (entry === null || typeof entry !== 'object') return null;
  const { allocation, prices } = entry as { allocation?: unknown; prices?: unknown };
  if (!Array.isArray(prices) || prices.length !== inst.m) return null;
  const p = prices.map((q) => Rational.from(q as string));
  const x = sharesOf(inst, allocation);
  if (!x) return null;
  const out: FisherPricesPayload = {
    held: x.shares.map((row) => row.flatMap((s, g) => (s.sign() > 0 ? [g] : []))),
    prices: p.map(String),
    budgets: x.shares.map((row) => Rational.sum(row.map((s, g) => s.mul(p[g]))).toString()),
  };
  if (p.every((q) => q.sign() > 0)) {
    const { alpha } = marketSummary(inst, x, p);
    out.bangPerBuck = alpha.map(String);
    out.mbb = inst.values.map((row, i) =>
      alpha[i].sign() > 0 ? row.flatMap((v, g) => (v.div(p[g]).eq(alpha[i]) ? [g] : [])) : [],
    );
  }
  return out;
}

/**
 * The price vectors stated by the outcome's price claims, in the claim's order (empty when there are none).
 * A stated entry that does not fit the instance is left out: the display never throws on claim parameters.
 */
export function statedPrices(inst: Instance | undefined, claims: readonly Claim[] | undefined): FisherPricesPayload[] {
  if (!inst || !claims) return [];
  const out: FisherPricesPayload[] = [];
  for (const c of claims) {
    const list = PRICE_CLAIMS.has(c.id) ? c.params?.prices : undefined;
    if (!Array.isArray(list)) continue;
    for (const e of list) {
      try {
        const q = priced(inst, e);
        if (q) out.push(q);
      } catch {
        // a malformed entry (bad number, good index out of range): not drawn; certify reports it
      }
    }
  }
  return out;
}
