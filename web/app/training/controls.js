// The training lab's controls: play, one epoch, reset and new data above the map; data, inputs,
// network, activation, training and comparison in the form. Each change says what it affects:
// 'run' starts a new run, 'pace' changes the speed or the stop, 'view' only redraws.
import { functionName, INITS } from '../content/functions.es.js';
import {
  CURVES,
  DATASETS,
  FEATURES,
  INIT_AUTO,
  L2_RATES,
  LEARNING_RATES,
  OPTIMIZERS,
  SPEEDS,
  STOPS,
} from '../content/training.es.js';
import { formatNumber } from '../format.js';
import { paramControls } from '../sections/card-lab.js';
import { effectiveParams, MAX_LAYERS, MAX_UNITS, SLOTS } from './props.js';
import {
  checkboxControl,
  el,
  fieldset,
  radioControl,
  selectControl,
  sliderControl,
} from '../ui/controls.js';

const entries = (object) => Object.entries(object).map(([value, label]) => ({ value, label }));
const numbers = (list) => list.map((v) => ({ value: v, label: formatNumber(Number(v), 5) }));

export function buildTrainingControls({ root, values, specs, ids, onChange, ...actions }) {
  const set = (key, kind) => (v) => {
    values[key] = v;
    onChange(kind);
  };

  // Actions.
  const play = el('button', { type: 'button', class: 'button button-primary', 'data-play': '' });
  play.addEventListener('click', actions.onPlay);
  const step = el('button', { type: 'button', class: 'button', text: 'Una época' });
  step.addEventListener('click', actions.onStep);
  const reset = el('button', { type: 'button', class: 'button', text: 'Reiniciar' });
  reset.addEventListener('click', actions.onReset);
  const reseed = el('button', { type: 'button', class: 'button', text: 'Otros datos y pesos' });
  reseed.dataset.key = 'semilla';
  reseed.addEventListener('click', () => {
    values.semilla = (values.semilla % 1e9) + 1;
    onChange('run');
  });
  root.querySelector('[data-actions]').replaceChildren(play, step, reset, reseed);

  // Data.
  const dataset = selectControl({
    name: 'datos',
    label: 'Conjunto de datos',
    options: entries(DATASETS),
    value: 'circle',
    onChange: set('datos', 'run'),
  });
  const noise = sliderControl({
    name: 'ruido',
    label: 'Ruido',
    min: 0,
    max: 0.5,
    step: 0.05,
    value: 0,
    onInput: set('ruido', 'run'),
  });
  const split = sliderControl({
    name: 'entreno',
    label: 'Puntos para entrenar',
    min: 0.1,
    max: 0.9,
    step: 0.1,
    value: 0.5,
    format: (v) => `${Math.round(v * 100)} %`,
    onInput: set('entreno', 'run'),
  });
  const showTest = checkboxControl({
    name: 'prueba',
    label: 'Mostrar los puntos de prueba (huecos)',
    checked: false,
    onChange: set('prueba', 'view'),
  });
  const discretize = checkboxControl({
    name: 'discreto',
    label: 'Colorear solo la clase predicha',
    checked: false,
    onChange: set('discreto', 'view'),
  });

  // Inputs: at least one stays checked.
  const features = Object.entries(FEATURES).map(([key, label]) => {
    const box = checkboxControl({
      name: `entrada-${key}`,
      label,
      checked: false,
      onChange(on) {
        const next = Object.keys(FEATURES).filter((k) =>
          k === key ? on : values.entradas.includes(k),
        );
        if (next.length === 0) {
          box.set(true);
          actions.onNotice(
            'La red necesita al menos una entrada: marca otra antes de quitar esta.',
          );
          return;
        }
        values.entradas = next;
        onChange('run');
      },
    });
    return { key, box };
  });

  // Network.
  const layerBox = el('div', { class: 'layer-sliders' });
  const layers = sliderControl({
    name: 'capas',
    label: 'Capas ocultas',
    min: 0,
    max: MAX_LAYERS,
    step: 1,
    value: 2,
    format: String,
    onInput(n) {
      values.capas = Array.from({ length: n }, (_, i) => values.capas[i] ?? 4);
      showLayers();
      onChange('run');
    },
  });
  function showLayers() {
    layerBox.replaceChildren(
      ...values.capas.map(
        (width, l) =>
          sliderControl({
            name: `capa-${l + 1}`,
            label: `Neuronas de la capa ${l + 1}`,
            min: 1,
            max: MAX_UNITS,
            step: 1,
            value: width,
            format: String,
            onInput(v) {
              values.capas = values.capas.map((w, i) => (i === l ? v : w));
              onChange('run');
            },
          }).element,
      ),
    );
  }

  // Activation and its parameters.
  const paramBox = el('div', { class: 'param-sliders' });
  const activation = selectControl({
    name: 'act',
    label: 'Activación de las capas ocultas',
    options: ids.map((id) => ({ value: id, label: functionName(id) })),
    value: 'tanh',
    onChange(id) {
      values.act = id;
      for (const p of specs.get(id).params) values[p.name] = null;
      showParams();
      onChange('run');
    },
  });
  function showParams() {
    const spec = specs.get(values.act);
    const current = effectiveParams(spec, values);
    const controls = paramControls(
      spec,
      (name) => current[name],
      (name, v) => {
        values[name] = v;
        onChange('run');
      },
    );
    paramBox.replaceChildren(...controls.map((c) => c.element));
  }

  // Training.
  const optimizer = selectControl({
    name: 'opt',
    label: 'Optimizador',
    options: entries(OPTIMIZERS),
    value: 'sgd',
    onChange: set('opt', 'run'),
  });
  const rate = selectControl({
    name: 'tasa',
    label: 'Tasa de aprendizaje',
    options: numbers(LEARNING_RATES),
    value: '0.03',
    onChange: set('tasa', 'run'),
  });
  const batch = sliderControl({
    name: 'lote',
    label: 'Tamaño del lote',
    min: 1,
    max: 50,
    step: 1,
    value: 10,
    format: String,
    onInput: set('lote', 'run'),
  });
  const l2 = selectControl({
    name: 'l2',
    label: 'Regularización L2',
    options: numbers(L2_RATES),
    value: '0',
    onChange: set('l2', 'run'),
  });
  const init = selectControl({
    name: 'init',
    label: 'Inicialización de los pesos',
    options: [{ value: 'auto', label: INIT_AUTO }, ...entries(INITS)],
    value: 'auto',
    onChange: set('init', 'run'),
  });
  const speed = selectControl({
    name: 'velocidad',
    label: 'Velocidad (épocas por fotograma)',
    options: entries(SPEEDS),
    value: '2',
    onChange: set('velocidad', 'pace'),
  });
  const stop = selectControl({
    name: 'parar',
    label: 'Parar en',
    options: entries(STOPS),
    value: 'no',
    onChange: set('parar', 'pace'),
  });

  // Comparison.
  const compare = checkboxControl({
    name: 'comparar',
    label: 'Comparar activaciones',
    checked: false,
    onChange(on) {
      values.comparar = on;
      showCompare();
      onChange('run');
    },
  });
  const slots = Array.from({ length: SLOTS }, (_, i) =>
    selectControl({
      name: `c${i + 1}`,
      label: `Activación ${i + 1}`,
      options: [
        { value: 'ninguna', label: '(ninguna)' },
        ...ids.map((id) => ({ value: id, label: functionName(id) })),
      ],
      value: 'ninguna',
      onChange: set(`c${i + 1}`, 'run'),
    }),
  );
  const curve = radioControl({
    name: 'curva',
    legend: 'Pérdida en la gráfica',
    options: entries(CURVES),
    value: 'prueba',
    onChange: set('curva', 'view'),
  });
  const compareNote = el('p', {
    class: 'control-note',
    text:
      'Todas se entrenan con los mismos datos y parten de los mismos pesos: con la ' +
      'inicialización «según la activación», todas usan Glorot uniforme.',
  });
  const compareBox = el('div', { class: 'compare-slots' }, [
    ...slots.map((s) => s.element),
    curve.element,
    compareNote,
  ]);
  // Comparing, the runs' activations are the slots': this list only picks whose parameters
  // the sliders under it set.
  const activationNote = el('p', {
    class: 'control-note',
    text:
      'Al comparar, las activaciones son las de «Comparar activaciones»: esta lista solo elige ' +
      'la función cuyos parámetros se ajustan debajo, si está entre las comparadas.',
  });
  function showCompare() {
    compareBox.hidden = !values.comparar;
    activationNote.hidden = !values.comparar;
  }

  // Link keys of controls named otherwise, for embed.html's hide=.
  const featureGroup = fieldset(
    'Entradas',
    features.map((f) => f.box.element),
    'feature-grid',
  );
  featureGroup.dataset.key = 'entradas';
  layerBox.dataset.key = 'capas';
  curve.element.dataset.key = 'curva';
  root
    .querySelector('[data-controls]')
    .replaceChildren(
      fieldset('Datos', [
        dataset.element,
        noise.element,
        split.element,
        showTest.element,
        discretize.element,
      ]),
      featureGroup,
      fieldset('Red', [layers.element, layerBox, activation.element, activationNote, paramBox]),
      fieldset('Entrenamiento', [
        optimizer.element,
        rate.element,
        batch.element,
        l2.element,
        init.element,
        speed.element,
        stop.element,
      ]),
      fieldset('Comparación', [compare.element, compareBox]),
    );

  return {
    /** Shows the values (after a restore from the URL). */
    show() {
      dataset.set(values.datos);
      noise.set(values.ruido);
      split.set(values.entreno);
      showTest.set(values.prueba);
      discretize.set(values.discreto);
      for (const f of features) f.box.set(values.entradas.includes(f.key));
      layers.set(values.capas.length);
      showLayers();
      activation.set(values.act);
      showParams();
      optimizer.set(values.opt);
      rate.set(values.tasa);
      batch.set(values.lote);
      l2.set(values.l2);
      init.set(values.init);
      speed.set(values.velocidad);
      stop.set(values.parar);
      compare.set(values.comparar);
      slots.forEach((s, i) => s.set(values[`c${i + 1}`]));
      curve.set(values.curva);
      showCompare();
    },
    showPlaying(on) {
      play.textContent = on ? 'Pausa' : 'Entrenar';
    },
  };
}
