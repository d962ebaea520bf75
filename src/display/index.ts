/**
 * Rich display of fairdiv values: `toMimeBundle(x)` returns one output bundle with the items
 * `application/vnd.fairdiv.<kind>+json` (versioned plain JSON, see ./payload), `text/html`
 * (self-contained: tables and inline SVG, no scripts) and `text/plain`. Pure: no DOM, no side effects
 * (the kernel's and tslab's `display()` are built on top of it). Which values display as which kind is
 * the one table of ./dispatch.
 */
import type { DisplayOptions } from './build';
import { recognise } from './dispatch';
import { payloadHtml } from './html';
import { mimeOf, type DisplayKind } from './payload';
import { payloadText } from './text';

export type { DisplayOptions } from './build';
export { displayKind, toPayload, recognise, type Displayable } from './dispatch';
export { mmsHistogram, MmsHistogram, simulationPayload, isSimulationLike, type SimulationLike } from './charts';
export {
  DISPLAY_KINDS,
  PAYLOAD_VERSION,
  mimeOf,
  kindOfMime,
  schemaOf,
  type DisplayKind,
  type Exact,
  type ShareStatus,
  type AgentShares,
  type InstanceTable,
  type InstancePayload,
  type AgentRow,
  type AllocationPayload,
  type FractionalPayload,
  type SupportEntry,
  type LotteryPayload,
  type MixedPayload,
  type FisherPricesPayload,
  type MixedSupportEntry,
  type BivaluedPayload,
  type WaterFillingPayload,
  type WaterFillingStepPayload,
  type ClaimSummary,
  type HistogramBar,
  type MmsHistogramPayload,
  type ComparedNumber,
  type ComparedRelation,
  type ClaimPayload,
  type CertificateVerdict,
  type CertificatePayload,
  type MmsPayload,
  type TraceStepPayload,
  type TracePayload,
  type PlainNode,
  type CurveSeries,
  type CurvePanel,
  type SimulationPayload,
  type ComparisonPayload,
  type ComparisonCellPayload,
  type ComparisonColumn,
  type Payload,
  type PayloadOf,
} from './payload';
export { certificateVerdict, VERDICTS } from './verdict';
export { payloadHtml, payloadBody, STYLE } from './html';
export { payloadText } from './text';

/** A MIME bundle: `data` maps MIME types to items; `kind` is null for values without a rich display. */
export interface MimeBundle {
  data: Record<string, unknown>;
  kind: DisplayKind | null;
}

function fallbackText(x: unknown): string {
  if (typeof x === 'string') return x;
  try {
    const s = JSON.stringify(x, (_k, v) => (typeof v === 'bigint' ? v.toString() : v), 2);
    if (s !== undefined) return s;
  } catch {
    // circular or exotic: String(x) below
  }
  return String(x);
}

/**
 * The MIME bundle of any fairdiv value: Instance, Outcome (allocation / fractional / lottery),
 * `{instance, allocation | fractional | lottery}`, Allocation, FractionalAllocation, Lottery, mixed goods (an
 * Outcome with `mixed`, MixedLottery, MixedAllocation, `{instance, mixed}`),
 * CertificateReport, an MMS result (or `{instance, agent, mms}`, or `{values, mms}` to show each bundle's value), a
 * construction trace (an Outcome's `trace`, or `{instance, trace}`), `mmsHistogram(outcome)`, a simulation result,
 * or a payload.
 * Values without a rich display get a `text/plain` item only and `kind: null`.
 */
export function toMimeBundle(x: unknown, opts: DisplayOptions = {}): MimeBundle {
  const d = recognise(x);
  if (!d) return { data: { 'text/plain': fallbackText(x) }, kind: null };
  const p = d.payload(opts);
  return { data: { [mimeOf(p.kind)]: p, 'text/html': payloadHtml(p), 'text/plain': payloadText(p) }, kind: p.kind };
}
