/**
 * The agent-side verifier of Babaioff & Frosh, Theorem 3.1 (spec section 4, "Verification protocol"): an agent
 * who knows only her own valuation checks, in polynomial time, what the three-agent lottery promises her.
 * Given the outcome (its lottery and the six allocations with their certificates: the `divider-pairs`
 * certificate step, in memory or read back from the Outcome JSON's `certificates`) she checks:
 * 1. consistency: the six recorded allocations, each with probability 1/6, are exactly the lottery;
 * 2. ex-ante PROP: the six allocations give her at least 2 v(M) in total (2 alpha v(M) for Theorem 3.2,
 *    alpha = 1 - eps, whose lottery is only ex-ante alpha-proportional);
 * 3. EEFX (Theorems 1.1 and 3.2): wherever she is not EFX-satisfied, the certificate of her pair contains her
 *    bundle and is an allocation of all goods in which her bundle EFX-dominates the other two;
 * 4. the value floor against her own polynomial-time estimate mu~ of her MMS ((1 - e) MMS <= mu~ <= MMS):
 *    in every allocation v(X) >= alpha mu~, or she is EFX-satisfied and v(X) >= (9/10) alpha mu~.
 * The estimate is a lower bound on her MMS, so the floor check is sound but does not certify exact MMS.
 */
import { Allocation } from '../core/allocation';
import { InvalidInputError } from '../core/errors';
import type { AgentId, GoodId } from '../core/instance';
import type { Outcome } from '../core/outcome';
import { Rational, type RationalLike } from '../core/rational';
import { fptasMmsOracle } from '../mechanisms/bobw-few-agents/oracles';
import { toIntegers } from '../shares/mms/scaled';
import { readDividerPairs, type DividerPairData } from './divider-pairs';
import { efxSatisfied } from './envy';
import type { CheckResult } from './result';

/** The mechanisms whose outcomes an agent can verify, with what each promises (alpha from the outcome's eps). */
const VERIFIABLE = {
  'bobw-three-agents': { approximate: false, exactProp: true, eefx: true },
  'bobw-three-agents-fptas': { approximate: true, exactProp: false, eefx: true },
  'bobw-three-agents-prop': { approximate: true, exactProp: true, eefx: false },
} as const;

export interface VerifyAsAgentOptions {
  /** The accuracy of her own MMS estimate (default 1/10). */
  readonly estimateEps?: RationalLike;
}

/** The verifier's answer: one result per step of the protocol, and whether all hold. */
export interface AgentVerification {
  readonly agent: AgentId;
  readonly ok: boolean;
  readonly estimate: Rational;
  readonly checks: {
    readonly consistency: CheckResult;
    readonly exAnteProp: CheckResult;
    readonly eefx: CheckResult;
    readonly valueFloor: CheckResult;
  };
}

const NINE_TENTHS = new Rational(9n, 10n);

/** A rational in (0, 1) (an approximation parameter), else a typed error naming `where`. */
function openUnit(x: unknown, where: string, code: string): Rational {
  if (typeof x !== 'number' && typeof x !== 'string' && !(x instanceof Rational))
    throw new InvalidInputError(code, `${where}: expected a rational in (0, 1), got ${typeof x}`);
  const r = Rational.from(x, where);
  if (r.sign() <= 0 || r.ge(1)) throw new InvalidInputError(code, `${where}: ${r} is not in (0, 1)`);
  return r;
}

function value(v: readonly Rational[], b: readonly GoodId[]): Rational {
  return Rational.sum(b.map((g) => v[g]));
}

function consistency(o: Outcome, pairs: readonly DividerPairData[]): CheckResult {
  const six = pairs.flatMap((p) => p.allocations);
  const counts = new Map<string, number>();
  for (const a of six) counts.set(a.key(), (counts.get(a.key()) ?? 0) + 1);
  const support = o.support();
  const matches =
    support.length === counts.size &&
    support.every((e) => e.p.eq(new Rational(BigInt(counts.get(e.allocation.key()) ?? 0), 6n)));
  return matches
    ? {
        holds: true,
        detail: { property: 'six allocations = lottery', allocations: six.length, support: support.length },
      }
    : {
        holds: false,
        detail: {
          property: 'six allocations = lottery',
          reason: 'the recorded allocations (1/6 each) do not reproduce the lottery',
        },
      };
}

function eefxCertificates(
  v: readonly Rational[],
  agent: AgentId,
  pairs: readonly DividerPairData[],
  m: number,
): CheckResult {
  let used = 0;
  let satisfied = 0;
  for (const p of pairs)
    for (const [k, a] of p.allocations.entries()) {
      if (efxSatisfied(v, a.bundles, agent)) {
        satisfied++;
        continue;
      }
      const cert = p.certificates?.[agent];
      const where = { divider: p.divider, allocation: k };
      if (!cert)
        return {
          holds: false,
          detail: { property: 'EEFX certificate', ...where, reason: 'not EFX-satisfied and no certificate' },
          witness: where,
        };
      let partition: Allocation;
      try {
        partition = new Allocation(cert, m);
      } catch {
        return {
          holds: false,
          detail: { property: 'EEFX certificate', ...where, reason: 'the certificate is not a partition of the goods' },
          witness: { ...where, certificate: cert },
        };
      }
      const mine = a.bundles[agent].join(',');
      const pos = partition.bundles.findIndex((b) => b.join(',') === mine);
      if (pos < 0 || !efxSatisfied(v, partition.bundles, pos))
        return {
          holds: false,
          detail: {
            property: 'EEFX certificate',
            ...where,
            reason:
              pos < 0 ? 'her bundle is not in the certificate' : 'her bundle does not EFX-dominate the certificate',
          },
          witness: { ...where, certificate: cert },
        };
      used++;
    }
  return { holds: true, detail: { property: 'EEFX certificate', efxSatisfiedIn: satisfied, certificatesUsed: used } };
}

/**
 * Theorem 3.1's verification by `agent` with her own `values` (module header). Outcomes of
 * `bobw-three-agents`, `bobw-three-agents-fptas` and `bobw-three-agents-prop` (EEFX is not promised by the
 * last and is then reported as holding vacuously, with a note).
 */
export function verifyAsAgent(
  o: Outcome,
  agent: number | string,
  values: readonly RationalLike[],
  options: VerifyAsAgentOptions = {},
): AgentVerification {
  const kind = VERIFIABLE[o.mechanism as keyof typeof VERIFIABLE];
  if (!kind)
    throw new InvalidInputError(
      'unsupported-outcome',
      `verifyAsAgent: outcomes of ${Object.keys(VERIFIABLE).join(', ')} only, got ${o.mechanism}`,
    );
  const i = o.instance.agentIndex(agent);
  const m = o.instance.m;
  if (!Array.isArray(values) || values.length !== m)
    throw new InvalidInputError('bad-argument', `verifyAsAgent: values must list ${m} values (one per good)`);
  const v = values.map((x, g) => Rational.from(x, `values[${g}]`));
  if (v.some((x) => x.sign() < 0))
    throw new InvalidInputError('negative-value', 'verifyAsAgent: values must be non-negative (goods)');
  const pairs = readDividerPairs(o);
  const eps = kind.approximate
    ? openUnit(o.options.eps ?? '1/10', 'outcome.options.eps', 'bad-outcome')
    : Rational.ZERO;
  const alpha = Rational.ONE.sub(eps);
  const total = Rational.sum(v);

  const six = pairs.flatMap((p) => p.allocations);
  const sum = Rational.sum(six.map((a) => value(v, a.bundles[i])));
  const propFactor = kind.exactProp ? Rational.ONE : alpha;
  const needed = propFactor.mul(total).mul(2);
  const exAnteProp: CheckResult = {
    holds: sum.ge(needed),
    detail: {
      property: 'ex-ante PROP',
      sumOverSix: sum,
      needed,
      expected: sum.div(6),
      prop: total.div(3),
      factor: propFactor,
    },
  };

  const eefx: CheckResult = kind.eefx
    ? eefxCertificates(v, i, pairs, m)
    : { holds: true, detail: { property: 'EEFX certificate', note: 'not promised by Theorem 5.1' } };

  const e = openUnit(options.estimateEps ?? '1/10', 'verifyAsAgent: estimateEps', 'bad-argument');
  const { ints, unit } = toIntegers(v);
  const estimate = unit.mul(
    fptasMmsOracle(e)(
      ints,
      v.map((_, g) => g),
      3,
    ).value,
  );
  const floor = alpha.mul(estimate);
  const efxFloor = NINE_TENTHS.mul(floor);
  const own = six.map((a) => value(v, a.bundles[i]));
  const efx = six.map((a) => efxSatisfied(v, a.bundles, i));
  const failing = six.findIndex((_, k) => !(own[k].ge(floor) || (efx[k] && own[k].ge(efxFloor))));
  const lowest = own.length ? own.reduce((x, y) => (y.lt(x) ? y : x)) : Rational.ZERO;
  const valueFloor: CheckResult =
    failing < 0
      ? {
          holds: true,
          detail: {
            property: 'value floor',
            estimate,
            estimateEps: e,
            floor,
            efxFloor,
            lowest,
            belowFloorButEfx: own.filter((x) => x.lt(floor)).length,
          },
        }
      : {
          holds: false,
          detail: {
            property: 'value floor',
            allocation: failing,
            value: own[failing],
            estimate,
            floor,
            efxFloor,
            efxSatisfied: efx[failing],
          },
          witness: { allocation: six[failing].toJSON() },
        };
  const checks = { consistency: consistency(o, pairs), exAnteProp, eefx, valueFloor };
  return { agent: i, ok: Object.values(checks).every((c) => c.holds), estimate, checks };
}
