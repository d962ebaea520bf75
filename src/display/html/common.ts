/**
 * Shared HTML helpers: escaping, number cells, agent colours and the scoped stylesheet.
 * The HTML is self-contained (no scripts, no network) and themed with `currentColor` and CSS variables
 * (VS Code's `--vscode-*` when present, neutral fallbacks elsewhere), so it reads in light and dark.
 */
import { isExact, roundDoubles, shortDecimal } from '../format';
import { approx } from '../payload';

export { shortDecimal } from '../format';

export function esc(s: unknown): string {
  return String(s).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

/** Agent hues (RGB) used as translucent fills, readable on light and dark backgrounds. */
const AGENT_RGB: readonly [number, number, number][] = [
  [59, 130, 246],
  [234, 88, 12],
  [22, 163, 74],
  [168, 85, 247],
  [219, 39, 119],
  [13, 148, 136],
  [202, 138, 4],
  [100, 116, 139],
];

export function agentColor(i: number, alpha = 1): string {
  const [r, g, b] = AGENT_RGB[((i % AGENT_RGB.length) + AGENT_RGB.length) % AGENT_RGB.length];
  return alpha >= 1 ? `rgb(${r},${g},${b})` : `rgba(${r},${g},${b},${alpha})`;
}

/** CSS variables of agent i's colour, for an owned cell or a bundle chip. */
export const agentVars = (i: number): string => `--fd-agent:${agentColor(i)};--fd-agent-bg:${agentColor(i, 0.16)}`;

/** An agent's name after a dot of her colour. */
export function agentHead(name: string, i: number): string {
  return `<span class="fd-dot" style="background:${agentColor(i)}"></span>${esc(name)}`;
}

/**
 * An exact number for a cell: the exact string when short; up to 40 characters the exact string with a short
 * decimal beside it (`38468101589/1000000000000 ≈ 0.0385`), breakable after its slash so that a narrow cell wraps
 * it instead of overflowing; longer, the short decimal alone (the exact value in the title). A string that is not an
 * exact number (a decimal, a name) is shown as text.
 */
export function num(x: string | undefined | null): string {
  if (x === undefined || x === null || x === '') return '<span class="fd-muted">—</span>';
  const s = String(x);
  if (!isExact(s)) return `<span class="fd-num">${esc(s)}</span>`;
  if (s.length <= 14) return `<span class="fd-num" title="${esc(decimal(s))}">${esc(s)}</span>`;
  const short = esc(shortDecimal(s));
  if (s.length <= 40)
    return `<span class="fd-num" title="${esc(decimal(s))}">${esc(s).replace('/', '/<wbr>')} <span class="fd-muted">≈ ${short}</span></span>`;
  return `<span class="fd-num" title="${esc(s)}">≈ ${short}</span>`;
}

export function decimal(x: string): string {
  const v = approx(x);
  if (!Number.isFinite(v)) return x;
  if (Number.isInteger(v)) return String(v);
  return String(Number(v.toPrecision(6)));
}

/** A ratio cell (exact) tinted by whether it reaches 1. */
export function ratio(x: string | undefined): string {
  if (x === undefined) return '<td class="fd-r fd-muted">—</td>';
  const v = approx(x);
  const cls = v >= 1 ? 'fd-good' : v >= 0.75 ? 'fd-warn' : 'fd-bad';
  return `<td class="fd-r ${cls}" data-ratio="${esc(x)}">${num(x)}</td>`;
}

/** The caption of a display: its title (raw doubles rounded, see roundDoubles) and a subtitle (HTML). */
export function caption(title: string | undefined, sub?: string): string {
  if (!title && !sub) return '';
  return `<div class="fd-caption">${title ? `<span class="fd-title">${esc(roundDoubles(String(title)))}</span>` : ''}${sub ? ` <span class="fd-muted">${sub}</span>` : ''}</div>`;
}

/**
 * The scope of every rule: the root of each display (`<div class="fairdiv fd-<kind>" data-kind="<kind>">`). Its
 * specificity (a class and an attribute) makes `.fairdiv[data-kind] td` (0,2,1) tie with the strongest table rules
 * of the hosts (JupyterLab's `:not(.jp-RenderedMarkdown).jp-RenderedHTMLCommon td`, which right-aligns every
 * cell and strips borders, zebra stripes on `tbody tr:nth-child(odd)`, `ul:not(.list-inline)` padding) and win by
 * coming later (the stylesheet travels inside the output); the alignment classes (`td.fd-r`, (0,3,1)) win outright.
 */
const S = '.fairdiv[data-kind]';

/**
 * The stylesheet, scoped under `.fairdiv[data-kind]` (see S). Colours come from VS Code theme variables when
 * rendered in VS Code, else fall back to currentColor-based translucent tones, so it reads in light and dark.
 */
export const STYLE = `<style>
${S}{--fd-fg:var(--vscode-editor-foreground,currentColor);--fd-line:rgba(128,128,128,.32);--fd-soft:rgba(128,128,128,.10);
--fd-good:var(--vscode-testing-iconPassed,#2f9e44);--fd-bad:var(--vscode-testing-iconFailed,#e03131);--fd-warn:var(--vscode-editorWarning-foreground,#c27c0e);
--fd-accent:var(--vscode-charts-blue,#3b82f6);
color:var(--fd-fg);font-family:var(--vscode-font-family,system-ui,-apple-system,"Segoe UI",sans-serif);font-size:var(--vscode-font-size,13px);line-height:1.4;margin:4px 0;max-width:100%;overflow-x:auto;text-align:left}
${S} .fd-caption{margin:2px 0 6px}
${S} .fd-title{font-weight:600}
${S} .fd-muted{opacity:.65}
${S} .fd-small{font-size:.85em;font-weight:400}
${S} .fd-section{margin:10px 0 4px;font-weight:600;font-size:.92em;opacity:.85}
${S} table{border-collapse:collapse;border-spacing:0;border:none;margin:2px 0 6px;font-size:inherit;color:inherit;table-layout:auto;width:auto;font-variant-numeric:tabular-nums}
${S} thead{border:none;vertical-align:middle}
${S} tbody tr,${S} thead tr{background:transparent}
${S} th,${S} td{border:1px solid var(--fd-line);padding:3px 8px;vertical-align:middle;text-align:left;line-height:1.4;white-space:normal;max-width:none;font-weight:400}
${S} th{font-weight:600}
${S} thead th{background:var(--fd-soft);text-align:center}
${S} tbody th{white-space:nowrap}
${S} th.fd-r,${S} td.fd-r,${S} .fd-r{text-align:right}
${S} th.fd-c,${S} td.fd-c,${S} .fd-c{text-align:center}
${S} .fd-num{font-family:var(--vscode-editor-font-family,ui-monospace,SFMono-Regular,Menlo,Consolas,monospace);font-size:.95em}
${S} code{font-family:var(--vscode-editor-font-family,ui-monospace,SFMono-Regular,Menlo,Consolas,monospace);font-size:.95em;background:var(--fd-soft);color:inherit;padding:0 3px;border-radius:3px;white-space:normal}
${S} .fd-sep{border-left:2px solid var(--fd-line)}
${S} td.fd-own{font-weight:700;box-shadow:inset 0 -3px 0 var(--fd-agent)}
${S} td.fd-not{opacity:.55}
${S} .fd-good{color:var(--fd-good)}
${S} .fd-bad{color:var(--fd-bad)}
${S} .fd-warn{color:var(--fd-warn)}
${S} .fd-dot{display:inline-block;width:.7em;height:.7em;border-radius:50%;margin-right:.4em;vertical-align:baseline}
${S} .fd-chip{display:inline-block;padding:0 6px;margin:1px 2px;border-radius:9px;border:1px solid var(--fd-agent);background:var(--fd-agent-bg);white-space:nowrap;font-size:.92em}
${S} .fd-pbar{display:inline-block;height:.55em;background:var(--fd-accent);opacity:.75;border-radius:2px;margin-left:6px;vertical-align:middle}
${S} tr.fd-expected th,${S} tr.fd-expected td{border-top:2px solid var(--fd-line);background:var(--fd-soft)}
${S} .fd-badge{display:inline-block;padding:0 7px;border-radius:9px;font-weight:700;font-size:.85em;letter-spacing:.02em;border:1px solid currentColor;white-space:nowrap}
${S} tr.fd-claim-fail td{background:rgba(224,49,49,.10)}
${S} tr.fd-claim-fail td:first-child{box-shadow:inset 4px 0 0 var(--fd-bad)}
${S} tr.fd-claim-pass td:first-child{box-shadow:inset 4px 0 0 var(--fd-good)}
${S} tr.fd-claim-unchecked td:first-child{box-shadow:inset 4px 0 0 var(--fd-warn)}
${S} table.fd-cert td{vertical-align:top}
${S} .fd-rel{margin:0 0 4px}
${S} .fd-rel .fd-k{opacity:.8}
${S} .fd-side{white-space:nowrap}
${S} .fd-op{margin:0 .25em}
${S} ul.fd-kv{margin:0;padding:0;list-style:none}
${S} ul.fd-kv>li{margin:1px 0;padding:0}
${S} .fd-kv .fd-k{opacity:.7;margin-right:.35em}
${S} ul.fd-kv ul.fd-kv{padding-left:1.1em}
${S} ol.fd-list{margin:0;padding:0 0 0 2.8em;list-style:decimal outside}
${S} ol.fd-list>li{margin:1px 0;padding:0}
${S} details{margin:4px 0}
${S} summary{cursor:pointer;font-weight:600;opacity:.9;display:list-item}
${S} .fd-charts{display:flex;flex-wrap:wrap;gap:14px;align-items:flex-start}
${S} svg{overflow:visible}
${S} svg text{fill:currentColor;font-size:11px;font-family:inherit}
${S} svg .fd-axis{stroke:currentColor;stroke-opacity:.45;stroke-width:1;fill:none}
${S} svg .fd-grid{stroke:currentColor;stroke-opacity:.12;stroke-width:1}
${S} .fd-legend{font-size:.9em;margin:2px 0}
${S} .fd-legend>span{margin-right:14px;white-space:nowrap;display:inline-block}
${S} td.fd-hm{min-width:2.6em}
${S} table.fd-heatmap th,${S} table.fd-heatmap td{padding:2px 6px}
${S} table.fd-heatmap thead th{white-space:nowrap;font-size:.92em;line-height:1.2}
${S} table.fd-heatmap tbody th{white-space:nowrap;line-height:1.2}
${S} .fd-hm-pass{background:rgba(47,158,68,.30)}
${S} .fd-hm-fail{background:rgba(224,49,49,.30)}
${S} .fd-hm-unchecked{background:rgba(194,124,14,.30)}
${S} .fd-hm-na{opacity:.5}
${S} .fd-legend .fd-hm-chip{display:inline-block;min-width:1.6em;text-align:center;padding:0 3px;margin:0 3px;border-radius:3px}
</style>`;
