/**
 * Typed errors. Every error fairdiv throws on bad input is a `FairDivError` with a stable `code` and a
 * message that names the problem and its position, e.g. `values[1][2]: -3 is negative`.
 */

/** Base class of every error raised by fairdiv. */
export class FairDivError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Malformed input: wrong shape, non-finite or negative value, unknown or duplicate name, bad lottery. */
export class InvalidInputError extends FairDivError {}

/** A valid instance outside a mechanism's domain (e.g. n != 2, not bi-valued, m too large). */
export class DomainError extends FairDivError {
  constructor(
    readonly mechanism: string,
    code: string,
    message: string,
  ) {
    super(code, `${mechanism}: ${message}`);
  }
}

/** A computation stopped by its time limit or an AbortSignal before it could answer exactly. */
export class LimitError extends FairDivError {}
