/**
 * The one place where a value becomes a MIME bundle in the kernel: the library's `toMimeBundle`
 * (src/display) when the value is one of ours, `util.inspect` text otherwise.
 */
import * as path from 'node:path';
import * as util from 'node:util';
import type { MimeBundle } from './protocol';

export interface RenderedValue {
  readonly data: MimeBundle;
  readonly kind?: string;
}

export type ToMimeBundle = (x: unknown) => { data?: Record<string, unknown>; kind?: string } | null | undefined;

let cached: ToMimeBundle | null | undefined;

/**
 * Finds `toMimeBundle` in the library module (its index, or the sibling display module). Looked up once
 * per process: the kernel's library path is fixed.
 */
export function findToMimeBundle(libraryPath: string, load: (p: string) => unknown): ToMimeBundle | null {
  if (cached !== undefined) return cached;
  cached = null;
  const candidates = [libraryPath, path.join(path.dirname(libraryPath), 'display')];
  for (const c of candidates) {
    try {
      const m = load(c) as { toMimeBundle?: unknown } | null;
      if (m && typeof m.toMimeBundle === 'function') {
        cached = m.toMimeBundle as ToMimeBundle;
        break;
      }
    } catch {
      // not there (yet): fall back to text
    }
  }
  return cached;
}

/** `util.inspect` text of a value; a value whose inspection throws (a custom inspector, a Proxy) is named as such. */
export function inspectText(value: unknown): string {
  try {
    return typeof value === 'string'
      ? util.inspect(value)
      : util.inspect(value, { depth: 6, colors: false, maxArrayLength: 200 });
  } catch (e) {
    let why = 'it throws';
    try {
      why = `${(e as Error).message}`;
    } catch {
      // the error itself cannot be read
    }
    return `(a value that cannot be inspected: ${why})`;
  }
}

/** Ensures a bundle is plain JSON (the IPC channel and nbformat need it). */
function plain(bundle: Record<string, unknown>): MimeBundle {
  const out: MimeBundle = {};
  for (const [mime, v] of Object.entries(bundle)) {
    if (v === undefined) continue;
    out[mime] = typeof v === 'string' ? v : JSON.parse(JSON.stringify(v));
  }
  return out;
}

/**
 * Renders a value. `given` is a bundle already computed by the library (`display(x)` passes its own).
 * Library values: `[application/vnd.fairdiv.<kind>+json, text/html, text/plain]`; anything else:
 * `text/plain` from `util.inspect`. `loadToMimeBundle` is called only for objects and functions (the
 * only values that can be ours), so primitives never load the library.
 */
export function renderValue(
  value: unknown,
  loadToMimeBundle: (() => ToMimeBundle | null) | null,
  given?: unknown,
): RenderedValue {
  const fromBundle = (b: unknown): RenderedValue | null => {
    if (!b || typeof b !== 'object') return null;
    const bb = b as { data?: unknown; kind?: unknown };
    if (!bb.data || typeof bb.data !== 'object' || Object.keys(bb.data).length === 0) return null;
    const data = plain(bb.data as Record<string, unknown>);
    if (!('text/plain' in data)) data['text/plain'] = inspectText(value);
    return { data, ...(typeof bb.kind === 'string' ? { kind: bb.kind } : {}) };
  };
  try {
    const r = fromBundle(given);
    if (r) return r;
  } catch {
    // fall through
  }
  const isObject = (typeof value === 'object' && value !== null) || typeof value === 'function';
  const toMimeBundle = isObject && loadToMimeBundle ? loadToMimeBundle() : null;
  if (toMimeBundle) {
    try {
      const r = fromBundle(toMimeBundle(value));
      if (r) return r;
    } catch {
      // a value the display layer does not know: text
    }
  }
  return { data: { 'text/plain': inspectText(value) } };
}
