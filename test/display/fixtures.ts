/**
 * Display fixtures from real outcomes (shared by the tests of test/display/ and the renderer test):
 * round robin, the probabilistic-serial lottery, a comparison of mechanisms, certificates (one with failing and unchecked claims, and
 * one of each verdict), an MMS result, traces, the MMS histogram and a paper-001-shaped simulation result;
 * and hostile payloads whose strings are markup, for the escaping tests.
 */
import {
  certify,
  compare,
  instance,
  mmsShare,
  Outcome,
  solve,
  type CertificateReport,
  type Instance,
} from '../../src/index';
import { Rational } from '../../src/core/rational';
import {
  mmsHistogram,
  toMimeBundle,
  type CertificatePayload,
  type CertificateVerdict,
  type MimeBundle,
  type MixedPayload,
  type MmsHistogramPayload,
  type Payload,
  type SimulationPayload,
} from '../../src/display';
import { solveExample } from '../helpers/mixed-display';
import { experimentFigure } from '../../src/experiments/figure';
import { FIG3_REFERENCE } from '../../src/experiments/reference';
import type { ColumnId } from '../../src/experiments/protocols';
import type { ExperimentRow } from '../../src/experiments/results';
import { jeffreys } from '../../src/stochastic/intervals';

export const INSTANCE_JSON = {
  agents: ['alice', 'bob', 'carol'],
  goods: ['car', 'house', 'boat', 'bike', 'piano', 'lamp'],
  values: [
    [6, 9, 2, 1, 4, '1/2'],
    [5, 8, 4, 1, 2, 3],
    [4, 7, 6, 5, 3, '3/2'],
  ],
};

/** A paper-001-shaped simulation result (plain data, as src/stochastic writes it). */
export function simulationFixture(): Record<string, unknown> {
  const ms = [3, 6, 9, 12, 18, 24, 36, 48];
  return {
    kind: 'simulation',
    mechanism: 'pick-r',
    distribution: 'U[0,1]',
    n: 3,
    trials: 2000,
    seed: '42',
    confidence: 0.95,
    efInterval: 'wilson',
    analytic: { welfareRatio: 0.9, efWhp: true },
    parameters: { r: 2 },
    points: ms.map((m) => {
      const w = 0.9 - 0.25 / Math.sqrt(m);
      const p = 1 - Math.exp(-m / 14);
      const h = 0.9 / Math.sqrt(2000 * 0.1 + m * 8);
      return {
        m,
        trials: 2000,
        welfare: { mean: w, lo: w - 0.03 / Math.sqrt(m / 3), hi: w + 0.03 / Math.sqrt(m / 3), se: 0.01 },
        ef: { p, lo: Math.max(0, p - h * 1.3), hi: Math.min(1, p + h), count: Math.round(p * 2000) },
        bundleSizes: [m / 3, m / 3, m / 3],
      };
    }),
  };
}

/** The authors' Figure 3 counts (1000 trials per m) as experiment rows with their Jeffreys intervals. */
export function figure3Rows(): ExperimentRow[] {
  return Object.entries(FIG3_REFERENCE).map(([m, counts]) => {
    const columns = Object.entries(counts) as [ColumnId, number][];
    return {
      experiment: 'bai-golz-fig3',
      m: Number(m),
      trials: 1000,
      counts,
      intervals: Object.fromEntries(
        columns.map(([c, k]) => {
          const iv = jeffreys(k, 1000);
          return [c, [iv.lo, iv.hi] as const];
        }),
      ),
      seconds: 1,
      columnSeconds: {},
      undecided: {},
      undecidedTrials: {},
      unproven: {},
      toleranceDisagreements: {},
      paretoVia: {},
    };
  });
}

/**
 * A trace whose numbers are long (rationals of doubles, 40-digit integers, a raw double in a step title) and whose
 * lists have more than ten items (two-digit markers), as multiplier mechanisms record them.
 */
export function longTraceFixture(inst: Instance): Record<string, unknown> {
  const beta = [1, 1.0234567891234567, 0.30000000000000004, 2.718281828459045];
  return {
    instance: inst,
    mechanism: 'multiplier',
    trace: [
      {
        id: 'rounds',
        title: 'Algorithm 1 at delta = 0.30000000000000004',
        text: 'p_i after each of 14 oracle rounds',
        data: Array.from({ length: 14 }, (_, k) => [
          Rational.fromNumber(0.1 + k / 97),
          Rational.fromNumber(1 / (k + 3)),
        ]),
      },
      {
        id: 'betas',
        title: 'multipliers (exact doubles)',
        data: {
          beta: beta.map((b) => Rational.fromNumber(b)),
          huge: Rational.from(`${'9'.repeat(45)}/7`),
          rounds: Array.from({ length: 12 }, (_, k) => ({
            round: k + 1,
            delta: Rational.fromNumber(1 / 2 ** (k + 1)),
          })),
          steps: Array.from({ length: 12 }, (_, k) => ({
            phase: k + 1,
            detail: { delta: Rational.fromNumber(1 / 2 ** (k + 1)), note: `halve delta to 2^-${k + 1}` },
          })),
        },
      },
    ],
  };
}

/**
 * A histogram payload crowded with near-equal fractions (1 - 1/k and 1 + 1/k for k up to 12, and a few long ones):
 * labels must be told apart and must not collide.
 */
export function crowdedHistogram(): MmsHistogramPayload {
  const xs = [
    ...Array.from({ length: 11 }, (_, k) => `${k + 1}/${k + 2}`),
    ...Array.from({ length: 11 }, (_, k) => `${k + 3}/${k + 2}`),
    '99999/100000',
    '100001/100000',
    '38468101589/10000000000',
  ];
  const bars = (offset: number) =>
    xs
      .filter((_, k) => (k + offset) % 2 === 0)
      .map((x, k, all) => {
        const [a, b] = x.split('/').map(Number);
        return { x, approx: a / b, p: `1/${all.length}`, pApprox: 1 / all.length + (k % 3) * 0.01 };
      });
  return {
    schema: 'fairdiv/mms-histogram@1',
    kind: 'mms-histogram',
    title: 'Crowded MMS fractions',
    agents: ['alice', 'bob'],
    series: [bars(0), bars(1)],
    shares: [],
    pAtLeastMms: ['1/2', '1/2'],
    worst: ['1/2', '2/3'],
  };
}

export interface Fixture {
  name: string;
  value: unknown;
  bundle: MimeBundle;
}

export function displayValues(): {
  inst: Instance;
  rr: Outcome;
  ps: Outcome;
  values: { name: string; value: unknown }[];
} {
  const inst = instance(INSTANCE_JSON);
  const rr = solve('round-robin', inst);
  const ps = solve('probabilistic-serial', inst);
  // The round-robin allocation with claims it does not guarantee: a certificate with failures.
  const overclaimed = new Outcome({
    mechanism: 'round-robin',
    instance: inst,
    allocation: rr.allocation,
    claims: [
      { id: 'ef1', text: 'EF1: envy disappears after removing one good' },
      { id: 'ef', text: 'envy-free' },
      { id: 'efx', text: 'EFX: envy disappears after removing any good' },
      { id: 'prop', text: 'proportional' },
      { id: 'mms', text: 'every agent gets her maximin share' },
      { id: 'po', text: 'Pareto optimal' },
      { id: 'alpha-po', text: 'an alpha-PO claim without its alpha: undecidable' },
    ],
  });
  const values = [
    { name: 'instance', value: inst },
    { name: 'allocation', value: rr },
    { name: 'fractional', value: { instance: inst, fractional: ps.fractional, mechanism: 'probabilistic-serial' } },
    { name: 'lottery', value: ps },
    { name: 'mixed', value: solveExample('prop-efm') },
    { name: 'histogram', value: mmsHistogram(ps) },
    { name: 'certificate-pass', value: certify(ps) },
    { name: 'certificate-fail', value: certify(overclaimed) },
    { name: 'mms', value: { instance: inst, agent: 1, mms: mmsShare(inst, 1) } },
    { name: 'trace', value: { instance: inst, trace: ps.trace, mechanism: 'probabilistic-serial' } },
    { name: 'simulation', value: simulationFixture() },
    { name: 'figure', value: experimentFigure(figure3Rows(), "Figure 3 (the authors' counts, 1000 trials per m)") },
    { name: 'trace-long', value: longTraceFixture(inst) },
    { name: 'histogram-crowded', value: crowdedHistogram() },
    {
      name: 'comparison',
      value: compare(inst, ['round-robin', 'probabilistic-serial', 'max-welfare', 'cut-and-choose', 'pick-r']),
    },
  ];
  return { inst, rr, ps, values };
}

export function displayFixtures(): { inst: Instance; rr: Outcome; ps: Outcome; fixtures: Fixture[] } {
  const { inst, rr, ps, values } = displayValues();
  return { inst, rr, ps, fixtures: values.map((v) => ({ ...v, bundle: toMimeBundle(v.value) })) };
}

/** One certificate of each verdict, checking chosen claims of the round-robin allocation of INSTANCE_JSON. */
export function verdictReports(): { verdict: CertificateVerdict; report: CertificateReport }[] {
  const rr = solve('round-robin', instance(INSTANCE_JSON));
  return [
    { verdict: 'certified', report: certify(rr, { claims: ['ef1', 'prop'] }) },
    { verdict: 'failed', report: certify(rr, { claims: ['ef1', 'ef'] }) },
    { verdict: 'partly-checked', report: certify(rr, { claims: ['ef1', 'alpha-po'] }) },
    { verdict: 'nothing-checked', report: certify(rr, { claims: ['alpha-po'] }) },
    { verdict: 'nothing-claimed', report: certify(rr, { claims: [] }) },
  ];
}

/** Markup that must show as text: an element that would set `window.__pwned` if it ever became live. */
export const MARKUP = '<img class="pwned" src="x" onerror="window.__pwned=1"><i class="pwned">x</i>';

/** Payloads whose strings (status, counts, omitted counts, stats, names) are markup. */
export function hostilePayloads(): { name: string; payload: Payload }[] {
  const { rr, ps } = displayValues();
  const cert = toMimeBundle(certify(rr)).data['application/vnd.fairdiv.certificate+json'] as CertificatePayload;
  const lottery = toMimeBundle(ps).data['application/vnd.fairdiv.lottery+json'] as Payload;
  const mms = toMimeBundle({ instance: instance(INSTANCE_JSON), agent: 1, mms: mmsShare(instance(INSTANCE_JSON), 1) })
    .data['application/vnd.fairdiv.mms+json'] as Payload;
  const histogram = mmsHistogram(ps).payload;
  const mixed = toMimeBundle(solveExample('prop-efm')).data['application/vnd.fairdiv.mixed+json'] as MixedPayload;
  const figure = toMimeBundle(experimentFigure(figure3Rows())).data[
    'application/vnd.fairdiv.simulation+json'
  ] as SimulationPayload;
  const bad = MARKUP as never;
  const side = { label: MARKUP, value: MARKUP, agent: MARKUP };
  return [
    {
      name: 'hostile-certificate',
      payload: {
        ...cert,
        mechanism: MARKUP,
        verdict: bad,
        ok: bad,
        passed: bad,
        failed: bad,
        unchecked: bad,
        claims: cert.claims.map((c) => ({
          ...c,
          status: bad,
          id: MARKUP,
          text: MARKUP,
          reason: MARKUP,
          compared: [{ agent: MARKUP, left: side, relation: bad, right: side, note: MARKUP }],
          numbers: [side],
        })),
      },
    },
    {
      name: 'hostile-lottery',
      payload: {
        ...lottery,
        omitted: bad,
        agents: (lottery as { agents: string[] }).agents.map(() => MARKUP),
      } as Payload,
    },
    {
      name: 'hostile-mixed',
      payload: {
        ...mixed,
        omitted: bad,
        agents: mixed.agents.map(() => MARKUP),
        goods: mixed.goods.map(() => MARKUP),
        support: mixed.support.map((e) => ({
          ...e,
          p: MARKUP,
          fractions: e.fractions.map((r) => r.map(() => MARKUP)),
        })),
      },
    },
    {
      name: 'hostile-mms',
      payload: { ...mms, agent: MARKUP, stats: { nodes: bad, ms: bad, method: MARKUP } } as Payload,
    },
    {
      name: 'hostile-histogram',
      payload: {
        ...histogram,
        agents: histogram.agents.map(() => MARKUP),
        mechanism: MARKUP,
        series: histogram.series.map((s, i) =>
          i === 0 ? s.map((b, k) => (k === 0 ? { ...b, x: MARKUP, p: MARKUP } : b)) : s,
        ),
      },
    },
    {
      name: 'hostile-figure',
      payload: {
        ...figure,
        title: MARKUP,
        xLabel: MARKUP,
        xScale: bad,
        params: [[MARKUP, MARKUP]],
        panels: figure.panels.map((panel) => ({
          ...panel,
          title: MARKUP,
          yLabel: MARKUP,
          series: panel.series.map((s) => ({ ...s, name: MARKUP, dash: bad, interval: bad })),
        })),
      },
    },
    {
      name: 'hostile-trace',
      payload: {
        schema: 'fairdiv/trace@1',
        kind: 'trace',
        steps: [
          {
            id: MARKUP,
            title: MARKUP,
            text: MARKUP,
            data: { t: 'list', items: [{ t: 'text', value: MARKUP }], omitted: bad },
          },
        ],
      },
    },
  ];
}

/** Every payload of the display fixtures (their custom MIME items), then the hand-made hostile payloads. */
export function allPayloads(): { name: string; payload: Payload }[] {
  return [
    ...displayFixtures().fixtures.flatMap((f) =>
      Object.entries(f.bundle.data)
        .filter(([mime]) => mime.startsWith('application/vnd.fairdiv.'))
        .map(([, payload]) => ({ name: f.name, payload: payload as Payload })),
    ),
    ...hostilePayloads(),
  ];
}
