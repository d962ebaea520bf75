/** Formatting shared by the HTML, the text form and the renderer: number labels and headings. */

/** A number's label, with its agent when the label does not name her (`own · bob`). */
export function numberLabel(n: { label?: unknown; agent?: unknown }): string {
  const label = String(n.label ?? '');
  return typeof n.agent === 'string' && !label.includes(n.agent) ? `${label} · ${n.agent}` : label;
}

/** A comparison side's label worth showing (not empty, not the number itself). */
export function sideLabel(n: { label?: unknown; value?: unknown }): boolean {
  return typeof n.label === 'string' && n.label !== '' && n.label !== String(n.value);
}

/**
 * A heading with its raw doubles rounded: a decimal with more than six significant digits (`0.30000000000000004`,
 * `0.8535533905932736`) becomes its six-digit form (`0.3`, `0.853553`). Exact numbers (`5/2`, `38468101589`) and
 * short decimals are kept as written.
 */
export function roundDoubles(text: string): string {
  return text.replace(/(?<![\w./])-?\d+\.\d+(?:e[+-]?\d+)?(?![\w/])/gi, (d) => {
    const digits = d.replace(/^-?0*\.?0*|e.*$|\./gi, '');
    return digits.length > 6 ? String(Number(Number(d).toPrecision(6))) : d;
  });
}
