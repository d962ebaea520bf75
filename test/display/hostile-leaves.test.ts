/**
 * Every string and number a payload carries, replaced by markup, stays text in the HTML the renderer and the
 * text/html fallback draw (issue 16): a fuzz over the leaves of every display fixture, without a browser
 * (test/media/renderer.test.ts opens the hand-made hostile payloads in Chromium).
 */
import { strict as assert } from 'node:assert';
import { payloadBody } from '../../src/display/html';
import type { Payload } from '../../src/display/payload';
import { displayFixtures, hostilePayloads } from './fixtures';

const ATTACKS = ['<img src=x onerror=alert(1)>', '"><svg onload=alert(1)>', "' onmouseover='alert(1)", 'javascript:alert(1)'];
const RAW = [/<img src=x/i, /<svg onload/i, /' onmouseover='/, /" onmouseover=/, /href="javascript:/i, /src="javascript:/i];

/** Copies of `x` with one node replaced by `attack` (or `[attack]` for lists and objects), one copy per node (capped). */
function leafVariants(x: unknown, attack: string, cap = 400): unknown[] {
  const out: unknown[] = [];
  const walk = (node: unknown, set: (v: unknown) => unknown): void => {
    if (out.length >= cap) return;
    if (typeof node === 'string' || typeof node === 'number' || typeof node === 'boolean') {
      out.push(set(attack));
      return;
    }
    // a list or object where the renderer expects one: the markup itself, or a list holding it
    if (node !== null && typeof node === 'object') out.push(set(attack), set([attack]));
    if (Array.isArray(node)) node.forEach((v, k) => walk(v, (nv) => set(node.map((w, j) => (j === k ? nv : w)))));
    else if (node && typeof node === 'object')
      for (const key of Object.keys(node)) {
        if (key === 'kind' || key === 'schema') continue;
        walk((node as Record<string, unknown>)[key], (nv) => set({ ...(node as object), [key]: nv }));
      }
  };
  walk(x, (v) => v);
  return out;
}

describe('display HTML with markup in any payload leaf (issue 16)', () => {
  const payloads: { name: string; payload: Payload }[] = [
    ...displayFixtures().fixtures.flatMap((f) =>
      Object.entries(f.bundle.data)
        .filter(([mime]) => mime.startsWith('application/vnd.fairdiv.'))
        .map(([, payload]) => ({ name: f.name, payload: payload as Payload })),
    ),
    ...hostilePayloads(),
  ];
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
