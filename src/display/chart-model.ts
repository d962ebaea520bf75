/**
 * The geometry both chart front ends draw from: the inline SVG of the `text/html` item (src/display/html/charts.ts)
 * and the renderer's Plotly charts (media/charts.ts) read the same axes (scale, range, tick values and labels), the
 * same histogram categories and the same frame sizes from here, so the static HTML and the VS Code chart show the
 * same thing. Pure: numbers in, numbers and strings out.
 */
import { shortDecimal } from './format';
import type { CurvePanel, CurveSeries, MmsHistogramPayload, SimulationPayload } from './payload';
import { approx } from './payload';

/** A chart's outer size and the margins around its plot area, in pixels. */
export interface Frame {
  w: number;
  h: number;
  l: number;
  r: number;
  t: number;
  b: number;
}

/** An axis both front ends draw: logarithmic or linear, its range in data units and its ticks. */
export interface ChartAxis {
  log: boolean;
  range: [number, number];
  ticks: { value: number; label: string }[];
}

/** A tick label: four significant digits (`0.25`, `1000`, `1.5e+4`). */
export const tickLabel = (x: number): string => String(Number(x.toPrecision(4)));

/** Up to ~`count` round ticks covering [lo, hi] (1, 2, 2.5 or 5 times a power of ten apart). */
export function ticks(lo: number, hi: number, count = 5): number[] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [];
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((k) => k * mag).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let t = Math.ceil(lo / step - 1e-9) * step; t <= hi + step * 1e-9; t += step)
    out.push(Number(t.toPrecision(12)));
  return out;
}

/**
 * Ticks of a logarithmic axis over [lo, hi] (0 < lo ≤ hi): 1, 2 and 5 times each power of ten, or the powers of
 * ten alone when that would give more than eight ticks.
 */
export function logTicks(lo: number, hi: number): number[] {
  if (!(lo > 0) || !(hi >= lo) || !Number.isFinite(hi)) return [];
  const e0 = Math.floor(Math.log10(lo));
  const e1 = Math.ceil(Math.log10(hi));
  if (e1 - e0 > 40) return [];
  const within = (mults: number[]) => {
    const out: number[] = [];
    for (let e = e0; e <= e1; e++)
      for (const k of mults) {
        const v = Number((k * 10 ** e).toPrecision(12));
        if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)) out.push(v);
      }
    return out;
  };
  const dense = within([1, 2, 5]);
  const powers = within([1]);
  return dense.length > 8 && powers.length >= 2 ? powers : dense;
}

const axisOf = (log: boolean, range: [number, number], values: number[]): ChartAxis => ({
  log,
  range,
  ticks: values.filter((v) => v >= range[0] && v <= range[1]).map((value) => ({ value, label: tickLabel(value) })),
});

/**
 * The x axis of a curve panel: logarithmic when the payload asks for it and every x is positive (else linear), the
 * data range padded by 4% (of the decades on a log axis) on each side.
 */
export function curveXAxis(xs: readonly number[], scale: unknown): ChartAxis {
  const finite = xs.filter((x) => Number.isFinite(x));
  if (!finite.length) return { log: false, range: [0, 1], ticks: [] };
  const lo = Math.min(...finite);
  const hi = Math.max(...finite);
  if (scale === 'log' && lo > 0) {
    const pad = (Math.log10(hi / lo) || 1) * 0.04;
    const range: [number, number] = [lo / 10 ** pad, hi * 10 ** pad];
    return axisOf(true, range, logTicks(range[0], range[1]));
  }
  const pad = (hi - lo || 1) * 0.04;
  return axisOf(false, [lo - pad, hi + pad], ticks(lo, hi, 5));
}

/**
 * The y axis of a curve panel: its fixed range (probabilities: [0, 1]) padded by 2% so that points at the ends stay
 * whole, else the round ticks around every point and interval end.
 */
export function curveYAxis(panel: CurvePanel): ChartAxis {
  const r = panel.yRange;
  if (Array.isArray(r) && Number.isFinite(r[0]) && Number.isFinite(r[1]) && r[1] > r[0]) {
    const pad = (r[1] - r[0]) * 0.02;
    return axisOf(false, [r[0] - pad, r[1] + pad], ticks(r[0], r[1], 4));
  }
  const pts = panel.series.flatMap((s) => s.points);
  const ys = pts.flatMap((p) => [p.lo ?? p.y, p.hi ?? p.y, p.y]).filter((y) => Number.isFinite(y));
  if (!ys.length) return { log: false, range: [0, 1], ticks: [] };
  let lo = Math.min(...ys);
  let hi = Math.max(...ys);
  if (lo === hi) [lo, hi] = [lo - 1, hi + 1];
  // widen to the round ticks just outside the data, so both ends of the axis are labelled
  const t = ticks(lo, hi, 4);
  const step = t.length > 1 ? t[1] - t[0] : hi - lo;
  const round = (v: number) => Number(v.toPrecision(12));
  const [k0, k1] = [Math.floor(lo / step + 1e-9), Math.ceil(hi / step - 1e-9)];
  const values = Array.from({ length: k1 - k0 + 1 }, (_, k) => round((k0 + k) * step));
  return axisOf(false, [values[0], values[values.length - 1]], values);
}

/** Whether a series shows a marker at each point (measured series of at most 60 points; analytic curves never). */
export const showMarkers = (s: CurveSeries): boolean => !s.dashed && s.points.length <= 60;

/** The frame of one curve panel among several (both front ends). */
export const CURVE_FRAME: Readonly<Frame> = { w: 360, h: 230, l: 50, r: 14, t: 10, b: 38 };
/** The frame of a figure's only panel (e.g. a paper's figure with its series overlaid). */
export const WIDE_CURVE_FRAME: Readonly<Frame> = { w: 600, h: 320, l: 54, r: 16, t: 12, b: 40 };

/** The frame of panel k of a curve payload: wide when it is the only one. */
export const curveFrame = (p: SimulationPayload): Readonly<Frame> =>
  p.panels.length === 1 ? WIDE_CURVE_FRAME : CURVE_FRAME;

/** A series' line style, in the paper's order for overlaid series (solid, dotted, dashed, dash-dot). */
export type Dash = NonNullable<CurveSeries['dash']>;
const DASH_ORDER: readonly Dash[] = ['solid', 'dot', 'dash', 'dashdot'];

/** The SVG `stroke-dasharray` of each style (Plotly takes the style's name). */
export const SVG_DASH: { readonly [D in Dash]: string } = { solid: '', dot: '2 3', dash: '7 4', dashdot: '7 3 2 3' };

/** A series' style: its own `dash` when valid, `dash` for a `dashed` analytic curve, else solid. */
export function dashOf(s: CurveSeries): Dash {
  if (typeof s.dash === 'string' && (DASH_ORDER as readonly string[]).includes(s.dash)) return s.dash;
  return s.dashed ? 'dash' : 'solid';
}

/** How a series shows its interval: error bars when it asks for them, a band otherwise (when every point has one). */
export function intervalOf(s: CurveSeries): 'band' | 'bars' | null {
  const all = s.points.length > 0 && s.points.every((p) => Number.isFinite(p.lo) && Number.isFinite(p.hi));
  if (!all) return null;
  if (s.interval === 'bars') return 'bars';
  return s.points.length > 1 ? 'band' : 'bars';
}

/** The payload's x scale (only `log` changes anything). */
export const xScaleOf = (p: SimulationPayload): 'log' | 'linear' => (p.xScale === 'log' ? 'log' : 'linear');

// ---------------------------------------------------------------------------------------------------
// The MMS-fraction histogram: one category per distinct exact fraction, grouped bars per agent.

/** One x category of the histogram: the exact fraction, its value, and its tick label. */
export interface HistogramCategory {
  x: string;
  approx: number;
  label: string;
}

export interface HistogramModel {
  categories: HistogramCategory[];
  /** Index of the category `1` (the MMS line runs on its left edge). */
  one: number;
  y: ChartAxis;
  frame: Frame;
  /** Width of one category and of one agent's bar in it, in pixels. */
  slot: number;
  bar: number;
  /** Rotation of the x tick labels in degrees (0, or -90 when they would collide). */
  tickAngle: number;
}

/**
 * A category's tick label: the exact fraction when short (`9/13`), else `≈` its decimal with four significant
 * digits, or as many more as tell it apart from its neighbours' values (`≈0.99999` beside `1`).
 */
export function fractionLabel(x: string, prev?: number, next?: number): string {
  if (x.length <= 7) return x;
  const v = approx(x);
  if (!Number.isFinite(v)) return shortDecimal(x);
  const at = (u: number | undefined, d: number) => (u === undefined ? undefined : Number(u.toPrecision(d)));
  for (let d = 4; d < 12; d++) {
    const s = Number(v.toPrecision(d));
    if (at(prev, d) !== s && at(next, d) !== s) return `≈${s}`;
  }
  return `≈${Number(v.toPrecision(12))}`;
}

/** Average width of a tick-label character at 11px, in pixels (used to keep labels from colliding). */
const CHAR_PX = 6.6;

/**
 * The histogram's categories (every fraction any agent reaches, and 1; sorted by value), y axis (probability from
 * 0, with headroom) and frame: each category is wide enough for one bar per agent and, unrotated, its label; when
 * labels would still collide they are rotated, and the frame grows downwards to hold them.
 */
export function histogramModel(p: MmsHistogramPayload): HistogramModel {
  const n = Math.max(1, p.agents.length);
  const byX = new Map<string, number>([['1', 1]]);
  for (const s of p.series) for (const b of s) byX.set(String(b.x), Number(b.approx));
  const sorted = [...byX.entries()].sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1));
  const categories = sorted.map(([x, v], k) => ({
    x,
    approx: v,
    label: fractionLabel(x, sorted[k - 1]?.[1], sorted[k + 1]?.[1]),
  }));
  const one = categories.findIndex((c) => c.x === '1');
  const pMax = Math.max(
    0,
    ...p.series
      .flat()
      .map((b) => Number(b.pApprox))
      .filter((v) => Number.isFinite(v)),
  );
  const head = ticks(0, pMax > 0 ? pMax * 1.08 : 1, 4);
  const last = head.length ? head[head.length - 1] : 1;
  const top = last >= pMax * 1.04 || head.length < 2 ? last : Number((last + head[1] - head[0]).toPrecision(12));
  const y = axisOf(false, [0, top], ticks(0, top, 4));
  const bar = n <= 4 ? 14 : 10;
  const widest = Math.max(...categories.map((c) => c.label.length)) * CHAR_PX + 10;
  const bars = n * bar + 12;
  const flat = Math.max(bars, widest);
  // [DECISION] Labels turn vertical (not slanted) when the chart would pass 900px: a slanted label's box still
  // reaches into its neighbours' at narrow spacing, a vertical one needs only a line's height per category.
  const rotate = flat * categories.length > 900 && widest > bars;
  const slot = rotate ? Math.max(bars, 18) : flat;
  const tickAngle = rotate ? -90 : 0;
  const below = rotate ? Math.ceil(widest) + 26 : 40;
  const l = 50;
  const r = 16;
  const w = Math.max(340, l + r + slot * categories.length);
  return { categories, one, y, frame: { w, h: 200 + below, l, r, t: 22, b: below }, slot, bar, tickAngle };
}
