/** Payload -> `text/plain`: aligned tables with exact numbers. */
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
      return n.value;
    case 'matrix': {
      const rows = n.rows.map((r, i) => [n.rowLabels?.[i] ?? '', ...r]);
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
        pad([n.columns, ...n.rows])
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

export function payloadText(p: Payload): string {
  switch (p.kind) {
    case 'instance': {
      const rows = [
        ['', ...p.goods, 'v(M)', 'PROP', 'MMS'],
        ...p.agents.map((a, i) => [a, ...p.values[i], p.shares[i].total, p.shares[i].prop, d(p.shares[i].mms)]),
      ];
      return `${p.title ?? 'Instance'} (${p.agents.length} agents x ${p.goods.length} goods)\n${pad(rows)}`;
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
        const nums = c.numbers.map((n) => `${n.label}=${n.value}`).join(', ');
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
      return `Trace${p.mechanism ? ` of ${p.mechanism}` : ''} (${p.steps.length} step${p.steps.length === 1 ? '' : 's'})\n${p.steps.map((s) => `- ${s.title}${s.text ? ` (${s.text})` : ''}: ${plainText(s.data, '  ')}`).join('\n')}`;
    case 'comparison':
      return comparisonText(p);
    case 'simulation':
      return `${p.title ?? 'Simulation'}\n${p.panels
        .map((panel) => {
          const s = panel.series[0];
          const rows = [
            [p.xLabel, panel.yLabel, 'lo', 'hi'],
            ...s.points.map((q) => [
              String(q.x),
              fmt(q.y),
              q.lo !== undefined ? fmt(q.lo) : '',
              q.hi !== undefined ? fmt(q.hi) : '',
            ]),
          ];
          return `${panel.title}\n${pad(rows)}`;
        })
        .join('\n')}`;
  }
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

function fmt(x: number): string {
  return String(Number(x.toPrecision(5)));
}
