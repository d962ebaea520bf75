/**
 * Inline SVG charts (no scripts): the MMS-fraction histogram and curves with intervals (bands or error bars, on a
 * linear or logarithmic x axis). Their axes, categories and sizes come from src/display/chart-model.ts, which the
 * renderer's Plotly charts read too. Text uses currentColor; series use fixed hues with transparency (readable in
 * light and dark).
 */
import {
  CURVE_FRAME,
  curveFrame,
  curveXAxis,
  curveYAxis,
  dashOf,
  histogramModel,
  intervalOf,
  showMarkers,
  SVG_DASH,
  tickLabel,
  xScaleOf,
  type ChartAxis,
  type Frame,
} from '../chart-model';
import { roundDoubles } from '../format';
import type { CurvePanel, MmsHistogramPayload, SimulationPayload } from '../payload';
import { agentColor, agentHead, caption, esc, num } from './common';

export { ticks } from '../chart-model';

const px = (x: number): string => (Number.isFinite(x) ? x.toFixed(1) : '0');

/** The data -> pixel map of an axis over a span of pixels (logarithmic axes map log10). */
function scale(a: ChartAxis, from: number, to: number): (v: number) => number {
  const f = a.log ? Math.log10 : (v: number) => v;
  const [r0, r1] = [f(a.range[0]), f(a.range[1])];
  return (v) => from + ((f(v) - r0) / (r1 - r0 || 1)) * (to - from);
}

/** The y grid with its labels and the left axis line (shared by both chart kinds). */
function yGrid(f: Frame, y: ChartAxis, sy: (v: number) => number, yLabel: string): string {
  const grid = y.ticks
    .map(
      (t) =>
        `<line class="fd-grid" x1="${f.l}" x2="${f.w - f.r}" y1="${px(sy(t.value))}" y2="${px(sy(t.value))}"/><text class="fd-ytick" x="${f.l - 5}" y="${px(sy(t.value) + 3.5)}" text-anchor="end">${esc(t.label)}</text>`,
    )
    .join('');
  const label = `<text transform="translate(11,${px((f.t + f.h - f.b) / 2)}) rotate(-90)" text-anchor="middle" opacity=".8">${esc(yLabel)}</text>`;
  return grid + label;
}

/**
 * One chart of every agent's MMS fractions: a category per distinct exact fraction (and 1), one bar per agent in
 * it (height = probability), the region below MMS shaded and a dashed line where it ends.
 */
export function histogramSvg(p: MmsHistogramPayload): string {
  const m = histogramModel(p);
  const f = m.frame;
  const sy = scale(m.y, f.h - f.b, f.t);
  const n = p.agents.length;
  const left = (k: number) => f.l + k * m.slot;
  const xticks = m.categories
    .map((c, k) => {
      const x = left(k) + m.slot / 2;
      const label = m.tickAngle
        ? `<text class="fd-xtick" x="${px(x + 4)}" y="${f.h - f.b + 8}" text-anchor="end" transform="rotate(${m.tickAngle} ${px(x + 4)} ${f.h - f.b + 8})">${esc(c.label)}</text>`
        : `<text class="fd-xtick" x="${px(x)}" y="${f.h - f.b + 15}" text-anchor="middle">${esc(c.label)}</text>`;
      return `<line class="fd-axis" x1="${px(x)}" x2="${px(x)}" y1="${f.h - f.b}" y2="${f.h - f.b + 4}"/>${label}`;
    })
    .join('');
  const edge = m.one >= 0 ? left(m.one) : f.l;
  const below =
    m.one > 0
      ? `<rect class="fd-below-mms" x="${f.l}" y="${f.t}" width="${px(edge - f.l)}" height="${f.h - f.t - f.b}" fill="rgba(224,49,49,0.07)"/>`
      : '';
  const line = `<line x1="${px(edge)}" x2="${px(edge)}" y1="${f.t}" y2="${f.h - f.b}" stroke="currentColor" stroke-dasharray="4 3" stroke-opacity=".7"/><text x="${px(edge + 3)}" y="${f.t - 6}" opacity=".8">≥ MMS →</text>`;
  const index = new Map(m.categories.map((c, k) => [c.x, k]));
  const rects = p.agents
    .map((a, i) =>
      (p.series[i] ?? [])
        .map((b) => {
          const k = index.get(String(b.x)) ?? 0;
          const x = left(k) + (m.slot - n * m.bar) / 2 + i * m.bar;
          const y = sy(Number(b.pApprox));
          return `<rect class="fd-bar" data-agent="${i}" data-x="${esc(b.x)}" data-p="${esc(b.p)}" x="${px(x + 1)}" y="${px(y)}" width="${px(m.bar - 2)}" height="${px(Math.max(0.5, sy(0) - y))}" rx="1.5" fill="${agentColor(i, 0.8)}" stroke="${agentColor(i)}"><title>${esc(a)}: v/MMS = ${esc(b.x)}, p = ${esc(b.p)}</title></rect>`;
        })
        .join(''),
    )
    .join('');
  const empty = p.series.every((s) => !s?.length)
    ? `<text x="${px(f.w / 2)}" y="${px(f.h / 2)}" text-anchor="middle" opacity=".7">MMS unavailable</text>`
    : '';
  const frame = `<path class="fd-axis" d="M${f.l},${f.t} V${f.h - f.b} H${f.w - f.r}"/>`;
  const xLabel = `<text x="${px((f.l + f.w - f.r) / 2)}" y="${f.h - 4}" text-anchor="middle" opacity=".8">v<tspan baseline-shift="sub" font-size="8">i</tspan>(A<tspan baseline-shift="sub" font-size="8">i</tspan>) / MMS<tspan baseline-shift="sub" font-size="8">i</tspan> (exact)</text>`;
  return `<svg class="fd-svg fd-hist" width="${px(f.w)}" height="${f.h}" viewBox="0 0 ${px(f.w)} ${f.h}" role="img" aria-label="MMS fraction histogram">${below}${yGrid(f, m.y, sy, 'probability')}${xticks}${frame}${xLabel}${line}${rects}${empty}</svg>`;
}

/** Each agent's colour, P(v_i(A_i) ≥ MMS_i) and worst fraction, below the chart (shown with both front ends). */
function histogramLegend(p: MmsHistogramPayload): string {
  return `<div class="fd-legend">${p.agents
    .map((a, i) => {
      const facts =
        p.pAtLeastMms[i] !== null && p.pAtLeastMms[i] !== undefined
          ? ` <span class="fd-muted">P(≥ MMS) = ${num(p.pAtLeastMms[i])} · worst ${num(p.worst[i])}</span>`
          : ' <span class="fd-muted">MMS unavailable</span>';
      return `<span data-agent="${i}">${agentHead(a, i)}${facts}</span>`;
    })
    .join('')}</div>`;
}

export function histogramHtml(p: MmsHistogramPayload): string {
  const sub = 'distribution of v<sub>i</sub>(A<sub>i</sub>) / MMS<sub>i</sub> over the support (exact fractions)';
  return `<div class="fairdiv fd-histogram" data-kind="mms-histogram">${caption(p.title ?? `MMS fractions${p.mechanism ? ` · ${p.mechanism}` : ''}`, sub)}<div class="fd-charts fd-chart">${histogramSvg(p)}</div>${histogramLegend(p)}</div>`;
}

/** Curve colours: the first four agent hues, cycled. */
export function seriesColor(k: number, alpha = 1): string {
  return agentColor(k % 4, alpha);
}

/** A panel's series colours: one per series when several are overlaid, else the panel's own hue. */
export const panelColor = (panelIndex: number, seriesIndex: number, series: number, alpha = 1): string =>
  seriesColor(series > 1 ? seriesIndex : panelIndex + seriesIndex, alpha);

export function panelSvg(
  panel: CurvePanel,
  xLabel: string,
  panelIndex: number,
  xScale: 'linear' | 'log' = 'linear',
  f: Readonly<Frame> = CURVE_FRAME,
): string {
  const xa = curveXAxis(
    panel.series.flatMap((s) => s.points.map((p) => p.x)),
    xScale,
  );
  const ya = curveYAxis(panel);
  const sx = scale(xa, f.l, f.w - f.r);
  const sy = scale(ya, f.h - f.b, f.t);
  const xticks = xa.ticks
    .map(
      (t) =>
        `<line class="fd-axis" x1="${px(sx(t.value))}" x2="${px(sx(t.value))}" y1="${f.h - f.b}" y2="${f.h - f.b + 4}"/><text class="fd-xtick" x="${px(sx(t.value))}" y="${f.h - f.b + 15}" text-anchor="middle">${esc(t.label)}</text>`,
    )
    .join('');
  const axes = `${yGrid(f, ya, sy, panel.yLabel)}${xticks}<path class="fd-axis" d="M${f.l},${f.t} V${f.h - f.b} H${f.w - f.r}"/><text x="${px((f.l + f.w - f.r) / 2)}" y="${f.h - 3}" text-anchor="middle" opacity=".8">${esc(xLabel)}${xa.log ? ' (log scale)' : ''}</text>`;
  const count = panel.series.length;
  const body = panel.series
    .map((s, k) => {
      const c = panelColor(panelIndex, k, count);
      const dash = SVG_DASH[dashOf(s)];
      const iv = intervalOf(s);
      const band =
        iv === 'band'
          ? `<polygon class="fd-band" fill="${panelColor(panelIndex, k, count, 0.18)}" stroke="none" points="${[...s.points.map((p) => `${px(sx(p.x))},${px(sy(p.hi!))}`), ...[...s.points].reverse().map((p) => `${px(sx(p.x))},${px(sy(p.lo!))}`)].join(' ')}"/>`
          : '';
      const bars =
        iv === 'bars'
          ? s.points
              .map((p) => {
                const x = px(sx(p.x));
                return `<path class="fd-errbar" stroke="${c}" stroke-width="1.3" fill="none" d="M${x},${px(sy(p.lo!))} V${px(sy(p.hi!))} M${px(sx(p.x) - 3)},${px(sy(p.lo!))} h6 M${px(sx(p.x) - 3)},${px(sy(p.hi!))} h6"/>`;
              })
              .join('')
          : '';
      const line = `<polyline class="fd-line" fill="none" stroke="${c}" stroke-width="2"${dash ? ` stroke-dasharray="${dash}"` : ''} points="${s.points.map((p) => `${px(sx(p.x))},${px(sy(p.y))}`).join(' ')}"/>`;
      const dots = !showMarkers(s)
        ? ''
        : s.points
            .map(
              (p) =>
                `<circle cx="${px(sx(p.x))}" cy="${px(sy(p.y))}" r="2.6" fill="${c}"><title>${esc(s.name)}: ${esc(xLabel)} = ${tickLabel(p.x)}: ${tickLabel(p.y)}${p.lo !== undefined ? ` [${tickLabel(p.lo)}, ${tickLabel(p.hi ?? p.y)}]` : ''}</title></circle>`,
            )
            .join('');
      return band + bars + line + dots;
    })
    .join('');
  const legend = panel.series
    .map((s, k) => {
      const dash = SVG_DASH[dashOf(s)];
      return `<span><svg width="22" height="8"><line x1="0" x2="22" y1="4" y2="4" stroke="${panelColor(panelIndex, k, count)}" stroke-width="2"${dash ? ` stroke-dasharray="${dash}"` : ''}/></svg> ${esc(s.name)}</span>`;
    })
    .join('');
  const title = roundDoubles(String(panel.title));
  return `<figure class="fd-panel" data-panel="${panelIndex}" style="margin:0"><figcaption class="fd-title">${esc(title)}</figcaption><svg class="fd-svg" width="${f.w}" height="${f.h}" viewBox="0 0 ${f.w} ${f.h}" role="img" aria-label="${esc(title)}" data-xscale="${xa.log ? 'log' : 'linear'}">${axes}${body}</svg><div class="fd-legend">${legend}</div></figure>`;
}

export function simulationHtml(p: SimulationPayload): string {
  const params = p.params?.length
    ? `<div class="fd-muted">${p.params.map(([k, v]) => `${esc(k)} = ${esc(v)}`).join(' · ')}</div>`
    : '';
  const n = p.panels[0]?.series[0]?.points.length ?? 0;
  const kinds = new Set(p.panels.flatMap((panel) => panel.series.map(intervalOf)).filter((k) => k !== null));
  const intervals = kinds.size
    ? ` · ${kinds.has('bars') ? (kinds.has('band') ? 'error bars and bands' : 'error bars') : 'bands'} show the reported intervals`
    : '';
  const sub = `${n} points${xScaleOf(p) === 'log' ? ' · log x axis' : ''}${intervals}`;
  return `<div class="fairdiv fd-simulation" data-kind="simulation">${caption(p.title ?? 'Simulation', esc(sub))}${params}<div class="fd-charts fd-chart">${p.panels.map((panel, k) => panelSvg(panel, p.xLabel, k, xScaleOf(p), curveFrame(p))).join('')}</div></div>`;
}
