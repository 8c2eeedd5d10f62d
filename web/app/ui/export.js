// "Exportar": under every chart, a button that shows the buttons to download it as a PNG at twice
// its size (on white, or transparent) and its data as CSV; under the training lab's boundary map,
// its PNG and its grid. Folded, the 39 charts cost a keyboard one Tab each instead of four.
// Also sets up the sections' "Imprimir" buttons. Nothing here may break the page: a failure
// leaves a short message beside the buttons.
import { boundaryMapOf } from '../views/boundary-map.js';
import { chartPng, mapPng } from './chart-image.js';
import { el } from './controls.js';
import { chartCsv, toCsv } from './csv.js';
import { disclosure } from './disclosure.js';
import { inFrame, saveBlob } from './download.js';
import { setUpPrint } from './print.js';

const CSV_TYPE = 'text/csv;charset=utf-8';
const MESSAGE_MS = 6000;
const MAP_FILE = 'entrenamiento-frontera';

const csvBlob = (text) => new Blob([text], { type: CSV_TYPE });

/** A status line whose message clears itself after a while. */
function statusLine() {
  const element = el('span', { class: 'export-status', role: 'status' });
  let timer = 0;
  const say = (text) => {
    element.textContent = text;
    clearTimeout(timer);
    timer = setTimeout(() => (element.textContent = ''), MESSAGE_MS);
  };
  return { element, say };
}

async function download(say, file, make) {
  try {
    saveBlob(await make(), file);
    say(
      inFrame()
        ? `Si ${file} no se descarga, abre la lección en una pestaña propia: dentro de otra página el navegador puede impedirlo.`
        : `Descarga iniciada: ${file}.`,
    );
  } catch (error) {
    console.warn(error);
    say(`No se ha podido preparar ${file}. Prueba otra vez o recarga la página.`);
  }
}

let toolbars = 0;

/**
 * «Exportar», a disclosure (disclosure.js) that shows or hides the actions.
 * actions: [{ text, title, file, make: () => Blob | Promise<Blob> }]
 */
function toolbar(label, actions, className = '') {
  const status = statusLine();
  const id = `exportar-${++toolbars}`;
  const buttons = actions.map(({ text, title, file, make }) => {
    const button = el('button', { type: 'button', class: 'export-button', text, title });
    button.addEventListener('click', () => download(status.say, file, make));
    return button;
  });
  const panel = el(
    'div',
    { class: 'export-actions', id, role: 'group', 'aria-label': label },
    buttons,
  );
  const toggle = el('button', {
    type: 'button',
    class: 'export-toggle',
    text: 'Exportar',
    'aria-label': label,
  });
  disclosure(toggle, panel);
  return el('div', { class: `export-tools ${className}`.trim() }, [toggle, panel, status.element]);
}

function chartToolbar(key, chart) {
  const name = chart.canvas.getAttribute('aria-label') ?? key;
  // A lab with parameters says them (see function-lab.js): «α = 2».
  const note = () => chart.$exportNote?.() ?? '';
  const box = chart.canvas.closest('.chart-box') ?? chart.canvas;
  box.after(
    toolbar(`Exportar: ${name}`, [
      {
        text: 'Descargar PNG',
        title: 'Imagen PNG al doble de resolución, con fondo blanco',
        file: `${key}.png`,
        make: () => chartPng(chart, { white: true, note: note() }),
      },
      {
        text: 'PNG sin fondo',
        title: 'Imagen PNG al doble de resolución, con fondo transparente',
        file: `${key}-sin-fondo.png`,
        make: () => chartPng(chart, { white: false, note: note() }),
      },
      ...csvActions(key, 'Los datos de las curvas visibles', (spanish) =>
        chartCsv(chart, { note: note(), spanish }),
      ),
    ]),
  );
}

/** «CSV» for programs and English spreadsheets, «CSV para Excel» for Spanish ones (csv.js). */
function csvActions(key, what, csv) {
  return [
    {
      text: 'CSV',
      title:
        `${what}, en CSV: comas entre columnas y punto decimal, para Python, R o una hoja ` +
        'de cálculo en inglés',
      file: `${key}.csv`,
      make: () => csvBlob(csv(false)),
    },
    {
      text: 'CSV para Excel',
      title:
        `${what}, en CSV para Excel, LibreOffice o Google Sheets en español: punto y coma ` +
        'entre columnas y coma decimal',
      file: `${key}-excel.csv`,
      make: () => csvBlob(csv(true)),
    },
  ];
}

/** The map's grid: row i has x₂ = 6 − 12 i / (n − 1), column j has x₁ = −6 + 12 j / (n − 1). */
function gridCsv(canvas, spanish) {
  const last = boundaryMapOf(canvas)?.lastGrid();
  if (!last) throw new Error('the boundary map has not been drawn yet');
  const { grid, n } = last;
  const rows = [];
  for (let i = 0; i < n; i++) {
    const x2 = String(6 - (12 * i) / (n - 1));
    for (let j = 0; j < n; j++) {
      const p = grid[i * n + j];
      rows.push([String(-6 + (12 * j) / (n - 1)), x2, Number.isFinite(p) ? String(p) : '']);
    }
  }
  return toCsv(['x1', 'x2', 'P(clase 1)'], rows, { spanish });
}

function mapToolbar(canvas) {
  canvas.after(
    toolbar(
      'Exportar: frontera de decisión',
      [
        {
          text: 'Descargar PNG',
          title: 'Imagen PNG al doble de resolución',
          file: `${MAP_FILE}.png`,
          make: () => mapPng(canvas),
        },
        ...csvActions(
          MAP_FILE,
          'La probabilidad de la clase 1 en cada punto de la rejilla',
          (spanish) => gridCsv(canvas, spanish),
        ),
      ],
      'export-tools-map',
    ),
  );
}

/** charts: { key: Chart } as in window.activaciones; the key names the downloaded files. */
export function setUpExports(charts) {
  const steps = [
    ...Object.entries(charts).map(
      ([key, chart]) =>
        () =>
          chartToolbar(key, chart),
    ),
    ...[...document.querySelectorAll('canvas[data-map]')].map((c) => () => mapToolbar(c)),
    () => setUpPrint(charts),
  ];
  for (const step of steps) {
    try {
      step();
    } catch (error) {
      console.warn(error);
    }
  }
}
