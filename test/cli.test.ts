import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../src/cli/index';

const FIXTURE = path.join(__dirname, 'fixtures', 'three-goods.json');

async function run(argv: string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (s) => (out += s + '\n'), err: (s) => (err += s + '\n'), readStdin: () => stdin });
  return { code, out, err };
}

describe('CLI', () => {
  it('list prints every mechanism', async () => {
    const r = await run(['list', '--json']);
    assert.equal(r.code, 0);
    const rows = JSON.parse(r.out) as { id: string }[];
    assert.ok(rows.some((m) => m.id === 'round-robin'));
  });
  it('solve prints the Outcome JSON with a passing certificate (exit 0)', async () => {
    const r = await run(['solve', 'round-robin', FIXTURE]);
    assert.equal(r.code, 0, r.err);
    const o = JSON.parse(r.out);
    assert.equal(o.mechanism, 'round-robin');
    assert.deepEqual(o.allocation, [[1, 2], [0]]);
    assert.equal(o.certificate.ok, true);
    assert.equal(o.certificate.claims[0].id, 'ef1');
  });
  it('solve reads the instance from stdin with -', async () => {
    const r = await run(['solve', 'probabilistic-serial', '-'], fs.readFileSync(FIXTURE, 'utf8'));
    assert.equal(r.code, 0, r.err);
    const o = JSON.parse(r.out);
    assert.equal(o.kind, 'lottery');
    assert.equal(o.lottery.reduce((s: number, e: { p: string }) => s + eval(e.p), 0), 1);
  });
  it('certify re-checks an outcome and exits 1 when a claim fails', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fairdiv-'));
    const good = path.join(dir, 'good.json');
    fs.writeFileSync(good, JSON.stringify({ mechanism: 'round-robin', kind: 'allocation', allocation: [[1, 2], [0]], claims: [{ id: 'ef1', text: 'EF1' }] }));
    assert.equal((await run(['certify', good, FIXTURE])).code, 0);
    const bad = path.join(dir, 'bad.json');
    fs.writeFileSync(bad, JSON.stringify({ mechanism: 'round-robin', kind: 'allocation', allocation: [[], [0, 1, 2]], claims: [{ id: 'ef1', text: 'EF1' }] }));
    const r = await run(['certify', bad, FIXTURE]);
    assert.equal(r.code, 1);
    assert.equal(JSON.parse(r.out).claims[0].status, 'fail');
  });
  it('mms prints the exact value, partition and bounds', async () => {
    const r = await run(['mms', '--n', '3', '--values', '1,3,5,6,9']);
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
    let r = await run(['solve', 'round-robin', neg]);
    assert.equal(r.code, 2);
    assert.match(r.err, /values\[0\]\[1\]: -2 is negative/);
    r = await run(['solve', 'cut-and-choose', neg.replace('neg', 'missing')]);
    assert.equal(r.code, 2);
    assert.match(r.err, /cannot read/);
    r = await run(['solve', 'no-such', FIXTURE]);
    assert.equal(r.code, 2);
    assert.match(r.err, /unknown mechanism "no-such"/);
    r = await run(['mms', '--n', '0', '--values', '1,2']);
    assert.equal(r.code, 2);
    r = await run(['frobnicate']);
    assert.equal(r.code, 2);
  });
  it('the bin script runs end to end', () => {
    const r = spawnSync(process.execPath, [path.join(__dirname, '..', 'bin', 'fairdiv.js'), 'solve', 'max-welfare', FIXTURE], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).certificate.ok, true);
  });
});
