import { strict as assert } from 'node:assert';
import { certify } from '../../../src/certify';
import { DomainError } from '../../../src/core/errors';
import { Instance, instance, type InstanceJSON } from '../../../src/core/instance';
import { MixedLottery } from '../../../src/core/mixed-allocation';
import { Outcome } from '../../../src/core/outcome';
import '../../../src/mechanisms/bobw-mixed';
import { list, mechanism } from '../../../src/mechanisms/registry';
import { ownValues, valueTable, worked } from './helpers';

const IDS = ['ef-efx-two-agents', 'ef-efm-two-agents', 'prop-efm', 'ef-efx-fpo-bivalued'];

function solve(id: string, inst: Instance | InstanceJSON | number[][], options?: Record<string, unknown>): Outcome {
  return mechanism(id).run(inst instanceof Instance ? inst : instance(inst), options);
}

function domainCode(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    assert.ok(e instanceof DomainError, String(e));
    return e.code;
  }
  assert.fail('expected a DomainError');
}

describe('bobw-mixed mechanisms', () => {
  it('registers the four mechanisms with the full citation of Bu, Li, Liu, Lu & Tao', () => {
    const ours = list().filter((m) => IDS.includes(m.id));
    assert.deepEqual(
      ours.map((m) => m.id),
      IDS,
    );
    for (const m of ours)
      assert.match(
        `${m.citation.authors} ${m.citation.year} ${m.citation.venue}`,
        /Bu, Li, Liu, Lu & Tao 2024 WINE 2024; arXiv:2410.06877/,
      );
  });
  it('certifies every claim of every worked example', () => {
    for (const id of IDS) {
      const m = mechanism(id);
      const report = certify(solve(id, m.example.instance, m.example.options));
      assert.equal(report.verdict, 'certified', `${id}: ${JSON.stringify(report.toJSON())}`);
    }
  });
  it('gives each agent 15/2 and 19/2 ex-ante, equal to her value of the other bundle (A3-L10)', () => {
    const inst = worked('A3-L10');
    const o = solve('ef-efx-two-agents', inst);
    assert.deepEqual(valueTable(inst, o.fractional!), [
      ['15/2', '15/2'],
      ['19/2', '19/2'],
    ]);
  });
  it('values the other bundle as much as her own ex-ante in M3-L10 (13/2 and 9) and M3-L11 (3/2)', () => {
    assert.deepEqual(valueTable(worked('M3-L10'), solve('ef-efm-two-agents', worked('M3-L10')).fractional!), [
      ['13/2', '13/2'],
      ['9', '9'],
    ]);
    assert.deepEqual(valueTable(worked('M3-L11'), solve('ef-efm-two-agents', worked('M3-L11')).fractional!), [
      ['3/2', '3/2'],
      ['3/2', '3/2'],
    ]);
  });
  it('shows 2/3 of the cake in the fractional allocation and the mixed support (M3-TR)', () => {
    const o = solve('ef-efm-two-agents', worked('M3-TR'));
    assert.deepEqual(o.toJSON().mixed, [
      { p: '1', allocation: { bundles: [[0], []], divisible: [1], fractions: [['1/3'], ['2/3']] } },
    ]);
  });
  it('gives the exact A2-FREEZE ex-ante values (13/3 vs 17/6; 17/6 vs 7/3 and a tight 17/6) and fPO price certificates', () => {
    const inst = worked('A2-FREEZE');
    const o = solve('ef-efx-fpo-bivalued', inst);
    assert.deepEqual(valueTable(inst, o.fractional!), [
      ['13/3', '17/6', '17/6'],
      ['7/3', '17/6', '17/6'],
      ['7/3', '17/6', '17/6'],
    ]);
    const claim = o.claims.find((c) => c.id === 'ex-post-fpo-prices')!;
    assert.deepEqual(claim.params!.prices, [
      { allocation: [[0, 1, 2], [4, 5], [3]], prices: ['1', '1', '3', '3', '1', '1'] },
      { allocation: [[0, 1, 2], [3], [4, 5]], prices: ['1', '1', '3', '3', '1', '1'] },
      { allocation: [[0, 2], [1, 4, 5], [3]], prices: ['1', '1', '3', '3', '1', '1'] },
      { allocation: [[0, 2], [3], [1, 4, 5]], prices: ['1', '1', '3', '3', '1', '1'] },
    ]);
  });
  it('fails the price claim when a stated price vector is wrong (the certificate is re-checked from the prices alone)', () => {
    const inst = worked('A2-NOSWAP');
    const o = solve('ef-efx-fpo-bivalued', inst);
    const forged = o.claims.map((c) =>
      c.id === 'ex-post-fpo-prices'
        ? {
            ...c,
            params: {
              prices: [
                {
                  allocation: [
                    [2, 3],
                    [0, 1],
                  ],
                  prices: ['1', '1', '2', '2'],
                },
              ],
            },
          }
        : c,
    );
    const r = certify(new Outcome({ mechanism: o.mechanism, instance: inst, lottery: o.lottery, claims: forged }));
    assert.equal(r.claims.find((c) => c.id === 'ex-post-fpo-prices')!.status, 'fail');
  });
  it('gives the exact A2-MLTN lottery: 1/3 each on three allocations, ex-ante 4/3, 4/3, 2/3', () => {
    const inst = worked('A2-MLTN');
    const o = solve('ef-efx-fpo-bivalued', inst);
    assert.deepEqual(
      o.lottery!.toJSON().map((e) => [e.p, e.allocation]),
      [
        ['1/3', [[0], [1], []]],
        ['1/3', [[0], [], [1]]],
        ['1/3', [[], [0], [1]]],
      ],
    );
    assert.deepEqual(valueTable(inst, o.fractional!), [
      ['4/3', '1', '2/3'],
      ['4/3', '4/3', '4/3'],
      ['2/3', '2/3', '2/3'],
    ]);
  });
  it('gives E[u] = (251/54, 128/27, 47/9) >= PROP = 4 on E2E-B3 and certifies it', () => {
    const inst = worked('E2E-B3');
    const o = solve('prop-efm', inst);
    assert.deepEqual(ownValues(inst, o.fractional!), ['251/54', '128/27', '47/9']);
    assert.equal(o.mixed!.size, 5);
    assert.equal(certify(o).verdict, 'certified');
  });
  it('runs one given agent order with ex-post claims only and says why ex-ante PROP is not claimed', () => {
    const o = solve('prop-efm', worked('E2E-B3'), { agentOrder: [2, 0, 1] });
    assert.deepEqual(
      o.claims.map((c) => c.id),
      ['ex-post-efm'],
    );
    assert.equal(
      String(o.mixed!.entries[0].allocation),
      '{2, 5, 2/9 of 7} | {1, 3, 6, 1/18 of 7} | {0, 4, 13/18 of 7}',
    );
    assert.match(o.trace.find((s) => s.id === 'ex-ante')!.text!, /only ex-post properties are claimed/);
  });
  it('draws one order from the seed beyond 8 agents, records it, and claims ex-post properties only (n = 10)', () => {
    const values = Array.from({ length: 10 }, (_, i) =>
      Array.from({ length: 30 }, (_, g) => ((i * 7 + g * 3) % 5 === 0 ? 3 : 1)),
    );
    const inst = new Instance(values, { bivalued: [1, 3] });
    const o = solve('ef-efx-fpo-bivalued', inst, { seed: 7 });
    assert.deepEqual(
      o.claims.map((c) => c.id),
      ['ex-post-efx0', 'ex-post-fpo', 'ex-post-fpo-prices'],
    );
    assert.equal((o.options.agentOrder as number[]).length, 10);
    assert.match(o.trace.find((s) => s.id === 'ex-ante')!.text!, /n = 10 > 8/);
    assert.equal(certify(o).verdict, 'certified');
    const again = solve('ef-efx-fpo-bivalued', inst, JSON.parse(JSON.stringify(o.options)));
    assert.deepEqual(again.lottery!.toJSON(), o.lottery!.toJSON());
    assert.notDeepEqual(solve('ef-efx-fpo-bivalued', inst, { seed: 8 }).options.agentOrder, o.options.agentOrder);
  });
  it('rejects instances outside each domain with typed errors', () => {
    assert.equal(
      domainCode(() => solve('ef-efx-two-agents', [[1], [1], [1]])),
      'n-not-2',
    );
    assert.equal(
      domainCode(() => solve('ef-efx-two-agents', worked('M3-TR'))),
      'has-divisible-goods',
    );
    assert.equal(
      domainCode(() => solve('ef-efm-two-agents', [[1], [1], [1]])),
      'n-not-2',
    );
    assert.equal(
      domainCode(() =>
        solve('prop-efm', {
          values: [
            [1, 2, 3],
            [1, 2, 3],
          ],
        }),
      ),
      'not-bivalued',
    );
    assert.equal(
      domainCode(() => solve('ef-efx-fpo-bivalued', worked('X1'))),
      'not-bivalued',
    );
    assert.equal(
      domainCode(() => solve('ef-efx-fpo-bivalued', { values: [[0, 1]], bivalued: [0, 1] })),
      'binary',
    );
    assert.equal(
      domainCode(() => solve('ef-efx-fpo-bivalued', { values: [[1, 3, 5]], divisible: [2], bivalued: [1, 3] })),
      'has-divisible-goods',
    );
  });
  it('runs prop-efm without a declaration when there are at most n indivisible goods (Theorem 4.3)', () => {
    const o = solve('prop-efm', {
      values: [
        [5, 1, 2],
        [3, 3, 7],
      ],
      divisible: [2],
    });
    assert.match(o.claims[0].text, /Theorem 4.3/);
    assert.equal(certify(o).verdict, 'certified');
  });
  it('round-trips a mixed outcome through its JSON and certifies the rebuilt one', () => {
    const inst = worked('E2E-B3');
    const o = solve('prop-efm', inst);
    const json = JSON.parse(JSON.stringify(o.toJSON()));
    const back = new Outcome({
      mechanism: o.mechanism,
      instance: instance(JSON.parse(JSON.stringify(inst))),
      mixed: MixedLottery.fromJSON(json.mixed, inst),
      claims: o.claims,
    });
    assert.deepEqual(back.toJSON().fractional, json.fractional);
    assert.equal(certify(back).verdict, 'certified');
  });
});
