/**
 * The worked instances of seed-003 spec section 5, as instance JSON (the paper itself has no numeric
 * examples; each instance was constructed or reconstructed for the spec). Tests, notebooks and the registry
 * examples share them. Divisible goods come last; `bivalued` is declared wherever an algorithm needs it.
 */
import type { InstanceJSON } from '../../core/instance';

export interface WorkedInstance {
  /** The spec's label, e.g. "A3-L10". */
  readonly label: string;
  /** What the instance exercises. */
  readonly about: string;
  readonly instance: InstanceJSON;
}

export const WORKED_INSTANCES: readonly WorkedInstance[] = [
  {
    label: 'A3-EMPTY',
    about: 'Algorithm 3 with no goods: line 2 returns the empty allocation',
    instance: { values: [[], []] },
  },
  { label: 'A3-L3', about: 'Algorithm 3 ends at line 3', instance: { values: [[0], [6]] } },
  {
    label: 'A3-L11',
    about: 'Algorithm 3 ends at line 11',
    instance: {
      values: [
        [2, 6],
        [0, 3],
      ],
    },
  },
  {
    label: 'A3-ID',
    about: 'Algorithm 3 with identical goods',
    instance: {
      values: [
        [1, 1, 1],
        [1, 1, 1],
      ],
    },
  },
  {
    label: 'A3-L10',
    about: 'Algorithm 3 ends at line 10 after one LocalSearch in the loop',
    instance: {
      values: [
        [3, 1, 5, 6],
        [6, 4, 4, 5],
      ],
    },
  },
  {
    label: 'M3-L3',
    about: 'two-agent mixed procedure: Algorithm 3 ends at line 3',
    instance: {
      goods: ['g0', 'cake'],
      values: [
        [0, 6],
        [6, 3],
      ],
      divisible: [1],
    },
  },
  {
    label: 'M3-TR',
    about: 'two-agent mixed procedure: the fractional transfer (alpha = 1/3)',
    instance: {
      goods: ['g0', 'cake'],
      values: [
        [2, 6],
        [0, 4],
      ],
      divisible: [1],
    },
  },
  {
    label: 'M3-L11',
    about: 'two-agent mixed procedure: the coin lottery, cake in the poorer bundle',
    instance: {
      goods: ['g0', 'cake'],
      values: [
        [2, 1],
        [2, 1],
      ],
      divisible: [1],
    },
  },
  {
    label: 'M3-L10',
    about: 'two-agent mixed procedure: line 10 with the cake in the poorer bundle',
    instance: {
      goods: ['g0', 'g1', 'g2', 'cake'],
      values: [
        [3, 2, 4, 4],
        [6, 1, 5, 6],
      ],
      divisible: [3],
    },
  },
  {
    label: 'A1-TINY',
    about: 'Algorithm 1 (Theorem 4.3): one good, one cake, two agents',
    instance: {
      goods: ['g0', 'cake'],
      values: [
        [1, 1],
        [1, 1],
      ],
      divisible: [1],
    },
  },
  {
    label: 'A5-TIGHT',
    about: 'Algorithm 5 then Algorithm 1; agents 0 and 1 get exactly their PROP share',
    instance: {
      values: [
        [2, 1, 1, 1, 1, 1, 1, 1, 1],
        [2, 1, 1, 1, 1, 1, 1, 1, 1],
        [1, 2, 2, 2, 2, 1, 1, 1, 1],
      ],
      divisible: [8],
      bivalued: [1, 2],
    },
  },
  {
    label: 'E2E-B3',
    about: 'the full PROP-EFM pipeline reaches B.3 (water-filling fractions such as 13/18)',
    instance: {
      values: [
        [2, 1, 2, 1, 1, 2, 1, 2],
        [1, 2, 2, 2, 1, 2, 1, 1],
        [2, 1, 1, 2, 1, 1, 1, 3],
      ],
      divisible: [7],
      bivalued: [1, 2],
    },
  },
  {
    label: 'B3-LIT',
    about: "B.3 run directly: the paper's literal step order breaks ex-ante PROP",
    instance: {
      values: [
        [1, 4, 1, 1, 1, 1, 0],
        [4, 4, 1, 1, 1, 1, 3],
        [1, 4, 1, 1, 1, 1, 8],
        [1, 4, 1, 1, 1, 4, 9],
      ],
      divisible: [6],
      bivalued: [1, 4],
    },
  },
  {
    label: 'A2-FREEZE',
    about: 'Algorithm 2 with freezing (Fz = 2)',
    instance: {
      values: [
        [1, 1, 3, 3, 1, 1],
        [1, 1, 1, 3, 1, 1],
        [1, 1, 1, 3, 1, 1],
      ],
      bivalued: [1, 3],
    },
  },
  {
    label: 'A2-FWD',
    about: 'Algorithm 2: the reversed order of line 13 is essential for EFX',
    instance: {
      values: [
        ['3/2', 1, 1],
        ['3/2', 1, 1],
      ],
      bivalued: [1, '3/2'],
    },
  },
  {
    label: 'A2-NOSWAP',
    about: 'Algorithm 2: the return loop of lines 6-9 is essential for fPO',
    instance: {
      values: [
        [2, 2, 2, 2],
        [2, 2, 1, 1],
      ],
      bivalued: [1, 2],
    },
  },
  {
    label: 'A2-MLTN',
    about: 'Algorithm 2 with fewer goods than agents (final-step augmenting path)',
    instance: {
      values: [
        [2, 1],
        [2, 2],
        [1, 1],
      ],
      bivalued: [1, 2],
    },
  },
  {
    label: 'X1',
    about: 'Aziz et al. 2024a, Theorem 5 (reconstructed): personalized pairs, no ex-ante EF + ex-post EF1 + fPO',
    instance: {
      values: [
        [3, 1],
        [2, 1],
      ],
      bivalued: [
        [1, 3],
        [1, 2],
      ],
    },
  },
  {
    label: 'WF-PINGPONG',
    about: 'water-filling: one addition with the maximal addable set',
    instance: {
      values: [
        [1, 0, 100],
        [0, 1, 100],
      ],
      divisible: [2],
    },
  },
  {
    label: 'WF-ROTATE',
    about: 'water-filling: no addable set, a rotation first',
    instance: {
      values: [
        [1, 1],
        [0, 1],
        [1, 1],
      ],
      divisible: [1],
    },
  },
];

/** The worked instance with this label (throws for an unknown label). */
export function workedInstance(label: string): InstanceJSON {
  const w = WORKED_INSTANCES.find((x) => x.label === label);
  if (!w) throw new Error(`no worked instance ${label} (known: ${WORKED_INSTANCES.map((x) => x.label).join(', ')})`);
  return w.instance;
}
