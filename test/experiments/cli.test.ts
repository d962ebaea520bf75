import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { experimentCommand } from '../../src/cli/experiment';
import type { Io } from '../../src/cli/io';

function capture(): Io & { lines: string[]; errors: string[] } {
  const lines: string[] = [],
    errors: string[] = [];
  return { lines, errors, out: (s) => lines.push(s), err: (s) => errors.push(s), readStdin: () => '' };
}

describe('fairdiv experiment', () => {
  it('prints one JSON object per m with counts, intervals and seconds (--json)', async function () {
    this.timeout(60000);
    const io = capture();
    assert.equal(
      await experimentCommand(['bai-golz-symmetric-peaks', '--trials', '40', '--workers', '0', '--json'], io),
      0,
    );
    assert.equal(io.lines.length, 1);
    const row = JSON.parse(io.lines[0]);
    assert.deepEqual(Object.keys(row).slice(0, 6), ['experiment', 'm', 'trials', 'counts', 'intervals', 'seconds']);
    assert.equal(row.experiment, 'bai-golz-symmetric-peaks');
    assert.equal(row.m, 500);
    assert.equal(typeof row.counts['ef-welfare-max'], 'number');
  });

  it('writes shard files with --shard and --out, and merge prints the rows of the whole run', async function () {
    this.timeout(120000);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fairdiv-exp-'));
    const files = [0, 1].map((i) => path.join(dir, `s${i}.json`));
    for (const [i, f] of files.entries())
      assert.equal(
        await experimentCommand(
          ['bai-golz-fig5', '--m', '13', '--trials', '30', '--workers', '0', '--shard', `${i}/2`, '--out', f],
          capture(),
        ),
        0,
      );
    const merged = capture();
    assert.equal(await experimentCommand(['merge', ...files, '--json'], merged), 0);
    const whole = capture();
    assert.equal(
      await experimentCommand(['bai-golz-fig5', '--m', '13', '--trials', '30', '--workers', '0', '--json'], whole),
      0,
    );
    assert.deepEqual(JSON.parse(merged.lines[0]).counts, JSON.parse(whole.lines[0]).counts);
  });

  it('lists the protocols and rejects unknown names and flags', async () => {
    const io = capture();
    assert.equal(await experimentCommand(['list'], io), 0);
    assert.equal(io.lines.length, 5);
    await assert.rejects(
      Promise.resolve().then(() => experimentCommand(['nope', '--workers', '0'], capture())),
      { code: 'unknown-experiment' },
    );
    await assert.rejects(
      Promise.resolve().then(() => experimentCommand(['bai-golz-fig3', '--bogus', '1'], capture())),
      { code: 'usage' },
    );
    await assert.rejects(
      Promise.resolve().then(() => experimentCommand(['bai-golz-fig3', '--m', 'x'], capture())),
      { code: 'usage' },
    );
  });
});
