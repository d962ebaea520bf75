/**
 * fairdiv notebook renderer: one renderer for every `application/vnd.fairdiv.<kind>+json` output.
 *
 * Tables are drawn from the payload with the same HTML builders as the `text/html` fallback
 * (src/display/html), themed with VS Code's `--vscode-*` colours. Charts (MMS histogram, simulation
 * curves) show the inline SVG at once and each SVG is replaced by a Plotly chart of the same axes (cartesian bundle,
 * loaded lazily from a separate chunk). All DOM work is scoped to the output element.
 */
import { payloadBody, STYLE } from '../src/display/html';
import { kindOfMime, PAYLOAD_VERSION, type Payload } from '../src/display/payload';
import { enhanceMixed } from './mixed';
import type { ActivationFunction, OutputItem } from './renderer-api';

/** Renderer-only style additions (scoped like the fallback's stylesheet). */
const RENDERER_STYLE = `<style>
.fd-output .fairdiv[data-kind]{--fd-line:var(--vscode-editorWidget-border,var(--vscode-panel-border,rgba(128,128,128,.32)));--fd-soft:var(--vscode-editor-inactiveSelectionBackground,rgba(128,128,128,.10))}
.fd-output .fd-plotly{display:inline-block}
.fd-output .fd-error{color:var(--vscode-errorForeground,#e03131);font-family:var(--vscode-editor-font-family,monospace);white-space:pre-wrap}
</style>`;

type Charts = typeof import('./charts');
let chartsModule: Promise<Charts> | null = null;
function loadCharts(): Promise<Charts> {
  chartsModule ??= import('./charts');
  return chartsModule;
}

/** Plotly divs per output id, for purge on dispose. */
const plots = new Map<string, HTMLElement[]>();

function versionOf(p: Payload): number {
  const m = /@(\d+)$/.exec(String(p.schema));
  return m ? Number(m[1]) : PAYLOAD_VERSION;
}

function errorBox(element: HTMLElement, message: string): void {
  const div = document.createElement('div');
  div.className = 'fd-error';
  div.textContent = `fairdiv renderer: ${message}`;
  element.appendChild(div);
}

/**
 * Replaces each inline SVG chart of a histogram or curve output by a Plotly chart of the same frame, drawn from the
 * same axes (src/display/chart-model.ts); captions and legends stay the fallback's HTML.
 */
async function upgradeChart(id: string, root: HTMLElement, p: Payload, signal?: AbortSignal): Promise<void> {
  if (p.kind !== 'mms-histogram' && p.kind !== 'simulation') return;
  const holder = root.querySelector<HTMLElement>('.fd-chart');
  if (!holder) return;
  const svgs = Array.from(holder.querySelectorAll<SVGElement>('svg.fd-svg'));
  if (!svgs.length) return;
  holder.dataset.plotly = 'loading';
  try {
    const charts = await loadCharts();
    if (signal?.aborted || !root.isConnected) return;
    const drawn: HTMLElement[] = [];
    for (const [k, svg] of svgs.entries()) {
      const div = document.createElement('div');
      div.className = 'fd-plotly';
      svg.after(div);
      if (p.kind === 'mms-histogram') await charts.drawHistogram(div, p);
      else await charts.drawPanel(div, p, k);
      svg.remove();
      drawn.push(div);
    }
    holder.dataset.plotly = 'ready';
    plots.set(id, [...(plots.get(id) ?? []), ...drawn]);
  } catch (e) {
    // Keep the inline SVG when Plotly cannot load.
    holder.dataset.plotly = 'failed';
    holder.title = `interactive chart unavailable: ${(e as Error)?.message ?? e}`;
  }
}

function dispose(id?: string): void {
  const ids = id === undefined ? [...plots.keys()] : [id];
  for (const k of ids) {
    const divs = plots.get(k);
    plots.delete(k);
    if (!divs?.length) continue;
    void loadCharts().then((c) => divs.forEach((d) => c.purge(d)));
  }
}

export const activate: ActivationFunction = () => ({
  async renderOutputItem(item: OutputItem, element: HTMLElement, signal?: AbortSignal) {
    dispose(item.id);
    element.replaceChildren();
    const kind = kindOfMime(item.mime);
    let p: Payload;
    try {
      p = item.json() as Payload;
    } catch (e) {
      errorBox(element, `invalid JSON in ${item.mime}: ${(e as Error).message}`);
      return;
    }
    if (!p || typeof p !== 'object' || !kind || p.kind !== kind) {
      errorBox(element, `unexpected payload for ${item.mime}`);
      return;
    }
    const root = document.createElement('div');
    root.className = 'fd-output';
    root.dataset.kind = kind;
    let body: string;
    try {
      body = payloadBody(p);
    } catch (e) {
      errorBox(element, `cannot render ${kind} payload (${String(p.schema)}): ${(e as Error).message}`);
      return;
    }
    root.innerHTML = STYLE + RENDERER_STYLE + body;
    if (versionOf(p) > PAYLOAD_VERSION) {
      const note = document.createElement('div');
      note.className = 'fd-muted';
      note.textContent = `(${String(p.schema)} is newer than this renderer; some fields may be missing)`;
      root.prepend(note);
    }
    element.appendChild(root);
    if (p.kind === 'mixed') enhanceMixed(root, p);
    await upgradeChart(item.id, root, p, signal);
  },
  disposeOutputItem(id?: string) {
    dispose(id);
  },
});
