// One card of the gallery: the function's f / f' chart on a fixed range, its parameters, and the
// "Comparar bibliotecas" overlay where frameworks differ. Its state lives in the gallery's values
// under keys prefixed with the id ("gelu.approximate").
import { functionName, NO_KERAS_DEFAULT, PARAM_TEXT } from '../content/functions.es.js';
import { formatNumber } from '../format.js';
import { describeFunction, describeParams } from '../summaries.js';
import { buttonControl, checkboxControl, el, fieldset, sliderControl } from '../ui/controls.js';
import { jumps as findJumps, linspace32, paddedLimits, toPoints } from '../views/curve-data.js';
import { exactSample } from '../views/exact-sample.js';
import { FunctionChart } from '../views/function-chart.js';
import {
  frameworkLegend,
  frameworkOverlays,
  frameworkSentence,
  hasFrameworks,
} from './frameworks.js';
import { createRenderScheduler } from './render-scheduler.js';

const SAMPLES = 401;

export const cardKey = (id, key) => `${id}.${key}`;

/** Parameter controls for a spec: sliders for numbers, a checkbox for booleans. */
export function paramControls(spec, get, set) {
  const sliders = spec.params.filter((p) => p.type !== 'boolean').length;
  return spec.params.map((p) => {
    const text = PARAM_TEXT[p.name] ?? { label: p.name };
    if (p.type === 'boolean') {
      const box = checkboxControl({
        name: p.name,
        label: text.label,
        checked: get(p.name) === 1,
        onChange: (on) => set(p.name, on ? 1 : 0),
      });
      return { name: p.name, element: box.element, set: (v) => box.set(v === 1) };
    }
    const slider = sliderControl({
      name: p.name,
      label: text.label,
      min: p.ui.min,
      max: p.ui.max,
      step: p.ui.step,
      value: get(p.name),
      onInput: (v) => set(p.name, v),
    });
    const reset = `Volver al valor ${NO_KERAS_DEFAULT.has(spec.id) ? 'inicial' : 'de Keras'} (${formatNumber(p.default)})`;
    slider.element.append(
      buttonControl({
        label: reset,
        // Two sliders, two such buttons: a screen reader hears which parameter each resets.
        ariaLabel: sliders > 1 ? `${reset}, parámetro ${text.symbol ?? p.name}` : undefined,
        onClick() {
          slider.set(p.default);
          set(p.name, p.default);
        },
      }),
    );
    return { name: p.name, element: slider.element, set: slider.set };
  });
}

export function createCardLab({ root, card, spec, api, values, changed, onCompare }) {
  const name = functionName(spec.id);
  const key = (k) => cardKey(spec.id, k);
  const params = () => Object.fromEntries(spec.params.map((p) => [p.name, values[key(p.name)]]));
  const canvas = root.querySelector('[data-chart]');
  const summary = root.querySelector('[data-summary]');
  const legend = root.querySelector('[data-legend]');
  canvas.setAttribute(
    'aria-label',
    `Gráfica de ${functionName(spec.id, { inSentence: true })} y de su derivada`,
  );
  canvas.setAttribute('aria-describedby', summary.id);
  const chart = new FunctionChart(canvas, { fLabel: `${name}: f(z)`, dfLabel: 'f′(z)' });
  // Exported images and CSV name the parameters (see function-lab.js).
  if (spec.params.length > 0) chart.chart.$exportNote = () => describeParams(spec.params, params());
  const [zmin, zmax] = card.z;
  const z = linspace32(zmin, zmax, SAMPLES); // float32: the API's SIMD path
  const fPoints = [];
  const dfPoints = [];

  const draw = createRenderScheduler(() => {
    const p = params();
    const { f, df } = api.evaluate(spec.id, z, p);
    const cuts = findJumps(api, spec, p, zmin, zmax);
    const deriv = values[key('deriv')];
    const showFrameworks = hasFrameworks(card) && values[key('fw')];
    const { overlays, extraMarkers } = showFrameworks
      ? frameworkOverlays(api, spec, card, p, z, zmin, zmax, cuts, deriv)
      : { overlays: [], extraMarkers: [] };
    const shown = [f, ...(deriv ? [df] : []), ...overlays.map((o) => o.points.map((q) => q.y))];
    chart.update({
      fPoints: toPoints(z, f, cuts.f, fPoints),
      dfPoints: toPoints(z, df, cuts.df, dfPoints),
      jumps: cuts,
      zmin,
      zmax,
      ylim: paddedLimits(...shown.map((a) => a.filter((v) => v !== null))),
      showDerivative: deriv,
      overlays,
      extraMarkers,
    });
    if (legend) frameworkLegend(legend, card, showFrameworks);
    summary.textContent =
      describeFunction({
        name,
        paramText: describeParams(spec.params, p),
        z,
        ...exactSample(api, spec.id, z, p, cuts),
        jumps: cuts,
      }) + frameworkSentence(card, showFrameworks);
    root.dataset.renders = String(Number(root.dataset.renders ?? 0) + 1);
  });

  const set = (k, v) => {
    values[key(k)] = v;
    changed(spec.id);
    draw();
  };
  const controls = paramControls(spec, (k) => values[key(k)], set);
  const derivative = checkboxControl({
    name: `${spec.id}-deriv`,
    label: 'Mostrar la derivada f′',
    checked: values[key('deriv')],
    onChange: (on) => set('deriv', on),
  });
  const frameworks = hasFrameworks(card)
    ? checkboxControl({
        name: `${spec.id}-fw`,
        label: 'Comparar bibliotecas',
        checked: values[key('fw')],
        onChange: (on) => set('fw', on),
      })
    : null;
  const compare = buttonControl({
    label: 'Añadir a la comparación',
    className: 'button compare-toggle',
    onClick: () => onCompare(spec.id),
  });
  compare.dataset.key = 'comparar';
  const groups = [
    fieldset('Curvas', [derivative.element, ...(frameworks ? [frameworks.element] : [])]),
  ];
  if (controls.length)
    groups.push(
      fieldset(
        'Parámetros',
        controls.map((c) => c.element),
      ),
    );
  groups.push(el('div', { class: 'button-row' }, [compare]));
  root.querySelector('[data-controls]').replaceChildren(...groups);
  root.querySelector('[data-placeholder]').hidden = true;

  const view = {
    id: spec.id,
    chart: chart.chart,
    draw,
    params,
    /** Shows whether the card is in the comparison, and whether that is `full`. */
    setCompared(on, full = false) {
      // aria-disabled, not disabled: the button stays in the tab order, and its name says why
      // it does nothing, where a disabled one would vanish from a keyboard user's way silently.
      const blocked = full && !on;
      compare.setAttribute('aria-disabled', String(blocked));
      // The label says the state: no aria-pressed too, or «Quitar…, pulsado» would say it twice.
      compare.textContent = on
        ? 'Quitar de la comparación'
        : full
          ? 'Comparación completa'
          : 'Añadir a la comparación';
      compare.setAttribute(
        'aria-label',
        blocked
          ? `Comparación completa: quita una función para añadir ${functionName(spec.id, { inSentence: true })}`
          : `${compare.textContent}: ${name}`,
      );
    },
    showValues() {
      derivative.set(values[key('deriv')]);
      frameworks?.set(values[key('fw')]);
      for (const c of controls) c.set(values[key(c.name)]);
      draw();
    },
    applyTheme() {
      chart.applyTheme();
      draw();
    },
  };
  draw();
  return view;
}
