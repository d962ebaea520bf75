/** The `mixed` display kind (src/display/mixed.ts, src/display/html/mixed.ts, the text form) on real outcomes. */
import { strict as assert } from 'node:assert';
import { certify, instance, MixedLottery, Rational, solve } from '../../src/index';
import {
  displayKind,
  mimeOf,
  payloadHtml,
  payloadText,
  toMimeBundle,
  toPayload,
  type MixedPayload,
} from '../../src/display';
import { bakery, hostileMixedPayload, MIXED_MARKUP, mixedFixtures } from '../helpers/mixed-display';
import { count } from '../helpers/html-shape';

const mixed = (x: unknown) => toPayload(x) as MixedPayload;

describe('display: mixed goods', () => {
  const f = mixedFixtures();

  it('shows an outcome with mixed allocations as the mixed kind, not as a fractional heatmap', () => {
    for (const o of [f.twoAgents, f.propEfm, f.waterFilling]) {
      assert.equal(o.kind, 'fractional');
      assert.equal(displayKind(o), 'mixed');
      const b = toMimeBundle(o);
      assert.deepEqual(Object.keys(b.data), [mimeOf('mixed'), 'text/html', 'text/plain']);
    }
  });

  it('gives the support as bundles plus exact fractions, the marginals and expected values (M3-TR, Theorem 3.3)', () => {
    const p = mixed(f.twoAgents);
    assert.equal(p.schema, 'fairdiv/mixed@1');
    assert.equal(p.mechanism, 'ef-efm-two-agents');
    assert.deepEqual(p.goods, ['g0', 'cake']);
    assert.deepEqual(p.divisible, [1]);
    assert.deepEqual(
      p.support.map(({ p, bundles, fractions }) => ({ p, bundles, fractions })),
      [{ p: '1', bundles: [[0], []], fractions: [['1/3'], ['2/3']] }],
    );
    assert.deepEqual(p.marginals, [
      ['1', '1/3'],
      ['0', '2/3'],
    ]);
    // agent 0: g0 (2) + 1/3 of the cake (6) = 4 = PROP; agent 1: 2/3 of the cake (4) = 8/3 against PROP 2
    assert.deepEqual(p.expected, [
      { value: '4', propRatio: '1' },
      { value: '8/3', propRatio: '4/3' },
    ]);
    assert.deepEqual(
      p.shares.map((s) => s.mmsStatus),
      ['skipped', 'skipped'],
    );
    assert.deepEqual(
      p.claims?.map((c) => c.id),
      ['ex-ante-ef', 'ex-post-efm', 'ex-post-efxm', 'support-size'],
    );
    assert.equal(p.trace?.length, f.twoAgents.trace.length);
  });

  it('lists the lottery of prop-efm with the water-filling fractions and marginal 13/54 (E2E-B3, Theorem 4.1)', () => {
    const p = mixed(f.propEfm);
    const l = f.propEfm.mixed!;
    assert.equal(p.support.length, l.size);
    assert.deepEqual(
      p.support.map((e) => e.p),
      l.entries.map((e) => e.p.toString()),
    );
    assert.deepEqual(p.support[0].fractions, [['2/9'], ['1/18'], ['13/18']]);
    assert.deepEqual(
      p.marginals.map((r) => r[7]),
      ['13/54', '2/27', '37/54'],
    );
    assert.deepEqual(p.bivalued, {
      common: true,
      pairs: [
        ['1', '2'],
        ['1', '2'],
        ['1', '2'],
      ],
    });
    const expected = f.propEfm.expectedValues().map(String);
    assert.deepEqual(
      p.expected.map((r) => r.value),
      expected,
    );
  });

  it('carries the water-filling run of the trace: pours and rotations with exact amounts (Lemma 4.2)', () => {
    const p = mixed(f.waterFilling);
    assert.equal(p.waterFilling?.length, 1);
    const run = p.waterFilling![0];
    assert.deepEqual(run.order, [3, 0, 1, 2]);
    const pours = run.steps.flatMap((s) => (s.kind === 'add' ? [s] : []));
    assert.ok(run.steps.some((s) => s.kind === 'rotate'));
    const poured = Rational.sum(pours.map((s) => Rational.from(s.delta)));
    assert.ok(poured.eq(1), `the whole cake is poured, got ${poured}`);
    assert.equal(pours[pours.length - 1].remaining, '0');
    assert.deepEqual(run.steps[0], { kind: 'add', agents: [1, 2], delta: '2/9', each: '1/9', remaining: '7/9' });
  });

  it('shows a bare MixedAllocation, MixedLottery, MixedMarginals and {instance, mixed} as the mixed kind', () => {
    const l = f.propEfm.mixed!;
    for (const x of [f.cakeToBob, l, l.marginals(), { instance: f.propEfm.instance, mixed: l, mechanism: 'prop-efm' }])
      assert.equal(displayKind(x), 'mixed');
    const bare = mixed(f.cakeToBob);
    assert.deepEqual(bare.agents, ['0', '1']);
    assert.deepEqual(bare.values, []);
    assert.deepEqual(bare.support[0].fractions, [['0'], ['1']]);
    const held = mixed({ instance: bakery(), mixed: f.cakeToBob });
    assert.deepEqual(held.agents, ['alice', 'bob']);
    assert.deepEqual(
      held.expected.map((r) => r.value),
      ['1', '4'],
    );
    assert.deepEqual(
      mixed({ instance: f.propEfm.instance, mixed: l, mechanism: 'prop-efm' }).marginals,
      mixed(l).marginals,
    );
  });

  it('HTML: a divisible cell shows the exact fraction under a marked head, blank for 0, never a chip', () => {
    const html = payloadHtml(mixed({ instance: bakery(), mixed: f.cakeToBob }));
    assert.equal(count(html, /<th data-good="1" data-divisible="1"/g), 1);
    const cells = [...html.matchAll(/<td class="fd-r fd-frac"[^>]*>(.*?)<\/td>/g)].map((m) => m[1]);
    assert.equal(cells.length, 2);
    assert.equal(cells[0], '');
    assert.match(cells[1], />1</);
    assert.doesNotMatch(cells.join(''), /fd-chip/);
    assert.match(html, /<b class="fd-num">1<\/b> of cake/);
    const two = payloadHtml(mixed(f.twoAgents));
    assert.match(two, /data-fraction="1\/3"[^>]*><span class="fd-num"[^>]*>1\/3<\/span><\/td>/);
    assert.match(two, /<b class="fd-num">2\/3<\/b> of cake/);
  });

  it('HTML: a lottery lists every support allocation and shows the marginals, with the water-filling steps', () => {
    const p = mixed(f.propEfm);
    const html = payloadHtml(p);
    assert.equal(count(html, /<tr data-support="/g), p.support.length);
    assert.match(html, /class="fd-matrix fd-mixed-marginals"/);
    assert.match(html, /13\/54/);
    const wf = payloadHtml(mixed(f.waterFilling));
    assert.equal(count(wf, /<tr data-wf-step="/g), mixed(f.waterFilling).waterFilling![0].steps.length);
  });

  it('text: each allocation reads "{g0} + 1/3 of cake", divisible goods marked in the marginals', () => {
    const t = payloadText(mixed(f.twoAgents));
    assert.match(t, /\{g0\} \+ 1\/3 of cake/);
    assert.match(t, /\{\} \+ 2\/3 of cake/);
    assert.match(t, /cake \[div\]/);
    const w = payloadText(mixed(f.waterFilling));
    assert.match(
      w,
      /water-filling \(order dan, ann, ben, cat\): pour 1\/9 to each of ben, cat \(7\/9 left\); rotate ben -> ann -> ben/,
    );
  });

  it('an instance shows its divisible goods and bi-valued declaration, and computes no MMS for them', () => {
    const p = toPayload(f.mixedInstance);
    assert.equal(p.kind, 'instance');
    if (p.kind !== 'instance') return;
    assert.deepEqual(p.divisible, [6]);
    assert.deepEqual(p.bivalued, { common: true, pairs: Array.from({ length: 4 }, () => ['1', '3']) });
    assert.ok(p.shares.every((s) => s.mmsStatus === 'skipped'));
    assert.match(payloadHtml(p), /<th data-good="6" data-divisible="1"/);
    assert.match(payloadText(p), /cake \[div\][\s\S]*divisible: cake; bi-valued \(a, b\) = \(1, 3\)/);
    const perAgent = toPayload(
      instance({
        values: [
          [1, 2, 5],
          [2, 4, 7],
        ],
        divisible: [2],
        bivalued: [
          [1, 2],
          [2, 4],
        ],
      }),
    );
    assert.match(payloadHtml(perAgent), /bi-valued \(a<sub>i<\/sub>, b<sub>i<\/sub>\): 0 \(1, 2\), 1 \(2, 4\)/);
    const plain = toPayload(
      instance({
        values: [
          [1, 2],
          [2, 1],
        ],
      }),
    );
    assert.ok(
      plain.kind === 'instance' && plain.bivalued === undefined && plain.shares.every((s) => s.mmsStatus !== 'skipped'),
    );
  });

  it('the payload is plain JSON, and an outcome JSON read back gives the same view and certifies (round trip)', () => {
    const o = f.propEfm;
    const p = mixed(o);
    assert.deepEqual(JSON.parse(JSON.stringify(p)), p);
    assert.equal(toMimeBundle(JSON.parse(JSON.stringify(p))).kind, 'mixed');
    const json = JSON.parse(JSON.stringify(o.toJSON())) as { instance: unknown; mixed: unknown };
    const inst = instance(json.instance as Parameters<typeof instance>[0]);
    assert.deepEqual(inst.divisible, [7]);
    const back = MixedLottery.fromJSON(json.mixed, inst);
    const again = mixed({ instance: inst, mixed: back, mechanism: o.mechanism });
    assert.deepEqual(again.support, p.support);
    assert.deepEqual(again.marginals, p.marginals);
    const rerun = solve(o.mechanism, inst, o.options);
    assert.equal(certify(rerun).verdict, 'certified');
  });

  it('escapes every string of a hostile mixed payload in HTML (the text form shows them as written)', () => {
    const html = payloadHtml(hostileMixedPayload());
    assert.doesNotMatch(html, /<img|onerror="/);
    assert.match(html, /&lt;img class=&quot;pwned&quot;/);
    assert.ok(payloadText(hostileMixedPayload()).includes(`${MIXED_MARKUP} of ${MIXED_MARKUP}`));
  });
});
