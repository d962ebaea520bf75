/** The text/html item (src/display/html): escaping of everything a payload carries. */
import { strict as assert } from 'node:assert';
import { instance } from '../../src/index';
import { payloadHtml, toMimeBundle } from '../../src/display';
import { hostilePayloads } from './fixtures';

describe('display: HTML', () => {
  it('HTML escapes names', () => {
    const b = toMimeBundle(instance({ '<b>x</b>': { 'a&b': 1 } }));
    const html = b.data['text/html'] as string;
    assert.doesNotMatch(html, /<b>x<\/b>/);
    assert.match(html, /&lt;b&gt;x&lt;\/b&gt;/);
    assert.match(html, /a&amp;b/);
  });

  for (const { name, payload } of hostilePayloads()) {
    it(`${name}: every string of the payload (status, counts, omitted counts, stats, names) is text, never markup`, () => {
      const html = payloadHtml(payload);
      assert.doesNotMatch(html, /<img|<i class|onerror="/);
      assert.match(html, /&lt;img class=&quot;pwned&quot;/);
    });
  }
});
