/**
 * The hostile-input corpus (test/fixtures/hostile/corpus.ts): every case through the CLI's `main`, with its exit
 * code, its error code on stderr, no stack trace, no internal error (exit 3), and a few seconds at most.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { HOSTILE_CASES, type HostileCase } from '../fixtures/hostile/corpus';
import { runMain, type MainRun } from '../helpers/cli';
import { tempDir } from '../helpers/cli-process';

/** Wall-clock limit of one case (the former hangs ran for minutes to hours). */
const CASE_LIMIT_MS = 5_000;

async function runCase(c: HostileCase, dir: string): Promise<MainRun> {
  const paths = new Map<string, string>();
  for (const [name, content] of Object.entries(c.files ?? {})) {
    const file = path.join(dir, `${name}-${Math.random().toString(36).slice(2)}.${name === 'nb' ? 'ipynb' : 'json'}`);
    fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
    paths.set(`@${name}`, file);
  }
  return runMain(c.argv.map((a) => paths.get(a) ?? a));
}

describe(`hostile-input corpus: ${HOSTILE_CASES.length} cases (issue 16)`, function () {
  this.timeout(60_000);
  const dir = tempDir('fairdiv-hostile-');
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('has at least 150 cases with distinct names', () => {
    assert.ok(HOSTILE_CASES.length >= 150, `${HOSTILE_CASES.length} cases`);
    assert.equal(new Set(HOSTILE_CASES.map((c) => c.name)).size, HOSTILE_CASES.length);
  });

  for (const c of HOSTILE_CASES)
    it(`${c.name}: exit ${c.exit}${c.code ? ` [${c.code}]` : ''}`, async () => {
      const r = await runCase(c, dir);
      assert.ok(r.ms < CASE_LIMIT_MS, `took ${r.ms} ms`);
      assert.doesNotMatch(r.err, /\n\s+at \S/, `stack trace on stderr:\n${r.err.slice(0, 500)}`);
      assert.equal(r.code, c.exit, `exit ${r.code}; stderr: ${r.err.slice(0, 400)}`);
      if (c.code) assert.ok(r.err.includes(`[${c.code}]`), `expected [${c.code}] on stderr: ${r.err.slice(0, 400)}`);
      if (c.exit === 2) assert.equal(r.out, '', 'bad input printed a result');
    });
});
