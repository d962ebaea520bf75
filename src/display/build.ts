/**
 * Builders: library objects -> payloads (src/display/payload.ts). Pure; exact numbers as strings.
 */
import type { Allocation, FractionalAllocation, Lottery } from '../core/allocation';
import type { Instance } from '../core/instance';
import type { Claim, Outcome, TraceStep } from '../core/outcome';
import { Rational } from '../core/rational';
import type { CertificateReport } from '../certify';
import { lotteryExpectedValues } from '../checks/ex-ante';
import type { MmsResult } from '../shares/mms/types';
import { mmsShare } from '../shares/share-cache';
import type {
  AgentRow,
  AgentShares,
  AllocationPayload,
  BivaluedPayload,
  CertificatePayload,
  ClaimPayload,
  ClaimSummary,
  FisherPricesPayload,
  FractionalPayload,
  InstancePayload,
  LotteryPayload,
  MmsPayload,
  SupportEntry,
  TracePayload,
  TraceStepPayload,
} from './payload';
import { payloadHeader } from './payload';
import { comparedRelations, isNumberEntry, leftoverNumbers } from './compared';
import { scalarString, toPlain, type PlainContext } from './plain';
import { statedPrices } from './prices';

/** Options of the display builders. */
export interface DisplayOptions {
  /** Compute MMS shares for ratios (default true). */
  mms?: boolean;
  /** Time limit per agent for the MMS solver, in ms (default 2000). */
  mmsTimeLimitMs?: number;
  /** At most this many support entries of a lottery are listed (default 200). */
  maxSupport?: number;
  /** Caption. */
  title?: string;
}

const ex = (r: Rational): string => r.toString();

/** Per-agent total, PROP and MMS (MMS failures are reported, never thrown). */
export function agentShares(
  inst: Instance,
  opts: DisplayOptions = {},
): { shares: AgentShares[]; mms: (Rational | null)[]; prop: Rational[] } {
  const withMms = opts.mms !== false;
  const prop: Rational[] = [];
  const mms: (Rational | null)[] = [];
  const shares = inst.agents.map((_, i): AgentShares => {
    const total = inst.total(i);
    const p = total.div(inst.n);
    prop.push(p);
    if (!withMms) {
      mms.push(null);
      return { total: ex(total), prop: ex(p), mmsStatus: 'skipped' };
    }
    try {
      const r = mmsShare(inst, i, inst.n, opts.mmsTimeLimitMs ?? 2000);
      mms.push(r.value);
      return {
        total: ex(total),
        prop: ex(p),
        mms: ex(r.value),
        ...(r.status === 'timeout' ? { mmsUpper: ex(r.upper) } : {}),
        mmsStatus: r.status,
      };
    } catch {
      mms.push(null);
      return { total: ex(total), prop: ex(p), mmsStatus: 'error' };
    }
  });
  return { shares, mms, prop };
}

function ratio(v: Rational, share: Rational | null): string | undefined {
  return share && share.sign() > 0 ? ex(v.div(share)) : undefined;
}

/** An agent's value with its ratios to PROP and MMS (a ratio is absent when its share is unknown or 0). */
export function row(v: Rational, prop: Rational, mms: Rational | null): AgentRow {
  const r: AgentRow = { value: ex(v) };
  const pr = ratio(v, prop);
  const mr = ratio(v, mms);
  if (pr !== undefined) r.propRatio = pr;
  if (mr !== undefined) r.mmsRatio = mr;
  return r;
}

function table(inst: Instance): { agents: string[]; goods: string[]; values: string[][] } {
  return { agents: [...inst.agents], goods: [...inst.goods], values: inst.values.map((r) => r.map(ex)) };
}

function claims(cs: readonly Claim[]): ClaimSummary[] {
  return cs.map((c) => ({ id: c.id, text: c.text, ...(c.rho ? { rho: ex(c.rho) } : {}) }));
}

/** What an Outcome adds to its allocation, fractional allocation or lottery. */
export interface OutcomeExtra {
  mechanism?: string;
  claims?: readonly Claim[];
  trace?: readonly TraceStep[];
}

/** The optional `claims` and `trace` fields of an outcome payload (absent when empty). */
export function claimsAndTrace(
  extra: OutcomeExtra,
  inst: Instance | undefined,
): { claims?: ClaimSummary[]; trace?: TraceStepPayload[] } {
  return {
    ...(extra.claims && extra.claims.length ? { claims: claims(extra.claims) } : {}),
    ...(extra.trace && extra.trace.length ? { trace: traceSteps(extra.trace, inst) } : {}),
  };
}

/** The declared bi-valued domain of an instance as payload data (exact pairs), when it has one. */
export function bivaluedPayload(inst: Instance): BivaluedPayload | undefined {
  const d = inst.bivalued;
  return d ? { common: d.common, pairs: d.pairs.map((p): [string, string] => [ex(p.a), ex(p.b)]) } : undefined;
}

/**
 * [DECISION] With divisible goods, MMS is not computed: the MMS solver treats every good as indivisible,
 * which is not an agent's share when some goods are divisible.
 */
export function instancePayload(inst: Instance, opts: DisplayOptions = {}): InstancePayload {
  const bivalued = bivaluedPayload(inst);
  return {
    ...payloadHeader('instance', opts.title),
    ...table(inst),
    shares: agentShares(inst, inst.divisible.length ? { ...opts, mms: false } : opts).shares,
    divisible: [...inst.divisible],
    ...(bivalued ? { bivalued } : {}),
  };
}

/** The optional `prices` field: the Fisher-market prices the outcome's price claims state. */
function pricesField(inst: Instance | undefined, extra: OutcomeExtra): { prices?: FisherPricesPayload[] } {
  const prices = statedPrices(inst, extra.claims);
  return prices.length ? { prices } : {};
}

function ctxOf(inst?: Instance): PlainContext {
  return inst ? { agents: inst.agents, goods: inst.goods } : {};
}

export function traceSteps(steps: readonly TraceStep[], inst?: Instance): TraceStepPayload[] {
  return steps.map((s) => ({
    id: String(s.id),
    title: String(s.title ?? s.id),
    ...(s.text ? { text: String(s.text) } : {}),
    data: toPlain(s.data, ctxOf(inst)),
  }));
}

export function tracePayload(
  steps: readonly TraceStep[],
  inst?: Instance,
  mechanism?: string,
  opts: DisplayOptions = {},
): TracePayload {
  return { ...payloadHeader('trace', opts.title, mechanism), steps: traceSteps(steps, inst) };
}

/** Values and ratios of one allocation; empty rows when the instance is unknown. */
function allocationRows(
  inst: Instance | undefined,
  a: Allocation,
  prop: Rational[],
  mms: (Rational | null)[],
): AgentRow[] {
  if (!inst) return [];
  return a.bundles.map((b, i) => row(inst.value(i, b), prop[i], mms[i]));
}

/** Agent and good names and values of the instance, or index names and no values when it is unknown. */
export function names(
  inst: Instance | undefined,
  n: number,
  m: number,
): { agents: string[]; goods: string[]; values: string[][] } {
  if (inst) return table(inst);
  return {
    agents: Array.from({ length: n }, (_, i) => String(i)),
    goods: Array.from({ length: m }, (_, g) => String(g)),
    values: [],
  };
}

export function allocationPayload(
  inst: Instance | undefined,
  a: Allocation,
  extra: OutcomeExtra = {},
  opts: DisplayOptions = {},
): AllocationPayload {
  const s = inst ? agentShares(inst, opts) : { shares: [], mms: [], prop: [] };
  return {
    ...payloadHeader('allocation', opts.title, extra.mechanism),
    ...names(inst, a.n, a.m),
    owner: a.owners(),
    bundles: a.bundles.map((b) => [...b]),
    rows: allocationRows(inst, a, s.prop, s.mms),
    shares: s.shares,
    ...claimsAndTrace(extra, inst),
    ...pricesField(inst, extra),
  };
}

export function fractionalPayload(
  inst: Instance | undefined,
  f: FractionalAllocation,
  extra: OutcomeExtra = {},
  opts: DisplayOptions = {},
): FractionalPayload {
  const nm = names(inst, f.n, f.m);
  const out: FractionalPayload = {
    ...payloadHeader('fractional', opts.title, extra.mechanism),
    agents: nm.agents,
    goods: nm.goods,
    shares: f.shares.map((r) => r.map(ex)),
  };
  if (inst) {
    out.values = nm.values;
    out.expected = inst.values.map((r, i) => ex(Rational.sum(r.map((v, g) => v.mul(f.shares[i][g])))));
  }
  Object.assign(out, claimsAndTrace(extra, inst));
  return out;
}

export function lotteryPayload(
  inst: Instance | undefined,
  l: Lottery,
  extra: OutcomeExtra = {},
  opts: DisplayOptions = {},
): LotteryPayload {
  const s = inst ? agentShares(inst, opts) : { shares: [], mms: [], prop: [] };
  const max = opts.maxSupport ?? 200;
  const support: SupportEntry[] = l.entries.slice(0, max).map((e) => ({
    p: ex(e.p),
    owner: e.allocation.owners(),
    bundles: e.allocation.bundles.map((b) => [...b]),
    rows: allocationRows(inst, e.allocation, s.prop, s.mms),
  }));
  let expected: AgentRow[] = [];
  if (inst) {
    expected = lotteryExpectedValues(inst, l).map((v, i) => row(v, s.prop[i], s.mms[i]));
  }
  return {
    ...payloadHeader('lottery', opts.title, extra.mechanism),
    ...names(inst, l.n, l.m),
    support,
    expected,
    marginals: l.marginals().shares.map((r) => r.map(ex)),
    shares: s.shares,
    ...claimsAndTrace(extra, inst),
    ...(l.size > max ? { omitted: l.size - max } : {}),
    ...pricesField(inst, extra),
  };
}

/** The mechanism, claims and trace an Outcome shows with its allocation, fractional allocation or lottery. */
export function outcomeExtra(o: Outcome): OutcomeExtra {
  return { mechanism: o.mechanism, claims: o.claims, trace: o.trace };
}

/** Witness keys holding a partition of the goods (or an allocation) valued by the witness's `agent`. */
const PARTITION_KEYS = new Set(['sharePartition', 'mmsPartition', 'shareAllocation', 'partition']);

/**
 * The witness with goods and agents by name: each partition the agent's share was computed from as its bundles and
 * their values to that agent (`[{ bundle: 'car, bike', value: 7 }, ...]`, so an MMS partition shows each bundle's
 * value), a support allocation (`allocation`) as each agent's bundle, and a dominating allocation's owners
 * (`dominatingOwners`) as each good's new owner.
 */
function witnessByName(witness: unknown, inst: Instance): unknown {
  if (witness === null || typeof witness !== 'object' || Array.isArray(witness)) return witness;
  const w = witness as Record<string, unknown>;
  const isGood = (g: unknown) => Number.isInteger(g) && (g as number) >= 0 && (g as number) < inst.m;
  const isPartition = (x: unknown): x is number[][] =>
    Array.isArray(x) && x.every((b) => Array.isArray(b) && b.every(isGood));
  const goods = (b: readonly number[]) => b.map((g) => inst.goods[g]).join(', ') || '∅';
  const i = w.agent;
  const agent = typeof i === 'number' && Number.isInteger(i) && i >= 0 && i < inst.n ? i : undefined;
  return Object.fromEntries(
    Object.entries(w).map(([k, v]) => {
      if (PARTITION_KEYS.has(k) && agent !== undefined && isPartition(v))
        return [k, v.map((b) => ({ bundle: goods(b), value: inst.value(agent, b) }))];
      if (k === 'allocation' && isPartition(v) && v.length === inst.n)
        return [k, Object.fromEntries(v.map((b, j) => [inst.agents[j], goods(b)]))];
      if (
        k === 'dominatingOwners' &&
        Array.isArray(v) &&
        v.length === inst.m &&
        v.every((o) => Number.isInteger(o) && o >= 0 && o < inst.n)
      )
        return [k, Object.fromEntries(v.map((o: number, g) => [inst.goods[g], inst.agents[o]]))];
      return [k, v];
    }),
  );
}

export function certificatePayload(r: CertificateReport, opts: DisplayOptions = {}): CertificatePayload {
  const ctx = ctxOf(r.instance);
  const cl = r.claims.map((c): ClaimPayload => {
    const { compared, used } = comparedRelations(c, r.instance, r.outcome);
    const detail = c.detail ?? {};
    const numbers = leftoverNumbers(detail, used, r.instance);
    const shown = new Set([...used, 'rho', 'property', 'supportIndex']);
    const rest: Record<string, unknown> = {};
    let reason: string | undefined;
    for (const [k, v] of Object.entries(detail)) {
      if (k === 'reason' && typeof v === 'string') reason = v;
      else if (!shown.has(k) && !isNumberEntry(v, r.instance.n)) rest[k] = v;
    }
    const out: ClaimPayload = {
      id: c.id,
      text: c.text,
      status: c.status,
      ...(compared.length ? { compared } : {}),
      numbers,
      detail: toPlain(rest, ctx),
    };
    if (c.rho) out.rho = ex(c.rho);
    if (reason) out.reason = reason;
    if (c.witness !== undefined) out.witness = toPlain(witnessByName(c.witness, r.instance), ctx);
    return out;
  });
  return {
    ...payloadHeader('certificate', opts.title),
    mechanism: r.mechanism,
    verdict: r.verdict,
    ok: r.ok,
    passed: r.passed,
    failed: r.failed,
    unchecked: r.unchecked,
    agents: [...r.instance.agents],
    goods: [...r.instance.goods],
    claims: cl,
  };
}

/** An MMS result, optionally with the instance and agent it was computed for. */
export function mmsPayload(
  r: MmsResult,
  ctx: { instance?: Instance; agent?: number; values?: readonly Rational[] } = {},
  opts: DisplayOptions = {},
): MmsPayload {
  const values = ctx.values ?? (ctx.instance && ctx.agent !== undefined ? ctx.instance.values[ctx.agent] : undefined);
  const out: MmsPayload = {
    ...payloadHeader('mms', opts.title),
    n: r.partition.length,
    value: scalarString(r.value) ?? String(r.value),
    lower: scalarString(r.lower) ?? String(r.lower),
    upper: scalarString(r.upper) ?? String(r.upper),
    status: r.status,
    partition: r.partition.map((b) => [...b]),
  };
  if (ctx.instance && ctx.agent !== undefined) out.agent = ctx.instance.agents[ctx.agent];
  if (ctx.instance) out.goods = [...ctx.instance.goods];
  if (values) {
    out.values = values.map(ex);
    out.bundleValues = r.partition.map((b) => ex(Rational.sum(b.map((g) => values[g]))));
  } else if (Array.isArray(r.bundleValues) && r.bundleValues.length === r.partition.length) {
    // the result's own bundle values (a result saved before it carried them shows its bundles alone)
    out.bundleValues = r.bundleValues.map((v) => scalarString(v) ?? String(v));
  }
  if (r.stats) out.stats = { nodes: r.stats.nodes, ms: r.stats.ms, method: r.stats.method };
  return out;
}
