// The comparison section: the source's four figures, each with a checkbox per curve; the two
// ReLU-family figures share one α for ELU.
import { figureKey, FIGURES } from '../content/figures.es.js';
import { functionName, LAB_START } from '../content/functions.es.js';
import { formatNumber } from '../format.js';
import { numberProp, subsetProp } from '../state/props.js';
import { describeRange, exactRange } from '../summaries.js';
import { buttonControl, checkboxControl, lineSwatch, sliderControl } from '../ui/controls.js';
import { CompareChart } from '../views/compare-chart.js';
import { jumps, linspace32, toPoints } from '../views/curve-data.js';
import { createRenderScheduler } from './render-scheduler.js';

// ~2 px per segment on a wide screen: smooth, and cheap enough to redraw two figures per frame.
const SAMPLES = 401;

const usesAlpha = (spec) => spec.params.some((p) => p.name === 'alpha');

/** The figure's curves; those that do not depend on α are kept from `previous`. */
function curvesFor(api, specs, figure, alpha, previous = {}) {
  const z = linspace32(figure.x[0], figure.x[1], SAMPLES); // float32: the API's SIMD path
  const curves = {};
  for (const id of figure.ids) {
    const spec = specs.get(id);
    if (previous[id] && !usesAlpha(spec)) {
      curves[id] = previous[id];
      continue;
    }
    const params = usesAlpha(spec) ? { alpha } : {};
    const { f, df } = api.evaluate(id, z, params);
    const cuts = jumps(api, spec, params, figure.x[0], figure.x[1])[figure.kind];
    const values = figure.kind === 'df' ? df : f;
    curves[id] = {
      values,
      points: toPoints(z, values, cuts),
      jumps: cuts,
      range: exactRange(api, id, z, params, figure.kind, cuts),
    };
  }
  return curves;
}

function describe(figure, curves, visible) {
  const shown = figure.ids.filter((id) => visible.has(id));
  if (shown.length === 0) return `${figure.title}: no hay ninguna curva marcada.`;
  const parts = shown.map((id) => describeRange(id, figure.kind, curves[id].range));
  return (
    `${figure.title}, para z entre ${formatNumber(figure.x[0])} y ${formatNumber(figure.x[1])}: ` +
    `${parts.join('; ')}.`
  );
}

export function createComparison({ section, api, store }) {
  const specs = new Map(api.list().map((s) => [s.id, s]));
  const alphaSpec = specs.get('elu').params.find((p) => p.name === 'alpha');
  const figureIds = Object.keys(FIGURES);
  const props = [
    numberProp('alpha', {
      min: alphaSpec.ui.min,
      max: alphaSpec.ui.max,
      step: alphaSpec.ui.step,
      fallback: LAB_START.elu.params.alpha,
    }),
    ...figureIds.map((id) => subsetProp(figureKey(id), FIGURES[id].ids, FIGURES[id].ids)),
  ];
  const values = {};
  const views = [];

  for (const root of section.querySelectorAll('[data-lab="compare"]')) {
    const figure = FIGURES[root.dataset.figure];
    const key = figureKey(root.dataset.figure);
    const canvas = root.querySelector('[data-chart]');
    const summary = root.querySelector('[data-summary]');
    canvas.setAttribute('aria-label', `Gráfica comparativa: ${figure.title}`);
    canvas.setAttribute('aria-describedby', summary.id);
    const chart = new CompareChart(canvas, figure);
    const toggles = figure.ids.map((id) =>
      checkboxControl({
        name: `${key}-${id}`,
        label: `${functionName(id)}${figure.kind === 'df' ? '′' : ''}`,
        checked: true,
        className: 'curve-toggle',
        onChange(on) {
          const set = new Set(values[key]);
          if (on) set.add(id);
          else set.delete(id);
          values[key] = figure.ids.filter((i) => set.has(i));
          store.changed(section.id);
          view.draw();
        },
      }),
    );
    const swatches = figure.ids.map((id, i) => {
      const swatch = lineSwatch(chart.color(id), chart.dash(id));
      toggles[i].element.querySelector('label').prepend(swatch.element);
      return { id, swatch };
    });
    const toggleBox = root.querySelector('[data-toggles]');
    toggleBox.dataset.key = key;
    toggleBox.append(...toggles.map((t) => t.element));
    let curves = null;
    const view = {
      id: root.dataset.figure,
      figure,
      chart,
      resample() {
        curves = curvesFor(api, specs, figure, values.alpha, curves ?? {});
      },
      draw: createRenderScheduler(() => {
        const visible = new Set(values[key]);
        chart.update(curves, visible);
        summary.textContent = describe(figure, curves, visible);
        root.dataset.renders = String(Number(root.dataset.renders ?? 0) + 1);
      }),
      showValues() {
        toggles.forEach((t, i) => t.set(values[key].includes(figure.ids[i])));
      },
      applyTheme() {
        chart.applyTheme();
        for (const { id, swatch } of swatches) swatch.set(chart.color(id), chart.dash(id));
      },
    };
    root.querySelector('[data-placeholder]').hidden = true;
    views.push(view);
  }

  const alpha = sliderControl({
    name: 'alpha',
    label: 'α de ELU (figuras de la familia ReLU)',
    min: alphaSpec.ui.min,
    max: alphaSpec.ui.max,
    step: alphaSpec.ui.step,
    value: LAB_START.elu.params.alpha,
    onInput(v) {
      values.alpha = v;
      store.changed(section.id);
      refreshFamily();
    },
  });
  alpha.element.append(
    buttonControl({
      label: `Volver al valor de Keras (${formatNumber(alphaSpec.default)})`,
      onClick() {
        values.alpha = alphaSpec.default;
        alpha.set(values.alpha);
        store.changed(section.id);
        refreshFamily();
      },
    }),
  );
  section.querySelector('[data-family-controls]')?.append(alpha.element);

  function refreshFamily() {
    for (const v of views.filter((v) => v.figure.family)) {
      v.resample();
      v.draw();
    }
  }

  function refreshAll() {
    alpha.set(values.alpha);
    for (const v of views) {
      v.showValues();
      v.resample();
      v.draw();
    }
  }

  store.register(section.id, props, values, refreshAll);
  refreshAll();

  return {
    charts: Object.fromEntries(views.map((v) => [v.id, v.chart.chart])),
    applyTheme: () => views.forEach((v) => v.applyTheme()),
  };
}
