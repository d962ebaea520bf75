/**
 * The subset of the VS Code notebook renderer API (`vscode-notebook-renderer` 1.72) the renderer uses,
 * declared here so the renderer needs no extra type package.
 */
export interface OutputItem {
  readonly id: string;
  readonly mime: string;
  readonly metadata?: unknown;
  text(): string;
  json(): any; // eslint-disable-line @typescript-eslint/no-explicit-any
  data(): Uint8Array;
}

export interface RendererContext<TState = unknown> {
  getState?(): TState | undefined;
  setState?(state: TState): void;
  readonly workspace?: { readonly isTrusted: boolean };
}

export interface RendererApi {
  renderOutputItem(item: OutputItem, element: HTMLElement, signal?: AbortSignal): void | Promise<void>;
  disposeOutputItem?(id?: string): void;
}

export type ActivationFunction<TState = unknown> = (ctx: RendererContext<TState>) => RendererApi;
