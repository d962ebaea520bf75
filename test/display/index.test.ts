/** toMimeBundle (src/display/index.ts): one bundle per value, and what each kind's payload, HTML and text show. */
import { strict as assert } from 'node:assert';
import { Rational, certify, mms, mmsShare } from '../../src/index';
import {
  displayKind,
  mimeOf,
  mmsHistogram,
  payloadHtml,
  toMimeBundle,
  type AllocationPayload,
  type CertificatePayload,
  type LotteryPayload,
  type MmsHistogramPayload,
  type MmsPayload,
  type SimulationPayload,
} from '../../src/display';
import { count, matrixShape } from '../helpers/html-shape';
import { displayFixtures, INSTANCE_JSON } from './fixtures';

describe('display: toMimeBundle', () => {
  const { inst, rr, ps, fixtures } = displayFixtures();
  const n = INSTANCE_JSON.agents.length;
  const m = INSTANCE_JSON.goods.length;

  for (const f of fixtures) {
    it(`${f.name}: three MIME items (custom JSON, text/html, text/plain), versioned plain JSON`, () => {
      const b = f.bundle;
      assert.ok(b.kind, `${f.name}: no kind`);
      assert.equal(displayKind(f.value), b.kind);
      assert.deepEqual(Object.keys(b.data), [mimeOf(b.kind!), 'text/html', 'text/plain']);
      const payload = b.data[mimeOf(b.kind!)] as { schema: string; kind: string };
      assert.equal(payload.schema, `fairdiv/${b.kind}@1`);
      assert.equal(payload.kind, b.kind);
      // plain JSON: survives a JSON round trip unchanged (no Rationals, BigInts, class instances)
      assert.deepEqual(JSON.parse(JSON.stringify(payload)), payload);
      const html = b.data['text/html'] as string;
      assert.match(html, /^<style>[\s\S]*<\/style><div class="fairdiv /);
      assert.doesNotMatch(html, /<script|https?:\/\/|<link|<img|@import|url\(/i, 'self-contained');
      assert.ok((b.data['text/plain'] as string).length > 10);
      // the payload re-renders to the same HTML (renderer and fallback share the builders)
      assert.equal(payloadHtml(payload as never), html);
      assert.deepEqual(toMimeBundle(payload).data, b.data);
    });
  }

  it('instance: rows = agents, columns = goods, exact values, PROP and MMS', () => {
    const html = toMimeBundle(inst).data['text/html'] as string;
    assert.deepEqual(matrixShape(html), { rows: n, cols: m });
    assert.match(html, />1\/2</);
    assert.match(html, />45\/2</); // v_alice(M)
    assert.match(html, />15\/2</); // PROP_alice
    assert.match(html, />13\/2</); // MMS_alice
    const text = toMimeBundle(inst).data['text/plain'] as string;
    assert.match(text, /alice\s+6\s+9\s+2\s+1\s+4\s+1\/2\s+45\/2\s+15\/2\s+13\/2/);
  });

  it('allocation: agents x goods with owners marked, bundle values and exact PROP / MMS ratios', () => {
    const b = toMimeBundle(rr);
    const p = b.data[mimeOf('allocation')] as AllocationPayload;
    assert.deepEqual(p.owner, rr.allocation!.owners());
    assert.deepEqual(p.rows[0], { value: '13', propRatio: '26/15', mmsRatio: '2' });
    assert.deepEqual(p.rows[1], { value: '8', propRatio: '24/23', mmsRatio: '8/7' });
    const html = b.data['text/html'] as string;
    assert.deepEqual(matrixShape(html), { rows: n, cols: m });
    assert.equal(count(html, /class="fd-r fd-own"/g), m, 'one owner per good');
    assert.match(html, /data-ratio="22\/17"/);
    assert.match(b.data['text/plain'] as string, /alice: \{house, piano\}; bob: \{car, lamp\}; carol: \{boat, bike\}/);
    // {instance, allocation} gives the same matrix
    const b2 = toMimeBundle({ instance: inst, allocation: rr.allocation });
    assert.equal(b2.kind, 'allocation');
    assert.deepEqual((b2.data[mimeOf('allocation')] as AllocationPayload).rows, p.rows);
  });

  it('lottery: support by decreasing probability, per-agent values and ratios, expected values row', () => {
    const b = toMimeBundle(ps);
    const p = b.data[mimeOf('lottery')] as LotteryPayload;
    assert.equal(p.support.length, ps.lottery!.size);
    const probs = p.support.map((e) => Rational.parse(e.p));
    assert.ok(
      probs.every((x, k) => k === 0 || x.le(probs[k - 1])),
      'decreasing p',
    );
    assert.ok(Rational.sum(probs).eq(1));
    assert.deepEqual(
      p.expected.map((r) => r.value),
      ps.expectedValues().map((x) => x.toString()),
    );
    assert.deepEqual(p.expected[0], { value: '487/48', propRatio: '487/360', mmsRatio: '487/312' });
    assert.deepEqual(p.marginals, ps.fractional!.toJSON());
    const html = b.data['text/html'] as string;
    assert.equal(count(html, /<tr data-support="/g), ps.lottery!.size);
    assert.match(html, /<tr class="fd-expected">/);
    assert.deepEqual(matrixShape(html), { rows: n, cols: m }); // marginals heatmap
    assert.match(b.data['text/plain'] as string, /^E\s+487\/48\s+487\/312/m);
  });

  it('fractional: heatmap with exact shares and expected values', () => {
    const b = toMimeBundle({ instance: inst, fractional: ps.fractional });
    assert.equal(b.kind, 'fractional');
    const html = b.data['text/html'] as string;
    assert.deepEqual(matrixShape(html), { rows: n, cols: m });
    assert.equal(count(html, /class="fd-r fd-heat"/g), n * m);
    assert.match(html, /data-share="11\/12"/);
    assert.match(html, />541\/48</);
  });

  it('mmsHistogram: exact MMS fractions per agent with probabilities summing to 1', () => {
    const h = mmsHistogram(ps);
    const b = toMimeBundle(h);
    const p = b.data[mimeOf('mms-histogram')] as MmsHistogramPayload;
    assert.deepEqual(
      p.series[0].map((x) => [x.x, x.p]),
      [
        ['9/13', '1/24'],
        ['10/13', '1/8'],
        ['20/13', '1/2'],
        ['2', '1/3'],
      ],
    );
    p.series.forEach((s) => assert.ok(Rational.sum(s.map((x) => x.p)).eq(1)));
    assert.deepEqual(p.pAtLeastMms, ['5/6', '1', '1']);
    assert.deepEqual(p.worst, ['9/13', '1', '1']);
    const html = b.data['text/html'] as string;
    assert.equal(count(html, /<rect class="fd-bar"/g), p.series.flat().length);
    assert.equal(count(html, /<svg class="fd-svg fd-hist"/g), 1);
    for (let i = 0; i < n; i++)
      assert.equal(count(html, new RegExp(`<rect class="fd-bar" data-agent="${i}"`, 'g')), p.series[i].length);
  });

  it('certificate: claims with compared numbers, witness and pass / fail / unchecked marks', () => {
    const f = fixtures.find((x) => x.name === 'certificate-fail')!;
    const p = f.bundle.data[mimeOf('certificate')] as CertificatePayload;
    assert.equal(p.ok, false);
    const ef = p.claims.find((c) => c.id === 'ef')!;
    assert.equal(ef.status, 'fail');
    assert.deepEqual(ef.compared, [
      {
        agent: 'bob',
        left: { label: 'v_bob(A_bob)', value: '8' },
        relation: '<',
        right: { label: 'v_bob(A_alice)', value: '10' },
        note: 'violation',
      },
    ]);
    assert.ok(ef.witness);
    assert.equal(p.claims.find((c) => c.id === 'alpha-po')!.status, 'unchecked');
    const html = f.bundle.data['text/html'] as string;
    assert.equal(count(html, /data-status="fail"/g), p.failed);
    assert.equal(count(html, /data-status="pass"/g), p.passed);
    assert.match(html, /class="fd-claim fd-claim-fail"/);
    assert.match(html, /✗ FAIL/);
    assert.match(
      f.bundle.data['text/plain'] as string,
      /✗ FAIL\s+ef: envy-free\s+\[violation: v_bob\(A_bob\) = 8 < 10 = v_bob\(A_alice\)\]/,
    );
  });

  it('certificate witnesses name agents and goods: a support allocation by agent, a dominating allocation by good', () => {
    const p = toMimeBundle(certify(ps, { claims: ['ex-post-ef', 'ex-post-po'] })).data[
      mimeOf('certificate')
    ] as CertificatePayload;
    const entry = (c: CertificatePayload['claims'][number], key: string) =>
      c.witness?.t === 'kv' ? c.witness.entries.find(([k]) => k === key)?.[1] : undefined;
    const [ef, po] = p.claims;
    assert.deepEqual(entry(ef, 'allocation'), {
      t: 'kv',
      entries: [
        ['alice', { t: 'text', value: 'house, piano' }],
        ['bob', { t: 'text', value: 'car, lamp' }],
        ['carol', { t: 'text', value: 'boat, bike' }],
      ],
    });
    const owners = entry(po, 'dominatingOwners');
    assert.equal(owners?.t, 'kv');
    assert.deepEqual(owners?.t === 'kv' && owners.entries.map(([good]) => good), inst.goods);
    assert.match(po.compared![0].note!, /^a dominating allocation B, support allocation \d+ \(p = \d+\/\d+\)$/);
    assert.ok(!po.numbers.some((n) => n.label === 'probability'));
  });

  it('headings round raw doubles (a trace step title), while the exact numbers below stay exact', () => {
    const b = fixtures.find((x) => x.name === 'trace-long')!.bundle;
    const html = b.data['text/html'] as string;
    assert.match(html, /<summary>Algorithm 1 at delta = 0\.3<\/summary>/);
    assert.match(b.data['text/plain'] as string, /- Algorithm 1 at delta = 0\.3 /);
    for (const text of [html, b.data['text/plain'] as string]) assert.doesNotMatch(text, /0\.30000000000000004/);
    assert.match(html, /1351079888211149\/<wbr>4503599627370496/);
  });

  it('mms: the witness partition with bundle values', () => {
    const b = toMimeBundle({ instance: inst, agent: 'bob', mms: mmsShare(inst, 1) });
    assert.equal(b.kind, 'mms');
    const html = b.data['text/html'] as string;
    assert.equal(count(html, /<tr data-bundle="/g), n);
    assert.match(b.data['text/plain'] as string, /^MMS of bob \(n=3\) = 7 \[optimal\]/);
    // a bare MmsResult works too, and with the values it was computed from each bundle shows its value
    assert.equal(toMimeBundle(mmsShare(inst, 1)).kind, 'mms');
    const values = INSTANCE_JSON.values[1];
    const withValues = toMimeBundle({ values, mms: mms(values, 3) });
    assert.deepEqual((withValues.data[mimeOf('mms')] as MmsPayload).bundleValues, ['8', '8', '7']);
    assert.match(withValues.data['text/plain'] as string, /= 8\n.*= 8\n.*= 7$/);
  });

  it('mms: a bare result shows each bundle value it carries, exact in the units of the input values', () => {
    const values = ['1/2', '1/3', '1/4', '1/5', '1/6', '1/7'];
    const r = mms(values, 3);
    const exact = values.map((x) => Rational.from(x));
    assert.deepEqual(
      r.bundleValues.map(String),
      r.partition.map((b) => String(Rational.sum(b.map((g) => exact[g])))),
    );
    assert.ok(r.bundleValues.reduce((a, b) => (b.lt(a) ? b : a)).eq(r.lower), 'the least bundle is the MMS');
    const b = toMimeBundle(r);
    assert.deepEqual((b.data[mimeOf('mms')] as MmsPayload).bundleValues, r.bundleValues.map(String));
    assert.equal(count(b.data['text/html'] as string, /<tr data-bundle="/g), 3);
    assert.match(b.data['text/html'] as string, /<th>value<\/th>/);
    assert.match(b.data['text/plain'] as string, new RegExp(`= ${r.bundleValues[2].toString()}$`));
  });

  it('trace: generic plain data (tables, matrices with agent and good names, exact rationals)', () => {
    const b = toMimeBundle({ instance: inst, trace: ps.trace });
    const html = b.data['text/html'] as string;
    assert.equal(count(html, /<details class="fd-step"/g), ps.trace.length);
    assert.match(html, />house</); // good index resolved to its name
    assert.match(html, />5\/6</);
    const rrTrace = toMimeBundle(rr.trace);
    assert.equal(rrTrace.kind, 'trace');
    assert.match(rrTrace.data['text/plain'] as string, /agent\s+good/);
  });

  it('simulation: one panel per metric with interval bands and the analytic limit', () => {
    const f = fixtures.find((x) => x.name === 'simulation')!;
    const p = f.bundle.data[mimeOf('simulation')] as SimulationPayload;
    assert.deepEqual(
      p.panels.map((x) => x.title),
      ['Welfare ratio (SW / OPT)', 'Probability of envy-freeness'],
    );
    assert.equal(p.panels[0].series[0].points.length, 8);
    assert.ok(p.panels[0].series[0].points.every((q) => q.lo! <= q.y && q.y <= q.hi!));
    assert.ok(
      p.panels[0].series.some((s) => s.dashed),
      'analytic welfare limit',
    );
    assert.deepEqual(p.panels[1].yRange, [0, 1]);
    const html = f.bundle.data['text/html'] as string;
    assert.equal(count(html, /<polygon class="fd-band"/g), 2);
    assert.equal(count(html, /<figure class="fd-panel"/g), 2);
  });
});
