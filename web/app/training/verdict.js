// What the training lab's status says about its runs: one that diverged, and why; a loss off the
// chart since before training, or that rose off it while training; a run that does not learn
// (training/stuck.js); a run stopped at «Parar en».
// Pure, so that its wording is tested without a page.
import { formatList } from '../format.js';
import { format, sentence, values, whose } from './phrases.js';
import { levelRecord, stuckVerdict, trackLevel } from './stuck.js';

// Above it (a run that does not converge) the curve leaves the loss chart: the status says so.
export const MAX_LOSS_SHOWN = 2;

const OFF_CHART = `fuera de la gráfica (más de ${MAX_LOSS_SHOWN})`;
// A loss this large before training means outputs so large that the first step's gradients
// overflow the weights, even at the lab's lowest learning rate (10⁻⁵): the activation is to blame.
const HUGE = 1e10;
// Updates in a row back on the chart after a rise off it: the run has settled, and the advice
// to lower the rate gives way to a note of what happened.
const SETTLED = 20;

/** One loss curve's history, as far as the verdict needs it, kept as updates arrive. */
export function lossRecord() {
  return {
    start: undefined,
    last: undefined,
    level: levelRecord(), // for stuck.js
    onChart: false,
    peak: -Infinity,
    calm: 0,
  };
}

/** Records the loss of an update at `epoch`: the first one is the loss before training. */
export function recordLoss(record, loss, epoch) {
  if (record.start === undefined) record.start = loss;
  trackLevel(record.level, loss, epoch);
  record.last = loss;
  if (record.onChart && Number.isFinite(loss)) record.peak = Math.max(record.peak, loss);
  if (loss <= MAX_LOSS_SHOWN) record.onChart = true;
  record.calm = loss <= MAX_LOSS_SHOWN ? record.calm + 1 : 0;
}

function divergence(runs, many) {
  const sentences = [];
  const born = runs.filter((r) => !Number.isFinite(r.train.start));
  const exploded = runs.filter((r) => Number.isFinite(r.train.start) && r.train.start > HUGE);
  const overshot = runs.filter((r) => r.train.start <= HUGE);
  if (born.length > 0) {
    sentences.push(
      `Con ${formatList(born.map((r) => r.phrase))}, la pérdida no es un número finito ni ` +
        'siquiera antes de entrenar: las salidas de la red desbordan el mayor número que el ' +
        'ordenador representa ya en la pasada hacia delante. Elige otra activación o menos capas.',
    );
  }
  if (exploded.length > 0) {
    const before =
      exploded.length === 1
        ? `Ya valía ${format(exploded[0].train.start)} antes de entrenar`
        : 'Ya era enorme antes de entrenar';
    sentences.push(
      `Con ${formatList(exploded.map((r) => r.phrase))}, la pérdida ha dejado de ser un número ` +
        `finito. ${before}: las salidas de la red eran tan grandes que los gradientes ` +
        'desbordaron los pesos, y una tasa de aprendizaje menor no lo evita. Elige otra ' +
        'activación.',
    );
  }
  if (overshot.length > 0) {
    const what = !many
      ? 'la red ha divergido'
      : overshot.length > 1
        ? 'esas redes han divergido y se han detenido'
        : 'esa red ha divergido y se ha detenido';
    sentences.push(
      sentence(
        `${whose(overshot, many)}la pérdida ha dejado de ser un número finito: ${what}. Baja la ` +
          'tasa de aprendizaje y pulsa «Reiniciar».',
      ),
    );
  }
  return sentences;
}

function offChart(runs, many, name) {
  const sentences = [];
  const high = runs.filter((r) => r.shown.last !== undefined && !r.shown.onChart);
  if (high.length > 0) {
    sentences.push(
      sentence(
        `${whose(high, many)}la pérdida ${name} vale ${values(high.map((r) => r.shown.last))}, ` +
          `${OFF_CHART}, desde antes de entrenar: los pesos iniciales hacen que la red se ` +
          'equivoque con mucha seguridad.',
      ),
    );
    const huge = high.filter((r) => r.train.start > HUGE);
    if (huge.length > 0) {
      sentences.push(
        `Con ${formatList(huge.map((r) => r.phrase))}, las salidas de la red son tan grandes ` +
          'que lo más probable es que el primer paso desborde los pesos, sea cual sea la tasa ' +
          'de aprendizaje.',
      );
    }
  }
  const rose = runs.filter((r) => r.shown.peak > MAX_LOSS_SHOWN);
  const rising = rose.filter((r) => r.shown.calm < SETTLED);
  const settled = rose.filter((r) => r.shown.calm >= SETTLED);
  if (rising.length > 0) {
    sentences.push(
      sentence(
        `${whose(rising, many)}la pérdida ${name} ha subido hasta ` +
          `${values(rising.map((r) => r.shown.peak))}, ${OFF_CHART}, al entrenar: la tasa de ` +
          'aprendizaje da pasos tan grandes que la pérdida salta en vez de bajar. Baja la tasa y ' +
          'pulsa «Reiniciar».',
      ),
    );
  }
  if (settled.length > 0) {
    sentences.push(
      sentence(
        `${whose(settled, many)}la pérdida ${name} llegó a subir hasta ` +
          `${values(settled.map((r) => r.shown.peak))}, ${OFF_CHART}, al entrenar: algún paso ` +
          'fue demasiado grande para la tasa de aprendizaje.',
      ),
    );
  }
  return sentences;
}

/**
 * runs: [{ phrase, train: lossRecord(), shown: lossRecord(), dead, options }]: the activation
 * named in a sentence («la exponencial»), its training loss, the loss its chart shows, named by
 * `shown` («de entrenamiento» or «de prueba»), and for stuckVerdict its dead units and
 * createTrainer options. `playing` is whether training goes on; `stoppedAt`, the epoch «Parar en»
 * stopped it at, if it did; `epoch` and `chance` as stuckVerdict takes them. Returns the status's
 * sentences, '' when all is well.
 */
export function trainingVerdict(
  runs,
  { shown = 'de entrenamiento', playing, stoppedAt, epoch, chance } = {},
) {
  const many = runs.length > 1;
  const finite = (r) => r.train.last === undefined || Number.isFinite(r.train.last);
  const diverged = runs.filter((r) => !finite(r));
  const sentences = divergence(diverged, many);
  const going = runs.length - diverged.length;
  if (diverged.length > 0 && going > 0 && playing) {
    sentences.push(going > 1 ? 'Las demás siguen.' : 'La otra sigue.');
  }
  sentences.push(...offChart(runs.filter(finite), many, shown));
  // A loss off the chart has its own sentence above.
  const low = runs.filter((r) => finite(r) && r.train.last <= MAX_LOSS_SHOWN);
  sentences.push(...stuckVerdict(low, { epoch, chance, many }));
  if (stoppedAt !== undefined) {
    sentences.push(`Entrenamiento detenido en la época ${stoppedAt}, como pide «Parar en».`);
  }
  return sentences.join(' ');
}
