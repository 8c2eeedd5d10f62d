// Entry point of the page: load the wasm core through the public API, then build the views.
import { loadActivations } from '../lib/activations.js';
import { createExplorer } from './explorer.js';
import { showStatus } from './ui/status.js';

const root = document.documentElement;
root.dataset.app = 'starting';

function failed(message) {
  root.dataset.app = 'error';
  showStatus(message);
  for (const p of document.querySelectorAll('[data-placeholder]')) {
    p.textContent = 'Gráfica no disponible.';
  }
}

window.addEventListener('unhandledrejection', (event) => {
  event.preventDefault();
  console.warn(event.reason);
  showStatus('Algo ha fallado en la página. Prueba a recargarla.');
});

async function start() {
  let api;
  try {
    if (typeof WebAssembly !== 'object') throw new Error('WebAssembly unavailable');
    api = await loadActivations();
  } catch (error) {
    console.warn(error);
    failed(
      'No se ha podido cargar el motor de cálculo (WebAssembly), así que las gráficas no se ' +
        'pueden dibujar. Usa una versión reciente de Firefox, Chrome, Edge o Safari y comprueba ' +
        'que la página se ha descargado completa.',
    );
    return;
  }
  try {
    const charts = {};
    for (const section of document.querySelectorAll('[data-explorer]')) {
      const view = createExplorer(section.closest('section'), api);
      charts[view.id] = view.chart;
    }
    // A handle for the browser console (and the end-to-end tests): the API and the live charts.
    window.activaciones = Object.freeze({ api, charts });
    root.dataset.app = 'ready';
  } catch (error) {
    console.warn(error);
    failed('La página no ha podido preparar las gráficas. Prueba a recargarla.');
  }
}

start();
