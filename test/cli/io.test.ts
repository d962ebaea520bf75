import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runMain } from '../helpers/cli';
import { processIo, readInstance } from '../../src/cli/io';

describe('CLI instance files', () => {
  let dir = '';
  const write = (name: string, text: string): string => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  };
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fairdiv-io-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads .csv and PrefLib files by extension, JSON otherwise', () => {
    assert.deepEqual(readInstance(write('a.csv', 'agent,car,house\nal,3,7\nbo,4,4\n'), processIo).agents, ['al', 'bo']);
    assert.equal(readInstance(write('p.soc', '# NUMBER ALTERNATIVES: 2\n2: 1,2\n'), processIo).n, 2);
    assert.equal(readInstance(write('i.json', '{"values": [[1, 2]]}'), processIo).m, 2);
  });

  it('solve takes a CSV instance, and certify re-checks its outcome against the CSV', async () => {
    const csv = write('inst.csv', 'agent,car,house,boat\nalice,3,7,5/2\nbob,4,4,1\n');
    const solved = await runMain(['solve', 'round-robin', csv]);
    assert.equal(solved.code, 0, solved.err);
    assert.deepEqual(JSON.parse(solved.out).allocation, [[1, 2], [0]]);
    const outcome = write('outcome.json', solved.out);
    const checked = await runMain(['certify', outcome, csv, '--claims', 'ef1']);
    assert.equal(checked.code, 0, checked.err);
  });

  it('solve runs an ordinal mechanism on a PrefLib file', async () => {
    const soc = write(
      'votes.soc',
      '# DATA TYPE: soc\n# NUMBER ALTERNATIVES: 3\n# NUMBER VOTERS: 2\n1: 1,2,3\n1: 2,1,3\n',
    );
    const r = await runMain(['solve', 'probabilistic-serial', soc]);
    assert.equal(r.code, 0, r.err);
    assert.equal(JSON.parse(r.out).kind, 'lottery');
  });

  it('exits 2 with the file, line and column of a bad cell or order', async () => {
    let r = await runMain(['solve', 'round-robin', write('bad.csv', 'agent,car\nal,three\n')]);
    assert.equal(r.code, 2);
    assert.match(r.err, /bad\.csv:2:4: value of good "car" for agent "al": "three" is not a number/);
    r = await runMain(['solve', 'round-robin', write('bad.toc', '# NUMBER ALTERNATIVES: 2\n1: 1,{2\n')]);
    assert.equal(r.code, 2);
    assert.match(r.err, /bad\.toc:2:8: expected "," or "}" inside a tie/);
  });

  it('names the flag of a bad --options JSON', async () => {
    const r = await runMain([
      'solve',
      'round-robin',
      write('ok.csv', 'agent,x\nal,1\n'),
      '--options',
      '{agentOrder: [0]}',
    ]);
    assert.equal(r.code, 2);
    assert.match(r.err, /--options: not valid JSON/);
  });
});
