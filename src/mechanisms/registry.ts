/**
 * The mechanism registry and its one builder, `defineMechanism`: every mechanism is declared with its
 * citation, kind, the claim ids it may make, an options schema, a domain check, a worked example and a
 * `run` that returns the allocation / fractional allocation / lottery with claims and trace. The builder
 * parses the options strictly (src/mechanisms/options.ts), checks the domain, and fills in the Outcome's
 * mechanism id, kind, instance and the options actually used (defaults and seeds included), so an Outcome
 * JSON is enough to reproduce the run. `solve`, the CLI, notebooks and the README enumerate the registry.
 */
import type { Allocation, FractionalAllocation, Lottery } from '../core/allocation';
import type { ClaimId } from '../core/claims';
import { DomainError, InvalidInputError } from '../core/errors';
import type { Instance, InstanceJSON } from '../core/instance';
import type { MixedLottery } from '../core/mixed-allocation';
import { Outcome, type Claim, type OutcomeKind, type TraceStep } from '../core/outcome';
import type { MisreportSpace } from '../checks/incentives';
import { describeOptions, parseOptions, type OptionsSchema, type ParsedOptions } from './options';

/** Where a mechanism comes from, in full. */
export interface Citation {
  /** e.g. "Babaioff, Feige & Manaker Morag". */
  readonly authors: string;
  /** Omitted for folklore ("classic") mechanisms. */
  readonly year?: number;
  readonly title: string;
  /** The result implemented, e.g. "Theorem 1 (Lemma 4.2)". */
  readonly theorem: string;
  /** Journal, conference or arXiv id, when there is one. */
  readonly venue?: string;
}

/** How a mechanism's truthfulness is audited, when it claims truthfulness. */
export interface IncentiveAudit {
  readonly space: MisreportSpace;
  readonly notion: 'DSIC' | 'TIE' | 'universally truthful' | 'BIC';
}

/** The outcome a worked example must produce (any subset of these fields is compared exactly). */
export interface ExampleExpectation {
  /** Bundles as good indices, per agent. */
  readonly allocation?: readonly (readonly number[])[];
  /** The lottery's support as in the Outcome JSON (probabilities as exact strings). */
  readonly lottery?: readonly { readonly p: string; readonly allocation: readonly (readonly number[])[] }[];
  /** The fractional allocation as exact strings, agents x goods. */
  readonly fractional?: readonly (readonly string[])[];
  readonly supportSize?: number;
}

/** A worked instance with options and the exact expected outcome; one test runs `solve` + `certify` on all. */
export interface MechanismExample {
  /** Where the instance comes from, e.g. "paper 000, Figure 1" or "hand-made". */
  readonly source: string;
  readonly instance: InstanceJSON;
  readonly options?: Readonly<Record<string, unknown>>;
  readonly expect: ExampleExpectation;
}

/** A domain violation: the mechanism does not apply to this (valid) instance. */
export interface DomainViolation {
  readonly code: string;
  readonly message: string;
}

/**
 * What `run` returns: exactly one of allocation / lottery / fractional / mixed (a lottery over mixed allocations,
 * whose outcome has kind `fractional`: the allocation it implements), plus claims and trace.
 */
export type MechanismResult = (
  | { readonly allocation: Allocation; readonly lottery?: undefined; readonly fractional?: FractionalAllocation }
  | { readonly lottery: Lottery; readonly allocation?: undefined; readonly fractional?: FractionalAllocation }
  | { readonly fractional: FractionalAllocation; readonly allocation?: undefined; readonly lottery?: undefined }
  | {
      readonly mixed: MixedLottery;
      readonly allocation?: undefined;
      readonly lottery?: undefined;
      readonly fractional?: undefined;
    }
) & {
  readonly claims: readonly Claim[];
  readonly trace?: readonly TraceStep[];
  /**
   * Choices made during the run that a reproduction needs and the caller did not give (e.g. the agent order
   * sampled from the seed); recorded on the Outcome's options beside the parsed ones.
   */
  readonly resolved?: Readonly<Record<string, unknown>>;
};

/** The declaration `defineMechanism` takes. */
export interface MechanismDefinition<S extends OptionsSchema> {
  /** kebab-case id used by `solve` and the CLI; says what the mechanism is. */
  readonly id: string;
  /** Descriptive name. */
  readonly name: string;
  readonly citation: Citation;
  readonly kind: OutcomeKind;
  /** Every claim id the mechanism may make (its Outcome's claims are checked against this list). */
  readonly claims: readonly ClaimId[];
  /** The guarantees in words, for `fairdiv list` and the README. */
  readonly guarantees: readonly string[];
  /** Input requirements in words (options are listed from the schema). */
  readonly requirements: string;
  readonly options: S;
  readonly incentives?: IncentiveAudit;
  /** The domain check, after the options are parsed; a violation becomes a `DomainError`. */
  domain?(inst: Instance, options: ParsedOptions<S>): DomainViolation | undefined;
  run(inst: Instance, options: ParsedOptions<S>): MechanismResult;
  readonly example: MechanismExample;
}

/** A registered mechanism, as `list()` and `mechanism(id)` return it. */
export interface MechanismInfo {
  readonly id: string;
  readonly name: string;
  readonly citation: Citation;
  /** "authors year, theorem": the short source line of `fairdiv list` and the README table. */
  readonly source: string;
  readonly kind: OutcomeKind;
  readonly claimIds: readonly ClaimId[];
  readonly guarantees: readonly string[];
  readonly requirements: string;
  /** "key (description)" per option, from the schema. */
  readonly options: readonly string[];
  readonly optionKeys: readonly string[];
  readonly incentives?: IncentiveAudit;
  readonly example: MechanismExample;
  /** Parses the options, checks the domain, runs, and fills in the Outcome. */
  run(inst: Instance, options?: unknown): Outcome;
}

const registry = new Map<string, MechanismInfo>();

/** "Authors year, theorem" from a citation. */
export function sourceLine(c: Citation): string {
  return `${c.authors}${c.year ? ` ${c.year}` : ''}, ${c.theorem}`;
}

/**
 * Declares and registers a mechanism (ids are unique). The returned entry's `run` parses the options
 * against the schema (unknown keys and bad values are typed errors), checks the domain, runs, checks that
 * every claim made is one the definition declares, and builds the Outcome with the options actually used.
 */
export function defineMechanism<S extends OptionsSchema>(def: MechanismDefinition<S>): MechanismInfo {
  if (registry.has(def.id)) throw new Error(`mechanism ${def.id} registered twice`);
  const declared = new Set<string>(def.claims);
  const info: MechanismInfo = {
    id: def.id,
    name: def.name,
    citation: def.citation,
    source: sourceLine(def.citation),
    kind: def.kind,
    claimIds: def.claims,
    guarantees: def.guarantees,
    requirements: def.requirements,
    options: describeOptions(def.options),
    optionKeys: Object.keys(def.options),
    incentives: def.incentives,
    example: def.example,
    run(inst, rawOptions) {
      const { parsed, used } = parseOptions(def.id, def.options, rawOptions, inst);
      const violation = def.domain?.(inst, parsed);
      if (violation) throw new DomainError(def.id, violation.code, violation.message);
      const r = def.run(inst, parsed);
      for (const c of r.claims)
        if (!declared.has(c.id)) throw new Error(`${def.id} made claim ${c.id}, which its definition does not declare`);
      return new Outcome({
        mechanism: def.id,
        instance: inst,
        allocation: r.allocation,
        lottery: r.lottery,
        fractional: r.fractional,
        mixed: 'mixed' in r ? r.mixed : undefined,
        claims: r.claims,
        trace: r.trace,
        options: { ...used, ...(r.resolved ?? {}) },
      });
    },
  };
  registry.set(def.id, info);
  return info;
}

/** Every registered mechanism, in registration order. */
export function list(): MechanismInfo[] {
  return [...registry.values()];
}

/** The mechanism with this id; throws `unknown-mechanism` listing the known ids. */
export function mechanism(id: string): MechanismInfo {
  if (typeof id !== 'string')
    throw new InvalidInputError('bad-argument', `mechanism id: expected a string, got ${JSON.stringify(id)}`);
  const m = registry.get(id);
  if (!m)
    throw new InvalidInputError(
      'unknown-mechanism',
      `unknown mechanism "${id}" (known: ${[...registry.keys()].join(', ')})`,
    );
  return m;
}

/** The mechanism with this id, or `undefined` (for outcomes produced elsewhere). */
export function findMechanism(id: string): MechanismInfo | undefined {
  return registry.get(id);
}

/** A domain violation when `ok` is false (for `domain` checks). */
export function violation(ok: boolean, code: string, message: string): DomainViolation | undefined {
  return ok ? undefined : { code, message };
}
