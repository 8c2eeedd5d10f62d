// Elementwise activations over 10⁶ elements, side by side, in Node and in headless Chromium: our
// float64 path, our float32 (SIMD) path with f alone and with f′, a plain JS loop, TF.js 4.22
// with its cpu backend and with its wasm backend (XNNPACK, SIMD). The same suite runs in both
// (support/elementwise-suite.mjs); this file loads it with the API and TF.js, and prints the
// tables and whether the targets hold. Timings live here, never in tests.
import { writeFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';
import { startStaticServer } from '../../build-scripts/lib/static-server.mjs';
import { launchBrowser } from '../e2e/support/browser.mjs';
import { API_URL, DIST, ROOT } from '../js/support/paths.mjs';
import { report, runSuite } from './support/elementwise-suite.mjs';
import { loadTfjs } from './support/tfjs-node.mjs';

// Per function and implementation: 3 passes of 1 warm-up call and 4 timed calls.
const PASSES = 3;
const PER_PASS = 4;

// `--json FILE` also writes every run's raw results there (for the README's tables).
const jsonAt = process.argv.indexOf('--json');
const runs = {};

function print(where, results, about) {
  runs[where] = results;
  const { rows, targets } = report(results);
  console.log(
    `\n${where}: 10⁶ elementos float32 en [-10, 10], mediana de ${PASSES * PER_PASS} llamadas en ${PASSES} pasadas (${about})`,
  );
  console.table(rows);
  console.log(
    `Solo crear y llenar el Float32Array de salida (lo que paga cada llamada que devuelve un array nuevo): ${results.floor.toFixed(2)} ms`,
  );
  console.table(targets);
}

async function tfjsWasmFlags(tf) {
  const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
  const threads = await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT');
  return `TF.js wasm ${simd ? 'con' : 'sin'} SIMD, ${threads ? 'con' : 'sin'} hilos`;
}

// ---------------------------------------------------------------- Node
async function inNode() {
  const { loadActivations } = await import(API_URL);
  const api = await loadActivations();
  const tf = await loadTfjs();
  await tf.setBackend('wasm');
  await tf.ready();
  const flags = await tfjsWasmFlags(tf);
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc');
  const results = await runSuite({
    api,
    tf,
    now: () => performance.now(),
    gc,
    passes: PASSES,
    perPass: PER_PASS,
  });
  print(`Node ${process.version}`, results, flags);
}

// ---------------------------------------------------------------- Chromium
async function inChromium() {
  // Cross-origin isolated, for performance.now() to the 5 µs instead of 100 µs: the times are a
  // few ms. Isolation would also give TF.js its threaded build; it is kept single-threaded, as
  // on any page that is not isolated (GitHub Pages cannot isolate one), and as ours is.
  const isolated = {
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Embedder-Policy': 'require-corp',
    'Cross-Origin-Resource-Policy': 'cross-origin',
  };
  const site = await startStaticServer({ root: DIST, headers: isolated });
  // The repository root: TF.js's scripts and .wasm from node_modules, and the suite.
  const repo = await startStaticServer({ root: ROOT, headers: isolated });
  // As the end-to-end tests launch it, plus a gc() for the suite.
  const browser = await launchBrowser({ args: ['--js-flags=--expose-gc'] });
  try {
    const page = await browser.newPage();
    const tfjs = 'node_modules/@tensorflow';
    await page.goto(`${repo.url}tests/bench/support/elementwise.html`);
    const version = await browser.version();
    const out = await page.evaluate(
      async ({ apiUrl, suiteUrl, wasmDir, passes, perPass }) => {
        const { loadActivations } = await import(apiUrl);
        const { runSuite } = await import(suiteUrl);
        const { tf } = globalThis;
        if (!crossOriginIsolated) throw new Error('the bench page is not cross-origin isolated');
        tf.wasm.setWasmPaths(wasmDir);
        tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
        await tf.setBackend('wasm');
        await tf.ready();
        const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
        const threads = await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT');
        const api = await loadActivations();
        const results = await runSuite({
          api,
          tf,
          now: () => performance.now(),
          gc: globalThis.gc,
          passes,
          perPass,
        });
        return { results, simd, threads };
      },
      {
        apiUrl: `${site.url}lib/activations.js`,
        suiteUrl: `${repo.url}tests/bench/support/elementwise-suite.mjs`,
        wasmDir: `${repo.url}${tfjs}/tfjs-backend-wasm/dist/`,
        passes: PASSES,
        perPass: PER_PASS,
      },
    );
    const flags = `TF.js wasm ${out.simd ? 'con' : 'sin'} SIMD, ${out.threads ? 'con' : 'sin'} hilos`;
    print(`Chromium ${version} sin interfaz`, out.results, flags);
  } finally {
    await browser.close();
    await site.close();
    await repo.close();
  }
}

const start = performance.now();
await inNode();
await inChromium();
console.log(`\n(${((performance.now() - start) / 1000).toFixed(0)} s en total)`);
if (jsonAt > 0) await writeFile(process.argv[jsonAt + 1], JSON.stringify(runs, null, 1));
