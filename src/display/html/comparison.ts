/**
 * HTML of the `comparison` kind: mechanisms x certified properties as a heatmap. Property cells are tinted by
 * their status (holds, fails, unchecked, not applicable), share fractions on a red-to-green scale that reaches
 * green at 1, times on a neutral scale by their logarithm; every cell's title says what it means. The mechanisms
 * that did not run are listed under the table with the reason.
 */
import type { ComparisonCellPayload, ComparisonColumn, ComparisonPayload } from '../payload';
import { caption, decimal, esc, shortDecimal } from './common';

const MARK: Readonly<Record<'pass' | 'fail' | 'unchecked' | 'n/a', string>> = {
  pass: '✓',
  fail: '✗',
  unchecked: '?',
  'n/a': '–',
};
const WORD: Readonly<Record<'pass' | 'fail' | 'unchecked' | 'n/a', string>> = {
  pass: 'holds (certified)',
  fail: 'fails (certified)',
  unchecked: 'not decided within the time limit',
  'n/a': 'does not apply',
};

/** Red (0) through amber to green (1 and above), translucent so it reads on light and dark backgrounds. */
function fractionTint(x: number): string {
  const t = Math.max(0, Math.min(1, x));
  return `hsla(${Math.round(120 * t)},70%,45%,0.32)`;
}

/** A number as the cell shows it: exact when short (`5/4`), else a 3-significant-digit decimal. */
function shortNumber(exact: string): string {
  return exact.length <= 5 ? exact : shortDecimal(exact);
}

function cellHtml(c: ComparisonCellPayload | undefined, col: ComparisonColumn, maxLogTime: number): string {
  const attrs = `data-col="${esc(col.id)}" data-status="${esc(c?.status ?? 'n/a')}"`;
  if (!c || c.status !== 'value') {
    const given = c && c.status !== 'value' ? c.status : 'n/a';
    // a status read from a notebook file selects a class name: only a known one, never its text (issue 16)
    const status = Object.prototype.hasOwnProperty.call(WORD, given) ? given : 'n/a';
    const title = `${col.label}: ${WORD[status]}${c?.reason ? ` (${c.reason})` : ''}`;
    return `<td class="fd-c fd-hm fd-hm-${status === 'n/a' ? 'na' : status}" ${attrs} title="${esc(title)}">${MARK[status]}</td>`;
  }
  const exact = c.value ?? '';
  const v = c.approx ?? Number.NaN;
  const title = `${col.label}: ${exact}${exact.includes('/') ? ` ≈ ${decimal(exact)}` : ''}${c.reason ? ` (${c.reason})` : ''}`;
  let style = '';
  if (col.type === 'fraction') style = `background:${fractionTint(v)}`;
  else if (col.type === 'time' && maxLogTime > 0)
    style = `background:rgba(59,130,246,${(0.05 + (0.3 * Math.log1p(Math.max(0, v))) / maxLogTime).toFixed(3)})`;
  const text = col.type === 'time' ? (v < 10 ? v.toFixed(1) : String(Math.round(v))) : shortNumber(exact);
  return `<td class="fd-r fd-hm fd-num" ${attrs} data-value="${esc(exact)}" style="${style}" title="${esc(title)}">${esc(text)}</td>`;
}

function legend(): string {
  const chip = (cls: string, mark: string, word: string) =>
    `<span><span class="fd-hm fd-hm-chip ${cls}">${mark}</span>${esc(word)}</span>`;
  const scale = [0, 0.5, 0.75, 1]
    .map((x) => `<span class="fd-hm fd-hm-chip" style="background:${fractionTint(x)}">${x}</span>`)
    .join('');
  return `<div class="fd-legend">${chip('fd-hm-pass', '✓', 'holds')}${chip('fd-hm-fail', '✗', 'fails')}${chip('fd-hm-unchecked', '?', 'undecided (time limit)')}${chip('fd-hm-na', '–', 'does not apply')}<span>fractions ${scale}</span></div>`;
}

export function comparisonHtml(p: ComparisonPayload): string {
  const timeCol = p.columns.findIndex((c) => c.type === 'time');
  const maxLogTime = Math.max(0, ...p.rows.map((r) => Math.log1p(Math.max(0, r.cells[timeCol]?.approx ?? 0))));
  // two-word headings on two lines keep the columns narrow
  const head = p.columns.map((c) => `<th data-col="${esc(c.id)}">${esc(c.label).replace(' ', '<br>')}</th>`).join('');
  const rows = p.rows
    .map(
      (r) =>
        `<tr data-mechanism="${esc(r.mechanism)}"><th title="${esc(`${r.name} (${r.source})`)}"><code>${esc(r.mechanism)}</code><br><span class="fd-muted fd-small">${esc(r.outcomeKind)}</span></th>${p.columns
          .map((c, k) => cellHtml(r.cells[k], c, maxLogTime))
          .join('')}</tr>`,
    )
    .join('');
  const skipped = p.skipped.length
    ? `<details class="fd-skipped"><summary>Not run (${p.skipped.length})</summary><table><thead><tr><th>mechanism</th><th>why</th><th>reason</th></tr></thead><tbody>${p.skipped
        .map(
          (s) =>
            `<tr data-mechanism="${esc(s.mechanism)}" data-status="${esc(s.status)}"><th><code>${esc(s.mechanism)}</code></th><td style="white-space:nowrap">${esc(s.status)}</td><td>${esc(s.reason)}</td></tr>`,
        )
        .join('')}</tbody></table></details>`
    : '';
  const sub = `${p.rows.length} mechanisms on ${p.agents.length} agents × ${p.goods.length} goods; lotteries ex post (every allocation of the support), fractions the worst agent over the support`;
  return `<div class="fairdiv fd-comparison" data-kind="comparison">${caption(p.title ?? 'Comparison', esc(sub))}${legend()}<table class="fd-heatmap"><thead><tr><th>mechanism</th>${head}</tr></thead><tbody>${rows}</tbody></table>${skipped}</div>`;
}
