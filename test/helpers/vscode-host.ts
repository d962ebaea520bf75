/**
 * The VS Code extension under test against the stub `vscode` module (test/stubs/vscode.ts): the extension's
 * modules loaded with `vscode` resolved to the stub, and notebooks, extension contexts and output readers
 * for the tests.
 */
import Module from 'node:module';
import * as path from 'node:path';

export const ROOT = path.join(__dirname, '..', '..');
const STUB = path.join(ROOT, 'test', 'stubs', 'vscode.ts');

type Resolver = (req: string, ...rest: unknown[]) => string;

/** Loads modules with `vscode` resolved to the stub (every extension module imports it when loaded). */
function withStubVscode<T>(load: () => T): T {
  const M = Module as unknown as { _resolveFilename: Resolver };
  const original = M._resolveFilename;
  M._resolveFilename = function (this: unknown, req: string, ...rest: unknown[]) {
    return req === 'vscode' ? STUB : original.call(this, req, ...rest);
  };
  try {
    return load();
  } finally {
    M._resolveFilename = original;
  }
}

/* eslint-disable @typescript-eslint/no-require-imports */
export const { vscode, ext, ctl, outputs, late } = withStubVscode(() => ({
  vscode: require('../stubs/vscode') as typeof import('../stubs/vscode'),
  ext: require('../../src/extension/extension') as typeof import('../../src/extension/extension'),
  ctl: require('../../src/extension/controller') as typeof import('../../src/extension/controller'),
  outputs: require('../../src/extension/outputs') as typeof import('../../src/extension/outputs'),
  late: require('../../src/extension/late-output') as typeof import('../../src/extension/late-output'),
}));
/* eslint-enable @typescript-eslint/no-require-imports */

export type StubNotebook = import('../stubs/vscode').StubNotebook;
export type FairdivController = import('../../src/extension/controller').FairdivController;

/** An extension context; dist/ bundles are ignored here: the tests run the TypeScript kernel, never a stale bundle. */
export function context() {
  return {
    subscriptions: [] as { dispose(): void }[],
    extensionUri: vscode.Uri.file(ROOT),
    asAbsolutePath: (p: string) => (p.startsWith('dist/') ? path.join(ROOT, 'no-such-dir', p) : path.join(ROOT, p)),
  };
}

/** A notebook file under test/fixtures with the given cells ([kind, source]) and metadata. */
export function notebook(
  cells: [number, string][],
  metadata: Record<string, unknown>,
  name = 'nb.ipynb',
): StubNotebook {
  const data = new vscode.NotebookData(
    cells.map(
      ([k, src]) => new vscode.NotebookCellData(k, src, k === vscode.NotebookCellKind.Code ? 'typescript' : 'markdown'),
    ),
  );
  data.metadata = metadata;
  return vscode.__notebook(vscode.Uri.file(path.join(ROOT, 'test', 'fixtures', name)), data);
}

type Outputs = { outputs: InstanceType<typeof vscode.NotebookCellOutput>[] };

/** The MIME types of each output of a cell. */
export function itemsOf(cell: Outputs) {
  return cell.outputs.map((o) => o.items.map((i) => i.mime));
}

/** The text of a cell's items of one MIME type, joined. */
export function textOf(cell: Outputs, mime: string): string {
  return cell.outputs
    .flatMap((o) => o.items)
    .filter((i) => i.mime === mime)
    .map((i) => i.textValue)
    .join('');
}

/** A notebook marked for fairdiv (`metadata.fairdiv`, tslab kernelspec) with one code cell. */
export function markedNotebook(): StubNotebook {
  return notebook(
    [[vscode.NotebookCellKind.Code, '1']],
    { fairdiv: { version: 1 }, kernelspec: { name: 'tslab' } },
    'marked.ipynb',
  );
}

/**
 * Mocha hooks of a suite against the stub: the stub is reset before each test, and every extension context
 * activated during a test is disposed after it. Returns `activate()`: the extension activated in a fresh
 * context, with its controller and the stub notebook controller it registered.
 */
export function stubVscodeSuite(): () => {
  controller: FairdivController;
  kernel: import('../stubs/vscode').StubController;
} {
  const contexts: ReturnType<typeof context>[] = [];
  beforeEach(() => {
    vscode.__reset();
  });
  afterEach(() => {
    for (const c of contexts.splice(0)) for (const d of c.subscriptions) d.dispose();
  });
  return () => {
    const c = context();
    contexts.push(c);
    const { controller } = ext.activate(c as never);
    return { controller, kernel: vscode.__state.controllers[0] };
  };
}
