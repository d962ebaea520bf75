/**
 * Named agent populations of Bai & Gölz, "Envy-Free and Pareto-Optimal Allocations for Agents with Asymmetric
 * Random Valuations" (IJCAI 2022; seed-004 spec 5.1, 5.3, 5.4), each with the density bound q the authors used for
 * Algorithm 1 and the (p, q)-PDF bounds and interval support of every agent.
 *
 * * `bai-golz-peaks`: ten peak agents with peaks a = 1/11, ..., 10/11 and base density 0.1 ((0.1, 1.9)-bounded,
 *   interval support), the main experiment (Figure 3, 5). q = 1.9.
 * * `bai-golz-beta`: Beta(0.5, 0.5), Beta(5, 1), Beta(1, 3), Beta(2, 2), Beta(2, 5) (Figure 1, 6); not
 *   (p, q)-bounded, the authors used q = 5 anyway.
 * * `bai-golz-symmetric-peaks`: ten copies of the peak a = 5/11; `bai-golz-symmetric-beta`: five copies of
 *   Beta(5, 1) (the symmetric controls of Section 5 and Appendix F.5).
 * * `appendix-b`: the two agents of Appendix B (max-percentile is not PO; the equalizing ratio is 2√6 − 3).
 */
import { InvalidInputError } from '../core/errors';
import { BetaDensity, type DensityDistribution, type PdfBounds } from './density';
import { PiecewiseLinearDensity, peak } from './piecewise-density';

export interface DistributionPreset {
  readonly id: string;
  readonly description: string;
  readonly source: string;
  /** The density bound q used by Algorithm 1 (the authors' choice; a heuristic when the density is unbounded). */
  readonly q: number;
  readonly agents: readonly DensityDistribution[];
}

/** What a preset reports per agent: spec, (p, q) bounds and interval support. */
export interface AgentSummary {
  readonly spec: string;
  readonly name: string;
  readonly pdfBounds: PdfBounds;
  readonly intervalSupport: boolean;
  readonly support: readonly [number, number];
  readonly mean: number;
}

/** The ten peak agents a_i = i/11 (i = 1..10), base density 0.1 (spec 5.1). */
export function baiGolzPeakAgents(): PiecewiseLinearDensity[] {
  return Array.from({ length: 10 }, (_, k) => peak((k + 1) / 11, 0.1));
}

/** The five Beta agents of Figure 1 and Figure 6 (spec 5.3). */
export function baiGolzBetaAgents(): BetaDensity[] {
  return [
    new BetaDensity(0.5, 0.5),
    new BetaDensity(5, 1),
    new BetaDensity(1, 3),
    new BetaDensity(2, 2),
    new BetaDensity(2, 5),
  ];
}

/**
 * The two agents of Appendix B (spec 5.4): A is uniform on [0, 1/4] or [1/4, 1] with probability 1/2 each
 * (density 2, then 2/3), B uniform on [0, 3/4] or [3/4, 1] (density 2/3, then 2).
 */
export function appendixBAgents(): PiecewiseLinearDensity[] {
  return [
    new PiecewiseLinearDensity('Appendix B agent A', 'histogram:0,0.25,1;1,1', [
      { x0: 0, x1: 0.25, f0: 2, f1: 2 },
      { x0: 0.25, x1: 1, f0: 2 / 3, f1: 2 / 3 },
    ]),
    new PiecewiseLinearDensity('Appendix B agent B', 'histogram:0,0.75,1;1,1', [
      { x0: 0, x1: 0.75, f0: 2 / 3, f1: 2 / 3 },
      { x0: 0.75, x1: 1, f0: 2, f1: 2 },
    ]),
  ];
}

const PRESETS: Readonly<Record<string, () => DistributionPreset>> = {
  'bai-golz-peaks': () => ({
    id: 'bai-golz-peaks',
    description: 'ten peak agents, peaks i/11, base density 0.1',
    source: 'Bai & Gölz 2022, Section 5 and Appendix F.2',
    q: 1.9,
    agents: baiGolzPeakAgents(),
  }),
  'bai-golz-beta': () => ({
    id: 'bai-golz-beta',
    description: 'Beta(0.5,0.5), Beta(5,1), Beta(1,3), Beta(2,2), Beta(2,5)',
    source: 'Bai & Gölz 2022, Figure 1 and Appendix F.5',
    q: 5,
    agents: baiGolzBetaAgents(),
  }),
  'bai-golz-symmetric-peaks': () => ({
    id: 'bai-golz-symmetric-peaks',
    description: 'ten copies of the peak agent a = 5/11',
    source: 'Bai & Gölz 2022, Section 5 (welfare maximization is EF only ~87% of the time at m = 500)',
    q: 1.9,
    agents: Array.from({ length: 10 }, () => peak(5 / 11, 0.1)),
  }),
  'bai-golz-symmetric-beta': () => ({
    id: 'bai-golz-symmetric-beta',
    description: 'five copies of Beta(5, 1)',
    source: 'Bai & Gölz 2022, Appendix F.5',
    q: 5,
    agents: Array.from({ length: 5 }, () => new BetaDensity(5, 1)),
  }),
  'appendix-b': () => ({
    id: 'appendix-b',
    description: 'the two agents of Appendix B (max-percentile is not PO)',
    source: 'Bai & Gölz 2022, Appendix B',
    q: 2,
    agents: appendixBAgents(),
  }),
};

/** The ids of the named presets. */
export function presetIds(): string[] {
  return Object.keys(PRESETS);
}

/** The preset with this id (fresh distribution objects); `unknown-preset` lists the known ids. */
export function distributionPreset(id: string): DistributionPreset {
  const make = typeof id === 'string' ? PRESETS[id] : undefined;
  if (!make || !Object.prototype.hasOwnProperty.call(PRESETS, id))
    throw new InvalidInputError(
      'unknown-preset',
      `unknown distribution preset ${JSON.stringify(id)} (known: ${presetIds().join(', ')})`,
    );
  return make();
}

/** Spec, PDF bounds, interval support, support and mean of each agent. */
export function summarizeAgents(agents: readonly DensityDistribution[]): AgentSummary[] {
  return agents.map((d) => ({
    spec: d.spec,
    name: d.name,
    pdfBounds: d.pdfBounds,
    intervalSupport: d.intervalSupport,
    support: d.support,
    mean: d.mean(),
  }));
}
