// "El gradiente en una red profunda": up to four activations through the same deep random
// network; the gradient norm per layer on a log scale, the saturated and dead units per layer,
// and a sentence read off the numbers. The runs happen in the lab worker.
import { labChannel } from './lab-channel.js';
import { functionName, initName, INITS } from '../content/functions.es.js';
import { choiceProp, numberProp } from '../state/props.js';
import { el, fieldset, selectControl, sliderControl } from '../ui/controls.js';
import { describeGradients, overflowed } from '../network-summaries.js';
import { LayerChart } from '../views/layer-chart.js';
import { seriesStyle } from './series-style.js';

const SLOTS = 4;
const START = ['sigmoid', 'tanh', 'relu', 'selu'];
const WIDTHS = ['8', '16', '32', '64', '128', '256', '512'];

export function createGradientLab({ root, section, api, store, specs, client }) {
  const ids = [...specs.values()].filter((s) => s.kind === 'elementwise').map((s) => s.id);
  const props = [
    ...START.map((id, i) => choiceProp(`a${i + 1}`, ['ninguna', ...ids], id)),
    numberProp('depth', { min: 1, max: 100, step: 1, fallback: 30 }),
    choiceProp('width', WIDTHS, '128'),
    choiceProp('init', Object.keys(INITS), 'glorot_uniform'),
    numberProp('seed', { min: 1, max: 1e9, step: 1, fallback: 1 }),
  ];
  const values = {};
  const [normCanvas, unitsCanvas] = root.querySelectorAll('[data-chart]');
  const summary = root.querySelector('[data-summary]');
  const status = root.querySelector('[data-status]');
  const channel = labChannel({ client, name: 'gradiente', root, summary, status, render });
  // One summary for both charts: only the first points to it (see selu-lab.js).
  normCanvas.setAttribute('aria-describedby', summary.id);
  const norms = new LayerChart(normCanvas, {
    y: { log: true, title: 'gradiente (media cuadrática, RMS)' },
  });
  const units = new LayerChart(unitsCanvas, {
    y: { min: 0, max: 1, title: 'fracción de unidades' },
    pairs: { solid: 'Saturadas', dashed: 'Muertas' },
  });

  // A run keeps its slot's colour and dash: emptying «Activación 2» must not recolour the third.
  const slotOf = new WeakMap(); // a requested run's options -> its slot

  function run() {
    const runs = [];
    for (let slot = 0; slot < SLOTS; slot++) {
      const id = values[`a${slot + 1}`];
      if (id === 'ninguna') continue;
      const options = {
        activation: id,
        depth: values.depth,
        width: Number(values.width),
        init: values.init,
        seed: values.seed,
      };
      slotOf.set(options, slot);
      runs.push(options);
    }
    channel.request(runs);
  }

  let lastRuns = null;
  function render(runs) {
    lastRuns = runs;
    norms.update(
      runs.map(({ id, result, options }) => ({
        label: functionName(id),
        values: result.layers.map((l) => l.gradientNorm),
        ...seriesStyle(slotOf.get(options)),
      })),
    );
    units.update(
      runs.flatMap(({ id, result, options }) => [
        // Colour tells the activation apart; solid is saturated, dashed is dead.
        {
          label: `${functionName(id)}: saturadas`,
          group: functionName(id),
          values: result.layers.map((l) => (overflowed(l) ? NaN : l.saturated)),
          ...seriesStyle(slotOf.get(options)),
          dash: [],
        },
        {
          label: `${functionName(id)}: muertas`,
          group: functionName(id),
          values: result.layers.map((l) => (overflowed(l) ? NaN : l.dead)),
          ...seriesStyle(slotOf.get(options)),
          dash: [5, 4],
        },
      ]),
    );
    // The network as set: a printout has no controls, and the verdicts depend on it.
    const depth = runs[0]?.depth ?? values.depth;
    const network =
      `Red de ${depth} ${depth === 1 ? 'capa' : 'capas'} de ${values.width} unidades, ` +
      `inicialización ${initName(values.init)}. `;
    summary.textContent = network + describeGradients(runs, depth);
    root.dataset.renders = String(Number(root.dataset.renders ?? 0) + 1);
  }

  const changed = () => {
    store.changed(section.id);
    run();
  };

  const slots = Array.from({ length: SLOTS }, (_, i) =>
    selectControl({
      name: `a${i + 1}`,
      label: `Activación ${i + 1}`,
      options: [
        { value: 'ninguna', label: '(ninguna)' },
        ...ids.map((id) => ({ value: id, label: functionName(id) })),
      ],
      value: values[`a${i + 1}`] ?? START[i],
      onChange(v) {
        values[`a${i + 1}`] = v;
        changed();
      },
    }),
  );
  const depth = sliderControl({
    name: 'depth',
    label: 'Profundidad (capas)',
    min: 1,
    max: 100,
    step: 1,
    value: 30,
    format: (v) => String(v),
    onInput(v) {
      values.depth = v;
      changed();
    },
  });
  const width = selectControl({
    name: 'width',
    label: 'Anchura (unidades por capa)',
    options: WIDTHS.map((w) => ({ value: w, label: w })),
    value: '128',
    onChange(v) {
      values.width = v;
      changed();
    },
  });
  const init = selectControl({
    name: 'init',
    label: 'Inicialización de los pesos',
    options: Object.entries(INITS).map(([value, label]) => ({ value, label })),
    value: 'glorot_uniform',
    onChange(v) {
      values.init = v;
      changed();
    },
  });
  const reseed = el('button', { type: 'button', class: 'button', text: 'Otra red al azar' });
  reseed.dataset.key = 'seed';
  reseed.addEventListener('click', () => {
    values.seed = (values.seed % 1e9) + 1;
    changed();
  });

  root.querySelector('[data-controls]').replaceChildren(
    fieldset(
      'Activaciones',
      slots.map((s) => s.element),
    ),
    fieldset('Red', [depth.element, width.element, init.element, reseed]),
  );

  function showValues() {
    slots.forEach((s, i) => s.set(values[`a${i + 1}`]));
    depth.set(values.depth);
    width.set(values.width);
    init.set(values.init);
  }

  store.register(section.id, props, values, () => {
    showValues();
    run();
  });
  showValues();
  for (const p of root.querySelectorAll('[data-placeholder]')) p.hidden = true;
  run();

  return {
    charts: { [`${section.id}-norma`]: norms.chart, [`${section.id}-unidades`]: units.chart },
    applyTheme() {
      norms.applyTheme();
      units.applyTheme();
      if (lastRuns) render(lastRuns);
    },
  };
}
