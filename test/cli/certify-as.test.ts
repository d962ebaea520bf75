import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { WORKED_INSTANCES } from '../../src/mechanisms/bobw-few-agents';
import { runMain } from '../helpers/cli';

type Saved = {
  lottery: { p: string; allocation: number[][] }[];
  certificates: { 'divider-pairs': { allocations: number[][][]; certificates: number[][][] }[] };
  [key: string]: unknown;
};

describe('fairdiv certify --as AGENT: the agent-side verification of Theorem 3.1 on a saved outcome', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fairdiv-certify-as-'));
  const write = (name: string, x: unknown) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, typeof x === 'string' ? x : JSON.stringify(x));
    return file;
  };
  const e5 = write('e5.json', { agents: ['ann', 'bob', 'cat'], ...WORKED_INSTANCES.E5.instance });
  let exact = '';
  let fptas = '';
  let saved: Saved;

  before(async () => {
    const r = await runMain(['solve', 'bobw-three-agents', e5]);
    assert.equal(r.code, 0, r.err);
    exact = write('exact.json', r.out);
    const f = await runMain(['solve', 'bobw-three-agents-fptas', e5, '--options', '{"eps":"1/10"}']);
    assert.equal(f.code, 0, f.err);
    fptas = write('fptas.json', f.out);
    saved = JSON.parse(f.out) as Saved;
  });

  it('passes every agent of E5, by name or 0-based index, and prints each check with its numbers (E5)', async () => {
    for (const [as, name] of [
      ['0', 'ann'],
      ['bob', 'bob'],
      ['2', 'cat'],
    ]) {
      for (const file of [exact, fptas]) {
        const r = await runMain(['certify', file, '--as', as]);
        assert.equal(r.code, 0, r.out + r.err);
        assert.match(r.out, new RegExp(`^agent ${name} \\(\\d\\) verifies the bobw-three-agents`));
        for (const check of ['consistency', 'ex-ante PROP', 'EEFX', 'value floor'])
          assert.match(r.out, new RegExp(`pass {2}${check}`));
        assert.match(r.out, /verified: every check passes/);
      }
    }
    const bob = await runMain(['certify', exact, '--as', 'bob']);
    assert.match(bob.out, /sum over the six allocations 45 >= 2 v\(M\) = 36; expected value 15\/2, PROP v\(M\)\/3 = 6/);
    const ann = await runMain(['certify', fptas, '--as', 'ann']);
    assert.match(ann.out, /EFX-satisfied in 5 of 6 allocations; 1 certificate\(s\) checked/);
    assert.match(ann.out, /2 \(9\/10\) v\(M\) = 108\/5/);
  });

  it('prints the verification as JSON with --json', async () => {
    const r = await runMain(['certify', fptas, '--as', 'ann', '--json']);
    assert.equal(r.code, 0, r.err);
    const j = JSON.parse(r.out);
    assert.equal(j.agent, 'ann');
    assert.equal(j.index, 0);
    assert.equal(j.valuesFrom, 'instance');
    assert.equal(j.ok, true);
    assert.equal(j.checks.eefx.detail.certificatesUsed, 1);
    assert.equal(j.checks.exAnteProp.detail.sumOverSix, '30');
  });

  it('verifies with the values the agent supplies: a list, or a JSON file', async () => {
    // twice her values: the same lottery, every check still passes
    let r = await runMain(['certify', exact, '--as', 'ann', '--values', '8,4,10,2,0', '--json']);
    assert.equal(r.code, 0, r.out + r.err);
    assert.equal(JSON.parse(r.out).valuesFrom, '--values');
    assert.equal(JSON.parse(r.out).checks.exAnteProp.detail.sumOverSix, '64');
    r = await runMain(['certify', exact, '--as', '1', '--values', write('bob.json', ['5', 4, '2', 3, 4])]);
    assert.equal(r.code, 0, r.out + r.err);
    assert.match(r.out, /with her own values \(--values\)/);
    // a valuation the lottery was not built for: all her value on good a, which she gets in one allocation of six
    r = await runMain(['certify', exact, '--as', 'bob', '--values', '1,0,0,0,0']);
    assert.equal(r.code, 1, r.out + r.err);
    assert.match(r.out, /FAIL {2}ex-ante PROP +sum over the six allocations 1 < 2 v\(M\) = 2; expected value 1\/6/);
    assert.match(r.out, /not verified: a check fails/);
  });

  it('fails a tampered saved outcome: an allocation moved, probabilities swapped, a certificate forged', async () => {
    const moved = structuredClone(saved);
    const first = moved.lottery[0].allocation;
    const from = first.findIndex((b) => b.includes(0));
    first[from] = first[from].filter((g) => g !== 0);
    first[(from + 1) % 3].push(0);
    let r = await runMain(['certify', write('moved.json', moved), '--as', 'ann']);
    assert.equal(r.code, 1, r.out + r.err);
    assert.match(r.out, /FAIL {2}consistency/);

    const swapped = structuredClone(saved);
    const k = swapped.lottery.findIndex((e) => e.p !== swapped.lottery[0].p);
    assert.ok(k > 0, 'two different probabilities to swap');
    [swapped.lottery[0].p, swapped.lottery[k].p] = [swapped.lottery[k].p, swapped.lottery[0].p];
    r = await runMain(['certify', write('swapped.json', swapped), '--as', 'bob']);
    assert.equal(r.code, 1, r.out + r.err);
    assert.match(r.out, /FAIL {2}consistency/);

    const forged = structuredClone(saved);
    for (const p of forged.certificates['divider-pairs']) {
      const cert = p.certificates[0];
      const mine = cert.findIndex((b) => p.allocations.some((a) => a[0].join() === b.join()));
      if (mine >= 0) p.certificates[0] = [cert[mine], cert.filter((_, j) => j !== mine).flat(), []];
    }
    r = await runMain(['certify', write('forged.json', forged), '--as', 'ann']);
    assert.equal(r.code, 1, r.out + r.err);
    assert.match(
      r.out,
      /FAIL {2}EEFX +her bundle (is not in|does not EFX-dominate) the certificate \(divider \d, allocation \d\)/,
    );

    const malformed = structuredClone(saved) as unknown as { certificates: { 'divider-pairs': unknown[] } };
    malformed.certificates['divider-pairs'][2] = { divider: 2, case: '1', allocations: 'x' };
    r = await runMain(['certify', write('malformed.json', malformed), '--as', 'ann']);
    assert.equal(r.code, 2);
    assert.match(r.err, /outcome\.certificates\["divider-pairs"\]\[2\]\.allocations: expected two allocations/);
  });

  it('exits 2 with a typed error on a bad AGENT, bad --values, flags that do not combine, or no certificates', async () => {
    const cases: [string[], RegExp][] = [
      [
        ['--as', 'dave'],
        /--as: "dave" is neither an agent name \(ann, bob, cat\) nor an index in 0\.\.2 \[unknown-agent\]/,
      ],
      [['--as', '3'], /\[unknown-agent\]/],
      [['--as'], /--as: expected an agent name or a 0-based agent index \[usage\]/],
      [['--as', 'ann', '--values', '1,2'], /--values: 2 values for an instance with 5 goods \[bad-values\]/],
      [['--as', 'ann', '--values', '1,2,-3,4,5'], /--values\[2\]: -3 is negative \(goods only\) \[negative-value\]/],
      [['--as', 'ann', '--values', '1,2,x,4,5'], /--values\[2\]/],
      [['--as', 'ann', '--values'], /--values: expected 5 values/],
      [['--as', 'ann', '--values', path.join(dir, 'missing.json')], /cannot read .*missing\.json/],
      [['--as', 'ann', '--claims', 'ef1'], /--as and --claims/],
      [['--values', '1,2,3,4,5'], /--values: goes with --as AGENT/],
      [['--as', 'ann', '--agent', 'x'], /unknown option --agent; known: .*--as, --values, --json \[usage\]/],
    ];
    for (const [args, message] of cases) {
      const r = await runMain(['certify', exact, ...args]);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.out}`);
      assert.match(r.err, message, args.join(' '));
    }
    const two = await runMain(['solve', 'round-robin', e5]);
    const r = await runMain(['certify', write('rr.json', two.out), '--as', 'ann']);
    assert.equal(r.code, 2);
    assert.match(r.err, /carries no divider-pair "certificates".*\[no-certificates\]/);
  });

  it('lists --as in the CLI help', async () => {
    const r = await runMain(['--help']);
    assert.match(r.out, /certify <outcome\.json> --as AGENT \[--values/);
  });
});
