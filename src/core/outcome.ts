/**
 * What a mechanism returns: the allocation, fractional allocation or lottery, the claims it makes and
 * the trace of its construction. Plain data; `certify` (src/certify.ts) checks the claims independently.
 */
import { Allocation, FractionalAllocation, Lottery } from './allocation';
import type { Instance } from './instance';
import type { ClaimId } from './claims';
import { InvalidInputError } from './errors';
import type { MixedLottery } from './mixed-allocation';
import { Rational } from './rational';

export type OutcomeKind = 'allocation' | 'fractional' | 'lottery';

/**
 * A guarantee a mechanism claims for its output. `id` names the checker (e.g. `ef1`, `ex-post-rho-mms`,
 * `ex-ante-prop`, `support-size`); `rho` is the approximation factor where there is one; `params` holds
 * the claim's other parameters (never the mechanism's intermediate results).
 */
export interface Claim {
  readonly id: ClaimId;
  readonly text: string;
  readonly rho?: Rational;
  readonly params?: Readonly<Record<string, unknown>>;
}

/** One step of a mechanism's construction, for notebooks (e.g. the picks, a portion matrix). */
export interface TraceStep {
  readonly id: string;
  readonly title: string;
  readonly text?: string;
  readonly data: unknown;
  /**
   * The step is a certificate that can be checked without re-running the mechanism (Babaioff & Frosh's
   * `divider-pairs`: the six allocations with each agent's EEFX certificate, which every agent checks with her own
   * values alone, Theorem 3.1). Such steps are kept in the Outcome JSON under `certificates`, keyed by id, and
   * reading the JSON back (`outcomeFromJson`) restores them as the outcome's trace.
   */
  readonly certificate?: boolean;
}

/** Every allocation of an outcome has one bundle (or row) per agent over the instance's goods. */
function checkShape(init: {
  instance: Instance;
  allocation?: Allocation;
  fractional?: FractionalAllocation;
  lottery?: Lottery;
}): void {
  const { n, m } = init.instance;
  const fit = (a: Allocation, where: string) => {
    if (a.bundles.length !== n || a.m !== m)
      throw new InvalidInputError(
        'bad-outcome',
        `${where}: ${a.bundles.length} bundles over ${a.m} goods for an instance with ${n} agents and ${m} goods`,
      );
  };
  if (init.allocation) fit(init.allocation, 'outcome.allocation');
  init.lottery?.entries.forEach((e, k) => fit(e.allocation, `outcome.lottery[${k}].allocation`));
  const f = init.fractional;
  if (f && (f.shares.length !== n || f.shares.some((row) => row.length !== m)))
    throw new InvalidInputError('bad-outcome', `outcome.fractional: not ${n} x ${m} (agents x goods)`);
}

/**
 * The result of running a mechanism on an instance. Its `trace` is for notebooks, except the steps marked as
 * certificates (`TraceStep.certificate`), which travel with the Outcome JSON under `certificates`: for the
 * three-agent mechanisms of Babaioff & Frosh, `certificates["divider-pairs"]` lists per divider d (0, 1, 2) the
 * `case`, the two `allocations` A^d and A'^d, and per agent x either `certificates[x]` (her EEFX certificate, a
 * partition of all goods containing her bundle, Theorems 1.1 and 3.2) or `candidates[x]` (Theorem 5.1), so that
 * `verifyAsAgent` and `fairdiv certify --as AGENT` work on a saved outcome.
 */
export class Outcome {
  readonly mechanism: string;
  readonly kind: OutcomeKind;
  readonly instance: Instance;
  readonly allocation?: Allocation;
  readonly lottery?: Lottery;
  /** The fractional allocation given, or derived on first use (`fractional`). */
  #fractional?: FractionalAllocation;
  /**
   * The support of a mixed-goods outcome (indivisible bundles plus fractions of divisible goods). Its kind is
   * `fractional`: `fractional` is the allocation the mixed lottery implements, and ex-post claims are checked
   * on every allocation of `mixed`.
   */
  readonly mixed?: MixedLottery;
  readonly claims: readonly Claim[];
  readonly trace: readonly TraceStep[];
  readonly options: Readonly<Record<string, unknown>>;

  constructor(init: {
    mechanism: string;
    instance: Instance;
    allocation?: Allocation;
    fractional?: FractionalAllocation;
    lottery?: Lottery;
    mixed?: MixedLottery;
    claims: readonly Claim[];
    trace?: readonly TraceStep[];
    options?: Readonly<Record<string, unknown>>;
  }) {
    checkShape(init);
    this.mechanism = init.mechanism;
    this.instance = init.instance;
    this.kind = init.lottery ? 'lottery' : init.allocation ? 'allocation' : 'fractional';
    this.allocation = init.allocation;
    this.lottery = init.lottery;
    this.mixed = init.mixed;
    const { n, m, divisible } = init.instance;
    if (this.mixed && (this.mixed.n !== n || this.mixed.m !== m || this.mixed.divisible.join() !== divisible.join()))
      throw new InvalidInputError(
        'bad-outcome',
        `outcome.mixed: allocations for ${this.mixed.n} agents over ${this.mixed.m} goods (divisible: ${this.mixed.divisible.join(', ') || 'none'}) do not fit the instance's ${n} agents over ${m} goods (divisible: ${divisible.join(', ') || 'none'})`,
      );
    this.#fractional = init.fractional;
    this.claims = init.claims;
    this.trace = init.trace ?? [];
    this.options = init.options ?? {};
  }

  /**
   * The fractional allocation: the one given, else the lottery's (or mixed lottery's) marginals, else the
   * allocation as 0/1 shares. Derived on first use, not in the constructor: audits and experiments build many
   * outcomes and read only their allocations.
   */
  get fractional(): FractionalAllocation | undefined {
    return (this.#fractional ??=
      this.lottery?.marginals() ?? this.mixed?.marginals() ?? this.allocation?.toFractional());
  }

  /**
   * The certificate steps of the trace (`TraceStep.certificate`) by id: what the Outcome JSON carries under
   * `certificates` (e.g. `{ "divider-pairs": [...] }` for the three-agent mechanisms of Babaioff & Frosh), or
   * undefined when the mechanism records none.
   */
  get certificates(): Readonly<Record<string, unknown>> | undefined {
    const steps = this.trace.filter((s) => s.certificate);
    return steps.length ? Object.fromEntries(steps.map((s) => [s.id, s.data])) : undefined;
  }

  /** The support as a list of (probability, allocation): one entry for a deterministic outcome. */
  support(): { p: Rational; allocation: Allocation }[] {
    if (this.lottery) return this.lottery.entries.map((e) => ({ p: e.p, allocation: e.allocation }));
    if (this.allocation) return [{ p: Rational.ONE, allocation: this.allocation }];
    return [];
  }

  /** E[v_i(A_i)] for every agent (for a fractional outcome, sum_g f[i][g] v_i(g)). */
  expectedValues(): Rational[] {
    const f = this.fractional!;
    return this.instance.values.map((row, i) => Rational.sum(row.map((v, g) => v.mul(f.shares[i][g]))));
  }

  /**
   * The Outcome JSON of architecture section 6 (without certify's `certificate`), with the options actually used
   * and the instance, so that the JSON alone reproduces the run (`solve(mechanism, instance, options)`), and the
   * mechanism's own `certificates` (see `certificates`), so that an agent can check them from the file alone.
   */
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = {
      mechanism: this.mechanism,
      kind: this.kind,
      options: this.options,
      instance: this.instance.toJSON(),
    };
    if (this.allocation) out.allocation = this.allocation.toJSON();
    if (this.fractional && this.kind !== 'allocation') out.fractional = this.fractional.toJSON();
    if (this.lottery) out.lottery = this.lottery.toJSON();
    if (this.mixed) out.mixed = this.mixed.toJSON();
    out.claims = this.claims.map((c) => ({
      id: c.id,
      ...(c.rho ? { rho: c.rho.toString() } : {}),
      text: c.text,
      ...(c.params ? { params: c.params } : {}),
    }));
    const certificates = this.certificates;
    if (certificates) out.certificates = certificates;
    return out;
  }

  /**
   * One line for `String(outcome)` and template literals:
   * `Outcome(round-robin, allocation, 3 agents × 6 goods): claims ef1, prop1`.
   */
  toString(): string {
    const what = this.lottery
      ? `lottery of ${this.lottery.size} allocation${this.lottery.size === 1 ? '' : 's'}`
      : this.mixed
        ? `mixed lottery of ${this.mixed.size} allocation${this.mixed.size === 1 ? '' : 's'}`
        : this.kind;
    const claims = this.claims.map((c) => c.id + (c.rho ? `(${c.rho})` : '')).join(', ');
    return `Outcome(${this.mechanism}, ${what}, ${this.instance.n} agents × ${this.instance.m} goods): ${claims ? `claims ${claims}` : 'no claims'}`;
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    const body = this.lottery
      ? `${this.lottery.size} allocations in the support`
      : this.mixed
        ? `${this.mixed.size} mixed allocations in the support`
        : this.allocation
          ? this.allocation.bundles
              .map((b, i) => `${this.instance.agents[i]}: {${b.map((g) => this.instance.goods[g]).join(', ')}}`)
              .join('; ')
          : 'fractional allocation';
    return `Outcome(${this.mechanism}, ${this.kind}): ${body}\n  claims: ${this.claims.map((c) => c.id + (c.rho ? `(${c.rho})` : '')).join(', ')}`;
  }
}
