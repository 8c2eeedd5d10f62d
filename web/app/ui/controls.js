// Small builders for labelled, keyboard-usable form controls.
import { PARAM_TEXT } from '../content/functions.es.js';
import { formatNumber } from '../format.js';

let counter = 0;
const uid = (base) => `${base}-${++counter}`;

export function el(tag, attrs = {}, children = []) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'text') node.textContent = value;
    else if (key === 'class') node.className = value;
    else node.setAttribute(key, value === true ? '' : value);
  }
  node.append(...children);
  return node;
}

/**
 * A control's label; a trailing «(negative_slope)», the Keras argument's name, is code, read as
 * English rather than spelt out by a Spanish voice. Spanish words in brackets («(capas)») are not.
 */
function labelFor(id, text) {
  const [, before, name] = /^(.*\()([a-z][a-z_]*)\)$/.exec(text) ?? [];
  if (!Object.hasOwn(PARAM_TEXT, name ?? '')) return el('label', { for: id, text });
  return el('label', { for: id }, [before, el('code', { lang: 'en', text: name }), ')']);
}

/**
 * A labelled range slider showing its value. `toSlider`/`fromSlider` map the state's value to
 * the slider's position and back (a logarithmic slider, for instance). A screen reader hears
 * `describe(v)` (by default the shown value) from the slider itself; the <output> beside it is
 * hidden from it, so that each step is spoken once.
 */
export function sliderControl({
  name,
  label,
  min,
  max,
  step,
  value,
  format = (v) => formatNumber(v, 2),
  toSlider = (v) => v,
  fromSlider = (v) => v,
  describe = format,
  onInput,
}) {
  const id = uid(name);
  const input = el('input', { id, name, type: 'range', min, max, step, value: toSlider(value) });
  const output = el('output', { for: id, class: 'control-value', 'aria-hidden': 'true' });
  const show = (v) => {
    output.textContent = format(v);
    input.setAttribute('aria-valuetext', describe(v));
  };
  show(value);
  input.addEventListener('input', () => {
    const v = fromSlider(Number(input.value));
    show(v);
    onInput(v);
  });
  const element = el('div', { class: 'control control-slider' }, [
    labelFor(id, label),
    input,
    output,
  ]);
  return {
    element,
    input,
    set(v) {
      input.value = String(toSlider(v));
      show(v);
    },
    setRange(lo, hi) {
      input.min = String(lo);
      input.max = String(hi);
    },
  };
}

export function checkboxControl({ name, label, checked, onChange, className = '' }) {
  const id = uid(name);
  const input = el('input', { id, name, type: 'checkbox', checked });
  input.addEventListener('change', () => onChange(input.checked));
  const element = el('div', { class: `control control-check ${className}`.trim() }, [
    input,
    labelFor(id, label),
  ]);
  return {
    element,
    input,
    set(v) {
      input.checked = v;
    },
  };
}

/** `ariaLabel`: a name that says more than the visible text (which it must contain). */
export function buttonControl({ label, title, ariaLabel, onClick, className = 'button-link' }) {
  const button = el('button', {
    type: 'button',
    class: className,
    text: label,
    title,
    'aria-label': ariaLabel,
  });
  button.addEventListener('click', onClick);
  return button;
}

export function fieldset(legend, children = [], className = '') {
  return el('fieldset', { class: `control-group ${className}`.trim() }, [
    el('legend', { text: legend }),
    ...children,
  ]);
}

const SVG = 'http://www.w3.org/2000/svg';

/** A short line sample in a curve's colour and dash pattern, for legends and checkboxes. */
export function lineSwatch(color, dash = []) {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', 'swatch');
  svg.setAttribute('width', '30');
  svg.setAttribute('height', '10');
  svg.setAttribute('aria-hidden', 'true');
  const line = document.createElementNS(SVG, 'line');
  for (const [k, v] of Object.entries({ x1: 1, y1: 5, x2: 29, y2: 5, 'stroke-width': 2.5 })) {
    line.setAttribute(k, String(v));
  }
  svg.append(line);
  const set = (c, d) => {
    line.setAttribute('stroke', c);
    if (d.length) line.setAttribute('stroke-dasharray', d.join(' '));
    else line.removeAttribute('stroke-dasharray');
  };
  set(color, dash);
  return { element: svg, set };
}

/** A group of radio buttons; `options` is [{ value, label }]. */
export function radioControl({ name, legend, options, value, onChange }) {
  const group = uid(name); // one name for the whole group: that is what makes it a radio group
  const inputs = options.map((o) => {
    const id = uid(`${name}-${o.value}`);
    const input = el('input', { id, type: 'radio', name: group, value: o.value });
    input.checked = o.value === value;
    input.addEventListener('change', () => input.checked && onChange(o.value));
    return {
      input,
      element: el('div', { class: 'control control-check' }, [
        input,
        el('label', { for: id, text: o.label }),
      ]),
    };
  });
  return {
    element: fieldset(
      legend,
      inputs.map((i) => i.element),
    ),
    set(v) {
      for (const { input } of inputs) input.checked = input.value === v;
    },
  };
}

/** A labelled <select>; `options` is [{ value, label }]. */
export function selectControl({ name, label, options, value, onChange }) {
  const id = uid(name);
  const select = el('select', { id, name });
  for (const o of options) select.append(el('option', { value: o.value, text: o.label }));
  select.value = value;
  select.addEventListener('change', () => onChange(select.value));
  const element = el('div', { class: 'control' }, [el('label', { for: id, text: label }), select]);
  return {
    element,
    input: select,
    set(v) {
      select.value = v;
    },
  };
}
