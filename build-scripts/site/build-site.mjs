// Builds the static site: copies the JS API and the wasm module to dist/lib (importable as-is),
// bundles the page's code with Chart.js into dist/assets, and writes the HTML.
// Run by CMake (the wasm preset's `site` target), not by hand.
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as esbuild from 'esbuild';
import { renderSections, tableOfContents } from './assemble-page.mjs';
import { copyKatexAssets, renderMath } from './render-math.mjs';

const { values: args } = parseArgs({
  options: {
    core: { type: 'string' },
    'core-nosimd': { type: 'string' },
    out: { type: 'string' },
  },
});
if (!args.core || !args.out) {
  console.error('usage: build-site.mjs --core path/to/activations-core.js --out dist');
  process.exit(2);
}

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const web = path.join(root, 'web');
const out = path.resolve(args.out);
const coreJs = path.resolve(args.core);

await rm(out, { recursive: true, force: true });
await mkdir(path.join(out, 'assets'), { recursive: true });

// The API, exactly as written, next to the module it wraps.
await cp(path.join(web, 'lib'), path.join(out, 'lib'), { recursive: true });
await cp(coreJs, path.join(out, 'lib', 'activations-core.js'));
await cp(coreJs.replace(/\.js$/, '.wasm'), path.join(out, 'lib', 'activations-core.wasm'));
// The module without SIMD ships only its .wasm: its JS glue must be the same as the other's.
const plainJs = path.resolve(args['core-nosimd']);
const glue = (file) => readFile(file, 'utf8').then((t) => t.replaceAll('-nosimd', ''));
if ((await glue(coreJs)) !== (await glue(plainJs))) {
  throw new Error('the SIMD and non-SIMD builds have different JS glue; load them separately');
}
await cp(plainJs.replace(/\.js$/, '.wasm'), path.join(out, 'lib', 'activations-core-nosimd.wasm'));

// The page uses the public API the way any user would: from dist/lib, not a bundled copy.
const publicApiExternal = {
  name: 'public-api-external',
  setup(build) {
    build.onResolve({ filter: /\/lib\/activations\.js$/ }, () => ({
      path: '../lib/activations.js',
      external: true,
    }));
  },
};

await esbuild.build({
  entryPoints: [path.join(web, 'app', 'main.js')],
  bundle: true,
  format: 'esm',
  minify: true,
  target: 'es2020',
  plugins: [publicApiExternal],
  outfile: path.join(out, 'assets', 'app.js'),
  logLevel: 'warning',
});
// The workers (the network labs', the training lab's): their own bundles next to app.js,
// importing the API from ../lib like the page.
await esbuild.build({
  entryPoints: ['lab-worker.js', 'train-worker.js'].map((f) => path.join(web, 'app', 'workers', f)),
  bundle: true,
  format: 'esm',
  minify: true,
  target: 'es2020',
  plugins: [publicApiExternal],
  outdir: path.join(out, 'assets'),
  logLevel: 'warning',
});
await esbuild.build({
  entryPoints: [path.join(web, 'app', 'boot.js')],
  bundle: false,
  minify: true,
  target: 'es5',
  outfile: path.join(out, 'assets', 'boot.js'),
  logLevel: 'warning',
});
await esbuild.build({
  entryPoints: [path.join(web, 'styles', 'main.css')],
  bundle: true,
  minify: true,
  outfile: path.join(out, 'assets', 'main.css'),
  logLevel: 'warning',
});

await cp(path.join(web, 'favicon.svg'), path.join(out, 'favicon.svg'));

// The lesson: sections assembled into the shell, maths rendered by KaTeX now, not in the browser.
const { SECTIONS } = await import(path.join(web, 'content', 'sections.js'));
const { FAMILIES, GALLERY, LESSON_CODE, LESSON_FRAMEWORKS } = await import(
  path.join(web, 'content', 'gallery.es.js')
);
const content = {
  gallery: GALLERY,
  families: FAMILIES,
  lessonCode: LESSON_CODE,
  lessonFrameworks: LESSON_FRAMEWORKS,
};
const shell = await readFile(path.join(web, 'index.html'), 'utf8');
const sectionsHtml = await renderSections(SECTIONS, path.join(web, 'content', 'sections'), content);
const assembled = shell
  .replace('<!-- @toc -->', tableOfContents(SECTIONS))
  .replace('<!-- @sections -->', sectionsHtml);
const { html, css } = renderMath(assembled);
await writeFile(path.join(out, 'index.html'), html);
await writeFile(path.join(out, 'assets', 'math.css'), css);
await copyKatexAssets(path.join(out, 'assets', 'katex'));
console.log(`site written to ${path.relative(root, out) || out}`);
