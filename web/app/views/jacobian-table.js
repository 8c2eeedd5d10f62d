// The softmax Jacobian as a small table, each cell tinted by its sign and size (blue negative,
// orange positive), with the diagonal outlined. Colours are set through the CSSOM, which the
// page's CSP allows (style attributes in markup it does not).
//
// A table wider than its box scrolls by whole columns (softmax.css sizes the box from --n and
// --chars) under a caption that stays put. While it scrolls, the box is focusable
// (ui/scrollables.js) and a hint below says so (softmax.css shows it only then).
import { formatCell, subscript } from '../format.js';
import { el } from '../ui/controls.js';
import { watchScrollableContent, watchScrollables } from '../ui/scrollables.js';

let captions = 0;

/** The note, caption, scrolling box and hint, made once per container and kept across renders. */
function frame(container) {
  const existing = container.querySelector('.jacobian-scroll');
  if (existing) return existing;
  const id = `jacobian-caption-${++captions}`;
  const scroller = el('div', { class: 'jacobian-scroll' });
  container.replaceChildren(
    el('p', { class: 'jacobian-note' }),
    el('p', { class: 'jacobian-caption', id }),
    scroller,
    el('p', {
      class: 'jacobian-hint',
      text: 'La tabla no cabe entera: desplázala hacia los lados para ver todas las columnas.',
    }),
  );
  watchScrollables(container);
  return scroller;
}

/**
 * `output` names what is differentiated: 's' for probabilities, 'ln s' for log-softmax, whose
 * Jacobian is a different matrix (its diagonal is 1 − sᵢ, not sᵢ(1 − sᵢ)). `bound` is the
 * least upper bound of |entry| at this temperature, written as `boundText`: tints are
 * relative to it, so a saturated softmax, whose entries are all tiny, looks pale.
 */
export function renderJacobian(container, jacobian, n, { note, output, bound, boundText }) {
  const derivative = output === 's' ? '∂sᵢ/∂zⱼ' : `∂(${output}ᵢ)/∂zⱼ`;
  const sub = (i) => subscript(i + 1);
  // The corner shows ∂(output)/∂z as a stacked fraction, narrow enough not to wrap; a screen
  // reader gets the one-line form.
  const numerator = `∂${output.length > 1 ? '\u2009' : ''}${output}ᵢ`;
  const corner = el('th', { scope: 'col' }, [
    el('span', { class: 'jacobian-fraction', 'aria-hidden': 'true' }, [
      el('span', { text: numerator }),
      el('span', { text: '∂zⱼ' }),
    ]),
    el('span', { class: 'visually-hidden', text: derivative }),
  ]);
  const header = el('tr', {}, [
    corner,
    ...Array.from({ length: n }, (_, j) => el('th', { scope: 'col', text: `z${sub(j)}` })),
  ]);
  let chars = 0;
  const rows = Array.from({ length: n }, (_, i) =>
    el('tr', {}, [
      el('th', { scope: 'row', text: `${output}${sub(i)}` }),
      ...Array.from({ length: n }, (_, j) => {
        const v = jacobian[i * n + j];
        const text = formatCell(v, 3);
        chars = Math.max(chars, text.length);
        const cell = el('td', {
          // A zero is neither sign: untinted, not the faintest orange.
          class: `${i === j ? 'diagonal ' : ''}${v < 0 ? 'negative' : v > 0 ? 'positive' : 'zero'}`,
          text,
        });
        cell.dataset.value = String(v);
        cell.style.setProperty('--strength', Math.min(1, Math.abs(v) / bound).toFixed(3));
        return cell;
      }),
    ]),
  );
  const scroller = frame(container);
  const table = el('table', { class: 'jacobian-table' }, [
    el('thead', {}, [header]),
    el('tbody', {}, rows),
  ]);
  scroller.previousElementSibling.textContent = `Matriz jacobiana ${derivative}`;
  table.setAttribute('aria-labelledby', scroller.previousElementSibling.id);
  // Every column as wide as the longest number: the box then holds a whole number of them.
  scroller.style.setProperty('--n', String(n));
  scroller.style.setProperty('--chars', String(chars));
  scroller.style.setProperty(
    '--head-chars',
    String(Math.max(numerator.length, `${output}₁`.length)),
  );
  const old = scroller.firstElementChild;
  scroller.replaceChildren(table);
  watchScrollableContent(table, old);
  // The colour key is hidden in forced colours, where the tints are gone (softmax.css).
  container.firstElementChild.replaceChildren(
    `${note} `,
    el('span', {
      class: 'jacobian-legend',
      text: `Naranja: positivo; azul: negativo; más intenso cerca de la cota, ±${boundText}.`,
    }),
  );
}
