// Builds the static site in dist/:
// - lib/: the JS API and the wasm modules, exactly as written, at a stable URL for API users;
// - assets/<hash>/: everything the page loads (lib/ as one module, the bundles, CSS, KaTeX), in a
//   directory named by its content hash, so a new deploy never mixes old and new files;
// - index.html; embed.html (one section or chart, configured by its query string, for frames);
//   and sw.js (the service worker that keeps the lesson working offline).
// Run by CMake (the wasm preset's `site` target), not by hand.
import { createHash } from 'node:crypto';
import { cp, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { renderEmbedSections, renderSections, tableOfContents } from './assemble-page.mjs';
import { bundle, bundleApi } from './bundle.mjs';
import { copyKatexAssets, renderMath } from './render-math.mjs';
import { SIMD_PROBE } from '../../web/lib/simd.js';

const { values: args } = parseArgs({
  options: {
    core: { type: 'string' },
    'core-nosimd': { type: 'string' },
    out: { type: 'string' },
    python: { type: 'string', default: 'python3' },
  },
});
if (!args.core || !args['core-nosimd'] || !args.out) {
  console.error(
    'usage: build-site.mjs --core activations-core.js --core-nosimd activations-core-nosimd.js --out dist [--python python3]',
  );
  process.exit(2);
}

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const web = path.join(root, 'web');
const out = path.resolve(args.out);
const coreJs = path.resolve(args.core);
const plainJs = path.resolve(args['core-nosimd']);
const wasm = (js) => js.replace(/\.js$/, '.wasm');

async function files(dir, prefix = '') {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) =>
      e.isDirectory() ? files(path.join(dir, e.name), `${prefix}${e.name}/`) : [prefix + e.name],
    ),
  );
  return nested.flat().sort();
}

await rm(out, { recursive: true, force: true });
const staging = path.join(out, 'assets', 'staging');
await mkdir(staging, { recursive: true });

// The API next to the module it wraps. The module without SIMD ships only its .wasm: its JS glue
// must be the same as the other's.
const glue = (file) => readFile(file, 'utf8').then((t) => t.replaceAll('-nosimd', ''));
if ((await glue(coreJs)) !== (await glue(plainJs))) {
  throw new Error('the SIMD and non-SIMD builds have different JS glue; load them separately');
}
for (const lib of [path.join(out, 'lib'), path.join(staging, 'lib')]) {
  await cp(path.join(web, 'lib'), lib, { recursive: true });
  await cp(coreJs, path.join(lib, 'activations-core.js'));
  await cp(wasm(coreJs), path.join(lib, 'activations-core.wasm'));
  await cp(wasm(plainJs), path.join(lib, 'activations-core-nosimd.wasm'));
}
await bundleApi(path.join(staging, 'lib'));
await bundle({ web, assets: staging, simdWasm: wasm(coreJs), plainWasm: wasm(plainJs) });

// The lesson: sections assembled into the shell, maths rendered by KaTeX now, not in the browser.
const { SECTIONS } = await import(path.join(web, 'content', 'sections.js'));
const { FAMILIES, GALLERY } = await import(path.join(web, 'content', 'gallery.es.js'));
const { LESSON_CODE, LESSON_FRAMEWORKS } = await import(
  path.join(web, 'content', 'lesson-code.es.js')
);
const content = {
  gallery: GALLERY,
  families: FAMILIES,
  lessonCode: LESSON_CODE,
  lessonFrameworks: LESSON_FRAMEWORKS,
};
const sectionsDir = path.join(web, 'content', 'sections');
const shell = await readFile(path.join(web, 'index.html'), 'utf8');
const lesson = shell
  .replace('<!-- @toc -->', tableOfContents(SECTIONS))
  .replace('<!-- @sections -->', await renderSections(SECTIONS, sectionsDir, content));
// embed.html shares the lesson's <head> (its CSP, scripts and styles), with its own title.
const head = shell
  .match(/<head>[\s\S]*<\/head>/)[0]
  .replace(/<title>[^<]*<\/title>/, '<title>Funciones de activación · gráfica insertada</title>');
const embed = (await readFile(path.join(web, 'embed.html'), 'utf8'))
  .replace('<!-- @head -->', head)
  .replace('<!-- @sections -->', await renderEmbedSections(SECTIONS, sectionsDir, content));
// Both pages in one pass, so they share one math.css.
const SPLIT = '<!-- @page-split -->';
const { html: both, css, text } = renderMath(`${lesson}${SPLIT}${embed}`);
const [html, embedHtml] = both.split(SPLIT);
await writeFile(path.join(staging, 'math.css'), css);
await copyKatexAssets(path.join(staging, 'katex'), { text, python: args.python });

// Name the asset directory by its content.
const hash = createHash('sha256');
const assetFiles = await files(staging);
for (const file of assetFiles) {
  hash.update(`${file}\0`);
  hash.update(await readFile(path.join(staging, file)));
}
const digest = hash.digest('hex').slice(0, 12);
const assets = `assets/${digest}`;
await rename(staging, path.join(out, assets));

const linked = (text) =>
  text.replaceAll('@ASSETS@', assets).replace('@SIMD_PROBE@', SIMD_PROBE.join(','));
await writeFile(path.join(out, 'index.html'), linked(html));
await writeFile(path.join(out, 'embed.html'), linked(embedHtml));
await cp(path.join(web, 'favicon.svg'), path.join(out, 'favicon.svg'));

// What the service worker downloads at once. Not app-file.js, for pages that cannot have a
// service worker anyway (file://, opaque origins); not the KaTeX fonts, of which the page uses a
// few (it tells the worker which, and the worker keeps any other hashed file the page fetches);
// and only the wasm module this browser can run.
const cores = {
  simd: `${assets}/lib/activations-core.wasm`,
  plain: `${assets}/lib/activations-core-nosimd.wasm`,
};
const precache = [
  './', // also kept as index.html
  'embed.html',
  'favicon.svg',
  ...assetFiles
    .map((f) => `${assets}/${f}`)
    .filter((f) => !f.endsWith('/app-file.js') && !f.includes('/katex/fonts/'))
    .filter((f) => f !== cores.simd && f !== cores.plain),
];
const sw = (await readFile(path.join(web, 'sw.js'), 'utf8'))
  .replaceAll('@HASH@', digest)
  .replace("'@PRECACHE@'", JSON.stringify(precache))
  .replace("'@WASM@'", JSON.stringify(cores))
  .replace("'@SIMD_PROBE@'", JSON.stringify(SIMD_PROBE));
await writeFile(path.join(out, 'sw.js'), sw);
console.log(`site written to ${path.relative(root, out) || out} (assets/${digest})`);
