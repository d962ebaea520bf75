import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runMain } from '../helpers/cli';
import { mechanism } from '../../src/index';

describe('CLI: a mixed-goods outcome round-trips through its JSON', () => {
  for (const id of ['ef-efm-two-agents', 'prop-efm']) {
    it(`${id}: solve prints the mixed support and certify re-checks it from the file alone`, async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fairdiv-mixed-'));
      const instFile = path.join(dir, 'inst.json');
      fs.writeFileSync(instFile, JSON.stringify(mechanism(id).example.instance));
      const solved = await runMain(['solve', id, instFile]);
      assert.equal(solved.code, 0, solved.err);
      const json = JSON.parse(solved.out);
      assert.ok(Array.isArray(json.mixed) && json.mixed.length > 0, 'the outcome JSON lists the mixed support');
      assert.equal(json.certificate.verdict, 'certified');
      const { certificate: _certificate, ...outcome } = json;
      const outFile = path.join(dir, 'outcome.json');
      fs.writeFileSync(outFile, JSON.stringify(outcome));
      const checked = await runMain(['certify', outFile]);
      assert.equal(checked.code, 0, checked.err);
      const report = JSON.parse(checked.out);
      assert.equal(report.verdict, 'certified');
      assert.deepEqual(
        report.claims.map((c: { id: string }) => c.id),
        json.certificate.claims.map((c: { id: string }) => c.id),
      );
      const exPost = report.claims.find((c: { id: string }) => c.id.startsWith('ex-post-'));
      assert.ok(
        exPost && exPost.status === 'pass',
        'ex-post claims are checked on the mixed support, not left unchecked',
      );
    });
  }
});
