// Entry point: load the wasm core through the public API, then start the lesson (index.html) or
// the embedded section (embed.html).
import { loadActivations } from '../lib/activations.js';
import { CORE_OPTIONS } from './core-source.js';
import { startEmbed } from './embed/start.js';
import { keepOffline } from './offline.js';
import { startPage, watchReader } from './page.js';
import { announceSummaries } from './ui/announce.js';
import { setUpCopyButtons } from './ui/copy.js';
import { setUpExports } from './ui/export.js';
import { watchScrollables } from './ui/scrollables.js';
import { setUpTabs } from './ui/tabs.js';
import { markCurrentSection } from './ui/toc-current.js';
import { describeError, showStatus } from './ui/status.js';

const root = document.documentElement;
root.dataset.app = 'starting';
performance.mark('activaciones:start');

function failed(message) {
  root.dataset.app = 'error';
  showStatus(message);
  for (const p of document.querySelectorAll('[data-placeholder]')) {
    p.textContent = 'Gráfica no disponible.';
  }
}

window.addEventListener('unhandledrejection', (event) => {
  event.preventDefault();
  showStatus(describeError(event.reason));
});

// boot.js inserts the app's script, which then runs as soon as it arrives: on a slow connection
// (or from file://) that can be before the rest of the page has. The page is only touched once
// all of it is there; the core loads meanwhile.
const pageParsed = new Promise((resolve) => {
  if (document.readyState !== 'loading') resolve();
  else document.addEventListener('DOMContentLoaded', resolve, { once: true });
});

// Nor do its stylesheets, which DOMContentLoaded does not wait for: the charts take their colours
// from main.css's custom properties, and drawn before it they kept the fallbacks (light ones, in
// the dark theme). A stylesheet whose request has already ended is not waited for (a failed one
// has an empty sheet in Chromium, none in some browsers), and none for more than 5 s: a missing
// stylesheet must not stop the lesson.
const stylesLoaded = () =>
  Promise.race([
    Promise.all(
      [...document.querySelectorAll('link[rel="stylesheet"]')]
        .filter((link) => !link.sheet && performance.getEntriesByName(link.href).length === 0)
        .map(
          (link) =>
            new Promise((resolve) => {
              link.addEventListener('load', resolve, { once: true });
              link.addEventListener('error', resolve, { once: true });
            }),
        ),
    ),
    new Promise((resolve) => setTimeout(resolve, 5000)),
  ]);

async function loadCore() {
  if (typeof WebAssembly !== 'object') throw new Error('WebAssembly unavailable');
  const api = await loadActivations(CORE_OPTIONS);
  performance.mark('activaciones:core-loaded');
  return api;
}

async function start() {
  const readerMoved = watchReader();
  const core = loadCore();
  // Settled here, so that a failure waits for the page without being reported as unhandled.
  core.catch(() => {});
  await pageParsed;
  await stylesLoaded();
  setUpCopyButtons();
  setUpTabs();
  watchScrollables();
  markCurrentSection();
  let api;
  try {
    api = await core;
  } catch (error) {
    console.warn(error);
    failed(
      'No se ha podido cargar el motor de cálculo (WebAssembly), así que las gráficas no se ' +
        'pueden dibujar; el texto de la lección sigue disponible. Usa una versión reciente de ' +
        'Firefox, Chrome, Edge o Safari y comprueba que la página se ha descargado completa.',
    );
    return;
  }
  try {
    const started = root.hasAttribute('data-embed')
      ? await startEmbed(api, failed)
      : await startPage(api, readerMoved);
    if (!started) return;
    const { labs, afterReady } = started;
    const charts = Object.fromEntries(
      Object.entries(labs).flatMap(([id, lab]) =>
        lab.charts ? Object.entries(lab.charts) : [[id, lab.chart]],
      ),
    );
    // A handle for the browser console (and the end-to-end tests): the API and the live charts.
    window.activaciones = Object.freeze({ api, charts });
    setUpExports(charts);
    announceSummaries();
    performance.mark('activaciones:ready');
    root.dataset.app = 'ready';
    afterReady();
    keepOffline();
  } catch (error) {
    console.warn(error);
    failed('La página no ha podido preparar las gráficas. Prueba a recargarla.');
  }
}

start();
