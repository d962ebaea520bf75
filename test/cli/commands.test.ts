import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { rng } from '../../src/core/rng';
import { clearMmsShares } from '../../src/shares/share-cache';
import { runMain } from '../helpers/cli';

const FIXTURE = path.join(__dirname, '..', 'fixtures', 'three-goods.json');

describe('CLI', () => {
  it('list prints every mechanism', async () => {
    const r = await runMain(['list', '--json']);
    assert.equal(r.code, 0);
    const rows = JSON.parse(r.out) as { id: string }[];
    assert.ok(rows.some((m) => m.id === 'round-robin'));
  });
  it('solve prints the Outcome JSON with a passing certificate (exit 0)', async () => {
    const r = await runMain(['solve', 'round-robin', FIXTURE]);
    assert.equal(r.code, 0, r.err);
    const o = JSON.parse(r.out);
    assert.equal(o.mechanism, 'round-robin');
    assert.deepEqual(o.allocation, [[1, 2], [0]]);
    assert.equal(o.certificate.ok, true);
    assert.equal(o.certificate.claims[0].id, 'ef1');
  });
  it('solve reads the instance from stdin with -', async () => {
    const r = await runMain(['solve', 'probabilistic-serial', '-'], fs.readFileSync(FIXTURE, 'utf8'));
    assert.equal(r.code, 0, r.err);
    const o = JSON.parse(r.out);
    assert.equal(o.kind, 'lottery');
    assert.equal(
      o.lottery.reduce((s: number, e: { p: string }) => s + eval(e.p), 0),
      1,
    );
  });
  it('certify re-checks an outcome and exits 1 when a claim fails', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fairdiv-'));
    const good = path.join(dir, 'good.json');
    fs.writeFileSync(
      good,
      JSON.stringify({
        mechanism: 'round-robin',
        kind: 'allocation',
        allocation: [[1, 2], [0]],
        claims: [{ id: 'ef1', text: 'EF1' }],
      }),
    );
    assert.equal((await runMain(['certify', good, FIXTURE])).code, 0);
    const bad = path.join(dir, 'bad.json');
    fs.writeFileSync(
      bad,
      JSON.stringify({
        mechanism: 'round-robin',
        kind: 'allocation',
        allocation: [[], [0, 1, 2]],
        claims: [{ id: 'ef1', text: 'EF1' }],
      }),
    );
    const r = await runMain(['certify', bad, FIXTURE]);
    assert.equal(r.code, 1);
    assert.equal(JSON.parse(r.out).claims[0].status, 'fail');
  });
  it('mms prints the exact value, partition and bounds', async () => {
    const r = await runMain(['mms', '--n', '3', '--values', '1,3,5,6,9']);
    assert.equal(r.code, 0, r.err);
    const o = JSON.parse(r.out);
    assert.equal(o.value, '7');
    assert.equal(o.status, 'optimal');
    assert.equal(o.partition.length, 3);
  });
  it('bad inputs exit 2 with the problem on stderr', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fairdiv-'));
    const neg = path.join(dir, 'neg.json');
    fs.writeFileSync(neg, JSON.stringify({ values: [[1, -2]] }));
    let r = await runMain(['solve', 'round-robin', neg]);
    assert.equal(r.code, 2);
    assert.match(r.err, /values\[0\]\[1\]: -2 is negative/);
    r = await runMain(['solve', 'cut-and-choose', neg.replace('neg', 'missing')]);
    assert.equal(r.code, 2);
    assert.match(r.err, /cannot read/);
    r = await runMain(['solve', 'no-such', FIXTURE]);
    assert.equal(r.code, 2);
    assert.match(r.err, /unknown mechanism "no-such"/);
    r = await runMain(['mms', '--n', '0', '--values', '1,2']);
    assert.equal(r.code, 2);
    r = await runMain(['frobnicate']);
    assert.equal(r.code, 2);
  });
  it('the bin script runs end to end', () => {
    const r = spawnSync(
      process.execPath,
      [path.join(__dirname, '..', '..', 'bin', 'fairdiv.js'), 'solve', 'max-welfare', FIXTURE],
      { encoding: 'utf8' },
    );
    assert.equal(r.status, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).certificate.ok, true);
  });
});

describe('CLI: strict arguments and chosen claims', () => {
  it('certify --claims checks chosen properties of any allocation', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fairdiv-'));
    const file = path.join(dir, 'outcome.json');
    fs.writeFileSync(
      file,
      JSON.stringify({ mechanism: 'from-a-spreadsheet', kind: 'allocation', allocation: [[1, 2], [0]], claims: [] }),
    );
    let r = await runMain(['certify', file, FIXTURE, '--claims', 'ef1,prop1,rho-mms:1/2']);
    assert.equal(r.code, 0, r.err);
    const report = JSON.parse(r.out);
    assert.equal(report.verdict, 'certified');
    assert.deepEqual(
      report.claims.map((c: { id: string; status: string }) => [c.id, c.status]),
      [
        ['ef1', 'pass'],
        ['prop1', 'pass'],
        ['rho-mms', 'pass'],
      ],
    );
    r = await runMain(['certify', file, FIXTURE, '--claims', 'ef']);
    assert.equal(r.code, 1);
    r = await runMain(['certify', file, FIXTURE]);
    assert.equal(r.code, 1, 'nothing claimed is not certified');
    assert.equal(JSON.parse(r.out).verdict, 'nothing-claimed');
  });

  it('exits 2 on an unknown claim id, in --claims or in the outcome file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fairdiv-'));
    const file = path.join(dir, 'outcome.json');
    fs.writeFileSync(
      file,
      JSON.stringify({ mechanism: 'round-robin', allocation: [[1, 2], [0]], claims: [{ id: 'ef1', text: 'EF1' }] }),
    );
    let r = await runMain(['certify', file, FIXTURE, '--claims', 'ef1,envy-free']);
    assert.equal(r.code, 2);
    assert.match(r.err, /unknown claim id "envy-free"/);
    for (const claims of [[{ id: 'ef-1', text: '' }], 'ef1', [null], [{ id: '__proto__' }]]) {
      fs.writeFileSync(file, JSON.stringify({ mechanism: 'round-robin', allocation: [[1, 2], [0]], claims }));
      r = await runMain(['certify', file, FIXTURE]);
      assert.equal(r.code, 2, JSON.stringify(claims));
      assert.doesNotMatch(r.err, /at .*\.ts:\d+/, 'no stack trace');
    }
  });

  it('exits 2 on an outcome whose allocation does not fit the instance', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fairdiv-'));
    const file = path.join(dir, 'outcome.json');
    fs.writeFileSync(
      file,
      JSON.stringify({ mechanism: 'round-robin', allocation: [[1], [0], [2]], claims: [{ id: 'ef', text: 'EF' }] }),
    );
    const r = await runMain(['certify', file, FIXTURE]);
    assert.equal(r.code, 2);
    assert.match(r.err, /3 bundles/);
  });

  it('solve --seed takes only an integer, and unknown options and flags exit 2', async () => {
    let r = await runMain(['solve', 'round-robin', FIXTURE, '--seed', 'abc']);
    assert.equal(r.code, 2);
    assert.match(r.err, /--seed: expected an integer/);
    r = await runMain(['solve', 'round-robin', FIXTURE, '--options', '{"ordr": [1, 0]}']);
    assert.equal(r.code, 2);
    assert.match(r.err, /unknown option ordr for round-robin; known: agentOrder/);
    r = await runMain(['solve', 'round-robin', FIXTURE, '--options', '{bad json']);
    assert.equal(r.code, 2);
    assert.match(r.err, /--options: not valid JSON/);
    r = await runMain(['solve', 'round-robin', FIXTURE, '--sed', '1']);
    assert.equal(r.code, 2);
    assert.match(r.err, /unknown option --sed; known: --seed, --options/);
    r = await runMain(['solve', 'round-robin', FIXTURE, '--options', '{"agentOrder": [1, 0]}']);
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(JSON.parse(r.out).options, { agentOrder: [1, 0] });
  });
});

describe('CLI: --workers of certify and solve (issue 17)', function () {
  this.timeout(60000);

  it('certify --workers 2 computes the MMS shares on threads and reports what the inline check reports', async () => {
    // three agents with 40 values of about 44 bits: each MMS takes a few hundred ms
    const g = rng(8);
    const values = [0, 1, 2].map(() => Array.from({ length: 40 }, () => g.nextU32() * 4096 + g.int(0, 4095)));
    const allocation = [0, 1, 2].map((i) => Array.from({ length: 40 }, (_, k) => k).filter((k) => k % 3 === i));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fairdiv-workers-'));
    const file = path.join(dir, 'outcome.json');
    fs.writeFileSync(
      file,
      JSON.stringify({
        mechanism: 'elsewhere',
        instance: { values },
        allocation,
        claims: [
          { id: 'rho-mms', rho: '2/3', text: '2/3-MMS' },
          { id: 'immx', text: 'IMMX' },
        ],
      }),
    );
    clearMmsShares();
    const threads = await runMain(['certify', file, '--workers', '2']);
    clearMmsShares();
    const inline = await runMain(['certify', file, '--workers', '0']);
    fs.rmSync(dir, { recursive: true, force: true });
    assert.equal(threads.code, inline.code, threads.err);
    // the same verdicts and shares (the witness partitions may differ: the searches take turns by the clock)
    const [a, b] = [threads, inline].map((r) =>
      (
        JSON.parse(r.out) as { claims: { status: string; detail: { perAgent?: Record<string, { share: string }> } }[] }
      ).claims.map((c) => [c.status, Object.values(c.detail.perAgent ?? {}).map((x) => x.share)]),
    );
    assert.deepEqual(a, b);
    assert.equal(a[0][0], 'pass');
  });

  it('--workers takes an integer in 0..64; anything else exits 2 naming the flag', async () => {
    assert.equal((await runMain(['solve', 'round-robin', FIXTURE, '--workers', '2'])).code, 0);
    for (const bad of ['abc', '-1', '65', '1.5', '2e1'])
      for (const argv of [
        ['solve', 'round-robin', FIXTURE],
        ['certify', '-', FIXTURE],
      ]) {
        const r = await runMain([...argv, '--workers', bad]);
        assert.equal(r.code, 2, `${argv[0]} --workers ${bad}`);
        assert.match(r.err, /--workers: expected an integer in 0\.\.64/);
      }
  });
});
