// The function explorer: pick a function, set the z-range and its parameters, and see f and f'
// computed by the wasm core. Every handler does: mutate the state, write the URL, redraw.
import {
  FUNCTION_TEXT,
  LESSON_START,
  PARAM_TEXT,
  CONSTANT_TEXT,
  functionName,
} from './content/functions.es.js';
import { formatNumber } from './format.js';
import { readHash, writeHash } from './state/hash.js';
import { choiceProp, numberProp, readProps, writeProps } from './state/props.js';
import { buttonControl, el, fieldset, selectControl, sliderControl } from './ui/controls.js';
import { clearStatus, describeError, showStatus } from './ui/status.js';
import { CurveChart } from './views/curve-chart.js';

const ANCHOR = 'explorador';
const SAMPLES = 601;
const Z = { limit: 50, step: 0.5, start: 6 };

function grid(zmin, zmax) {
  const z = new Float64Array(SAMPLES);
  for (let i = 0; i < SAMPLES; i++) z[i] = zmin + ((zmax - zmin) * i) / (SAMPLES - 1);
  return z;
}

function paramProps(spec) {
  return spec.params.map((p) =>
    numberProp(p.name, {
      min: p.ui.min,
      max: p.ui.max,
      step: p.ui.step,
      fallback: LESSON_START[spec.id]?.[p.name] ?? p.default,
    }),
  );
}

export function createExplorer(root, api) {
  const specs = api.list().filter((s) => s.kind === 'elementwise');
  const byId = new Map(specs.map((s) => [s.id, s]));
  const baseProps = [
    choiceProp(
      'fn',
      specs.map((s) => s.id),
      specs[0].id,
    ),
    numberProp('zmin', { min: -Z.limit, max: Z.limit - Z.step, step: Z.step, fallback: -Z.start }),
    numberProp('zmax', { min: -Z.limit + Z.step, max: Z.limit, step: Z.step, fallback: Z.start }),
  ];

  // Parameter values are kept per function, so switching away and back keeps them.
  const params = Object.fromEntries(
    specs.map((s) => [s.id, readProps(paramProps(s), new URLSearchParams())]),
  );
  const state = readProps(baseProps, new URLSearchParams());

  function loadFromHash() {
    const { anchor, params: query } = readHash();
    if (anchor !== ANCHOR) return;
    Object.assign(state, readProps(baseProps, query));
    if (state.zmin >= state.zmax) Object.assign(state, { zmin: -Z.start, zmax: Z.start });
    params[state.fn] = readProps(paramProps(byId.get(state.fn)), query);
  }

  function saveToHash() {
    const spec = byId.get(state.fn);
    writeHash(ANCHOR, [
      ...writeProps(baseProps, state),
      ...writeProps(paramProps(spec), params[state.fn]),
    ]);
  }

  const form = root.querySelector('[data-controls]');
  const canvas = root.querySelector('[data-chart]');
  const summary = root.querySelector('[data-summary]');
  const placeholder = root.querySelector('[data-placeholder]');
  const hint = el('p', { class: 'control-hint' });
  const paramSlot = el('div', { class: 'param-slot' });

  loadFromHash();
  const chart = new CurveChart(canvas);

  let frame = 0;
  function scheduleRender() {
    if (!frame) frame = requestAnimationFrame(render);
  }

  function render() {
    frame = 0;
    const spec = byId.get(state.fn);
    const z = grid(state.zmin, state.zmax);
    try {
      const { f, df } = api.evaluate(spec.id, z, params[spec.id]);
      chart.update({ z, f, df, zmin: state.zmin, zmax: state.zmax });
      summary.textContent = describeCurve(spec, params[spec.id], state, f, df);
      canvas.setAttribute('aria-label', `Gráfica de ${functionName(spec.id)} y su derivada`);
      root.dataset.renders = String(Number(root.dataset.renders ?? 0) + 1);
      clearStatus();
    } catch (error) {
      showStatus(describeError(error));
    }
  }

  function changed() {
    saveToHash();
    scheduleRender();
  }

  const fnControl = selectControl({
    name: 'fn',
    label: 'Función',
    options: specs.map((s) => ({ value: s.id, label: functionName(s.id) })),
    value: state.fn,
    onChange(id) {
      state.fn = id;
      buildParams();
      changed();
    },
  });

  const zmin = sliderControl({
    name: 'zmin',
    label: 'z mínima',
    min: -Z.limit,
    max: Z.limit - Z.step,
    step: Z.step,
    value: state.zmin,
    digits: 1,
    onInput(v) {
      state.zmin = v;
      if (state.zmax <= v) zmax.set((state.zmax = v + Z.step));
      changed();
    },
  });
  const zmax = sliderControl({
    name: 'zmax',
    label: 'z máxima',
    min: -Z.limit + Z.step,
    max: Z.limit,
    step: Z.step,
    value: state.zmax,
    digits: 1,
    onInput(v) {
      state.zmax = v;
      if (state.zmin >= v) zmin.set((state.zmin = v - Z.step));
      changed();
    },
  });

  function buildParams() {
    const spec = byId.get(state.fn);
    hint.textContent = FUNCTION_TEXT[spec.id]?.hint ?? '';
    const children = spec.params.map((p) => {
      const values = params[spec.id];
      const text = PARAM_TEXT[p.name] ?? { label: p.name };
      const slider = sliderControl({
        name: p.name,
        label: text.label,
        min: p.ui.min,
        max: p.ui.max,
        step: p.ui.step,
        value: values[p.name],
        onInput(v) {
          values[p.name] = v;
          changed();
        },
      });
      const reset = buttonControl({
        label: `Valor de Keras (${formatNumber(p.default)})`,
        title: `Vuelve al valor por defecto de Keras para ${text.label}`,
        onClick() {
          values[p.name] = p.default;
          slider.set(p.default);
          changed();
        },
      });
      slider.element.append(reset);
      return slider.element;
    });
    const constants = spec.constants.map((c) =>
      el('p', {
        class: 'constant',
        text: `${CONSTANT_TEXT[c.name] ?? c.name} = ${formatNumber(c.value, 10)} (constante fija)`,
      }),
    );
    const groups = [];
    if (children.length) groups.push(fieldset('Parámetros', children));
    if (constants.length) groups.push(fieldset('Constantes', constants));
    paramSlot.replaceChildren(...groups);
  }

  form.replaceChildren(
    fnControl.element,
    hint,
    fieldset('Rango de z', [zmin.element, zmax.element]),
    paramSlot,
  );
  buildParams();
  placeholder.hidden = true;
  render();

  // A pasted link with a different state (or the back button) restores it.
  window.addEventListener('hashchange', () => {
    loadFromHash();
    fnControl.set(state.fn);
    zmin.set(state.zmin);
    zmax.set(state.zmax);
    buildParams();
    scheduleRender();
  });

  return { id: ANCHOR, chart: chart.chart };
}

function describeCurve(spec, values, state, f, df) {
  const range = (a) => {
    let lo = Infinity;
    let hi = -Infinity;
    for (const v of a) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    return `de ${formatNumber(lo)} a ${formatNumber(hi)}`;
  };
  const paramText = spec.params
    .map((p) => `${PARAM_TEXT[p.name]?.symbol ?? p.name} = ${formatNumber(values[p.name])}`)
    .join(', ');
  return (
    `${functionName(spec.id)}${paramText ? ` con ${paramText}` : ''}, ` +
    `para z entre ${formatNumber(state.zmin)} y ${formatNumber(state.zmax)}: ` +
    `f(z) va ${range(f)} y f′(z) va ${range(df)}.`
  );
}
