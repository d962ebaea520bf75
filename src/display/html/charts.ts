/**
 * Inline SVG charts (no scripts): the MMS-fraction histogram and simulation curves with bands.
 * Text uses currentColor; series use fixed hues with transparency (readable in light and dark).
 */
import type { CurvePanel, MmsHistogramPayload, SimulationPayload } from '../payload';
import { agentColor, agentHead, caption, esc, num } from './common';

/** Up to ~5 round ticks covering [lo, hi]. */
export function ticks(lo: number, hi: number, count = 5): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((k) => k * mag).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let t = Math.ceil(lo / step - 1e-9) * step; t <= hi + step * 1e-9; t += step)
    out.push(Number(t.toPrecision(12)));
  return out;
}

function niceMax(x: number): number {
  if (x <= 0) return 1;
  const t = ticks(0, x, 4);
  const last = t[t.length - 1];
  return last >= x - 1e-12 ? last : last + (t[1] - t[0]);
}

const fmt = (x: number): string => String(Number(x.toPrecision(4)));

interface Frame {
  w: number;
  h: number;
  l: number;
  r: number;
  t: number;
  b: number;
}

function axes(
  f: Frame,
  xs: [number, number],
  ys: [number, number],
  xLabel: string,
  yLabel: string,
): { sx: (x: number) => number; sy: (y: number) => number; svg: string } {
  const sx = (x: number) => f.l + ((x - xs[0]) / (xs[1] - xs[0] || 1)) * (f.w - f.l - f.r);
  const sy = (y: number) => f.h - f.b - ((y - ys[0]) / (ys[1] - ys[0] || 1)) * (f.h - f.t - f.b);
  const yt = ticks(ys[0], ys[1], 4);
  const xt = ticks(xs[0], xs[1], 5);
  const grid = yt
    .map(
      (y) =>
        `<line class="fd-grid" x1="${f.l}" x2="${f.w - f.r}" y1="${sy(y).toFixed(1)}" y2="${sy(y).toFixed(1)}"/><text x="${f.l - 5}" y="${(sy(y) + 3.5).toFixed(1)}" text-anchor="end">${fmt(y)}</text>`,
    )
    .join('');
  const xticks = xt
    .map(
      (x) =>
        `<line class="fd-axis" x1="${sx(x).toFixed(1)}" x2="${sx(x).toFixed(1)}" y1="${f.h - f.b}" y2="${f.h - f.b + 4}"/><text x="${sx(x).toFixed(1)}" y="${f.h - f.b + 15}" text-anchor="middle">${fmt(x)}</text>`,
    )
    .join('');
  const frame = `<path class="fd-axis" d="M${f.l},${f.t} V${f.h - f.b} H${f.w - f.r}"/>`;
  const labels = `<text x="${((f.l + f.w - f.r) / 2).toFixed(1)}" y="${f.h - 3}" text-anchor="middle" opacity=".8">${esc(xLabel)}</text><text transform="translate(11,${((f.t + f.h - f.b) / 2).toFixed(1)}) rotate(-90)" text-anchor="middle" opacity=".8">${esc(yLabel)}</text>`;
  return { sx, sy, svg: grid + xticks + frame + labels };
}

/** One small histogram per agent: bars at the exact fractions, height = probability, a line at 1. */
export function histogramSvg(p: MmsHistogramPayload): string {
  const all = p.series.flat();
  const xMax = Math.max(1.2, ...all.map((b) => b.approx)) * 1.08;
  const xMin = Math.min(0, ...all.map((b) => b.approx));
  const yMax = niceMax(Math.max(0, ...all.map((b) => b.pApprox)));
  const f: Frame = { w: 250, h: 170, l: 44, r: 10, t: 10, b: 34 };
  return p.agents
    .map((a, i) => {
      const bars = p.series[i];
      const { sx, sy, svg } = axes(f, [xMin, xMax], [0, yMax], 'v(A)/MMS', 'probability');
      const gaps = bars.slice(1).map((b, k) => sx(b.approx) - sx(bars[k].approx));
      const bw = Math.max(3, Math.min(18, ...gaps.map((g) => g * 0.8)));
      const rects = bars
        .map(
          (b) =>
            `<rect class="fd-bar" data-x="${esc(b.x)}" data-p="${esc(b.p)}" x="${(sx(b.approx) - bw / 2).toFixed(1)}" y="${sy(b.pApprox).toFixed(1)}" width="${bw.toFixed(1)}" height="${Math.max(0.5, sy(0) - sy(b.pApprox)).toFixed(1)}" rx="1.5" fill="${agentColor(i, 0.8)}" stroke="${agentColor(i)}"><title>v/MMS = ${esc(b.x)}: p = ${esc(b.p)}</title></rect>`,
        )
        .join('');
      const one = `<line x1="${sx(1).toFixed(1)}" x2="${sx(1).toFixed(1)}" y1="${f.t}" y2="${f.h - f.b}" stroke="currentColor" stroke-dasharray="4 3" stroke-opacity=".7"/><text x="${(sx(1) + 3).toFixed(1)}" y="${f.t + 9}" opacity=".8">MMS</text>`;
      const empty = bars.length
        ? ''
        : `<text x="${(f.w / 2).toFixed(0)}" y="${(f.h / 2).toFixed(0)}" text-anchor="middle" opacity=".7">MMS unavailable</text>`;
      const facts = p.pAtLeastMms[i] !== null ? `P(≥ MMS) = ${num(p.pAtLeastMms[i])} · worst ${num(p.worst[i])}` : '';
      return `<figure class="fd-hist" data-agent="${i}" style="margin:0"><figcaption>${agentHead(a, i)} <span class="fd-muted">${facts}</span></figcaption><svg class="fd-svg" width="${f.w}" height="${f.h}" viewBox="0 0 ${f.w} ${f.h}" role="img" aria-label="MMS fraction histogram of ${esc(a)}">${svg}${one}${rects}${empty}</svg></figure>`;
    })
    .join('');
}

export function histogramHtml(p: MmsHistogramPayload): string {
  const sub = 'distribution of v<sub>i</sub>(A<sub>i</sub>) / MMS<sub>i</sub> over the support (exact fractions)';
  return `<div class="fairdiv fd-histogram" data-kind="mms-histogram">${caption(p.title ?? `MMS fractions${p.mechanism ? ` · ${p.mechanism}` : ''}`, sub)}<div class="fd-charts fd-chart">${histogramSvg(p)}</div></div>`;
}

/** Curve colours: the first four agent hues, cycled. */
export function seriesColor(k: number, alpha = 1): string {
  return agentColor(k % 4, alpha);
}

export function panelSvg(panel: CurvePanel, xLabel: string, panelIndex: number): string {
  const f: Frame = { w: 340, h: 210, l: 48, r: 12, t: 10, b: 36 };
  const pts = panel.series.flatMap((s) => s.points);
  const xs: [number, number] = [Math.min(...pts.map((p) => p.x)), Math.max(...pts.map((p) => p.x))];
  let ys: [number, number];
  if (panel.yRange) ys = panel.yRange;
  else {
    const lo = Math.min(...pts.map((p) => p.lo ?? p.y));
    const hi = Math.max(...pts.map((p) => p.hi ?? p.y));
    const t = ticks(lo, hi, 4);
    ys = [Math.min(t[0], lo), Math.max(t[t.length - 1], hi)];
    if (ys[0] === ys[1]) ys = [ys[0] - 1, ys[1] + 1];
  }
  const { sx, sy, svg } = axes(f, xs, ys, xLabel, panel.yLabel);
  const body = panel.series
    .map((s, k) => {
      const c = seriesColor(panelIndex + k);
      const band =
        s.points.every((p) => p.lo !== undefined && p.hi !== undefined) && s.points.length > 1
          ? `<polygon class="fd-band" fill="${seriesColor(panelIndex + k, 0.2)}" stroke="none" points="${[...s.points.map((p) => `${sx(p.x).toFixed(1)},${sy(p.hi!).toFixed(1)}`), ...[...s.points].reverse().map((p) => `${sx(p.x).toFixed(1)},${sy(p.lo!).toFixed(1)}`)].join(' ')}"/>`
          : '';
      const line = `<polyline class="fd-line" fill="none" stroke="${c}" stroke-width="2"${s.dashed ? ' stroke-dasharray="6 4"' : ''} points="${s.points.map((p) => `${sx(p.x).toFixed(1)},${sy(p.y).toFixed(1)}`).join(' ')}"/>`;
      const dots = s.dashed
        ? ''
        : s.points
            .map(
              (p) =>
                `<circle cx="${sx(p.x).toFixed(1)}" cy="${sy(p.y).toFixed(1)}" r="2.6" fill="${c}"><title>${esc(xLabel)} = ${fmt(p.x)}: ${fmt(p.y)}${p.lo !== undefined ? ` [${fmt(p.lo)}, ${fmt(p.hi ?? p.y)}]` : ''}</title></circle>`,
            )
            .join('');
      return band + line + dots;
    })
    .join('');
  const legend = panel.series
    .map(
      (s, k) =>
        `<span><svg width="18" height="8"><line x1="0" x2="18" y1="4" y2="4" stroke="${seriesColor(panelIndex + k)}" stroke-width="2"${s.dashed ? ' stroke-dasharray="4 3"' : ''}/></svg> ${esc(s.name)}${s.points.some((p) => p.lo !== undefined) ? ' <span class="fd-muted">(band: interval)</span>' : ''}</span>`,
    )
    .join('');
  return `<figure class="fd-panel" data-panel="${panelIndex}" style="margin:0"><figcaption class="fd-title">${esc(panel.title)}</figcaption><svg class="fd-svg" width="${f.w}" height="${f.h}" viewBox="0 0 ${f.w} ${f.h}" role="img" aria-label="${esc(panel.title)}">${svg}${body}</svg><div class="fd-legend">${legend}</div></figure>`;
}

export function simulationHtml(p: SimulationPayload): string {
  const params = p.params?.length
    ? `<div class="fd-muted">${p.params.map(([k, v]) => `${esc(k)} = ${esc(v)}`).join(' · ')}</div>`
    : '';
  const n = p.panels[0]?.series[0]?.points.length ?? 0;
  return `<div class="fairdiv fd-simulation" data-kind="simulation">${caption(p.title ?? 'Simulation', `${n} points · bands show the reported intervals`)}${params}<div class="fd-charts fd-chart">${p.panels.map((panel, k) => panelSvg(panel, p.xLabel, k)).join('')}</div></div>`;
}
