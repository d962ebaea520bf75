/**
 * `display(x)` / `show(x)`: emit a value's rich output from notebook code, wherever it runs.
 *
 * * In fairdiv's own kernel (VS Code extension, `fairdiv run`, `npm start`): through the global hook
 *   the kernel installs (`__fairdivKernelDisplay__`, see kernel/protocol.ts `DISPLAY_HOOK`): one output
 *   with the items `[application/vnd.fairdiv.<kind>+json, text/html, text/plain]`.
 * * Under tslab (Jupyter): the full bundle through tslab's internal `lastWriteDisplayData` when it is
 *   there (feature-detected), else the HTML item through `tslab.display.html`.
 * * Anywhere else (plain Node, a REPL): the text item on stdout.
 *
 * `display` returns nothing (so `display(x)` as a cell's last line adds no second output);
 * `displayTo` does the same and says where the output went. Never throws for a value without a rich
 * display (text is used).
 */
import * as util from 'node:util';
import { toMimeBundle, type DisplayOptions } from './index';

/** Must equal `DISPLAY_HOOK` in kernel/protocol.ts (checked by test/kernel/hooks.test.ts). */
export const KERNEL_DISPLAY_HOOK = '__fairdivKernelDisplay__';

export type DisplayTarget = 'kernel' | 'tslab' | 'tslab-html' | 'text';

type Bundle = { data: Record<string, unknown>; kind: string | null };
type TslabRequire = (id: string) => unknown;
type WriteDisplayData = (
  msg: { data: Record<string, unknown>; metadata: Record<string, unknown>; transient: Record<string, unknown> },
  update: boolean,
) => void;

/** The one call site that turns a value into a bundle (falls back to inspect text). */
function bundleOf(x: unknown, opts?: DisplayOptions): Bundle {
  try {
    const b = toMimeBundle(x, opts);
    if (b && b.data && Object.keys(b.data).length > 0) return { data: b.data, kind: b.kind };
  } catch {
    // fall back to text below
  }
  return { data: { 'text/plain': util.inspect(x, { depth: 6 }) }, kind: null };
}

function tslabRequire(): TslabRequire | null {
  const t = (globalThis as { __tslab__?: { require?: unknown } }).__tslab__;
  return t && typeof t.require === 'function' ? (t.require as TslabRequire) : null;
}

function tryRequire(req: TslabRequire | null, id: string): unknown {
  const attempts: TslabRequire[] = [];
  if (req) attempts.push(req);
  attempts.push((s) => require(s));
  for (const r of attempts) {
    try {
      const m = r(id);
      if (m) return m;
    } catch {
      // not resolvable from here
    }
  }
  return null;
}

/** Displays a value as rich output (see the module comment). */
export function display(x: unknown, opts?: DisplayOptions): void {
  displayTo(x, opts);
}

/** `display`, returning where the output went. */
export function displayTo(x: unknown, opts?: DisplayOptions): DisplayTarget {
  const bundle = bundleOf(x, opts);
  const hook = (globalThis as Record<string, unknown>)[KERNEL_DISPLAY_HOOK];
  if (typeof hook === 'function') {
    (hook as (value: unknown, bundle: Bundle) => void)(x, bundle);
    return 'kernel';
  }
  const req = tslabRequire();
  if (req) {
    const jupyter = tryRequire(req, 'tslab/dist/jupyter') as { lastWriteDisplayData?: unknown } | null;
    if (jupyter && typeof jupyter.lastWriteDisplayData === 'function') {
      try {
        (jupyter.lastWriteDisplayData as WriteDisplayData)({ data: bundle.data, metadata: {}, transient: {} }, false);
        return 'tslab';
      } catch {
        // fall back to HTML
      }
    }
    const tslab = tryRequire(req, 'tslab') as { display?: { html?: (s: string) => void } } | null;
    const html = bundle.data['text/html'];
    if (tslab?.display?.html && typeof html === 'string') {
      try {
        tslab.display.html(html);
        return 'tslab-html';
      } catch {
        // fall back to text
      }
    }
  }
  const text = bundle.data['text/plain'];
  process.stdout.write((typeof text === 'string' ? text : util.inspect(x)) + '\n');
  return 'text';
}

/** Alias of `display`. */
export const show = display;
