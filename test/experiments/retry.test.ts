import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { experimentCommand } from '../../src/cli/experiment';
import type { Io } from '../../src/cli/io';
import {
  foldRetry,
  retryUndecided,
  runExperiment,
  runFromJson,
  summarize,
  type ExperimentRun,
  type UnitResult,
} from '../../src/experiments';

function capture(): Io & { lines: string[]; errors: string[] } {
  const lines: string[] = [],
    errors: string[] = [];
  return { lines, errors, out: (s) => lines.push(s), err: (s) => errors.push(s), readStdin: () => '' };
}

const PO_AT_20 = { ms: [20], trials: 10, columns: ['po-round-robin'], workers: 0 } as const;

describe('retrying undecided trials', () => {
  let starved: ExperimentRun;
  before(async function () {
    this.timeout(60000);
    // 1 ms per integer program: every trial that reaches HiGHS is left undecided
    starved = await runExperiment('bai-golz-fig3', { ...PO_AT_20, timeLimitMs: 1 });
  });

  it('lists the undecided trials of each unit, ascending, one per undecided count', () => {
    const [row] = summarize(starved);
    const listed = row.undecidedTrials['po-round-robin'] ?? [];
    assert.ok(listed.length > 0, 'the 1 ms limit leaves trials undecided');
    assert.equal(listed.length, row.undecided['po-round-robin']);
    assert.deepEqual(
      listed,
      [...listed].sort((a, b) => a - b),
    );
    for (const t of listed) assert.ok(t >= 0 && t < 10);
  });

  it('folds the retried trials into exactly the run that decides them the first time (Bai & Gölz Fig. 3)', async function () {
    this.timeout(120000);
    const retried = await retryUndecided(starved, { timeLimitMs: 60000, workers: 0 });
    const whole = await runExperiment('bai-golz-fig3', PO_AT_20);
    const [a] = summarize(retried),
      [b] = summarize(whole);
    assert.deepEqual(a.counts, b.counts);
    assert.deepEqual(a.undecided, b.undecided);
    assert.deepEqual(a.undecidedTrials, {});
    assert.deepEqual(a.paretoVia, b.paretoVia);
    assert.equal(retried.retries?.length, 1);
    const [record] = retried.retries!;
    assert.equal(record.timeLimitSeconds, 60);
    assert.equal(record.tried, starved.units[0].undecided['po-round-robin']);
    assert.equal(record.decided, record.tried);
    assert.ok(retried.wallSeconds > starved.wallSeconds);
  });

  it('keeps trials the retry leaves undecided, and adds what it decides', () => {
    const unit: UnitResult = {
      experiment: 'bai-golz-fig3',
      m: 20,
      from: 0,
      to: 20,
      counts: { 'po-round-robin': 10 },
      undecided: { 'po-round-robin': 3 },
      undecidedTrials: { 'po-round-robin': [2, 7, 11] },
      unproven: {},
      toleranceDisagreements: {},
      paretoVia: { 'fpo-certificate': 10, exchange: 7, undecided: 3 },
      closeCalls: 0,
      seconds: { sampling: 1, columns: { 'po-round-robin': 5 } },
    };
    const retry: UnitResult = {
      ...unit,
      only: [2, 7, 11],
      counts: { 'po-round-robin': 1 },
      undecided: { 'po-round-robin': 1 },
      undecidedTrials: { 'po-round-robin': [11] },
      paretoVia: { 'integer-program': 1, 'integer-program-improvement': 1, undecided: 1 },
      seconds: { sampling: 0.5, columns: { 'po-round-robin': 100 } },
    };
    const folded = foldRetry(unit, 'po-round-robin', retry);
    assert.deepEqual(folded.counts, { 'po-round-robin': 11 });
    assert.deepEqual(folded.undecided, { 'po-round-robin': 1 });
    assert.deepEqual(folded.undecidedTrials, { 'po-round-robin': [11] });
    assert.deepEqual(folded.paretoVia, {
      'fpo-certificate': 10,
      exchange: 7,
      undecided: 1,
      'integer-program': 1,
      'integer-program-improvement': 1,
    });
    assert.deepEqual(folded.seconds, { sampling: 1.5, columns: { 'po-round-robin': 105 } });
    assert.equal(folded.only, undefined);
  });

  it('rejects run files whose units are not the plan, or do not list their undecided trials', async () => {
    const unit = starved.units[0];
    const count = unit.undecided['po-round-robin']!;
    const withUnits = (units: UnitResult[]): ExperimentRun => ({ ...starved, units });
    await assert.rejects(retryUndecided(withUnits([{ ...unit, from: 1 }]), { timeLimitMs: 1000, workers: 0 }), {
      code: 'bad-run-file',
      message: /not a unit of this run's plan/,
    });
    await assert.rejects(
      retryUndecided(withUnits([{ ...unit, undecidedTrials: undefined }]), { timeLimitMs: 1000, workers: 0 }),
      { code: 'bad-run-file', message: /does not list them/ },
    );
    await assert.rejects(
      retryUndecided(withUnits([{ ...unit, undecidedTrials: { 'po-round-robin': [99].concat([]) } }]), {
        timeLimitMs: 1000,
        workers: 0,
      }),
      { code: 'bad-run-file', message: new RegExp(`not ${count} ascending trials`) },
    );
    await assert.rejects(
      retryUndecided(withUnits([{ ...unit, undecided: { 'ef-multiplier': 1 } }]), { timeLimitMs: 1000, workers: 0 }),
      { code: 'bad-run-file', message: /ef-multiplier is not a column/ },
    );
    await assert.rejects(retryUndecided(starved, { timeLimitMs: 0, workers: 0 }), { code: 'bad-time-limit' });
  });

  it('rejects run files whose units have the wrong shape, naming the unit and the field', () => {
    const file = JSON.parse(JSON.stringify(starved));
    assert.throws(() => runFromJson({ ...file, units: [null] }, 'r.json'), {
      code: 'bad-shards',
      message: /r\.json: units\[0\]: not an object/,
    });
    assert.throws(() => runFromJson({ ...file, units: [{ ...file.units[0], counts: { x: -1 } }] }, 'r.json'), {
      message: /units\[0\]: counts is not a record of counts/,
    });
    assert.throws(() => runFromJson({ ...file, units: [{ ...file.units[0], seconds: 3 }] }, 'r.json'), {
      message: /units\[0\]: seconds is not/,
    });
    assert.equal(runFromJson(file, 'r.json').units.length, 1);
  });

  it('`fairdiv experiment retry` writes the folded run and prints its rows; a missing file is a usage error', async function () {
    this.timeout(120000);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fairdiv-retry-'));
    const before = path.join(dir, 'run.json'),
      after = path.join(dir, 'done.json');
    fs.writeFileSync(before, JSON.stringify(starved));
    const io = capture();
    assert.equal(
      await experimentCommand(['retry', before, '--time-limit', '60', '--workers', '0', '--out', after, '--json'], io),
      0,
    );
    const row = JSON.parse(io.lines[0]);
    assert.deepEqual(row.undecided, {});
    assert.match(io.errors.join('\n'), /retry: (\d+) of \1 undecided trials decided/);
    const written = JSON.parse(fs.readFileSync(after, 'utf8'));
    assert.equal(written.retries.length, 1);
    await assert.rejects(
      Promise.resolve().then(() => experimentCommand(['retry'], capture())),
      { code: 'usage' },
    );
    await assert.rejects(
      Promise.resolve().then(() => experimentCommand(['retry', before, '--time-limit', '-1'], capture())),
      { code: 'usage' },
    );
  });
});
