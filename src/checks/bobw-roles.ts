/**
 * The role checks of Babaioff & Frosh, Theorems 1.1, 3.2 and 5.1 (spec section 4): in an allocation of three
 * agents there is a bijection of the three roles to the agents with
 * * Theorem 1.1: (a) EFX-satisfied and >= PROP; (b) EFX-satisfied and >= 9/10 MMS; (c) EEFX-satisfied and >= MMS;
 * * Theorem 3.2: the same with (b) >= (9/10)(1 - eps) MMS and (c) >= (1 - eps) MMS;
 * * Theorem 5.1: (a) as above; (b) [EFX-satisfied and >= (9/10)(1 - eps) MMS] or >= (1 - eps) MMS;
 *   (c) >= (1 - eps) MMS (no EEFX).
 * EFX is strong EFX (zero-valued goods count). The witness of success is the bijection with an EEFX
 * certificate for role (c); a failure names each agent's status. When an MMS value is only bounded (solver
 * time limit) or an EEFX search runs out of budget, the comparison may stay undecided: the check is then
 * unchecked, never guessed.
 */
import type { Allocation } from '../core/allocation';
import { InvalidInputError } from '../core/errors';
import type { AgentId, GoodId, Instance } from '../core/instance';
import { Rational } from '../core/rational';
import { proportionalEefxCertificate } from '../mechanisms/bobw-few-agents/eefx-certificate';
import { realloc } from '../shares/mms/partitions';
import { toIntegers } from '../shares/mms/scaled';
import { mmsOfIntegers } from '../shares/mms/solver';
import { mmsShare } from '../shares/share-cache';
import { eefxRepartition, efxSatisfied } from './envy';
import type { CheckResult } from './result';

/** The theorem whose role triple is checked. */
export type RoleTheorem = '1.1' | '3.2' | '5.1';
export const ROLE_THEOREMS: readonly RoleTheorem[] = ['1.1', '3.2', '5.1'];

/** A three-valued comparison: true, false, or undecided (an MMS only known within bounds). */
type Tri = boolean | 'unknown';

const NINE_TENTHS = new Rational(9n, 10n);

function and(x: Tri, y: Tri): Tri {
  if (x === false || y === false) return false;
  return x === true && y === true ? true : 'unknown';
}

function or(x: Tri, y: Tri): Tri {
  if (x === true || y === true) return true;
  return x === false && y === false ? false : 'unknown';
}

/**
 * An EEFX certificate for agent i holding bundle X: three bundles partitioning the goods, X first, that X
 * EFX-dominates; 'none' when none exists (exhaustive search), 'limit' when the search budget ran out.
 * Tried in order: the Lemma B.1 builder (when X is worth a third), the re-balanced best split of the other
 * goods, then exhaustive search. Every certificate found is validated before it is returned.
 */
export function eefxCertificate(
  inst: Instance,
  i: AgentId,
  X: readonly GoodId[],
  nodeLimit = 2_000_000,
): GoodId[][] | 'none' | 'limit' {
  const v = inst.values[i];
  const own = inst.value(i, X);
  const mine = new Set(X);
  const rest = v.map((_, g) => g).filter((g) => !mine.has(g));
  const valid = (c: readonly (readonly GoodId[])[]) => efxSatisfied(v, c, 0);
  const ints = toIntegers(v).ints;
  const proportional = proportionalEefxCertificate(ints, X);
  if (proportional && valid(proportional)) return proportional;
  if (rest.length > 0) {
    const split = mmsOfIntegers(
      rest.map((g) => ints[g]),
      2,
    ).partition.map((b) => b.map((p) => rest[p]));
    const balanced = [[...X], ...realloc(ints, split)];
    if (valid(balanced)) return balanced;
  }
  const part = eefxRepartition(v, own, rest, inst.n - 1, nodeLimit);
  if (part === 'limit') return 'limit';
  if (part === null) return 'none';
  return [[...X], ...part];
}

/** The (1 - eps) factor of a claim's parameters, or 1. */
function oneMinusEps(eps: Rational): Rational {
  return Rational.ONE.sub(eps);
}

/** Each agent's status in an allocation, as the role predicates need it. */
interface AgentStatus {
  readonly efx: boolean;
  readonly prop: boolean;
  /** own >= r * MMS, three-valued. */
  atLeast(r: Rational): Tri;
  /** EEFX, decided lazily (an exhaustive search may be needed). */
  eefx(): Tri;
  certificate?: GoodId[][];
}

function statusOf(inst: Instance, a: Allocation, i: AgentId): AgentStatus {
  const own = inst.value(i, a.bundles[i]);
  const efx = efxSatisfied(inst.values[i], a.bundles, i);
  const mms = mmsShare(inst, i);
  let eefx: Tri | undefined;
  const s: AgentStatus = {
    efx,
    prop: own.mul(inst.n).ge(inst.total(i)),
    atLeast(r) {
      if (own.ge(r.mul(mms.upper))) return true;
      return own.lt(r.mul(mms.lower)) ? false : 'unknown';
    },
    eefx() {
      if (eefx !== undefined) return eefx;
      if (efx) {
        s.certificate = [a.bundles[i], ...a.bundles.filter((_, j) => j !== i)].map((b) => [...b]);
        return (eefx = true);
      }
      const c = eefxCertificate(inst, i, a.bundles[i]);
      if (c === 'limit') return (eefx = 'unknown');
      if (c === 'none') return (eefx = false);
      s.certificate = c;
      return (eefx = true);
    },
  };
  return s;
}

/** The three role predicates of a theorem (module header). */
function rolePredicates(
  theorem: RoleTheorem,
  eps: Rational,
): readonly [(s: AgentStatus) => Tri, (s: AgentStatus) => Tri, (s: AgentStatus) => Tri] {
  const alpha = theorem === '1.1' ? Rational.ONE : oneMinusEps(eps);
  const b = NINE_TENTHS.mul(alpha);
  const roleA = (s: AgentStatus): Tri => s.efx && s.prop;
  if (theorem === '5.1') return [roleA, (s) => or(and(s.efx, s.atLeast(b)), s.atLeast(alpha)), (s) => s.atLeast(alpha)];
  const roleC = (s: AgentStatus): Tri => {
    const enough = s.atLeast(alpha);
    return enough === false ? false : and(enough, s.eefx());
  };
  return [roleA, (s) => and(s.efx, s.atLeast(b)), roleC];
}

const PERMUTATIONS: readonly (readonly [AgentId, AgentId, AgentId])[] = [
  [0, 1, 2],
  [0, 2, 1],
  [1, 0, 2],
  [1, 2, 0],
  [2, 0, 1],
  [2, 1, 0],
];

/** Reads a role-triple claim's parameters: `theorem` ('1.1' default) and `eps` (a rational string, default 0). */
export function roleParams(params: Readonly<Record<string, unknown>> | undefined): {
  theorem: RoleTheorem;
  eps: Rational;
} {
  const t = params?.theorem ?? '1.1';
  if (typeof t !== 'string' || !(ROLE_THEOREMS as readonly string[]).includes(t))
    throw new InvalidInputError(
      'bad-claim-params',
      `claim role-triple: params.theorem must be one of ${ROLE_THEOREMS.join(', ')}, got ${JSON.stringify(t)}`,
    );
  const eps =
    params?.eps === undefined ? Rational.ZERO : Rational.from(params.eps as string, 'claim role-triple: params.eps');
  if (eps.sign() < 0 || eps.ge(1))
    throw new InvalidInputError('bad-claim-params', `claim role-triple: params.eps must be in [0, 1), got ${eps}`);
  return { theorem: t as RoleTheorem, eps };
}

/**
 * The role triple of Theorem 1.1, 3.2 or 5.1 on one allocation of three agents (module header). Witness:
 * `roles` maps role a/b/c to an agent; `certificate` is the EEFX certificate of the role-(c) agent (bundles,
 * hers first) where the theorem asks for EEFX.
 */
export function checkRoleTriple(
  inst: Instance,
  a: Allocation,
  theorem: RoleTheorem = '1.1',
  eps: Rational = Rational.ZERO,
): CheckResult {
  const property = `role triple of Theorem ${theorem}`;
  if (inst.n !== 3)
    return { holds: false, detail: { property, reason: `the role triple is defined for 3 agents (n = ${inst.n})` } };
  const status = [0, 1, 2].map((i) => statusOf(inst, a, i));
  const preds = rolePredicates(theorem, eps);
  let undecided = false;
  for (const perm of PERMUTATIONS) {
    // cheap predicates first: role (a) and (b) before the EEFX search of role (c)
    const ra = preds[0](status[perm[0]]);
    if (ra === false) continue;
    const rb = preds[1](status[perm[1]]);
    if (rb === false) continue;
    const rc = preds[2](status[perm[2]]);
    const all = and(and(ra, rb), rc);
    if (all === true) {
      const c = status[perm[2]];
      return {
        holds: true,
        detail: {
          property,
          eps: eps.toString(),
          roles: { a: inst.agents[perm[0]], b: inst.agents[perm[1]], c: inst.agents[perm[2]] },
        },
        witness: {
          roles: { a: perm[0], b: perm[1], c: perm[2] },
          ...(theorem !== '5.1' && c.certificate ? { certificate: c.certificate } : {}),
        },
      };
    }
    if (all === 'unknown') undecided = true;
  }
  const table = Object.fromEntries(
    status.map((s, i) => [
      inst.agents[i],
      { efx: s.efx, prop: s.prop, a: preds[0](s), b: preds[1](s), c: preds[2](s) },
    ]),
  );
  if (undecided)
    return {
      holds: false,
      unchecked: true,
      detail: { property, reason: 'an MMS is only bounded or an EEFX search ran out of budget', perAgent: table },
    };
  return {
    holds: false,
    detail: { property, eps: eps.toString(), perAgent: table },
    witness: { reason: 'no assignment of the roles a, b, c to the agents satisfies all three' },
  };
}
