/**
 * The options of paper 001's mechanisms that the shared parsers of ../options do not cover, and the
 * family's uses of the shared ones. Numbers are read as decimals (see `decimal`), the rule Pick-r's exact
 * quotas need.
 */
import { InvalidInputError } from '../../core/errors';
import { Rational } from '../../core/rational';
import type { Distribution } from '../../stochastic/distribution';
import { exactShares, floatShares } from '../../stochastic/shares';
import {
  choiceOption,
  distributionListOption,
  distributionOption,
  optionPath,
  seedOption,
  type OptionSpec,
} from '../options';
import type { TieRule } from './core';

/**
 * A number or exact rational string, read as a decimal: a JS number goes through its shortest decimal
 * string (0.7 -> 7/10, 0.02 -> 1/50), the rule Pick-r's quotas need (pitfall P6: floor(0.7 · 10) must be
 * 7), so an Outcome records 0.02 as "1/50" and reproduces it exactly.
 */
function decimal(raw: unknown, at: string, code: string): Rational {
  if (typeof raw === 'number' && Number.isFinite(raw)) return Rational.parse(String(raw), at);
  if (typeof raw === 'string') {
    try {
      return Rational.parse(raw, at);
    } catch (e) {
      throw new InvalidInputError(code, (e as Error).message);
    }
  }
  throw new InvalidInputError(
    code,
    `${at}: expected a number or an exact rational string such as "1/4", got ${JSON.stringify(raw)}`,
  );
}

/** Pick-r's shares: n of them summing to 1, or a scalar r meaning (r, 1 - r) when n = 2. Code `bad-shares`. */
export function sharesOption(): OptionSpec<Rational[]> {
  return {
    describe:
      'n shares summing to 1 (numbers or rational strings such as "1/3"; a scalar r is (r, 1 - r) for n = 2); required',
    parse(raw, ctx) {
      const at = optionPath(ctx);
      const n = ctx.instance.n;
      if (raw === undefined)
        throw new InvalidInputError(
          'missing-option',
          `${at} is required (n shares summing to 1, e.g. [0.3, 0.7] or ["1/3", "2/3"])`,
        );
      if (typeof raw === 'number') return exactShares(floatShares(raw, n, at), at);
      if (!Array.isArray(raw) || raw.length !== n)
        throw new InvalidInputError(
          'bad-shares',
          `${at}: expected ${n} shares (one per agent), got ${JSON.stringify(raw)}`,
        );
      return exactShares(
        raw.map((x, k) => decimal(x, `${at}[${k}]`, 'bad-shares')),
        at,
      );
    },
    record: (r) => r.map(String),
  };
}

/** A float parameter given as a decimal in the open interval (0, upper(n)). Code `bad-rational`. */
export function openIntervalOption(
  describe: string,
  upper: (n: number) => number,
  fallback?: number,
): OptionSpec<number | undefined> {
  return {
    describe,
    parse(raw, ctx) {
      if (raw === undefined) return fallback;
      const x = decimal(raw, optionPath(ctx), 'bad-rational').toNumber();
      const hi = upper(ctx.instance.n);
      if (!(x > 0 && x < hi))
        throw new InvalidInputError('bad-rational', `${optionPath(ctx)}: ${raw} is outside (0, ${hi})`);
      return x;
    },
    record: (x) => (x === undefined ? undefined : Rational.parse(String(x)).toString()),
  };
}

/** Positive weights, one per agent (decimals or rational strings). Code `bad-rational`. */
export function weightsOption(): OptionSpec<number[] | undefined> {
  return {
    describe: 'positive weights, one per agent (default: the Bai–Gölz weights of the distributions)',
    parse(raw, ctx) {
      if (raw === undefined) return undefined;
      const n = ctx.instance.n;
      if (!Array.isArray(raw) || raw.length !== n)
        throw new InvalidInputError(
          'bad-rational',
          `${optionPath(ctx)}: expected ${n} weights (one per agent), got ${JSON.stringify(raw)}`,
        );
      return raw.map((x, k) => {
        const w = decimal(x, `${optionPath(ctx)}[${k}]`, 'bad-rational');
        if (w.sign() <= 0)
          throw new InvalidInputError('bad-rational', `${optionPath(ctx)}[${k}]: ${w} must be positive`);
        return w.toNumber();
      });
    },
    record: (ws) => ws?.map((w) => Rational.parse(String(w)).toString()),
  };
}

export const tieOption = (fallback: TieRule) =>
  choiceOption('within-agent ties between equal bids', ['index', 'random'] as const, fallback);
export const tieSeedOption = () =>
  seedOption('seed of the random tie-breaking permutation (tie "random"): integer in 0..2^32-1; default 0');
export const optionalDist = () =>
  distributionOption('value distribution D, a spec such as "uniform:0,1" (for the analytic claims)');
export const requiredDist = () =>
  distributionOption('value distribution D, a spec such as "uniform:0,1", "exp:1", "beta:2,3"', true);
export const sharedDist = () =>
  distributionOption('one distribution D for every agent, when options.dists is not given');
export const perAgentDistsOption = () =>
  distributionListOption('one distribution per agent (else options.dist for every agent)');

/** options.dists, or options.dist for each of the `n` agents; one of them is required. */
export function perAgentDists(
  id: string,
  o: { readonly dists?: Distribution[]; readonly dist?: Distribution },
  n: number,
): Distribution[] {
  if (o.dists) return o.dists;
  const d = o.dist;
  if (!d)
    throw new InvalidInputError(
      'missing-option',
      `${id}: options.dists (one distribution per agent) or options.dist is required`,
    );
  return Array.from({ length: n }, () => d);
}
