// Times the JS API over the wasm core in Node: a 601-point curve (what one slider step costs)
// and 10^6 points, in double and in float32 (f and f′ both), per function. Timings live here,
// never in tests.
import { performance } from 'node:perf_hooks';
import { API_URL } from '../js/support/paths.mjs';

const { loadActivations } = await import(API_URL);
const api = await loadActivations();

function time(fn, { minMs = 200, minRuns = 5 } = {}) {
  const samples = [];
  const start = performance.now();
  while (samples.length < minRuns || performance.now() - start < minMs) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return { p50: samples[Math.floor(samples.length / 2)], runs: samples.length };
}

const curve = Float64Array.from({ length: 601 }, (_, i) => -6 + (12 * i) / 600);
const million = Float64Array.from({ length: 1e6 }, (_, i) => -10 + (20 * i) / 1e6);
const curve32 = Float32Array.from(curve);
const million32 = Float32Array.from(million);
const rows = [];
for (const spec of api.list().filter((s) => s.kind === 'elementwise')) {
  const small = time(() => api.evaluate(spec.id, curve));
  const small32 = time(() => api.evaluate(spec.id, curve32));
  const big = time(() => api.evaluate(spec.id, million), { minRuns: 3 });
  const big32 = time(() => api.evaluate(spec.id, million32), { minRuns: 3 });
  rows.push({
    función: spec.id,
    'curva de 601 puntos (µs)': (small.p50 * 1000).toFixed(1),
    '10⁶ puntos (ms)': big.p50.toFixed(1),
    'millones de puntos/s': ((1 / big.p50 / 1000) * 1e6).toFixed(1),
    'curva float32 (µs)': (small32.p50 * 1000).toFixed(1),
    '10⁶ puntos float32 (ms)': big32.p50.toFixed(2),
  });
}
const logits = [1.5, -0.3, 2.2, 0.1, -1.7, 0.9];
const sm = time(() => {
  api.softmax(logits, 1.3);
  api.softmaxJacobian(logits, 1.3);
});
console.log('API JS sobre WebAssembly (Node %s), mediana de varias ejecuciones:', process.version);
console.table(rows);
console.log(`softmax + jacobiano de 6 logits: ${(sm.p50 * 1000).toFixed(1)} µs`);
