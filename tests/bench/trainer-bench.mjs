// The training lab against TensorFlow.js, in Node, side by side in one run. All variants train
// TensorFlow Playground's default network on the same 250 training points (dataset xor from our
// trainer: 500 samples, noise 0, half for training): inputs x1 and x2, hidden layers [4, 2] with
// tanh, a sigmoid output with binary cross-entropy, plain SGD at 0.03, mini-batches of 10,
// reshuffled every epoch. One epoch is one pass over the 250 points (25 batches) everywhere.
// Initial weights differ (each side uses its own default initializer), which does not change the
// work per epoch.
//
// - This core (wasm, with and without SIMD): trainer.step(epochs), in float64. Each step() call
//   also computes the training and test losses (500 more forward rows), which counts against us.
// - TF.js 4.22 layers on the cpu and wasm backends: tf.sequential + model.fit(xs, ys, { batchSize:
//   10, epochs, shuffle: true, verbose: 0 }), in float32.
//
// Training speed is samples per second (epochs × 250 / time): the epoch count grows until one run
// takes ≥ 250 ms (which also warms up the JITs), one more run at that count is discarded, then the
// median of 5 such runs (≥ ~1 s in all per variant). Scoring the 100×100 grid over [-6, 6]² is the
// median of 20 runs after 5 warm-up runs: ours is trainer.predictGrid(100, out) into a reused
// Float64Array (grid coordinates computed inside); TF.js is model.predict on a 10000×2 tensor
// built once beforehand (not timed) with batchSize 10000, i.e. one batched pass like ours (the
// default batchSize of 32 cuts it into 313 batches and is 15-30× slower here), plus dataSync() to
// get the numbers back and disposing the output. Timings are Node on this machine only. TF.js is
// a devDependency used only in benchmarks.
import { performance } from 'node:perf_hooks';
import { API_URL } from '../js/support/paths.mjs';
import { loadTfjs } from './support/tfjs-node.mjs';

const { loadActivations } = await import(API_URL);

const GRID = 100;
const LEARNING_RATE = 0.03;
const BATCH = 10;
const MIN_RUN_MS = 250;
const TRAIN_RUNS = 5;
const GRID_RUNS = 20;
const MAX_EPOCHS_PER_STEP = 1000; // TrainerLimits::kMaxEpochsPerStep

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// Samples per second of `train(epochs)` (sync or async), as described at the top.
async function trainingRate(train, samplesPerEpoch) {
  await train(1);
  let epochs = 1;
  let ms = 0;
  for (;;) {
    const t = performance.now();
    await train(epochs);
    ms = performance.now() - t;
    if (ms >= MIN_RUN_MS) break;
    epochs *= ms > 0 ? Math.min(8, Math.max(2, Math.ceil(MIN_RUN_MS / ms))) : 8;
  }
  await train(epochs);
  const rates = [];
  for (let r = 0; r < TRAIN_RUNS; r++) {
    const t = performance.now();
    await train(epochs);
    rates.push((epochs * samplesPerEpoch) / ((performance.now() - t) / 1000));
  }
  return { rate: median(rates), epochs };
}

function gridMs(score) {
  for (let i = 0; i < 5; i++) score();
  const times = [];
  for (let i = 0; i < GRID_RUNS; i++) {
    const t = performance.now();
    score();
    times.push(performance.now() - t);
  }
  return median(times);
}

const rows = [];
let train = null;
for (const simd of [true, false]) {
  const api = await loadActivations({ simd });
  const t = api.createTrainer({ dataset: 'xor' });
  const o = t.options;
  if (
    o.samples !== 500 ||
    o.noise !== 0 ||
    o.trainFraction !== 0.5 ||
    o.hidden.join() !== '4,2' ||
    o.activation !== 'tanh' ||
    o.optimizer !== 'sgd' ||
    o.learningRate !== LEARNING_RATE ||
    o.batchSize !== BATCH ||
    o.l2 !== 0 ||
    o.features.join() !== 'x1,x2'
  ) {
    throw new Error(`the trainer's defaults changed: ${JSON.stringify(o)}`);
  }
  train ??= t.points().train;
  const n = train.length / 3;
  const step = (epochs) => {
    for (let left = epochs; left > 0; left -= MAX_EPOCHS_PER_STEP) {
      t.step(Math.min(left, MAX_EPOCHS_PER_STEP));
    }
  };
  const { rate, epochs } = await trainingRate(step, n);
  const out = new Float64Array(GRID * GRID);
  rows.push({
    name: `este núcleo, wasm ${simd ? 'con' : 'sin'} SIMD`,
    rate,
    epochs,
    grid: gridMs(() => t.predictGrid(GRID, out)),
  });
  t.dispose();
}

// The same training points for TF.js: features as float32 [n, 2], labels (0 or 1) as [n, 1].
const n = train.length / 3;
const features = new Float32Array(n * 2);
const labels = new Float32Array(n);
for (let k = 0; k < n; k++) {
  features[2 * k] = train[3 * k];
  features[2 * k + 1] = train[3 * k + 1];
  labels[k] = train[3 * k + 2];
}
// The grid points in predictGrid's order: row i has x2 = 6 − 12i/99, column j has x1 = −6 + 12j/99.
const gridPoints = new Float32Array(GRID * GRID * 2);
for (let i = 0; i < GRID; i++) {
  for (let j = 0; j < GRID; j++) {
    gridPoints[2 * (i * GRID + j)] = -6 + (12 * j) / (GRID - 1);
    gridPoints[2 * (i * GRID + j) + 1] = 6 - (12 * i) / (GRID - 1);
  }
}

const tf = await loadTfjs();

for (const backend of ['cpu', 'wasm']) {
  await tf.setBackend(backend);
  await tf.ready();
  const model = tf.sequential({
    layers: [
      tf.layers.dense({ units: 4, activation: 'tanh', inputShape: [2] }),
      tf.layers.dense({ units: 2, activation: 'tanh' }),
      tf.layers.dense({ units: 1, activation: 'sigmoid' }),
    ],
  });
  model.compile({ optimizer: tf.train.sgd(LEARNING_RATE), loss: 'binaryCrossentropy' });
  const xs = tf.tensor2d(features, [n, 2]);
  const ys = tf.tensor2d(labels, [n, 1]);
  const fit = (epochs) =>
    model.fit(xs, ys, { batchSize: BATCH, epochs, shuffle: true, verbose: 0 });
  const { rate, epochs } = await trainingRate(fit, n);
  const grid = tf.tensor2d(gridPoints, [GRID * GRID, 2]);
  const ms = gridMs(() => {
    const p = model.predict(grid, { batchSize: GRID * GRID });
    p.dataSync();
    p.dispose();
  });
  rows.push({ name: `TensorFlow.js 4.22, backend ${backend}`, rate, epochs, grid: ms });
  grid.dispose();
  xs.dispose();
  ys.dispose();
  model.dispose();
}

const columns = [
  ['variante', (r) => r.name],
  ['muestras/s', (r) => Math.round(r.rate).toLocaleString('es-ES')],
  ['épocas por medida', (r) => String(r.epochs)],
  [`rejilla ${GRID}×${GRID} (ms)`, (r) => r.grid.toFixed(3)],
];
const cells = rows.map((r) => columns.map(([, f]) => f(r)));
const widths = columns.map(([h], c) => Math.max(h.length, ...cells.map((row) => row[c].length)));
const line = (values) =>
  values.map((v, c) => (c === 0 ? v.padEnd(widths[c]) : v.padStart(widths[c]))).join('  ');

console.log(
  `Entrenamiento de la red por defecto de TensorFlow Playground: xor, ${n} puntos de entrenamiento, ` +
    `2 → [4, 2] tanh → 1 sigmoide, entropía cruzada binaria, SGD ${LEARNING_RATE}, lotes de ${BATCH} ` +
    `barajados en cada época (Node ${process.version}; mediana de ${TRAIN_RUNS} medidas de ≥ ` +
    `${MIN_RUN_MS} ms para entrenar, de ${GRID_RUNS} para la rejilla):`,
);
console.log(line(columns.map(([h]) => h)));
console.log(line(widths.map((w) => '-'.repeat(w))));
for (const row of cells) console.log(line(row));

const verdict = (ok) => (ok ? 'cumple' : 'no cumple');
const [ours, , cpu, wasm] = rows;
const vsCpu = ours.rate / cpu.rate;
const vsWasm = ours.rate / wasm.rate;
console.log(
  `Este núcleo (SIMD) frente a TF.js cpu: ${vsCpu.toFixed(1)}× muestras/s ` +
    `(objetivo ≥ 10×: ${verdict(vsCpu >= 10)})`,
);
console.log(
  `Este núcleo (SIMD) frente a TF.js wasm: ${vsWasm.toFixed(1)}× muestras/s ` +
    `(objetivo ≥ 3×: ${verdict(vsWasm >= 3)})`,
);
console.log(
  `Rejilla ${GRID}×${GRID} de este núcleo (SIMD): ${ours.grid.toFixed(3)} ms ` +
    `(objetivo ≤ 2 ms: ${verdict(ours.grid <= 2)})`,
);
