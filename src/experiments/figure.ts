/**
 * The paper's figure from experiment rows (Bai & Gölz, Figures 3, 5, 6): probability of each column against the number
 * of items, with the 95% Jeffreys interval as a band. The value is shaped as a simulation result, so `display` draws
 * it with fairdiv's Plotly renderer in VS Code, Jupyter and HTML. [DECISION] The x coordinate is log10(m): the
 * shared renderer has no logarithmic axis, and the paper's x axis is logarithmic.
 */
import type { ColumnId } from './protocols';
import type { ExperimentRow } from './results';

export interface ExperimentFigure {
  readonly title: string;
  readonly points: readonly Record<string, unknown>[];
  readonly parameters: Readonly<Record<string, string>>;
}

/** The figure of a run's rows (one panel per column). */
export function experimentFigure(rows: readonly ExperimentRow[], title?: string): ExperimentFigure {
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r.counts)))] as ColumnId[];
  const points = rows.map((r) => {
    const p: Record<string, unknown> = { x: Math.log10(r.m) };
    for (const c of columns) {
      const s = r.counts[c];
      const iv = r.intervals[c];
      if (s === undefined || !iv) continue;
      const decided = r.trials - (r.undecided[c] ?? 0);
      p[c] = { p: s / decided, lo: iv[0], hi: iv[1] };
    }
    return p;
  });
  const first = rows[0];
  return {
    title: title ?? `${first?.experiment ?? 'experiment'}: probability vs log10(number of items)`,
    points,
    parameters: { trials: String(first?.trials ?? ''), m: rows.map((r) => r.m).join(', '), interval: '95% Jeffreys' },
  };
}
