/** How certificates show their verdict (src/display/verdict.ts) in the payload, the HTML and the text form. */
import { strict as assert } from 'node:assert';
import {
  certificateVerdict,
  mimeOf,
  payloadHtml,
  payloadText,
  toMimeBundle,
  VERDICTS,
  type CertificatePayload,
} from '../../src/display';
import { verdictReports } from './fixtures';

const LABELS = {
  certified: 'CERTIFIED',
  failed: 'VIOLATED',
  'partly-checked': 'PARTLY CHECKED',
  'nothing-checked': 'NOT CHECKED',
  'nothing-claimed': 'NOTHING CLAIMED',
} as const;

describe('display: certificate verdicts', () => {
  const reports = verdictReports();

  for (const { verdict, report } of reports) {
    it(`a ${verdict} report: payload verdict, HTML badge and text header say ${LABELS[verdict]}`, () => {
      assert.equal(report.verdict, verdict);
      const b = toMimeBundle(report);
      const p = b.data[mimeOf('certificate')] as CertificatePayload;
      assert.equal(p.verdict, verdict);
      assert.equal(p.schema, 'fairdiv/certificate@1');
      assert.equal(p.ok, report.ok);
      const html = b.data['text/html'] as string;
      assert.match(html, new RegExp(`data-verdict="${verdict}"`));
      assert.match(
        html,
        new RegExp(`<span class="fd-badge [^"]*" data-verdict="${verdict}">${LABELS[verdict]}</span>`),
      );
      assert.equal((html.match(/>CERTIFIED</g) ?? []).length, verdict === 'certified' ? 1 : 0);
      const text = b.data['text/plain'] as string;
      assert.match(text.split('\n')[0], new RegExp(`^Certificate round-robin: ${LABELS[verdict]} \\(`));
      assert.equal(VERDICTS[verdict].label, LABELS[verdict]);
    });
  }

  it('a report with nothing claimed says so instead of an empty table', () => {
    const html = toMimeBundle(reports.find((r) => r.verdict === 'nothing-claimed')!.report).data['text/html'] as string;
    assert.doesNotMatch(html, /<table class="fd-cert"/);
    assert.match(html, /No claims to check, so nothing is certified/);
  });

  it('a version-1 payload written before `verdict` gets the verdict its counts imply, never CERTIFIED when nothing was checked', () => {
    const old = (p: Partial<CertificatePayload>): CertificatePayload =>
      ({
        schema: 'fairdiv/certificate@1',
        kind: 'certificate',
        mechanism: 'm',
        ok: true,
        passed: 0,
        failed: 0,
        unchecked: 0,
        agents: [],
        goods: [],
        claims: [],
        ...p,
      }) as CertificatePayload;
    const claim = (status: 'pass' | 'fail' | 'unchecked') => ({
      id: 'ef1',
      text: 'EF1',
      status,
      numbers: [],
      detail: { t: 'kv' as const, entries: [] },
    });
    assert.equal(certificateVerdict(old({})), 'nothing-claimed');
    assert.equal(
      certificateVerdict(old({ unchecked: 2, claims: [claim('unchecked'), claim('unchecked')] })),
      'nothing-checked',
    );
    assert.equal(
      certificateVerdict(old({ passed: 1, unchecked: 1, claims: [claim('pass'), claim('unchecked')] })),
      'partly-checked',
    );
    assert.equal(
      certificateVerdict(old({ passed: 1, failed: 1, ok: false, claims: [claim('pass'), claim('fail')] })),
      'failed',
    );
    assert.equal(certificateVerdict(old({ passed: 1, claims: [claim('pass')] })), 'certified');
    // an unknown verdict is read as absent; counts that are not numbers come from the claims
    assert.equal(
      certificateVerdict(
        old({
          verdict: 'great' as never,
          passed: 'x' as never,
          unchecked: 'y' as never,
          claims: [claim('pass'), claim('unchecked')],
        }),
      ),
      'partly-checked',
    );
    const html = payloadHtml(old({ unchecked: 1, claims: [claim('unchecked')] }));
    assert.match(html, /NOT CHECKED/);
    assert.doesNotMatch(html, /CERTIFIED/);
    assert.match(payloadText(old({})), /^Certificate m: NOTHING CLAIMED \(0 pass, 0 fail, 0 unchecked\)$/);
  });
});
