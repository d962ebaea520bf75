/**
 * Correlated values for two agents (paper 001 Appendix B; spec 3.11, T21): per item the pair
 * (v_1j, v_2j) is drawn from a joint distribution, i.i.d. across items. The Gaussian copula with
 * correlation rho and arbitrary marginals is provided. The Appendix B Pick: the agent with the larger
 * half-value quantile tau_i (Top_i(tau_i) = mu_i/2) picks first, taking the share r = 1 - tau_first + eps.
 * EF w.h.p. needs the second agent's value of the first bundle below half its total:
 * E[v_2 1{F_1(v_1) ≥ tau_1 - eps}] < mu_2/2, which depends on the joint and is estimated by Monte Carlo.
 */
import { InvalidInputError } from '../core/errors';
import { rng as makeRng, type Rng } from '../core/rng';
import { halfValueQuantile } from './analytics';
import type { Distribution } from './distribution';
import { normalCdf } from './special';

export interface JointDistribution {
  readonly name: string;
  readonly marginals: readonly Distribution[];
  /** One draw of the value vector (one entry per agent), plus the agents' quantiles. */
  sample(r: Rng): { values: number[]; quantiles: number[] };
}

/** Gaussian copula with correlation rho between the two agents and the given marginals. */
export function gaussianCopula(rho: number, marginals: readonly [Distribution, Distribution]): JointDistribution {
  if (!(rho >= -1 && rho <= 1))
    throw new InvalidInputError('bad-parameter', `gaussianCopula: rho = ${rho} must be in [-1, 1]`);
  if (marginals.length !== 2) throw new InvalidInputError('bad-parameter', 'gaussianCopula: needs two marginals');
  const c = Math.sqrt(Math.max(0, 1 - rho * rho));
  return {
    name: `GaussianCopula(rho=${rho}; ${marginals.map((d) => d.name).join(', ')})`,
    marginals,
    sample(r) {
      const u1 = 1 - r.float(),
        u2 = r.float();
      const rad = Math.sqrt(-2 * Math.log(u1));
      const z1 = rad * Math.cos(2 * Math.PI * u2);
      const z2 = rad * Math.sin(2 * Math.PI * u2);
      const q1 = normalCdf(z1),
        q2 = normalCdf(rho * z1 + c * z2);
      return { values: [marginals[0].quantile(q1), marginals[1].quantile(q2)], quantiles: [q1, q2] };
    },
  };
}

export interface CorrelatedPickChoice {
  /** Agent picking first (0 or 1) and the other. */
  readonly order: readonly [number, number];
  /** Half-value quantiles tau_i of the marginals. */
  readonly tau: readonly [number, number];
  /** First picker's share r = 1 - tau_first + eps. */
  readonly r: number;
  readonly eps: number;
}

/** Appendix B's choice: first picker = argmax tau_i (ties -> agent 0), r = 1 - tau_first + eps. */
export function correlatedPickChoice(marginals: readonly Distribution[], eps: number): CorrelatedPickChoice {
  if (marginals.length !== 2)
    throw new InvalidInputError(
      'bad-parameter',
      `correlatedPickChoice: needs exactly two marginals, got ${marginals.length}`,
    );
  const tau = [halfValueQuantile(marginals[0]), halfValueQuantile(marginals[1])] as [number, number];
  const first = tau[1] > tau[0] ? 1 : 0;
  if (!(eps > 0 && eps < tau[first]))
    throw new InvalidInputError(
      'bad-parameter',
      `correlatedPickChoice: eps = ${eps} must be in (0, tau_first = ${tau[first]})`,
    );
  return { order: [first, 1 - first], tau, r: 1 - tau[first] + eps, eps };
}

/**
 * Monte Carlo (QT limit) shares of the Appendix B Pick: the first picker's own share of its total
 * (needs > 1/2) and the second agent's value of the first bundle as a share of its total (needs < 1/2).
 */
export function correlatedShares(
  joint: JointDistribution,
  choice: CorrelatedPickChoice,
  samples = 1e6,
  seed: number | string = 0,
): { firstOwn: number; secondOfFirst: number; efWhp: boolean; samples: number } {
  const r = makeRng(seed);
  const [f, s] = choice.order;
  const cut = 1 - choice.r;
  let own = 0,
    totF = 0,
    other = 0,
    totS = 0;
  for (let k = 0; k < samples; k++) {
    const { values, quantiles } = joint.sample(r);
    totF += values[f];
    totS += values[s];
    if (quantiles[f] >= cut) {
      own += values[f];
      other += values[s];
    }
  }
  const firstOwn = own / totF,
    secondOfFirst = other / totS;
  return { firstOwn, secondOfFirst, efWhp: firstOwn > 0.5 && secondOfFirst < 0.5, samples };
}
