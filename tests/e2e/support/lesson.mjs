// Helpers to read what the lesson's charts plot, from inside the page.

export const FUNCTION_SECTIONS = {
  sigmoide: 'sigmoid',
  tanh: 'tanh',
  relu: 'relu',
  elu: 'elu',
  selu: 'selu',
  softsign: 'softsign',
  softplus: 'softplus',
  exponencial: 'exponential',
};

export const ANCHORS = [
  'introduccion',
  'sigmoide',
  'tanh',
  'relu',
  'elu',
  'selu',
  'softmax',
  'softsign',
  'softplus',
  'exponencial',
  'comparacion',
  'otras-funciones',
  'gradiente',
  'autonormalizacion',
  'entrenamiento',
];

export const FIGURES = [
  'comparacion-funciones',
  'comparacion-derivadas',
  'comparacion-familia',
  'comparacion-familia-derivadas',
];

/**
 * A JSON fingerprint of everything a chart draws: data, visibility, axes and overlays. Read two
 * frames later: a control moved twice within one frame is drawn on the next (render-scheduler.js).
 */
export function snapshot(page, key) {
  return page.evaluate(async (k) => {
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const chart = window.activaciones.charts[k];
    const { datasets, labels } = chart.data;
    const { plugins, scales } = chart.options;
    return JSON.stringify({
      labels,
      data: datasets.map((d) => ({ hidden: !!d.hidden, data: d.data })),
      x: [scales.x.min, scales.x.max],
      y: [scales.y.min, scales.y.max],
      bands: plugins.bands && [plugins.bands.intervals, plugins.bands.levels],
      markers: plugins.markers && { guide: plugins.markers.guide, points: plugins.markers.points },
    });
  }, key);
}

/** How many times the lab in `selector` has redrawn. */
export function renders(page, selector) {
  return page.locator(selector).evaluate((el) => Number(el.dataset.renders ?? 0));
}

export async function waitForRender(page, selector, previous) {
  await page.waitForFunction(
    ([s, n]) => Number(document.querySelector(s).dataset.renders ?? 0) > n,
    [selector, previous],
  );
}

/** Moves a range input one step with the keyboard (up, or down when already at the top). */
export async function nudge(page, input) {
  const { value, max } = await input.evaluate((el) => ({ value: el.value, max: el.max }));
  await input.focus();
  await page.keyboard.press(Number(value) < Number(max) ? 'ArrowRight' : 'ArrowLeft');
}

/** Parses a number as the page prints it: "−1,496", "4,54·10⁻⁵". */
export function parseSpanish(text) {
  const sup = {
    '⁻': '-',
    '⁰': '0',
    '¹': '1',
    '²': '2',
    '³': '3',
    '⁴': '4',
    '⁵': '5',
    '⁶': '6',
    '⁷': '7',
    '⁸': '8',
    '⁹': '9',
  };
  const [mantissa, exponent] = text
    .trim()
    .replace(/−/g, '-')
    .replace(/\./g, '')
    .replace(',', '.')
    .split('·10');
  const e = exponent ? Number([...exponent].map((c) => sup[c]).join('')) : 0;
  return Number(mantissa) * 10 ** e;
}
