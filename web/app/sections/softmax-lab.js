// The softmax lab: 3 to 6 logits and a temperature, the probabilities as bars and the full
// Jacobian as a table, all from the wasm core.
import { formatBound, formatList, formatNumber, formatSignificant, subscript } from '../format.js';
import { choiceProp, numberListProp, numberProp } from '../state/props.js';
import { buttonControl, el, fieldset, radioControl, sliderControl } from '../ui/controls.js';
import { renderJacobian } from '../views/jacobian-table.js';
import { ProbabilityChart } from '../views/probability-chart.js';
import { createRenderScheduler } from './render-scheduler.js';
import { sparsemaxRemarks } from './sparsemax-note.js';

const LOGIT = { min: -10, max: 10, step: 0.1 };
const COUNT = { min: 3, max: 6 };
const START = [2, 1, 0.1];

// The vector functions the lab can show: the same logits through softmax, sparsemax (exact zeros)
// or log-softmax (log-probabilities).
// `chart`: the chart's accessible name, which follows the output shown.
const OUTPUTS = {
  softmax: {
    label: 'Softmax',
    apply: 'softmax',
    jacobian: 'softmaxJacobian',
    chart: 'Probabilidades de softmax para cada logit',
  },
  sparsemax: {
    label: 'Sparsemax',
    apply: 'sparsemax',
    jacobian: 'sparsemaxJacobian',
    chart: 'Probabilidades de sparsemax para cada logit',
  },
  log_softmax: {
    label: 'Log-softmax',
    apply: 'logSoftmax',
    jacobian: 'logSoftmaxJacobian',
    chart: 'Log-probabilidades (log-softmax) para cada logit',
  },
};

// bound(n): the least upper bound of |entry| at T = 1 over all n logits: softmax's sᵢ(1 − sᵢ)
// and sᵢsⱼ reach 1/4 at sᵢ = 1/2; log-softmax's 1 − sᵢ and sⱼ approach 1; sparsemax's
// δᵢⱼ − 1/k, with k ≤ n classes in the support, reach 1 − 1/n.
const JACOBIANS = {
  softmax: {
    output: 's',
    bound: () => 0.25,
    boundText: () => '1/(4T)',
    note:
      'La fila i dice cómo cambia sᵢ al mover cada logit zⱼ. La diagonal (recuadrada) es ' +
      'sᵢ(1 − sᵢ)/T, lo único que da la fórmula elemento a elemento; fuera de ella, −sᵢsⱼ/T.',
  },
  sparsemax: {
    output: 's',
    bound: (n) => 1 - 1 / n,
    boundText: (n) => `${n - 1}/(${n}T)`,
    note:
      'Solo las clases con probabilidad positiva (el soporte) se mueven: en el soporte, ' +
      '(δᵢⱼ − 1/k)/T, con k clases en él; fuera, ceros.',
  },
  log_softmax: {
    output: 'ln s',
    bound: () => 1,
    boundText: () => '1/T',
    note: 'La derivada de ln sᵢ es (δᵢⱼ − sⱼ)/T: la diagonal vale (1 − sᵢ)/T y cada fila suma 0.',
  },
};

function rowDeviation(jacobian, n) {
  let worst = 0;
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let j = 0; j < n; j++) sum += jacobian[i * n + j];
    worst = Math.max(worst, Math.abs(sum));
  }
  return worst;
}

const COUNTS = { 2: 'dos', 3: 'tres', 4: 'cuatro', 5: 'cinco' };

const rowSums = (deviation) =>
  deviation === 0
    ? 'Cada fila de la jacobiana suma exactamente 0.'
    : 'Cada fila de la jacobiana suma 0, salvo errores de redondeo de ' +
      `${formatSignificant(deviation, 2)} como mucho.`;

/**
 * Three significant digits, every one shown (0,520 beside 0,191); a value that would read ±1 and
 * is not (softmax never reaches 1) gets as many as it takes: 0,99995.
 */
function formatProbability(v) {
  if (v === 0) return '0';
  const rounded = Math.abs(Number(v.toPrecision(3)));
  if (rounded === 1 && Math.abs(v) !== 1) return formatBound(v, 3);
  return formatSignificant(v, 3, { zeros: Math.abs(v) !== 1 });
}

function describe(fn, logits, t, y, jacobian) {
  const n = logits.length;
  const probs = fn === 'log_softmax' ? Array.from(y, Math.exp) : Array.from(y);
  const top = Math.max(...probs);
  const tied = probs.flatMap((p, i) => (p === top ? [i + 1] : []));
  const most =
    tied.length === n
      ? 'todas las clases son igual de probables'
      : tied.length > 1
        ? `las clases ${formatList(tied.map(String))} empatan como las más probables`
        : `la clase ${tied[0]} es la más probable`;
  const what = fn === 'log_softmax' ? 'las log-probabilidades' : 'las probabilidades';
  // «0,659 (clase 1), 0,242 (clase 2) y 0,0986 (clase 3)»: «clase 1: 0,659, clase 2…» would mix
  // the list's commas with the decimal ones.
  const list = formatList(Array.from(y, (v, i) => `${formatProbability(v)} (clase ${i + 1})`));
  const zeros = probs.filter((p) => p === 0).length;
  const exactZeros =
    zeros === 0
      ? 'ninguna es exactamente 0'
      : zeros === 1
        ? 'una de ellas es exactamente 0'
        : `${COUNTS[zeros] ?? zeros} de ellas son exactamente 0`;
  const sum = probs.reduce((a, b) => a + b, 0);
  // The logits by value: a printout, which has no sliders, and a screen reader both need them.
  const z = Array.from(logits, (v) => formatNumber(v, 2)).join('; ');
  return (
    `${OUTPUTS[fn].label} con los ${n} logits z = (${z}) y T = ${formatNumber(t, 2)}: ` +
    `${what} son ${list}; ` +
    `${most}. Las probabilidades suman ${formatSignificant(sum, 6)}` +
    (fn === 'sparsemax' ? `, y ${exactZeros}` : '') +
    `. ${rowSums(rowDeviation(jacobian, n))}`
  );
}

export function createSoftmaxLab({ root, section, api, store }) {
  const spec = api.list().find((s) => s.id === 'softmax');
  const tSpec = spec.params.find((p) => p.name === 'temperature');
  const props = [
    choiceProp('fn', Object.keys(OUTPUTS), 'softmax'),
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
    const output = OUTPUTS[values.fn];
    const y = api[output.apply](values.logits, values.t);
    const jacobian = api[output.jacobian](values.logits, values.t);
    chart.update(y, { log: values.fn === 'log_softmax' });
    canvas.setAttribute('aria-label', output.chart);
    const { note, output: differentiated, bound, boundText } = JACOBIANS[values.fn];
    renderJacobian(jacobianBox, jacobian, values.logits.length, {
      output: differentiated,
      bound: bound(values.logits.length) / values.t,
      boundText: boundText(values.logits.length),
      note:
        values.fn === 'sparsemax'
          ? `${note} ${sparsemaxRemarks(values.logits, values.t, y)}`
          : note,
    });
    summary.textContent = describe(values.fn, values.logits, values.t, y, jacobian);
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
      // A button that has just been disabled loses the focus: it goes to the other one.
      if (add.disabled) remove.focus();
    },
  });
  const remove = buttonControl({
    label: 'Quitar el último',
    className: 'button',
    onClick() {
      values.logits = values.logits.slice(0, -1);
      buildLogits();
      changed();
      if (remove.disabled) add.focus();
    },
  });

  function buildLogits() {
    logitList.replaceChildren(
      ...values.logits.map(
        (v, i) =>
          sliderControl({
            name: `logit-${i + 1}`,
            label: `Logit z${subscript(i + 1)} (clase ${i + 1})`,
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

  const output = radioControl({
    name: 'salida',
    legend: 'Función de salida',
    options: Object.entries(OUTPUTS).map(([value, o]) => ({ value, label: o.label })),
    value: 'softmax',
    onChange(v) {
      values.fn = v;
      changed();
    },
  });

  const logitGroup = fieldset('Logits', [
    logitList,
    el('div', { class: 'button-row' }, [add, remove]),
  ]);
  // Their link keys, for embed.html's hide=.
  output.element.dataset.key = 'fn';
  logitGroup.dataset.key = 'logits';
  root
    .querySelector('[data-controls]')
    .replaceChildren(output.element, logitGroup, fieldset('Temperatura', [temperature.element]));

  store.register(section.id, props, values, () => {
    output.set(values.fn);
    buildLogits();
    temperature.set(values.t);
    draw();
  });
  output.set(values.fn);
  buildLogits();
  temperature.set(values.t);
  root.querySelector('[data-placeholder]').hidden = true;
  draw();

  return { chart: chart.chart, applyTheme: () => chart.applyTheme() };
}
