// The elementwise benchmark itself, the same code in Node and in the browser: 10⁶ float32 inputs,
// seven activations, six implementations timed side by side. Every implementation goes from a
// JS array to a new JS array (TF.js: tensor from the Float32Array, the op, dataSync, dispose),
// so each pays its own copies and allocations. Each implementation runs in short blocks (a
// warm-up call, then timed calls, each after a full GC), in its own steady state; the blocks of
// all implementations alternate over several passes, so that a busy machine slows all of them
// alike. The result is the median of the timed calls.

export const FUNCTIONS = ['sigmoid', 'tanh', 'relu', 'elu', 'selu', 'softplus', 'exponential'];

// Times in ms. f64 and f32df compute f and f′; the others f alone. The "→ out" ones write into
// an array kept from call to call (our `out` option; the loop's own array); the others return a
// new array each time. TF.js has no such option: dataSync() always returns a new array.
export const IMPLEMENTATIONS = [
  { key: 'f64', label: 'f64 f,f′' },
  { key: 'f32', label: 'f32 f' },
  { key: 'f32out', label: 'f32 f → out' },
  { key: 'f32df', label: 'f32 f,f′' },
  { key: 'js', label: 'bucle JS' },
  { key: 'jsout', label: 'bucle JS → out' },
  { key: 'tfjsCpu', label: 'tfjs cpu' },
  { key: 'tfjsWasm', label: 'tfjs wasm' },
];

const SELU_SCALE = 1.0507009873554805;
const SELU_SCALE_ALPHA = 1.7580993408473766;

// What anyone would write: Math's functions, one element at a time, into a Float32Array (a new
// one, or one kept from call to call). One loop per function, each with its formula inline, so
// that no call site is shared (a shared one would go megamorphic and slow every loop after the
// first).
const LOOPS = {
  sigmoid(z, out) {
    for (let i = 0; i < z.length; i++) out[i] = 1 / (1 + Math.exp(-z[i]));
    return out;
  },
  tanh(z, out) {
    for (let i = 0; i < z.length; i++) out[i] = Math.tanh(z[i]);
    return out;
  },
  relu(z, out) {
    for (let i = 0; i < z.length; i++) out[i] = z[i] > 0 ? z[i] : 0;
    return out;
  },
  elu(z, out) {
    for (let i = 0; i < z.length; i++) out[i] = z[i] > 0 ? z[i] : Math.expm1(z[i]);
    return out;
  },
  selu(z, out) {
    for (let i = 0; i < z.length; i++) {
      out[i] = z[i] > 0 ? SELU_SCALE * z[i] : SELU_SCALE_ALPHA * Math.expm1(z[i]);
    }
    return out;
  },
  softplus(z, out) {
    for (let i = 0; i < z.length; i++) {
      out[i] = Math.max(z[i], 0) + Math.log1p(Math.exp(-Math.abs(z[i])));
    }
    return out;
  },
  exponential(z, out) {
    for (let i = 0; i < z.length; i++) out[i] = Math.exp(z[i]);
    return out;
  },
};

const TF_OPS = {
  sigmoid: 'sigmoid',
  tanh: 'tanh',
  relu: 'relu',
  elu: 'elu',
  selu: 'selu',
  softplus: 'softplus',
  exponential: 'exp',
};

function tfjsRun(tf, op, z) {
  // No tf.tidy: it would walk the 10⁶-element result looking for tensors.
  const x = tf.tensor1d(z);
  const y = tf[op](x);
  const out = y.dataSync();
  x.dispose();
  y.dispose();
  return out;
}

/** 10⁶ float32 inputs spread over [-10, 10] in a fixed pseudo-random order. */
export function inputs(n) {
  const z = new Float32Array(n);
  let s = 12345;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    z[i] = -10 + (20 * s) / 2 ** 32;
  }
  return z;
}

const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];

/**
 * Times every implementation on every function. `api` is loadActivations()'s result, `tf` the
 * TF.js namespace with the wasm backend registered, `now` a clock in ms and `gc` (optional) a
 * full garbage collection, run before each timed call. Resolves to
 * { floor, [fn]: { [impl]: ms, maxDiff } }: the median times, the time to allocate and fill the
 * output alone, and the largest difference between our float32 f and TF.js wasm's (a check that
 * both compute the same function).
 */
export async function runSuite({ api, tf, now, gc, n = 1e6, passes = 3, perPass = 4, warmup = 1 }) {
  const z32 = inputs(n);
  const z64 = Float64Array.from(z32);
  const outOurs = new Float32Array(n);
  const outJs = new Float32Array(n);
  const results = {};
  // The floor under every implementation: a new 10⁶-element Float32Array, every page written.
  const floor = [];
  for (let i = 0; i < passes * perPass; i++) {
    gc?.();
    const start = now();
    new Float32Array(n).fill(1);
    floor.push(now() - start);
  }
  results.floor = median(floor);
  for (const id of FUNCTIONS) {
    const op = TF_OPS[id];
    const runs = {
      f64: () => api.evaluate(id, z64),
      f32: () => api.evaluateF(id, z32),
      f32out: () => api.evaluateF(id, z32, {}, { out: outOurs }),
      f32df: () => api.evaluate(id, z32),
      js: () => LOOPS[id](z32, new Float32Array(n)),
      jsout: () => LOOPS[id](z32, outJs),
      tfjsCpu: () => tfjsRun(tf, op, z32),
      tfjsWasm: () => tfjsRun(tf, op, z32),
    };
    const times = Object.fromEntries(IMPLEMENTATIONS.map(({ key }) => [key, []]));
    for (let pass = 0; pass < passes; pass++) {
      for (const { key } of IMPLEMENTATIONS) {
        if (key === 'tfjsCpu') await tf.setBackend('cpu');
        if (key === 'tfjsWasm') await tf.setBackend('wasm');
        // Let the previous block's garbage go (the engine frees large buffers on background
        // threads) before this block starts.
        gc?.();
        await new Promise((resolve) => setTimeout(resolve, 50));
        for (let i = 0; i < warmup; i++) runs[key]();
        for (let i = 0; i < perPass; i++) {
          // A full collection first: the call pays for its own allocations (which then reuse
          // what its previous call freed, as in any loop), not for someone else's garbage.
          gc?.();
          const start = now();
          runs[key]();
          times[key].push(now() - start);
        }
      }
    }
    await tf.setBackend('wasm');
    const ours = api.evaluateF(id, z32);
    const theirs = tfjsRun(tf, op, z32);
    // Relative where |f| > 1, absolute below (TF.js's selu is exp(z) - 1 near 0, which cancels).
    let maxDiff = 0;
    for (let i = 0; i < n; i++) {
      const d = Math.abs(ours[i] - theirs[i]) / Math.max(Math.abs(theirs[i]), 1);
      if (d > maxDiff) maxDiff = d;
    }
    results[id] = { maxDiff };
    for (const { key } of IMPLEMENTATIONS) results[id][key] = median(times[key]);
  }
  return results;
}

// The targets for the float32 path (f alone, as TF.js computes f alone).
const TARGET_TFJS = { sigmoid: 1, elu: 1, relu: 1, tanh: 2, selu: 2, softplus: 2, exponential: 2 };
const TARGET_JS = 3;

/**
 * Rows for console.table: the times, then the targets with whether each holds, read two ways:
 * every implementation returning a new array, and ours and the loop writing into a kept one
 * (TF.js cannot, so it stays as it is).
 */
export function report(results) {
  const rows = [];
  const targets = [];
  const check = (ours, theirs, target) => {
    const ratio = theirs / ours;
    return `${ratio.toFixed(2)}× ≥ ${target}×: ${ratio >= target ? 'sí' : 'NO'}`;
  };
  for (const id of FUNCTIONS) {
    const r = results[id];
    const row = { función: id };
    for (const { key, label } of IMPLEMENTATIONS) row[label] = r[key].toFixed(2);
    rows.push(row);
    targets.push({
      función: id,
      'nuevo: vs tfjs wasm': check(r.f32, r.tfjsWasm, TARGET_TFJS[id]),
      'nuevo: vs bucle JS': check(r.f32, r.js, TARGET_JS),
      'out: vs tfjs wasm': check(r.f32out, r.tfjsWasm, TARGET_TFJS[id]),
      'out: vs bucle JS → out': check(r.f32out, r.jsout, TARGET_JS),
      'dif. máx. con TF.js': r.maxDiff.toExponential(1),
    });
  }
  return { rows, targets };
}
