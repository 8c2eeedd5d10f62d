// Small builders for labelled, keyboard-usable form controls.
import { formatNumber } from '../format.js';

let counter = 0;
const uid = (base) => `${base}-${++counter}`;

function el(tag, attrs = {}, children = []) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === 'text') node.textContent = value;
    else if (key === 'class') node.className = value;
    else node.setAttribute(key, value);
  }
  for (const child of children) node.append(child);
  return node;
}

/** A labelled <select>; `options` is [{ value, label }]. */
export function selectControl({ name, label, options, value, onChange }) {
  const id = uid(name);
  const select = el('select', { id, name });
  for (const o of options) select.append(el('option', { value: o.value, text: o.label }));
  select.value = value;
  select.addEventListener('change', () => onChange(select.value));
  const element = el('div', { class: 'control' }, [el('label', { for: id, text: label }), select]);
  return { element, input: select, set: (v) => (select.value = v) };
}

/** A labelled range slider with its value shown beside it (and announced by <output>). */
export function sliderControl({ name, label, min, max, step, value, digits = 2, onInput }) {
  const id = uid(name);
  const input = el('input', { id, name, type: 'range', min, max, step, value });
  const output = el('output', { for: id, class: 'control-value' });
  const show = (v) => {
    output.textContent = formatNumber(v, digits);
    input.setAttribute('aria-valuetext', formatNumber(v, digits));
  };
  show(value);
  input.addEventListener('input', () => {
    const v = Number(input.value);
    show(v);
    onInput(v);
  });
  const element = el('div', { class: 'control control-slider' }, [
    el('label', { for: id, text: label }),
    input,
    output,
  ]);
  return {
    element,
    input,
    set(v) {
      input.value = String(v);
      show(v);
    },
  };
}

export function buttonControl({ label, title, onClick }) {
  const button = el('button', { type: 'button', class: 'button-link', text: label });
  if (title) button.title = title;
  button.addEventListener('click', onClick);
  return button;
}

export function fieldset(legend, children = []) {
  return el('fieldset', { class: 'control-group' }, [el('legend', { text: legend }), ...children]);
}

export { el };
