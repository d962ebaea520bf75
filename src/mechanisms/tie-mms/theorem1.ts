/**
 * Theorem 1 of paper 000 (mechanism M1, `tie-mms-ordinal`): CUQ(v, pi) for a fixed report-independent ordering pi,
 * implemented by Lemma 4.2 with the harmonic portion matrix. TIE (ordinal), ex-ante PROP, ex-post 1/(H_{n-1}+2)-TPS
 * (hence -MMS), support <= (n-1)m + 1 once the support is reduced (see `Lemma42Options.reduce`).
 */
import type { Instance } from '../../core/instance';
import type { Ordering } from './cyclic-picking';
import { lemma42, type Lemma42Options, type Lemma42Result } from './lemma42';
import { harmonicPortions } from './portion-matrix';

/** Theorem 1: the Lemma 4.2 pipeline with beta_ij = 1/((n - pi^(j)_i + 1) H_n). */
export function theorem1(inst: Instance, pi: Ordering, opts: Lemma42Options = {}): Lemma42Result {
  return lemma42(inst, pi, harmonicPortions(pi), opts);
}
