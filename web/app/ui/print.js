// "Imprimir" beside each section's title prints that section alone: <html data-print="anchor">
// and data-print-target on the section tell print.css what to hide. Ctrl+P, with no mark, prints
// the whole lesson. Chart.js does not see the print layout, so before printing each chart that
// will be printed is redrawn at the fixed size print.css gives its box (and with axis colours
// for white paper), and put back afterwards; in the dark theme, the line swatches and the
// decision maps take the light theme's colours too.
import { usePaperColors, usePaperPage } from '../views/paper-colors.js';
import { el } from './controls.js';
import { showStatus } from './status.js';

const root = document.documentElement;
let pending = null; // clears the mark if afterprint never comes

function clearMark() {
  pending?.abort();
  pending = null;
  delete root.dataset.print;
  for (const s of document.querySelectorAll('[data-print-target]')) delete s.dataset.printTarget;
}

function markedSection() {
  return root.dataset.print ? document.getElementById(root.dataset.print) : null;
}

function printSection(section) {
  clearMark();
  root.dataset.print = section.id;
  section.dataset.printTarget = '';
  try {
    window.print();
  } catch (error) {
    console.warn(error);
    clearMark();
    showStatus('El navegador no deja imprimir desde aquí. Prueba con su menú: Archivo › Imprimir.');
    return;
  }
  // print() returns when the dialog closes in most browsers, but not in all, and a frame may
  // refuse it without a word: then the reader's next move ends the one-section mode.
  pending = new AbortController();
  for (const type of ['pointerdown', 'keydown']) {
    addEventListener(type, clearMark, { capture: true, once: true, signal: pending.signal });
  }
}

// A function section's handout keeps what it is, what it is for and its drawbacks; further
// subsections (softmax's temperature, its relatives) and the code stay on screen.
const KEY_POINTS = new Set(['Qué es', 'Para qué sirve', 'Inconvenientes']);

function markExtras(section) {
  const headings = [...section.querySelectorAll(':scope > h3')];
  if (!headings.some((h) => h.textContent.trim() === 'Para qué sirve')) return;
  let extra = false;
  for (const node of section.children) {
    if (node.tagName === 'H3') extra = !KEY_POINTS.has(node.textContent.trim());
    if (extra) node.dataset.printExtra = '';
  }
}

function addButton(section) {
  const heading = section.querySelector(':scope > h2');
  if (!heading) return;
  const title = heading.textContent.replace(/^\d+\.\s*/, '').trim();
  const button = el('button', {
    type: 'button',
    class: 'print-button',
    text: 'Imprimir',
    'aria-label': `Imprimir la sección ${title}`,
    title: 'Imprime solo esta sección, sin los controles ni el código',
  });
  button.addEventListener('click', () => printSection(section));
  const head = el('div', { class: 'section-head' });
  heading.before(head);
  head.append(heading, button);
}

/** The size print.css gives a chart's box, in CSS pixels. */
function printSize(chart) {
  const style = getComputedStyle(root);
  const read = (name) => Number(style.getPropertyValue(name));
  const short = chart.canvas.closest('.chart-box-short');
  return [
    read('--print-chart-width'),
    read(short ? '--print-chart-height-short' : '--print-chart-height'),
  ];
}

/** charts: { key: Chart }, as in window.activaciones. */
export function setUpPrint(charts) {
  for (const section of document.querySelectorAll('main > section')) {
    addButton(section);
    markExtras(section);
  }
  let printed = [];
  let restorePage = () => {};
  addEventListener('beforeprint', () => {
    const section = markedSection();
    try {
      restorePage = usePaperPage(section ?? document);
    } catch (error) {
      console.warn(error);
    }
    for (const chart of Object.values(charts)) {
      if (section && !section.contains(chart.canvas)) continue;
      try {
        const restore = usePaperColors(chart);
        printed.push({ chart, restore });
        const [width, height] = printSize(chart);
        if (width > 0 && height > 0) chart.resize(width, height);
        chart.update('none');
      } catch (error) {
        console.warn(error);
      }
    }
  });
  addEventListener('afterprint', () => {
    for (const { chart, restore } of printed.reverse()) {
      try {
        restore();
        chart.resize();
        chart.update('none');
      } catch (error) {
        console.warn(error);
      }
    }
    printed = [];
    try {
      restorePage();
    } catch (error) {
      console.warn(error);
    }
    restorePage = () => {};
    clearMark();
  });
}
