// The page's bundles, written into one asset directory:
// - lib/activations.js: the public API and its Emscripten glue as one minified module, beside
//   the .wasm files (one request instead of seventeen, and half the bytes);
// - app.js and the workers: ES modules that import the API from ./lib like any user would;
// - app-file.js: one classic script with the API and both wasm modules inside, for pages that
//   cannot load modules or fetch files (opened from file://, or framed without CORS);
// - boot.js (ES5) and main.css.
import { readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as esbuild from 'esbuild';

const COMMON = { bundle: true, minify: true, logLevel: 'warning' };

// The page uses the public API the way any user would: a copy of lib/ beside the bundles.
const publicApiExternal = {
  name: 'public-api-external',
  setup(build) {
    build.onResolve({ filter: /\/lib\/activations\.js$/ }, () => ({
      path: './lib/activations.js',
      external: true,
    }));
  },
};

// For app-file.js: the API is bundled in (from the copy beside the bundles, with the glue), and
// core-source.js becomes a module that carries both .wasm files' bytes.
function embeddedCore(assets, simdWasm, plainWasm) {
  return {
    name: 'embedded-core',
    setup(build) {
      build.onResolve({ filter: /\/lib\/activations\.js$/ }, () => ({
        path: path.join(assets, 'lib', 'activations.js'),
      }));
      build.onResolve({ filter: /\/core-source\.js$/ }, () => ({
        path: 'core-source',
        namespace: 'embedded-core',
      }));
      build.onLoad({ filter: /.*/, namespace: 'embedded-core' }, () => ({
        contents: `import simd from ${JSON.stringify(simdWasm)};
import plain from ${JSON.stringify(plainWasm)};
export const CORE_OPTIONS = { wasmBinaries: { simd, plain } };`,
        resolveDir: '/',
        loader: 'js',
      }));
    },
  };
}

// Node's modules are imported only when the API runs in Node, never in a page.
const nodeExternal = {
  name: 'node-external',
  setup(build) {
    build.onResolve({ filter: /^node:/ }, (a) => ({ path: a.path, external: true }));
  },
};

/** Replaces the copy of lib/ in `libDir` by one module: the API with the glue inside. */
export async function bundleApi(libDir) {
  const entry = path.join(libDir, 'activations.js');
  const { outputFiles } = await esbuild.build({
    ...COMMON,
    entryPoints: [entry],
    format: 'esm',
    target: 'es2020',
    plugins: [nodeExternal],
    write: false,
  });
  for (const file of await readdir(libDir)) {
    if (file.endsWith('.js')) await rm(path.join(libDir, file));
  }
  await writeFile(entry, outputFiles[0].contents);
}

export async function bundle({ web, assets, simdWasm, plainWasm }) {
  const app = (file) => path.join(web, 'app', file);
  await esbuild.build({
    ...COMMON,
    entryPoints: {
      app: app('main.js'),
      'lab-worker': app('workers/lab-worker.js'),
      'train-worker': app('workers/train-worker.js'),
    },
    format: 'esm',
    target: 'es2020',
    plugins: [publicApiExternal],
    outdir: assets,
  });
  await esbuild.build({
    ...COMMON,
    entryPoints: { 'app-file': app('main.js') },
    format: 'iife',
    target: 'es2020',
    plugins: [nodeExternal, embeddedCore(assets, simdWasm, plainWasm)],
    loader: { '.wasm': 'binary' },
    // A classic script has no import.meta. Emscripten's glue still builds its .wasm's URL from
    // import.meta.url, then never fetches it, since it has the bytes: any valid URL will do.
    define: { 'import.meta.url': 'document.baseURI' },
    outdir: assets,
  });
  await esbuild.build({
    entryPoints: [app('boot.js')],
    minify: true,
    target: 'es5',
    outfile: path.join(assets, 'boot.js'),
    logLevel: 'warning',
  });
  await esbuild.build({
    ...COMMON,
    entryPoints: [path.join(web, 'styles', 'main.css')],
    outfile: path.join(assets, 'main.css'),
  });
}
