// The softmax lab: 3 to 6 logits and a temperature, the probabilities as bars and the full
// Jacobian as a table, all from the wasm core.
import { formatNumber, formatSignificant } from '../format.js';
import { numberListProp, numberProp } from '../state/props.js';
import { buttonControl, el, fieldset, sliderControl } from '../ui/controls.js';
import { renderJacobian } from '../views/jacobian-table.js';
import { ProbabilityChart } from '../views/probability-chart.js';
import { createRenderScheduler } from './render-scheduler.js';

const LOGIT = { min: -10, max: 10, step: 0.1 };
const COUNT = { min: 3, max: 6 };
const START = [2, 1, 0.1];

function describe(logits, t, s, jacobian) {
  const n = logits.length;
  let best = 0;
  for (let i = 1; i < n; i++) if (s[i] > s[best]) best = i;
  let rowSum = 0;
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let j = 0; j < n; j++) sum += jacobian[i * n + j];
    rowSum = Math.max(rowSum, Math.abs(sum));
  }
  const list = Array.from(s, (v, i) => `clase ${i + 1}: ${formatSignificant(v, 3)}`).join(', ');
  return (
    `Con ${n} logits y T = ${formatNumber(t, 2)}, las probabilidades son ${list}; la clase ` +
    `${best + 1} es la más probable. Suman ${formatSignificant(
      s.reduce((a, b) => a + b, 0),
      6,
    )}, ` +
    `y cada fila de la jacobiana suma 0 (la mayor desviación es ${formatSignificant(rowSum, 2)}).`
  );
}

export function createSoftmaxLab({ root, section, api, store }) {
  const spec = api.list().find((s) => s.id === 'softmax');
  const tSpec = spec.params.find((p) => p.name === 'temperature');
  const props = [
    numberListProp('logits', {
      ...LOGIT,
      minLength: COUNT.min,
      maxLength: COUNT.max,
      fallback: START,
    }),
    numberProp('t', {
      min: tSpec.ui.min,
      max: tSpec.ui.max,
      step: tSpec.ui.step,
      fallback: tSpec.default,
    }),
  ];
  const values = {};
  const canvas = root.querySelector('[data-chart]');
  const summary = root.querySelector('[data-summary]');
  canvas.setAttribute('aria-describedby', summary.id);
  const chart = new ProbabilityChart(canvas);
  const jacobianBox = root.querySelector('[data-jacobian]');

  const draw = createRenderScheduler(() => {
    const s = api.softmax(values.logits, values.t);
    const jacobian = api.softmaxJacobian(values.logits, values.t);
    chart.update(s);
    renderJacobian(jacobianBox, jacobian, values.logits.length);
    summary.textContent = describe(values.logits, values.t, s, jacobian);
    root.dataset.renders = String(Number(root.dataset.renders ?? 0) + 1);
  });
  const changed = () => {
    store.changed(section.id);
    draw();
  };

  const logitList = el('div', { class: 'logit-list' });
  const add = buttonControl({
    label: 'Añadir un logit',
    className: 'button',
    onClick() {
      values.logits = [...values.logits, 0];
      buildLogits();
      changed();
    },
  });
  const remove = buttonControl({
    label: 'Quitar el último',
    className: 'button',
    onClick() {
      values.logits = values.logits.slice(0, -1);
      buildLogits();
      changed();
    },
  });

  function buildLogits() {
    logitList.replaceChildren(
      ...values.logits.map(
        (v, i) =>
          sliderControl({
            name: `logit-${i + 1}`,
            label: `Logit z${'₀₁₂₃₄₅₆₇₈₉'[i + 1]} (clase ${i + 1})`,
            ...LOGIT,
            value: v,
            format: (x) => formatNumber(x, 1),
            onInput(x) {
              values.logits = values.logits.map((old, k) => (k === i ? x : old));
              changed();
            },
          }).element,
      ),
    );
    add.disabled = values.logits.length >= COUNT.max;
    remove.disabled = values.logits.length <= COUNT.min;
  }

  const temperature = sliderControl({
    name: 't',
    label: 'Temperatura T',
    min: tSpec.ui.min,
    max: tSpec.ui.max,
    step: tSpec.ui.step,
    value: tSpec.default,
    onInput(v) {
      values.t = v;
      changed();
    },
  });

  root
    .querySelector('[data-controls]')
    .replaceChildren(
      fieldset('Logits', [logitList, el('div', { class: 'button-row' }, [add, remove])]),
      fieldset('Temperatura', [temperature.element]),
    );

  store.register(section.id, props, values, () => {
    buildLogits();
    temperature.set(values.t);
    draw();
  });
  buildLogits();
  temperature.set(values.t);
  root.querySelector('[data-placeholder]').hidden = true;
  draw();

  return { chart: chart.chart, applyTheme: () => chart.applyTheme() };
}
