/** Payload -> self-contained HTML (the `text/html` item, and the renderer's DOM). */
import type { DisplayKind, Payload } from '../payload';
import { STYLE } from './common';
import { histogramHtml, simulationHtml } from './charts';
import { comparisonHtml } from './comparison';
import { mixedHtml } from './mixed';
import {
  allocationHtml,
  certificateHtml,
  fractionalHtml,
  instanceHtml,
  lotteryHtml,
  mmsHtml,
  traceHtml,
} from './tables';

export { STYLE } from './common';

/** The HTML builder of each kind (a missing kind is a type error). */
const BODY: { [K in DisplayKind]: (p: Extract<Payload, { kind: K }>) => string } = {
  instance: instanceHtml,
  allocation: allocationHtml,
  fractional: fractionalHtml,
  lottery: lotteryHtml,
  mixed: mixedHtml,
  'mms-histogram': histogramHtml,
  certificate: certificateHtml,
  mms: mmsHtml,
  trace: traceHtml,
  simulation: simulationHtml,
  comparison: comparisonHtml,
};

/** The HTML body of a payload (no stylesheet). */
export function payloadBody(p: Payload): string {
  return (BODY[p.kind] as (p: Payload) => string)(p);
}

/** The `text/html` item: scoped stylesheet + body. */
export function payloadHtml(p: Payload): string {
  return STYLE + payloadBody(p);
}
