// The float32 path over the same dense sweep of the float32 range as
// tests/cpp/f32_sweep_test.cpp, on both wasm modules (with and without SIMD): each result within
// 4 float32 ULP of the float64 path rounded to float32, and both modules give the same bits. In a
// file of its own, so that the test runner runs it beside the others (it takes most of their time).
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { API_URL } from './support/paths.mjs';
import { MAX_ULP, show, ulpsToTruth } from './support/float32.mjs';

const { loadActivations } = await import(API_URL);

const modules = {};
before(async () => {
  modules.simd = await loadActivations({ simd: true });
  modules.plain = await loadActivations({ simd: false });
});

const bits = new Uint32Array(1);
const asFloat = new Float32Array(bits.buffer);

/** Every 4096th float32 bit pattern (jittered low bits), both signs, then denser in |z| ∈ [1/16, 128). */
function sweep() {
  const z = [];
  for (let i = 0; i < 2 ** 20; i++) {
    bits[0] = ((i << 12) | (Math.imul(i, 2654435761) >>> 20)) >>> 0;
    z.push(asFloat[0]);
  }
  for (const sign of [0, 0x80000000]) {
    for (let b = 0x3d800000; b < 0x43000000; b += 256) {
      bits[0] = (sign | (b + ((b >>> 8) & 255))) >>> 0;
      z.push(asFloat[0]);
    }
  }
  z.push(0, -0, Infinity, -Infinity, NaN, 1, -1, 3, -3, 6, 0.5, -0.5, 17, -17, -104, -150);
  z.push(88.72283935546875, -87.33654785, 1.401298464324817e-45, -1.401298464324817e-45);
  // SELU's scale z overflows from the float after the first of these.
  z.push(3.2386221488365256e38, 3.2386223516606216e38);
  // The every-float run's worst points for Mish's f, SiLU's f and f', squareplus's f'.
  z.push(-0.0008139053243212402, -2.375990629196167, -0.5229048728942871, -0.02456057444214821);
  return Float32Array.from(z);
}

function cases(api) {
  const list = api
    .list()
    .filter((s) => s.kind === 'elementwise')
    .map((s) => ({ id: s.id, params: {} }));
  list.push(
    { id: 'elu', params: { alpha: 1.5 } },
    { id: 'gelu', params: { approximate: true } },
    { id: 'leaky_relu', params: { negative_slope: 0.01 } },
    { id: 'celu', params: { alpha: 0.3 } },
    { id: 'squareplus', params: { b: 0.3 } },
    { id: 'threshold', params: { threshold: 0.3, default_value: -1.7 } },
  );
  return list;
}

describe('the float32 path over a dense sweep of the float32 range', () => {
  const z = sweep();
  const z64 = Float64Array.from(z);

  for (const name of ['simd', 'plain']) {
    test(`within ${MAX_ULP} ULP of the float64 path, in the wasm module ${name === 'simd' ? 'with' : 'without'} SIMD`, () => {
      const api = modules[name];
      const worst = [];
      for (const { id, params } of cases(api)) {
        const got = api.evaluate(id, z, params);
        const fOnly = api.evaluateF(id, z, params);
        const truth = api.evaluate(id, z64, params);
        assert.ok(got.f instanceof Float32Array && got.df instanceof Float32Array, id);
        assert.ok(fOnly instanceof Float32Array, id);
        const max = { f: 0, df: 0 };
        for (const k of ['f', 'df']) {
          let at = 0;
          for (let i = 0; i < z.length; i++) {
            const u = ulpsToTruth(got[k][i], truth[k][i]);
            if (u > max[k]) [max[k], at] = [u, i];
          }
          assert.ok(
            max[k] <= MAX_ULP,
            `${id} ${JSON.stringify(params)} ${k} at z = ${show(z[at])}: ${show(got[k][at])} vs ${show(truth[k][at])} (${max[k]} ULP)`,
          );
        }
        // The same bits, NaN aside (WebAssembly leaves a NaN's sign and payload open).
        const a = new Uint32Array(fOnly.buffer);
        const b = new Uint32Array(got.f.buffer);
        for (let i = 0; i < a.length; i++) {
          if (a[i] !== b[i] && !(Number.isNaN(fOnly[i]) && Number.isNaN(got.f[i]))) {
            assert.fail(`${id}: evaluateF gives ${fOnly[i]}, evaluate ${got.f[i]} at z = ${z[i]}`);
          }
        }
        worst.push(`${id}${Object.keys(params).length ? '*' : ''} ${max.f}/${max.df}`);
      }
      console.log(`ULP máximos (f/f′), wasm ${name}: ${worst.join(', ')}`);
    });
  }

  test('both modules give the same bits', () => {
    for (const { id, params } of cases(modules.simd)) {
      const a = modules.simd.evaluate(id, z, params);
      const b = modules.plain.evaluate(id, z, params);
      for (const k of ['f', 'df']) {
        const x = new Uint32Array(a[k].buffer);
        const y = new Uint32Array(b[k].buffer);
        for (let i = 0; i < x.length; i++) {
          if (x[i] !== y[i] && !(Number.isNaN(a[k][i]) && Number.isNaN(b[k][i]))) {
            assert.fail(`${id} ${k} at z = ${z[i]}: ${a[k][i]} (SIMD) vs ${b[k][i]} (plain)`);
          }
        }
      }
    }
  });
});
