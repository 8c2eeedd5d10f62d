// What the training lab draws: the boundary map with the data (one run) or a thumbnail per run
// (comparing), the loss chart, the dead units per layer and a sentence that says it in words.
import { formatSignificant } from '../format.js';
import { seriesStyle } from '../sections/series-style.js';
import { el, lineSwatch } from '../ui/controls.js';
import { BoundaryMap } from '../views/boundary-map.js';
import { themeColors } from '../views/chart-setup.js';
import { LossChart } from '../views/loss-chart.js';

// A diverged run's loss is ∞ or NaN: said as such, not as a number.
export const formatLoss = (v) =>
  Number.isFinite(v) ? formatSignificant(v, 3) : Number.isNaN(v) ? 'indefinida (NaN)' : 'infinita';

function deadText(dead, hidden) {
  const total = hidden.reduce((a, b) => a + b, 0);
  const count = dead.reduce((a, layer) => a + layer.length, 0);
  if (total === 0) return 'sin capas ocultas';
  return total === 1 ? `${count} de 1 unidad muerta` : `${count} de ${total} unidades muertas`;
}

const BOTH_LOSSES = {
  axis: 'pérdida (entropía cruzada)',
  label: 'Pérdida de entrenamiento y de prueba en cada época',
};

export function createTrainingView(root, summaryId) {
  const single = root.querySelector('[data-single]');
  const compare = root.querySelector('[data-compare]');
  const map = new BoundaryMap(root.querySelector('[data-map]'));
  const lossCanvas = root.querySelector('[data-chart]');
  // One summary for the maps and the loss chart, which both modes show: only it points to the
  // summary, or a screen reader would read it once per chart (see selu-lab.js).
  lossCanvas.setAttribute('aria-describedby', summaryId);
  const chart = new LossChart(lossCanvas);
  const readout = root.querySelector('[data-readout]');
  const deadBox = root.querySelector('[data-dead]');
  const summary = document.getElementById(summaryId);
  let thumbs = [];
  let last = null;
  // Read once, and again when the theme changes: getComputedStyle on every frame forced a
  // style recalculation of the whole page.
  let colors = themeColors();
  let deadShown = null; // what deadLayers last drew: it changes far less often than a frame

  function buildThumbs(runs) {
    thumbs = runs.map((run, i) => {
      const canvas = el('canvas', {
        class: 'thumb-map',
        role: 'img',
        'aria-label': `Frontera de decisión con ${run.phrase}`,
      });
      const swatch = lineSwatch(seriesStyle(i).color, seriesStyle(i).dash);
      const stats = el('span', { class: 'thumb-stats' });
      const figure = el('figure', { class: 'thumb' }, [
        canvas,
        el('figcaption', {}, [swatch.element, el('strong', { text: run.label }), el('br'), stats]),
      ]);
      return {
        key: run.label,
        map: new BoundaryMap(canvas, { compact: true }),
        stats,
        swatch,
        figure,
      };
    });
    compare.replaceChildren(...thumbs.map((t) => t.figure));
  }

  function deadLayers(dead, hidden) {
    const key = JSON.stringify([dead, hidden]);
    if (key === deadShown) return;
    deadShown = key;
    deadBox.replaceChildren(
      ...hidden.map((width, l) => {
        const gone = new Set(dead[l] ?? []);
        const units = Array.from({ length: width }, (_, u) =>
          el('span', { class: gone.has(u) ? 'unit unit-dead' : 'unit' }),
        );
        return el('div', { class: 'unit-layer' }, [
          el('span', {
            class: 'unit-label',
            text: `Capa ${l + 1}: ${gone.size} de ${width} ${width === 1 ? 'muerta' : 'muertas'}`,
          }),
          el('span', { class: 'unit-row', 'aria-hidden': 'true' }, units),
        ]);
      }),
    );
    if (hidden.length === 0) {
      deadBox.replaceChildren(
        el('p', { text: 'Sin capas ocultas: no hay unidades que puedan morir.' }),
      );
    }
  }

  /**
   * state: { compare, epoch, runs: [{ label, phrase, train, test (points {x, y}), grid, n, dead }],
   * hidden, points: { train, test }, showTest, discretize, curve }
   */
  function render(state) {
    last = state;
    const { runs, points, hidden } = state;
    single.hidden = state.compare;
    compare.hidden = !state.compare;
    // Each thumbnail counts its own dead units; the single run's rows would be another run's.
    deadBox.hidden = state.compare;
    const drawOptions = {
      train: points?.train,
      test: state.showTest ? points?.test : null,
      discretize: state.discretize,
    };
    if (!state.compare) {
      const [run] = runs;
      if (!run) return;
      if (run.grid) map.draw(run.grid, run.n, drawOptions);
      chart.update(
        [
          { label: 'Entrenamiento', color: colors.f, points: run.train },
          { label: 'Prueba', color: colors.df, dash: [6, 4], points: run.test },
        ],
        BOTH_LOSSES,
      );
      const now = run.test.at(-1);
      readout.textContent = `Época ${state.epoch} · pérdida de entrenamiento ${formatLoss(run.train.at(-1)?.y)} · de prueba ${formatLoss(now?.y)}`;
      deadLayers(run.dead ?? [], hidden);
      // Without hidden layers the network is a logistic regression: no activation takes part.
      const by = hidden.length > 0 ? `Con ${run.phrase}` : 'Sin capas ocultas, sin activación';
      summary.textContent =
        `${by}, en la época ${state.epoch}, la pérdida de entrenamiento es ` +
        `${formatLoss(run.train.at(-1)?.y)} y la de prueba ${formatLoss(now?.y)}` +
        (hidden.length > 0 ? `; ${deadText(run.dead ?? [], hidden)}.` : '.');
      return;
    }
    if (thumbs.length !== runs.length || thumbs.some((t, i) => t.key !== runs[i].label)) {
      buildThumbs(runs);
    }
    const curve = state.curve === 'entrenamiento' ? 'train' : 'test';
    const which = curve === 'train' ? 'de entrenamiento' : 'de prueba';
    chart.update(
      runs.map((run, i) => ({ label: run.label, ...seriesStyle(i), points: run[curve] })),
      {
        axis: `pérdida ${which} (entropía cruzada)`,
        label: `Pérdida ${which} en cada época, una curva por activación`,
      },
    );
    runs.forEach((run, i) => {
      const t = thumbs[i];
      const style = seriesStyle(i);
      t.swatch.set(style.color, style.dash);
      if (run.grid) t.map.draw(run.grid, run.n, drawOptions);
      t.stats.textContent = `prueba ${formatLoss(run.test.at(-1)?.y)} · ${deadText(run.dead ?? [], hidden)}`;
    });
    readout.textContent = `Época ${state.epoch}`;
    summary.textContent =
      runs.length < 2
        ? 'Elige al menos dos activaciones distintas para compararlas.'
        : `Época ${state.epoch}. Pérdida ${which}: ` +
          runs.map((r) => `${formatLoss(r[curve].at(-1)?.y)} con ${r.phrase}`).join('; ') +
          '.';
  }

  return {
    chart: chart.chart,
    render,
    applyTheme() {
      colors = themeColors();
      map.applyTheme();
      for (const t of thumbs) t.map.applyTheme();
      chart.applyTheme();
      if (last) render(last);
    },
  };
}
