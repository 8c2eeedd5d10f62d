// A run that trains without learning. Window by window of 100 epochs, the lowest training loss
// is compared with that of a network that gives every point the same answer (ln 2 ≈ 0,693 with
// the classes half and half): a run whose last window stays there, and that has not come down
// since the window before, is stuck. The status says so, and names the likeliest cause: strong
// L2, a layer of dead units, a network that is linear in its inputs, a tiny learning rate, or a
// gradient that vanishes through many layers. A run still coming down from above, slowly because
// of a tiny rate, is told to raise it instead.
import { formatList, formatSignificant } from '../format.js';
import { format, sentence, whose } from './phrases.js';

const WINDOW = 100; // epochs
// Below the constant answer's loss by more than this, the network has learned something.
const MARGIN = 0.02;
// Down by more than this from one window to the next, the loss is still falling.
const FALLING = 0.01;
const STRONG_L2 = 0.1;
// The largest rates that barely move the weights (momentum 0,9 takes steps ten times larger).
const TINY_RATE = { sgd: 0.003, momentum: 0.0003, adam: 0.0001 };
const DEEP = 3; // hidden layers

/** The loss's level, window by window: the loss before training, then each window's lowest. */
export function levelRecord() {
  return { from: undefined, min: Infinity, recent: undefined, previous: undefined };
}

/** Updates the level with the loss at `epoch`; it changes only as a window closes. */
export function trackLevel(level, loss, epoch) {
  if (epoch === undefined || !Number.isFinite(loss)) return;
  if (level.from === undefined) {
    level.from = epoch;
    level.recent = loss;
    return;
  }
  level.min = Math.min(level.min, loss);
  if (epoch - level.from >= WINDOW) {
    level.previous = level.recent;
    level.recent = level.min;
    level.from = epoch;
    level.min = Infinity;
  }
}

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

const tinyRate = ({ optimizer, learningRate }) => learningRate <= (TINY_RATE[optimizer] ?? 0);

function cause(run) {
  const { hidden, l2, activation } = run.options;
  if (l2 >= STRONG_L2) return 'l2';
  if (deadLayers(run).length > 0) return 'dead';
  if (hidden.length === 0) return 'no-hidden';
  if (activation === 'linear') return 'linear';
  if (tinyRate(run.options)) return 'rate';
  if (hidden.length >= DEEP) return 'deep';
  return 'other';
}

// The inputs that make each data set separable by a linear function of them.
const INPUTS_HINT = {
  circle: 'Añade las entradas x₁² y x₂²',
  xor: 'Añade la entrada x₁·x₂',
  spiral: null, // none of the inputs does it alone
};

/** «ninguna recta separa las clases…», and what to add: for the linear causes. */
function linearSentence(start, { dataset, features }, fix) {
  const line = features.every((f) => f === 'x1' || f === 'x2')
    ? 'ninguna recta'
    : 'ninguna frontera lineal en las entradas elegidas';
  const inputs =
    INPUTS_HINT[dataset] === undefined
      ? 'Añade entradas como x₁², x₂² o x₁·x₂'
      : INPUTS_HINT[dataset];
  const what = inputs ? `${inputs}, o ${fix[0].toLowerCase()}${fix.slice(1)}` : fix;
  return `${start}, y ${line} separa estas clases mejor que el azar. ${what}.`;
}

const RATE_SENTENCE =
  'la tasa de aprendizaje es tan pequeña que cada paso apenas mueve los pesos: súbela.';

// The head sentence has named the runs. A cause that is the network's (L2, no hidden layers, the
// linear activation, which names itself) names none again; the others name theirs.
function explain(kind, group, many, all) {
  const { hidden, l2 } = group[0].options;
  switch (kind) {
    case 'l2':
      return [
        `Con L2 = ${format(l2)}, la penalización de los pesos cuesta más de lo que la red gana ` +
          'separando los puntos: deja los pesos casi en 0 y responde lo mismo en todas partes. ' +
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
        linearSentence(
          'Sin capas ocultas, la red es una función lineal de sus entradas seguida de la sigmoide de salida',
          group[0].options,
          'Añade una capa oculta',
        ),
      ];
    case 'linear':
      return [
        linearSentence(
          'Con la activación lineal, las capas ocultas se reducen a una sola función lineal de las entradas',
          group[0].options,
          'Elige una activación no lineal',
        ),
      ];
    case 'rate':
      return [sentence(`${whose(group, many)}${RATE_SENTENCE}`)];
    case 'deep': {
      const nets = !many
        ? ''
        : `de ${group.length > 1 ? 'las redes' : 'la red'} con ${formatList(group.map((r) => r.phrase))} `;
      // Not «prueba ReLU» to a reader who is already training it.
      const relu = all.some((r) => r.options.activation === 'relu');
      return [
        `Con ${hidden.length} capas ocultas, el gradiente ${nets}se encoge en cada capa y ` +
          'llega casi nulo a las primeras (lo mide la sección «El gradiente en una red ' +
          'profunda»); salir de ahí puede llevar miles de épocas, o no llegar. ' +
          (relu ? 'Quita capas.' : 'Quita capas o prueba ReLU.'),
      ];
    }
    default:
      return ['Prueba otra tasa de aprendizaje, otra activación u otras entradas.'];
  }
}

const KINDS = ['l2', 'dead', 'no-hidden', 'linear', 'rate', 'deep', 'other'];

/** «La red no está», «La red con ReLU no está», «Las redes con … no están». */
function subject(runs, many, [one, several]) {
  const phrases = formatList(runs.map((r) => r.phrase));
  if (!many) return `La red ${one}`;
  // Without hidden layers no activation takes part: the runs compared are one and the same.
  if (runs[0].options.hidden.length === 0) {
    return `Sin capas ocultas, las redes comparadas son la misma, y ${one}`;
  }
  return runs.length > 1 ? `Las redes con ${phrases} ${several}` : `La red con ${phrases} ${one}`;
}

/**
 * runs: [{ phrase, train: lossRecord(), dead, options (createTrainer's) }], the finite ones;
 * `chance`: chanceLoss of the training points. Returns the status's sentences on the runs that
 * have not learned, [] if none. `many`: whether the lab compares runs (and names them).
 */
export function stuckVerdict(runs, { epoch, chance, many = runs.length > 1 }) {
  if (!(epoch > WINDOW) || !(chance > 0)) return [];
  const high = (r) =>
    r.train.level.previous !== undefined && r.train.level.recent >= chance - MARGIN;
  const falling = (r) => r.train.level.previous - r.train.level.recent > FALLING;
  const stuck = runs.filter((r) => high(r) && !falling(r));
  const slow = runs.filter((r) => high(r) && falling(r) && tinyRate(r.options));
  // No number here that changes while a run stays where it is: the status is a live region.
  const level = `${formatSignificant(chance, 2)}, la que tendría respondiendo lo mismo en todos los puntos`;
  const sentences = [];
  if (stuck.length > 0) {
    sentences.push(
      `${subject(stuck, many, ['no está', 'no están'])} aprendiendo: tras más de ${WINDOW} ` +
        `épocas, su pérdida de entrenamiento no baja claramente de ${level}.`,
    );
    for (const kind of KINDS) {
      const group = stuck.filter((r) => cause(r) === kind);
      if (group.length > 0) sentences.push(...explain(kind, group, many, runs));
    }
  }
  if (slow.length > 0) {
    sentences.push(
      `${subject(slow, many, ['aprende', 'aprenden'])} muy despacio: tras más de ${WINDOW} ` +
        `épocas, su pérdida de entrenamiento desciende, pero todavía no baja claramente de ${level}. ` +
        sentence(RATE_SENTENCE),
    );
  }
  return sentences;
}
