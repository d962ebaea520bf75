/**
 * The experiment protocols of Bai & Gölz (IJCAI 2022, Section 5 and Appendix F; seed-004 spec 5.8), as data: the
 * agents, the multipliers, the values of m, the columns with their limits, the random stream and the authors'
 * reference counts.
 *
 * * `bai-golz-fig3`: ten peak agents, m = 10 ... 10000; EF of the multiplier allocation and of round robin at every m,
 *   EF of rounded MNW for m ≤ 2000, PO of round robin for m ≤ 500 (the limits of the authors' code).
 * * `bai-golz-fig5`: the same at the offset m = 13, 23, ..., 1003 (n does not divide m).
 * * `bai-golz-fig6`: five Beta agents, m = 5 ... 200; EF and EF1 of the multiplier allocation, round robin, rounded and
 *   integral MNW, and PO of round robin.
 * * `bai-golz-symmetric-peaks` / `bai-golz-symmetric-beta`: EF of welfare maximization for ten copies of the peak
 *   a = 5/11 at m = 500 and five copies of Beta(5, 1) at m = 1000.
 *
 * The random stream (spec 3.14): NumPy's legacy RandomState (src/stochastic/numpy-random-state.ts) seeded with m
 * before the trials of m, the trials drawn in order, agent by agent (the authors' `np.random.seed(m)`, `rand(m, 3)` for
 * the peaks and `scipy.stats.beta.rvs(a, b, size=m)` for the Beta agents), so every experiment replays the authors'
 * utilities: bit for bit for the peaks, and to the last bit or within one unit of it for the Beta agents (JavaScript's
 * `Math.log` and `Math.pow` round differently from the C library now and then). Spec pitfall 19 expected the Beta
 * sampler to be impractical to replay; with NumPy's legacy algorithms it is, and the Beta counts match too.
 */
import { InvalidInputError } from '../core/errors';
import { AUTHORS_BETA_MULTIPLIERS, AUTHORS_PEAK_MULTIPLIERS } from '../mechanisms/multipliers/reference';
import {
  FIG3_REFERENCE,
  FIG5_REFERENCE,
  FIG6_REFERENCE,
  SYMMETRIC_BETA_REFERENCE,
  SYMMETRIC_PEAKS_REFERENCE,
  type ReferenceCounts,
} from './reference';

export const COLUMN_IDS = [
  'ef-multiplier',
  'ef-round-robin',
  'ef-rounded-mnw',
  'ef-integral-mnw',
  'ef1-multiplier',
  'ef1-round-robin',
  'ef1-rounded-mnw',
  'ef1-integral-mnw',
  'po-round-robin',
  'ef-welfare-max',
] as const;
export type ColumnId = (typeof COLUMN_IDS)[number];

/** The allocation rules the columns evaluate. */
export type RuleId = 'multiplier' | 'round-robin' | 'rounded-mnw' | 'integral-mnw' | 'welfare-max';
export type PropertyId = 'ef' | 'ef1' | 'po';

export interface Column {
  readonly id: ColumnId;
  readonly rule: RuleId;
  readonly property: PropertyId;
  /** Evaluated only for m ≤ maxM (the authors' limits). */
  readonly maxM?: number;
}

export interface Protocol {
  readonly name: string;
  readonly description: string;
  readonly source: string;
  /** The agents, as a preset of src/stochastic/presets.ts. */
  readonly preset: string;
  /** The multipliers of the `multiplier` rule (the authors' output of Algorithm 1's refinement schedule). */
  readonly multipliers?: readonly number[];
  readonly ms: readonly number[];
  readonly trials: number;
  /**
   * Uniform draws per sampled value when it is fixed (3 for the peak sampler), to skip to a trial; without it a shard
   * replays the trials before its first (the Beta sampler rejects a random number of draws).
   */
  readonly drawsPerValue?: number;
  readonly columns: readonly Column[];
  readonly reference?: ReferenceCounts;
  /** Columns whose reference counts this stream reproduces exactly (spec 5.9). */
  readonly exactColumns: readonly ColumnId[];
}

function column(id: ColumnId, maxM?: number): Column {
  const [property, ...rest] = id.split('-');
  return {
    id,
    rule: rest.join('-') as RuleId,
    property: property as PropertyId,
    ...(maxM !== undefined ? { maxM } : {}),
  };
}

const PEAK_COLUMNS = [
  column('ef-multiplier'),
  column('ef-round-robin'),
  column('ef-rounded-mnw', 2000),
  column('po-round-robin', 500),
];

const PROTOCOLS: readonly Protocol[] = [
  {
    name: 'bai-golz-fig3',
    description: 'ten peak agents; EF of the multiplier allocation, round robin and rounded MNW, PO of round robin',
    source: 'Bai & Gölz 2022, Figure 3',
    preset: 'bai-golz-peaks',
    multipliers: AUTHORS_PEAK_MULTIPLIERS,
    ms: [10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000],
    trials: 1000,
    drawsPerValue: 3,
    columns: PEAK_COLUMNS,
    reference: FIG3_REFERENCE,
    exactColumns: ['ef-multiplier', 'ef-round-robin'],
  },
  {
    name: 'bai-golz-fig5',
    description: 'Figure 3 at the offset m = 13, 23, ..., 1003',
    source: 'Bai & Gölz 2022, Figure 5 (Appendix F.4)',
    preset: 'bai-golz-peaks',
    multipliers: AUTHORS_PEAK_MULTIPLIERS,
    ms: [13, 23, 53, 103, 203, 503, 1003],
    trials: 1000,
    drawsPerValue: 3,
    columns: PEAK_COLUMNS,
    reference: FIG5_REFERENCE,
    exactColumns: ['ef-multiplier', 'ef-round-robin'],
  },
  {
    name: 'bai-golz-fig6',
    description:
      'five Beta agents; EF and EF1 of the multiplier allocation, round robin, rounded and integral MNW, PO of round robin',
    source: 'Bai & Gölz 2022, Figure 6 (Appendix F.5)',
    preset: 'bai-golz-beta',
    multipliers: AUTHORS_BETA_MULTIPLIERS,
    ms: [5, 10, 20, 50, 100, 200],
    trials: 1000,
    columns: [
      column('ef-multiplier'),
      column('ef-round-robin'),
      column('ef-rounded-mnw', 2000),
      column('ef-integral-mnw', 499),
      column('ef1-multiplier'),
      column('ef1-round-robin'),
      column('ef1-rounded-mnw', 2000),
      column('ef1-integral-mnw', 499),
      column('po-round-robin', 500),
    ],
    reference: FIG6_REFERENCE,
    exactColumns: ['ef-multiplier', 'ef-round-robin', 'ef1-multiplier', 'ef1-round-robin'],
  },
  {
    name: 'bai-golz-symmetric-peaks',
    description: 'ten copies of the peak a = 5/11: EF of welfare maximization at m = 500',
    source: 'Bai & Gölz 2022, Section 5 ("only EF with 87% probability")',
    preset: 'bai-golz-symmetric-peaks',
    ms: [500],
    trials: 1000,
    drawsPerValue: 3,
    columns: [column('ef-welfare-max')],
    reference: SYMMETRIC_PEAKS_REFERENCE,
    exactColumns: ['ef-welfare-max'],
  },
  {
    name: 'bai-golz-symmetric-beta',
    description: 'five copies of Beta(5, 1): EF of welfare maximization at m = 1000',
    source: 'Bai & Gölz 2022, Appendix F.5',
    preset: 'bai-golz-symmetric-beta',
    ms: [1000],
    trials: 1000,
    columns: [column('ef-welfare-max')],
    reference: SYMMETRIC_BETA_REFERENCE,
    exactColumns: ['ef-welfare-max'],
  },
];

/** Every protocol. */
export function protocols(): readonly Protocol[] {
  return PROTOCOLS;
}

/** The protocol with this name; `unknown-experiment` lists the known ones. */
export function protocol(name: string): Protocol {
  const p = PROTOCOLS.find((x) => x.name === name);
  if (!p)
    throw new InvalidInputError(
      'unknown-experiment',
      `unknown experiment ${JSON.stringify(name)} (known: ${PROTOCOLS.map((x) => x.name).join(', ')})`,
    );
  return p;
}

/** The columns evaluated at m (all of the protocol's, or the chosen ones). */
export function columnsAt(p: Protocol, m: number, chosen?: readonly ColumnId[]): Column[] {
  return p.columns.filter((c) => (c.maxM === undefined || m <= c.maxM) && (!chosen || chosen.includes(c.id)));
}

/** Checks a column selection against the protocol. Code `bad-columns`. */
export function checkColumns(p: Protocol, chosen: readonly string[]): ColumnId[] {
  const known = p.columns.map((c) => c.id);
  for (const c of chosen)
    if (!(known as string[]).includes(c))
      throw new InvalidInputError(
        'bad-columns',
        `--columns: ${JSON.stringify(c)} is not a column of ${p.name} (known: ${known.join(', ')})`,
      );
  if (chosen.length === 0) throw new InvalidInputError('bad-columns', '--columns: choose at least one column');
  return [...new Set(chosen)] as ColumnId[];
}
