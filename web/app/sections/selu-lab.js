// "SELU y la autonormalización": the mean and the standard deviation of every layer for SELU
// against ReLU, tanh and ELU, the histogram of SELU's last layer against N(0, 1), and three
// switches that break SELU's conditions. The runs happen in the lab worker.
import { labChannel } from './lab-channel.js';
import { functionName, initName, INITS } from '../content/functions.es.js';
import { formatList, formatNumber } from '../format.js';
import { boolProp, choiceProp, numberProp } from '../state/props.js';
import { describeSelu } from '../network-summaries.js';
import { checkboxControl, el, fieldset, selectControl, sliderControl } from '../ui/controls.js';
import { HistogramChart } from '../views/histogram-chart.js';
import { LayerChart } from '../views/layer-chart.js';
import { seriesStyle } from './series-style.js';

const ACTIVATIONS = ['selu', 'relu', 'tanh', 'elu'];
// "Not standardised": inputs with mean 1.5 and standard deviation 4 instead of 0 and 1.
const RAW_INPUT = { inputMean: 1.5, inputStd: 4 };
const BOTTLENECK = 2;

export function createSeluLab({ root, section, store, client }) {
  const props = [
    numberProp('depth', { min: 1, max: 100, step: 1, fallback: 50 }),
    choiceProp('init', Object.keys(INITS), 'lecun_normal'),
    boolProp('raw', false),
    boolProp('bottleneck', false),
    numberProp('seed', { min: 1, max: 1e9, step: 1, fallback: 1 }),
  ];
  const values = {};
  const [meanCanvas, stdCanvas, histCanvas] = root.querySelectorAll('[data-chart]');
  const summary = root.querySelector('[data-summary]');
  const status = root.querySelector('[data-status]');
  const channel = labChannel({ client, name: 'autonormalizacion', root, summary, status, render });
  // One summary for the three charts: only the first points to it, or a screen reader would
  // read it once per chart, then again as the text under them.
  meanCanvas.setAttribute('aria-describedby', summary.id);
  const means = new LayerChart(meanCanvas, { y: { min: -1.5, max: 1.5, title: 'media' } });
  const stds = new LayerChart(stdCanvas, { y: { min: 0, max: 3, title: 'desviación típica' } });
  const histogram = new HistogramChart(histCanvas);
  let lastRuns = null;

  function render(runs) {
    lastRuns = runs;
    const series = (field) =>
      runs.map(({ id, result }, i) => ({
        label: functionName(id),
        values: result.layers.map((l) => l[field]),
        ...seriesStyle(i),
      }));
    means.update(series('mean'), { reference: [0] });
    stds.update(series('std'), { reference: [1] });
    histogram.update(runs[0].result.histogram);
    const broken = [];
    if (values.raw) broken.push('entradas sin estandarizar');
    if (values.init !== 'lecun_normal') broken.push(`inicialización ${initName(values.init)}`);
    // With one layer, the bottleneck is that layer: no layer after it shows what it does.
    const alone = values.bottleneck && values.depth === 1;
    if (values.bottleneck && !alone) broken.push(`un cuello de botella de anchura ${BOTTLENECK}`);
    summary.textContent =
      describeSelu(runs[0].result, broken) +
      (alone
        ? ` Con una sola capa, el cuello de botella (${BOTTLENECK} neuronas) es esa capa: añade ` +
          'capas para ver qué hace a las siguientes.'
        : '');
    root.dataset.renders = String(Number(root.dataset.renders ?? 0) + 1);
  }

  function run() {
    channel.request(
      ACTIVATIONS.map((activation) => ({
        activation,
        depth: values.depth,
        width: 128,
        init: values.init,
        seed: values.seed,
        bottleneck: values.bottleneck ? BOTTLENECK : 0,
        ...(values.raw ? RAW_INPUT : {}),
      })),
    );
  }

  const changed = () => {
    store.changed(section.id);
    run();
  };
  const depth = sliderControl({
    name: 'depth',
    label: 'Profundidad (capas)',
    min: 1,
    max: 100,
    step: 1,
    value: 50,
    format: (v) => String(v),
    onInput(v) {
      values.depth = v;
      changed();
    },
  });
  const raw = checkboxControl({
    name: 'raw',
    label: 'Entradas sin estandarizar (media 1,5, desviación 4)',
    checked: false,
    onChange(v) {
      values.raw = v;
      changed();
    },
  });
  const init = selectControl({
    name: 'init',
    label: 'Inicialización de los pesos',
    options: Object.entries(INITS).map(([value, label]) => ({ value, label })),
    value: 'lecun_normal',
    onChange(v) {
      values.init = v;
      changed();
    },
  });
  const bottleneck = checkboxControl({
    name: 'bottleneck',
    label: `Un cuello de botella de anchura ${BOTTLENECK} a media red`,
    checked: false,
    onChange(v) {
      values.bottleneck = v;
      changed();
    },
  });
  const reseed = el('button', { type: 'button', class: 'button', text: 'Otra red al azar' });
  reseed.dataset.key = 'seed';
  reseed.addEventListener('click', () => {
    values.seed = (values.seed % 1e9) + 1;
    changed();
  });
  root
    .querySelector('[data-controls]')
    .replaceChildren(
      fieldset('Condiciones de SELU', [raw.element, init.element, bottleneck.element]),
      fieldset('Red', [depth.element, reseed]),
    );

  function showValues() {
    depth.set(values.depth);
    raw.set(values.raw);
    init.set(values.init);
    bottleneck.set(values.bottleneck);
  }
  store.register(section.id, props, values, () => {
    showValues();
    run();
  });
  showValues();
  for (const p of root.querySelectorAll('[data-placeholder]')) p.hidden = true;
  run();

  return {
    charts: {
      [`${section.id}-media`]: means.chart,
      [`${section.id}-desviacion`]: stds.chart,
      [`${section.id}-histograma`]: histogram.chart,
    },
    applyTheme() {
      means.applyTheme();
      stds.applyTheme();
      histogram.applyTheme();
      if (lastRuns) render(lastRuns);
    },
  };
}
