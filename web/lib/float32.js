/**
 * The float32 path of evaluate(): a Float32Array in, Float32Arrays out, computed by the core's
 * SIMD kernels (within 4 float32 ULP of the exact value). z, f and f′ cross through a scratch
 * buffer in the wasm heap that the core owns and reuses, chunk by chunk: nothing is allocated
 * there per call, and nothing is converted on the way.
 */
import { ActivationError, describe } from './errors.js';
import { MAX_LENGTH } from './arrays.js';
import { checkUnchanged, readOut, safeInput } from './out.js';
import { lengthOf, setInto, typeOf, view } from './typed-arrays.js';

// One chunk's z, f and f′ (384 KiB) stay in a core's L2 cache, and 10⁶ elements take 31 calls.
const CHUNK = 1 << 15;

/** Whether `value` is a Float32Array (of any realm, subclasses included). */
export function isFloat32Array(value) {
  return typeOf(value) === 'Float32Array';
}

/**
 * f (and f′ when `withDf`) of the elementwise activation `id` at every element of the
 * Float32Array `z`, into new arrays or into `options.out` (see out.js). `names` and `values` are
 * the parameters as splitParams() gives them; `check` turns a core status into an
 * ActivationError.
 */
export function evaluate32(core, check, where, id, z, names, values, withDf, options) {
  const n = lengthOf(z);
  if (n > MAX_LENGTH) {
    throw new ActivationError(`${where}: z has ${n} elements; the API takes 0 to ${MAX_LENGTH}`, {
      culprit: 'z',
    });
  }
  const out = readOut(options, { where, type: 'Float32Array', n, withDf });
  // The caller's code (getters) has run for the last time: from here on nothing can call the
  // API again between _prepare32 and the last _run32, nor change z or out.
  checkUnchanged(where, n, z, out);
  // Checks the id and the parameters, also for an empty z.
  check(core._prepare32(id, names, values));
  const input = safeInput(z, out, Float32Array);
  const f = out?.f ?? new Float32Array(n);
  const df = withDf ? (out?.df ?? new Float32Array(n)) : undefined;
  for (let start = 0; start < n; start += CHUNK) {
    const m = Math.min(CHUNK, n - start);
    const at = core._scratch32(m) / 4;
    // HEAPF32 is read again after every call into the core: any call may grow the memory,
    // which replaces the heap's views.
    core.HEAPF32.set(view(Float32Array, input, start, start + m), at);
    if (!core._run32(m, withDf)) {
      throw new ActivationError(`${where}: the float32 path failed on ${describe(z)}`, {
        code: 'internal',
        culprit: 'z',
      });
    }
    const heap = core.HEAPF32;
    setInto(f, heap.subarray(at + m, at + 2 * m), start);
    if (df) setInto(df, heap.subarray(at + 2 * m, at + 3 * m), start);
  }
  return { f, df };
}
