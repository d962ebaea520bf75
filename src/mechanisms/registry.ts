/**
 * The mechanism registry: every mechanism with its paper, theorem, claims and input requirements, so
 * that `solve`, the CLI, notebooks and the README can enumerate them.
 */
import { DomainError, InvalidInputError } from '../core/errors';
import type { Instance } from '../core/instance';
import type { Outcome, OutcomeKind } from '../core/outcome';
import type { MisreportSpace } from '../checks/incentives';

export interface MechanismInfo {
  /** kebab-case id used by `solve` and the CLI. */
  readonly id: string;
  readonly name: string;
  /** Where it comes from, e.g. "paper 000, Theorem 1" or "classic". */
  readonly source: string;
  readonly kind: OutcomeKind;
  /** The guarantees it claims, in words (the Outcome carries them as checkable claims). */
  readonly guarantees: readonly string[];
  /** Input requirements in words (e.g. "n = 2", "bi-valued"). */
  readonly requirements: string;
  /** How its truthfulness is audited, when it claims truthfulness. */
  readonly incentives?: { readonly space: MisreportSpace; readonly notion: 'DSIC' | 'TIE' | 'universally truthful' };
  run(inst: Instance, options?: Record<string, unknown>): Outcome;
}

const registry = new Map<string, MechanismInfo>();

/** Adds a mechanism; ids are unique. */
export function registerMechanism(info: MechanismInfo): MechanismInfo {
  if (registry.has(info.id)) throw new Error(`mechanism ${info.id} registered twice`);
  registry.set(info.id, info);
  return info;
}

/** Every registered mechanism, in registration order. */
export function list(): MechanismInfo[] {
  return [...registry.values()];
}

/** The mechanism with this id; throws `unknown-mechanism` listing the known ids. */
export function mechanism(id: string): MechanismInfo {
  const m = registry.get(id);
  if (!m) throw new InvalidInputError('unknown-mechanism', `unknown mechanism "${id}" (known: ${[...registry.keys()].join(', ')})`);
  return m;
}

/** Throws a DomainError unless `ok`. */
export function requireDomain(ok: boolean, mechanismId: string, code: string, message: string): void {
  if (!ok) throw new DomainError(mechanismId, code, message);
}
