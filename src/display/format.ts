/** Formatting shared by the HTML, the text form and the renderer: exact numbers, number labels and headings. */
import { approx } from './payload';

/** An exact number as the library writes it: an integer or a fraction of integers (`-5/2`). */
export const isExact = (s: string): boolean => /^-?\d+(\/\d+)?$/.test(s);

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

/** Three significant digits (`0.0385`, `1.23e-30`, `1.44e+17`), for a decimal shown beside an exact number. */
export function shortDecimal(x: string): string {
  // a part longer than a double's digits would round to Infinity or 0 in approx
  const v = x.split('/').some((part) => part.replace('-', '').length > 15) ? leadingDigits(x) : approx(x);
  if (!Number.isFinite(v)) return x;
  const r = Number(v.toPrecision(3));
  // ten digits or more as a power of ten (`1.44e+17`, not 144000000000000000); smaller integers as they are
  if (Math.abs(r) >= 1e9) return r.toExponential(2).replace(/\.?0+e/, 'e');
  return Number.isSafeInteger(v) ? String(v) : String(r);
}

/** p/q from the leading 17 digits of each and their lengths: a ratio of integers too long for a double. */
function leadingDigits(x: string): number {
  const [p, q = '1'] = x.split('/');
  const negative = p.startsWith('-');
  const digits = negative ? p.slice(1) : p;
  const head = (t: string) => Number(t.slice(0, 17));
  const exponent = digits.length - Math.min(17, digits.length) - (q.length - Math.min(17, q.length));
  return (((negative ? -1 : 1) * head(digits)) / head(q)) * 10 ** exponent;
}

/**
 * An exact number for text: as written when short, with a short decimal beside it when it has more than 14
 * characters (`38468101589/1000000000000 ≈ 0.0385`); anything else as written.
 */
export function withDecimal(x: string): string {
  return x.length > 14 && isExact(x) ? `${x} ≈ ${shortDecimal(x)}` : x;
}
