/**
 * The paper's figure from experiment rows (Bai & Gölz, Figures 3, 5, 6; spec 5.8): the probability of each column
 * against the number of items m on a logarithmic axis, every column overlaid in one panel (line styles solid, dotted,
 * dashed, dash-dot in the paper's column order) with its 95% Jeffreys interval as error bars. The value is shaped as
 * a simulation result, so `display` draws it with fairdiv's charts (inline SVG, and Plotly in VS Code) in VS Code,
 * Jupyter and HTML.
 */
import type { SimulationLike } from '../display/charts';
import type { ColumnId, PropertyId, RuleId } from './protocols';
import type { ExperimentRow } from './results';

export interface ExperimentFigure extends SimulationLike {
  readonly title: string;
  readonly points: readonly Record<string, unknown>[];
  readonly parameters: Readonly<Record<string, string>>;
}

/** The paper's legend words for a property and a rule ("envy freeness multiplier", "Pareto optimality round robin"). */
const PROPERTY_LABEL: { readonly [P in PropertyId]: string } = {
  ef: 'envy freeness',
  ef1: 'envy freeness up to one good',
  po: 'Pareto optimality',
};
const RULE_LABEL: { readonly [R in RuleId]: string } = {
  multiplier: 'multiplier',
  'round-robin': 'round robin',
  'rounded-mnw': 'rounded MNW',
  'integral-mnw': 'integral MNW',
  'welfare-max': 'welfare maximization',
};

/** The legend label of a column (`ef-round-robin` -> `envy freeness round robin`). */
export function columnLabel(c: ColumnId): string {
  const [property, ...rule] = c.split('-');
  return `${PROPERTY_LABEL[property as PropertyId]} ${RULE_LABEL[rule.join('-') as RuleId]}`;
}

/** The figure of a run's rows: one panel, the columns overlaid, m on a log axis, Jeffreys intervals as error bars. */
export function experimentFigure(rows: readonly ExperimentRow[], title?: string): ExperimentFigure {
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r.counts)))] as ColumnId[];
  const points = rows.map((r) => {
    const p: Record<string, unknown> = { m: r.m };
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
    title: title ?? `${first?.experiment ?? 'experiment'}: probability against the number of items`,
    xLabel: 'number of items m',
    xScale: 'log',
    interval: 'bars',
    labels: Object.fromEntries(columns.map((c) => [c, columnLabel(c)])),
    panels: [{ title: 'Probability', yLabel: 'probability', yRange: [0, 1], metrics: columns }],
    points,
    parameters: { trials: String(first?.trials ?? ''), m: rows.map((r) => r.m).join(', '), interval: '95% Jeffreys' },
  };
}
