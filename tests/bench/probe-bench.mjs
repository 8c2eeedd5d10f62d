// The network probe against TensorFlow.js, in Node, side by side: the default probe (30 layers
// of 128 units, a batch of 256, tanh), one forward and one backward pass, in our wasm (with and
// without SIMD) and in TF.js with its wasm backend (XNNPACK) and its cpu backend. TF.js is a
// devDependency used only here.
import { performance } from 'node:perf_hooks';
import { API_URL } from '../js/support/paths.mjs';
import { loadTfjs } from './support/tfjs-node.mjs';

const { loadActivations } = await import(API_URL);
const LAYERS = 30;
const WIDTH = 128;
const BATCH = 256;
const RUNS = 5;

function median(fn) {
  fn();
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)];
}

const rows = [];
for (const simd of [true, false]) {
  const api = await loadActivations({ simd });
  const options = {
    activation: 'tanh',
    depth: LAYERS,
    width: WIDTH,
    batch: BATCH,
    init: 'lecun_normal',
  };
  rows.push({
    name: `este núcleo, wasm ${simd ? 'con' : 'sin'} SIMD`,
    ms: median(() => api.probeNetwork(options)),
  });
}

const tf = await loadTfjs();

for (const backend of ['wasm', 'cpu']) {
  await tf.setBackend(backend);
  await tf.ready();
  const x = tf.randomNormal([BATCH, WIDTH]);
  const weights = Array.from({ length: LAYERS }, () =>
    tf.mul(tf.truncatedNormal([WIDTH, WIDTH]), Math.sqrt(1 / WIDTH) / 0.8796),
  );
  const upstream = tf.randomNormal([BATCH, WIDTH]);
  const forward = (input) => weights.reduce((a, w) => tf.tanh(tf.matMul(a, w)), input);
  // The same work: forward, then the gradient of <output, upstream> back to the input.
  const run = () =>
    tf.tidy(() => {
      const [dx] = tf.grads((input) => tf.sum(tf.mul(forward(input), upstream)))([x]);
      dx.dataSync();
    });
  rows.push({
    name: `TensorFlow.js 4.22, backend ${backend}${backend === 'wasm' ? ' (XNNPACK)' : ''}`,
    ms: median(run),
  });
}

const ours = rows[0].ms;
console.log(
  `Sonda de red: ${LAYERS} capas × ${WIDTH} unidades × lote de ${BATCH}, tanh, hacia delante y hacia atrás (Node ${process.version}, mediana de ${RUNS}):`,
);
console.table(
  rows.map((r) => ({
    implementación: r.name,
    'ms por pasada': r.ms.toFixed(1),
    'relación con este núcleo (SIMD)': `${(r.ms / ours).toFixed(2)}×`,
  })),
);
