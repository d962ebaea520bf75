/**
 * How a certificate's verdict is shown (the HTML, the text form and the renderer share it). Only a
 * `certified` report reads CERTIFIED: a report with undecided claims, or with nothing checked or nothing
 * claimed, says so.
 */
import type { CertificatePayload, CertificateVerdict } from './payload';

/** The badge text and tone of each verdict. */
export const VERDICTS: {
  readonly [V in CertificateVerdict]: { readonly label: string; readonly tone: 'good' | 'bad' | 'warn' };
} = {
  certified: { label: 'CERTIFIED', tone: 'good' },
  failed: { label: 'VIOLATED', tone: 'bad' },
  'partly-checked': { label: 'PARTLY CHECKED', tone: 'warn' },
  'nothing-checked': { label: 'NOT CHECKED', tone: 'warn' },
  'nothing-claimed': { label: 'NOTHING CLAIMED', tone: 'warn' },
};

function isVerdict(v: unknown): v is CertificateVerdict {
  return typeof v === 'string' && Object.hasOwn(VERDICTS, v);
}

/**
 * The payload's verdict. [DECISION] A payload without a known `verdict` (version 1 written before the field,
 * or a value this reader does not know) gets the verdict its counts imply, by certify's rule: no claims,
 * then any failure, then nothing passed, then any undecided; never its old `ok`, which was true for a
 * report with nothing checked. Counts that are not numbers are taken from the claims' statuses.
 */
export function certificateVerdict(
  p: Pick<CertificatePayload, 'verdict' | 'passed' | 'failed' | 'unchecked' | 'claims'>,
): CertificateVerdict {
  if (isVerdict(p.verdict)) return p.verdict;
  const claims = Array.isArray(p.claims) ? p.claims : [];
  const count = (n: unknown, status: string) =>
    typeof n === 'number' ? n : claims.filter((c) => c?.status === status).length;
  const passed = count(p.passed, 'pass');
  const failed = count(p.failed, 'fail');
  const unchecked = count(p.unchecked, 'unchecked');
  if (passed + failed + unchecked === 0 && claims.length === 0) return 'nothing-claimed';
  if (failed > 0) return 'failed';
  if (passed === 0) return 'nothing-checked';
  return unchecked > 0 ? 'partly-checked' : 'certified';
}
