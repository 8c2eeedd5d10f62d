// The softmax Jacobian as a small table, each cell tinted by its sign and size (blue negative,
// orange positive), with the diagonal outlined. Colours are set through the CSSOM, which the
// page's CSP allows (style attributes in markup it does not).
import { formatCell } from '../format.js';
import { el } from '../ui/controls.js';

export function renderJacobian(container, jacobian, n, explanation) {
  let scale = 0;
  for (const v of jacobian) scale = Math.max(scale, Math.abs(v));
  const sub = (i) => String(i + 1).replace(/\d/g, (d) => '₀₁₂₃₄₅₆₇₈₉'[d]);
  const header = el('tr', {}, [
    el('th', { scope: 'col', text: '∂sᵢ/∂zⱼ' }),
    ...Array.from({ length: n }, (_, j) => el('th', { scope: 'col', text: `z${sub(j)}` })),
  ]);
  const rows = Array.from({ length: n }, (_, i) =>
    el('tr', {}, [
      el('th', { scope: 'row', text: `s${sub(i)}` }),
      ...Array.from({ length: n }, (_, j) => {
        const v = jacobian[i * n + j];
        const cell = el('td', {
          class: `${i === j ? 'diagonal ' : ''}${v < 0 ? 'negative' : 'positive'}`,
          text: formatCell(v, 3),
        });
        cell.dataset.value = String(v);
        // Tint strength grows with |value| relative to the largest entry.
        cell.style.setProperty('--strength', scale > 0 ? (Math.abs(v) / scale).toFixed(3) : '0');
        return cell;
      }),
    ]),
  );
  const table = el('table', { class: 'jacobian-table' }, [
    el('caption', { text: 'Matriz jacobiana ∂sᵢ/∂zⱼ' }),
    el('thead', {}, [header]),
    el('tbody', {}, rows),
  ]);
  const note = el('p', {
    class: 'jacobian-note',
    text: `${explanation} Naranja: positivo; azul: negativo.`,
  });
  container.replaceChildren(note, table);
}
