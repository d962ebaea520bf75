/**
 * Display fixtures from real outcomes (shared by test/display.test.ts and test/renderer.test.ts):
 * round robin, the probabilistic-serial lottery, certificates (one with failing and unchecked claims),
 * an MMS result, traces, the MMS histogram and a paper-001-shaped simulation result.
 */
import { certify, instance, mmsShare, Outcome, solve, type Instance } from '../../src/index';
import { mmsHistogram, toMimeBundle, type MimeBundle } from '../../src/display';

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
      return { m, trials: 2000, welfare: { mean: w, lo: w - 0.03 / Math.sqrt(m / 3), hi: w + 0.03 / Math.sqrt(m / 3), se: 0.01 }, ef: { p, lo: Math.max(0, p - h * 1.3), hi: Math.min(1, p + h), count: Math.round(p * 2000) }, bundleSizes: [m / 3, m / 3, m / 3] };
    }),
  };
}

export interface Fixture {
  name: string;
  value: unknown;
  bundle: MimeBundle;
}

export function displayValues(): { inst: Instance; rr: Outcome; ps: Outcome; values: { name: string; value: unknown }[] } {
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
      { id: 'lexi-max', text: 'a claim without a registered checker' },
    ],
  });
  const values = [
    { name: 'instance', value: inst },
    { name: 'allocation', value: rr },
    { name: 'fractional', value: { instance: inst, fractional: ps.fractional, mechanism: 'probabilistic-serial' } },
    { name: 'lottery', value: ps },
    { name: 'histogram', value: mmsHistogram(ps) },
    { name: 'certificate-pass', value: certify(ps) },
    { name: 'certificate-fail', value: certify(overclaimed) },
    { name: 'mms', value: { instance: inst, agent: 1, mms: mmsShare(inst, 1) } },
    { name: 'trace', value: { instance: inst, trace: ps.trace, mechanism: 'probabilistic-serial' } },
    { name: 'simulation', value: simulationFixture() },
  ];
  return { inst, rr, ps, values };
}

export function displayFixtures(): { inst: Instance; rr: Outcome; ps: Outcome; fixtures: Fixture[] } {
  const { inst, rr, ps, values } = displayValues();
  return { inst, rr, ps, fixtures: values.map((v) => ({ ...v, bundle: toMimeBundle(v.value) })) };
}
