// What the training lab's status says about its runs (web/app/training/verdict.js), from loss
// histories: the cause it gives must be the one that fits the history.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lossRecord, recordLoss, trainingVerdict } from '../../web/app/training/verdict.js';

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
