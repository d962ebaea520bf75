/** Payload -> self-contained HTML (the `text/html` item, and the renderer's DOM). */
import type { Payload } from '../payload';
import { STYLE } from './common';
import { histogramHtml, simulationHtml } from './charts';
import { allocationHtml, certificateHtml, fractionalHtml, instanceHtml, lotteryHtml, mmsHtml, traceHtml } from './tables';

export { STYLE } from './common';

/** The HTML body of a payload (no stylesheet). */
export function payloadBody(p: Payload): string {
  switch (p.kind) {
    case 'instance':
      return instanceHtml(p);
    case 'allocation':
      return allocationHtml(p);
    case 'fractional':
      return fractionalHtml(p);
    case 'lottery':
      return lotteryHtml(p);
    case 'mms-histogram':
      return histogramHtml(p);
    case 'certificate':
      return certificateHtml(p);
    case 'mms':
      return mmsHtml(p);
    case 'trace':
      return traceHtml(p);
    case 'simulation':
      return simulationHtml(p);
  }
}

/** The `text/html` item: scoped stylesheet + body. */
export function payloadHtml(p: Payload): string {
  return STYLE + payloadBody(p);
}
