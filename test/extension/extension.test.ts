/**
 * The extension's activation and commands (src/extension/extension.ts) against the stub `vscode` module, its
 * manifest, and the packaged .vsix.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DISPLAY_KINDS, mimeOf } from '../../src/display/payload';
import { ctl, markedNotebook, ROOT, stubVscodeSuite, vscode } from '../helpers/vscode-host';

describe('extension: activation and commands (stub vscode)', function () {
  this.timeout(60000);
  const activate = stubVscodeSuite();

  it('registers one controller for jupyter-notebook with TypeScript and JavaScript, and the commands', () => {
    vscode.__state.notebookDocuments.push(markedNotebook());
    activate();
    assert.equal(vscode.__state.controllers.length, 1);
    const k = vscode.__state.controllers[0];
    assert.equal(k.id, ctl.CONTROLLER_ID);
    assert.equal(k.notebookType, 'jupyter-notebook');
    assert.deepEqual(k.supportedLanguages, ['typescript', 'javascript']);
    assert.equal(k.supportsExecutionOrder, true);
    assert.ok(k.interruptHandler);
    assert.deepEqual([...vscode.__state.commands.keys()].sort(), [
      'fairdiv.newNotebook',
      'fairdiv.openSample',
      'fairdiv.restartKernel',
    ]);
    // already-open marked notebook got Preferred at activation
    assert.equal(
      k.affinities.get(vscode.__state.notebookDocuments[0].uri.toString()),
      vscode.NotebookControllerAffinity.Preferred,
    );
  });

  it('"Open Sample Notebook" opens an untitled copy of a bundled notebook, "New Notebook" a marked one', async () => {
    const { kernel: k } = activate();
    let offered: { description?: string }[] = [];
    vscode.__state.quickPick = (items) => {
      offered = items as { description?: string }[];
      return items[0];
    };
    await vscode.commands.executeCommand('fairdiv.openSample');
    assert.ok(offered.length >= 1 && offered.every((i) => i.description!.endsWith('.ipynb')));
    const doc = vscode.__state.opened[0];
    assert.equal(doc.uri.scheme, 'untitled');
    assert.equal(doc.notebookType, 'jupyter-notebook');
    assert.ok(doc.cells.some((x) => x.kind === vscode.NotebookCellKind.Code && x.document.languageId === 'typescript'));
    assert.ok(ctl.isFairdivNotebook(doc));
    assert.equal(k.affinities.get(doc.uri.toString()), vscode.NotebookControllerAffinity.Preferred);
    assert.ok(
      vscode.__state.executed.some(
        (e) => e.id === 'notebook.selectKernel' && (e.args[0] as { id: string }).id === ctl.CONTROLLER_ID,
      ),
    );
    await vscode.commands.executeCommand('fairdiv.newNotebook');
    const fresh = vscode.__state.opened[1];
    assert.ok(ctl.isFairdivNotebook(fresh));
    assert.match(fresh.cells[1].document.getText(), /from 'fairdiv'/);
  });
});

describe('extension manifest (extension.package.json)', () => {
  it('the renderer claims exactly the MIME types of the display kinds (src/display/payload.ts)', () => {
    const frag = JSON.parse(fs.readFileSync(path.join(ROOT, 'extension.package.json'), 'utf8')) as {
      contributes: { notebookRenderer: { mimeTypes: string[] }[] };
    };
    assert.deepEqual([...frag.contributes.notebookRenderer[0].mimeTypes].sort(), DISPLAY_KINDS.map(mimeOf).sort());
  });
});

describe('extension package (.vsix)', function () {
  this.timeout(300000);
  it('npm run package builds a self-contained .vsix with the manifest, bundles, renderer and notebooks', async () => {
    const os = await import('node:os');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { run } = require('../helpers/build') as typeof import('../helpers/build');
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'fairdiv-vsix-test-')), 'fairdiv.vsix');
    const r = await run(process.execPath, [path.join(ROOT, 'scripts', 'package-vsix.mjs'), '--out', out]);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    const size = fs.statSync(out).size;
    assert.ok(size > 100_000 && size < 20_000_000, `vsix size ${size}`);
    const list = await run('python3', [
      '-c',
      'import sys, zipfile, json; z = zipfile.ZipFile(sys.argv[1]); print(json.dumps({"names": z.namelist(), "pkg": json.loads(z.read("extension/package.json"))}))',
      out,
    ]);
    assert.equal(list.code, 0, list.stderr);
    const { names, pkg } = JSON.parse(list.stdout) as { names: string[]; pkg: Record<string, any> };
    for (const f of [
      'extension/dist/extension.js',
      'extension/dist/kernel.js',
      'extension/dist/fairdiv.js',
      'extension/dist/experiment-worker.js',
      'extension/dist/simulation-worker.js',
      'extension/dist/mms-worker.js',
      'extension/dist/highs.wasm',
      'extension/dist/media/index.js',
      'extension/notebooks/00-getting-started.ipynb',
    ]) {
      assert.ok(names.includes(f), `${f} missing from the vsix`);
    }
    assert.ok(!names.some((n) => n.includes('node_modules/')), 'no node_modules in the vsix');
    assert.equal(pkg.main, './dist/extension.js');
    assert.equal(pkg.engines.vscode, '^1.90.0');
    assert.ok(pkg.activationEvents.includes('onNotebook:jupyter-notebook'));
    assert.deepEqual(pkg.contributes.commands.map((c: { command: string }) => c.command).sort(), [
      'fairdiv.newNotebook',
      'fairdiv.openSample',
      'fairdiv.restartKernel',
    ]);
    const renderer = pkg.contributes.notebookRenderer[0];
    assert.equal(renderer.entrypoint, './dist/media/index.js');
    assert.ok(renderer.mimeTypes.includes('application/vnd.fairdiv.allocation+json'));
    assert.ok(pkg.contributes.walkthroughs[0].steps.length >= 3);
    // The bundled library runs an experiment on worker threads (the bundled worker and HiGHS's WASM beside it),
    // as notebook 50 does inside VS Code; without the worker it says so instead of waiting forever.
    const unpacked = path.join(path.dirname(out), 'unpacked');
    const unzip = await run('python3', [
      '-c',
      'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])',
      out,
      unpacked,
    ]);
    assert.equal(unzip.code, 0, unzip.stderr);
    const probe = path.join(unpacked, 'probe.cjs');
    fs.writeFileSync(
      probe,
      [
        "const f = require('./extension/dist/fairdiv.js');",
        "f.experiments.runExperiment('bai-golz-fig3', { ms: [10], trials: 3, workers: 2 })",
        '  .then((r) => console.log(JSON.stringify(f.experiments.summarize(r)[0])))',
        '  .catch((e) => console.log(JSON.stringify({ error: e.code, message: e.message })));',
      ].join('\n'),
    );
    const ran = await run(process.execPath, [probe], { cwd: unpacked });
    assert.equal(ran.code, 0, ran.stderr);
    const row = JSON.parse(ran.stdout) as { counts: Record<string, number>; undecided?: Record<string, number> };
    assert.deepEqual(Object.keys(row.counts).sort(), [
      'ef-multiplier',
      'ef-round-robin',
      'ef-rounded-mnw',
      'po-round-robin',
    ]);
    assert.equal(row.counts['po-round-robin'], 3, 'HiGHS decided PO of round robin in the bundled worker');
    fs.rmSync(path.join(unpacked, 'extension', 'dist', 'experiment-worker.js'));
    const missing = await run(process.execPath, [probe], { cwd: unpacked });
    assert.equal(JSON.parse(missing.stdout).error, 'no-worker-script', missing.stdout + missing.stderr);
    // certifyAsync computes MMS shares on the bundled dist/mms-worker.js (three agents whose shares take a while)
    const sharesProbe = path.join(unpacked, 'shares-probe.cjs');
    fs.writeFileSync(
      sharesProbe,
      [
        "const f = require('./extension/dist/fairdiv.js');",
        'const r = f.rng(8);',
        'const values = [0, 1, 2].map(() => Array.from({ length: 40 }, () => r.nextU32() * 4096 + r.int(0, 4095)));',
        "const o = f.solve('round-robin', f.instance(values));",
        "f.certifyAsync(o, { claims: ['mms'], workers: 2 })",
        '  .then((rep) => console.log(JSON.stringify({ status: rep.claims[0].status })))',
        '  .catch((e) => console.log(JSON.stringify({ error: e.code, message: e.message })));',
      ].join('\n'),
    );
    const shares = await run(process.execPath, [sharesProbe], { cwd: unpacked });
    assert.ok(['pass', 'fail'].includes(JSON.parse(shares.stdout).status), shares.stdout + shares.stderr);
    fs.rmSync(path.join(unpacked, 'extension', 'dist', 'mms-worker.js'));
    const noShareWorker = await run(process.execPath, [sharesProbe], { cwd: unpacked });
    assert.equal(JSON.parse(noShareWorker.stdout).error, 'no-worker-script', noShareWorker.stdout);
    fs.rmSync(path.dirname(out), { recursive: true, force: true });
  });
});
