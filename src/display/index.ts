/**
 * Rich display of fairdiv values: `toMimeBundle(x)` returns one output bundle with the items
 * `application/vnd.fairdiv.<kind>+json` (versioned plain JSON, see ./payload), `text/html`
 * (self-contained: tables and inline SVG, no scripts) and `text/plain`. Pure: no DOM, no side effects
 * (the kernel's and tslab's `display()` are built on top of it).
 */
import { Allocation, FractionalAllocation, Lottery } from '../core/allocation';
import { Instance } from '../core/instance';
import { Outcome, type TraceStep } from '../core/outcome';
import { CertificateReport } from '../certify';
import type { MmsResult } from '../shares/mms/types';
import {
  allocationPayload,
  certificatePayload,
  fractionalPayload,
  instancePayload,
  lotteryPayload,
  mmsPayload,
  outcomePayload,
  tracePayload,
  type DisplayOptions,
} from './build';
import { isSimulationLike, MmsHistogram, mmsHistogram, simulationPayload } from './charts';
import { payloadHtml } from './html';
import { DISPLAY_KINDS, mimeOf, type DisplayKind, type Payload } from './payload';
import { payloadText } from './text';

export type { DisplayOptions } from './build';
export { mmsHistogram, MmsHistogram, simulationPayload, isSimulationLike, type SimulationLike } from './charts';
export * from './payload';
export { payloadHtml, payloadBody, STYLE } from './html';
export { payloadText } from './text';

/** A MIME bundle: `data` maps MIME types to items; `kind` is null for values without a rich display. */
export interface MimeBundle {
  data: Record<string, unknown>;
  kind: DisplayKind | null;
}

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => x !== null && typeof x === 'object';

function isPayload(x: unknown): x is Payload {
  return isObj(x) && typeof x.schema === 'string' && x.schema.startsWith('fairdiv/') && (DISPLAY_KINDS as readonly unknown[]).includes(x.kind);
}

function isMmsResult(x: unknown): x is MmsResult {
  return isObj(x) && Array.isArray(x.partition) && (x.status === 'optimal' || x.status === 'timeout') && 'value' in x && 'lower' in x && 'upper' in x;
}

function isTrace(x: unknown): x is TraceStep[] {
  return Array.isArray(x) && x.length > 0 && x.every((s) => isObj(s) && typeof s.id === 'string' && 'data' in s && 'title' in s);
}

/** The display kind of a value, or null when it has no rich display. */
export function displayKind(x: unknown): DisplayKind | null {
  if (isPayload(x)) return x.kind;
  if (x instanceof MmsHistogram) return 'mms-histogram';
  if (x instanceof Instance) return 'instance';
  if (x instanceof Outcome) return x.kind;
  if (x instanceof CertificateReport) return 'certificate';
  if (x instanceof Allocation) return 'allocation';
  if (x instanceof FractionalAllocation) return 'fractional';
  if (x instanceof Lottery) return 'lottery';
  if (isObj(x) && !Array.isArray(x)) {
    if (x.instance instanceof Instance || x.instance === undefined) {
      if (x.lottery instanceof Lottery) return 'lottery';
      if (x.allocation instanceof Allocation) return 'allocation';
      if (x.fractional instanceof FractionalAllocation) return 'fractional';
      if (isMmsResult(x.mms)) return 'mms';
      if (isTrace(x.trace)) return 'trace';
    }
  }
  if (isMmsResult(x)) return 'mms';
  if (isTrace(x)) return 'trace';
  if (isSimulationLike(x)) return 'simulation';
  return null;
}

/** The payload of a displayable value (throws on a value without a rich display). */
export function toPayload(x: unknown, opts: DisplayOptions = {}): Payload {
  if (isPayload(x)) return x;
  if (x instanceof MmsHistogram) return opts.title ? { ...x.payload, title: opts.title } : x.payload;
  if (x instanceof Instance) return instancePayload(x, opts);
  if (x instanceof Outcome) return outcomePayload(x, opts);
  if (x instanceof CertificateReport) return certificatePayload(x, opts);
  if (x instanceof Allocation) return allocationPayload(undefined, x, {}, opts);
  if (x instanceof FractionalAllocation) return fractionalPayload(undefined, x, {}, opts);
  if (x instanceof Lottery) return lotteryPayload(undefined, x, {}, opts);
  if (isObj(x) && !Array.isArray(x) && (x.instance instanceof Instance || x.instance === undefined)) {
    const inst = x.instance as Instance | undefined;
    const extra = { mechanism: typeof x.mechanism === 'string' ? x.mechanism : undefined };
    if (x.lottery instanceof Lottery) return lotteryPayload(inst, x.lottery, extra, opts);
    if (x.allocation instanceof Allocation) return allocationPayload(inst, x.allocation, extra, opts);
    if (x.fractional instanceof FractionalAllocation) return fractionalPayload(inst, x.fractional, extra, opts);
    if (isMmsResult(x.mms)) return mmsPayload(x.mms, { instance: inst, agent: typeof x.agent === 'number' ? x.agent : inst && typeof x.agent === 'string' ? inst.agentIndex(x.agent) : undefined }, opts);
    if (isTrace(x.trace)) return tracePayload(x.trace, inst, extra.mechanism, opts);
  }
  if (isMmsResult(x)) return mmsPayload(x, {}, opts);
  if (isTrace(x)) return tracePayload(x, undefined, undefined, opts);
  if (isSimulationLike(x)) return simulationPayload(x, opts);
  throw new TypeError(`fairdiv display: no rich display for ${Object.prototype.toString.call(x)}`);
}

function fallbackText(x: unknown): string {
  if (typeof x === 'string') return x;
  try {
    const s = JSON.stringify(x, (_k, v) => (typeof v === 'bigint' ? v.toString() : v), 2);
    if (s !== undefined) return s;
  } catch {
    /* circular or exotic: fall through */
  }
  return String(x);
}

/**
 * The MIME bundle of any fairdiv value: Instance, Outcome (allocation / fractional / lottery),
 * `{instance, allocation | fractional | lottery}`, Allocation, FractionalAllocation, Lottery,
 * CertificateReport, an MMS result (or `{instance, agent, mms}`), a construction trace (an Outcome's
 * `trace`, or `{instance, trace}`), `mmsHistogram(outcome)`, a simulation result, or a payload.
 * Values without a rich display get a `text/plain` item only and `kind: null`.
 */
export function toMimeBundle(x: unknown, opts: DisplayOptions = {}): MimeBundle {
  const kind = displayKind(x);
  if (!kind) return { data: { 'text/plain': fallbackText(x) }, kind: null };
  const p = toPayload(x, opts);
  return { data: { [mimeOf(p.kind)]: p, 'text/html': payloadHtml(p), 'text/plain': payloadText(p) }, kind: p.kind };
}
