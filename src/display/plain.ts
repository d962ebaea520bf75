/**
 * Normalises arbitrary plain data (trace steps, checker details, witnesses) into `PlainNode`s:
 * Rationals as exact strings, rectangular arrays of scalars as matrices, arrays of like objects as
 * tables, other arrays as lists, objects as key/values. Indices under keys naming agents or goods are
 * replaced by names when the instance is known.
 */
import { Rational } from '../core/rational';
import type { PlainNode } from './payload';

export interface PlainContext {
  agents?: readonly string[];
  goods?: readonly string[];
}

const AGENT_KEYS = new Set(['agent', 'envious', 'envied', 'chooser', 'cutter', 'from', 'to']);
const GOOD_KEYS = new Set(['good', 'finished', 'removed', 'item']);
const MAX_ITEMS = 200;
const MAX_DEPTH = 6;

function isRationalLike(x: unknown): x is Rational {
  return (
    x instanceof Rational ||
    (x !== null &&
      typeof x === 'object' &&
      typeof (x as Rational).num === 'bigint' &&
      typeof (x as Rational).den === 'bigint')
  );
}

/** A scalar's display string, or null when x is not a scalar. */
export function scalarString(x: unknown): string | null {
  if (x === null) return 'null';
  if (x === undefined) return '';
  if (typeof x === 'string') return x;
  if (typeof x === 'number' || typeof x === 'boolean') return String(x);
  if (typeof x === 'bigint') return x.toString();
  if (isRationalLike(x)) return new Rational(x.num, x.den).toString();
  return null;
}

function named(key: string, x: unknown, ctx: PlainContext): string | null {
  if (typeof x !== 'number' || !Number.isInteger(x)) return null;
  if (AGENT_KEYS.has(key) && ctx.agents && x >= 0 && x < ctx.agents.length) return ctx.agents[x];
  if (GOOD_KEYS.has(key) && ctx.goods && x >= 0 && x < ctx.goods.length) return ctx.goods[x];
  return null;
}

function unwrap(x: unknown): unknown {
  if (
    x !== null &&
    typeof x === 'object' &&
    !Array.isArray(x) &&
    !isRationalLike(x) &&
    typeof (x as { toJSON?: unknown }).toJSON === 'function'
  ) {
    return (x as { toJSON(): unknown }).toJSON();
  }
  return x;
}

function isPlainObject(x: unknown): x is Record<string, unknown> {
  return x !== null && typeof x === 'object' && !Array.isArray(x) && !isRationalLike(x);
}

/** Converts plain data to a display node. */
export function toPlain(x: unknown, ctx: PlainContext = {}, depth = 0, key = ''): PlainNode {
  x = unwrap(x);
  const nm = named(key, x, ctx);
  if (nm !== null) return { t: 'text', value: nm };
  const s = scalarString(x);
  if (s !== null) return { t: 'text', value: s, ...(isRationalLike(x) ? { exact: true } : {}) };
  if (depth >= MAX_DEPTH) return { t: 'text', value: '…' };
  if (x instanceof Map) return toPlain(Object.fromEntries(x), ctx, depth, key);
  if (x instanceof Set) return toPlain([...x], ctx, depth, key);
  if (Array.isArray(x)) {
    const items = x.map(unwrap);
    // Matrix: every item an array of scalars of the same length.
    if (
      items.length > 0 &&
      items.every(
        (r) =>
          Array.isArray(r) &&
          r.length === (items[0] as unknown[]).length &&
          r.length > 0 &&
          r.every((c) => scalarString(unwrap(c)) !== null),
      )
    ) {
      const rows = (items as unknown[][])
        .slice(0, MAX_ITEMS)
        .map((r) => r.map((c) => scalarString(unwrap(c)) as string));
      const nr = items.length;
      const nc = (items[0] as unknown[]).length;
      return {
        t: 'matrix',
        rows,
        ...(ctx.agents && nr === ctx.agents.length ? { rowLabels: [...ctx.agents] } : {}),
        ...(ctx.goods && nc === ctx.goods.length ? { colLabels: [...ctx.goods] } : {}),
      };
    }
    // Table: every item an object with scalar values (same key set, in first-seen order).
    if (
      items.length > 0 &&
      items.every((r) => isPlainObject(r) && Object.values(r).every((c) => scalarString(unwrap(c)) !== null))
    ) {
      const columns: string[] = [];
      for (const r of items as Record<string, unknown>[])
        for (const k of Object.keys(r)) if (!columns.includes(k)) columns.push(k);
      const rows = (items as Record<string, unknown>[])
        .slice(0, MAX_ITEMS)
        .map((r) => columns.map((k) => named(k, unwrap(r[k]), ctx) ?? scalarString(unwrap(r[k])) ?? ''));
      return { t: 'table', columns, rows };
    }
    const list: PlainNode = { t: 'list', items: items.slice(0, MAX_ITEMS).map((c) => toPlain(c, ctx, depth + 1, key)) };
    if (items.length > MAX_ITEMS) list.omitted = items.length - MAX_ITEMS;
    return list;
  }
  if (isPlainObject(x)) {
    const entries = Object.entries(x)
      .filter(([, v]) => v !== undefined && typeof v !== 'function')
      .slice(0, MAX_ITEMS)
      .map(([k, v]): [string, PlainNode] => [k, toPlain(v, ctx, depth + 1, k)]);
    return { t: 'kv', entries };
  }
  return { t: 'text', value: String(x) };
}
