/**
 * The VS Code extension against a stub `vscode` module (test/stubs/vscode.ts): controller registration,
 * affinity only for marked notebooks, sequential execution with execution order and outputs from a real
 * kernel child process, interrupt, restart, and the commands.
 */
import { strict as assert } from 'node:assert';
import Module from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DISPLAY_KINDS, mimeOf } from '../src/display/payload';

const STUB = path.join(__dirname, 'stubs', 'vscode.ts');
const M = Module as unknown as { _resolveFilename: (req: string, ...rest: unknown[]) => string };
const original = M._resolveFilename;
M._resolveFilename = function (req: string, ...rest: unknown[]) {
  return req === 'vscode' ? STUB : original.call(this, req, ...rest);
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const vscode = require('./stubs/vscode') as typeof import('./stubs/vscode');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ext = require('../src/extension/extension') as typeof import('../src/extension/extension');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ctl = require('../src/extension/controller') as typeof import('../src/extension/controller');

const ROOT = path.join(__dirname, '..');
type StubNotebook = import('./stubs/vscode').StubNotebook;

function context() {
  return {
    subscriptions: [] as { dispose(): void }[],
    extensionUri: vscode.Uri.file(ROOT),
    // dist/ bundles are ignored here: the tests run the TypeScript kernel, never a stale bundle
    asAbsolutePath: (p: string) => (p.startsWith('dist/') ? path.join(ROOT, 'no-such-dir', p) : path.join(ROOT, p)),
  };
}

function notebook(cells: [number, string][], metadata: Record<string, unknown>, name = 'nb.ipynb'): StubNotebook {
  const data = new vscode.NotebookData(cells.map(([k, src]) => new vscode.NotebookCellData(k, src, k === vscode.NotebookCellKind.Code ? 'typescript' : 'markdown')));
  data.metadata = metadata;
  return vscode.__notebook(vscode.Uri.file(path.join(ROOT, 'test', 'fixtures', name)), data);
}

function itemsOf(cell: { outputs: InstanceType<typeof vscode.NotebookCellOutput>[] }) {
  return cell.outputs.map((o) => o.items.map((i) => i.mime));
}
function textOf(cell: { outputs: InstanceType<typeof vscode.NotebookCellOutput>[] }, mime: string): string {
  return cell.outputs.flatMap((o) => o.items).filter((i) => i.mime === mime).map((i) => i.textValue).join('');
}

describe('extension (stub vscode)', function () {
  this.timeout(60000);
  let c: ReturnType<typeof context>;
  let controller: import('../src/extension/controller').FairdivController;
  const marked = () => notebook([[vscode.NotebookCellKind.Code, '1']], { fairdiv: { version: 1 }, kernelspec: { name: 'tslab' } }, 'marked.ipynb');

  beforeEach(() => {
    vscode.__reset();
  });
  afterEach(() => {
    for (const d of c?.subscriptions ?? []) d.dispose();
  });
  after(() => {
    M._resolveFilename = original;
  });

  it('registers one controller for jupyter-notebook with TypeScript and JavaScript, and the commands', () => {
    vscode.__state.notebookDocuments.push(marked());
    c = context();
    controller = ext.activate(c as never).controller;
    assert.equal(vscode.__state.controllers.length, 1);
    const k = vscode.__state.controllers[0];
    assert.equal(k.id, ctl.CONTROLLER_ID);
    assert.equal(k.notebookType, 'jupyter-notebook');
    assert.deepEqual(k.supportedLanguages, ['typescript', 'javascript']);
    assert.equal(k.supportsExecutionOrder, true);
    assert.ok(k.interruptHandler);
    assert.deepEqual([...vscode.__state.commands.keys()].sort(), ['fairdiv.newNotebook', 'fairdiv.openSample', 'fairdiv.restartKernel']);
    // already-open marked notebook got Preferred at activation
    assert.equal(k.affinities.get(vscode.__state.notebookDocuments[0].uri.toString()), vscode.NotebookControllerAffinity.Preferred);
  });

  it('sets Preferred affinity only for notebooks carrying metadata.fairdiv, never globally', () => {
    c = context();
    ext.activate(c as never);
    const k = vscode.__state.controllers[0];
    const plainTs = notebook([[2, '1']], { kernelspec: { name: 'tslab', language: 'typescript' } }, 'plain.ipynb');
    const python = notebook([[2, '1']], { kernelspec: { name: 'python3' } }, 'py.ipynb');
    const ours = marked();
    const legacy = notebook([[2, '1']], { custom: { metadata: { fairdiv: { version: 1 } } } }, 'legacy.ipynb');
    for (const nb of [plainTs, python, ours, legacy]) vscode.__state.onOpen.fire(nb);
    assert.equal(k.affinities.get(ours.uri.toString()), vscode.NotebookControllerAffinity.Preferred);
    assert.equal(k.affinities.get(legacy.uri.toString()), vscode.NotebookControllerAffinity.Preferred);
    assert.equal(k.affinities.has(plainTs.uri.toString()), false);
    assert.equal(k.affinities.has(python.uri.toString()), false);
    assert.equal(k.affinities.size, 2);
    assert.equal(ctl.isFairdivNotebook({ notebookType: 'interactive', metadata: { fairdiv: {} } }), false);
  });

  it('executes cells sequentially with execution order and maps outputs (stream, rich bundle, error)', async () => {
    c = context();
    controller = ext.activate(c as never).controller;
    const k = vscode.__state.controllers[0];
    const nb = notebook(
      [
        [vscode.NotebookCellKind.Markup, '# title'],
        [vscode.NotebookCellKind.Code, "import { instance, solve } from 'fairdiv';\nconsole.log('a'); console.log('b');\nconst n: number = 2;"],
        [vscode.NotebookCellKind.Code, "solve('round-robin', instance([[3, 1], [1, 3]]))"],
        [vscode.NotebookCellKind.Code, 'n * 21'],
        [vscode.NotebookCellKind.Code, "null.x"],
        [vscode.NotebookCellKind.Code, "'not reached'"],
      ],
      { fairdiv: { version: 1 } },
    );
    await k.executeHandler(nb.cells, nb, k);
    const [, c1, c2, c3, c4, c5] = nb.cells;
    assert.deepEqual(k.executions.map((e) => e.executionOrder), [1, 2, 3, 4]);
    assert.deepEqual(k.executions.map((e) => e.ended?.success), [true, true, true, false]);
    assert.ok(k.executions.every((e, i) => i === 0 || e.started! >= k.executions[i - 1].ended!.at!), 'sequential');
    // consecutive stdout chunks are one output
    assert.deepEqual(itemsOf(c1), [['application/vnd.code.notebook.stdout', 'application/vnd.code.notebook.stdout']]);
    assert.equal(textOf(c1, 'application/vnd.code.notebook.stdout'), 'a\nb\n');
    assert.deepEqual(itemsOf(c2), [['application/vnd.fairdiv.allocation+json', 'text/html', 'text/plain']]);
    assert.deepEqual(c2.outputs[0].metadata, { outputType: 'execute_result', executionCount: 2 });
    const payload = JSON.parse(textOf(c2, 'application/vnd.fairdiv.allocation+json'));
    assert.equal(payload.kind, 'allocation');
    assert.equal(textOf(c3, 'text/plain'), '42');
    assert.deepEqual(itemsOf(c4), [['application/vnd.code.notebook.error']]);
    const err = JSON.parse(textOf(c4, 'application/vnd.code.notebook.error'));
    assert.equal(err.name, 'TypeError');
    assert.match(err.stack, /cell 5, line 1/);
    assert.deepEqual(c5.outputs, [], 'cells after a failing one are not run');
    await controller.disposeKernel(nb as never);
  });

  it('interrupts a running infinite loop within 2 s and restarts the kernel on command', async () => {
    c = context();
    controller = ext.activate(c as never).controller;
    const k = vscode.__state.controllers[0];
    const nb = notebook([[2, 'const keep = 1;'], [2, 'while (true) {}'], [2, 'keep']], { fairdiv: { version: 1 } });
    await k.executeHandler([nb.cells[0]], nb, k);
    const t0 = Date.now();
    const run = k.executeHandler([nb.cells[1], nb.cells[2]], nb, k) as Promise<void>;
    setTimeout(() => void k.interruptHandler!(nb), 300);
    await run;
    assert.ok(Date.now() - t0 < 2300, `took ${Date.now() - t0} ms`);
    assert.equal(k.executions[1].ended?.success, false);
    assert.equal(k.executions.length, 2, 'the queued cell was dropped');
    assert.match(textOf(nb.cells[1], 'application/vnd.code.notebook.error'), /Interrupted/);
    // restart via the command clears state and execution order
    vscode.__state.activeNotebookEditor = { notebook: nb };
    await k.executeHandler([nb.cells[0]], nb, k);
    await vscode.commands.executeCommand('fairdiv.restartKernel');
    assert.match(vscode.__state.messages.join('\n'), /restarted/);
    await k.executeHandler([nb.cells[2]], nb, k);
    assert.match(textOf(nb.cells[2], 'application/vnd.code.notebook.error'), /keep is not defined/);
    assert.equal(k.executions[k.executions.length - 1].executionOrder, 1);
    await controller.disposeKernel(nb as never);
  });

  it('shows progress(label) as one output per reporter, replaced in place, finalised when done', async () => {
    c = context();
    controller = ext.activate(c as never).controller;
    const k = vscode.__state.controllers[0];
    const nb = notebook(
      [[2, "import { progress } from 'fairdiv';\nconsole.log('before');\nconst p = progress('MMS');\nfor (let i = 1; i <= 4; i++) {\n  p.update(i / 4, `round ${i}`);\n  await new Promise((r) => setTimeout(r, 150));\n}\np.done();\nconsole.log('after');"]],
      { fairdiv: { version: 1 } },
    );
    await k.executeHandler(nb.cells, nb, k);
    const exec = k.executions[0];
    assert.equal(exec.ended?.success, true);
    const cell = nb.cells[0];
    assert.deepEqual(itemsOf(cell), [['application/vnd.code.notebook.stdout'], ['text/plain'], ['application/vnd.code.notebook.stdout']]);
    const bar = cell.outputs[1];
    assert.deepEqual(bar.metadata, { outputType: 'display_data', fairdivProgress: (bar.metadata as { fairdivProgress: string }).fairdivProgress });
    assert.equal(bar.items[0].textValue, 'MMS  ██████████ 100%  round 4');
    assert.ok(exec.replacedItems.length >= 3, `${exec.replacedItems.length} replacements`);
    assert.ok(exec.replacedItems.every((x) => x.output === bar), 'always the same output, replaced in place');
    assert.ok(exec.replacedItems.some((x) => x.items[0].textValue === 'MMS  █████░░░░░ 50%  round 2'));
    assert.equal(ctl.progressLine({ type: 'progress', reporter: 'p1', label: 'MMS', fraction: 0.7, message: 'message', done: false }), 'MMS  ███████░░░ 70%  message');
    await controller.disposeKernel(nb as never);
  });

  it('"Open Sample Notebook" opens an untitled copy of a bundled notebook, "New Notebook" a marked one', async () => {
    c = context();
    ext.activate(c as never);
    const k = vscode.__state.controllers[0];
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
    assert.ok(vscode.__state.executed.some((e) => e.id === 'notebook.selectKernel' && (e.args[0] as { id: string }).id === ctl.CONTROLLER_ID));
    await vscode.commands.executeCommand('fairdiv.newNotebook');
    const fresh = vscode.__state.opened[1];
    assert.ok(ctl.isFairdivNotebook(fresh));
    assert.match(fresh.cells[1].document.getText(), /from 'fairdiv'/);
  });
});

describe('extension manifest (extension.package.json)', () => {
  it('the renderer claims exactly the MIME types of the display kinds (src/display/payload.ts)', () => {
    const frag = JSON.parse(fs.readFileSync(path.join(ROOT, 'extension.package.json'), 'utf8')) as { contributes: { notebookRenderer: { mimeTypes: string[] }[] } };
    assert.deepEqual([...frag.contributes.notebookRenderer[0].mimeTypes].sort(), DISPLAY_KINDS.map(mimeOf).sort());
  });
});

describe('extension package (.vsix)', function () {
  this.timeout(300000);
  it('npm run package builds a self-contained .vsix with the manifest, bundles, renderer and notebooks', async () => {
    const os = await import('node:os');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { run } = require('./helpers/build') as typeof import('./helpers/build');
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'fairdiv-vsix-test-')), 'fairdiv.vsix');
    const r = await run(process.execPath, [path.join(ROOT, 'scripts', 'package-vsix.mjs'), '--out', out]);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    const size = fs.statSync(out).size;
    assert.ok(size > 100_000 && size < 20_000_000, `vsix size ${size}`);
    const list = await run('python3', ['-c', 'import sys, zipfile, json; z = zipfile.ZipFile(sys.argv[1]); print(json.dumps({"names": z.namelist(), "pkg": json.loads(z.read("extension/package.json"))}))', out]);
    assert.equal(list.code, 0, list.stderr);
    const { names, pkg } = JSON.parse(list.stdout) as { names: string[]; pkg: Record<string, any> };
    for (const f of ['extension/dist/extension.js', 'extension/dist/kernel.js', 'extension/dist/fairdiv.js', 'extension/dist/media/index.js', 'extension/notebooks/00-getting-started.ipynb']) {
      assert.ok(names.includes(f), `${f} missing from the vsix`);
    }
    assert.ok(!names.some((n) => n.includes('node_modules/')), 'no node_modules in the vsix');
    assert.equal(pkg.main, './dist/extension.js');
    assert.equal(pkg.engines.vscode, '^1.90.0');
    assert.ok(pkg.activationEvents.includes('onNotebook:jupyter-notebook'));
    assert.deepEqual(pkg.contributes.commands.map((c: { command: string }) => c.command).sort(), ['fairdiv.newNotebook', 'fairdiv.openSample', 'fairdiv.restartKernel']);
    const renderer = pkg.contributes.notebookRenderer[0];
    assert.equal(renderer.entrypoint, './dist/media/index.js');
    assert.ok(renderer.mimeTypes.includes('application/vnd.fairdiv.allocation+json'));
    assert.ok(pkg.contributes.walkthroughs[0].steps.length >= 3);
    fs.rmSync(path.dirname(out), { recursive: true, force: true });
  });
});
