/**
 * Worked instances of paper 001 (Halpern, Psomas & Zhang), shared by the registry examples and the tests.
 * T17 is the spec's tiny deterministic instance (seed-001 §5.5); the others are small hand-made instances
 * on which every claim of the mechanism is checkable exactly (m ≤ 4 for the exhaustive DSIC audit).
 */
import type { InstanceJSON } from '../../core/instance';

export interface WorkedInstance {
  readonly id: string;
  readonly source: string;
  readonly instance: InstanceJSON;
}

/** T17a: v_1 = (0.9, 0.8, 0.3, 0.1), v_2 = (0.2, 0.95, 0.6, 0.5). */
export const T17: InstanceJSON = {
  values: [
    ['9/10', '4/5', '3/10', '1/10'],
    ['1/5', '19/20', '3/5', '1/2'],
  ],
};
/** Two agents with opposite preferences over six goods. */
export const TWO_BY_SIX: InstanceJSON = {
  values: [
    [1, 2, 3, 4, 5, 6],
    [6, 5, 4, 3, 2, 1],
  ],
};
/** Three agents, three goods, one indifferent agent. */
export const THREE_BY_THREE: InstanceJSON = {
  values: [
    [1, 2, 3],
    [3, 1, 2],
    [2, 2, 2],
  ],
};
/** Three agents, four goods, one indifferent agent. */
export const THREE_BY_FOUR: InstanceJSON = {
  values: [
    [1, 2, 3, 4],
    [4, 3, 2, 1],
    [2, 2, 2, 2],
  ],
};
/** Three agents whose values lie in the supports of U[0,1], U[0,1/2] and U[1/4,3/4] (spec T20's priors). */
export const THREE_BY_SIX: InstanceJSON = {
  values: [
    ['9/10', '1/10', '1/2', '3/10', '7/10', '1/5'],
    ['2/5', '9/20', '1/20', '1/5', '1/10', '3/10'],
    ['3/5', '3/10', '7/10', '1/2', '2/5', '13/50'],
  ],
};

export const WORKED_INSTANCES: readonly WorkedInstance[] = [
  { id: 'T17', source: 'seed-001 spec T17a (§5.5)', instance: T17 },
  { id: 'two-by-six', source: 'hand-made', instance: TWO_BY_SIX },
  { id: 'three-by-three', source: 'hand-made', instance: THREE_BY_THREE },
  { id: 'three-by-four', source: 'hand-made', instance: THREE_BY_FOUR },
  { id: 'three-by-six', source: "hand-made, values in the supports of spec T20's priors", instance: THREE_BY_SIX },
];
