/** The README's benchmark numbers come from the recorded results: every table row is copied from bench/results. */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const RESULTS = path.join(ROOT, 'bench', 'results');

/** The README's "## Benchmarks" section, up to the next second-level heading. */
function benchmarksSection(): string {
  const start = README.indexOf('\n## Benchmarks\n');
  assert.ok(start >= 0, 'README has no "## Benchmarks" section');
  const rest = README.slice(start + 1);
  const end = rest.indexOf('\n## ', 3);
  return end < 0 ? rest : rest.slice(0, end);
}

describe('README benchmarks', () => {
  it('copies every table row from a file of bench/results', () => {
    const recorded = fs
      .readdirSync(RESULTS)
      .filter((f) => f.endsWith('.md'))
      .flatMap((f) => fs.readFileSync(path.join(RESULTS, f), 'utf8').split('\n'));
    const rows = benchmarksSection()
      .split('\n')
      .filter((l) => l.startsWith('| ') && !/^\|[-| :]+\|$/.test(l));
    assert.ok(rows.length >= 20, `expected the mms and tie-mms tables, found ${rows.length} rows`);
    const missing = rows.filter((r) => !recorded.includes(r));
    assert.deepEqual(missing, [], 'README rows not found in bench/results/*.md');
  });

  it('names only results files that exist', () => {
    const named = [...benchmarksSection().matchAll(/bench\/results\/([a-z-]+)\.md/g)].map((m) => m[1]);
    assert.ok(named.length >= 6);
    for (const n of named) assert.ok(fs.existsSync(path.join(RESULTS, `${n}.md`)), `bench/results/${n}.md`);
  });
});
