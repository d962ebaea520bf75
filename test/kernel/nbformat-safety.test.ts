import { strict as assert } from 'node:assert';
import { limitUrls, notebookToHtml, renderMarkdown, safeHref, type Notebook } from '../../kernel/nbformat';

describe('HTML export safety helpers (issue 16)', () => {
  it('keeps http(s), mailto and relative link targets and refuses every other scheme, however written', () => {
    for (const ok of [
      'https://example.org',
      'HTTP://x',
      'mailto:a@b.c',
      '02-next.ipynb',
      '#top',
      '/abs/path',
      '//host/x',
      'a/b:c',
    ])
      assert.equal(safeHref(ok), true, ok);
    for (const bad of [
      'javascript:alert(1)',
      'JaVaScRiPt:x',
      '\u0001javascript:x',
      ' javascript:x',
      'java\tscript:x',
      'java\nscript:x',
      'data:text/html,x',
      'vbscript:x',
      'file:///etc/passwd',
    ])
      assert.equal(safeHref(bad), false, JSON.stringify(bad));
  });

  it('renders a markdown link with a refused scheme as its label only', () => {
    const html = renderMarkdown('[click](javascript:alert(1)) and [ok](https://example.org)');
    assert.doesNotMatch(html, /javascript:/);
    assert.match(html, /click/);
    assert.match(html, /<a href="https:\/\/example.org" rel="noopener noreferrer">ok<\/a>/);
  });

  it('blocks URL attributes of output HTML with a refused scheme, entity-encoded ones included', () => {
    const html = limitUrls(
      '<a href="javascript:alert(1)">a</a><a href=\'&#106;avascript:alert(1)\'>b</a><a href=JAVASCRIPT&colon;x>c</a>' +
        '<form action="javascript:x"></form><img src="data:image/png;base64,AAAA"><iframe src="data:text/html,x"></iframe><a href="https://ok">d</a>',
    );
    assert.doesNotMatch(html, /javascript/i);
    assert.doesNotMatch(html, /data:text\/html/);
    assert.match(html, /src="data:image\/png;base64,AAAA"/);
    assert.match(html, /href="https:\/\/ok"/);
    assert.equal((html.match(/#blocked/g) ?? []).length, 5);
  });

  it('survives hostile notebook structure: null cells, odd outputs, non-text sources', () => {
    const nb = {
      nbformat: 4,
      nbformat_minor: 5,
      metadata: {},
      cells: [
        null,
        {
          cell_type: 'code',
          source: 42,
          metadata: {},
          outputs: [
            null,
            { output_type: 'error', traceback: 'not a list' },
            {
              output_type: 'display_data',
              data: { 'text/html': { not: 'text' }, 'image/png': '"><script>x</script>' },
            },
          ],
          execution_count: '<b>7</b>',
        },
        {
          cell_type: 'made-up',
          source: '<script>x</script>',
          metadata: {},
          outputs: [{ output_type: 'display_data', data: { 'text/html': '<b>STALE</b>' } }],
        },
      ],
    } as unknown as Notebook;
    const html = notebookToHtml(nb, '<title>');
    assert.doesNotMatch(html, /<script>x/);
    assert.doesNotMatch(html, /STALE/);
    assert.doesNotMatch(html, /<b>7<\/b>/);
    assert.match(html, /not base64 data/);
  });
});
