/** Stated Fisher-market prices in the allocation and lottery views (src/display/prices.ts, html/prices.ts). */
import { strict as assert } from 'node:assert';
import { Allocation, instance, Outcome } from '../../src/index';
import { payloadHtml, toPayload, type AllocationPayload, type LotteryPayload } from '../../src/display';
import { count } from '../helpers/html-shape';
import { solveExample } from '../helpers/mixed-display';

describe('display: Fisher-market prices of an fpo-prices claim', () => {
  const algorithm2 = solveExample('ef-efx-fpo-bivalued');

  it('gives each priced allocation with budgets, bang per buck and MBB edges, every held good an MBB good (A2-FREEZE, Lemma 5.5)', () => {
    const p = toPayload(algorithm2) as LotteryPayload;
    assert.equal(p.kind, 'lottery');
    assert.equal(p.prices?.length, algorithm2.lottery!.size);
    const first = p.prices![0];
    assert.deepEqual(first.prices, ['1', '1', '3', '3', '1', '1']);
    assert.deepEqual(first.held, [[0, 1, 2], [4, 5], [3]]);
    assert.deepEqual(first.budgets, ['5', '2', '3']);
    assert.deepEqual(first.bangPerBuck, ['1', '1', '1']);
    // agent 1 values good 2 at 1 against its price 3: not one of her MBB goods
    assert.deepEqual(first.mbb, [
      [0, 1, 2, 3, 4, 5],
      [0, 1, 3, 4, 5],
      [0, 1, 3, 4, 5],
    ]);
    for (const q of p.prices!) q.held.forEach((b, i) => b.forEach((g) => assert.ok(q.mbb![i].includes(g))));
  });

  it('HTML: one table per priced allocation, held goods filled, other MBB goods marked +, none off MBB', () => {
    const p = toPayload(algorithm2) as LotteryPayload;
    const html = payloadHtml(p);
    assert.equal(count(html, /<details class="fd-priced"/g), p.prices!.length);
    assert.equal(count(html, /<table class="fd-prices">/g), p.prices!.length);
    const held = p.prices!.reduce((s, q) => s + q.held.flat().length, 0);
    assert.equal(count(html, /data-held="1"/g), held);
    assert.equal(count(html, /data-off-mbb/g), 0);
    assert.ok(count(html, /data-mbb="1"/g) > 0);
  });

  it('marks a held good outside the MBB set when the stated prices do not certify the allocation', () => {
    const inst = instance({
      values: [
        [2, 1],
        [1, 2],
      ],
    });
    const a = new Allocation([[1], [0]], 2);
    const forged = new Outcome({
      mechanism: 'forged',
      instance: inst,
      allocation: a,
      claims: [
        {
          id: 'fpo-prices',
          text: 'stated prices',
          params: { prices: [{ allocation: [[1], [0]], prices: ['1', '1'] }] },
        },
      ],
    });
    const p = toPayload(forged) as AllocationPayload;
    assert.deepEqual(p.prices?.[0].mbb, [[0], [1]]);
    const html = payloadHtml(p);
    assert.equal(count(html, /data-off-mbb="1"/g), 2);
    assert.equal(count(html, /<table class="fd-prices">/g), 1);
  });

  it('escapes every string of hostile stated prices', () => {
    const p = toPayload(algorithm2) as LotteryPayload;
    const x = '<img class="pwned" src=x onerror="window.__pwned=1">';
    const hostile = {
      ...p,
      goods: p.goods.map(() => x),
      agents: p.agents.map(() => x),
      prices: [{ held: [[x]], prices: p.goods.map(() => x), budgets: [x, x, x], bangPerBuck: [x], mbb: [[x]] }],
    } as unknown as LotteryPayload;
    const html = payloadHtml(hostile);
    assert.doesNotMatch(html, /<img/);
    assert.match(html, /&lt;img class=&quot;pwned&quot;/);
  });

  it('leaves out stated entries that do not fit the instance, without throwing', () => {
    const inst = instance({
      values: [
        [2, 1],
        [1, 2],
      ],
    });
    const a = new Allocation([[0], [1]], 2);
    const params = {
      prices: [
        { allocation: [[0], [1]], prices: ['1'] },
        { allocation: [[0], [1]], prices: ['x', '1'] },
        { allocation: [[0], [7]], prices: ['1', '1'] },
        'not an entry',
        { allocation: [[0], [1]], prices: ['0', '1'] },
      ],
    };
    const o = new Outcome({
      mechanism: 'x',
      instance: inst,
      allocation: a,
      claims: [{ id: 'fpo-prices', text: 't', params }],
    });
    const p = toPayload(o) as AllocationPayload;
    assert.equal(p.prices?.length, 1);
    assert.equal(p.prices![0].bangPerBuck, undefined);
    assert.deepEqual(p.prices![0].budgets, ['0', '1']);
    const none = new Outcome({ mechanism: 'x', instance: inst, allocation: a, claims: [{ id: 'ef1', text: 't' }] });
    assert.equal((toPayload(none) as AllocationPayload).prices, undefined);
    assert.doesNotMatch(payloadHtml(toPayload(none)), /fd-prices/);
  });
});
