/** Payload -> `text/plain`: aligned tables with exact numbers. */
import { numberLabel, roundDoubles, sideLabel, withDecimal } from './format';
import type { AgentRow, Payload, PlainNode } from './payload';
import { certificateVerdict, VERDICTS } from './verdict';

function pad(rows: string[][]): string {
  const w: number[] = [];
  rows.forEach((r) => r.forEach((c, k) => (w[k] = Math.max(w[k] ?? 0, [...c].length))));
  return rows
    .map((r) =>
      r
        .map((c, k) => (k === 0 ? c.padEnd(w[k]) : c.padStart(w[k])))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

const d = (x: string | undefined) => x ?? '-';

function ratios(r: AgentRow | undefined): string[] {
  return [d(r?.value), d(r?.propRatio), d(r?.mmsRatio)];
}

export function plainText(n: PlainNode, indent = ''): string {
  switch (n.t) {
    case 'text':
      return n.exact ? withDecimal(n.value) : n.value;
    case 'matrix': {
      const rows = n.rows.map((r, i) => [n.rowLabels?.[i] ?? '', ...r.map(withDecimal)]);
      if (n.colLabels) rows.unshift(['', ...n.colLabels]);
      return (
        '\n' +
        pad(rows)
          .split('\n')
          .map((l) => indent + '  ' + l)
          .join('\n')
      );
    }
    case 'table':
      return (
        '\n' +
        pad([n.columns, ...n.rows.map((r) => r.map(withDecimal))])
          .split('\n')
          .map((l) => indent + '  ' + l)
          .join('\n')
      );
    case 'list':
      if (n.items.every((x) => x.t === 'text'))
        return `[${n.items.map((x) => plainText(x)).join(', ')}]${n.omitted ? ` … ${n.omitted} more` : ''}`;
      return n.items.map((x, k) => `\n${indent}  ${k + 1}. ${plainText(x, indent + '    ')}`).join('');
    case 'kv':
      return n.entries.map(([k, v]) => `\n${indent}  ${k}: ${plainText(v, indent + '  ')}`).join('');
  }
}

/** The `text/plain` item: a heading line (raw doubles rounded, see roundDoubles) and aligned exact tables. */
export function payloadText(p: Payload): string {
  const text = textBody(p);
  const k = text.indexOf('\n');
  return k < 0 ? roundDoubles(text) : roundDoubles(text.slice(0, k)) + text.slice(k);
}

function textBody(p: Payload): string {
  switch (p.kind) {
    case 'instance': {
      const rows = [
        ['', ...goodsHeads(p.goods, p.divisible), 'v(M)', 'PROP', 'MMS'],
        ...p.agents.map((a, i) => [a, ...p.values[i], p.shares[i].total, p.shares[i].prop, d(p.shares[i].mms)]),
      ];
      return `${p.title ?? 'Instance'} (${p.agents.length} agents x ${p.goods.length} goods)\n${pad(rows)}${mixedNote(p)}`;
    }
    case 'allocation': {
      const known = p.values.length > 0;
      const rows = [
        ['', ...p.goods, ...(known ? ['v(A_i)', 'v/PROP', 'v/MMS'] : [])],
        ...p.agents.map((a, i) => [
          a,
          ...p.goods.map((_, g) =>
            p.owner[g] === i ? (known ? `*${p.values[i][g]}` : '*') : known ? p.values[i][g] : '.',
          ),
          ...(known ? ratios(p.rows[i]) : []),
        ]),
      ];
      const bundles = p.agents.map((a, i) => `${a}: {${p.bundles[i].map((g) => p.goods[g]).join(', ')}}`).join('; ');
      return `${p.mechanism ?? p.title ?? 'Allocation'}: ${bundles}\n${pad(rows)}\n(* = owner)${p.claims?.length ? `\nclaims: ${p.claims.map((c) => c.id + (c.rho ? `(${c.rho})` : '')).join(', ')}` : ''}`;
    }
    case 'fractional': {
      const rows = [
        ['', ...p.goods, ...(p.expected ? ['E[v_i]'] : [])],
        ...p.agents.map((a, i) => [a, ...p.shares[i], ...(p.expected ? [p.expected[i]] : [])]),
      ];
      return `${p.mechanism ?? p.title ?? 'Fractional allocation'} (fractional)\n${pad(rows)}`;
    }
    case 'lottery': {
      const known = p.values.length > 0;
      const rows = [
        ['p', ...p.agents.flatMap((a) => (known ? [a, 'v', 'v/MMS'] : [a]))],
        ...p.support.map((e) => [
          e.p,
          ...p.agents.flatMap((_, i) => {
            const b = `{${e.bundles[i].map((g) => p.goods[g]).join(',')}}`;
            return known ? [b, d(e.rows[i]?.value), d(e.rows[i]?.mmsRatio ?? e.rows[i]?.propRatio)] : [b];
          }),
        ]),
      ];
      if (known) rows.push(['E', ...p.expected.flatMap((r) => ['', r.value, d(r.mmsRatio ?? r.propRatio)])]);
      return `${p.mechanism ?? p.title ?? 'Lottery'}: lottery over ${p.support.length + (p.omitted ?? 0)} allocations\n${pad(rows)}${p.omitted ? `\n… ${p.omitted} more` : ''}`;
    }
    case 'mms-histogram':
      return `MMS fractions v_i(A_i)/MMS_i${p.mechanism ? ` (${p.mechanism})` : ''}\n${p.agents
        .map(
          (a, i) =>
            `  ${a}: ${p.series[i].map((b) => `${b.x} (p=${b.p})`).join('  ') || 'MMS unavailable'}${p.pAtLeastMms[i] !== null ? `  | P(>=MMS)=${p.pAtLeastMms[i]}` : ''}`,
        )
        .join('\n')}`;
    case 'certificate': {
      const mark = { pass: '✓', fail: '✗', unchecked: '?' } as const;
      const lines = p.claims.map((c) => {
        const rels = (c.compared ?? []).map(
          (r, k, all) =>
            `${r.note && (k === 0 || all[k - 1].note !== r.note) ? `${r.note}: ` : ''}${sideLabel(r.left) ? `${r.left.label} = ` : ''}${r.left.value} ${r.relation} ${r.right.value}${sideLabel(r.right) ? ` = ${r.right.label}` : ''}`,
        );
        const nums = [...rels, ...c.numbers.map((n) => `${numberLabel(n)}=${n.value}`)].join(', ');
        return `  ${mark[c.status]} ${c.status.toUpperCase().padEnd(9)} ${c.id}${c.rho ? `(${c.rho})` : ''}: ${c.text}${nums ? `  [${nums}]` : ''}${c.reason ? `  (${c.reason})` : ''}`;
      });
      const head = `Certificate ${p.mechanism}: ${VERDICTS[certificateVerdict(p)].label} (${p.passed} pass, ${p.failed} fail, ${p.unchecked} unchecked)`;
      return [head, ...lines].join('\n');
    }
    case 'mms': {
      const g = (k: number) => (p.goods ? p.goods[k] : String(k));
      const lines = p.partition.map(
        (b, k) => `  ${k + 1}. {${b.map(g).join(', ')}}${p.bundleValues ? `  = ${p.bundleValues[k]}` : ''}`,
      );
      return `MMS${p.agent ? ` of ${p.agent}` : ''} (n=${p.n}) = ${p.value} [${p.status}${p.status === 'timeout' ? `, in [${p.lower}, ${p.upper}]` : ''}]\n${lines.join('\n')}`;
    }
    case 'trace':
      return `Trace${p.mechanism ? ` of ${p.mechanism}` : ''} (${p.steps.length} step${p.steps.length === 1 ? '' : 's'})\n${p.steps.map((s) => `- ${roundDoubles(String(s.title))}${s.text ? ` (${s.text})` : ''}: ${plainText(s.data, '  ')}`).join('\n')}`;
    case 'comparison':
      return comparisonText(p);
    case 'mixed':
      return mixedText(p);
    case 'simulation':
      return `${p.title ?? 'Simulation'}${p.xScale === 'log' ? ' (log x axis)' : ''}\n${p.panels.map((panel) => `${roundDoubles(String(panel.title))}\n${curveTable(p.xLabel, panel)}`).join('\n')}`;
  }
}

/**
 * A panel's series side by side: one row per x, one column per series with `y [lo, hi]` (the interval when the
 * series has one), a blank where a series has no point at that x.
 */
function curveTable(xLabel: string, panel: Extract<Payload, { kind: 'simulation' }>['panels'][number]): string {
  const xs = [...new Set(panel.series.flatMap((s) => s.points.map((q) => q.x)))].sort((a, b) => a - b);
  const cell = (q: { y: number; lo?: number; hi?: number } | undefined) =>
    q === undefined
      ? ''
      : `${fmt(q.y)}${q.lo !== undefined && q.hi !== undefined ? ` [${fmt(q.lo)}, ${fmt(q.hi)}]` : ''}`;
  const rows = [
    [xLabel, ...panel.series.map((s) => s.name)],
    ...xs.map((x) => [String(x), ...panel.series.map((s) => cell(s.points.find((q) => q.x === x)))]),
  ];
  return pad(rows);
}

/** The comparison as aligned rows: ✓ / ✗ / ? / – per property, numbers short, then the mechanisms not run. */
function comparisonText(p: Extract<Payload, { kind: 'comparison' }>): string {
  const mark = { pass: '✓', fail: '✗', unchecked: '?', 'n/a': '–' } as const;
  const cell = (c: Extract<Payload, { kind: 'comparison' }>['rows'][number]['cells'][number]): string =>
    c.status === 'value'
      ? c.value && c.value.length <= 5
        ? c.value
        : c.approx !== undefined
          ? fmt(Number(c.approx.toPrecision(3)))
          : ''
      : mark[c.status];
  const rows = [
    ['mechanism', ...p.columns.map((c) => c.label)],
    ...p.rows.map((r) => [r.mechanism, ...r.cells.map(cell)]),
  ];
  const skipped = p.skipped.map((s) => `  ${s.mechanism}: ${s.status} (${s.reason})`);
  return [
    `${p.title ?? 'Comparison'} (${p.rows.length} mechanisms on ${p.agents.length} agents x ${p.goods.length} goods)`,
    pad(rows),
    ...(skipped.length ? ['not run:', ...skipped] : []),
  ].join('\n');
}

/** Goods as column heads, a divisible good marked `[div]`. */
function goodsHeads(goods: readonly string[], divisible: readonly number[] = []): string[] {
  return goods.map((g, k) => (divisible.includes(k) ? `${g} [div]` : g));
}

/** The footnote naming the divisible goods and the declared bi-valued domain, when there are any. */
function mixedNote(p: {
  goods: string[];
  agents: string[];
  divisible?: number[];
  bivalued?: { common: boolean; pairs: [string, string][] };
}): string {
  const parts: string[] = [];
  if (p.divisible?.length) parts.push(`divisible: ${p.divisible.map((g) => p.goods[g]).join(', ')}`);
  const b = p.bivalued;
  if (b?.pairs.length)
    parts.push(
      b.common
        ? `bi-valued (a, b) = (${b.pairs[0].join(', ')})`
        : `bi-valued per agent: ${b.pairs.map((x, i) => `${p.agents[i]} (${x.join(', ')})`).join(', ')}`,
    );
  return parts.length ? `\n(${parts.join('; ')})` : '';
}

/** A mixed lottery: each allocation as `{g0} + 1/3 of cake` per agent, expected values, the marginals. */
function mixedText(p: Extract<Payload, { kind: 'mixed' }>): string {
  const known = p.values.length > 0;
  const bundle = (e: (typeof p.support)[number], i: number) => {
    const goods = (e.bundles[i] ?? []).map((g) => p.goods[g]);
    const cake = p.divisible.flatMap((g, t) =>
      e.fractions[i]?.[t] && e.fractions[i][t] !== '0' ? [`${e.fractions[i][t]} of ${p.goods[g]}`] : [],
    );
    return `{${goods.join(', ')}}${cake.length ? ` + ${cake.join(' + ')}` : ''}`;
  };
  const rows = [
    ['p', ...p.agents.flatMap((a) => (known ? [a, 'v', 'v/PROP'] : [a]))],
    ...p.support.map((e) => [
      e.p,
      ...p.agents.flatMap((_, i) =>
        known ? [bundle(e, i), d(e.rows[i]?.value), d(e.rows[i]?.propRatio)] : [bundle(e, i)],
      ),
    ]),
  ];
  if (known && p.support.length > 1) rows.push(['E', ...p.expected.flatMap((r) => ['', r.value, d(r.propRatio)])]);
  const marginals = [
    ['', ...goodsHeads(p.goods, p.divisible)],
    ...p.agents.map((a, i) => [a, ...p.marginals[i].map((x) => (x === '0' ? '.' : x))]),
  ];
  const total = p.support.length + (p.omitted ?? 0);
  const water = (p.waterFilling ?? []).map(
    (run) =>
      `water-filling${run.order ? ` (order ${run.order.map((i) => p.agents[i]).join(', ')})` : ''}: ${run.steps
        .map((s) =>
          s.kind === 'add'
            ? `pour ${s.each} to each of ${s.agents.map((i) => p.agents[i]).join(', ')} (${s.remaining} left)`
            : `rotate ${[...s.cycle, s.cycle[0]].map((i) => p.agents[i]).join(' -> ')} (envy ${s.envyEdge.map((i) => p.agents[i]).join(' -> ')})`,
        )
        .join('; ')}`,
  );
  return [
    `${p.mechanism ?? p.title ?? 'Mixed goods'}: ${total === 1 ? 'one mixed allocation' : `lottery over ${total} mixed allocations`}${mixedNote(p).replace('\n', ' ')}`,
    pad(rows),
    ...(p.omitted ? [`… ${p.omitted} more`] : []),
    `marginals (expected share of each good):`,
    pad(marginals),
    ...(p.claims?.length ? [`claims: ${p.claims.map((c) => c.id + (c.rho ? `(${c.rho})` : '')).join(', ')}`] : []),
    ...water,
  ].join('\n');
}

function fmt(x: number): string {
  return String(Number(x.toPrecision(5)));
}
