// The JS API's contract for Float32Array input: types, limits, empty arrays, chunks, errors, no
// heap growth. Its accuracy over the float32 range is float32-sweep.test.mjs's.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { API_URL } from './support/paths.mjs';
import { MAX_ULP, ulps } from './support/float32.mjs';

const { loadActivations, ActivationError } = await import(API_URL);

const modules = {};
let core; // the Emscripten module behind modules.simd, to read its heap's size
before(async () => {
  modules.simd = await loadActivations({ simd: true, preRun: [(m) => (core = m)] });
});

describe('evaluate() with a Float32Array', () => {
  const api = () => modules.simd;

  test('returns Float32Arrays, and any other array-like keeps the float64 path', () => {
    const z = new Float32Array([-1, 0, 2.5]);
    const { f, df } = api().evaluate('elu', z, { alpha: 1.5 });
    assert.ok(f instanceof Float32Array && df instanceof Float32Array);
    const close = (got, want) =>
      assert.ok(ulps(got, Math.fround(want)) <= MAX_ULP, `${got} vs ${want}`);
    [1.5 * Math.expm1(-1), 0, 2.5].forEach((want, i) => close(f[i], want));
    [1.5 * Math.exp(-1), 1.5, 1].forEach((want, i) => close(df[i], want));
    for (const other of [[-1, 0, 2.5], new Float64Array([-1, 0, 2.5]), new Int8Array([-1, 0, 2])]) {
      const r = api().evaluate('elu', other, { alpha: 1.5 });
      assert.ok(r.f instanceof Float64Array && r.df instanceof Float64Array);
      assert.equal(r.f[0], 1.5 * Math.expm1(-1));
    }
    assert.ok(api().evaluateF('relu', [1, -1]) instanceof Float64Array);
  });

  test('limits at ±∞, NaN for NaN, and relu′(0) = 0', () => {
    const z = new Float32Array([-Infinity, Infinity, NaN, 0]);
    const t = api().evaluate('tanh', z);
    assert.deepEqual(Array.from(t.f.subarray(0, 2)), [-1, 1]);
    assert.deepEqual(Array.from(t.df.subarray(0, 2)), [0, 0]);
    assert.ok(Number.isNaN(t.f[2]) && Number.isNaN(t.df[2]));
    assert.deepEqual(Array.from(api().evaluate('relu', z).df), [0, 1, NaN, 0]);
    assert.deepEqual(Array.from(api().evaluate('sigmoid', z).f), [0, 1, NaN, 0.5]);
  });

  test('a threshold too small for float32 keeps its comparison with z', () => {
    const tiny = 1.401298464324817e-45; // the smallest float32
    const cases = [
      ['hard_shrink', [tiny], { threshold: 1e-45 }],
      ['soft_shrink', [tiny, -tiny], { threshold: 1e-45 }],
      ['threshold', [0, -0, tiny, -tiny], { threshold: -1e-46, default_value: -3 }],
      ['hard_shrink', [Math.fround(1e-39), Math.fround(-1e-39)], { threshold: 1e-39 }],
      ['threshold', [0], { threshold: -1e-300, default_value: 7 }],
    ];
    for (const [id, z, params] of cases) {
      const got = api().evaluate(id, new Float32Array(z), params);
      const want = api().evaluate(id, z, params);
      assert.deepEqual(Array.from(got.f), Array.from(want.f, Math.fround), `${id} f`);
      assert.deepEqual(Array.from(got.df), Array.from(want.df, Math.fround), `${id} f′`);
    }
  });

  test('empty arrays, subarrays, tails and inputs longer than one chunk', () => {
    const empty = api().evaluate('tanh', new Float32Array(0));
    assert.equal(empty.f.length, 0);
    assert.ok(empty.f instanceof Float32Array);
    assert.equal(api().evaluateF('tanh', new Float32Array(0)).length, 0);

    const n = 3 * (1 << 14) + 7;
    const z = Float32Array.from({ length: n }, (_, i) => -8 + (16 * i) / n);
    const whole = api().evaluate('softplus', z);
    const parts = [z.subarray(0, 5), z.subarray(5, 40000), z.subarray(40000)].map(
      (part) => api().evaluate('softplus', part).f,
    );
    assert.deepEqual(new Float32Array([...parts[0], ...parts[1], ...parts[2]]), whole.f);
    // Every element on its own gets the bits it gets inside a block of four.
    for (const i of [0, 1, 2, 3, n - 1]) {
      assert.equal(api().evaluate('softplus', z.subarray(i, i + 1)).f[0], whole.f[i]);
    }
  });

  test('Float32Arrays over a shared or offset buffer, and subclasses', () => {
    const buffer = new ArrayBuffer(64);
    const z = new Float32Array(buffer, 8, 3);
    z.set([-1, 0, 1]);
    assert.deepEqual(Array.from(api().evaluate('relu', z).f), [0, 0, 1]);
    const shared = new Float32Array(new SharedArrayBuffer(12));
    shared.set([1, 2, 3]);
    assert.deepEqual(Array.from(api().evaluate('linear', shared).f), [1, 2, 3]);
    class Sub extends Float32Array {
      static get [Symbol.species]() {
        throw new Error('species');
      }
    }
    const sub = Sub.from([-2, 2]);
    Object.defineProperty(sub, 'length', { value: 1e9 });
    sub.subarray = () => {
      throw new Error('subarray');
    };
    assert.deepEqual(Array.from(api().evaluate('relu', sub).f), [0, 2]);
  });

  test('does not modify its input', () => {
    const z = new Float32Array([-3, 0.5, 7]);
    api().evaluate('selu', z);
    api().evaluateF('selu', z);
    assert.deepEqual(Array.from(z), [-3, 0.5, 7]);
  });

  test('errors name the culprit and the valid range, as on the float64 path', () => {
    const z = new Float32Array([1, 2]);
    const same = (fn32, fn64) => {
      let e32;
      let e64;
      try {
        fn32();
      } catch (e) {
        e32 = e;
      }
      try {
        fn64();
      } catch (e) {
        e64 = e;
      }
      assert.ok(e32 instanceof ActivationError, String(e32));
      assert.deepEqual([e32.message, e32.code, e32.culprit], [e64.message, e64.code, e64.culprit]);
      return e32;
    };
    const z64 = [1, 2];
    let e = same(
      () => api().evaluate('elu', z, { alpha: -1 }),
      () => api().evaluate('elu', z64, { alpha: -1 }),
    );
    assert.match(e.message, /alpha.*\[0, \+inf\)/);
    assert.equal(e.culprit, 'alpha');
    e = same(
      () => api().evaluate('nope', z),
      () => api().evaluate('nope', z64),
    );
    assert.equal(e.code, 'unknown_activation');
    same(
      () => api().evaluate('softmax', z),
      () => api().evaluate('softmax', z64),
    );
    same(
      () => api().evaluate('elu', z, { beta: 1 }),
      () => api().evaluate('elu', z64, { beta: 1 }),
    );
    same(
      () => api().evaluate('elu', z, { alpha: NaN }),
      () => api().evaluate('elu', z64, { alpha: NaN }),
    );
    same(
      () => api().evaluate('elu', z, { alpha: '1' }),
      () => api().evaluate('elu', z64, { alpha: '1' }),
    );
    // An empty input still checks the id and the parameters.
    assert.throws(() => api().evaluate('elu', new Float32Array(0), { alpha: -1 }), /alpha/);
    assert.throws(() => api().evaluateF('nope', new Float32Array(0)), /unknown activation/);
    e = same(
      () => api().evaluate('relu', new Float32Array(2 ** 24 + 1)),
      () => api().evaluate('relu', new Float64Array(2 ** 24 + 1)),
    );
    assert.match(e.message, /0 to 16777216/);
    const after = api().evaluate('elu', new Float32Array([-1]), { alpha: 2 }).f[0];
    assert.ok(ulps(after, Math.fround(2 * Math.expm1(-1))) <= MAX_ULP, 'still usable');
  });

  test('10⁷ elements, and the wasm heap does not grow from call to call', () => {
    const z = new Float32Array(1e7).fill(-0.5);
    const heapBefore = core.HEAPU8.length;
    const { f, df } = api().evaluate('relu', z);
    assert.equal(f.length, 1e7);
    assert.equal(f[9999999], 0);
    assert.equal(df[9999999], 0);
    // Chunks: 10⁷ elements need no more heap than a small input.
    assert.ok(
      core.HEAPU8.length - heapBefore <= 2 ** 20,
      `${core.HEAPU8.length - heapBefore} bytes more`,
    );
    // Warm-up, then many calls of every size: the heap keeps its size.
    const sizes = [0, 1, 3, 4, 1000, 1 << 14, (1 << 14) + 1, 1e5];
    const run = () => {
      for (const n of sizes) {
        api().evaluate('elu', new Float32Array(n), { alpha: 0.5 });
        api().evaluateF('mish', new Float32Array(n));
        try {
          api().evaluate('elu', new Float32Array(n), { alpha: -1 });
        } catch {
          // expected
        }
      }
    };
    run();
    const heapBytes = () => core.HEAPU8.length;
    const before = heapBytes();
    for (let i = 0; i < 100; i++) run();
    assert.equal(heapBytes(), before, 'the wasm heap grew');
  });
});
