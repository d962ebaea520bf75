/**
 * HTML of the `mixed` kind: a lottery over mixed allocations (indivisible goods plus exact fractions of
 * divisible goods). A divisible good's cell shows its exact fraction (`2/3`, blank for 0) with a bar of that
 * length, never a bundle chip, and its column head is marked divisible; each allocation reads as chips for
 * its indivisible goods plus "2/3 of cake". Pure string builders over the payload (shared by the HTML
 * fallback and the renderer, which swaps the matrix with `mixedMatrixHtml`); every payload string is escaped.
 */
import type { AgentRow, MixedPayload, WaterFillingPayload, WaterFillingStepPayload } from '../payload';
import { approx } from '../payload';
import { agentColor, agentHead, agentVars, caption, esc, num, ratio } from './common';
import { bivaluedNote, claimsHtml, goodsHead, traceStepsHtml } from './tables';

/** A float in [0, 1] for drawing an exact fraction (0 for anything that is not a number). */
function unit(x: unknown): number {
  const v = approx(String(x));
  return Number.isFinite(v) ? Math.max(0, Math.min(1, v)) : 0;
}

const isZero = (x: unknown): boolean => x === undefined || x === null || x === '' || x === '0';

/** A small pie of an exact fraction in an agent's colour (full circle for 1). */
export function fractionPie(x: string, i: number): string {
  const v = unit(x);
  const c = agentColor(i);
  const r = 5;
  if (v >= 1)
    return `<svg class="fd-pie" width="12" height="12" viewBox="-6 -6 12 12" aria-hidden="true"><circle r="${r}" fill="${c}"/></svg>`;
  const a = 2 * Math.PI * v;
  const [ex, ey] = [r * Math.sin(a), -r * Math.cos(a)];
  const wedge =
    v > 0
      ? `<path d="M0 0 L0 ${-r} A${r} ${r} 0 ${v > 0.5 ? 1 : 0} 1 ${ex.toFixed(2)} ${ey.toFixed(2)} Z" fill="${c}"/>`
      : '';
  return `<svg class="fd-pie" width="12" height="12" viewBox="-6 -6 12 12" aria-hidden="true" style="vertical-align:-1px;margin-right:3px"><circle r="${r}" fill="none" stroke="${c}" stroke-opacity=".5"/>${wedge}</svg>`;
}

/** Agent i's part of one allocation: chips for her indivisible goods, then "2/3 of cake" per divisible good. */
export function mixedBundleHtml(p: MixedPayload, k: number, i: number): string {
  const e = p.support[k];
  const chips = (Array.isArray(e?.bundles?.[i]) ? e.bundles[i] : []).map(
    (g) =>
      `<span class="fd-chip" data-good="${esc(g)}" style="${agentVars(i)}">${esc(p.goods[g as number] ?? g)}</span>`,
  );
  const row = Array.isArray(e?.fractions?.[i]) ? e.fractions[i] : [];
  const parts = p.divisible.map((d, t) => {
    const x = row[t];
    if (isZero(x)) return '';
    return `<span class="fd-frac" data-good="${esc(d)}" data-fraction="${esc(x)}" style="white-space:nowrap;margin:1px 4px 1px 2px">${fractionPie(String(x), i)}<b class="fd-num">${esc(x)}</b> of ${esc(p.goods[d] ?? d)}</span>`;
  });
  const all = [...chips, ...parts.filter(Boolean)];
  return all.length ? all.join('') : '<span class="fd-muted">∅</span>';
}

/** A divisible good's cell: the exact fraction (blank for 0) over a bar of that length in the agent's colour. */
function fractionCell(x: string | undefined, g: number, i: number, title: string): string {
  const w = (unit(x) * 100).toFixed(1);
  const bar = `background:linear-gradient(to right,${agentColor(i, 0.32)} ${w}%,transparent ${w}%)`;
  return `<td class="fd-r fd-frac" data-good="${esc(g)}" data-divisible="1" data-fraction="${esc(x ?? '0')}" style="${bar}" title="${esc(title)}">${isZero(x) ? '' : num(x)}</td>`;
}

/** The agent's value of good g as a cell title, when values are known. */
function valueTitle(p: MixedPayload, i: number, g: number, what: string): string {
  const v = p.values[i]?.[g];
  return v === undefined ? what : `${what} · v = ${v}`;
}

/** The value columns of one agent: v, PROP, ÷PROP. */
function valueCells(r: AgentRow | undefined, prop: string | undefined): string {
  return `<td class="fd-r fd-sep"><b>${num(r?.value)}</b></td><td class="fd-r">${num(prop)}</td>${ratio(r?.propRatio)}`;
}

/**
 * The agents × goods matrix: of support allocation `k` (indivisible goods: the owner's cell, shares 0 or 1;
 * divisible goods: the exact fraction), or of the marginals when `k` is null (expected shares).
 */
export function mixedMatrixHtml(p: MixedPayload, k: number | null): string {
  const known = p.values.length > 0;
  const isDiv = (g: number) => p.divisible.includes(g);
  const e = k === null ? undefined : p.support[k];
  const rows = p.agents
    .map((a, i) => {
      const cells = p.goods
        .map((_, g) => {
          if (e) {
            const t = p.divisible.indexOf(g);
            if (t >= 0)
              return fractionCell(
                e.fractions?.[i]?.[t],
                g,
                i,
                valueTitle(p, i, g, 'fraction held; v is the whole good'),
              );
            const own = Array.isArray(e.bundles?.[i]) && e.bundles[i].includes(g);
            return own
              ? `<td class="fd-r fd-own" data-good="${g}" data-owner="1" style="${agentVars(i)};background:${agentColor(i, 0.2)}" title="${esc(valueTitle(p, i, g, 'holds it'))}">1</td>`
              : `<td class="fd-r fd-not" data-good="${g}"></td>`;
          }
          const x = p.marginals[i]?.[g];
          if (isDiv(g))
            return fractionCell(x, g, i, valueTitle(p, i, g, 'expected fraction held; v is the whole good'));
          const v = unit(x);
          return `<td class="fd-r fd-heat" data-good="${g}" data-share="${esc(x ?? '0')}" style="background:rgba(59,130,246,${(0.06 + 0.6 * v).toFixed(3)})" title="${esc(valueTitle(p, i, g, 'probability of holding it'))}">${isZero(x) ? '' : num(x)}</td>`;
        })
        .join('');
      const tail = !known
        ? ''
        : e
          ? `${valueCells(e.rows?.[i], p.shares[i]?.prop)}<td class="fd-bundle">${mixedBundleHtml(p, k as number, i)}</td>`
          : valueCells(p.expected[i], p.shares[i]?.prop);
      return `<tr data-agent="${i}"><th>${agentHead(a, i)}</th>${cells}${tail}</tr>`;
    })
    .join('');
  const head = !known
    ? ''
    : `<th class="fd-sep">${e ? 'v<sub>i</sub>(A<sub>i</sub>)' : 'E[v<sub>i</sub>]'}</th><th>PROP</th><th>÷PROP</th>${e ? '<th>bundle</th>' : ''}`;
  const cls = e ? 'fd-matrix fd-mixed-allocation' : 'fd-matrix fd-mixed-marginals';
  return `<table class="${cls}" data-view="${e ? `allocation-${esc(k)}` : 'marginals'}"><thead><tr><th>agent \\ good</th>${goodsHead(p.goods, p.divisible)}${head}</tr></thead><tbody>${rows}</tbody></table>`;
}

/** The support table: probability, then each agent's bundle (chips and fractions), value and ratio. */
function supportHtml(p: MixedPayload): string {
  const known = p.values.length > 0;
  const maxP = Math.max(...p.support.map((e) => unit(e.p)), 1e-9);
  const heads = p.agents
    .map((a, i) => {
      const s = p.shares[i];
      const sub = s ? `<div class="fd-muted" style="font-weight:400;font-size:.88em">PROP ${esc(s.prop)}</div>` : '';
      return `<th class="fd-sep" colspan="${known ? 3 : 1}" data-agent-col="${i}">${agentHead(a, i)}${sub}</th>`;
    })
    .join('');
  const subHeads = known
    ? `<tr><th></th>${p.agents.map(() => '<th class="fd-sep">bundle</th><th>v</th><th>÷PROP</th>').join('')}</tr>`
    : '';
  const body = p.support
    .map((e, k) => {
      const w = Math.round((unit(e.p) / maxP) * 60);
      const cells = p.agents
        .map((_, i) => {
          const r = e.rows?.[i];
          return `<td class="fd-sep fd-bundle">${mixedBundleHtml(p, k, i)}</td>${known ? `<td class="fd-r">${num(r?.value)}</td>${ratio(r?.propRatio)}` : ''}`;
        })
        .join('');
      return `<tr data-support="${k}"><th class="fd-r">${num(e.p)}<span class="fd-pbar" style="width:${Math.max(2, w)}px"></span></th>${cells}</tr>`;
    })
    .join('');
  const expected = known
    ? `<tr class="fd-expected"><th class="fd-r">E</th>${p.expected.map((r) => `<td class="fd-sep fd-muted">expected</td><td class="fd-r"><b>${num(r?.value)}</b></td>${ratio(r?.propRatio)}`).join('')}</tr>`
    : '';
  const omitted = p.omitted
    ? `<div class="fd-muted">… and ${esc(p.omitted)} more allocations (smaller probabilities)</div>`
    : '';
  return `<table class="fd-support fd-mixed-support"><thead><tr><th>p</th>${heads}</tr>${subHeads}</thead><tbody>${body}${expected}</tbody></table>${omitted}`;
}

const agentName = (p: MixedPayload, i: unknown): string =>
  `${agentHead(String(p.agents[i as number] ?? i), Number.isInteger(i) ? (i as number) : 0)}`;

/** One water-filling step as a table row. */
function waterStepRow(p: MixedPayload, s: WaterFillingStepPayload, k: number): string {
  if (s.kind === 'add') {
    const who = (Array.isArray(s.agents) ? s.agents : []).map((i) => agentName(p, i)).join(', ');
    return `<tr data-wf-step="${k}" data-wf-kind="add"><td class="fd-r fd-muted">${k + 1}</td><td>pour</td><td>${who}</td><td class="fd-r">${num(s.delta)}</td><td class="fd-r">${num(s.each)}</td><td class="fd-r">${num(s.remaining)}</td></tr>`;
  }
  const cycle = Array.isArray(s.cycle) ? s.cycle : [];
  const edge = Array.isArray(s.envyEdge) ? s.envyEdge : [];
  const ring = [...cycle, cycle[0]]
    .filter((x) => x !== undefined)
    .map((i) => agentName(p, i))
    .join(' → ');
  return `<tr data-wf-step="${k}" data-wf-kind="rotate"><td class="fd-r fd-muted">${k + 1}</td><td>rotate</td><td>${ring} <span class="fd-muted">(each takes the next one's bundle)</span></td><td colspan="3" class="fd-muted">strict envy ${agentName(p, edge[0])} → ${agentName(p, edge[1])}</td></tr>`;
}

/** The cake poured in one run, left to right: a segment per `pour` step, split among the agents served. */
function cakeBar(p: MixedPayload, run: WaterFillingPayload): string {
  const W = 360;
  let x = 0;
  const parts: string[] = [];
  run.steps.forEach((s, k) => {
    if (s.kind === 'rotate') {
      parts.push(
        `<line x1="${x.toFixed(1)}" x2="${x.toFixed(1)}" y1="-3" y2="19" stroke="currentColor" stroke-width="1.5" stroke-dasharray="2 2"><title>step ${k + 1}: rotate</title></line>`,
      );
      return;
    }
    const agents = Array.isArray(s.agents) && s.agents.length ? s.agents : [0];
    const w = unit(s.delta) * W;
    agents.forEach((i, t) => {
      const xi = x + (w * t) / agents.length;
      parts.push(
        `<rect x="${xi.toFixed(1)}" y="0" width="${(w / agents.length).toFixed(1)}" height="16" fill="${agentColor(Number(i) || 0, 0.7)}"><title>step ${k + 1}: ${esc(s.each)} of the cake to ${esc(p.agents[i] ?? i)}</title></rect>`,
      );
    });
    x += w;
  });
  return `<svg class="fd-cake" width="${W + 2}" height="23" viewBox="-1 -3 ${W + 2} 23" role="img" aria-label="cake poured by water-filling"><rect x="0" y="0" width="${W}" height="16" fill="none" stroke="currentColor" stroke-opacity=".45"/>${parts.join('')}</svg>`;
}

/** The water-filling runs of the trace (Lemma 4.2): a bar of the cake poured and the steps. */
export function waterFillingHtml(p: MixedPayload): string {
  const runs = Array.isArray(p.waterFilling) ? p.waterFilling : [];
  return runs
    .map((run, r) => {
      const order = Array.isArray(run.order)
        ? ` for the order ${run.order.map((i) => esc(p.agents[i] ?? i)).join(', ')}`
        : '';
      const rows = (Array.isArray(run.steps) ? run.steps : []).map((s, k) => waterStepRow(p, s, k)).join('');
      return `<div class="fd-water" data-wf-run="${r}"><div class="fd-section">Water-filling${order} <span class="fd-muted" style="font-weight:400">(the cake as one good: the unenvied bundles grow at the same rate; envy cycles rotate)</span></div>${cakeBar(p, run)}<table class="fd-wf-steps"><thead><tr><th>#</th><th>step</th><th>agents</th><th>cake poured</th><th>to each</th><th>left</th></tr></thead><tbody>${rows}</tbody></table></div>`;
    })
    .join('');
}

/**
 * The mixed view: caption, the support (for a lottery), the matrix (the allocation itself, or the marginals of a
 * lottery), claims, water-filling runs and the trace.
 */
export function mixedHtml(p: MixedPayload): string {
  const total = p.support.length + (typeof p.omitted === 'number' ? p.omitted : 0);
  const single = total === 1;
  const divNames = p.divisible.map((g) => esc(p.goods[g] ?? g)).join(', ');
  const sub = `mixed goods · ${p.agents.length} agents × ${p.goods.length} goods · divisible: ${divNames || 'none'}${bivaluedNote(p.bivalued, p.agents)}${single ? '' : ` · lottery over ${esc(total)} allocations`}`;
  const title = p.title ?? p.mechanism ?? (single ? 'Mixed allocation' : 'Mixed lottery');
  const matrix = single
    ? `<div class="fd-section fd-mixed-view">Allocation <span class="fd-muted" style="font-weight:400">(1 = holds the good; a divisible good shows the fraction held)</span></div>`
    : `<div class="fd-section fd-mixed-view">Marginals <span class="fd-muted" style="font-weight:400">(expected share of each good; a divisible good shows the expected fraction)</span></div>`;
  return `<div class="fairdiv fd-mixed" data-kind="mixed" data-support-size="${esc(total)}">${caption(title, sub)}${single ? '' : supportHtml(p)}${matrix}<div class="fd-mixed-matrix">${mixedMatrixHtml(p, single ? 0 : null)}</div>${claimsHtml(p.claims)}${waterFillingHtml(p)}${traceStepsHtml(p.trace)}</div>`;
}
