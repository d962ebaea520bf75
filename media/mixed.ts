/**
 * Renderer behaviour of the `mixed` kind: the support rows of a mixed lottery become buttons; choosing one
 * shows that allocation in the matrix (indivisible owners, exact fractions of the divisible goods) instead of
 * the marginals, and choosing it again (or "show marginals") goes back. The matrix is rebuilt with the same
 * escaped builder as the HTML fallback (src/display/html/mixed.ts); labels are set as text, never as markup.
 */
import { mixedMatrixHtml } from '../src/display/html/mixed';
import type { MixedPayload } from '../src/display/payload';

/** Wires the support rows of a rendered mixed payload (a single allocation has none: nothing to do). */
export function enhanceMixed(root: HTMLElement, p: MixedPayload): void {
  const holder = root.querySelector<HTMLElement>('.fd-mixed-matrix');
  const label = root.querySelector<HTMLElement>('.fd-mixed-view');
  const view = root.querySelector<HTMLElement>('.fd-mixed');
  const rows = Array.from(root.querySelectorAll<HTMLTableRowElement>('tr[data-support]'));
  if (!holder || !label || !view || rows.length < 2) return;
  const marginalsLabel = Array.from(label.childNodes).map((n) => n.cloneNode(true));
  let selected: number | null = null;

  const show = (k: number | null): void => {
    selected = k;
    holder.innerHTML = mixedMatrixHtml(p, k);
    view.dataset.view = k === null ? 'marginals' : `allocation-${k}`;
    rows.forEach((r, j) => {
      r.setAttribute('aria-pressed', String(j === k));
      r.style.outline = j === k ? '2px solid var(--fd-accent)' : '';
      r.style.outlineOffset = '-2px';
    });
    if (k === null) {
      label.replaceChildren(...marginalsLabel.map((n) => n.cloneNode(true)));
      return;
    }
    const back = document.createElement('button');
    back.type = 'button';
    back.className = 'fd-mixed-reset';
    back.textContent = 'show marginals';
    back.style.cssText = 'margin-left:8px;font:inherit;font-weight:400;font-size:.9em;cursor:pointer';
    back.addEventListener('click', () => show(null));
    const note = document.createElement('span');
    note.className = 'fd-muted';
    note.style.fontWeight = '400';
    note.textContent = ` (p = ${String(p.support[k]?.p)}; 1 = holds the good, a divisible good shows the fraction held)`;
    label.replaceChildren(document.createTextNode(`Allocation ${k + 1}`), note, back);
  };

  rows.forEach((r, k) => {
    r.tabIndex = 0;
    r.setAttribute('role', 'button');
    r.setAttribute('aria-pressed', 'false');
    r.title = 'show this allocation in the matrix';
    r.style.cursor = 'pointer';
    const toggle = () => {
      try {
        show(selected === k ? null : k);
      } catch (e) {
        // A malformed support entry: keep the matrix shown and say why on the row.
        r.title = `cannot show this allocation: ${(e as Error)?.message ?? e}`;
      }
    };
    r.addEventListener('click', toggle);
    r.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        toggle();
      }
    });
  });
  view.dataset.view = 'marginals';
}
