/**
 * Algorithm 1 of Bai & Gölz (IJCAI 2022, Theorem 5; seed-004 spec 3.3) and the refinement schedule the authors ran
 * in their experiments (spec 3.4).
 *
 * Algorithm 1: with eps = delta / (2q) and integer exponents z (beta_i = (1 + eps)^{z_i}), query the oracle; stop when
 * every |p_i - 1/n| ≤ delta; otherwise raise every agent with p_i ≤ 1/n by one step. Each step moves every p_i by at
 * most 2 q eps = delta in a known direction (Lemma 14), agents within delta of 1/n stay there, and an agent above
 * 1/n + delta is never raised, which bounds the number of rounds by (n - 1) ceil(log_{1+eps} R) + 1 with R just above
 * 2q (Lemma 12, as reconstructed in spec 1.10). The guarantee needs PDFs ≤ q and supports within [0, 1].
 *
 * [DECISION] The step rule raises agents with p_i ≤ 1/n (the authors' code), not < 1/n (the prose); both terminate,
 * and only ≤ reproduces the reference rounds (spec pitfall 3). Integer exponents avoid drift; the refinement
 * variant multiplies floats in place, as the authors' code does, so that its output is bit-identical to theirs.
 *
 * [DECISION] Every loop has a cap of 2((n - 1) ceil(ln R / ln(1 + eps)) + 1) + 10 rounds (slack for quadrature noise
 * and for q that is not a true bound, as for the Beta agents); past it the result says `converged: false`.
 */
import { InvalidInputError } from '../../core/errors';
import type { DensityDistribution } from '../../stochastic/density';
import { resultingProbabilities } from './oracle';

/** What an equalizer returns. */
export interface EqualizationResult {
  readonly beta: number[];
  /** p(beta) at the returned beta. */
  readonly p: number[];
  /** max_i |p_i - 1/n|. */
  readonly deviation: number;
  /** The accuracy the run aimed for (the last phase's delta for the refinement schedule). */
  readonly delta: number;
  /** Oracle rounds (each evaluates all n probabilities). */
  readonly rounds: number;
  readonly converged: boolean;
  /** The oracle's stated error at the returned beta. */
  readonly oracleError: number;
  /** p after every round, when `record` was set (for plots of the convergence). */
  readonly history?: readonly (readonly number[])[];
}

export interface Algorithm1Result extends EqualizationResult {
  /** The exponents z with beta_i = (1 + eps)^{z_i}. */
  readonly exponents: number[];
  readonly epsilon: number;
}

export interface RefinementResult extends EqualizationResult {
  /** Steps (rounds that changed beta) in each phase delta = 1/2, 1/4, ... */
  readonly stepsPerPhase: number[];
}

export interface Algorithm1Options {
  /** Target accuracy delta in (0, 1). */
  readonly delta: number;
  /** The density bound q (> 0). */
  readonly q: number;
  /** Keep p of every round in `history`. */
  readonly record?: boolean;
}

function checkAccuracy(delta: number, q: number, where: string): void {
  if (!(delta > 0 && delta < 1))
    throw new InvalidInputError('bad-delta', `${where}: delta = ${delta} must lie in (0, 1)`);
  if (!(q > 0 && Number.isFinite(q)))
    throw new InvalidInputError('bad-q', `${where}: q = ${q} must be a positive finite number`);
}

/** The round cap of the module header for n agents, step eps and bound q (q ≥ 1 for supports within [0, 1]). */
export function roundCap(n: number, eps: number, q: number): number {
  const R = 2 * Math.max(q, 1) * (1 + 1e-9);
  return 2 * ((n - 1) * Math.ceil(Math.log(R) / Math.log1p(eps)) + 1) + 10;
}

function deviation(p: readonly number[]): number {
  const target = 1 / p.length;
  return Math.max(...p.map((x) => Math.abs(x - target)));
}

/** Algorithm 1 (Theorem 5): beta with |p_i(beta) - 1/n| ≤ delta for all i, in poly(n, q, 1/delta) oracle rounds. */
export function algorithm1(dists: readonly DensityDistribution[], opts: Algorithm1Options): Algorithm1Result {
  const { delta, q } = opts;
  checkAccuracy(delta, q, 'algorithm1');
  const n = dists.length;
  const eps = delta / (2 * q);
  const cap = roundCap(n, eps, q);
  const z = new Array<number>(n).fill(0);
  const history: number[][] = [];
  for (let round = 1; ; round++) {
    const beta = z.map((k) => (1 + eps) ** k);
    const { p, error } = resultingProbabilities(dists, beta);
    if (opts.record) history.push(p);
    const dev = deviation(p);
    if (dev <= delta || round >= cap)
      return {
        beta,
        p,
        deviation: dev,
        delta,
        rounds: round,
        converged: dev <= delta,
        oracleError: error,
        exponents: z.slice(),
        epsilon: eps,
        ...(opts.record ? { history } : {}),
      };
    for (let i = 0; i < n; i++) if (p[i] <= 1 / n) z[i]++;
  }
}

/**
 * The authors' refinement schedule (spec 3.4): phases delta_w = 1/2, 1/4, ... down to the first ≤ delta, each running
 * Algorithm 1's step rule with eps = delta_w / (2q) from the previous phase's multipliers (multiplied in place).
 * With delta = 1e-5 the last phase is 2^-17 = 7.62939453125e-6.
 */
export function refinedAlgorithm1(dists: readonly DensityDistribution[], opts: Algorithm1Options): RefinementResult {
  const { delta, q } = opts;
  checkAccuracy(delta, q, 'refinedAlgorithm1');
  const n = dists.length;
  const beta = new Array<number>(n).fill(1);
  const history: number[][] = [];
  const stepsPerPhase: number[] = [];
  let rounds = 0;
  let working = 1;
  let last = resultingProbabilities(dists, beta);
  let converged = true;
  while (working > delta) {
    working /= 2;
    const eps = working / (2 * q);
    const cap = roundCap(n, eps, q);
    let steps = 0;
    for (let phaseRound = 1; ; phaseRound++) {
      last = resultingProbabilities(dists, beta);
      rounds++;
      if (opts.record) history.push(last.p);
      if (deviation(last.p) <= working) break;
      if (phaseRound >= cap) {
        converged = false;
        break;
      }
      for (let i = 0; i < n; i++) if (last.p[i] <= 1 / n) beta[i] *= 1 + eps;
      steps++;
    }
    stepsPerPhase.push(steps);
    if (!converged) break;
  }
  const dev = deviation(last.p);
  return {
    beta: beta.slice(),
    p: last.p,
    deviation: dev,
    delta: working,
    rounds,
    converged: converged && dev <= working,
    oracleError: last.error,
    stepsPerPhase,
    ...(opts.record ? { history } : {}),
  };
}
