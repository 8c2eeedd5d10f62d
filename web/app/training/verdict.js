// What the training lab's status says about its runs: one that diverged, and why; a loss off the
// chart since before training, or that rose off it while training; a run stopped at «Parar en».
// Pure, so that its wording is tested without a page.
import { formatList, formatSignificant } from '../format.js';

// Above it (a run that does not converge) the curve leaves the loss chart: the status says so.
export const MAX_LOSS_SHOWN = 2;

const OFF_CHART = `fuera de la gráfica (más de ${MAX_LOSS_SHOWN})`;
// A loss this large before training means outputs so large that the first step's gradients
// overflow the weights, even at the lab's lowest learning rate (10⁻⁵): the activation is to blame.
const HUGE = 1e10;

/** A run's training-loss history, as far as the verdict needs it, kept as updates arrive. */
export function lossRecord() {
  return { start: undefined, last: undefined, onChart: false, peak: -Infinity };
}

/** Records the training loss of an update: the first one is the loss before training. */
export function recordLoss(record, loss) {
  if (record.start === undefined) record.start = loss;
  record.last = loss;
  if (record.onChart && Number.isFinite(loss)) record.peak = Math.max(record.peak, loss);
  if (loss <= MAX_LOSS_SHOWN) record.onChart = true;
}

const format = (v) => formatSignificant(v, 3);

/** «con ELU y la exponencial, » when comparing, '' with one run. */
const whose = (runs, many) => (many ? `con ${formatList(runs.map((r) => r.phrase))}, ` : '');

/** «2,76», or «2,76 y 3,1, respectivamente» for several runs. */
const values = (numbers) =>
  formatList(numbers.map(format)) + (numbers.length > 1 ? ', respectivamente' : '');

const sentence = (text) => text[0].toUpperCase() + text.slice(1);

/**
 * runs: [{ phrase, loss: lossRecord() }], where phrase names the activation in a sentence
 * («la exponencial»). `stoppedAt` is the epoch «Parar en» stopped the run at, if it did.
 * Returns the status's sentences, '' when all is well.
 */
export function trainingVerdict(runs, { stoppedAt } = {}) {
  const many = runs.length > 1;
  const sentences = [];
  const diverged = runs.filter((r) => r.loss.last !== undefined && !Number.isFinite(r.loss.last));
  const exploded = diverged.filter((r) => !(r.loss.start <= HUGE));
  const overshot = diverged.filter((r) => r.loss.start <= HUGE);
  if (exploded.length > 0) {
    const before =
      exploded.length === 1 && Number.isFinite(exploded[0].loss.start)
        ? `Ya valía ${format(exploded[0].loss.start)} antes de entrenar`
        : 'Ya era enorme antes de entrenar';
    sentences.push(
      `Con ${formatList(exploded.map((r) => r.phrase))}, la pérdida ha dejado de ser un número finito. ` +
        `${before}: las salidas de la red eran tan grandes que los gradientes desbordaron los ` +
        'pesos, y una tasa de aprendizaje menor no lo evita. Elige otra activación.',
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
  const going = runs.length - diverged.length;
  if (diverged.length > 0 && going > 0) {
    sentences.push(going > 1 ? 'Las demás siguen.' : 'La otra sigue.');
  }
  const finite = runs.filter((r) => Number.isFinite(r.loss.last));
  const high = finite.filter((r) => !r.loss.onChart);
  if (high.length > 0) {
    const huge = high.filter((r) => r.loss.start > HUGE);
    sentences.push(
      sentence(
        `${whose(high, many)}la pérdida de entrenamiento vale ` +
          `${values(high.map((r) => r.loss.last))}, ${OFF_CHART}, desde antes de entrenar: los ` +
          'pesos iniciales hacen que la red se equivoque con mucha seguridad.',
      ),
    );
    if (huge.length > 0) {
      sentences.push(
        `Con ${formatList(huge.map((r) => r.phrase))}, las salidas de la red son tan grandes que lo más ` +
          'probable es que el primer paso la desborde, sea cual sea la tasa de aprendizaje.',
      );
    }
  }
  const rose = finite.filter((r) => r.loss.peak > MAX_LOSS_SHOWN);
  if (rose.length > 0) {
    sentences.push(
      sentence(
        `${whose(rose, many)}la pérdida de entrenamiento ha subido hasta ` +
          `${values(rose.map((r) => r.loss.peak))}, ${OFF_CHART}, al entrenar: la tasa de ` +
          'aprendizaje da pasos tan grandes que la pérdida salta en vez de bajar. Baja la tasa y ' +
          'pulsa «Reiniciar».',
      ),
    );
  }
  if (stoppedAt !== undefined) {
    sentences.push(`Entrenamiento detenido en la época ${stoppedAt}, como pide «Parar en».`);
  }
  return sentences.join(' ');
}
