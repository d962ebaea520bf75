/**
 * `certify(outcome)`: checks every claim of an Outcome with the independent checkers of src/checks and
 * returns a CertificateReport. It reads only the instance and the outcome's allocation / fractional
 * allocation / lottery, never a mechanism's intermediate bookkeeping.
 *
 * Claim ids:
 * * allocation properties `ef`, `ef1`, `efx`, `efx0`, `eefx`, `prop`, `prop1`, `rho-mms`, `rho-tps`,
 *   `immx`, `po`, `fpo`: on the allocation of a deterministic outcome;
 * * `ex-post-<property>`: the property on every allocation of a lottery's support;
 * * `ex-ante-prop`, `ex-ante-ef`: on the lottery's marginals (recomputed from the support) or the
 *   fractional allocation;
 * * `implements`: the lottery's marginals equal the outcome's fractional allocation exactly;
 * * `support-size`: support at most `params.bound`;
 * * `truthful`: the incentive audit of the registered mechanism (DSIC or TIE), small instances only.
 * Paper modules add their own checkers with `registerClaimChecker`.
 */
import type { Allocation, FractionalAllocation } from './core/allocation';
import type { Instance } from './core/instance';
import type { Claim, Outcome } from './core/outcome';
import { Rational } from './core/rational';
import { checkExAnteEF, checkExAntePROP, checkImplements, checkSupportSize } from './checks/ex-ante';
import { checkFPO, checkPO } from './checks/efficiency';
import { checkEEFX, checkEF, checkEF1, checkEFX, checkEFX0 } from './checks/envy';
import { auditTruthfulness } from './checks/incentives';
import type { CheckResult } from './checks/result';
import { checkIMMX, checkPROP, checkPROP1, checkRhoMMS, checkRhoTPS } from './checks/share';
import { mechanism } from './mechanisms/registry';

export type ClaimStatus = 'pass' | 'fail' | 'unchecked';

export interface ClaimResult {
  readonly id: string;
  readonly text: string;
  readonly rho?: Rational;
  readonly status: ClaimStatus;
  readonly holds: boolean;
  readonly detail: Readonly<Record<string, unknown>>;
  readonly witness?: unknown;
}

/** The certificate of an outcome: one result per claim. `ok` when no claim fails. */
export class CertificateReport {
  constructor(readonly mechanism: string, readonly instance: Instance, readonly claims: readonly ClaimResult[]) {}
  get ok(): boolean {
    return this.claims.every((c) => c.status !== 'fail');
  }
  get passed(): number {
    return this.claims.filter((c) => c.status === 'pass').length;
  }
  get failed(): number {
    return this.claims.filter((c) => c.status === 'fail').length;
  }
  get unchecked(): number {
    return this.claims.filter((c) => c.status === 'unchecked').length;
  }
  toJSON(): Record<string, unknown> {
    return {
      ok: this.ok,
      claims: this.claims.map((c) => ({ id: c.id, ...(c.rho ? { rho: c.rho.toString() } : {}), status: c.status, holds: c.holds, text: c.text, detail: c.detail, witness: c.witness })),
    };
  }
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    const lines = this.claims.map((c) => `  ${c.status === 'pass' ? '✓' : c.status === 'fail' ? '✗' : '?'} ${c.id}${c.rho ? `(${c.rho})` : ''}: ${c.text}`);
    return `CertificateReport(${this.mechanism}: ${this.passed} pass, ${this.failed} fail, ${this.unchecked} unchecked)\n${lines.join('\n')}`;
  }
}

type AllocationCheck = (inst: Instance, a: Allocation, claim: Claim) => CheckResult;
type OutcomeCheck = (outcome: Outcome, claim: Claim) => CheckResult;

const allocationChecks: Record<string, AllocationCheck> = {
  ef: (i, a) => checkEF(i, a),
  ef1: (i, a) => checkEF1(i, a),
  efx: (i, a) => checkEFX(i, a),
  efx0: (i, a) => checkEFX0(i, a),
  eefx: (i, a) => checkEEFX(i, a),
  prop: (i, a) => checkPROP(i, a),
  prop1: (i, a) => checkPROP1(i, a),
  'rho-mms': (i, a, c) => checkRhoMMS(i, a, c.rho ?? Rational.ONE),
  mms: (i, a) => checkRhoMMS(i, a, Rational.ONE),
  'rho-tps': (i, a, c) => checkRhoTPS(i, a, c.rho ?? Rational.ONE),
  immx: (i, a, c) => checkIMMX(i, a, c.rho ?? Rational.ONE),
  po: (i, a) => checkPO(i, a),
  fpo: (i, a) => checkFPO(i, a),
};

function exAnteFractional(o: Outcome): FractionalAllocation {
  if (o.lottery) return o.lottery.marginals();
  return o.fractional!;
}

const outcomeChecks = new Map<string, OutcomeCheck>([
  ['ex-ante-prop', (o) => checkExAntePROP(o.instance, exAnteFractional(o))],
  ['ex-ante-ef', (o) => checkExAnteEF(o.instance, exAnteFractional(o))],
  ['implements', (o) => (o.lottery && o.fractional ? checkImplements(o.lottery, o.fractional) : { holds: false, detail: { reason: 'not a lottery with a fractional target' } })],
  ['support-size', (o, c) => (o.lottery ? checkSupportSize(o.lottery, Number(c.params?.bound)) : { holds: true, detail: { size: 1 } })],
  [
    'truthful',
    (o, c) => {
      const m = mechanism(o.mechanism);
      const space = (c.params?.space as 'ordinal' | 'cardinal' | undefined) ?? m.incentives?.space ?? 'cardinal';
      const eps = c.params?.eps !== undefined ? Rational.from(c.params.eps as string) : undefined;
      return auditTruthfulness((inst) => m.run(inst, o.options as Record<string, unknown>), o.instance, { space, eps, maxGoods: c.params?.maxGoods as number | undefined });
    },
  ],
]);

/** Adds a checker for a paper-specific claim id (e.g. `implements-cuq`). */
export function registerClaimChecker(id: string, check: OutcomeCheck): void {
  outcomeChecks.set(id, check);
}

function exPost(o: Outcome, prop: string, claim: Claim): CheckResult {
  const check = allocationChecks[prop];
  const support = o.support();
  let unchecked: CheckResult | null = null;
  let worst: { k: number; value: Rational; needed: Rational; agent: unknown } | null = null;
  for (let k = 0; k < support.length; k++) {
    const r = check(o.instance, support[k].allocation, claim);
    if (r.unchecked) unchecked ??= r;
    else if (!r.holds)
      return { holds: false, detail: { ...r.detail, supportIndex: k, probability: support[k].p }, witness: { allocation: support[k].allocation.toJSON(), ...(r.witness as object) } };
    const { value, needed, agent } = r.detail as { value?: unknown; needed?: unknown; agent?: unknown };
    if (value instanceof Rational && needed instanceof Rational && (!worst || value.mul(worst.needed).lt(worst.value.mul(needed)))) worst = { k, value, needed, agent };
  }
  if (unchecked) return unchecked;
  const tightest = worst ? { agent: worst.agent, value: worst.value, needed: worst.needed, supportIndex: worst.k } : {};
  return { holds: true, detail: { property: `ex-post ${prop}`, allocations: support.length, ...tightest } };
}

function checkClaim(o: Outcome, claim: Claim): CheckResult {
  const special = outcomeChecks.get(claim.id);
  if (special) return special(o, claim);
  if (claim.id.startsWith('ex-post-') && allocationChecks[claim.id.slice(8)]) return exPost(o, claim.id.slice(8), claim);
  const check = allocationChecks[claim.id];
  if (check) {
    if (!o.allocation) return { holds: false, detail: { reason: `claim ${claim.id} needs an integral allocation; use ex-post-${claim.id} for lotteries` } };
    return check(o.instance, o.allocation, claim);
  }
  return { holds: false, unchecked: true, detail: { reason: `no checker for claim "${claim.id}"` } };
}

/** Checks every claim of the outcome independently. */
export function certify(o: Outcome): CertificateReport {
  const results = o.claims.map((claim): ClaimResult => {
    const r = checkClaim(o, claim);
    const status: ClaimStatus = r.unchecked ? 'unchecked' : r.holds ? 'pass' : 'fail';
    return { id: claim.id, text: claim.text, rho: claim.rho, status, holds: r.holds && !r.unchecked, detail: r.detail, witness: r.witness };
  });
  return new CertificateReport(o.mechanism, o.instance, results);
}
