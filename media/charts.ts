/**
 * Plotly charts (lazy chunk): the MMS-fraction histogram and curves with intervals. Loaded with a dynamic import
 * only when an output needs a chart. Axes (scale, range, tick values and labels), histogram categories and sizes
 * come from src/display/chart-model.ts, as for the inline SVG of the HTML fallback, so both show the same thing.
 * Transparent backgrounds, theme font colour, no logo, no network.
 */
import Plotly from 'plotly.js-cartesian-dist-min';
import {
  curveFrame,
  curveXAxis,
  curveYAxis,
  dashOf,
  histogramModel,
  intervalOf,
  showMarkers,
  xScaleOf,
  type ChartAxis,
} from '../src/display/chart-model';
import { agentColor } from '../src/display/html/common';
import { panelColor } from '../src/display/html/charts';
import type { MmsHistogramPayload, SimulationPayload } from '../src/display/payload';
import { chartTheme, type ChartTheme } from './theme';

const CONFIG = { responsive: false, displaylogo: false, displayModeBar: false, staticPlot: false };

/**
 * A payload string as Plotly text. Plotly reads a few tags (`<b>`, `<a href>`, `<span style>`, ...) in every
 * label and decodes `&amp;`, `&lt;`, `&gt;`: escaping those three shows names as written, never as markup.
 * (Plotly does not decode `&quot;`, so the HTML escape would show it literally.)
 */
function text(s: unknown): string {
  return String(s).replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!);
}

function baseLayout(t: ChartTheme): Record<string, unknown> {
  return {
    paper_bgcolor: 'rgba(0,0,0,0)',
    plot_bgcolor: 'rgba(0,0,0,0)',
    font: { color: t.fg, family: t.font, size: 11 },
    hoverlabel: { font: { family: t.font } },
    showlegend: false,
  };
}

/** A Plotly axis drawing exactly the model's range and ticks (log axes take their range in decades). */
function axis(
  t: ChartTheme,
  title: string,
  a: ChartAxis,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    title: { text: title, standoff: 4, font: { size: 11 } },
    type: a.log ? 'log' : 'linear',
    range: a.log ? a.range.map(Math.log10) : a.range,
    tickmode: 'array',
    tickvals: a.ticks.map((k) => k.value),
    ticktext: a.ticks.map((k) => text(k.label)),
    gridcolor: t.grid,
    zeroline: false,
    linecolor: t.zero,
    tickcolor: t.zero,
    ticks: 'outside',
    ticklen: 4,
    showline: true,
    automargin: false,
    fixedrange: true,
    ...extra,
  };
}

export async function drawHistogram(div: HTMLElement, p: MmsHistogramPayload): Promise<void> {
  const m = histogramModel(p);
  const f = m.frame;
  const n = Math.max(1, p.agents.length);
  const keys = m.categories.map((c) => text(c.x));
  // each agent's bar at the SVG's place in its category (explicit width and offset, in category units)
  const data = p.agents.map((a, i) => ({
    type: 'bar',
    name: text(a),
    width: (m.bar - 2) / m.slot,
    offset: ((m.slot - n * m.bar) / 2 + i * m.bar + 1) / m.slot - 0.5,
    x: (p.series[i] ?? []).map((b) => text(b.x)),
    y: (p.series[i] ?? []).map((b) => b.pApprox),
    customdata: (p.series[i] ?? []).map((b) => text(b.p)),
    hovertemplate: '%{fullData.name}: v/MMS = %{x}<br>p = %{customdata}<extra></extra>',
    marker: { color: agentColor(i, 0.8), line: { color: agentColor(i), width: 1 } },
  }));
  const t = chartTheme(div);
  const edge = m.one - 0.5;
  const layout = {
    ...baseLayout(t),
    width: f.w,
    height: f.h,
    margin: { l: f.l, r: f.r, t: f.t, b: f.b, pad: 0 },
    barmode: 'overlay',
    xaxis: axis(
      t,
      'v<sub>i</sub>(A<sub>i</sub>) / MMS<sub>i</sub> (exact)',
      { log: false, range: [0, 0], ticks: [] },
      {
        type: 'category',
        range: [-0.5, m.categories.length - 0.5],
        categoryorder: 'array',
        categoryarray: keys,
        tickvals: keys,
        ticktext: m.categories.map((c) => text(c.label)),
        tickangle: m.tickAngle,
        showgrid: false,
      },
    ),
    yaxis: axis(t, 'probability', m.y),
    shapes: [
      ...(m.one > 0
        ? [
            {
              type: 'rect',
              xref: 'x',
              yref: 'paper',
              x0: -0.5,
              x1: edge,
              y0: 0,
              y1: 1,
              fillcolor: 'rgba(224,49,49,0.07)',
              line: { width: 0 },
              layer: 'below',
            },
          ]
        : []),
      {
        type: 'line',
        xref: 'x',
        yref: 'paper',
        x0: edge,
        x1: edge,
        y0: 0,
        y1: 1,
        line: { color: t.fg, width: 1, dash: 'dash' },
        opacity: 0.7,
      },
    ],
    annotations: [
      {
        x: edge,
        y: 1,
        xref: 'x',
        yref: 'paper',
        text: ' ≥ MMS →',
        showarrow: false,
        xanchor: 'left',
        yanchor: 'bottom',
        font: { color: t.fg, size: 11 },
      },
    ],
  };
  await Plotly.newPlot(div, data, layout, CONFIG);
}

/**
 * Panel `j` of a curve payload, in the frame of its inline SVG (the figure's caption and legend stay HTML, as in the
 * fallback): one trace per series with its band or error bars.
 */
export async function drawPanel(div: HTMLElement, p: SimulationPayload, j: number): Promise<void> {
  const f = curveFrame(p);
  const panel = p.panels[j];
  const t = chartTheme(div);
  const xModel = curveXAxis(
    panel.series.flatMap((s) => s.points.map((pt) => pt.x)),
    xScaleOf(p),
  );
  const data: unknown[] = [];
  const count = panel.series.length;
  panel.series.forEach((s, q) => {
    const c = panelColor(j, q, count);
    const iv = intervalOf(s);
    if (iv === 'band')
      data.push({
        type: 'scatter',
        mode: 'lines',
        x: [...s.points.map((pt) => pt.x), ...[...s.points].reverse().map((pt) => pt.x)],
        y: [...s.points.map((pt) => pt.hi), ...[...s.points].reverse().map((pt) => pt.lo)],
        fill: 'toself',
        fillcolor: panelColor(j, q, count, 0.18),
        line: { width: 0 },
        hoverinfo: 'skip',
        name: `${text(s.name)} band`,
      });
    data.push({
      type: 'scatter',
      mode: showMarkers(s) ? 'lines+markers' : 'lines',
      name: text(s.name),
      x: s.points.map((pt) => pt.x),
      y: s.points.map((pt) => pt.y),
      cliponaxis: false,
      customdata: s.points.map((pt) => [pt.lo ?? pt.y, pt.hi ?? pt.y]),
      hovertemplate: '%{fullData.name}: %{y:.4g} [%{customdata[0]:.4g}, %{customdata[1]:.4g}]<extra>%{x}</extra>',
      line: { color: c, width: 2, dash: dashOf(s) },
      marker: { size: 5, color: c },
      ...(iv === 'bars'
        ? {
            error_y: {
              type: 'data',
              symmetric: false,
              array: s.points.map((pt) => (pt.hi ?? pt.y) - pt.y),
              arrayminus: s.points.map((pt) => pt.y - (pt.lo ?? pt.y)),
              color: c,
              thickness: 1.3,
              width: 3,
            },
          }
        : {}),
    });
  });
  const layout = {
    ...baseLayout(t),
    width: f.w,
    height: f.h,
    margin: { l: f.l, r: f.r, t: f.t, b: f.b, pad: 0 },
    xaxis: axis(t, text(`${p.xLabel}${xModel.log ? ' (log scale)' : ''}`), xModel, { showgrid: false }),
    yaxis: axis(t, text(panel.yLabel), curveYAxis(panel)),
  };
  await Plotly.newPlot(div, data, layout, CONFIG);
}

export function purge(div: HTMLElement): void {
  Plotly.purge(div);
}
