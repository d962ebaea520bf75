/**
 * The per-divider pair checks of Babaioff & Frosh (Lemma 3.2 and Lemma D.3; spec section 4). The six
 * allocations of Theorems 1.1, 3.2 and 5.1 come in three pairs (A^d, A'^d), one per divider d; the
 * mechanisms record them in the `divider-pairs` trace step, which `readDividerPairs` parses (as untrusted
 * input: every allocation is re-validated).
 *
 * Checks, exact:
 * * the divider gets at least alpha * MMS_d in both allocations (alpha = 1 for Theorem 1.1, 1 - eps otherwise);
 * * Theorem 1.1: every other agent x has v_x(A^d_x) + v_x(A'^d_x) >= v_x(M) - MMS_x (Lemma 3.4);
 * * Theorem 5.1: v_x(A^d_x) + v_x(A'^d_x) >= v_x(M) - mu_x(cand[d][x]) and tau_x >= mu_x(cand[d][x]), where
 *   tau_x is x's worse value as a divider (Lemma D.3).
 * Theorem 3.2 has no pair-sum guarantee (Lemma 3.4 needs exact 2-splits), so only the divider's bound is checked.
 */
import { Allocation } from '../core/allocation';
import { InvalidInputError } from '../core/errors';
import type { AgentId, GoodId, Instance } from '../core/instance';
import type { Outcome } from '../core/outcome';
import { Rational } from '../core/rational';
import { mmsShare } from '../shares/share-cache';
import type { RoleTheorem } from './bobw-roles';
import type { CheckResult } from './result';

/** One divider's pair, parsed from the trace. */
export interface DividerPairData {
  readonly divider: AgentId;
  readonly case: string;
  readonly allocations: readonly [Allocation, Allocation];
  /** cert[x] per agent (Theorems 1.1 and 3.2). */
  readonly certificates?: readonly GoodId[][][];
  /** cand[x] per agent (Theorem 5.1). */
  readonly candidates?: readonly GoodId[][][];
}

function bad(msg: string): never {
  throw new InvalidInputError('bad-trace', `divider-pairs trace: ${msg}`);
}

function bundles(x: unknown, m: number, where: string): GoodId[][] {
  if (
    !Array.isArray(x) ||
    x.length !== 3 ||
    !x.every((b) => Array.isArray(b) && b.every((g) => Number.isInteger(g) && g >= 0 && g < m))
  )
    bad(`${where}: expected three bundles of good indices 0..${m - 1}`);
  return (x as number[][]).map((b) => [...b]);
}

function perAgent(x: unknown, m: number, where: string): GoodId[][][] | undefined {
  if (x === undefined) return undefined;
  if (!Array.isArray(x) || x.length !== 3) bad(`${where}: expected one partition per agent`);
  return x.map((p, i) => bundles(p, m, `${where}[${i}]`));
}

/** The three divider pairs of an outcome of `bobw-three-agents`, `-fptas` or `-prop`, from its trace. */
export function readDividerPairs(o: Outcome): DividerPairData[] {
  const step = o.trace.find((s) => s.id === 'divider-pairs');
  if (!step)
    throw new InvalidInputError(
      'no-divider-pairs',
      `outcome of ${o.mechanism} has no divider-pairs trace step (only the three-agent best-of-both-worlds mechanisms record one)`,
    );
  const m = o.instance.m;
  if (!Array.isArray(step.data) || step.data.length !== 3) bad('expected three pairs');
  const pairs = (step.data as Record<string, unknown>[]).map((r, k): DividerPairData => {
    if (r === null || typeof r !== 'object') bad(`pair ${k} is not an object`);
    const d = r.divider;
    if (d !== 0 && d !== 1 && d !== 2) bad(`pair ${k}: divider must be 0, 1 or 2`);
    if (!Array.isArray(r.allocations) || r.allocations.length !== 2) bad(`pair ${k}: expected two allocations`);
    const allocations = (r.allocations as unknown[]).map(
      (a, j) => new Allocation(bundles(a, m, `pair ${k} allocation ${j}`), m),
    ) as [Allocation, Allocation];
    return {
      divider: d,
      case: String(r.case),
      allocations,
      certificates: perAgent(r.certificates, m, `pair ${k} certificates`),
      candidates: perAgent(r.candidates, m, `pair ${k} candidates`),
    };
  });
  if (new Set(pairs.map((p) => p.divider)).size !== 3) bad('every agent must be the divider of exactly one pair');
  return pairs.sort((a, b) => a.divider - b.divider);
}

/** A failed pair check: the inequality in `detail`, the divider and agent (and candidate) as `witness`. */
function fail(detail: Record<string, unknown>, witness?: Record<string, unknown>): CheckResult {
  return { holds: false, detail: { property: 'divider pairs', ...detail }, ...(witness ? { witness } : {}) };
}

function worst(inst: Instance, x: AgentId, partition: readonly (readonly GoodId[])[]): Rational {
  return partition.map((b) => inst.value(x, b)).reduce((a, b) => (b.lt(a) ? b : a));
}

/**
 * The pair checks of the module header for `theorem` with approximation `eps`. Witness of failure: the
 * divider, the agent and the inequality that fails. An MMS that is only bounded makes the check unchecked.
 */
export function checkDividerPairs(
  inst: Instance,
  pairs: readonly DividerPairData[],
  theorem: RoleTheorem,
  eps: Rational = Rational.ZERO,
): CheckResult {
  const alpha = theorem === '1.1' ? Rational.ONE : Rational.ONE.sub(eps);
  const rows: Record<string, unknown>[] = [];
  let undecided = false;
  const tau = [0, 1, 2].map((x) => {
    const own = pairs.find((p) => p.divider === x)!;
    return Rational.min(inst.value(x, own.allocations[0].bundles[x]), inst.value(x, own.allocations[1].bundles[x]));
  });
  for (const p of pairs) {
    const d = p.divider;
    const mmsD = mmsShare(inst, d);
    if (tau[d].lt(alpha.mul(mmsD.lower)))
      return fail(
        { divider: d, reason: 'divider below alpha * MMS', value: tau[d], needed: alpha.mul(mmsD.value) },
        { divider: d },
      );
    if (tau[d].lt(alpha.mul(mmsD.upper))) undecided = true;
    for (const x of [0, 1, 2]) {
      if (x === d) continue;
      const sum = inst.value(x, p.allocations[0].bundles[x]).add(inst.value(x, p.allocations[1].bundles[x]));
      const total = inst.total(x);
      rows.push({ divider: d, agent: x, sum });
      if (theorem === '1.1') {
        const mmsX = mmsShare(inst, x);
        if (sum.lt(total.sub(mmsX.upper)))
          return fail(
            {
              divider: d,
              agent: x,
              reason: 'pair sum below v(M) - MMS (Lemma 3.4)',
              sum,
              needed: total.sub(mmsX.value),
            },
            { divider: d, agent: x },
          );
        if (sum.lt(total.sub(mmsX.lower))) undecided = true;
      } else if (theorem === '5.1') {
        const cand = p.candidates?.[x];
        if (!cand) return fail({ divider: d, agent: x, reason: 'Theorem 5.1 pair without candidate partitions' });
        const mu = worst(inst, x, cand);
        if (sum.lt(total.sub(mu)))
          return fail(
            { divider: d, agent: x, reason: 'pair sum below v(M) - mu(cand) (Lemma D.3)', sum, needed: total.sub(mu) },
            { divider: d, agent: x, candidate: cand },
          );
        if (tau[x].lt(mu))
          return fail(
            { divider: d, agent: x, reason: 'tau below mu(cand) after adoption (Lemma D.3)', tau: tau[x], mu },
            { divider: d, agent: x, candidate: cand },
          );
      }
    }
  }
  if (undecided)
    return {
      holds: false,
      unchecked: true,
      detail: { property: 'divider pairs', reason: 'an MMS is only bounded (solver time limit)' },
    };
  return { holds: true, detail: { property: 'divider pairs', theorem, tau, sums: rows } };
}
