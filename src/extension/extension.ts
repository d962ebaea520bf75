/**
 * The VS Code extension: registers the fairdiv notebook controller and the commands
 * "Fair Division: Open Sample Notebook", "Fair Division: New Notebook", "Fair Division: Restart Kernel".
 * User code never runs here: each notebook gets a kernel child process (process.execPath with
 * ELECTRON_RUN_AS_NODE=1) running the bundled kernel (dist/kernel.js) and library (dist/fairdiv.js).
 */
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { cellLanguage, sourceOf, type Notebook } from '../../kernel/nbformat';
import { CONTROLLER_ID, FairdivController, NOTEBOOK_TYPE } from './controller';

export const COMMANDS = {
  openSample: 'fairdiv.openSample',
  newNotebook: 'fairdiv.newNotebook',
  restartKernel: 'fairdiv.restartKernel',
} as const;

export const NOTEBOOK_METADATA = {
  fairdiv: { version: 1 },
  kernelspec: { display_name: 'TypeScript', language: 'typescript', name: 'tslab' },
  language_info: { name: 'typescript', file_extension: '.ts', mimetype: 'text/typescript' },
};

/** nbformat JSON -> NotebookData (sources only; outputs are produced by running). */
export function notebookDataFromIpynb(text: string): vscode.NotebookData {
  const nb = JSON.parse(text) as Notebook;
  const cells = (nb.cells ?? []).map((c) => {
    const kind = c.cell_type === 'code' ? vscode.NotebookCellKind.Code : vscode.NotebookCellKind.Markup;
    const cell = new vscode.NotebookCellData(
      kind,
      sourceOf(c),
      kind === vscode.NotebookCellKind.Code ? cellLanguage(nb, c) : 'markdown',
    );
    if (c.metadata) cell.metadata = c.metadata;
    return cell;
  });
  const data = new vscode.NotebookData(cells);
  data.metadata = { ...NOTEBOOK_METADATA, ...(nb.metadata ?? {}) };
  return data;
}

export function newNotebookData(): vscode.NotebookData {
  const data = new vscode.NotebookData([
    new vscode.NotebookCellData(
      vscode.NotebookCellKind.Markup,
      '# A fair-division notebook\n\nRun the cells with the **Fair Division (TypeScript)** kernel.',
      'markdown',
    ),
    new vscode.NotebookCellData(
      vscode.NotebookCellKind.Code,
      "import { instance, solve, certify, display } from 'fairdiv';\n\nconst inst = instance({\n  alice: { car: 6, house: 9, boat: 3 },\n  bob: { car: 4, house: 4, boat: 1 },\n});\nconst out = solve('round-robin', inst);\ndisplay(out);\ncertify(out)",
      'typescript',
    ),
  ]);
  data.metadata = { ...NOTEBOOK_METADATA };
  return data;
}

function sampleTitle(text: string, fallback: string): string {
  try {
    const nb = JSON.parse(text) as Notebook;
    for (const c of nb.cells ?? []) {
      if (c.cell_type !== 'markdown') continue;
      const m = /^#\s+(.+)$/m.exec(sourceOf(c));
      if (m) return m[1].trim();
    }
  } catch {
    // fall back to the file name
  }
  return fallback;
}

async function openNotebook(data: vscode.NotebookData): Promise<void> {
  const doc = await vscode.workspace.openNotebookDocument(NOTEBOOK_TYPE, data);
  await vscode.window.showNotebookDocument(doc);
  try {
    await vscode.commands.executeCommand('notebook.selectKernel', { id: CONTROLLER_ID, extension: EXTENSION_ID });
  } catch {
    // affinity (Preferred for marked notebooks) still picks us
  }
}

export const EXTENSION_ID = 'fairdiv.fairdiv';

export function activate(context: vscode.ExtensionContext): { controller: FairdivController } {
  const kernelJs = context.asAbsolutePath('dist/kernel.js');
  const libraryJs = context.asAbsolutePath('dist/fairdiv.js');
  const bundled = fs.existsSync(kernelJs);
  const controller = new FairdivController({
    kernelOptions: () =>
      bundled
        ? { kernelPath: kernelJs, library: libraryJs, execPath: process.execPath }
        : { execPath: process.execPath },
  });
  context.subscriptions.push(controller);

  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.openSample, async (name?: string) => {
      const dir = vscode.Uri.joinPath(context.extensionUri, 'notebooks');
      const entries = (await vscode.workspace.fs.readDirectory(dir))
        .filter(([f]) => f.endsWith('.ipynb'))
        .map(([f]) => f)
        .sort();
      const picks: (vscode.QuickPickItem & { file: string; text: string })[] = [];
      for (const f of entries) {
        const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(dir, f)));
        picks.push({ label: sampleTitle(text, f), description: f, file: f, text });
      }
      const pick =
        typeof name === 'string'
          ? picks.find((p) => p.file === name || p.file === `${name}.ipynb`)
          : await vscode.window.showQuickPick(picks, { placeHolder: 'Open a sample notebook (an untitled copy)' });
      if (!pick) return;
      await openNotebook(notebookDataFromIpynb(pick.text));
    }),
    vscode.commands.registerCommand(COMMANDS.newNotebook, () => openNotebook(newNotebookData())),
    vscode.commands.registerCommand(COMMANDS.restartKernel, async () => {
      const nb = vscode.window.activeNotebookEditor?.notebook;
      if (!nb) {
        void vscode.window.showInformationMessage('Fair Division: no active notebook.');
        return;
      }
      await controller.restart(nb);
      void vscode.window.showInformationMessage('Fair Division: kernel restarted (all variables cleared).');
    }),
  );
  return { controller };
}

export function deactivate(): void {
  // the controller is disposed through context.subscriptions
}
