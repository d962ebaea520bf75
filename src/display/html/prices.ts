/**
 * HTML of stated Fisher-market prices (the fPO certificate of an `fpo-prices` claim): per priced allocation,
 * the price row, then per agent the goods she holds (filled, in her colour) and her other maximum-bang-per-buck
 * goods (`+`, outlined), her budget and her bang per buck. A held good outside her MBB set would break the
 * certificate and is marked `✗`. Pure string builder; every payload string is escaped.
 */
import type { FisherPricesPayload } from '../payload';
import { agentColor, agentHead, esc, num } from './common';

/** At most this many priced allocations are drawn (the rest are counted). */
const MAX_PRICED = 12;

const has = (list: unknown, g: number): boolean => Array.isArray(list) && list.includes(g);

function bundlesText(goods: readonly string[], held: unknown): string {
  const rows = Array.isArray(held) ? held : [];
  return rows.map((b) => `{${(Array.isArray(b) ? b : []).map((g) => esc(goods[g] ?? g)).join(', ')}}`).join(' | ');
}

function priceTable(agents: readonly string[], goods: readonly string[], q: FisherPricesPayload): string {
  const head = goods.map((g, k) => `<th data-good="${k}">${esc(g)}</th>`).join('');
  const priceRow = goods.map((_, g) => `<td class="fd-r">${num(q.prices?.[g])}</td>`).join('');
  const rows = agents
    .map((a, i) => {
      const cells = goods
        .map((_, g) => {
          const held = has(q.held?.[i], g);
          const mbb = has(q.mbb?.[i], g);
          if (held && (mbb || !q.mbb))
            return `<td class="fd-c" data-good="${g}" data-held="1" style="background:${agentColor(i, 0.3)}" title="held${q.mbb ? ', a maximum-bang-per-buck good' : ''}">●</td>`;
          if (held)
            return `<td class="fd-c fd-bad" data-good="${g}" data-held="1" data-off-mbb="1" title="held but not a maximum-bang-per-buck good">✗</td>`;
          if (mbb)
            return `<td class="fd-c" data-good="${g}" data-mbb="1" style="box-shadow:inset 0 0 0 1px ${agentColor(i)}" title="a maximum-bang-per-buck good she does not hold">+</td>`;
          return `<td data-good="${g}"></td>`;
        })
        .join('');
      return `<tr data-agent="${i}"><th>${agentHead(a, i)}</th>${cells}<td class="fd-r fd-sep">${num(q.budgets?.[i])}</td><td class="fd-r">${num(q.bangPerBuck?.[i])}</td></tr>`;
    })
    .join('');
  return `<table class="fd-prices"><thead><tr><th></th>${head}<th class="fd-sep">budget e<sub>i</sub></th><th>bang per buck α<sub>i</sub></th></tr></thead><tbody><tr class="fd-price-row"><th>price p<sub>g</sub></th>${priceRow}<td class="fd-sep"></td><td></td></tr>${rows}</tbody></table>`;
}

/** The stated prices of an allocation or lottery payload (empty when it states none). */
export function pricesHtml(p: { agents: string[]; goods: string[]; prices?: FisherPricesPayload[] }): string {
  const list = Array.isArray(p.prices) ? p.prices : [];
  if (!list.length) return '';
  const shown = list.slice(0, MAX_PRICED);
  const body =
    shown.length === 1
      ? priceTable(p.agents, p.goods, shown[0])
      : shown
          .map(
            (q, k) =>
              `<details class="fd-priced" data-priced="${k}"${k === 0 ? ' open' : ''}><summary>${bundlesText(p.goods, q.held)}</summary>${priceTable(p.agents, p.goods, q)}</details>`,
          )
          .join('');
  const more =
    list.length > shown.length
      ? `<div class="fd-muted">… and ${list.length - shown.length} more priced allocations</div>`
      : '';
  return `<div class="fd-section">Fisher-market prices <span class="fd-muted" style="font-weight:400">(the fPO certificate: ● held, + another maximum-bang-per-buck good; <code>certify</code> re-checks it from the prices alone)</span></div>${body}${more}`;
}
