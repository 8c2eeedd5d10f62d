// A function section's lab: the f / f' chart with its z-range, parameters, probe and saturation
// threshold. Every handler mutates the state, saves it to the URL and asks for a redraw.
import { CONSTANT_TEXT, functionName, liveSnippet, LAB_START } from '../content/functions.es.js';
import { formatNumber, formatSignificant } from '../format.js';
import { boolProp, numberProp, snap } from '../state/props.js';
import { describeFunction, describeParams } from '../summaries.js';
import { checkboxControl, el, fieldset, sliderControl } from '../ui/controls.js';
import {
  jumps as findJumps,
  linspace32,
  paddedLimits,
  saturationIntervals,
  toPoints,
} from '../views/curve-data.js';
import { exactSample } from '../views/exact-sample.js';
import { FunctionChart } from '../views/function-chart.js';
import {
  frameworkLegend,
  frameworkOverlays,
  frameworkSentence,
  hasFrameworks,
} from './frameworks.js';
import { paramControls } from './card-lab.js';
import { createRenderScheduler } from './render-scheduler.js';

const SAMPLES = 601;
const Z = { limit: 50, step: 0.5 };
const PROBE_STEP = 0.01;
// The saturation threshold moves on a logarithmic slider, from 10^-4 to 10^-0.5.
const SAT = { min: -4, max: -0.5, step: 0.05, start: 0.01 };

function props(spec) {
  const start = LAB_START[spec.id] ?? { zmin: -6, zmax: 6 };
  return [
    numberProp('zmin', {
      min: -Z.limit,
      max: Z.limit - Z.step,
      step: Z.step,
      fallback: start.zmin,
    }),
    numberProp('zmax', {
      min: -Z.limit + Z.step,
      max: Z.limit,
      step: Z.step,
      fallback: start.zmax,
    }),
    numberProp('z', { min: -Z.limit, max: Z.limit, step: PROBE_STEP, fallback: 0 }),
    numberProp('sat', { min: 10 ** SAT.min, max: 10 ** SAT.max, fallback: SAT.start }),
    boolProp('deriv', true),
    boolProp('fw', false),
    ...spec.params.map((p) =>
      numberProp(p.name, {
        min: p.ui.min,
        max: p.ui.max,
        step: p.ui.step,
        fallback: start.params?.[p.name] ?? p.default,
      }),
    ),
  ];
}

/**
 * Keeps a restored or typed state consistent: a non-empty range with the probe inside it. An
 * empty range from a link is replaced, and `note` says so.
 */
function normalise(values, fallback, note) {
  if (values.zmin >= values.zmax) {
    note(`zmin=${values.zmin}, zmax=${values.zmax}`);
    Object.assign(values, { zmin: fallback.zmin, zmax: fallback.zmax });
  }
  values.z = Math.min(values.zmax, Math.max(values.zmin, values.z));
}

export function createFunctionLab({ root, section, spec, api, store }) {
  const name = functionName(spec.id);
  const values = {};
  const propList = props(spec);
  const defaults = Object.fromEntries(propList.map((p) => [p.key, p.fallback]));
  const params = () => Object.fromEntries(spec.params.map((p) => [p.name, values[p.name]]));

  const canvas = root.querySelector('[data-chart]');
  const summary = root.querySelector('[data-summary]');
  const readout = root.querySelector('[data-readout]');
  canvas.setAttribute('aria-describedby', summary.id);
  const legend = root.querySelector('[data-legend]');
  const fw = JSON.parse(root.dataset.frameworks ?? '{}');
  const snippets = [...section.querySelectorAll('[data-snippet-fn]')].map((panel) => {
    const code = panel.querySelector('[data-snippet-code]');
    return { code, base: code.textContent, framework: panel.dataset.snippetFramework };
  });

  const chart = new FunctionChart(canvas, { fLabel: `${name}: f(z)`, dfLabel: 'f′(z)' });
  // Exported images and CSV name the parameters: ELU at α = 1 and at α = 2 must not look alike.
  if (spec.params.length > 0) chart.chart.$exportNote = () => describeParams(spec.params, values);
  let hoverZ = null;
  let sample = null;

  const fPoints = [];
  const dfPoints = [];
  // The curves come from the float32 path; the probe's readout below stays in float64, so the
  // numbers printed there are the exact ones (to 6 significant digits) and match the snippets.
  function resample() {
    const z = linspace32(values.zmin, values.zmax, SAMPLES);
    const { f, df } = api.evaluate(spec.id, z, params());
    const jumps = findJumps(api, spec, params(), values.zmin, values.zmax);
    toPoints(z, f, jumps.f, fPoints);
    toPoints(z, df, jumps.df, dfPoints);
    sample = {
      z,
      f,
      df,
      jumps,
      fPoints,
      dfPoints,
      exact: exactSample(api, spec.id, z, params(), jumps),
    };
  }

  // The probe's readout: built once, its numbers updated in place.
  const readoutValues = [
    ['z', 'z'],
    ['f', 'f(z)'],
    ['df', 'f′(z)'],
  ].map(([key, label]) => {
    const output = el('span', { class: 'readout-value' });
    readout.append(
      el('div', { class: 'readout-item' }, [
        el('span', { class: 'readout-label', text: label }),
        output,
      ]),
    );
    return [key, output];
  });

  function render() {
    const probeZ = hoverZ ?? values.z;
    const at = api.evaluate(spec.id, [probeZ], params());
    const reading = { z: probeZ, f: at.f[0], df: at.df[0] };
    const kinks = sample.jumps.df.map((j) => j.z);
    const intervals = saturationIntervals(sample.z, sample.df, values.sat, kinks);
    const showFrameworks = hasFrameworks(fw) && values.fw;
    const { overlays, extraMarkers } = showFrameworks
      ? frameworkOverlays(
          api,
          spec,
          fw,
          params(),
          sample.z,
          values.zmin,
          values.zmax,
          sample.jumps,
          values.deriv,
        )
      : { overlays: [], extraMarkers: [] };
    frameworkLegend(legend, fw, showFrameworks);
    chart.update({
      overlays,
      extraMarkers,
      ...sample,
      zmin: values.zmin,
      zmax: values.zmax,
      ylim: values.deriv ? paddedLimits(sample.f, sample.df) : paddedLimits(sample.f),
      showDerivative: values.deriv,
      intervals,
      threshold: values.sat,
      probe: reading,
    });
    for (const [key, output] of readoutValues)
      output.textContent = formatSignificant(reading[key], 6);
    // New parameters change the reading at the slider's z too (a hover leaves the slider alone).
    if (hoverZ === null) {
      probe.input.setAttribute('aria-valuetext', probeText(reading.z, reading.f, reading.df));
    }
    readout.dataset.z = String(reading.z);
    readout.dataset.f = String(reading.f);
    readout.dataset.df = String(reading.df);
    summary.textContent =
      describeFunction({
        name,
        paramText: describeParams(spec.params, values),
        ...sample,
        ...sample.exact,
        threshold: values.sat,
        intervals,
      }) + frameworkSentence(fw, hasFrameworks(fw) && values.fw);
    for (const { code, base, framework } of snippets) {
      code.textContent = liveSnippet(spec, framework, base, params());
    }
    root.dataset.renders = String(Number(root.dataset.renders ?? 0) + 1);
  }

  const draw = createRenderScheduler(render);
  const redraw = ({ curves = true } = {}) => {
    if (curves) resample();
    draw();
  };
  const changed = (what) => {
    store.changed(section.id);
    redraw(what);
  };

  // Controls.
  const derivative = checkboxControl({
    name: 'deriv',
    label: 'Mostrar la derivada f′',
    checked: true,
    onChange(v) {
      values.deriv = v;
      changed({ curves: false });
    },
  });
  const frameworks = hasFrameworks(fw)
    ? checkboxControl({
        name: 'fw',
        label: 'Comparar bibliotecas',
        checked: false,
        onChange(v) {
          values.fw = v;
          changed({ curves: false });
        },
      })
    : null;
  const probeText = (z, f, df) =>
    `z = ${formatNumber(z, 2)}; f(z) = ${formatSignificant(f, 6)}; f′(z) = ${formatSignificant(df, 6)}`;
  const probe = sliderControl({
    name: 'z',
    label: 'Sonda: z',
    min: -Z.limit,
    max: Z.limit,
    step: PROBE_STEP,
    value: 0,
    // A screen reader hears the whole reading, not only z, at each step.
    describe(v) {
      const at = api.evaluate(spec.id, [v], params());
      return probeText(v, at.f[0], at.df[0]);
    },
    onInput(v) {
      values.z = v;
      changed({ curves: false });
    },
  });
  const sat = sliderControl({
    name: 'sat',
    label: 'Umbral de saturación |f′|',
    min: SAT.min,
    max: SAT.max,
    step: SAT.step,
    value: SAT.start,
    format: (v) => formatSignificant(v, 3),
    toSlider: (v) => Math.log10(v),
    fromSlider: (v) => Number((10 ** v).toPrecision(3)),
    onInput(v) {
      values.sat = v;
      changed({ curves: false });
    },
  });
  const range = {};
  const setRange = (key, v) => {
    values[key] = v;
    if (values.zmin >= values.zmax) {
      const other = key === 'zmin' ? 'zmax' : 'zmin';
      values[other] = key === 'zmin' ? v + Z.step : v - Z.step;
      range[other].set(values[other]);
    }
    values.z = Math.min(values.zmax, Math.max(values.zmin, values.z));
    probe.setRange(values.zmin, values.zmax);
    probe.set(values.z);
    changed();
  };
  range.zmin = sliderControl({
    name: 'zmin',
    label: 'z mínima',
    min: -Z.limit,
    max: Z.limit - Z.step,
    step: Z.step,
    value: 0,
    format: (v) => formatNumber(v, 1),
    onInput: (v) => setRange('zmin', v),
  });
  range.zmax = sliderControl({
    name: 'zmax',
    label: 'z máxima',
    min: -Z.limit + Z.step,
    max: Z.limit,
    step: Z.step,
    value: 0,
    format: (v) => formatNumber(v, 1),
    onInput: (v) => setRange('zmax', v),
  });

  // The gallery cards' controls: the same sliders and «Volver al valor…» buttons.
  const paramInputs = paramControls(
    spec,
    (name) => values[name] ?? spec.params.find((p) => p.name === name).default,
    (name, v) => {
      values[name] = v;
      changed();
    },
  );

  const groups = [
    fieldset('Curvas', [derivative.element, ...(frameworks ? [frameworks.element] : [])]),
    fieldset('Sonda y saturación', [probe.element, sat.element]),
    fieldset('Intervalo de z', [range.zmin.element, range.zmax.element]),
  ];
  if (paramInputs.length) {
    groups.splice(
      1,
      0,
      fieldset(
        'Parámetros',
        paramInputs.map((c) => c.element),
      ),
    );
  }
  if (spec.constants.length) {
    groups.splice(
      1,
      0,
      fieldset(
        'Constantes fijas',
        spec.constants.map((c) =>
          el('p', {
            class: 'constant',
            text: `${CONSTANT_TEXT[c.name] ?? c.name} = ${formatNumber(c.value, 10)}`,
          }),
        ),
      ),
    );
  }
  root.querySelector('[data-controls]').replaceChildren(...groups);

  function showValues() {
    derivative.set(values.deriv);
    frameworks?.set(values.fw);
    range.zmin.set(values.zmin);
    range.zmax.set(values.zmax);
    probe.setRange(values.zmin, values.zmax);
    probe.set(values.z);
    sat.set(values.sat);
    for (const control of paramInputs) control.set(values[control.name]);
  }

  // A click or a touch pins the probe there, as the slider would.
  chart.onPick((z) => {
    const next = Math.min(values.zmax, Math.max(values.zmin, snap(z, PROBE_STEP)));
    if (next === values.z) return;
    values.z = next;
    probe.set(next);
    changed({ curves: false });
  });
  chart.onHover((z) => {
    const next = z === null ? null : snap(z, PROBE_STEP);
    if (next === hoverZ) return;
    hoverZ = next;
    draw();
  });

  const noteRange = (what) => store.note(`${section.id}.${what}`, undefined, 'range');
  store.register(section.id, propList, values, () => {
    normalise(values, defaults, noteRange);
    showValues();
    redraw();
  });
  normalise(values, defaults, noteRange);
  showValues();
  root.querySelector('[data-placeholder]').hidden = true;
  redraw();

  return {
    chart: chart.chart,
    applyTheme: () => chart.applyTheme(),
  };
}
