/**
 * The JS API over the WebAssembly core: the only module that touches the raw binding.
 * Works as-is in a browser (served next to activations-core.js/.wasm) and in Node 18+.
 *
 *   const act = await loadActivations();
 *   const { f, df } = act.evaluate('elu', [-1, 0, 1], { alpha: 1.5 });      // Float64Arrays
 *   const g = act.evaluate('elu', new Float32Array([-1, 0, 1]));             // Float32Arrays (SIMD)
 */
import createActivationsCore from './activations-core.js';
import { toFloat64Array } from './arrays.js';
import { ActivationError, clip, describe } from './errors.js';
import { evaluate32, isFloat32Array } from './float32.js';
import { splitParams, specOf } from './params.js';
import { plainKeys } from './plain.js';
import { checkUnchanged, readOut, safeInput } from './out.js';
import { runProbe, startProbe } from './probe-run.js';
import { supportsSimd } from './simd.js';
import { makeTrainer } from './trainer.js';
import { lengthOf, view } from './typed-arrays.js';

export { ActivationError };

// Inputs cross into the core in chunks, so its heap stays small whatever the input length.
const CHUNK = 1 << 16;

function isNode() {
  return typeof process === 'object' && typeof process.versions?.node === 'string';
}

/**
 * Emscripten's options: which .wasm to use (with SIMD or without), and in Node its bytes. Where
 * nothing can be fetched (a page opened from file://), `wasmBinaries: { simd, plain }` hands over
 * both modules' bytes and the API picks one.
 */
async function coreOptions(given) {
  plainKeys(given, { name: 'options', example: '{ simd: false }', where: 'loadActivations' });
  const { simd = supportsSimd(), wasmBinaries, ...options } = given;
  const fail = (message, culprit) => {
    throw new ActivationError(`loadActivations: ${message}`, { culprit });
  };
  if (typeof simd !== 'boolean') fail(`simd must be true or false, got ${describe(simd)}`, 'simd');
  const file = simd ? 'activations-core.wasm' : 'activations-core-nosimd.wasm';
  if (wasmBinaries !== undefined) {
    const key = simd ? 'simd' : 'plain';
    const bytes = wasmBinaries?.[key];
    if (!(bytes instanceof ArrayBuffer || ArrayBuffer.isView(bytes))) {
      fail(
        `wasmBinaries.${key} must hold the bytes of ${file} (an ArrayBuffer or a typed array), got ${describe(bytes)}`,
        `wasmBinaries.${key}`,
      );
    }
    return { ...options, wasmBinary: bytes };
  }
  if (options.wasmBinary) return options;
  if (!isNode()) {
    return {
      locateFile: (path, prefix) => prefix + (path.endsWith('.wasm') ? file : path),
      ...options,
    };
  }
  // Emscripten 3.1.6 cannot fetch a file: URL in Node; hand it the bytes instead.
  const { readFile } = await import('node:fs/promises');
  const wasmBinary = await readFile(new URL(`./${file}`, import.meta.url));
  return { ...options, wasmBinary };
}

function deepFreeze(value) {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

function check(status) {
  if (status.code !== 'ok') {
    throw new ActivationError(status.message, { code: status.code, culprit: status.culprit });
  }
}

/** The id as it goes to the core: clipped, so that an unknown one gets a short message. */
function checkId(id, where) {
  if (typeof id !== 'string') {
    throw new ActivationError(
      `${where}: the id must be a string such as "relu", got ${describe(id)}`,
      {
        code: 'unknown_activation',
        // describe(), not String(): a symbol or an object whose toString throws must not.
        culprit: describe(id),
      },
    );
  }
  return clip(id);
}

/**
 * Loads the WebAssembly core and resolves to the API. `options.simd` (default: detected) picks
 * the module with or without WebAssembly SIMD; other options go to the Emscripten module (for
 * example `wasmBinary`, the module's bytes, where it cannot be fetched).
 */
export async function loadActivations(options = {}) {
  const core = await createActivationsCore(await coreOptions(options));
  const registry = deepFreeze(core._registry());

  /** `params` split for the core, its type errors naming the parameter's range. */
  const paramsOf = (where, id, params) =>
    splitParams(params, `${where}(${id})`, specOf(registry, id));

  function vector(raw, id, logits, temperature, where, size) {
    const x = toFloat64Array(logits, 'logits', where);
    const n = lengthOf(x);
    if (typeof temperature !== 'number') {
      throw new ActivationError(
        `${where}: temperature must be a number in (0, +inf), got ${describe(temperature)}`,
        { culprit: 'temperature' },
      );
    }
    const spec = specOf(registry, id);
    const max = raw === 'jacobian' ? spec?.maxJacobianLength : spec?.maxLength;
    if (max !== undefined && n > max) {
      throw new ActivationError(`${where}: logits has ${n} elements; ${id} takes 0 to ${max}`, {
        culprit: 'logits',
      });
    }
    const out = new Float64Array(size(n));
    const fn = raw === 'jacobian' ? core._jacobian : core._apply;
    check(fn(id, ['temperature'], [temperature], view(Float64Array, x), out));
    return out;
  }

  // evaluateF's f' (the core computes it anyway) goes to scratch kept across calls, so that a
  // loop with { out } allocates nothing.
  let dfScratch = new Float64Array(0);
  const scratchDf = (m) => {
    if (lengthOf(dfScratch) < m) dfScratch = new Float64Array(m);
    return dfScratch;
  };

  /**
   * The float64 path: f and f' as Float64Arrays (new ones, or options.out's), in chunks through
   * the core's scratch vectors, each chunk of z read whole before its results are written.
   */
  function evaluate64(where, id, z, params, options, withDf) {
    const z64 = toFloat64Array(z, 'z', where);
    const { names, values } = paramsOf(where, id, params);
    const n = lengthOf(z64);
    const out = readOut(options, { where, type: 'Float64Array', n, withDf });
    checkUnchanged(where, n, z64, out);
    const zs = safeInput(z64, out, Float64Array);
    const f = out?.f ?? new Float64Array(n);
    const df = out?.df ?? (withDf ? new Float64Array(n) : scratchDf(Math.min(n, CHUNK)));
    let start = 0;
    do {
      const end = Math.min(start + CHUNK, n);
      check(
        core._evaluate(
          id,
          names,
          values,
          view(Float64Array, zs, start, end),
          view(Float64Array, f, start, end),
          withDf ? view(Float64Array, df, start, end) : view(Float64Array, df, 0, end - start),
        ),
      );
      start = end;
    } while (start < n);
    return { f, df };
  }

  return Object.freeze({
    /** Every function the core knows, with its parameters, ranges and constants (frozen). */
    list() {
      return registry;
    },

    /**
     * f and f' of an elementwise activation at every z: Float64Arrays, or Float32Arrays computed
     * by the SIMD kernels when z is a Float32Array. `options.out` ({ f, df }, arrays of that type
     * and of z's length) receives the results instead of new arrays.
     */
    evaluate(id, z, params = {}, options = undefined) {
      const where = 'evaluate';
      id = checkId(id, where);
      if (isFloat32Array(z)) {
        const { names, values } = paramsOf(where, id, params);
        return evaluate32(core, check, where, id, z, names, values, true, options);
      }
      return evaluate64(where, id, z, params, options, true);
    },

    /**
     * f alone: a Float32Array from the SIMD kernels when z is a Float32Array (less work than
     * evaluate, which also computes f'), a Float64Array otherwise; into `options.out` (an array
     * of that type and of z's length) instead of a new array when it is given.
     */
    evaluateF(id, z, params = {}, options = undefined) {
      const where = 'evaluateF';
      id = checkId(id, where);
      if (!isFloat32Array(z)) return evaluate64(where, id, z, params, options, false).f;
      const { names, values } = paramsOf(where, id, params);
      return evaluate32(core, check, where, id, z, names, values, false, options).f;
    },

    /**
     * The module's memory: `heapBytes`, the size of the wasm memory (it only grows), and
     * `inUseBytes`, what the core's allocator holds now. Calls that return leave the second as
     * they found it, once scratch buffers have reached their size.
     */
    memoryUsage() {
      return { heapBytes: core.HEAPU8.length, inUseBytes: core._heapInUse() };
    },

    /** softmax(logits / temperature), as probabilities that sum to 1. */
    softmax(logits, temperature = 1) {
      return vector('apply', 'softmax', logits, temperature, 'softmax', (n) => n);
    },

    /** The n×n Jacobian ∂s_i/∂z_j, row-major. */
    softmaxJacobian(logits, temperature = 1) {
      return vector('jacobian', 'softmax', logits, temperature, 'softmaxJacobian', (n) => n * n);
    },

    /** log(softmax(logits / temperature)), computed without taking the log of a probability. */
    logSoftmax(logits, temperature = 1) {
      return vector('apply', 'log_softmax', logits, temperature, 'logSoftmax', (n) => n);
    },

    /** The n×n Jacobian of logSoftmax, (δ_ij − s_j)/T, row-major. */
    logSoftmaxJacobian(logits, temperature = 1) {
      const where = 'logSoftmaxJacobian';
      return vector('jacobian', 'log_softmax', logits, temperature, where, (n) => n * n);
    },

    /**
     * A deep random dense network, one forward and one backward pass; statistics per layer.
     * See probe-options.js for the options and their ranges.
     */
    probeNetwork(options = {}) {
      return runProbe(core, check, options, registry);
    },

    /**
     * probeNetwork in steps, for a caller that must stay responsive (the page's worker): each
     * step() runs one layer forward or backward; result() once step() returns true. See
     * probe-run.js. Call dispose() when done with it.
     */
    startProbeNetwork(options = {}) {
      return startProbe(core, check, options, registry);
    },

    /**
     * A small network to train on a 2-D toy problem (see trainer-options.js for the options and
     * trainer.js for its methods). Call dispose() when done with it.
     */
    createTrainer(options = {}) {
      return makeTrainer(core, check, options, registry);
    },

    /** sparsemax(logits / temperature): probabilities that sum to 1, many of them exactly 0. */
    sparsemax(logits, temperature = 1) {
      return vector('apply', 'sparsemax', logits, temperature, 'sparsemax', (n) => n);
    },

    /** The n×n Jacobian of sparsemax, row-major. */
    sparsemaxJacobian(logits, temperature = 1) {
      const where = 'sparsemaxJacobian';
      return vector('jacobian', 'sparsemax', logits, temperature, where, (n) => n * n);
    },
  });
}
