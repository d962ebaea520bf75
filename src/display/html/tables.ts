/**
 * HTML for the table kinds: instance, allocation, fractional, lottery, certificate, MMS, trace, and
 * generic plain data. Pure string builders over payloads (shared by the HTML fallback and the renderer).
 */
import type {
  AgentShares,
  AllocationPayload,
  CertificatePayload,
  ClaimPayload,
  ClaimSummary,
  ComparedRelation,
  FractionalPayload,
  InstancePayload,
  LotteryPayload,
  MmsPayload,
  PlainNode,
  TracePayload,
  TraceStepPayload,
} from '../payload';
import { numberLabel, roundDoubles, sideLabel } from '../format';
import { approx } from '../payload';
import { certificateVerdict, VERDICTS } from '../verdict';
import { agentColor, agentHead, agentVars, caption, esc, num, ratio } from './common';
import { pricesHtml } from './prices';

/** The goods' column heads; a divisible good's head is marked (`data-divisible`, a `divisible` tag). */
export function goodsHead(goods: readonly string[], divisible: readonly unknown[] = []): string {
  return goods
    .map((g, k) =>
      divisible.includes(k)
        ? `<th data-good="${k}" data-divisible="1" title="divisible: any fraction can be given">${esc(g)}<div class="fd-divtag" style="font-weight:400;font-size:.78em;opacity:.7">divisible</div></th>`
        : `<th data-good="${k}">${esc(g)}</th>`,
    )
    .join('');
}

/** The caption note of a declared bi-valued domain: the common pair, or each agent's. */
export function bivaluedNote(b: InstancePayload['bivalued'], agents: readonly string[]): string {
  if (!b || !Array.isArray(b.pairs) || !b.pairs.length) return '';
  const pair = (x: unknown) => (Array.isArray(x) ? `(${esc(x[0])}, ${esc(x[1])})` : esc(x));
  return b.common
    ? ` · bi-valued: every indivisible good worth a or b, (a, b) = ${pair(b.pairs[0])}`
    : ` · bi-valued (a<sub>i</sub>, b<sub>i</sub>): ${b.pairs.map((x, i) => `${esc(agents[i] ?? i)} ${pair(x)}`).join(', ')}`;
}

function mmsCell(s: AgentShares | undefined): string {
  if (!s) return '<td class="fd-r fd-muted">—</td>';
  if (s.mmsStatus === 'timeout')
    return `<td class="fd-r" title="solver time limit: MMS in [${esc(s.mms)}, ${esc(s.mmsUpper)}]">≥ ${num(s.mms)}</td>`;
  if (s.mms === undefined) return `<td class="fd-r fd-muted" title="${esc(s.mmsStatus)}">—</td>`;
  return `<td class="fd-r">${num(s.mms)}</td>`;
}

export function claimsHtml(claims: ClaimSummary[] | undefined): string {
  if (!claims || !claims.length) return '';
  const items = claims
    .map(
      (c) =>
        `<li><code>${esc(c.id)}${c.rho ? `(${esc(c.rho)})` : ''}</code> <span class="fd-muted">${esc(c.text)}</span></li>`,
    )
    .join('');
  return `<div class="fd-section">Claims <span class="fd-muted" style="font-weight:400">(unchecked here; <code>certify(outcome)</code> checks them)</span></div><ul class="fd-kv fd-claims">${items}</ul>`;
}

export function traceStepsHtml(steps: TraceStepPayload[] | undefined, open = false): string {
  if (!steps || !steps.length) return '';
  return steps
    .map(
      (s) =>
        `<details class="fd-step" data-step="${esc(s.id)}"${open ? ' open' : ''}><summary>${esc(roundDoubles(String(s.title)))}</summary>${s.text ? `<div class="fd-muted">${esc(s.text)}</div>` : ''}${plainHtml(s.data)}</details>`,
    )
    .join('');
}

export function instanceHtml(p: InstancePayload): string {
  const hasMms = p.shares.some((s) => s.mms !== undefined);
  const rows = p.agents
    .map((a, i) => {
      const row = p.values[i] ?? [];
      const max = Math.max(0, ...row.map(approx));
      const cells = row
        .map((v, g) => {
          const w = max > 0 ? approx(v) / max : 0;
          return `<td class="fd-r" data-good="${g}" style="background:rgba(59,130,246,${(0.04 + 0.26 * w).toFixed(3)})">${num(v)}</td>`;
        })
        .join('');
      const s = p.shares[i];
      return `<tr data-agent="${i}"><th>${agentHead(a, i)}</th>${cells}<td class="fd-r fd-sep">${num(s?.total)}</td><td class="fd-r">${num(s?.prop)}</td>${hasMms ? mmsCell(s) : ''}</tr>`;
    })
    .join('');
  const div = p.divisible.length ? ` · divisible: ${p.divisible.map((g) => esc(p.goods[g])).join(', ')}` : '';
  return `<div class="fairdiv fd-instance" data-kind="instance">${caption(p.title ?? 'Instance', `${p.agents.length} agents × ${p.goods.length} goods${div}${bivaluedNote(p.bivalued, p.agents)}`)}<table class="fd-matrix"><thead><tr><th>agent \\ good</th>${goodsHead(p.goods, p.divisible)}<th class="fd-sep">v(M)</th><th>PROP</th>${hasMms ? '<th>MMS</th>' : ''}</tr></thead><tbody>${rows}</tbody></table></div>`;
}

export function allocationHtml(p: AllocationPayload): string {
  const known = p.values.length > 0;
  const hasMms = p.shares.some((s) => s.mms !== undefined);
  const rows = p.agents
    .map((a, i) => {
      const cells = p.goods
        .map((_, g) => {
          const own = p.owner[g] === i;
          const v = known ? num(p.values[i][g]) : own ? '●' : '';
          return own
            ? `<td class="fd-r fd-own" data-good="${g}" data-owner="1" style="${agentVars(i)};background:${agentColor(i, 0.2)}">${v}</td>`
            : `<td class="fd-r fd-not" data-good="${g}">${v}</td>`;
        })
        .join('');
      const r = p.rows[i];
      const s = p.shares[i];
      const tail = known
        ? `<td class="fd-r fd-sep"><b>${num(r?.value)}</b></td><td class="fd-r">${num(s?.prop)}</td>${ratio(r?.propRatio)}${hasMms ? `${mmsCell(s)}${ratio(r?.mmsRatio)}` : ''}`
        : '';
      return `<tr data-agent="${i}"><th>${agentHead(a, i)}</th>${cells}${tail}</tr>`;
    })
    .join('');
  const head = known
    ? `<th class="fd-sep">v<sub>i</sub>(A<sub>i</sub>)</th><th>PROP</th><th>÷PROP</th>${hasMms ? '<th>MMS</th><th>÷MMS</th>' : ''}`
    : '';
  const sub = `allocation · ${p.agents.length} agents × ${p.goods.length} goods · <span class="fd-muted">highlighted: the owner of each good</span>`;
  return `<div class="fairdiv fd-allocation" data-kind="allocation">${caption(p.title ?? p.mechanism ?? 'Allocation', sub)}<table class="fd-matrix"><thead><tr><th>agent \\ good</th>${goodsHead(p.goods)}${head}</tr></thead><tbody>${rows}</tbody></table>${pricesHtml(p)}${claimsHtml(p.claims)}${traceStepsHtml(p.trace)}</div>`;
}

/** The heatmap table of a fractional matrix (rows = agents, columns = goods). */
export function heatmapTable(agents: string[], goods: string[], shares: string[][], expected?: string[]): string {
  const rows = agents
    .map((a, i) => {
      const cells = (shares[i] ?? [])
        .map((x, g) => {
          const v = Math.max(0, Math.min(1, approx(x)));
          return `<td class="fd-r fd-heat" data-good="${g}" data-share="${esc(x)}" style="background:rgba(59,130,246,${(0.06 + 0.6 * v).toFixed(3)})${v === 0 ? ';opacity:.55' : ''}">${num(x)}</td>`;
        })
        .join('');
      return `<tr data-agent="${i}"><th>${agentHead(a, i)}</th>${cells}${expected ? `<td class="fd-r fd-sep">${num(expected[i])}</td>` : ''}</tr>`;
    })
    .join('');
  return `<table class="fd-matrix fd-heatmap"><thead><tr><th>agent \\ good</th>${goodsHead(goods)}${expected ? '<th class="fd-sep">E[v<sub>i</sub>]</th>' : ''}</tr></thead><tbody>${rows}</tbody></table>`;
}

export function fractionalHtml(p: FractionalPayload): string {
  return `<div class="fairdiv fd-fractional" data-kind="fractional">${caption(p.title ?? p.mechanism ?? 'Fractional allocation', `fractional · share of each good per agent (columns sum to 1)`)}${heatmapTable(p.agents, p.goods, p.shares, p.expected)}${claimsHtml(p.claims)}${traceStepsHtml(p.trace)}</div>`;
}

export function lotteryHtml(p: LotteryPayload): string {
  const known = p.values.length > 0;
  const useMms = known && p.shares.length > 0 && p.shares.every((s) => s.mms !== undefined);
  const ratioName = useMms ? '÷MMS' : '÷PROP';
  const pick = (r: { propRatio?: string; mmsRatio?: string } | undefined) => (useMms ? r?.mmsRatio : r?.propRatio);
  const maxP = Math.max(...p.support.map((e) => approx(e.p)), 1e-9);
  const agentHeads = p.agents
    .map((a, i) => {
      const s = p.shares[i];
      const sub = s
        ? `<div class="fd-muted" style="font-weight:400;font-size:.88em">PROP ${esc(s.prop)}${s.mms !== undefined ? ` · MMS ${s.mmsStatus === 'timeout' ? '≥' : ''}${esc(s.mms)}` : ''}</div>`
        : '';
      return `<th class="fd-sep" colspan="${known ? 3 : 1}" data-agent-col="${i}">${agentHead(a, i)}${sub}</th>`;
    })
    .join('');
  const subHeads = known
    ? `<tr><th></th>${p.agents.map(() => `<th class="fd-sep">bundle</th><th>v</th><th>${ratioName}</th>`).join('')}</tr>`
    : '';
  const body = p.support
    .map((e, k) => {
      const w = Math.round((approx(e.p) / maxP) * 60);
      const cells = p.agents
        .map((_, i) => {
          const chips =
            (e.bundles[i] ?? [])
              .map((g) => `<span class="fd-chip" style="${agentVars(i)}">${esc(p.goods[g])}</span>`)
              .join('') || '<span class="fd-muted">∅</span>';
          const r = e.rows[i];
          return `<td class="fd-sep">${chips}</td>${known ? `<td class="fd-r">${num(r?.value)}</td>${ratio(pick(r))}` : ''}`;
        })
        .join('');
      return `<tr data-support="${k}"><th class="fd-r">${num(e.p)}<span class="fd-pbar" style="width:${Math.max(2, w)}px"></span></th>${cells}</tr>`;
    })
    .join('');
  const expected = known
    ? `<tr class="fd-expected"><th class="fd-r">E</th>${p.expected.map((r) => `<td class="fd-sep fd-muted">expected</td><td class="fd-r"><b>${num(r.value)}</b></td>${ratio(pick(r))}`).join('')}</tr>`
    : '';
  const omitted = p.omitted
    ? `<div class="fd-muted">… and ${esc(p.omitted)} more allocations (smaller probabilities)</div>`
    : '';
  const total = p.support.length + (typeof p.omitted === 'number' ? p.omitted : 0);
  const sub = `lottery over ${total} allocation${total === 1 ? '' : 's'} · by decreasing probability`;
  return `<div class="fairdiv fd-lottery" data-kind="lottery">${caption(p.title ?? p.mechanism ?? 'Lottery', sub)}<table class="fd-support"><thead><tr><th>p</th>${agentHeads}</tr>${subHeads}</thead><tbody>${body}${expected}</tbody></table>${omitted}<div class="fd-section">Marginals: P(good ∈ A<sub>i</sub>)</div>${heatmapTable(p.agents, p.goods, p.marginals)}${pricesHtml(p)}${claimsHtml(p.claims)}${traceStepsHtml(p.trace)}</div>`;
}

/** The badge of each claim status. */
const STATUS: { readonly [S in ClaimPayload['status']]: readonly [label: string, cls: string] } = {
  pass: ['✓ PASS', 'fd-good'],
  fail: ['✗ FAIL', 'fd-bad'],
  unchecked: ['? UNCHECKED', 'fd-warn'],
};

function statusBadge(status: unknown): string {
  const [label, cls] =
    typeof status === 'string' && Object.hasOwn(STATUS, status)
      ? STATUS[status as ClaimPayload['status']]
      : [String(status), ''];
  return `<span class="fd-badge ${cls}">${esc(label)}</span>`;
}

/** One comparison of a certificate row: `note` above `left = 8 ≥ 7 = right`. */
function relationHtml(r: ComparedRelation, k: number, all: ComparedRelation[]): string {
  const side = (n: ComparedRelation['left'] | undefined) => n ?? { label: '', value: '' };
  const [l, rt] = [side(r.left), side(r.right)];
  const note =
    r.note !== undefined && (k === 0 || all[k - 1]?.note !== r.note)
      ? `<div class="fd-muted fd-small">${esc(r.note)}</div>`
      : '';
  const right = sideLabel(rt) ? ` = <span class="fd-k">${esc(rt.label)}</span>` : '';
  const left = sideLabel(l) ? `<span class="fd-k">${esc(l.label)}</span> = ` : '';
  return `<div class="fd-rel">${note}<span class="fd-side">${left}${num(l.value)}</span> <span class="fd-side"><b class="fd-op">${esc(r.relation)}</b> ${num(rt.value)}${right}</span></div>`;
}

/** The compared-numbers cell: the comparisons behind the status, then the checker's other numbers. */
function comparedHtml(c: ClaimPayload): string {
  const rels = (Array.isArray(c.compared) ? c.compared : []).filter((r) => r !== null && typeof r === 'object');
  const nums = Array.isArray(c.numbers) ? c.numbers.filter((n) => n !== null && typeof n === 'object') : [];
  if (!rels.length && !nums.length) return '<span class="fd-muted">—</span>';
  const list = nums.length
    ? `<ul class="fd-kv">${nums.map((n) => `<li><span class="fd-k">${esc(numberLabel(n))}</span>${num(n.value)}</li>`).join('')}</ul>`
    : '';
  return rels.map(relationHtml).join('') + list;
}

export function certificateHtml(p: CertificatePayload): string {
  const rows = p.claims
    .map((c, k) => {
      const numbers = comparedHtml(c);
      const parts: string[] = [];
      if (c.reason) parts.push(`<div>${esc(c.reason)}</div>`);
      if (c.witness !== undefined)
        parts.push(`<div><span class="fd-k fd-muted">witness</span>${plainHtml(c.witness)}</div>`);
      if (!(c.detail.t === 'kv' && c.detail.entries.length === 0))
        parts.push(`<details><summary class="fd-muted">detail</summary>${plainHtml(c.detail)}</details>`);
      return `<tr class="fd-claim fd-claim-${esc(c.status)}" data-status="${esc(c.status)}" data-claim="${k}"><td class="fd-c">${statusBadge(c.status)}</td><td><code>${esc(c.id)}${c.rho ? `(${esc(c.rho)})` : ''}</code><div class="fd-muted">${esc(c.text)}</div></td><td>${numbers}</td><td>${parts.join('') || '<span class="fd-muted">—</span>'}</td></tr>`;
    })
    .join('');
  const verdict = certificateVerdict(p);
  const { label, tone } = VERDICTS[verdict];
  const badge = `<span class="fd-badge fd-${tone}" data-verdict="${verdict}">${label}</span>`;
  const count = (n: unknown, what: string, cls: string) => `<span class="${n ? cls : ''}">${esc(n)} ${what}</span>`;
  const sub = `${badge} ${count(p.passed, 'pass', 'fd-good')} · ${count(p.failed, 'fail', 'fd-bad')} · ${count(p.unchecked, 'unchecked', 'fd-warn')}`;
  const body = p.claims.length
    ? `<table class="fd-cert"><thead><tr><th>status</th><th>claim</th><th>compared numbers</th><th>reason · witness</th></tr></thead><tbody>${rows}</tbody></table>`
    : '<div class="fd-muted">No claims to check, so nothing is certified.</div>';
  return `<div class="fairdiv fd-certificate" data-kind="certificate" data-verdict="${verdict}" data-ok="${esc(p.ok)}">${caption(p.title ?? `Certificate · ${p.mechanism}`, sub)}${body}</div>`;
}

export function mmsHtml(p: MmsPayload): string {
  const gname = (g: number) => (p.goods ? p.goods[g] : String(g));
  const vals = p.bundleValues?.map(approx) ?? [];
  const max = Math.max(1e-9, ...vals);
  const min = vals.length ? Math.min(...vals) : 0;
  const rows = p.partition
    .map((b, k) => {
      const chips =
        b
          .map(
            (g) =>
              `<span class="fd-chip" style="${agentVars(k)}">${esc(gname(g))}${p.values ? ` <span class="fd-muted">${esc(p.values[g])}</span>` : ''}</span>`,
          )
          .join('') || '<span class="fd-muted">∅</span>';
      const bv = p.bundleValues?.[k];
      const bar =
        bv !== undefined
          ? `<svg width="120" height="10" role="img" aria-label="bundle value"><rect x="0" y="1" width="${((approx(bv) / max) * 120).toFixed(1)}" height="8" rx="2" fill="${agentColor(k, 0.75)}"/><line x1="${((approx(p.value) / max) * 120).toFixed(1)}" x2="${((approx(p.value) / max) * 120).toFixed(1)}" y1="-1" y2="11" stroke="currentColor" stroke-width="1.5"/></svg>`
          : '';
      const least = bv !== undefined && approx(bv) === min ? ' fd-own' : '';
      return `<tr data-bundle="${k}"><th>${k + 1}</th><td>${chips}</td>${bv !== undefined ? `<td class="fd-r${least}" style="${agentVars(k)}">${num(bv)}</td><td>${bar}</td>` : ''}</tr>`;
    })
    .join('');
  const status =
    p.status === 'optimal'
      ? '<span class="fd-good">optimal</span>'
      : `<span class="fd-warn">time limit: MMS ∈ [${esc(p.lower)}, ${esc(p.upper)}]</span>`;
  const stats = p.stats
    ? ` · ${esc(p.stats.method ?? '')}${p.stats.nodes !== undefined ? `, ${esc(p.stats.nodes)} nodes` : ''}${p.stats.ms !== undefined ? `, ${esc(p.stats.ms)} ms` : ''}`
    : '';
  const title = `MMS${p.agent ? ` of ${p.agent}` : ''} (n = ${p.n}) = ${p.value}`;
  return `<div class="fairdiv fd-mms" data-kind="mms">${caption(p.title ?? title, `${status}${stats} · witness partition (every bundle is worth at least ${esc(p.lower)})`)}<table class="fd-partition"><thead><tr><th>#</th><th>bundle</th>${p.bundleValues ? '<th>value</th><th></th>' : ''}</tr></thead><tbody>${rows}</tbody></table></div>`;
}

export function traceHtml(p: TracePayload): string {
  const body = p.steps.length ? traceStepsHtml(p.steps, true) : '<div class="fd-muted">no trace steps</div>';
  return `<div class="fairdiv fd-trace" data-kind="trace">${caption(p.title ?? `Construction trace${p.mechanism ? ` · ${p.mechanism}` : ''}`, `${p.steps.length} step${p.steps.length === 1 ? '' : 's'}`)}${body}</div>`;
}

/** Generic plain data. */
export function plainHtml(n: PlainNode): string {
  switch (n.t) {
    case 'text':
      return n.exact ? num(n.value) : `<span>${esc(n.value)}</span>`;
    case 'matrix': {
      const head = n.colLabels
        ? `<thead><tr><th></th>${n.colLabels.map((c, k) => `<th data-good="${k}">${esc(c)}</th>`).join('')}</tr></thead>`
        : '';
      const body = n.rows
        .map(
          (r, i) =>
            `<tr${n.rowLabels ? ` data-agent="${i}"` : ''}>${n.rowLabels ? `<th>${agentHead(n.rowLabels[i] ?? String(i), i)}</th>` : n.colLabels ? '<th></th>' : ''}${r.map((c) => `<td class="fd-r">${num(c)}</td>`).join('')}</tr>`,
        )
        .join('');
      return `<table class="fd-plain-matrix">${head}<tbody>${body}</tbody></table>`;
    }
    case 'table':
      return `<table class="fd-plain-table"><thead><tr><th>#</th>${n.columns.map((c) => `<th>${esc(c)}</th>`).join('')}</tr></thead><tbody>${n.rows
        .map(
          (r, k) =>
            `<tr><td class="fd-r fd-muted">${k + 1}</td>${r.map((c) => `<td class="fd-r">${num(c)}</td>`).join('')}</tr>`,
        )
        .join('')}</tbody></table>`;
    case 'list': {
      const more = n.omitted ? ` <span class="fd-muted">… ${esc(n.omitted)} more</span>` : '';
      if (n.items.every((x) => x.t === 'text'))
        return `<span>[${n.items.map((x) => plainHtml(x)).join(', ')}]</span>${more}`;
      return `<ol class="fd-list">${n.items.map((x) => `<li>${plainHtml(x)}</li>`).join('')}</ol>${more}`;
    }
    case 'kv':
      if (!n.entries.length) return '<span class="fd-muted">{}</span>';
      return `<ul class="fd-kv">${n.entries.map(([k, v]) => `<li><span class="fd-k">${esc(k)}</span>${plainHtml(v)}</li>`).join('')}</ul>`;
  }
}
