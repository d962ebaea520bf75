/**
 * Faithful implementation of a fractional allocation (Lemma 4.11 of Babaioff, Feige & Manaker Morag, from [BEF22]).
 * The paper only states the properties; the construction is the library's unit-slot Birkhoff–von Neumann
 * decomposition (classic/decomposition.ts) along each agent's strict order, with goods of share 1 given outright
 * and a deterministic matching, so that the lottery depends only on f and the orders (spec A8).
 *
 * Properties (checked in tests, spec C6.5): the lottery induces f exactly; every allocation gives agent i every good
 * with f = 1, none with f = 0, exactly one good of each full slot and at most one of her partial slot; hence
 * |v_i(A_i) - v_i(f_i)| <= max{v_i(x) : 0 < f_ix < 1}. Ordinal: uses only f and the strict orders.
 */
import type { Lottery } from '../../core/allocation';
import type { GoodId } from '../../core/instance';
import type { Rational } from '../../core/rational';
import {
  decomposeExact,
  decomposeScaled,
  type MatchingStrategy,
  type ScaledDecomposition,
  type Slots,
} from '../classic/decomposition';

/** FAITHFUL on a scaled fractional allocation f (n x m BigInt numerators over D, columns summing to D). */
export function faithfulScaled(
  f: readonly (readonly bigint[])[],
  D: bigint,
  orders: readonly (readonly GoodId[])[],
  matching: MatchingStrategy = 'canonical',
): ScaledDecomposition {
  return decomposeScaled(f, D, orders, { fixIntegral: true, matching });
}

/** FAITHFUL on an exact rational fractional allocation f (n x m), as a Lottery. */
export function faithfulLottery(
  f: readonly (readonly Rational[])[],
  orders: readonly (readonly GoodId[])[],
  matching: MatchingStrategy = 'canonical',
): { lottery: Lottery; slots: Slots; D: bigint } {
  return decomposeExact(f, orders, { fixIntegral: true, matching });
}
