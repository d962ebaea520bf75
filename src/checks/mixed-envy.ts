/**
 * Envy and proportionality on mixed allocations (indivisible bundles plus fractions of divisible goods),
 * exact, with witnesses. Definitions: Bu, Li, Liu, Lu & Tao, "Best-of-both-worlds fair allocation of
 * indivisible and mixed goods" (WINE 2024, arXiv 2410.06877), Section 2 and seed-003 spec section 4.3.
 *
 * * EF: u_i(A_i) >= u_i(A_j); PROP: u_i(A_i) >= u_i(M ∪ D)/n.
 * * EFM (Def 2.2, Bei et al. 2021a): towards a bundle with no divisible part, EF1 (remove one indivisible
 *   good); towards a bundle holding any positive fraction of a divisible good, plain EF, even when i values
 *   that fraction at 0 (the paper's definition; some later papers weaken it).
 * * EFXM: EFM with "every indivisible good" instead of "some", zero-valued goods included (the paper's EFX is
 *   the strong one, spec Pitfall 7.19).
 * * EFX on a mixed allocation: removing any indivisible good of A_j (its divisible part stays) removes i's
 *   envy; towards a bundle without indivisible goods, EF. With no divisible goods this is EFX0 (`zeroValued`)
 *   or the [Car+16] EFX over positively valued goods.
 */
import { requireInstance } from '../core/arguments';
import { InvalidInputError } from '../core/errors';
import type { AgentId, GoodId, Instance } from '../core/instance';
import type { MixedAllocation } from '../core/mixed-allocation';
import { Rational } from '../core/rational';
import { firstPairViolation } from './envy';
import type { CheckResult } from './result';

/** `a` is a mixed allocation of `inst` (structural test, so a copy from another bundle of the library passes). */
function requireMixed(a: unknown, inst: Instance, fn: string): asserts a is MixedAllocation {
  const x = a as Partial<MixedAllocation> | null;
  if (
    x === null ||
    typeof x !== 'object' ||
    !Array.isArray(x.bundles) ||
    !Array.isArray(x.fractions) ||
    typeof x.value !== 'function'
  )
    throw new InvalidInputError(
      'bad-argument',
      `${fn}: a must be a MixedAllocation, got ${x === null ? 'null' : typeof x}`,
    );
  if (x.bundles.length !== inst.n || x.m !== inst.m || x.divisible!.join() !== inst.divisible.join())
    throw new InvalidInputError(
      'bad-argument',
      `${fn}: a is not an allocation of this instance's ${inst.n} agents and ${inst.m} goods (divisible: ${inst.divisible.join(', ') || 'none'})`,
    );
}

/** u_i(A_j) for every pair, indivisible goods plus fractions of divisible goods. */
export function mixedValueMatrix(inst: Instance, a: MixedAllocation): Rational[][] {
  return inst.values.map((_, i) => a.bundles.map((_b, j) => a.value(inst, i, j)));
}

interface Violation {
  readonly envious: AgentId;
  readonly envied: AgentId;
  readonly own: Rational;
  readonly other: Rational;
  /** Which comparison failed: plain EF, or EF after removing `removed`. */
  readonly rule: 'ef' | 'up-to-one-good' | 'up-to-any-good';
  readonly removed?: GoodId;
  readonly afterRemoval?: Rational;
}

type PairTest = (i: AgentId, j: AgentId, own: Rational, other: Rational) => Violation | null;

function firstViolation(inst: Instance, a: MixedAllocation, test: PairTest): Violation | null {
  return firstPairViolation(mixedValueMatrix(inst, a), test);
}

function report(property: string, v: Violation | null, inst: Instance, a: MixedAllocation): CheckResult {
  if (!v) return { holds: true, detail: { property } };
  return {
    holds: false,
    detail: {
      property,
      envious: inst.agents[v.envious],
      envied: inst.agents[v.envied],
      own: v.own,
      other: v.other,
      rule: v.rule,
      enviedHoldsDivisible: a.hasDivisiblePart(v.envied),
      ...(v.afterRemoval ? { afterRemoval: v.afterRemoval } : {}),
    },
    witness: { envious: v.envious, envied: v.envied, ...(v.removed !== undefined ? { removed: v.removed } : {}) },
  };
}

/** Agent i's most (`largest`) or least (`smallest`) valued good among `candidates` (ties: the first listed). */
function pick(inst: Instance, i: AgentId, candidates: readonly GoodId[], which: 'largest' | 'smallest'): GoodId {
  const v = inst.values[i];
  return candidates.reduce((b, g) => ((which === 'largest' ? v[g].gt(v[b]) : v[g].lt(v[b])) ? g : b));
}

/**
 * Envy towards j after removing one indivisible good: `some` removes i's most valued good of M_j (EF1-style),
 * `every` her least valued one (EFX-style); `positiveOnly` restricts the goods to those i values above 0.
 */
function upToGood(
  inst: Instance,
  a: MixedAllocation,
  i: AgentId,
  j: AgentId,
  own: Rational,
  other: Rational,
  quantifier: 'some' | 'every',
  positiveOnly = false,
): Violation | null {
  if (own.ge(other)) return null;
  const candidates = a.bundles[j].filter((g) => !positiveOnly || inst.values[i][g].sign() > 0);
  // nothing to remove (no indivisible good, or none that i values when positiveOnly): plain EF is required
  if (candidates.length === 0) return { envious: i, envied: j, own, other, rule: 'ef' };
  const g = pick(inst, i, candidates, quantifier === 'some' ? 'largest' : 'smallest');
  const after = other.sub(inst.values[i][g]);
  if (own.ge(after)) return null;
  return {
    envious: i,
    envied: j,
    own,
    other,
    rule: quantifier === 'some' ? 'up-to-one-good' : 'up-to-any-good',
    removed: g,
    afterRemoval: after,
  };
}

/** EF on a mixed allocation: u_i(A_i) >= u_i(A_j) for all i, j. Witness: an envious pair. */
export function checkMixedEF(inst: Instance, a: MixedAllocation): CheckResult {
  requireInstance(inst, 'checkMixedEF');
  requireMixed(a, inst, 'checkMixedEF');
  return report(
    'EF',
    firstViolation(inst, a, (i, j, own, other) =>
      own.lt(other) ? { envious: i, envied: j, own, other, rule: 'ef' } : null,
    ),
    inst,
    a,
  );
}

/**
 * EFX on a mixed allocation: removing any indivisible good of A_j (zero-valued ones too when `zeroValued`,
 * the paper's strong EFX) removes i's envy; towards a bundle with no indivisible good, EF.
 */
export function checkMixedEFX(inst: Instance, a: MixedAllocation, opts: { readonly zeroValued: boolean }): CheckResult {
  requireInstance(inst, 'checkMixedEFX');
  requireMixed(a, inst, 'checkMixedEFX');
  const name = opts.zeroValued ? 'EFX0' : 'EFX';
  return report(
    name,
    firstViolation(inst, a, (i, j, own, other) => upToGood(inst, a, i, j, own, other, 'every', !opts.zeroValued)),
    inst,
    a,
  );
}

/** PROP on a mixed allocation: u_i(A_i) >= u_i(M ∪ D)/n. Witness: the first agent below her share. */
export function checkMixedPROP(inst: Instance, a: MixedAllocation): CheckResult {
  requireInstance(inst, 'checkMixedPROP');
  requireMixed(a, inst, 'checkMixedPROP');
  for (let i = 0; i < inst.n; i++) {
    const own = a.value(inst, i, i);
    const share = inst.total(i).div(inst.n);
    if (own.lt(share))
      return {
        holds: false,
        detail: { property: 'PROP', agent: inst.agents[i], value: own, needed: share },
        witness: { agent: i },
      };
  }
  return { holds: true, detail: { property: 'PROP' } };
}

function efmTest(inst: Instance, a: MixedAllocation, quantifier: 'some' | 'every'): PairTest {
  return (i, j, own, other) => {
    if (a.hasDivisiblePart(j)) return own.lt(other) ? { envious: i, envied: j, own, other, rule: 'ef' } : null;
    return upToGood(inst, a, i, j, own, other, quantifier);
  };
}

/**
 * EFM (Def 2.2): towards a bundle holding any divisible fraction, EF; towards a purely indivisible bundle,
 * EF1. Witness: the envious pair, the rule that failed and, for EF1, the removed good.
 */
export function checkEFM(inst: Instance, a: MixedAllocation): CheckResult {
  requireInstance(inst, 'checkEFM');
  requireMixed(a, inst, 'checkEFM');
  return report('EFM', firstViolation(inst, a, efmTest(inst, a, 'some')), inst, a);
}

/** EFXM: EFM with "for every indivisible good of M_j" (zero-valued goods included) in the indivisible case. */
export function checkEFXM(inst: Instance, a: MixedAllocation): CheckResult {
  requireInstance(inst, 'checkEFXM');
  requireMixed(a, inst, 'checkEFXM');
  return report('EFXM', firstViolation(inst, a, efmTest(inst, a, 'every')), inst, a);
}
