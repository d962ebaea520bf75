/**
 * Plotly charts (lazy chunk): the MMS-fraction histogram and simulation curves with interval bands.
 * Loaded with a dynamic import only when an output needs a chart. Transparent backgrounds, theme font
 * colour, no logo, no network.
 */
import Plotly from 'plotly.js-cartesian-dist-min';
import type { MmsHistogramPayload, SimulationPayload } from '../src/display/payload';
import { agentColor } from '../src/display/html/common';
import { seriesColor } from '../src/display/html/charts';
import { chartTheme, type ChartTheme } from './theme';

const CONFIG = { responsive: true, displaylogo: false, displayModeBar: false, staticPlot: false };

/**
 * A payload string as Plotly text. Plotly reads a few tags (`<b>`, `<a href>`, `<span style>`, ...) in every
 * label and decodes `&amp;`, `&lt;`, `&gt;`: escaping those three shows names as written, never as markup.
 * (Plotly does not decode `&quot;`, so the HTML escape would show it literally.)
 */
function text(s: unknown): string {
  return String(s).replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!);
}

function baseLayout(t: ChartTheme, height: number): Record<string, unknown> {
  return {
    height,
    margin: { l: 56, r: 16, t: 30, b: 46 },
    paper_bgcolor: 'rgba(0,0,0,0)',
    plot_bgcolor: 'rgba(0,0,0,0)',
    font: { color: t.fg, family: t.font, size: 12 },
    hoverlabel: { font: { family: t.font } },
    legend: { orientation: 'h', x: 0, y: 1.12, bgcolor: 'rgba(0,0,0,0)' },
  };
}

function axis(t: ChartTheme, title: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: { text: title, standoff: 6 },
    gridcolor: t.grid,
    zerolinecolor: t.zero,
    linecolor: t.zero,
    tickcolor: t.zero,
    showline: true,
    ...extra,
  };
}

export async function drawHistogram(div: HTMLElement, p: MmsHistogramPayload): Promise<void> {
  // Category axis of the exact fractions (sorted by value, "1" always present for the MMS line):
  // wide bars with exact tick labels.
  const cats = new Map<string, number>([['1', 1]]);
  p.series.flat().forEach((b) => cats.set(text(b.x), b.approx));
  const order = [...cats.entries()].sort((a, b) => a[1] - b[1]).map(([x]) => x);
  const data = p.agents.map((a, i) => ({
    type: 'bar',
    name: text(a),
    x: p.series[i].map((b) => text(b.x)),
    y: p.series[i].map((b) => b.pApprox),
    customdata: p.series[i].map((b) => text(b.p)),
    text: p.series[i].map((b) => text(b.p)),
    textposition: 'outside',
    textfont: { size: 10 },
    cliponaxis: false,
    hovertemplate: '%{fullData.name}: v/MMS = %{x}<br>p = %{customdata}<extra></extra>',
    marker: { color: agentColor(i, 0.8), line: { color: agentColor(i), width: 1 } },
  }));
  const t = chartTheme(div);
  const k = order.indexOf('1');
  const layout = {
    ...baseLayout(t, 320),
    barmode: 'group',
    bargap: 0.18,
    bargroupgap: 0.06,
    xaxis: axis(t, 'v<sub>i</sub>(A<sub>i</sub>) / MMS<sub>i</sub>  (exact)', {
      type: 'category',
      categoryorder: 'array',
      categoryarray: order,
      showgrid: false,
    }),
    yaxis: axis(t, 'probability', { rangemode: 'tozero' }),
    shapes: [
      {
        type: 'rect',
        xref: 'x',
        yref: 'paper',
        x0: -0.5,
        x1: k - 0.5,
        y0: 0,
        y1: 1,
        fillcolor: 'rgba(224,49,49,0.07)',
        line: { width: 0 },
        layer: 'below',
      },
      {
        type: 'line',
        xref: 'x',
        yref: 'paper',
        x0: k - 0.5,
        x1: k - 0.5,
        y0: 0,
        y1: 1,
        line: { color: t.fg, width: 1.5, dash: 'dash' },
        opacity: 0.7,
      },
    ],
    annotations: [
      {
        x: k - 0.5,
        y: 1,
        xref: 'x',
        yref: 'paper',
        text: ' ≥ MMS →',
        showarrow: false,
        xanchor: 'left',
        yanchor: 'top',
        font: { color: t.fg, size: 11 },
      },
    ],
  };
  await Plotly.newPlot(div, data, layout, CONFIG);
}

export async function drawSimulation(div: HTMLElement, p: SimulationPayload): Promise<void> {
  const k = p.panels.length || 1;
  const gap = 0.1;
  const w = (1 - gap * (k - 1)) / k;
  const data: unknown[] = [];
  const t = chartTheme(div);
  const layout: Record<string, unknown> = { ...baseLayout(t, 320), annotations: [] as unknown[] };
  p.panels.forEach((panel, j) => {
    const xa = j === 0 ? 'x' : `x${j + 1}`;
    const ya = j === 0 ? 'y' : `y${j + 1}`;
    layout[j === 0 ? 'xaxis' : `xaxis${j + 1}`] = axis(t, text(p.xLabel), {
      domain: [j * (w + gap), j * (w + gap) + w],
      anchor: ya,
    });
    layout[j === 0 ? 'yaxis' : `yaxis${j + 1}`] = axis(t, text(panel.yLabel), {
      anchor: xa,
      ...(panel.yRange ? { range: panel.yRange } : {}),
    });
    (layout.annotations as unknown[]).push({
      text: `<b>${text(panel.title)}</b>`,
      xref: 'paper',
      yref: 'paper',
      x: j * (w + gap) + w / 2,
      y: 1.0,
      xanchor: 'center',
      yanchor: 'bottom',
      showarrow: false,
      font: { size: 12 },
    });
    panel.series.forEach((s, q) => {
      const c = seriesColor(j + q);
      if (s.points.length > 1 && s.points.every((pt) => pt.lo !== undefined && pt.hi !== undefined)) {
        data.push({
          type: 'scatter',
          mode: 'lines',
          xaxis: xa,
          yaxis: ya,
          x: [...s.points.map((pt) => pt.x), ...[...s.points].reverse().map((pt) => pt.x)],
          y: [...s.points.map((pt) => pt.hi), ...[...s.points].reverse().map((pt) => pt.lo)],
          fill: 'toself',
          fillcolor: seriesColor(j + q, 0.2),
          line: { width: 0 },
          hoverinfo: 'skip',
          showlegend: false,
          name: `${text(s.name)} band`,
        });
      }
      data.push({
        type: 'scatter',
        mode: s.dashed ? 'lines' : 'lines+markers',
        xaxis: xa,
        yaxis: ya,
        name: text(s.name),
        x: s.points.map((pt) => pt.x),
        y: s.points.map((pt) => pt.y),
        customdata: s.points.map((pt) => [pt.lo ?? pt.y, pt.hi ?? pt.y]),
        hovertemplate: '%{fullData.name}: %{y:.4g} [%{customdata[0]:.4g}, %{customdata[1]:.4g}]<extra>%{x}</extra>',
        line: { color: c, width: 2, ...(s.dashed ? { dash: 'dash' } : {}) },
        marker: { size: 5, color: c },
      });
    });
  });
  layout.margin = { l: 56, r: 16, t: 44, b: 46 };
  layout.legend = { orientation: 'h', x: 0, y: -0.22, bgcolor: 'rgba(0,0,0,0)' };
  layout.height = 340;
  await Plotly.newPlot(div, data, layout, CONFIG);
}

export function purge(div: HTMLElement): void {
  Plotly.purge(div);
}
