/**
 * Every string and number a payload carries, replaced by markup, stays text in the HTML the renderer and the
 * text/html fallback draw (issue 16): a fuzz over the leaves of every display fixture, without a browser
 * (test/media/renderer.test.ts opens the hand-made hostile payloads in Chromium).
 */
import { strict as assert } from 'node:assert';
import { payloadBody } from '../../src/display/html';
import type { Payload } from '../../src/display/payload';
import { leafVariants } from '../helpers/hostile-payloads';
import { allPayloads } from './fixtures';

const ATTACKS = [
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  "' onmouseover='alert(1)",
  'javascript:alert(1)',
];
const RAW = [
  /<img src=x/i,
  /<svg onload/i,
  /' onmouseover='/,
  /" onmouseover=/,
  /href="javascript:/i,
  /src="javascript:/i,
];

describe('display HTML with markup in any payload leaf (issue 16)', () => {
  const payloads: { name: string; payload: Payload }[] = allPayloads();
  for (const { name, payload } of payloads)
    it(`${name}: every leaf replaced by markup renders as text or is refused, never as live markup`, () => {
      let drawn = 0;
      for (const attack of ATTACKS)
        for (const variant of leafVariants(payload, attack)) {
          let html: string;
          try {
            html = payloadBody(variant as Payload);
          } catch {
            continue; // a malformed payload is refused (the renderer shows its error box)
          }
          drawn++;
          for (const raw of RAW) assert.doesNotMatch(html, raw, `${name}: ${JSON.stringify(variant).slice(0, 300)}`);
        }
      assert.ok(drawn > 0, `${name}: no variant was drawn`);
    });
});
