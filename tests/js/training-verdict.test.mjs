// What the training lab's status says about its runs (web/app/training/verdict.js), from loss
// histories: the cause it gives must be the one that fits the history.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chanceLoss } from '../../web/app/training/stuck.js';
import { lossRecord, recordLoss, trainingVerdict } from '../../web/app/training/verdict.js';
import { API_URL } from './support/paths.mjs';

/** A run whose chart shows its training loss. */
function run(phrase, losses) {
  const train = lossRecord();
  for (const l of losses) recordLoss(train, l);
  return { phrase, train, shown: train };
}

test('a run on the chart says nothing, and one stopped by «Parar en» says only that', () => {
  assert.equal(trainingVerdict([run('tanh', [0.7, 0.5, 0.3])]), '');
  assert.equal(
    trainingVerdict([run('tanh', [0.7, 0.5])], { stoppedAt: 100 }),
    'Entrenamiento detenido en la época 100, como pide «Parar en».',
  );
});

test('a loss off the chart from the start blames the initial weights, not the learning rate', () => {
  const text = trainingVerdict([run('ELU (α = 1,5)', [2.76, 2.4])]);
  assert.match(
    text,
    /^La pérdida de entrenamiento vale 2,4, fuera de la gráfica \(más de 2\), desde antes de entrenar: los pesos iniciales/,
  );
  assert.doesNotMatch(text, /tasa/);
  // Once it comes down, the start is not held against it, and a later rise is.
  assert.equal(trainingVerdict([run('ELU', [2.76, 2.4, 0.6])]), '');
  assert.match(
    trainingVerdict([run('ELU', [2.76, 0.6, 2.9, 0.7])]),
    /ha subido hasta 2,9,.* Baja la tasa/,
  );
});

test('a loss that rose off the chart while training keeps its peak after it comes back', () => {
  const text = trainingVerdict([run('ReLU', [0.69, 0.6, 2.91, 0.8, 2.5, 0.7])]);
  assert.match(
    text,
    /^La pérdida de entrenamiento ha subido hasta 2,91, fuera de la gráfica \(más de 2\), al entrenar: la tasa de aprendizaje/,
  );
});

test('divergence is blamed on the rate after a sane start, on the activation after a huge one', () => {
  assert.match(
    trainingVerdict([run('tanh', [0.7, 5, NaN])]),
    /^La pérdida ha dejado de ser un número finito: la red ha divergido\. Baja la tasa/,
  );
  const huge = trainingVerdict([run('la exponencial', [5.73e63, NaN])]);
  assert.match(
    huge,
    /^Con la exponencial, la pérdida ha dejado de ser un número finito\. Ya valía 5,73·10⁶³ antes de entrenar/,
  );
  assert.match(huge, /una tasa de aprendizaje menor no lo evita\. Elige otra activación\.$/);
  assert.match(
    trainingVerdict([run('la exponencial', [5.73e63])]),
    /Con la exponencial, las salidas de la red son tan grandes que lo más probable es que el primer paso desborde los pesos/,
  );
});

test('a rise that has settled is told in the past, without the advice', () => {
  const losses = [0.69, 0.6, 2.91, ...Array(25).fill(0.05)];
  assert.match(
    trainingVerdict([run('ReLU', losses.slice(0, 10))]),
    /ha subido hasta 2,91.*Baja la tasa/,
  );
  assert.equal(
    trainingVerdict([run('ReLU', losses)]),
    'La pérdida de entrenamiento llegó a subir hasta 2,91, fuera de la gráfica (más de 2), al ' +
      'entrenar: algún paso fue demasiado grande para la tasa de aprendizaje.',
  );
});

test('a loss not finite before any step blames the forward pass, not a step', () => {
  const text = trainingVerdict([run('la exponencial', [Infinity])]);
  assert.match(
    text,
    /^Con la exponencial, la pérdida no es un número finito ni siquiera antes de entrenar: /,
  );
  assert.doesNotMatch(text, /gradientes|tasa/);
});

test('compared, the status judges the curve the chart plots, and names it', () => {
  const test = lossRecord();
  for (const l of [0.7, 2.5, 2.6]) recordLoss(test, l);
  const tanh = { ...run('la tangente hiperbólica', [0.7, 0.5, 0.4]), shown: test };
  const text = trainingVerdict([tanh, run('ReLU', [0.7, 0.5, 0.4])], { shown: 'de prueba' });
  assert.match(text, /^Con la tangente hiperbólica, la pérdida de prueba ha subido hasta 2,6,/);
});

test('compared, each sentence names its runs, and the runs still training are said to go on', () => {
  const runs = [
    run('la tangente hiperbólica', [0.7, 0.5]),
    run('ReLU', [0.7, 3, NaN]),
    run('la sigmoide', [0.7, 0.69]),
    run('la exponencial', [1e40, NaN]),
  ];
  const text = trainingVerdict(runs, { playing: true });
  // Paused or stopped, nothing goes on.
  assert.doesNotMatch(trainingVerdict(runs, { playing: false }), /siguen/);
  assert.doesNotMatch(trainingVerdict(runs, { stoppedAt: 100 }), /siguen/);
  assert.match(text, /^Con la exponencial, la pérdida ha dejado/);
  assert.match(
    text,
    /Con ReLU, la pérdida ha dejado de ser un número finito: esa red ha divergido y se ha detenido\./,
  );
  assert.match(text, /Las demás siguen\.$/);
  assert.match(
    trainingVerdict([run('ELU', [2.5, 2.4]), run('SELU', [3.1, 3])]),
    /^Con ELU y SELU, la pérdida de entrenamiento vale 2,4 y 3, respectivamente, fuera/,
  );
});

// A run that does not learn, trained by the real trainer as the lab trains it: the verdict must
// name the cause that fits the network, and stay silent while a run learns or is still young.
const { loadActivations } = await import(API_URL);
const api = await loadActivations();
// The lab's options with TensorFlow Playground's defaults (training/props.js, trainerRuns).
const LAB = {
  hidden: [4, 2],
  optimizer: 'sgd',
  learningRate: 0.03,
  l2: 0,
  activation: 'tanh',
  features: ['x1', 'x2'],
};

function trained(phrase, options, epochs = 200) {
  const full = { dataset: 'circle', ...LAB, ...options };
  const trainer = api.createTrainer(full);
  const train = lossRecord();
  recordLoss(train, trainer.step(0).trainLoss, 0);
  for (let e = 10; e <= epochs; e += 10) recordLoss(train, trainer.step(10).trainLoss, e);
  const run = { phrase, train, shown: train, dead: trainer.deadUnits(), options: full };
  const chance = chanceLoss(trainer.points().train);
  trainer.dispose();
  return { run, chance, epoch: epochs };
}

const verdictOf = ({ run, chance, epoch }) => trainingVerdict([run], { epoch, chance });

test('the constant answer’s loss is the entropy of the training labels', () => {
  assert.equal(chanceLoss([0, 0, 1, 1, 1, 0]), Math.log(2));
  const p = 1 / 4;
  assert.equal(
    chanceLoss([0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
    -(p * Math.log(p) + (1 - p) * Math.log(1 - p)),
  );
  assert.equal(chanceLoss([0, 0, 1, 1, 1, 1]), 0);
});

test('a run that learns, or has not trained 100 epochs yet, gets no verdict', () => {
  assert.equal(verdictOf(trained('la tangente hiperbólica', {})), '');
  assert.equal(verdictOf(trained('la activación lineal', { activation: 'linear' }, 100)), '');
});

test('a run still coming down is not stuck: with a tiny rate it is told to raise it', () => {
  // The two gaussians are linearly separable: at rate 10⁻⁵ the loss falls from 2,7, slowly.
  const slow = verdictOf(
    trained('la activación lineal', { activation: 'linear', dataset: 'gauss', learningRate: 1e-5 }),
  );
  assert.doesNotMatch(slow, /no está aprendiendo|ninguna recta/);
  assert.match(
    slow,
    /^La red aprende muy despacio: tras más de 100 épocas, su pérdida de entrenamiento desciende, pero todavía no baja claramente de 0,69, .* La tasa de aprendizaje es tan pequeña/,
  );
});

test('a linear network on the circle is told that no line separates it', () => {
  const text = verdictOf(trained('la activación lineal', { activation: 'linear' }));
  assert.match(
    text,
    /^La red no está aprendiendo: tras más de 100 épocas, su pérdida de entrenamiento no baja claramente de 0,69, la que tendría respondiendo lo mismo en todos los puntos\. /,
  );
  assert.match(
    text,
    /Con la activación lineal, las capas ocultas se reducen a una sola función lineal de las entradas, y ninguna recta separa estas clases mejor que el azar\. Añade las entradas x₁² y x₂², o elige una activación no lineal\.$/,
  );
  const flat = verdictOf(trained('la tangente hiperbólica', { dataset: 'xor', hidden: [] }));
  assert.match(flat, /Sin capas ocultas, la red es una función lineal de sus entradas/);
  assert.match(flat, /Añade la entrada x₁·x₂, o añade una capa oculta\.$/);
  // The features that make the circle linear let it learn.
  assert.equal(verdictOf(trained('ReLU', { hidden: [], features: ['x1sq', 'x2sq'] })), '');
});

test('strong L2 is blamed before the dead units it causes', () => {
  const text = verdictOf(trained('ReLU', { activation: 'relu', l2: 0.3 }));
  assert.match(
    text,
    /Con L2 = 0,3, la penalización de los pesos cuesta más de lo que la red gana .* Baja L2\.$/,
  );
  assert.doesNotMatch(text, /muertas/);
});

test('a layer of dead units, a tiny rate and a vanishing gradient are each named', () => {
  const dead = trained('ReLU', { activation: 'relu', learningRate: 3 }, 600);
  assert.deepEqual(dead.run.dead[1], [0, 1]);
  assert.match(verdictOf(dead), /Todas las unidades de la capa 2 están muertas \(dan 0/);
  const slow = verdictOf(trained('la tangente hiperbólica', { learningRate: 0.0001 }));
  assert.match(slow, /la tasa de aprendizaje es tan pequeña que cada paso apenas mueve los pesos/i);
  const deep = verdictOf(trained('la sigmoide', { activation: 'sigmoid', hidden: [4, 4, 4, 4] }));
  assert.match(
    deep,
    /Con 4 capas ocultas, el gradiente se encoge en cada capa y llega casi nulo a las primeras/,
  );
  assert.match(deep, /«El gradiente en una red profunda»/);
});

test('compared, only the runs that do not learn are named, each with its cause', () => {
  const sigmoid = trained('la sigmoide', { activation: 'sigmoid', hidden: [4, 4, 4, 4] });
  const relu = trained('ReLU', { activation: 'relu', hidden: [4, 4, 4, 4] });
  const linear = trained('la activación lineal', { activation: 'linear', hidden: [4, 4, 4, 4] });
  const text = trainingVerdict([sigmoid.run, relu.run, linear.run], {
    epoch: 200,
    chance: sigmoid.chance,
  });
  assert.match(
    text,
    /^Las redes con la sigmoide y la activación lineal no están aprendiendo: tras más de 100 épocas, su pérdida de entrenamiento no baja claramente de 0,69, .* puntos\. /,
  );
  assert.match(text, / Con la activación lineal, las capas ocultas se reducen/);
  assert.match(text, / Con 4 capas ocultas, el gradiente de la red con la sigmoide se encoge/);
  assert.doesNotMatch(text, /con ReLU/i);
  // ReLU is being trained already, and learns: the advice does not offer it.
  assert.match(text, /o no llegar\. Quita capas\.$/);
});

test('compared without hidden layers, the runs are said to be one and the same network', () => {
  const runs = ['tanh', 'relu'].map((activation) =>
    trained(activation, { activation, dataset: 'xor', hidden: [] }),
  );
  const text = trainingVerdict(
    runs.map((r) => r.run),
    { epoch: 200, chance: runs[0].chance },
  );
  assert.match(
    text,
    /^Sin capas ocultas, las redes comparadas son la misma, y no está aprendiendo: /,
  );
});
