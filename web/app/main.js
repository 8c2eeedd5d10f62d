// Entry point: load the wasm core through the public API, then build every section's lab.
import { loadActivations } from '../lib/activations.js';
import { CORE_OPTIONS } from './core-source.js';
import { createComparison } from './sections/comparison.js';
import { createFunctionLab } from './sections/function-lab.js';
import { createGallery } from './sections/gallery.js';
import { createGradientLab } from './sections/gradient-lab.js';
import { createSeluLab } from './sections/selu-lab.js';
import { createLabClient } from './lab-client.js';
import { keepOffline } from './offline.js';
import { createSoftmaxLab } from './sections/softmax-lab.js';
import { createTrainingLab } from './sections/training-lab.js';
import { createStore } from './state/store.js';
import { setUpCopyButtons } from './ui/copy.js';
import { watchScrollables } from './ui/scrollables.js';
import { setUpTabs } from './ui/tabs.js';
import { describeError, showStatus } from './ui/status.js';
import { onThemeChange } from './views/chart-setup.js';

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

const CREATE = {
  function: (lab, section, ctx) =>
    createFunctionLab({ root: lab, section, spec: ctx.specs.get(lab.dataset.fn), ...ctx }),
  softmax: (lab, section, ctx) => createSoftmaxLab({ root: lab, section, ...ctx }),
  compare: (_lab, section, ctx) => createComparison({ section, ...ctx }),
  gallery: (_lab, section, ctx) => createGallery({ section, ...ctx }),
  gradient: (lab, section, ctx) =>
    createGradientLab({ root: lab, section, ...ctx, client: ctx.client() }),
  selu: (lab, section, ctx) => createSeluLab({ root: lab, section, ...ctx, client: ctx.client() }),
  training: (lab, section, ctx) => createTrainingLab({ root: lab, section, ...ctx }),
};

/** Sections with a lab, the linked one first, then by distance from what is on screen. */
function labSections(anchor) {
  const sections = [
    ...new Set([...document.querySelectorAll('[data-lab]')].map((l) => l.closest('section'))),
  ];
  const distance = (s) => {
    if (s.id === anchor) return -1;
    const { top, bottom } = s.getBoundingClientRect();
    return top > innerHeight ? top - innerHeight : bottom < 0 ? -bottom : 0;
  };
  return sections.sort((a, b) => distance(a) - distance(b));
}

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Builds every lab, one per task so the browser can paint between them: the chart on screen
 * appears first, and the page never freezes while the others are made.
 */
async function buildLabs(api) {
  const store = createStore();
  let client = null;
  const ctx = {
    api,
    store,
    specs: new Map(api.list().map((s) => [s.id, s])),
    // One worker for every lab, started by the first lab that needs it.
    client: () => (client ??= createLabClient(api)),
  };
  const labs = {};
  for (const section of labSections(store.activeAnchor())) {
    const lab = section.querySelector('[data-lab]');
    labs[section.id] = await CREATE[lab.dataset.lab](lab, section, ctx);
    if (Object.keys(labs).length === 1) performance.mark('activaciones:first-chart');
    await nextTask();
  }
  onThemeChange(() => Object.values(labs).forEach((lab) => lab.applyTheme()));
  window.addEventListener('hashchange', () => {
    if (store.restoreFromHash()) {
      document.getElementById(store.activeAnchor())?.scrollIntoView({ behavior: 'instant' });
    }
  });
  return { store, labs };
}

/**
 * Scrolls to the linked section once the labs are built: a link with state ("#elu?elu.alpha=2")
 * names no element, and a plain "#elu" may have been reached before the controls took their
 * height. A reader who has already scrolled is left alone.
 */
function scrollToAnchor(store, readerMoved) {
  if (readerMoved()) return;
  document.getElementById(store.activeAnchor())?.scrollIntoView({ behavior: 'instant' });
}

/** Whether the reader has scrolled or typed since the call (the page may shift meanwhile). */
function watchReader() {
  let moved = false;
  const mark = () => (moved = true);
  for (const type of ['wheel', 'touchstart', 'keydown', 'mousedown']) {
    addEventListener(type, mark, { once: true, passive: true });
  }
  return () => moved;
}

async function start() {
  setUpCopyButtons();
  setUpTabs();
  watchScrollables();
  const readerMoved = watchReader();
  let api;
  try {
    if (typeof WebAssembly !== 'object') throw new Error('WebAssembly unavailable');
    api = await loadActivations(CORE_OPTIONS);
    performance.mark('activaciones:core-loaded');
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
    const { store, labs } = await buildLabs(api);
    const charts = Object.fromEntries(
      Object.entries(labs).flatMap(([id, lab]) =>
        lab.charts ? Object.entries(lab.charts) : [[id, lab.chart]],
      ),
    );
    // A handle for the browser console (and the end-to-end tests): the API and the live charts.
    window.activaciones = Object.freeze({ api, charts });
    performance.mark('activaciones:ready');
    root.dataset.app = 'ready';
    scrollToAnchor(store, readerMoved);
    keepOffline();
  } catch (error) {
    console.warn(error);
    failed('La página no ha podido preparar las gráficas. Prueba a recargarla.');
  }
}

start();
