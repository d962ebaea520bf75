/**
 * The package as a user gets it: `npm pack`, installed into a fresh project outside the repository, then the CLI,
 * the kernel (a bundled notebook through `fairdiv run`) and the README's ten-line example in CommonJS and ESM.
 *
 * Dependencies come from the local npm cache: the fresh project gets a lockfile built from the repository's own
 * (same versions and integrity hashes), so `npm ci --offline` needs no network. When the cache lacks a tarball
 * (a machine whose node_modules was not installed by npm), `npm install --prefer-offline` fetches it from the
 * registry. The build of dist/ is shared with the other tests (ensureBuild), and `npm pack --ignore-scripts`
 * packs it as is instead of building again in `prepack`.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ts from 'typescript';
import { ensureBuild, ROOT, run } from '../helpers/build';

interface LockEntry {
  version?: string;
  resolved?: string;
  integrity?: string;
  license?: string;
  dependencies?: Record<string, string>;
  bin?: Record<string, string>;
  engines?: Record<string, string>;
  dev?: boolean;
}
type Lock = { packages: Record<string, LockEntry> };

/** Where Node finds `name` from the package at lock key `from`: the nearest node_modules up the tree. */
function resolveKey(lock: Lock, name: string, from: string): string {
  for (
    let dir = from;
    dir;
    dir = dir.includes('/node_modules/') ? dir.slice(0, dir.lastIndexOf('/node_modules/')) : ''
  ) {
    const key = `${dir}/node_modules/${name}`;
    if (lock.packages[key]) return key;
  }
  if (lock.packages[`node_modules/${name}`]) return `node_modules/${name}`;
  throw new Error(`package-lock.json has no entry for ${name} (needed by ${from || 'the root'})`);
}

/** Adds the dependency closure of `names` in the repository's package-lock to `into` (lockfile entries). */
function lockClosure(lock: Lock, names: readonly string[], dev: boolean, into: Record<string, LockEntry>): void {
  const visit = (key: string): void => {
    if (into[key]) return;
    const { version, resolved, integrity, license, dependencies, bin, engines } = lock.packages[key];
    into[key] = { version, resolved, integrity, license, dependencies, bin, engines, ...(dev ? { dev: true } : {}) };
    for (const d of Object.keys(dependencies ?? {})) visit(resolveKey(lock, d, key));
  };
  for (const n of names) visit(resolveKey(lock, n, ''));
}

/**
 * Writes a fresh project that depends on the tarball, and on tslab as a dev dependency as the README's tslab recipe
 * has it, with a lockfile pinning every package to the repository's own version and integrity hash.
 */
function writeProject(dir: string, tarball: string): void {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    version: string;
    dependencies: Record<string, string>;
    devDependencies: Record<string, string>;
    bin: Record<string, string>;
  };
  const lock = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as Lock;
  const spec = `file:${path.relative(dir, tarball)}`;
  fs.mkdirSync(dir, { recursive: true });
  const devDependencies = { tslab: pkg.devDependencies.tslab };
  const root = { name: 'fairdiv-user', version: '1.0.0', dependencies: { fairdiv: spec }, devDependencies };
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ ...root, private: true }, null, 2));
  const deps: Record<string, LockEntry> = {};
  lockClosure(lock, Object.keys(pkg.dependencies), false, deps);
  lockClosure(lock, ['tslab'], true, deps);
  const packages: Record<string, unknown> = {
    '': root,
    'node_modules/fairdiv': {
      version: pkg.version,
      resolved: spec,
      license: 'MIT',
      dependencies: pkg.dependencies,
      bin: pkg.bin,
    },
    ...deps,
  };
  fs.writeFileSync(
    path.join(dir, 'package-lock.json'),
    JSON.stringify({ name: 'fairdiv-user', version: '1.0.0', lockfileVersion: 3, requires: true, packages }, null, 2),
  );
}

/** The README's "Ten lines" TypeScript block and the comments that say what it prints. */
function readmeExample(): { code: string; printed: string[] } {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const section = readme.split('## Ten lines')[1];
  const m = /```ts\n([\s\S]*?)```/.exec(section ?? '');
  assert.ok(m, 'README has no ```ts block under "## Ten lines"');
  const printed = [...m[1].matchAll(/console\.log\(.*?\);\s*\/\/ (.*)$/gm)].map((x) => x[1].trim());
  return { code: m[1], printed };
}

const squash = (s: string): string => s.replace(/\s+/g, '');

describe('the packed tarball installed into a fresh project', function () {
  this.timeout(900000);
  let work = '';
  let project = '';
  let packedFiles: string[] = [];
  let packedScripts: Record<string, string> = {};
  const npx = (args: string[], timeoutMs = 120000) =>
    run('npx', ['--no', 'fairdiv', ...args], { cwd: project, timeoutMs });

  before(async () => {
    await ensureBuild();
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'fairdiv-tarball-'));
    const packed = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work]);
    assert.equal(packed.code, 0, `npm pack failed:\n${packed.stderr}`);
    const info = (JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[])[0];
    packedFiles = info.files.map((f) => f.path);
    const tarball = path.join(work, info.filename);
    project = path.join(work, 'project');
    writeProject(project, tarball);
    const npmFlags = ['--no-audit', '--no-fund', '--loglevel=error'];
    let install = await run('npm', ['ci', '--offline', ...npmFlags], { cwd: project });
    if (install.code !== 0) install = await run('npm', ['install', '--prefer-offline', ...npmFlags], { cwd: project });
    assert.equal(install.code, 0, `installing the tarball failed:\n${install.stderr}`);
    packedScripts = (
      JSON.parse(fs.readFileSync(path.join(project, 'node_modules', 'fairdiv', 'package.json'), 'utf8')) as {
        scripts: Record<string, string>;
      }
    ).scripts;
  });

  after(() => {
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it('ships the CLI, the kernel, the library, the notebooks, the schemas and the tslab script, without source maps', () => {
    for (const f of [
      'bin/fairdiv.js',
      'dist/src/index.js',
      'dist/src/index.d.ts',
      'dist/src/cli/index.js',
      'dist/kernel/runner.js',
      'dist/kernel/main.js',
      'notebooks/00-getting-started.ipynb',
      'schemas/instance.schema.json',
      'schemas/outcome.schema.json',
      'scripts/tslab-setup.sh',
      'README.md',
      'LICENSE.md',
    ])
      assert.ok(packedFiles.includes(f), `the tarball lacks ${f}`);
    assert.deepEqual(
      packedFiles.filter((f) => f.endsWith('.map') || f.startsWith('src/') || f.startsWith('test/')),
      [],
    );
  });

  it('carries no lifecycle script that would run on install', () => {
    const lifecycle = ['preinstall', 'install', 'postinstall', 'prepare'].filter((s) => packedScripts[s] !== undefined);
    assert.deepEqual(lifecycle, []);
  });

  it('`npx fairdiv list` lists the registered mechanisms', async () => {
    const r = await npx(['list']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^round-robin\s/m);
    assert.match(r.stdout, /^tie-mms-ordinal\s/m);
  });

  it('`fairdiv solve` prints a certified outcome and `fairdiv certify` re-checks the saved file', async () => {
    const inst = {
      agents: ['alice', 'bob'],
      goods: ['car', 'house', 'boat'],
      values: [
        [3, 7, '5/2'],
        [4, 4, 1],
      ],
    };
    fs.writeFileSync(path.join(project, 'inst.json'), JSON.stringify(inst));
    const solved = await npx(['solve', 'round-robin', 'inst.json']);
    assert.equal(solved.code, 0, solved.stderr);
    const outcome = JSON.parse(solved.stdout) as { allocation: number[][]; certificate: { verdict: string } };
    assert.deepEqual(outcome.allocation, [[1, 2], [0]]);
    assert.equal(outcome.certificate.verdict, 'certified');
    fs.writeFileSync(path.join(project, 'outcome.json'), solved.stdout);
    const checked = await npx(['certify', 'outcome.json', '--claims', 'ef1,prop1']);
    assert.equal(checked.code, 0, checked.stderr);
    assert.equal((JSON.parse(checked.stdout) as { verdict: string }).verdict, 'certified');
  });

  it('`fairdiv solve` reads a CSV instance and `fairdiv compare` prints the table of mechanisms', async () => {
    fs.writeFileSync(path.join(project, 'inst.csv'), 'agent,car,house,boat\nalice,3,7,5/2\nbob,4,4,1\n');
    const solved = await npx(['solve', 'round-robin', 'inst.csv']);
    assert.equal(solved.code, 0, solved.stderr);
    assert.deepEqual((JSON.parse(solved.stdout) as { allocation: number[][] }).allocation, [[1, 2], [0]]);
    const compared = await npx(['compare', 'inst.csv', '--html', 'compare.html']);
    assert.equal(compared.code, 0, compared.stderr);
    assert.match(compared.stdout, /^round-robin\s+✗\s+✓/m);
    assert.match(fs.readFileSync(path.join(project, 'compare.html'), 'utf8'), /<table class="fd-heatmap">/);
  });

  it('`fairdiv mms` computes an exact maximin share with its partition', async () => {
    const r = await npx(['mms', '--n', '3', '--values', '1,3,5,6,9']);
    assert.equal(r.code, 0, r.stderr);
    const j = JSON.parse(r.stdout) as { value: string; status: string; partition: number[][] };
    assert.equal(j.value, '7');
    assert.equal(j.status, 'optimal');
    assert.equal(j.partition.flat().length, 5);
  });

  it('`fairdiv notebooks` copies the bundled notebooks and `fairdiv run` executes one with the kernel', async () => {
    const copied = await npx(['notebooks', 'my-notebooks']);
    assert.equal(copied.code, 0, copied.stderr);
    const names = fs.readdirSync(path.join(project, 'my-notebooks'));
    assert.ok(names.includes('00-getting-started.ipynb'), names.join(', '));
    const r = await npx(
      ['run', 'my-notebooks/00-getting-started.ipynb', '--out', 'out.ipynb', '--html', 'out.html'],
      600000,
    );
    assert.equal(r.code, 0, `${r.stdout}\n${r.stderr}`);
    const html = fs.readFileSync(path.join(project, 'out.html'), 'utf8');
    assert.match(html, /<table/);
    const nb = JSON.parse(fs.readFileSync(path.join(project, 'out.ipynb'), 'utf8')) as {
      cells: { outputs?: { output_type: string }[] }[];
    };
    assert.equal(nb.cells.flatMap((c) => c.outputs ?? []).filter((o) => o.output_type === 'error').length, 0);
  });

  it("the README's tslab recipe (scripts/tslab-setup.sh) runs a bundled notebook under Jupyter with rich outputs", async () => {
    const jupyter = await run('bash', [path.join(ROOT, 'scripts', 'ensure-jupyter.sh')]);
    assert.equal(jupyter.code, 0, `Debian's Jupyter is needed: ${jupyter.stderr}`);
    const setup = await run('bash', ['node_modules/fairdiv/scripts/tslab-setup.sh'], { cwd: project });
    assert.equal(setup.code, 0, `${setup.stdout}\n${setup.stderr}`);
    const exported = /export JUPYTER_PATH="([^"]+)"/.exec(setup.stdout);
    assert.ok(exported, setup.stdout);
    fs.mkdirSync(path.join(project, 'tslab'), { recursive: true });
    const bundled = path.join(project, 'node_modules', 'fairdiv', 'notebooks', '00-getting-started.ipynb');
    fs.copyFileSync(bundled, path.join(project, 'tslab', 'nb.ipynb'));
    const env = { ...process.env, JUPYTER_PATH: exported[1], PYDEVD_DISABLE_FILE_VALIDATION: '1' };
    const args = ['nbconvert', '--to', 'notebook', '--execute', '--ExecutePreprocessor.kernel_name=tslab'];
    args.push('--ExecutePreprocessor.timeout=300', '--output', 'out.ipynb', 'tslab/nb.ipynb');
    const r = await run('/usr/bin/jupyter', args, { cwd: project, env });
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(fs.readFileSync(path.join(project, 'tslab', 'out.ipynb'), 'utf8')) as {
      cells: { outputs?: { output_type: string; data?: Record<string, unknown> }[] }[];
    };
    const outputs = out.cells.flatMap((c) => c.outputs ?? []);
    assert.equal(outputs.filter((o) => o.output_type === 'error').length, 0);
    const rich = outputs.filter(
      (o) => o.data && 'application/vnd.fairdiv.certificate+json' in o.data && 'text/html' in o.data,
    );
    assert.ok(rich.length > 0, 'no certificate bundle among the outputs');
  });

  for (const [label, module, file] of [
    ['CommonJS', ts.ModuleKind.CommonJS, 'readme.cjs'],
    ['ESM', ts.ModuleKind.ESNext, 'readme.mjs'],
  ] as const) {
    it(`the README's ten-line example prints what the README says (${label})`, async () => {
      const { code, printed } = readmeExample();
      assert.equal(printed.length, 2, 'the example documents what its two console.log calls print');
      const js = ts.transpileModule(code, {
        compilerOptions: { module, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
      }).outputText;
      fs.writeFileSync(path.join(project, file), js);
      const r = await run(process.execPath, [file], { cwd: project });
      assert.equal(r.code, 0, r.stderr);
      for (const expected of printed)
        assert.ok(squash(r.stdout).includes(squash(expected)), `expected "${expected}" in:\n${r.stdout}`);
    });
  }
});
