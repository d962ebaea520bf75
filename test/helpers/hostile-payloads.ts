/** Payload variants for the escaping tests: one node of a display payload replaced by markup (issue 16). */

/** Markup that runs script if it ever becomes live: counts in `window.__pwned` and opens a dialog. */
export const LIVE_MARKUP = [
  '<img src=x onerror="window.__pwned=(window.__pwned||0)+1;alert(1)">',
  '"><img src=x onerror="window.__pwned=(window.__pwned||0)+1;alert(1)">',
  "'><svg onload='window.__pwned=(window.__pwned||0)+1;alert(1)'>",
  'javascript:window.__pwned=1;alert(1)',
];

/**
 * Copies of `x` with one node replaced by `attack` (a list or object node also by `[attack]`), one copy per
 * node, at most `cap`; `kind` and `schema` keep their values (they select the renderer).
 */
export function leafVariants(x: unknown, attack: string, cap = 400): unknown[] {
  const out: unknown[] = [];
  const walk = (node: unknown, set: (v: unknown) => unknown): void => {
    if (out.length >= cap) return;
    if (typeof node === 'string' || typeof node === 'number' || typeof node === 'boolean') {
      out.push(set(attack));
      return;
    }
    // a list or object where the renderer expects one: the markup itself, or a list holding it
    if (node !== null && typeof node === 'object') out.push(set(attack), set([attack]));
    if (Array.isArray(node)) node.forEach((v, k) => walk(v, (nv) => set(node.map((w, j) => (j === k ? nv : w)))));
    else if (node && typeof node === 'object')
      for (const key of Object.keys(node)) {
        if (key === 'kind' || key === 'schema') continue;
        walk((node as Record<string, unknown>)[key], (nv) => set({ ...(node as object), [key]: nv }));
      }
  };
  walk(x, (v) => v);
  return out;
}
