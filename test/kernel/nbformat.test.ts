/** nbformat helpers (kernel/nbformat.ts): certificate counting and the markdown of the HTML export. */
import { strict as assert } from 'node:assert';
import { countCertificates, renderMarkdown } from '../../kernel/nbformat';

describe('kernel: nbformat', () => {
  it('counts failing certificates', () => {
    const c = countCertificates([
      {
        output_type: 'display_data',
        data: { 'application/vnd.fairdiv.certificate+json': { ok: false, passed: 1, failed: 1, claims: [] } },
      },
      {
        output_type: 'display_data',
        data: { 'application/vnd.fairdiv.certificate+json': { ok: true, passed: 2, failed: 0, claims: [] } },
      },
    ]);
    assert.deepEqual(c, { passed: 1, failed: 1, claimsPassed: 3, claimsFailed: 1 });
  });

  it('renders markdown simply and safely', () => {
    const h = renderMarkdown('## T\n\n<b>x</b> and `a<b` and [l](u)\n\n1. one\n2. two\n\n```ts\nconst a = 1 < 2;\n```');
    assert.match(h, /<h2>T<\/h2>/);
    assert.match(h, /&lt;b&gt;x&lt;\/b&gt;/);
    assert.match(h, /<code>a&lt;b<\/code>/);
    assert.match(h, /<ol><li>one<\/li><li>two<\/li><\/ol>/);
    assert.match(h, /<pre class="md-code"><code>const a = 1 &lt; 2;<\/code><\/pre>/);
  });
});
