/**
 * A hand-written stand-in for the `vscode` module, enough for the fairdiv extension: notebook
 * controllers (recording executions, outputs and affinities), output items, commands, workspace
 * notebook events and files, quick picks. Tests reset it with `__reset()`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

type Listener<T> = (e: T) => unknown;

export class EventEmitter<T> {
  private listeners: Listener<T>[] = [];
  event = (l: Listener<T>) => {
    this.listeners.push(l);
    return { dispose: () => (this.listeners = this.listeners.filter((x) => x !== l)) };
  };
  fire(e: T): void {
    for (const l of [...this.listeners]) l(e);
  }
  dispose(): void {
    this.listeners = [];
  }
}

export class Disposable {
  constructor(private readonly fn: () => void = () => undefined) {}
  dispose(): void {
    this.fn();
  }
}

export class Uri {
  private constructor(
    readonly scheme: string,
    readonly fsPath: string,
    readonly pathPart: string,
  ) {}
  static file(p: string): Uri {
    return new Uri('file', p, p);
  }
  static parse(s: string): Uri {
    const m = /^([a-z-]+):(.*)$/.exec(s);
    return m ? new Uri(m[1], m[2], m[2]) : Uri.file(s);
  }
  static joinPath(base: Uri, ...parts: string[]): Uri {
    return new Uri(base.scheme, path.join(base.fsPath, ...parts), path.join(base.pathPart, ...parts));
  }
  get path(): string {
    return this.pathPart;
  }
  toString(): string {
    return `${this.scheme}://${this.pathPart}`;
  }
}

export enum NotebookCellKind {
  Markup = 1,
  Code = 2,
}
export enum NotebookControllerAffinity {
  Default = 1,
  Preferred = 2,
}

export class NotebookCellOutputItem {
  constructor(
    readonly data: Uint8Array,
    readonly mime: string,
  ) {}
  static text(value: string, mime = 'text/plain'): NotebookCellOutputItem {
    return new NotebookCellOutputItem(new TextEncoder().encode(value), mime);
  }
  static json(value: unknown, mime = 'application/json'): NotebookCellOutputItem {
    return NotebookCellOutputItem.text(JSON.stringify(value, undefined, '\t'), mime);
  }
  static stdout(value: string): NotebookCellOutputItem {
    return NotebookCellOutputItem.text(value, 'application/vnd.code.notebook.stdout');
  }
  static stderr(value: string): NotebookCellOutputItem {
    return NotebookCellOutputItem.text(value, 'application/vnd.code.notebook.stderr');
  }
  static error(e: { name: string; message: string; stack?: string }): NotebookCellOutputItem {
    return NotebookCellOutputItem.json(
      { name: e.name, message: e.message, stack: e.stack },
      'application/vnd.code.notebook.error',
    );
  }
  /** Test helper: the item's text. */
  get textValue(): string {
    return new TextDecoder().decode(this.data);
  }
}

export class NotebookCellOutput {
  constructor(
    public items: NotebookCellOutputItem[],
    public metadata?: Record<string, unknown>,
  ) {}
}

export class NotebookCellData {
  metadata?: Record<string, unknown>;
  outputs?: NotebookCellOutput[];
  constructor(
    public kind: NotebookCellKind,
    public value: string,
    public languageId: string,
  ) {}
}

export class NotebookData {
  metadata?: Record<string, unknown>;
  constructor(public cells: NotebookCellData[]) {}
}

export interface StubCell {
  index: number;
  kind: NotebookCellKind;
  document: { getText(): string; languageId: string };
  outputs: NotebookCellOutput[];
  executionSummary?: { executionOrder?: number; success?: boolean };
  notebook?: StubNotebook;
}
export interface StubNotebook {
  uri: Uri;
  notebookType: string;
  metadata: Record<string, unknown>;
  cells: StubCell[];
  getCells(): StubCell[];
  cellAt(i: number): StubCell;
  cellCount: number;
}

export function __notebook(uri: Uri, data: NotebookData, notebookType = 'jupyter-notebook'): StubNotebook {
  const nb: StubNotebook = {
    uri,
    notebookType,
    metadata: data.metadata ?? {},
    cells: [],
    getCells: () => nb.cells,
    cellAt: (i) => nb.cells[i],
    get cellCount() {
      return nb.cells.length;
    },
  };
  nb.cells = data.cells.map((c, index) => ({
    index,
    kind: c.kind,
    outputs: [],
    notebook: nb,
    document: { getText: () => c.value, languageId: c.languageId },
  }));
  return nb;
}

export class CancellationTokenSource {
  private emitter = new EventEmitter<void>();
  isCancellationRequested = false;
  token = { isCancellationRequested: false, onCancellationRequested: this.emitter.event };
  cancel(): void {
    this.token.isCancellationRequested = true;
    this.emitter.fire();
  }
}

export class StubExecution {
  executionOrder?: number;
  started?: number;
  ended?: { success: boolean | undefined; at?: number };
  readonly tokenSource = new CancellationTokenSource();
  constructor(readonly cell: StubCell) {}
  get token() {
    return this.tokenSource.token;
  }
  start(t?: number): void {
    if (this.started !== undefined) throw new Error('execution already started');
    this.started = t ?? Date.now();
  }
  end(success: boolean | undefined, at?: number): void {
    if (this.started === undefined) throw new Error('execution ended before start');
    if (this.ended) throw new Error('execution already ended');
    this.ended = { success, at };
    this.cell.executionSummary = { executionOrder: this.executionOrder, success };
  }
  async clearOutput(): Promise<void> {
    this.cell.outputs = [];
  }
  async replaceOutput(out: NotebookCellOutput | NotebookCellOutput[]): Promise<void> {
    this.cell.outputs = Array.isArray(out) ? [...out] : [out];
  }
  async appendOutput(out: NotebookCellOutput | NotebookCellOutput[]): Promise<void> {
    this.cell.outputs.push(...(Array.isArray(out) ? out : [out]));
  }
  async appendOutputItems(
    items: NotebookCellOutputItem | NotebookCellOutputItem[],
    output: NotebookCellOutput,
  ): Promise<void> {
    this.requireOutput(output);
    output.items.push(...(Array.isArray(items) ? items : [items]));
  }
  /** Calls of replaceOutputItems, for tests. */
  readonly replacedItems: { output: NotebookCellOutput; items: NotebookCellOutputItem[] }[] = [];
  async replaceOutputItems(
    items: NotebookCellOutputItem | NotebookCellOutputItem[],
    output: NotebookCellOutput,
  ): Promise<void> {
    this.requireOutput(output);
    output.items = Array.isArray(items) ? [...items] : [items];
    this.replacedItems.push({ output, items: output.items });
  }
  /** Like VS Code: items can only be changed on an output the cell currently shows. */
  private requireOutput(output: NotebookCellOutput): void {
    if (!this.cell.outputs.includes(output)) throw new Error('output not found in the cell');
  }
}

export class StubController {
  supportedLanguages?: string[];
  supportsExecutionOrder?: boolean;
  description?: string;
  detail?: string;
  executeHandler: (cells: StubCell[], nb: StubNotebook, c: StubController) => unknown = () => undefined;
  interruptHandler?: (nb: StubNotebook) => unknown;
  readonly affinities = new Map<string, NotebookControllerAffinity>();
  readonly executions: StubExecution[] = [];
  disposed = false;
  private active = new Set<StubCell>();
  constructor(
    readonly id: string,
    readonly notebookType: string,
    public label: string,
  ) {}
  createNotebookCellExecution(cell: StubCell): StubExecution {
    if (this.active.has(cell)) throw new Error('a cell execution is already active for this cell');
    const e = new StubExecution(cell);
    this.active.add(cell);
    const end = e.end.bind(e);
    e.end = (s, t) => {
      this.active.delete(cell);
      end(s, t);
    };
    this.executions.push(e);
    return e;
  }
  updateNotebookAffinity(nb: StubNotebook, a: NotebookControllerAffinity): void {
    this.affinities.set(nb.uri.toString(), a);
  }
  dispose(): void {
    this.disposed = true;
  }
}

const state = {
  controllers: [] as StubController[],
  commands: new Map<string, (...a: unknown[]) => unknown>(),
  executed: [] as { id: string; args: unknown[] }[],
  opened: [] as StubNotebook[],
  shown: [] as StubNotebook[],
  messages: [] as string[],
  quickPick: null as null | ((items: unknown[]) => unknown),
  onOpen: new EventEmitter<StubNotebook>(),
  onClose: new EventEmitter<StubNotebook>(),
  notebookDocuments: [] as StubNotebook[],
  activeNotebookEditor: undefined as undefined | { notebook: StubNotebook },
  untitled: 0,
};
export const __state = state;
export function __reset(): void {
  state.controllers = [];
  state.commands.clear();
  state.executed = [];
  state.opened = [];
  state.shown = [];
  state.messages = [];
  state.quickPick = null;
  state.onOpen = new EventEmitter();
  state.onClose = new EventEmitter();
  state.notebookDocuments = [];
  state.activeNotebookEditor = undefined;
}

export const notebooks = {
  createNotebookController(id: string, type: string, label: string): StubController {
    const c = new StubController(id, type, label);
    state.controllers.push(c);
    return c;
  },
};

export const workspace = {
  onDidOpenNotebookDocument: (l: Listener<StubNotebook>) => state.onOpen.event(l),
  onDidCloseNotebookDocument: (l: Listener<StubNotebook>) => state.onClose.event(l),
  get notebookDocuments() {
    return state.notebookDocuments;
  },
  workspaceFolders: undefined as undefined | { uri: Uri }[],
  async openNotebookDocument(type: string, data: NotebookData): Promise<StubNotebook> {
    const nb = __notebook(Uri.parse(`untitled:Untitled-${++state.untitled}.ipynb`), data, type);
    state.opened.push(nb);
    state.notebookDocuments.push(nb);
    state.onOpen.fire(nb);
    return nb;
  },
  fs: {
    async readDirectory(uri: Uri): Promise<[string, number][]> {
      return fs.readdirSync(uri.fsPath).map((f) => [f, 1]);
    },
    async readFile(uri: Uri): Promise<Uint8Array> {
      return fs.readFileSync(uri.fsPath);
    },
  },
};

export const window = {
  async showNotebookDocument(nb: StubNotebook) {
    state.shown.push(nb);
    state.activeNotebookEditor = { notebook: nb };
    return { notebook: nb };
  },
  async showQuickPick(items: unknown[]) {
    return state.quickPick ? state.quickPick(items) : undefined;
  },
  async showInformationMessage(m: string) {
    state.messages.push(m);
    return undefined;
  },
  get activeNotebookEditor() {
    return state.activeNotebookEditor;
  },
};

export const commands = {
  registerCommand(id: string, fn: (...a: unknown[]) => unknown) {
    state.commands.set(id, fn);
    return new Disposable(() => state.commands.delete(id));
  },
  async executeCommand(id: string, ...args: unknown[]) {
    state.executed.push({ id, args });
    const fn = state.commands.get(id);
    return fn ? fn(...args) : undefined;
  },
};
