/**
 * Daniel Halpern, Alexandros Psomas & Shirley Zhang, "Truthful Fair Division under Stochastic Valuations",
 * 2026, arXiv:2602.12359 (implementation spec: seed-001).
 *
 * Values are drawn from a distribution D and mechanisms are judged on the draw as m -> ∞. Registered here,
 * each with `defineMechanism`: the DSIC Pick family (quota serial dictatorships: pick-r, pick-two-agents,
 * pick-ef-selector, pick-prophet-optimal, pick-near-equal, pick-correlated) and the BIC (not DSIC) ranking
 * and weighted-ranking. QT-s and QTP-s (./core: `qtOwners`, `qtpIndex`) are analysis tools and are not
 * registered, because they are not truthful: an agent could over-report to pass a threshold (pitfall P3).
 *
 * The claims these mechanisms make are checked by `src/checks/stochastic.ts` and `src/checks/alpha-po.ts`.
 * Monte Carlo of the same mechanisms: `simulateMechanism` (./simulation).
 */
import type { ClaimId } from '../../core/claims';
import type { OptionsSchema } from '../options';
import { defineMechanism, type Citation, type IncentiveAudit, type MechanismDefinition } from '../registry';
import {
  pickCorrelated,
  pickEfSelector,
  pickNearEqual,
  pickProphetOptimal,
  pickR,
  pickTwoAgents,
  ranking,
  weightedRanking,
  type PlanSpec,
} from './plans';
import { runPlan } from './run';
import { T17, THREE_BY_FOUR, THREE_BY_SIX, THREE_BY_THREE } from './worked';

export {
  simulateMechanism,
  simulateMechanismSync,
  SIMULATED_MECHANISM_IDS,
  type StochasticSimulationRequest,
} from './simulation';
export { WORKED_INSTANCES, type WorkedInstance } from './worked';

function cite(theorem: string): Citation {
  return {
    authors: 'Halpern, Psomas & Zhang',
    year: 2026,
    title: 'Truthful Fair Division under Stochastic Valuations',
    venue: 'arXiv:2602.12359',
    theorem,
  };
}

const DSIC: IncentiveAudit = { space: 'cardinal', notion: 'DSIC' };
const PICK_CLAIMS: readonly ClaimId[] = ['truthful', 'quota-serial-dictatorship'];

/** What a definition adds to its plan: everything but the id, kind, options, domain and run. */
type Declaration<S extends OptionsSchema> = Omit<MechanismDefinition<S>, 'id' | 'kind' | 'options' | 'domain' | 'run'>;

/** Registers a plan as a mechanism: options, domain and run all come from the plan (./plans, ./run). */
function definePlan<S extends OptionsSchema>(spec: PlanSpec<S>, decl: Declaration<S>): void {
  defineMechanism<S>({
    ...decl,
    id: spec.id,
    kind: 'allocation',
    options: spec.options,
    domain: spec.domain,
    run: (inst, o) => runPlan(inst, spec.plan(inst.n, inst.m, o)),
  });
}

definePlan(pickR, {
  name: 'Pick-r (quota serial dictatorship)',
  citation: cite('Definition 3.4 and Lemma 3.6'),
  claims: [...PICK_CLAIMS, 'asymptotic-welfare-ratio', 'ef-whp'],
  guarantees: [
    'DSIC',
    'welfare ratio alpha(r; D) - o(1) (Lemma 3.6(2))',
    'EF w.h.p. iff all QT margins > 0 (Lemma 3.6(3))',
  ],
  requirements: 'any n; options.r required',
  incentives: DSIC,
  example: {
    source: 'seed-001 spec T17a, Pick-(1/2, 1/2)',
    instance: T17,
    options: { r: ['1/2', '1/2'] },
    expect: {
      allocation: [
        [0, 1],
        [2, 3],
      ],
    },
  },
});

definePlan(pickTwoAgents, {
  name: 'Pick-r0, r0 = (2 - sqrt 2)/2 (two agents)',
  citation: cite('Proposition 3.3 (tight by Theorem 3.1)'),
  claims: [...PICK_CLAIMS, 'asymptotic-welfare-ratio'],
  guarantees: ['DSIC', 'welfare ratio ≥ (2 + sqrt 2)/4 - o(1) for every D (distribution-free)'],
  requirements: 'n = 2',
  incentives: DSIC,
  example: { source: 'seed-001 spec T17a, Pick-r0', instance: T17, expect: { allocation: [[0], [1, 2, 3]] } },
});

definePlan(pickEfSelector, {
  name: 'Theorem 3.7 selector: Pick-r0 or the fallback share',
  citation: cite('Theorem 3.7 (Appendix E); robust variant of spec 3.6'),
  claims: [...PICK_CLAIMS, 'asymptotic-welfare-ratio', 'ef-whp'],
  guarantees: ['DSIC', 'EF w.h.p.', 'welfare ratio ≥ (2 + sqrt 2)/4 - o(1)'],
  requirements: 'n = 2; options.dist required',
  incentives: DSIC,
  example: {
    source: 'seed-001 spec T17a; Exp(1) takes the r0 branch',
    instance: T17,
    options: { dist: 'exp:1' },
    expect: { allocation: [[0], [1, 2, 3]] },
  },
});

definePlan(pickProphetOptimal, {
  name: 'Prophet-optimal Pick-r (backward induction)',
  citation: cite('Corollary 3.9 via Proposition 3.8'),
  claims: [...PICK_CLAIMS, 'asymptotic-welfare-ratio'],
  guarantees: ['DSIC', 'welfare ratio alpha_DP(D, n) ≥ 1/a_n ≥ beta ≈ 0.745 - o(1)'],
  requirements: 'any n; options.dist required',
  incentives: DSIC,
  example: {
    source: 'hand-made: three agents, three goods',
    instance: THREE_BY_THREE,
    options: { dist: 'uniform:0,1' },
    expect: { allocation: [[2], [0], [1]] },
  },
});

definePlan(pickNearEqual, {
  name: 'Near-equal Pick-r (1/n - eps, ..., 1/n + (n-1) eps)',
  citation: cite('Theorem 3.10'),
  claims: [...PICK_CLAIMS, 'asymptotic-welfare-ratio', 'ef-whp'],
  guarantees: ['DSIC', 'EF w.h.p.', 'welfare ratio ≥ 1/2 - o(1)'],
  requirements: 'any n (n < 50 for the default eps without options.dist)',
  incentives: DSIC,
  example: {
    source: 'hand-made: three agents, four goods',
    instance: THREE_BY_FOUR,
    options: { dist: 'uniform:0,1' },
    expect: { allocation: [[3], [0], [1, 2]] },
  },
});

definePlan(pickCorrelated, {
  name: 'Appendix B Pick for correlated values (two agents)',
  citation: cite('Appendix B'),
  claims: [...PICK_CLAIMS, 'ef-implies-half-welfare'],
  guarantees: [
    'DSIC',
    'EF w.h.p. under the correlation assumption (margins depend on the joint)',
    'EF ⇒ welfare ≥ OPT/2',
  ],
  requirements: 'n = 2; options.dists (the two marginals) or options.dist',
  incentives: DSIC,
  example: {
    source: 'seed-001 spec T17a with marginals U[0,1] and Exp(1)',
    instance: T17,
    options: { dists: ['uniform:0,1', 'exp:1'] },
    expect: { allocation: [[0, 1, 2, 3], []] },
  },
});

definePlan(ranking, {
  name: 'Ranking (each item to the agent ranking it highest)',
  citation: cite('Algorithm 1 and Theorem 4.1'),
  claims: ['bic-ranking'],
  guarantees: ['BIC (not DSIC)', 'welfare ratio 1 - o(1)', 'EF w.h.p.', 'prior-independent'],
  requirements: 'any n; uses only the orders of the bids',
  example: { source: 'seed-001 spec T17a, Ranking', instance: T17, expect: { allocation: [[0], [1, 2, 3]] } },
});

definePlan(weightedRanking, {
  name: 'Weighted Ranking with Bai–Gölz weights',
  citation: cite('Algorithm 2 and Theorem A.1 (corrected, spec P9)'),
  claims: ['bic-weighted-ranking', 'alpha-po'],
  guarantees: ['BIC', 'EF w.h.p.', '(1 - eps)-PO w.h.p.'],
  requirements: 'options.dists (one continuous distribution per agent) or options.dist',
  example: {
    source: 'hand-made: priors U[0,1], U[0,1/2], U[1/4,3/4] (spec T20)',
    instance: THREE_BY_SIX,
    options: { dists: ['uniform:0,1', 'uniform:0,0.5', 'uniform:0.25,0.75'] },
    expect: {
      allocation: [
        [0, 4],
        [1, 5],
        [2, 3],
      ],
    },
  },
});
