// A run that trains without learning: after PATIENCE epochs, its training loss has never gone
// clearly below that of a network that gives every point the same answer (ln 2 ≈ 0,693 with
// the classes half and half). The status says so, and names the likeliest cause: strong L2, a
// layer of dead units, a network that is linear in its inputs, a tiny learning rate, or a
// gradient that vanishes through many layers.
import { formatList, formatSignificant } from '../format.js';
import { format, sentence, whose } from './phrases.js';

const PATIENCE = 100; // epochs
// Below the constant answer's loss by more than this, the network has learned something.
const MARGIN = 0.02;
const STRONG_L2 = 0.1;
// The largest rates that barely move the weights (momentum 0,9 takes steps ten times larger).
const TINY_RATE = { sgd: 0.003, momentum: 0.0003, adam: 0.0001 };
const DEEP = 3; // hidden layers

/** The loss of the best constant answer: the entropy of the training labels. */
export function chanceLoss(train) {
  let ones = 0;
  for (let i = 2; i < train.length; i += 3) ones += train[i];
  const p = ones / (train.length / 3);
  return p > 0 && p < 1 ? -(p * Math.log(p) + (1 - p) * Math.log(1 - p)) : 0;
}

const ordinalLayers = (layers) =>
  layers.length === 1
    ? `la capa ${layers[0] + 1}`
    : `las capas ${formatList(layers.map((l) => String(l + 1)))}`;

/** The layers whose every unit is dead. */
const deadLayers = (run) =>
  run.options.hidden
    .map((width, l) => (width > 0 && run.dead?.[l]?.length === width ? l : -1))
    .filter((l) => l >= 0);

function cause(run) {
  const { hidden, l2, optimizer, learningRate, activation } = run.options;
  if (l2 >= STRONG_L2) return 'l2';
  if (deadLayers(run).length > 0) return 'dead';
  if (hidden.length === 0) return 'no-hidden';
  if (activation === 'linear') return 'linear';
  if (learningRate <= (TINY_RATE[optimizer] ?? 0)) return 'rate';
  if (hidden.length >= DEEP) return 'deep';
  return 'other';
}

const FEATURES_HINT = 'Añade entradas como x₁², x₂² o x₁·x₂';
const BEATS_CHANCE =
  'y con las entradas elegidas ninguna frontera de esa forma separa las clases mejor que el azar';

// The head sentence has named the runs. A cause that is the network's (L2, no hidden layers, the
// linear activation, which names itself) names none again; the others name theirs.
function explain(kind, group, many) {
  const { hidden, l2 } = group[0].options;
  switch (kind) {
    case 'l2':
      return [
        `Con L2 = ${format(l2)}, la penalización de los pesos pesa más que lo que ganan ` +
          'separando los puntos: la red los deja casi en 0 y responde lo mismo en todas partes. ' +
          'Baja L2.',
      ];
    case 'dead':
      return [
        ...group.map((run) =>
          sentence(
            `${whose([run], many)}todas las unidades de ${ordinalLayers(deadLayers(run))} ` +
              'están muertas (dan 0 en todos los puntos): la salida de la red ya no depende de ' +
              'la entrada, y el gradiente no vuelve a través de ellas.',
          ),
        ),
        'Baja la tasa de aprendizaje o prueba una activación sin tramo plano, como Leaky ReLU o ELU.',
      ];
    case 'no-hidden':
      return [
        'Sin capas ocultas, la red es una función lineal de sus entradas seguida de la sigmoide ' +
          `de salida, ${BEATS_CHANCE}. ${FEATURES_HINT}, o una capa oculta.`,
      ];
    case 'linear':
      return [
        'Con la activación lineal, las capas ocultas se reducen a una sola función lineal de las ' +
          `entradas, ${BEATS_CHANCE}. ${FEATURES_HINT}, o elige una activación no lineal.`,
      ];
    case 'rate':
      return [
        sentence(
          `${whose(group, many)}la tasa de aprendizaje es tan pequeña que cada paso apenas ` +
            'mueve los pesos: súbela.',
        ),
      ];
    case 'deep': {
      const nets = !many
        ? ''
        : `de ${group.length > 1 ? 'las redes' : 'la red'} con ${formatList(group.map((r) => r.phrase))} `;
      return [
        `Con ${hidden.length} capas ocultas, el gradiente ${nets}se encoge en cada capa y ` +
          'llega casi nulo a las primeras (lo mide la sección «El gradiente en una red ' +
          'profunda»); salir de ahí puede llevar miles de épocas, o no llegar. Quita capas o ' +
          'prueba ReLU.',
      ];
    }
    default:
      return ['Prueba otra tasa de aprendizaje, otra activación u otras entradas.'];
  }
}

const KINDS = ['l2', 'dead', 'no-hidden', 'linear', 'rate', 'deep', 'other'];

/**
 * runs: [{ phrase, train: lossRecord(), dead, options (createTrainer's) }], the finite ones;
 * `chance`: chanceLoss of the training points. Returns the status's sentences on the runs that
 * have not learned, [] if none. `many`: whether the lab compares runs (and names them).
 */
export function stuckVerdict(runs, { epoch, chance, many = runs.length > 1 }) {
  if (!(epoch > PATIENCE) || !(chance > 0)) return [];
  const stuck = runs.filter((r) => r.train.best >= chance - MARGIN);
  if (stuck.length === 0) return [];
  const phrases = formatList(stuck.map((r) => r.phrase));
  const who = !many
    ? 'La red no está'
    : stuck.length > 1
      ? `Las redes con ${phrases} no están`
      : `La red con ${phrases} no está`;
  // No number here that changes while the run is stuck: the status is a live region.
  const sentences = [
    `${who} aprendiendo: tras más de ${PATIENCE} épocas, su pérdida de entrenamiento no baja ` +
      `claramente de ${formatSignificant(chance, 2)}, la que tendría respondiendo lo mismo en ` +
      'todos los puntos.',
  ];
  for (const kind of KINDS) {
    const group = stuck.filter((r) => cause(r) === kind);
    if (group.length > 0) sentences.push(...explain(kind, group, many));
  }
  return sentences;
}
